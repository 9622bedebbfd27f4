"""Markdown tables in a card: the row label and column header of any character in a table row.

A number in a table cell means nothing without its header: `| Availability | 99.9% | 99% |`
needs the column headers (`Hot tier`, `Cool tier`) to say whose availability it is. These
pure functions find a card's tables and name the cell at a line and offset, so extraction can
give a cell's fact its attribute and subject and the question renderer can write it without
pipes ("Cool tier availability: ___").

A table is a header row, a separator row (`|---|:-:|`, with at least one pipe) and the rows
that follow while lines hold a `|`. The header row is the row right before the separator; the first cell of a body
row is its label. Outer pipes are optional and `\\|` is a pipe inside a cell.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final, TypeVar

from .types import Line

__all__ = ["Cell", "Table", "cell_at", "derived_columns", "find_tables", "pipe_aligned", "pipe_delimited", "pipe_grid", "pipe_lists", "split_row",
           "measure_column", "unit_column"]

_SEPARATOR: Final = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_PIPE: Final = re.compile(r"(?<!\\)\|")
_QUOTED_FIELD: Final = re.compile(r'"[^"]*"')


@dataclass(frozen=True)
class Table:
    """One table: the index of its header line (in the lines given), its header cells and body rows."""

    header_line: int
    headers: tuple[str, ...]
    header_spans: tuple[tuple[int, int], ...]   # (start, end) of each header cell's text in the header line
    first_row: int                               # index of the first body line
    last_row: int                                # index of the last body line (inclusive)
    labelled: bool = True                        # its first column labels the rows (else one column per product)


@dataclass(frozen=True)
class Cell:
    """The cell at a position: its text, its column, and the header and label that name it.

    `row_label` is the text of the row's first cell (with its second when another row starts the same),
    `column_header` the header of the cell's
    column ("" when the header row is shorter). Spans are (start, end) offsets of the stripped
    text in their own line: `span` and `label_span` in the row's line, `header_span` in the
    line `header_line`.
    """

    text: str
    column: int
    row_label: str
    column_header: str
    span: tuple[int, int]
    label_span: tuple[int, int]
    header_line: int
    header_span: tuple[int, int]
    unit: str = ""       # the row's cell under a "Unit" header ("| 30 | minutes |"), when the table has one
    measure: str = ""    # the row's words under a "Limit" header ("| Daily cap | GB/day per workspace | Off |")
    labelled: bool = True   # the table's first column labels its rows

    @property
    def is_label(self) -> bool:
        """The position is in the row's first cell (the label itself) of a table whose rows have labels."""
        return self.column == 0 and self.labelled


def unit_column(headers: Sequence[str]) -> int | None:
    """The column headed "Unit" ("| Quota | Default | Unit |"): it says what the row's values are in."""
    return _named_column(headers, _UNIT_HEADERS)


def measure_column(headers: Sequence[str]) -> int | None:
    """The column that says what each row's values measure ("| Name | Limit | Default | Max |", a Notion database's
    "Limit" or "Quota"), when it is not the first."""
    return _named_column(headers, _MEASURE_HEADERS, first=1)


_UNIT_HEADERS = frozenset({"unit", "units"})
_MEASURE_HEADERS = frozenset({"limit", "quota", "metric", "measure", "attribute", "what"})


def _named_column(headers: Sequence[str], names: frozenset[str], *, first: int = 0) -> int | None:
    return next((i for i, h in enumerate(headers) if i >= first and h.strip().lower() in names), None)


