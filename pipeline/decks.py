"""Read decks into `Card`s: the native text format, tab-separated exports, CSV.

The native format: title/question line(s), a line `A:`, answer lines, and a line
of three or more dashes between cards. Bad chunks become `DeckIssue`s with file
and line; they are reported, never silently dropped.
"""
from __future__ import annotations

import csv
import hashlib
import html
import io
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from .errors import DeckError, value_invalid_msg
from .ids import stable_id
from .types import Card, Deck, DeckIssue, Line

__all__ = ["FORMATS", "read_deck", "parse_deck", "detect_format", "deck_name"]

FORMATS = ("text", "tsv", "csv")
SEPARATOR = re.compile(r"^\s*-{3,}\s*$")
ANSWER_MARK = re.compile(r"^\s*A:\s?(.*)$")
QUIZ_PART = re.compile(r"^\s*(Answer|Note)\s*:\s*(.*)$", re.IGNORECASE)
ANKI_HEADER = re.compile(r"^#([a-z ]+):(.*)$")
ANKI_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"}
QUESTION_COLUMNS = ("question", "front", "term", "title", "prompt", "q")
ANSWER_COLUMNS = ("answer", "back", "definition", "a")
NOTE_COLUMNS = ("note", "notes", "explanation", "extra")


def deck_name(path: str | Path) -> str:
    """The deck's name, its file stem: also its `deck_id`, stable across edits."""
    return Path(path).stem


def detect_format(path: str | Path, head: str = "") -> str:
    """Choose a format from the extension, or from an Anki `#separator:` header."""
    suffix = Path(path).suffix.lower()
    if suffix in (".tsv", ".tab"):
        return "tsv"
    if suffix == ".csv":
        return "csv"
    if head.lstrip("\ufeff").startswith(("#separator:", "#html:", "#columns:", "#notetype")):
        return "tsv"
    return "text"


def read_deck(path: str | Path, *, fmt: str | None = None) -> Deck:
    """Read a deck file.

    Raises:
        DeckError: the file is missing, empty, not UTF-8 text, or `fmt` is unknown.
    """
    p = Path(path)
    if not p.is_file():
        raise DeckError(f"{p}: no such deck file; give the path of a deck (.txt, .tsv or .csv)")
    data = p.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise DeckError(f"{p}:{line}: not UTF-8 text (byte {data[e.start]:#04x}); save the deck as UTF-8") from e
    if "\x00" in text:
        raise DeckError(f"{p}:{text[: text.index(chr(0))].count(chr(10)) + 1}: binary data, not a text deck")
    return parse_deck(text, path=str(p), fmt=fmt)


def parse_deck(text: str, *, path: str = "<deck>", fmt: str | None = None) -> Deck:
    """Parse deck text (already decoded) into a `Deck`."""
    text = text.lstrip("\ufeff")
    fmt = fmt or detect_format(path, text[:200])
    if fmt not in FORMATS:
        raise DeckError(value_invalid_msg("deck format", fmt, FORMATS))
    if not text.strip():
        raise DeckError(f"{path}:1: empty deck; a deck needs at least one card (question, 'A:', answer)")
    lines = [line.rstrip("\r").rstrip() for line in text.split("\n")]
    name = deck_name(path)
    if fmt == "text":
        chunks = list(_text_chunks(lines))
        cards, issues = _cards_from_text(chunks, name, path)
    else:
        rows = _tsv_rows(lines) if fmt == "tsv" else _csv_rows(text, path)
        cards, issues = _cards_from_rows(rows, name, path)
    digest = hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()
    return Deck(deck_id=name, name=name, path=path, content_hash=digest, cards=tuple(cards), issues=tuple(issues))


# -- native text format -------------------------------------------------------

def _text_chunks(lines: list[str]) -> Iterator[list[Line]]:
    chunk: list[Line] = []
    for number, text in enumerate(lines, 1):
        if SEPARATOR.match(text):
            if any(line.text.strip() for line in chunk):
                yield chunk
            chunk = []
        else:
            chunk.append(Line(number, text))
    if any(line.text.strip() for line in chunk):
        yield chunk


def _cards_from_text(chunks: list[list[Line]], deck_id: str, path: str) -> tuple[list[Card], list[DeckIssue]]:
    cards: list[Card] = []
    issues: list[DeckIssue] = []
    seen: Counter[str] = Counter()
    for index, chunk in enumerate(chunks):
        first = next(line for line in chunk if line.text.strip())
        mark = next((i for i, line in enumerate(chunk) if ANSWER_MARK.match(line.text)), None)
        if mark is None:
            issues.append(DeckIssue(path, first.number, "card has no 'A:' line; put a line 'A:' between the question and its answer"))
            continue
        titles = tuple(line for line in chunk[:mark] if line.text.strip())
        after = ANSWER_MARK.match(chunk[mark].text).group(1).strip()  # type: ignore[union-attr]
        answers = ([Line(chunk[mark].number, after)] if after else []) + [line for line in chunk[mark + 1:] if line.text.strip()]
        if not titles:
            issues.append(DeckIssue(path, chunk[mark].number, "card has no question before 'A:'; write the question above the 'A:' line"))
            continue
        if not answers:
            issues.append(DeckIssue(path, chunk[mark].number, "card has an empty answer; write the answer below the 'A:' line"))
            continue
        cards.append(_card(deck_id, index, titles, tuple(answers), seen))
    return cards, issues


