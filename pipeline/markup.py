"""Markup left in plain-text notes: HTML line breaks and entities pasted from a wiki, asterisk emphasis.

Notes copied from a wiki or a web page keep `<br>`, `&nbsp;` and `*(me)*` in plain text. Read as
written, they end up in stems ("… per 10,000 <br>HTTP: _____"); read as what they mean, a `<br>` ends
a line, an entity is its character and emphasis is the text it emphasises.
"""
from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Final

from .types import Line

__all__ = ["unmarked"]

_BREAK: Final = re.compile(r"<br\s*/?>", re.IGNORECASE)
_ENTITY: Final = re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,5}|[A-Za-z]{2,8});")
# "*(me)*", "*wiki*": one asterisk each side, hugging the text; not "**bold**", "* item" or "0.5GB * 3s"
_EMPHASIS: Final = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,200}?)(?<=[^\s*])\*(?![\w*])")
_LEAD: Final = re.compile(r"^\s*(?:[-*•]\s+)*")


def unmarked(lines: Sequence[Line]) -> list[Line]:
    """`lines` without that markup: a line holding `<br>` becomes a line per part (same file line, the
    first part's bullet on each), parts left empty are dropped."""
    out: list[Line] = []
    for line in lines:
        text = line.text
        if "*" in text:
            text = _EMPHASIS.sub(r"\1", text)
        if "&" in text:
            text = _ENTITY.sub(lambda m: html.unescape(m.group()).replace("\xa0", " "), text)
        if "<" not in text or not _BREAK.search(text):
            out.append(line if text == line.text else Line(line.number, text, line.wraps))
            continue
        parts = _BREAK.split(text)
        lead = _LEAD.match(parts[0]).group()    # type: ignore[union-attr]
        for n, part in enumerate(parts):
            words = (part[len(lead):] if n == 0 else part).strip()
            if words:
                out.append(Line(line.number, part.rstrip() if n == 0 else lead + words))
    return out
