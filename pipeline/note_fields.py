"""A note's or a row's fields as card lines: Anki's HTML, cloze deletions, front and back.

Anki keeps fields as HTML (`<br>`, `<div>`, lists, `&amp;`); its cloze notes
hide answers as `{{c1::answer}}` or `{{c1::answer::hint}}`. Both become the
plain lines a native deck would hold, so the same card reads the same in
every format. The HTML scan is linear: each tag match stops at the next `<`,
and an unclosed comment or script ends the field, so hostile markup cannot
make it quadratic (the standard library's `HTMLParser` is, on `<a<a<a…`).
"""
from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from .cloze import ClozeError, has_cloze, reveal_cloze
from .deck_cards import MAX_RAW_CHARS, CardMaker, card_too_long, oversize
from .types import Card, Line, Origin

__all__ = ["FieldText", "raw_too_long", "field_text", "NoteProblem", "note_card"]

_TAG: Final = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)([^<>]*)>")
_DECLARATION: Final = re.compile(r"<[!?][^<>]*>")
_SRC: Final = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_SOUND: Final = re.compile(r"\[sound:([^\]\n]*)\]")
_BREAKS: Final = frozenset("br div p tr h1 h2 h3 h4 h5 h6 table blockquote pre hr dt dd".split())
_LISTS: Final = frozenset(("ul", "ol"))
_CELLS: Final = frozenset(("td", "th"))
_MEDIA: Final = frozenset("img audio video source object embed".split())
_SKIPPED: Final = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style", "template", "head")}
_BREAK: Final = re.compile(r"[ \t]*\n\s*")
_LEADING_BREAK: Final = re.compile(r"^\s*\n\s*")
_OCCLUSION: Final = re.compile(r"\{\{c\d+::image-occlusion:")


@dataclass(frozen=True)
class FieldText:
    """A field as lines, each with the number of raw line breaks before it (for file line numbers)."""

    lines: tuple[tuple[int, str], ...]
    media: tuple[str, ...] = ()


def raw_too_long(raw: Sequence[str]) -> str | None:
    """Why fields are too long to read at all (`MAX_RAW_CHARS`), or None."""
    size = sum(len(value) for value in raw)
    return card_too_long(size) if size > MAX_RAW_CHARS else None


def field_text(raw: str, *, is_html: bool) -> FieldText:
    """A field's lines: split at line breaks, or, for HTML, at `<br>` and block tags, without markup."""
    if not is_html:
        return FieldText(tuple((i, text.rstrip()) for i, text in enumerate(raw.split("\n"))))
    return _HtmlLines(raw).run()


