"""Delimited decks: Anki's "Notes in Plain Text" export, Quizlet's TSV, CSV with a header.

A CSV with a title and a text column but no question and answer (an issue tracker's export, a board's or a
project's) holds notes, not flashcards: `csv_notes` gives them as notes, a card a row.

Anki's export starts with `#key:value` lines (`#separator:tab`, `#html:true`,
`#guid column:1`, `#notetype column:2`, `#deck column:3`, `#tags column:6`, …);
the columns they name are not fields, the others are the note's fields in order.
A card's lines keep the file line they sit on, so its front and back share one.
Fields are split by a linear scan rather than the `csv` module, whose field
size limit raises on a long card and whose unclosed quote swallows the rest
of the file without a word.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Final

from .deck_cards import CardMaker
from .errors import DeckError
from .note_exports import jira_lines
from .note_fields import NoteProblem, field_text, note_card, raw_too_long
from .types import Card, DeckIssue, Line, Origin

__all__ = ["ANKI_KEYS", "has_anki_header", "split_rows", "read_rows", "csv_notes", "QUESTION_COLUMNS", "ANSWER_COLUMNS", "NOTE_COLUMNS"]

ANKI_KEYS: Final = ("separator", "html", "tags", "columns", "notetype", "deck",
                    "notetype column", "deck column", "tags column", "guid column")
_HEADER: Final = re.compile(r"^#([a-z ]+):(.*)$")
SEPARATORS: Final = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"}
QUESTION_COLUMNS: Final = ("question", "front", "term", "title", "prompt", "q")
ANSWER_COLUMNS: Final = ("answer", "back", "definition", "a")
NOTE_COLUMNS: Final = ("note", "notes", "explanation", "extra")
# a CSV of notes: Jira's and Linear's "Summary"/"Title" and "Description", GitHub's "title" and "body", Trello's
# "Card Name" and "Card Description" (in "List Name"), Asana's "Name" and "Notes" (in "Section/Column")
TITLE_COLUMNS: Final = ("summary", "title", "card name", "name", "subject", "topic")
TEXT_COLUMNS: Final = ("description", "card description", "body", "notes", "content", "text", "details")
SECTION_COLUMNS: Final = ("list name", "section/column", "section", "category")
_CSV_DELIMITERS: Final = (",", ";", "\t", "|")
_QUOTED: Final = re.compile(r'"([^"]*(?:""[^"]*)*)"')

Row = tuple[int, list[tuple[str, int]]]   # (line the row starts on, [(raw field, line it starts on)])


def has_anki_header(head: str) -> bool:
    """Does the text start with one of Anki's export headers (`#separator:tab` …)?"""
    m = _HEADER.match(head.split("\n", 1)[0])
    return m is not None and m.group(1).strip() in ANKI_KEYS


@dataclass
class _Header:
    separator: str = "\t"
    is_html: bool = False
    tags: tuple[str, ...] = ()
    notetype: str | None = None
    deck: str | None = None
    special: dict[str, int] = field(default_factory=dict)   # "guid"/"notetype"/"deck"/"tags" -> 0-based column
    lines: int = 0                                          # header lines before the first row


def _anki_header(lines: list[str], path: str) -> _Header:
    header = _Header()
    for number, line in enumerate(lines, 1):
        m = _HEADER.match(line)
        key = m.group(1).strip() if m else ""
        if key not in ANKI_KEYS:
            break
        value = m.group(2).strip()  # type: ignore[union-attr]
        where = f"{path}:{number}: '#{key}:{value}'"
        if key == "separator":
            sep = SEPARATORS.get(value.lower(), value if len(value) == 1 else "")
            if sep in ("", '"', "\n"):
                raise DeckError(f"{where} is not a separator; use one of {', '.join(SEPARATORS)} or one character")
            header.separator = sep
        elif key == "html":
            if value.lower() not in ("true", "false"):
                raise DeckError(f"{where}: write true or false")
            header.is_html = value.lower() == "true"
        elif key == "tags":
            header.tags = tuple(value.split())
        elif key in ("notetype", "deck"):
            setattr(header, key, value or None)
        elif key.endswith(" column"):
            if not value.isdigit() or not 1 <= int(value) <= 1000:
                raise DeckError(f"{where} is not a column number; columns count from 1")
            header.special[key.split()[0]] = int(value) - 1
        header.lines = number
    return header


