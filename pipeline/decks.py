"""Read decks into `Card`s: `read_deck` is the one entry point, for every format.

Formats: the native text format (here), delimited text (Anki's "Notes in
Plain Text", Quizlet TSV, CSV; `deck_rows`) and Anki packages (`.apkg`,
`.colpkg`; `anki_package`). All of them make cards through `deck_cards`, so
the same card reads the same in each. The native format: title/question
line(s), a line `A:`, answer lines, and a line of three or more dashes
between cards; a card without an `A:` line is a notes card, its first line
the title and the lines under it the notes. A deck that cannot be read
raises `DeckError`; a card that cannot be read becomes a `DeckIssue` with
file and line (or note), and is reported, never silently dropped.
"""
from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, dropwhile
from pathlib import Path
from typing import Final

from .anki_package import read_package
from .deck_cards import MAX_CARD_CHARS, MAX_LINE_CHARS, CardMaker, card_too_long, line_too_long
from .deck_rows import csv_notes, has_anki_header, read_rows
from .errors import DeckError, value_invalid_msg
from .markup import COMMENT_ANCHOR
from .note_exports import (caption_lines, dokuwiki_lines, html_lines, is_captions, is_dokuwiki, is_html, is_logseq, is_mbox,
                           is_pandoc, is_rtf, is_textile, is_tiddlywiki, logseq_lines, mbox_lines, pandoc_lines, rtf_lines,
                           textile_lines, tiddlywiki_lines)
from .note_files import canvas_breaks, data_file_reader, is_canvas, is_yaml_cards, yaml_lines
from .note_sections import (BREAK, NOTEBOOK_SOURCE, card_level, clipping_breaks, colon_titles, is_clippings, is_org, is_rst,
                            lowercase_titles, note_breaks, notebook_breaks, numbered_titles, org_lines, outline_depth,
                            outline_lines, python_source, rst_lines, ruled_sections, terminal_sessions)
from .sites import DRILL_QUESTION
from .types import Card, Deck, DeckIssue, KnownCard, KnownText, Line

__all__ = ["FORMATS", "SUFFIXES", "MAX_TEXT_BYTES", "DeckSource", "open_deck", "no_cards", "read_deck", "parse_deck",
           "detect_format", "deck_name"]

FORMATS = ("text", "tsv", "csv", "apkg")
SUFFIXES = (".txt", ".tsv", ".tab", ".csv", ".apkg", ".colpkg")
# `read_deck` reads a text deck whole; this bounds the memory a mistaken path (a disk image, a log) can take.
# Builds stream native text decks (`open_deck`) and have no such limit.
MAX_TEXT_BYTES = 256 * 2**20
BLOCK_BYTES = 2**20     # a streamed deck is decoded this much at a time
SEPARATOR = re.compile(r"^\s*-(?:\s*-){2,}\s*$")    # "---", "-----------", "- - - - -"
_LIST_ITEM = re.compile(r"^(?:[-*•+>|#]|\d+[.)/]?\s)")
ANSWER_MARK = re.compile(r"^\s*A:\s?(.*)$")
_FRONT = re.compile(r"^\s*FRONT\s*:\s*", re.IGNORECASE)     # a typed-up flashcard's two sides
_BACK = re.compile(r"^\s*BACK\s*:\s?", re.IGNORECASE)
_REVIEW_LOG = re.compile(r"^\s*(?:history\s*:\s*[✓✔✗✘xX√ ,/-]+$|wrong\s+(?:last\s+time|before)\s*:)", re.IGNORECASE)
ZIP_MAGIC = b"PK\x03\x04"
TEXT_CARD = ("a question line, a line 'A:' and answer lines (or a title line and notes under it), "
             "with a line '---' between cards")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def deck_name(path: str | Path) -> str:
    """The deck's name, its file stem: also its `deck_id`, stable across edits."""
    return Path(path).stem