class _HtmlLines:
    """One pass over a field's HTML (see the module docstring for why not `HTMLParser`)."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.out: list[tuple[int, str]] = []
        self.parts: list[str] = []
        self.start: int | None = None     # raw line of the current line's first character
        self.newlines = 0                 # raw line breaks before the scan position
        self.media: list[str] = []
        self.depth = 0                    # open lists, for bullets
        self.cells = 0                    # cells of the table row being read
        self.header = False               # that row has a <th> cell

    def run(self) -> FieldText:
        raw, pos, n = self.raw, 0, len(self.raw)
        while pos < n:
            lt = raw.find("<", pos)
            self._data(raw[pos : n if lt < 0 else lt])
            if lt < 0:
                break
            pos = self._markup(lt)
        self._break()
        return FieldText(tuple(self.out), tuple(self.media))

    def _markup(self, pos: int) -> int:
        """Handle the markup at `pos` (a `<`); return where the scan goes on."""
        raw = self.raw
        if raw.startswith("<!--", pos):
            close = raw.find("-->", pos + 4)
            return self._skip(pos, len(raw) if close < 0 else close + 3)
        m = _TAG.match(raw, pos)
        if m is None:
            declaration = _DECLARATION.match(raw, pos)
            if declaration:
                return self._skip(pos, declaration.end())
            self._data("<")
            return pos + 1
        end = self._skip(pos, m.end())
        closing, name = m.group(1) == "/", m.group(2).lower()
        if name in _SKIPPED and not closing:
            closed = _SKIPPED[name].search(raw, end)
            return self._skip(end, len(raw) if closed is None else closed.end())
        if name in _MEDIA:
            src = _SRC.search(m.group(3))
            if src:
                self.media.append(next(g for g in src.groups() if g is not None))
        if name in _LISTS:
            self.depth = max(0, self.depth + (-1 if closing else 1))
            self._break()
        elif name in _CELLS:
            if not closing:             # a table row becomes a markdown pipe row, as in a native deck
                self.parts.append(" | " if self.cells else "| ")
                self.cells += 1
                self.header = self.header or name == "th"
        elif name == "li" and not closing:
            self._break()
            self.parts.append("- " * max(1, self.depth))
        elif name in _BREAKS or name == "li":
            self._break()
        return end

    def _skip(self, start: int, end: int) -> int:
        self.newlines += self.raw.count("\n", start, end)
        return end

    def _data(self, chunk: str) -> None:
        if not chunk:
            return
        sounds = _SOUND.findall(chunk)
        if sounds:
            self.media.extend(sounds)
        text = html.unescape(_SOUND.sub("", chunk) if sounds else chunk).replace("\xa0", " ")
        if self.start is None:
            text = _LEADING_BREAK.sub("", text)      # the source's indentation, not the card's
            if text.strip():
                first = len(chunk) - len(chunk.lstrip())
                self.start = self.newlines + chunk.count("\n", 0, first)
        self.newlines += chunk.count("\n")
        self.parts.append(_BREAK.sub(" ", text))   # in HTML a line break in the source is a space

    def _break(self) -> None:
        line = self.newlines if self.start is None else self.start
        if self.cells:
            self.parts.append(" |")
        self.out.append((line, "".join(self.parts).rstrip()))
        if self.header:
            self.out.append((line, "|" + "---|" * self.cells))
        self.parts = []
        self.start = None
        self.cells, self.header = 0, False


@dataclass(frozen=True)
class NoteProblem:
    """Why a note or row is not a card, and the line to point at (None: the row or note itself)."""

    reason: str
    line: int | None = None


def note_card(maker: CardMaker, index: int, fields: Sequence[Sequence[Line]], media: Sequence[Sequence[str]],
              origin: Origin | None = None, *, what: str = "row") -> Card | NoteProblem:
    """A card from a note's (or a row's) numbered field lines: front, then back and any further fields.

    A cloze note (deletions in its first field) has no title; its first field,
    filled in, leads the answer. `what` names the thing in messages ("row", "note").
    """
    def kept(lines: Sequence[Line]) -> list[Line]:
        return [line for line in lines if line.text.strip()]

    first = kept(fields[0]) if fields else []
    rest = [line for lines in fields[1:] for line in kept(lines)]
    cloze = has_cloze("\n".join(line.text for line in first))
    if cloze and _OCCLUSION.search(first[0].text if first else ""):
        return NoteProblem("image occlusion note: its question is an image; qbank reads text only")
    if not first:
        named = ", ".join(media[0]) if media else ""
        if named:
            return NoteProblem(f"{what}'s front is only media ({named}); qbank reads text only")
        return NoteProblem(f"{what} has an empty front (question); fill its first field")
    if cloze:
        try:
            filled = reveal_cloze("\n".join(line.text for line in first)).split("\n")
        except ClozeError as e:
            return NoteProblem(str(e), first[0].number)
        titles, answers = [], kept([Line(line.number, text.rstrip()) for line, text in zip(first, filled)]) + rest
        key = " ".join(filled)   # a cloze note asks its text: that, not its extra fields, names the card
        if not answers:
            return NoteProblem(f"{what}'s cloze text is empty once its deletions are filled in", first[0].number)
    else:
        titles, answers, key = first, rest, None
        if not answers:
            named = ", ".join(m for ms in media[1:] for m in ms)
            if named:
                return NoteProblem(f"{what}'s back is only media ({named}); qbank reads text only")
            return NoteProblem(f"{what} has no back (answer); write the answer in its second field")
    too_big = oversize(titles + answers)
    if too_big:
        return NoteProblem(too_big[1], too_big[0].number)
    return maker.card(index, titles, answers, origin, key=key)