def split_rows(body: str, separator: str, *, first_line: int, path: str) -> Iterator[Row]:
    """Rows of delimited text, with the line each row and field starts on; `"…"` quotes
    a field (`""` is a quote inside it), and text after a closing quote joins the field.

    Raises:
        DeckError: a quoted field never closes.
    """
    unquoted = re.compile(f"[^{re.escape(separator)}\n]*")
    pos, n, line = 0, len(body), first_line
    while pos <= n:
        row_line, fields = line, []
        while True:
            field_line = line
            value = ""
            if body.startswith('"', pos):
                m = _QUOTED.match(body, pos)
                if m is None:
                    raise DeckError(f"{path}:{line}: a quoted field starts here and never ends (no closing '\"'); "
                                    "close the quote or remove it")
                value = m.group(1).replace('""', '"')
                line += m.group(1).count("\n")
                pos = m.end()
            end = unquoted.match(body, pos).end()  # type: ignore[union-attr]  # it always matches, maybe empty
            value += body[pos:end]
            pos = end
            fields.append((value, field_line))
            if pos < n and body[pos] == separator:
                pos += 1
                continue
            break
        yield row_line, fields
        pos += 1
        line += 1


def read_rows(text: str, *, path: str, fmt: str, maker: CardMaker) -> tuple[list[Card], list[DeckIssue]]:
    """Cards of a tab-separated (`fmt="tsv"`, with or without Anki's headers) or CSV deck."""
    if fmt == "csv":
        rows, header, origin_of = _csv_rows(text, path), _Header(), None
    else:
        lines = text.split("\n")
        header = _anki_header(lines, path) if has_anki_header(text) else _Header()
        body = "\n".join(lines[header.lines:])
        rows = split_rows(body, header.separator, first_line=header.lines + 1, path=path)
        origin_of = _origins(header)
    cards: list[Card] = []
    issues: list[DeckIssue] = []
    index = 0
    for number, raw in rows:
        if not any(value.strip() for value, _ in raw):
            continue
        origin = origin_of(raw) if origin_of else None
        kept = [cell for i, cell in enumerate(raw) if i not in header.special.values()]
        too_long = raw_too_long([value for value, _ in kept])
        if too_long:
            issues.append(DeckIssue(path, number, too_long))
            index += 1
            continue
        texts = [field_text(value, is_html=header.is_html) for value, _ in kept]
        fields = [[Line(start + offset, t) for offset, t in ft.lines] for (_, start), ft in zip(kept, texts)]
        made = note_card(maker, index, fields, [ft.media for ft in texts], origin, what="row")
        if isinstance(made, NoteProblem):
            issues.append(DeckIssue(path, made.line or number, made.reason))
        else:
            cards.append(made)
        index += 1
    return cards, issues


def _origins(header: _Header) -> Callable[[list[tuple[str, int]]], Origin] | None:
    """Each row's Anki note, when the header says anything about notes; else None."""
    special = header.special
    if not (special or header.tags or header.notetype or header.deck):
        return None

    def cell(raw: list[tuple[str, int]], name: str) -> str | None:
        i = special.get(name)
        return raw[i][0].strip() or None if i is not None and i < len(raw) else None

    def origin(raw: list[tuple[str, int]]) -> Origin:
        tags = header.tags + tuple((cell(raw, "tags") or "").split())
        return Origin(guid=cell(raw, "guid"), note_type=cell(raw, "notetype") or header.notetype,
                      deck=cell(raw, "deck") or header.deck, tags=tags)
    return origin