def detect_format(path: str | Path, head: str | bytes = "") -> str:
    """Choose a format from the extension, a zip archive's signature, or an Anki `#separator:`-style header (over
    rows, not over cards between separator lines)."""
    suffix = Path(path).suffix.lower()
    if suffix in (".apkg", ".colpkg") or (isinstance(head, bytes) and head.startswith(ZIP_MAGIC)):
        return "apkg"
    if suffix in (".tsv", ".tab"):
        return "tsv"
    if suffix == ".csv":
        return "csv"
    text = head.decode("utf-8", "replace") if isinstance(head, bytes) else head
    text = text.lstrip("\ufeff")
    # an export's header over cards between separator lines: a native deck whose notes were pasted from Anki
    return "tsv" if has_anki_header(text) and not any(SEPARATOR.match(line) for line in text.split("\n")[1:]) \
        else "text"


Item = Card | DeckIssue | KnownCard     # a `KnownCard` only when the bank's texts are given
Texts = Mapping[str, KnownText]          # the texts of a deck's cards the bank holds, by their hash


@dataclass(frozen=True)
class DeckSource:
    """A deck read lazily: who it is and its content hash now, its cards and issues each time
    `items()` is called (in file order). A native text deck is streamed from its file on every
    call, so a build never holds a whole deck in memory; other formats are read whole once."""

    deck_id: str
    name: str
    path: str
    content_hash: str
    reader: Callable[[Texts | None], Iterator[Item]] = field(repr=False, compare=False)

    def items(self, known: Texts | None = None) -> Iterator[Item]:
        """The deck's cards and issues; a text deck's card whose text is in `known` comes as a `KnownCard`,
        unparsed (parsing is most of reading a deck)."""
        return self.reader(known)

    @classmethod
    def of(cls, deck: Deck) -> DeckSource:
        """A deck already in memory, as a source."""
        return cls(deck.deck_id, deck.name, deck.path, deck.content_hash, partial(_deck_items, deck))


def _deck_items(deck: Deck, known: Texts | None) -> Iterator[Item]:
    yield from deck.issues
    yield from deck.cards


def open_deck(path: str | Path, *, fmt: str | None = None) -> DeckSource:
    """The deck at `path` as a `DeckSource`: streamed when it is a native text deck, else read whole.

    The file is read once here, to check its encoding and work out its content hash
    (the same as `read_deck`'s); its cards are read when asked for.

    Raises:
        DeckError: as `read_deck`, for what can be told without reading the cards.
    """
    p = _deck_file(path)
    if fmt is not None and fmt not in FORMATS:
        raise DeckError(value_invalid_msg("deck format", fmt, FORMATS))
    try:
        with p.open("rb") as f:
            head = f.read(4096)
    except OSError as e:
        raise DeckError(f"{p}: cannot be read ({e.strerror or e})") from e
    if (fmt or detect_format(p, head)) == "apkg" or _bom_encoding(head) not in (None, "utf-8"):
        return DeckSource.of(read_deck(p, fmt=fmt))   # packages, and UTF-16/32 text, are read whole
    if _bom_encoding(head) is None and _looks_utf16(head):
        raise DeckError(f"{p}:1: looks like UTF-16 text without a byte-order mark; save the deck as UTF-8")
    if (fmt or detect_format(p, head)) != "text":
        return DeckSource.of(read_deck(p, fmt=fmt))
    digest = hashlib.sha256()
    blank = True
    for line in _utf8_lines(p):
        digest.update(line.encode("utf-8"))
        blank = blank and not line.strip()
    if blank:
        raise DeckError(f"{p}:1: empty deck; a deck needs at least one card (question, 'A:', answer)")
    name = deck_name(p)
    return DeckSource(name, name, str(p), digest.hexdigest(), partial(_streamed_items, p))


def _deck_file(path: str | Path) -> Path:
    p = Path(path)
    if p.is_dir():
        raise DeckError(f"{p}: is a folder, not a deck file; give a deck ({', '.join(SUFFIXES)}), "
                        "or build the whole folder with 'qbank build'")
    if not p.is_file():
        raise DeckError(f"{p}: no such deck file; give the path of a deck ({', '.join(SUFFIXES)})")
    return p


