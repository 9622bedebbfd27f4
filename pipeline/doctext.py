"""A Doc's source text, read once.

`Doc.text` rebuilds the string from its tokens on every access, which cost as
much as the rule components themselves; the text is stored in `user_data`
when the Doc is made (or on first use) and read from there.
"""
from __future__ import annotations

from typing import Final

from spacy.tokens import Doc

TEXT_KEY: Final = "qbank.text"
# (start, end) character offsets of product names that hold digits ("Microsoft 365"), set by the
# services component so the quantities component can leave those digits alone.
NAMES_KEY: Final = "qbank.names_with_digits"


def doc_text(doc: Doc) -> str:
    """The Doc's text, from `user_data` when present, else built once and kept."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