def _csv_rows(text: str, path: str) -> Iterator[Row]:
    """Rows of a CSV deck as (question, answer[, note]) fields, picked by the header's names.

    The delimiter is whichever of `,` `;` TAB `|` makes a header with both a
    question and an answer column (spreadsheets in many locales write `;`).

    Raises:
        DeckError: no header names a question and an answer column.
    """
    shown: tuple[int, list[str]] | None = None
    for delimiter in _CSV_DELIMITERS:
        rows = split_rows(text, delimiter, first_line=1, path=path)
        first = next(rows, None)
        while first is not None and not any(v.strip() for v, _ in first[1]):
            first = next(rows, None)
        if first is None:
            raise DeckError(f"{path}:1: empty CSV deck")
        shown = shown or (first[0], [value for value, _ in first[1]])
        names = [value.strip().lower() for value, _ in first[1]]
        q = next((names.index(c) for c in QUESTION_COLUMNS if c in names), None)
        a = next((names.index(c) for c in ANSWER_COLUMNS if c in names), None)
        if q is not None and a is not None:
            note = next((names.index(c) for c in NOTE_COLUMNS if c in names), None)
            return _pick(rows, q, a, note)
    assert shown is not None
    raise DeckError(
        f"{path}:{shown[0]}: CSV header {_short(shown[1])} has no question/answer columns; start the file with a header "
        f"naming one of {', '.join(QUESTION_COLUMNS)} and one of {', '.join(ANSWER_COLUMNS)} (or, for notes, one of "
        f"{', '.join(TITLE_COLUMNS)} and one of {', '.join(TEXT_COLUMNS)})"
    )


def csv_notes(text: str, path: str) -> list[tuple[int, str] | None] | None:
    """A CSV of notes as (number, line)s, None where a card ends: each row a card titled by its title column (under
    its section's, or its Jira epic's or parent's title: "Transit Gateway › Transit Gateway quotas"), its text column's
    lines its notes (Jira's wiki markup as Markdown); other columns (keys, dates, people, labels, comments) nothing.
    None for a CSV of flashcards or of neither."""
    for delimiter in _CSV_DELIMITERS:
        rows = (row for row in split_rows(text, delimiter, first_line=1, path=path) if any(v.strip() for v, _ in row[1]))
        header = next(rows, None)       # (the header decides: the rows are split further only for notes)
        if header is None:
            return None
        names = [value.strip().lower() for value, _ in header[1]]
        if any(c in names for c in QUESTION_COLUMNS) and any(c in names for c in ANSWER_COLUMNS):
            return None
        title = next((names.index(c) for c in TITLE_COLUMNS if c in names), None)
        body = next((names.index(c) for c in TEXT_COLUMNS if c in names), None)
        if title is not None and body is not None and title != body:
            return list(_note_rows(list(rows), names, title, body))
    return None


def _note_rows(rows: list[Row], names: list[str], title: int, body: int) -> Iterator[tuple[int, str] | None]:
    column = {name: i for i, name in reversed(list(enumerate(names)))}      # (a repeated name: its first column)

    def cell(raw: list[tuple[str, int]], name: str | None) -> str:
        i = column.get(name) if name else None
        return raw[i][0].strip() if i is not None and i < len(raw) else ""

    summaries = {key: raw[title][0].strip() for _, raw in rows if title < len(raw)
                 for key in (cell(raw, "issue key"), cell(raw, "issue id")) if key}
    section_column = next((c for c in SECTION_COLUMNS if c in names), None)
    jira = "issue key" in names
    for number, raw in rows:
        name = " ".join(raw[title][0].split()) if title < len(raw) else ""
        if not name:
            continue
        parent = cell(raw, "custom field (epic link)") or cell(raw, "parent id") or cell(raw, "parent")
        section = cell(raw, section_column) if section_column else summaries.get(parent, "")
        value, start = raw[body] if body < len(raw) else ("", number)
        lines = [(start + offset, line) for offset, line in enumerate(value.split("\n"))]
        yield None
        yield number, f"{section} › {name}" if section and section != name else name
        yield from jira_lines(lines) if jira else lines


def _short(names: list[str], limit: int = 120) -> str:
    text = repr(names)
    return text if len(text) <= limit else text[:limit] + "…"


def _pick(rows: Iterator[Row], q: int, a: int, note: int | None) -> Iterator[Row]:
    for number, raw in rows:
        def at(i: int) -> tuple[str, int]:
            return raw[i] if i < len(raw) else ("", raw[-1][1])
        picked = [at(q), at(a)]
        if note is not None and at(note)[0].strip():
            picked = [picked[0], (f"Answer: {picked[1][0]}", picked[1][1]), (f"Note: {at(note)[0]}", at(note)[1])]
        yield number, picked