def _bom_encoding(head: bytes) -> str | None:
    return next((name for mark, name in _BOMS if head.startswith(mark)), None)


def _utf8_lines(path: Path) -> Iterator[str]:
    """A UTF-8 file's lines, decoded one by one, each ending with "\\n" but perhaps the last (universal
    newlines, a leading byte-order mark dropped): what `decode` gives, without holding the file.

    Raises:
        DeckError: as `decode`, with the same line: a NUL byte anywhere first, else the first invalid byte
            (lines counted by "\\n", as `decode` counts them).
    """
    bad: DeckError | None = None
    number = 0
    try:
        with path.open("rb") as f:
            while raws := f.readlines(BLOCK_BYTES):
                block = b"".join(raws)
                if bad is None and b"\x00" not in block and b"\r" not in block:
                    try:      # the common case, a block at a time: clean UTF-8 with "\n" line ends
                        text = block.decode("utf-8")
                    except UnicodeDecodeError:
                        pass
                    else:
                        lines = text.split("\n")
                        if number == 0:
                            lines[0] = lines[0].lstrip("\ufeff")
                        number += len(raws)
                        yield from (line + "\n" for line in lines[:-1])
                        if lines[-1]:
                            yield lines[-1]
                        continue
                for raw in raws:      # line by line, to say where a NUL byte or a bad byte is
                    number += 1
                    if b"\x00" in raw:
                        raise DeckError(f"{path}:{number}: binary data (a NUL byte), not a text deck")
                    if bad is not None:
                        continue               # keep looking for a NUL byte, which `decode` reports first
                    try:
                        text = raw.decode("utf-8")
                    except UnicodeDecodeError as e:
                        bad = DeckError(f"{path}:{number}: not UTF-8 text (byte {raw[e.start]:#04x}); save the deck as UTF-8")
                        continue
                    yield from _universal(text.lstrip("\ufeff") if number == 1 else text)
    except OSError as e:
        raise DeckError(f"{path}: cannot be read ({e.strerror or e})") from e
    if bad is not None:
        raise bad


def _universal(line: str) -> Iterator[str]:
    """A file line split at every newline, "\\r\\n", "\\n" and a lone "\\r" alike (each as "\\n")."""
    pieces = line.split("\r")
    for piece in pieces[:-1]:
        yield piece + "\n"
    if pieces[-1] not in ("", "\n") or len(pieces) == 1:
        yield pieces[-1]


def _streamed_items(path: Path, known: Texts | None) -> Iterator[Item]:
    """A native text deck's cards and issues, read line by line from its file."""
    lines = (line.rstrip("\n") for line in _utf8_lines(path))
    yield from _text_items(_with_breaks(lines), str(path), CardMaker(deck_name(path)), known)


def no_cards(path: str, issues: Sequence[DeckIssue], how: str = TEXT_CARD) -> DeckError:
    """The error for a deck in which not one card could be read: a deck of nothing is a mistake."""
    if issues:
        return DeckError(f"{path}: no card could be read; {len(issues):,} malformed card(s), the first: {issues[0]}")
    return DeckError(f"{path}:1: no cards in the deck; a card is {how}")


def read_deck(path: str | Path, *, fmt: str | None = None) -> Deck:
    """Read a deck file in any of `FORMATS` (by default chosen by `detect_format`).

    Raises:
        DeckError: the file is missing, too large, not text in a known encoding, not a
            readable package, holds no card, or `fmt` is unknown.
    """
    p = _deck_file(path)
    try:
        with p.open("rb") as f:
            head = f.read(512)
        size = p.stat().st_size
        if fmt is not None and fmt not in FORMATS:
            raise DeckError(value_invalid_msg("deck format", fmt, FORMATS))
        if (fmt or detect_format(p, head)) == "apkg":
            cards, issues, digest = read_package(p, deck_id=deck_name(p))
            return _deck(str(p), digest, cards, issues)
        if size > MAX_TEXT_BYTES:
            raise DeckError(f"{p}: {size:,} bytes, over the limit of {MAX_TEXT_BYTES:,} bytes for a text deck; "
                            "split the deck into several files")
        data = p.read_bytes()
    except OSError as e:
        raise DeckError(f"{p}: cannot be read ({e.strerror or e})") from e
    return parse_deck(decode(data, str(p)), path=str(p), fmt=fmt)   # a text format is detected on the decoded text