def split_row(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell's stripped text in a table row; outer pipes are not cells."""
    bounds = [m.start() for m in _PIPE.finditer(line)]
    edges = [-1, *bounds, len(line)]
    spans = []
    for left, right in zip(edges, edges[1:]):
        start, end = left + 1, right
        while start < end and line[start].isspace():
            start += 1
        while end > start and line[end - 1].isspace():
            end -= 1
        spans.append((start, end))
    stripped = line.strip()
    if stripped.startswith("|"):
        spans = spans[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|") and spans:
        spans = spans[:-1]
    return spans


def find_tables(lines: Sequence[str]) -> tuple[Table, ...]:
    """The markdown tables among `lines` (a card's lines, in order); also a block of rows without the separator
    whose first row names columns (no digits) and whose other rows hold numbers, as notes often write them."""
    found = []
    i = 1
    while i < len(lines):
        separated = "|" in lines[i - 1] and "|" in lines[i] and _SEPARATOR.match(lines[i]) is not None
        if separated or _unseparated_header(lines, i - 1):
            header = lines[i - 1]
            spans = tuple(split_row(header))
            last = i if separated else i - 1
            while last + 1 < len(lines) and "|" in lines[last + 1] and not _SEPARATOR.match(lines[last + 1]):
                last += 1
            first = i + 1 if separated else i
            if last >= first:
                found.append(Table(i - 1, tuple(header[s:e] for s, e in spans), spans, first, last,
                                   labelled=_has_row_labels(lines[first:last + 1])))
            i = last + 1
        i += 1
    return tuple(found)


def derived_columns(lines: Sequence[str]) -> frozenset[tuple[int, int]]:
    """(header line, column) of each table column worked out from an earlier one: its header is the other's in
    another unit ("credits/second" after "credits/hour", "$/month" after "$/hour") and each row's value is the
    other's times one factor (as the notes round it). Its cells test the conversion, not the subject."""
    found = set()
    for table in find_tables(lines):
        rows = [[lines[i][s:e] for s, e in split_row(lines[i])] for i in range(table.first_row, table.last_row + 1)]
        bases = [_header_base(h) for h in table.headers]
        for later in range(1, len(table.headers)):
            for earlier in range(later):
                if bases[later] is None or bases[later] != bases[earlier] or \
                        _UNIT_WORD.findall(table.headers[later].lower()) == _UNIT_WORD.findall(table.headers[earlier].lower()):
                    continue
                pairs = [(base, r[later]) for r in rows if len(r) > later for base in [_cell_number(r[earlier])] if base]
                if _proportional(pairs):
                    found.add((table.header_line, later))
                    break
    return frozenset(found)


_UNIT_WORD: Final = re.compile(r"\b(?:s|secs?|seconds?|ms|mins?|minutes?|h|hrs?|hours?|hourly|d|days?|daily|weeks?|weekly|"
                               r"mo|months?|monthly|yrs?|years?|yearly|annual|[kmgtp]i?b|bytes?)\b")
_CELL_NUMBER: Final = re.compile(r"^\W*?(\d[\d,]*(?:\.\d+)?)")


def _header_base(header: str) -> frozenset[str] | None:
    """A header's words and currency signs other than units and "per" ("credits/hour" -> {credits}), if any."""
    rest = _UNIT_WORD.sub(" ", header.lower())
    words = frozenset(w for w in re.findall(r"[a-z]+|[$€£]", rest) if w != "per")
    return words or None


def _cell_number(cell: str) -> float | None:
    m = _CELL_NUMBER.match(cell.strip())
    return float(m.group(1).replace(",", "")) if m else None


def _proportional(pairs: Sequence[tuple[float, str]]) -> bool:
    """Whether each written value (a cell's text) is its base times one factor (not 1), to the precision it is
    written with, over three rows at least."""
    values = []
    for base, text in pairs:
        m = _CELL_NUMBER.match(text.strip())
        if not m:
            return False
        values.append((base, float(m.group(1).replace(",", "")), len(m.group(1).partition(".")[2])))
    if len(values) < 3:
        return False
    base, value, _ = max(values)
    factor = value / base
    return abs(factor - 1) >= 0.01 and all(abs(v - b * factor) <= 0.5 * 10 ** -d + 0.02 * v for b, v, d in values)


def _has_row_labels(rows: Sequence[str]) -> bool:
    """Whether a table's first column labels its rows: not when most rows start with a value ("| $0.0000166667 /
    GB-s | $0.000016 / GB-s |" under "| Lambda | Azure Consumption |": one column per product)."""
    valued = sum(1 for row in rows if (spans := split_row(row)) and _VALUE_START.match(row[slice(*spans[0])]))
    return valued * 2 < len(rows)


_VALUE_START: Final = re.compile(r"^[~<>≈$€£]?\s*\d(?![\dA-Za-z]*-[A-Za-z])")   # not a name: "2X-Large"


def _unseparated_header(lines: Sequence[str], at: int) -> bool:
    """Line `at` heads a block of at least two more rows of as many cells, without a separator row."""
    if "|" not in lines[at] or (at and "|" in lines[at - 1]) or not _names_columns(
            [lines[at][s:e] for s, e in split_row(lines[at])]):
        return False
    width = len(split_row(lines[at]))
    rows = 0
    for line in lines[at + 1:]:
        if "|" not in line or _SEPARATOR.match(line) or len(split_row(line)) != width:
            break
        rows += 1
    return width >= 3 and rows >= 2 and all(any(ch.isdigit() for ch in line) for line in lines[at + 1:at + 1 + rows])


# A column of a table aligned with spaces: words with single spaces between, two or more spaces around.
_ALIGNED_CELL: Final = re.compile(r"\S+(?: \S+)*")
_Row = TypeVar("_Row")        # a row as one table style reads it
_NOT_A_ROW: Final = re.compile(r"^\s*(?:[-*•>#|]|\d+[.)]\s)")
ALIGN_SLACK: Final = 3     # characters a column may start or end off its header's


_GRID_BORDER: Final = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")


def pipe_grid(lines: Sequence[Line]) -> list[Line]:
    """`lines` with each ASCII grid table ("+------+------+" borders around "| a | b |" rows) as a markdown
    table: the border under its header row becomes the `|---|` separator, its other borders go."""
    out: list[Line] = []
    separated = False       # the current grid has its header separator already
    for k, line in enumerate(lines):
        if not _GRID_BORDER.match(line.text):
            separated = separated and line.text.lstrip().startswith("|")
            out.append(line)
        elif not separated and out and out[-1].text.lstrip().startswith("|") and k >= 2 \
                and _GRID_BORDER.match(lines[k - 2].text):
            out.append(Line(line.number, "|" + "---|" * (line.text.strip().count("+") - 1)))
            separated = True
    return out


def pipe_lists(lines: Sequence[Line]) -> list[Line]:
    """`lines` with each line that uses pipes between items of a list ("QoS0 | QoS1 | no QoS2",
    "500/s big regions | 100/s others") written with semicolons: it is no row of any table."""
    if not any(" | " in line.text for line in lines):
        return list(lines)
    texts = [line.text for line in lines]
    rows = {k for t in find_tables(texts) for k in range(t.header_line, t.last_row + 1)}
    return [Line(line.number, line.text.replace(" | ", "; "), line.wraps)
            if k not in rows and " | " in line.text and not line.text.lstrip().startswith("|") else line
            for k, line in enumerate(lines)]


def pipe_delimited(lines: Sequence[Line]) -> list[Line]:
    """`lines` with each table written with semicolons, tabs or commas (CSV) as pipe rows ("Glue; jobs per account; 1,000" →
    "| Glue | jobs per account | 1,000 |"), as `pipe_aligned` does for spaces (one delimiter throughout)."""
    return _piped(lines, _delimited_cells, _same_shape, lambda row: row[1])


def _delimited_cells(text: str) -> tuple[str, list[str]] | None:
    """The delimiter and cells (three or more, a trailing empty one kept) of a row written with semicolons or
    tabs, or as CSV ("read replicas,5,nodes,\"up to 5, per shard\"": no space after a comma outside quotes), or None."""
    if "|" in text:
        return None
    for delimiter in (";", "\t"):
        if text.count(delimiter) >= 2:
            return delimiter, [cell.strip() for cell in text.strip(" -*•").split(delimiter)]
    if text.count(",") >= 2 and ", " not in _QUOTED_FIELD.sub("", text):
        cells = next(csv.reader([text.strip()]))
        return (",", [cell.strip() for cell in cells]) if len(cells) >= 3 else None
    return None


def _same_shape(header: tuple[str, list[str]], row: tuple[str, list[str]] | None) -> bool:
    return row is not None and row[0] == header[0] and len(row[1]) == len(header[1])


def pipe_aligned(lines: Sequence[Line]) -> list[Line]:
    """`lines` with each table aligned by spaces written as pipe rows ("P15   256GiB    1100" → "| P15 | 256GiB |
    1100 |"), so its cells get their column headers like a markdown table's."""
    return _piped(lines, _aligned_cells, _same_columns, lambda cells: [text for _, text in cells])


def _piped(lines: Sequence[Line], read: Callable[[str], _Row | None], same: Callable[[_Row, _Row | None], bool],
           texts: Callable[[_Row], list[str]]) -> list[Line]:
    """`lines` with each block that `read` reads as a table written as pipe rows. A block counts when a header
    line of words without digits tops at least two rows with numbers, all of the header's shape (`same`)."""
    out = list(lines)
    i = 0
    while i < len(out):
        header = read(out[i].text)
        end = i + 1
        names = texts(header) if header is not None else []
        if header is not None and _names_columns(names):
            below = read(out[end].text) if end < len(out) else None
            if below is not None and same(header, below) and not texts(below)[0] \
                    and not any(ch.isdigit() for ch in out[end].text):     # a units row: "| | credits | servers |"
                names = [f"{name}, {unit}" if unit and unit.lower() not in name.lower() else name
                         for name, unit in zip(names, texts(below))]
                del out[end]
            while end < len(out) and same(header, read(out[end].text)) and any(ch.isdigit() for ch in out[end].text):
                end += 1
        if end - i >= 3:
            rows = [names] + [texts(row) if row is not None else [] for row in map(read, (out[k].text for k in range(i + 1, end)))]
            if all(cells and not cells[0] for cells in rows):
                rows = [cells[1:] for cells in rows]    # the whole block indented: no column of its own
            for k, cells in zip(range(i, end), rows):
                out[k] = Line(out[k].number, "| " + " | ".join(cells) + " |")
            i = end
        else:
            i += 1
    return out


# a number standing alone in a cell ("0.04", "10 GiB", "1GiB-16TiB"); not "gp3", "p99", the "1" of "1-yr commit"
# or an ordinal ("memory (2nd gen runtime)")
_LONE_NUMBER: Final = re.compile(r"(?<![\w-])\d(?![\d.,]*-[A-Za-z])(?!\d*(?:st|nd|rd|th)\b)")


def _names_columns(cells: Sequence[str]) -> bool:
    """Whether a row's cells name columns: words, none of them a value ("1-yr commit" names one, "0.04" and
    "10 GiB" are values)."""
    filled = [cell for cell in cells if cell]
    return len(filled) >= 2 and all(re.search(r"[A-Za-z]", c) and not _LONE_NUMBER.search(c) for c in filled)


def _aligned_cells(text: str) -> list[tuple[int, str]] | None:
    """(start, text) of each space-aligned column of a line (an empty first one when the line starts indented),
    or None for a line that is no such row."""
    if "|" in text or "\t" in text or _NOT_A_ROW.match(text) or "  " not in text.strip():
        return None
    cells = [(m.start(), m.group()) for m in _ALIGNED_CELL.finditer(text)]
    if cells and cells[0][0] >= 2:
        cells.insert(0, (0, ""))
    gaps = [text[a[0] + len(a[1]):b[0]] for a, b in zip(cells, cells[1:]) if a[1]]
    return cells if len(cells) >= 3 and all(len(g) >= 2 for g in gaps) else None


def headerless_row(text: str) -> bool:
    """Whether a line is a row of values aligned with spaces ("s-1vcpu-1gb   $6/mo   1 GiB   25 GiB"): three
    cells at least that open with a number or a price (not an outline's "6.9.1  macOS 12-core  $0.12 / min").
    Read here, it had no header (`pipe_aligned` makes those pipe rows)."""
    cells = _aligned_cells(text)
    return cells is not None and sum(1 for _, cell in cells if cell[:1].isdigit() or cell[:1] in ("$", "€", "£", "~")) >= 3


def _same_columns(header: list[tuple[int, str]], row: list[tuple[int, str]] | None) -> bool:
    """The row's columns start or end where the header's do (left- or right-aligned), one for one."""
    if row is None or len(row) != len(header):
        return False
    return all(abs(h[0] - r[0]) <= ALIGN_SLACK or abs(h[0] + len(h[1]) - r[0] - len(r[1])) <= ALIGN_SLACK
               for h, r in zip(header[1:], row[1:]))


def cell_at(lines: Sequence[str], line_index: int, offset: int,
            tables: Sequence[Table] | None = None) -> Cell | None:
    """The body cell of a table that holds character `offset` of `lines[line_index]`, or None.

    Args:
        lines: the card's lines (title and answer, in order).
        line_index: index into `lines` of the line the position is on.
        offset: character offset in that line.
        tables: `find_tables(lines)` when the caller already has it.

    Returns:
        The `Cell`, or None when the position is not in a table's body row (header and
        separator rows included: they name columns, they hold no facts).
    """
    if not 0 <= line_index < len(lines) or "|" not in lines[line_index]:
        return None
    for table in tables if tables is not None else find_tables(lines):
        if table.first_row <= line_index <= table.last_row:
            line = lines[line_index]
            spans = split_row(line)
            for column, (start, end) in enumerate(spans):
                if _cell_bounds(line, start, end)[0] <= offset < _cell_bounds(line, start, end)[1]:
                    header_span = table.header_spans[column] if column < len(table.header_spans) else (0, 0)
                    header = table.headers[column] if column < len(table.headers) else ""
                    unit = _cell_under(line, spans, unit_column(table.headers), column)
                    measure = _cell_under(line, spans, measure_column(table.headers), column)
                    label = line[spans[0][0]:spans[0][1]] if table.labelled else ""
                    if label and column > 1 and _label_repeats(lines, table, line_index, label):
                        label = f"{label}, {line[slice(*spans[1])]}"    # "Basic HDD, 10+ TiB": which of the two
                    return Cell(
                        text=line[start:end], column=column, row_label=label,
                        column_header=header, span=(start, end), label_span=spans[0] if table.labelled else (0, 0),
                        header_line=table.header_line, header_span=header_span, unit=unit,
                        measure="" if any(ch.isdigit() for ch in measure) else measure, labelled=table.labelled,
                    )
            return None
    return None


def _cell_under(line: str, spans: Sequence[tuple[int, int]], at: int | None, column: int) -> str:
    """The row's cell in column `at` (a Unit or Limit column), unless that is the cell asked about (`column`)."""
    return "" if at is None or at == column or at >= len(spans) else line[slice(*spans[at])]


def _label_repeats(lines: Sequence[str], table: Table, line_index: int, label: str) -> bool:
    """Another row of the table has the same first cell ("| Basic HDD | 1 - 10 TiB |", "| Basic HDD | 10+ TiB |")."""
    for i in range(table.first_row, table.last_row + 1):
        if i != line_index and "|" in lines[i]:
            spans = split_row(lines[i])
            if spans and lines[i][slice(*spans[0])] == label:
                return True
    return False


def _cell_bounds(line: str, start: int, end: int) -> tuple[int, int]:
    """The cell's extent including its padding: from after the pipe before it to the pipe after it."""
    left = line.rfind("|", 0, start) + 1
    right = line.find("|", end)
    return left, len(line) if right < 0 else right
