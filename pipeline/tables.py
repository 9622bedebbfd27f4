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

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

__all__ = ["Cell", "Table", "cell_at", "find_tables", "split_row", "unit_column"]

_SEPARATOR: Final = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_PIPE: Final = re.compile(r"(?<!\\)\|")


@dataclass(frozen=True)
class Table:
    """One table: the index of its header line (in the lines given), its header cells and body rows."""

    header_line: int
    headers: tuple[str, ...]
    header_spans: tuple[tuple[int, int], ...]   # (start, end) of each header cell's text in the header line
    first_row: int                               # index of the first body line
    last_row: int                                # index of the last body line (inclusive)


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

    @property
    def is_label(self) -> bool:
        """The position is in the row's first cell (the label itself)."""
        return self.column == 0


def unit_column(headers: Sequence[str]) -> int | None:
    """The column headed "Unit" ("| Quota | Default | Unit |"): it says what the row's values are in."""
    return next((i for i, h in enumerate(headers) if h.strip().lower() in ("unit", "units")), None)


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
    """The markdown tables among `lines` (a card's lines, in order)."""
    found = []
    i = 1
    while i < len(lines):
        if "|" in lines[i - 1] and "|" in lines[i] and _SEPARATOR.match(lines[i]):
            header = lines[i - 1]
            spans = tuple(split_row(header))
            last = i
            while last + 1 < len(lines) and "|" in lines[last + 1] and not _SEPARATOR.match(lines[last + 1]):
                last += 1
            if last > i:
                found.append(Table(i - 1, tuple(header[s:e] for s, e in spans), spans, i + 1, last))
            i = last + 1
        i += 1
    return tuple(found)


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
                    units = unit_column(table.headers)
                    unit = line[slice(*spans[units])] if units not in (None, column) and units < len(spans) else ""
                    label = line[spans[0][0]:spans[0][1]]
                    if column > 1 and _label_repeats(lines, table, line_index, label):
                        label = f"{label}, {line[slice(*spans[1])]}"    # "Basic HDD, 10+ TiB": which of the two
                    return Cell(
                        text=line[start:end], column=column, row_label=label,
                        column_header=header, span=(start, end), label_span=spans[0],
                        header_line=table.header_line, header_span=header_span, unit=unit,
                    )
            return None
    return None


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