def decode(data: bytes, path: str) -> str:
    """A text deck's bytes as text: UTF-8, or UTF-16/32 with a byte-order mark.

    Raises:
        DeckError: not UTF-8, UTF-16 without its byte-order mark, or binary data (NUL bytes).
    """
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is None and _looks_utf16(data):
        raise DeckError(f"{path}:1: looks like UTF-16 text without a byte-order mark; save the deck as UTF-8")
    if encoding in (None, "utf-8"):      # as the streamed reader says it, a UTF-8 byte-order mark or not
        nul = data.find(b"\x00")
        if nul >= 0:
            line = data.count(b"\n", 0, nul) + 1
            raise DeckError(f"{path}:{line}: binary data (a NUL byte), not a text deck")
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].decode(encoding or "utf-8", "replace").count("\n") + 1
        if encoding:
            raise DeckError(f"{path}:{line}: not valid {encoding.upper()} text; save the deck as UTF-8") from e
        raise DeckError(f"{path}:{line}: not UTF-8 text (byte {data[e.start]:#04x}); save the deck as UTF-8") from e
    nul = text.find("\x00")
    if nul >= 0:
        raise DeckError(f"{path}:{text.count(chr(10), 0, nul) + 1}: binary data (a NUL character), not a text deck")
    return text.lstrip("\ufeff")


def _looks_utf16(data: bytes) -> bool:
    """Many NUL bytes, nearly all at even or nearly all at odd offsets: ASCII-range UTF-16."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return len(sample) >= 4 and max(even, odd) >= len(sample) // 4 and min(even, odd) <= max(even, odd) // 10


def parse_deck(text: str, *, path: str = "<deck>", fmt: str | None = None) -> Deck:
    """Parse a text deck (already decoded) into a `Deck`.

    Raises:
        DeckError: the deck is empty, holds no card, is malformed as a whole, or `fmt` is unknown.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    fmt = fmt or detect_format(path, text[:200])
    if fmt == "apkg":
        raise DeckError(f"{path}: an Anki package is not text; read it with read_deck")
    if fmt not in FORMATS:
        raise DeckError(value_invalid_msg("deck format", fmt, FORMATS))
    if not text.strip():
        raise DeckError(f"{path}:1: empty deck; a deck needs at least one card (question, 'A:', answer)")
    maker = CardMaker(deck_name(path))
    if fmt == "text":
        lines = text.split("\n")
        cards, issues = _cards_from_text(_with_breaks(lines[:-1] if text.endswith("\n") else lines), path, maker)  # as streamed
        how = TEXT_CARD
    elif fmt == "csv" and (notes := csv_notes(text, path)) is not None:
        cards, issues = _cards_from_text(notes, path, maker)
        how = "a row with a title and its text"
    else:
        cards, issues = read_rows(text, path=path, fmt=fmt, maker=maker)
        how = "a row with a question and an answer"
    return _deck(path, hashlib.sha256(text.encode("utf-8")).hexdigest(), cards, issues, how=how)


def _deck(path: str, digest: str, cards: list[Card], issues: list[DeckIssue], *,
          how: str = "a question and its answer") -> Deck:
    """The deck, or a `DeckError` when not one card could be read (a deck of nothing is a mistake)."""
    if not cards:
        raise no_cards(path, issues, how)
    name = deck_name(path)
    return Deck(deck_id=name, name=name, path=path, content_hash=digest, cards=tuple(cards), issues=tuple(issues))


# -- native text format -------------------------------------------------------