def _card(deck_id: str, index: int, titles: tuple[Line, ...], answers: tuple[Line, ...], seen: Counter[str]) -> Card:
    quiz: dict[str, list[str]] = {}
    part = None
    for line in answers:
        m = QUIZ_PART.match(line.text)
        if m:
            part = m.group(1).lower()
            quiz.setdefault(part, []).append(m.group(2).strip())
        elif part:
            quiz[part].append(line.text.strip())
    key = " ".join(" ".join(line.text.split()) for line in titles).lower()
    seen[key] += 1
    return Card(
        card_id=stable_id(deck_id, key, seen[key]),
        deck_id=deck_id,
        index=index,
        title_lines=titles,
        answer_lines=answers,
        quiz_answer=" ".join(quiz["answer"]).strip() or None if "answer" in quiz else None,
        quiz_note=" ".join(quiz["note"]).strip() or None if "note" in quiz else None,
    )


# -- tab-separated (Anki "Notes in Plain Text", Quizlet) and CSV ----------------

Row = tuple[int, list[str]]  # (first line number, fields)


def _tsv_rows(lines: list[str]) -> list[Row]:
    """Rows of an Anki/Quizlet text export; honours `#separator:` and `#html:`."""
    separator, is_html, body_start = "\t", False, 0
    for i, line in enumerate(lines):
        m = ANKI_HEADER.match(line)
        if not m:
            break
        key, value = m.group(1).strip().lower(), m.group(2).strip()
        if key == "separator":
            separator = ANKI_SEPARATORS.get(value.lower(), value[:1] or "\t")
        elif key == "html":
            is_html = value.lower() == "true"
        body_start = i + 1
    body = "\n".join(lines[body_start:])
    rows = _reader_rows(body, separator, offset=body_start)
    if is_html:
        rows = [(n, [_strip_html(f) for f in fields]) for n, fields in rows]
    return rows


def _csv_rows(text: str, path: str) -> list[Row]:
    """Rows of a CSV deck with a header naming the question and answer columns."""
    rows = _reader_rows(text.replace("\r\n", "\n"), ",", offset=0)
    if not rows:
        raise DeckError(f"{path}:1: empty CSV deck")
    header = [h.strip().lower() for h in rows[0][1]]
    q = next((header.index(c) for c in QUESTION_COLUMNS if c in header), None)
    a = next((header.index(c) for c in ANSWER_COLUMNS if c in header), None)
    if q is None or a is None:
        raise DeckError(
            f"{path}:1: CSV header {rows[0][1]!r} has no question/answer columns; "
            f"name them one of {', '.join(QUESTION_COLUMNS)} and one of {', '.join(ANSWER_COLUMNS)}"
        )
    n = next((header.index(c) for c in NOTE_COLUMNS if c in header), None)
    out: list[Row] = []
    for number, fields in rows[1:]:
        picked = [fields[i] if i < len(fields) else "" for i in (q, a)]
        if n is not None and n < len(fields) and fields[n].strip():
            picked[1] = f"Answer: {picked[1]}\nNote: {fields[n]}"
        out.append((number, picked))
    return out


def _reader_rows(body: str, separator: str, *, offset: int) -> list[Row]:
    reader = csv.reader(io.StringIO(body), delimiter=separator, quotechar='"')
    rows: list[Row] = []
    previous_end = 0
    for fields in reader:
        start = previous_end + 1
        previous_end = reader.line_num
        if any(f.strip() for f in fields):
            rows.append((start + offset, fields))
    return rows


def _strip_html(value: str) -> str:
    value = re.sub(r"(?i)<br\s*/?>|</div>|</p>|</li>", "\n", value)
    value = re.sub(r"<[^>]+>", "", value)
    return html.unescape(value).strip()


def _cards_from_rows(rows: list[Row], deck_id: str, path: str) -> tuple[list[Card], list[DeckIssue]]:
    cards: list[Card] = []
    issues: list[DeckIssue] = []
    seen: Counter[str] = Counter()
    for index, (number, fields) in enumerate(rows):
        front = fields[0].strip() if fields else ""
        back = fields[1].strip() if len(fields) > 1 else ""
        if not front:
            issues.append(DeckIssue(path, number, "row has an empty front (question); fill the first column"))
            continue
        if not back:
            issues.append(DeckIssue(path, number, "row has no back (answer); separate question and answer with the deck's separator"))
            continue
        front_lines = front.split("\n")
        titles = tuple(Line(number + i, t.rstrip()) for i, t in enumerate(front_lines) if t.strip())
        base = number + len(front_lines) - 1
        answers = tuple(Line(base + i, t.rstrip()) for i, t in enumerate(back.split("\n")) if t.strip())
        cards.append(_card(deck_id, index, titles, answers, seen))
    return cards, issues
