"""Anki's cloze deletions, `{{c1::answer}}` and `{{c1::answer::hint}}`, filled in: an .apkg's or a CSV row's
cloze note and a cloze export pasted into a text deck read as the text they hide answers in."""
from __future__ import annotations

import re
from typing import Final

__all__ = ["ClozeError", "has_cloze", "reveal_cloze"]

_CLOZE_TOKEN: Final = re.compile(r"\{\{c\d+::|::|\}\}")
_CLOZE_OPEN: Final = re.compile(r"\{\{c\d+::")


class ClozeError(ValueError):
    """A cloze deletion that is opened and never closed."""


def has_cloze(text: str) -> bool:
    return _CLOZE_OPEN.search(text) is not None


def reveal_cloze(text: str) -> str:
    """Cloze text with every deletion filled in and hints dropped: `{{c1::900 seconds::time}}` → `900 seconds`.

    Nested deletions are filled in too. Line breaks inside a dropped hint are
    kept, so the text keeps its lines.

    Raises:
        ClozeError: a `{{cN::` is never closed.
    """
    out: list[str] = []
    stack: list[list[object]] = []   # per open deletion: [inside its hint?, its opening token]
    hidden = 0                       # open deletions whose hint we are in
    pos = 0
    for m in _CLOZE_TOKEN.finditer(text):
        chunk = text[pos : m.start()]
        out.append("\n" * chunk.count("\n") if hidden else chunk)
        token = m.group()
        if token == "::":
            if stack and not stack[-1][0]:
                stack[-1][0] = True
                hidden += 1
            elif not hidden:
                out.append(token)
        elif token == "}}":
            if stack:
                hidden -= bool(stack.pop()[0])
            elif not hidden:
                out.append(token)
        else:
            stack.append([False, token])
        pos = m.end()
    if stack:
        raise ClozeError(f"cloze deletion '{stack[0][1]}' is never closed; close it with '}}}}'")
    out.append(text[pos:])
    return "".join(out)