def _text_chunks(numbered: Iterable[tuple[int, str] | None]) -> Iterator[tuple[list[Line], int]]:
    """Chunks between separators, with their size (characters of their non-blank lines).

    Lines past `MAX_CARD_CHARS` are counted but not kept: such a card is refused,
    and a huge one must not cost more than its length to refuse.
    """
    chunk: list[Line] = []
    size = 0
    separator = 0           # the length of the deck's separator line, once one is seen
    for item in numbered:
        if item is BREAK:
            if size:
                yield chunk, size
            chunk, size = [], 0
            continue
        number, text = item
        if SEPARATOR.match(text):
            if not _underline(text, chunk, separator):
                separator = separator or len(text.strip())
                if size:
                    yield chunk, size
                chunk, size = [], 0
                continue
        text = text.rstrip()
        if size <= MAX_CARD_CHARS:
            chunk.append(Line(number, text))
        if text.strip():
            size += len(text) + 1
    if size:
        yield chunk, size


def _with_breaks(lines: Iterable[str]) -> Iterator[tuple[int, str] | None]:
    """The deck's (number, line)s, with a `BREAK` where a card begins in notes that mark their cards otherwise than
    by `---` lines (`note_sections`): none of them in the first `MAX_CARD_CHARS` characters, a README whose `---`
    rules part sections of several heading cards, a Kindle clippings file, a notebook exported as source, a data
    file (`note_files`: a canvas, a notebook's JSON, JSON Lines, XML, TOML, a CrowdAnki deck), or a file in another
    notation (`_NOTATIONS`: a YAML list of cards, reStructuredText, RTF, … read as the plain notes it holds)."""
    numbered: Iterator[tuple[int, str]] = _doc_comments(_table_borders(enumerate(lines, 1)))
    head = _head(numbered)
    sample = [text for _, text in head]
    if is_canvas(sample):           # (its JSON is indented with tabs: no outline)
        yield from canvas_breaks(chain(head, numbered))
        return
    outline = outline_depth(sample)
    if is_org(sample) or outline is not None:
        numbered = org_lines(chain(head, numbered)) if outline is None else outline_lines(chain(head, numbered), outline)
        head = _head(numbered)
        sample = [text for _, text in head]
    transform = next((read for detect, read in _NOTATIONS if detect(sample)), None)
    if transform is not None:
        numbered = transform(chain(head, numbered))
        head = _head(numbered)
        sample = [text for _, text in head]
    if is_clippings(sample):
        yield from clipping_breaks(chain(head, numbered))
        return
    if sample and NOTEBOOK_SOURCE.match(sample[0]):
        yield from notebook_breaks(chain(head, numbered))
        return
    if (reader := data_file_reader(sample)) is not None:
        yield from reader(chain(head, numbered))
        return
    sessions = terminal_sessions(sample)      # (their "# note:" lines are comments, no headings; a Python file's too)
    level = 0 if sessions or python_source(sample) else card_level(sample)
    rules = sum(1 for text in sample if SEPARATOR.match(text))
    if rules and not ruled_sections(sample, level, rules):    # a deck with separators: its cards are between them
        yield from head
        yield from numbered
        return
    yield from note_breaks(level, chain(head, numbered), numbered=numbered_titles(sample),
                           lowercase=lowercase_titles(sample), colon=colon_titles(sample), sessions=sessions)


# whole files written in another notation, read as the plain notes they hold (the first that fits): a YAML list of
# cards, reStructuredText, a pandoc document, RTF, TiddlyWiki tiddlers, an HTML document, a mailbox, a Textile, DokuWiki or Zim wiki page, a
# Logseq page, captions
_NOTATIONS: Final = ((is_yaml_cards, yaml_lines), (is_rst, rst_lines), (is_pandoc, pandoc_lines), (is_rtf, rtf_lines), (is_tiddlywiki, tiddlywiki_lines),
                     (is_html, html_lines), (is_mbox, mbox_lines), (is_textile, textile_lines),
                     (is_dokuwiki, dokuwiki_lines), (is_logseq, logseq_lines), (is_captions, caption_lines))
_BORDER = re.compile(r"^\s*-{10,}\s*$")          # a border of dashes, longer than a card separator is drawn
_TABLE_ROW = re.compile(r"^\s*\|.*\S.*\|\s*$")


def _table_borders(lines: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(number, line)s with a table's border of dashes next to its "|" rows (a CLI's `--output table`) drawn as a
    grid's ("+-----+"): it ends no card."""
    before = ""
    held: tuple[int, str] | None = None
    for number, text in lines:
        if held is not None:
            yield (held[0], f"+{held[1].strip()}+") if _TABLE_ROW.match(text) else held
            held = None
        if _BORDER.match(text):
            if _TABLE_ROW.match(before):
                text = f"+{text.strip()}+"
            else:
                held, before = (number, text), text
                continue
        before = text
        yield number, text
    if held is not None:
        yield held


_DOC_COMMENT = re.compile(r"^\[([a-z]{1,2})\](?=\S)")     # the comment itself, listed at the document's end


def _doc_comments(lines: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(number, line)s without a document's comments (a Google Doc saved as text lists them at its end: "[a]Priya
    Shah: are we sure …", with their replies): the first of them, anchored in the text above ("64 TB[a]"), ends the
    notes."""
    anchors: set[str] = set()
    for number, text in lines:
        if "[" in text:
            first = _DOC_COMMENT.match(text)
            if first is not None and first.group(1) in anchors:
                return
            anchors.update(COMMENT_ANCHOR.findall(text))
        yield number, text


def _head(numbered: Iterator[tuple[int, str]]) -> list[tuple[int, str]]:
    """The first `MAX_CARD_CHARS` characters' (number, line)s, taken from `numbered`: what decides how cards are marked."""
    head: list[tuple[int, str]] = []
    size = 0
    for number, text in numbered:
        head.append((number, text))
        size += len(text) + 1
        if size > MAX_CARD_CHARS:
            break
    return head


def _flashcard(chunk: Sequence[Line]) -> tuple[list[Line], list[Line]] | None:
    """A paper flashcard typed up: its `FRONT:` the title, its `BACK:` and the lines under it the answer; a filing line
    above the front ("[Box 1] next review: 2026-02-04 — card #47"), its review history ("history: ✓ ✗ ✓") and the
    writer's earlier wrong answer ("wrong last time: I said 4") are no part of it. None for any other card."""
    front = next((i for i, line in enumerate(chunk) if _FRONT.match(line.text)), None)
    back = next((i for i, line in enumerate(chunk) if _BACK.match(line.text)), None) if front is not None else None
    if front is None or back is None or back < front:
        return None
    titles = [Line(chunk[front].number, _FRONT.sub("", chunk[front].text))] + \
        [line for line in chunk[front + 1:back] if line.text.strip()]
    after = _BACK.sub("", chunk[back].text)
    answers = ([Line(chunk[back].number, after)] if after.strip() else []) + \
        [line for line in chunk[back + 1:] if line.text.strip() and not _REVIEW_LOG.match(line.text)]
    return (titles, answers) if titles[0].text.strip() and answers else None


_COMMENT_LINE = re.compile(r"<!--.*?-->")
_YAML_KEY = re.compile(r"^[A-Za-z_][\w-]*:(?:\s|$)")


def _front_matter(chunk: Sequence[Line]) -> bool:
    """Whether the deck's first chunk is YAML front matter between the "---" of its first line and the next (a Marp
    deck's "marp: true", "theme: gaia", "size: 16:9"): settings of the file, no card."""
    keys = [line for line in chunk if line.text.strip() and not line.text[:1].isspace()]
    return chunk[0].number == 2 and len(keys) >= 2 and all(_YAML_KEY.match(line.text) for line in keys)


def _text_hash(chunk: Sequence[Line]) -> str:
    """A chunk's text as written (its lines follow each other, so their numbers need no hashing)."""
    return hashlib.blake2b("\n".join(line.text for line in chunk).encode("utf-8", "surrogatepass"),
                           digest_size=16).hexdigest()


def _underline(dashes: str, chunk: Sequence[Line], separator: int) -> bool:
    """Whether a line of dashes underlines the line above it as a heading ("Formula" / "-------", in
    reStructuredText or Markdown) instead of ending the card: exactly as long as an answer's title line
    (four characters or more, no list item) that opens the answer or follows a blank line, and not as
    long as the deck's separators."""
    if len(chunk) < 3:
        return False
    above, before = chunk[-1].text.strip(), chunk[-2].text.strip()
    width = len(dashes.strip())
    return (width == len(above) >= 4 and width != separator and not _LIST_ITEM.match(above)
            and (not before or ANSWER_MARK.match(before) is not None)
            and any(ANSWER_MARK.match(line.text) for line in chunk[:-1]))


def _cards_from_text(numbered: Iterable[tuple[int, str] | None], path: str, maker: CardMaker) -> tuple[list[Card], list[DeckIssue]]:
    items = list(_text_items(numbered, path, maker))
    return [i for i in items if isinstance(i, Card)], [i for i in items if isinstance(i, DeckIssue)]


def _text_items(numbered: Iterable[tuple[int, str] | None], path: str, maker: CardMaker,
                known: Texts | None = None) -> Iterator[Item]:
    """Each chunk between separators (or breaks) as a card, or as the issue that keeps it from being one (or, when
    its text is `known`, as a `KnownCard`)."""
    for index, (chunk, size) in enumerate(_text_chunks(numbered)):
        if index == 0:      # an Anki export's header ("#separator:tab") over the cards: no part of one
            chunk = list(dropwhile(lambda line: not line.text.strip() or has_anki_header(line.text), chunk))
            if not chunk or _front_matter(chunk):
                continue
        if next((line.text for line in chunk if line.text.strip()), "").lstrip().startswith("<!--"):
            # a slide's directives over its title ("<!-- _class: lead -->")
            chunk = list(dropwhile(lambda line: not line.text.strip() or _COMMENT_LINE.fullmatch(line.text.strip()), chunk))
            if not chunk:
                continue
        # the first chunk may lose a header, and attributes defined above a card change it: those are parsed
        text = (_text_hash(chunk), chunk[0].number) if index and maker.reads_alone else None
        if text is not None and known and (seen := known.get(text[0])) is not None:
            yield KnownCard(maker.card_id(seen.key), index, text[1] + seen.offset, text[0], seen)
            continue
        first = next(line for line in chunk if line.text.strip())
        long_line = next((line for line in chunk if len(line.text) > MAX_LINE_CHARS), None)
        if long_line or size > MAX_CARD_CHARS:   # before anything else looks at the card
            yield (DeckIssue(path, long_line.number, line_too_long(long_line)) if long_line
                   else DeckIssue(path, first.number, card_too_long(size)))
            continue
        sides = _flashcard(chunk)
        if sides is not None:
            yield maker.card(index, *sides, text=text)
            continue
        mark = next((i for i, line in enumerate(chunk) if ANSWER_MARK.match(line.text)), None)
        if mark is None:    # a notes card: its first line is the title, the lines under it the notes
            notes = [line for line in chunk if line.text.strip()][1:]
            if not notes:
                yield DeckIssue(path, first.number, "card has only a title; write its notes below it "
                                                    "(or a line 'A:' and the answer)")
            else:
                yield maker.card(index, [first], notes, text=text)
            continue
        titles = [line for line in chunk[:mark] if line.text.strip()]
        after = ANSWER_MARK.match(chunk[mark].text).group(1).strip()  # type: ignore[union-attr]
        answers = ([Line(chunk[mark].number, after)] if after else []) + [line for line in chunk[mark + 1:] if line.text.strip()]
        if len(titles) > 1 and DRILL_QUESTION.match(titles[-1].text) and any(DRILL_QUESTION.match(a.text) for a in answers):
            # a drill card ("Topic" / "Q: …?" / "A: …" / "Q: …?" / "A: …"): its first question is one of its pairs
            answers = [titles.pop(), chunk[mark], *answers[1 if after else 0:]]
        if not titles:
            yield DeckIssue(path, chunk[mark].number, "card has no question before 'A:'; write the question above the 'A:' line")
            continue
        if not answers:
            yield DeckIssue(path, chunk[mark].number, "card has an empty answer; write the answer below the 'A:' line")
            continue
        yield maker.card(index, titles, answers, text=text)
