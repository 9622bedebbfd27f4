"""Hard-wrapped prose read as the sentences it holds.

Notes written in an editor that wraps at a fixed width break sentences over
file lines ("… reference it in" / "later requests. Minimum size …"). Every
later step reads a card line by line, so a wrapped sentence would be cut into
fragments that state nothing. A line break counts as a wrap only when the next
word would not have fitted on the line (the width: the card's longest line that
another long line nearly matches) and the text plainly runs on; list items,
labels, tables and code keep their lines.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .types import Line

__all__ = ["reflow"]

MIN_WRAPPED: Final = 50      # a wrapped line is at least this long: short lines are notes of their own
WIDTH_SLACK: Final = 10     # lines of a wrapped paragraph end within this many characters of each other
MIN_WIDTH: Final = 70       # editors wrap at 72-100 columns; a list of shorter rows is no wrapped paragraph
MAX_JOINED: Final = 2_000    # a paragraph longer than this keeps its file lines
HAND_WRAPPED: Final = 0.8    # a writer wrapping by hand breaks lines this full and more before the next word fits

# A line that starts something of its own: a list item, quote, table row, heading, arrow, Q&A part, or code.
_STARTS_ITEM: Final = re.compile(
    r"^\s*(?:[-*•+>|#]|\d+[.)/](?:\s|$)|[a-z][.)]\s|->|→|=>|\[|```|(?:Q|A|Answer|Note|Why)\s*:)")
# ... or a label ("Gotcha: …", "2024-10-30: …", a config key "custom_metrics_per_tag_combo: 5") or a definition ("DX = Direct Connect").
_STARTS_LABEL: Final = re.compile(r"^\s*(?:[A-Za-z0-9][\w /'&.-]{0,24}:(?:\s|$)|[A-Za-z_][\w.-]{24,60}:(?:\s|$)|[\w/.-]+(?:\s[\w/.-]+){0,2}\s*(?:=>?|->|→)\s"
                                  r"|[^—–]{1,30}\s[—–]\s)")
_CODE: Final = re.compile(r"[{}]|\('|\s--?[a-z]{2,}\b|^\s{4,}|\S(?: {2,}|\t)\s*#\s")   # … and "key: 1   # comment"
_ENDS_STATEMENT: Final = re.compile(r"[.!?;:)]$")
_ABBREVIATION_END: Final = re.compile(r"\b(?:e\.g|i\.e|vs|approx|incl|etc)\.$", re.I)
_ING: Final = re.compile(r"[a-z]{3,}ing")     # a verb's -ing form: "giving", "including"
_RUNS_ON: Final = re.compile(r"^\s*[a-z(]")   # a number opens list rows ("3600 s — max for both"); it runs on after "a"
_CLOSES: Final = re.compile(r"^[a-z]+[.;,] [A-Z]")     # "minimum. Alternatively …": the sentence above ends here
_UNIT_START: Final = re.compile(r"^\s*(?:[KMGTP]i?B|RUs?|RU/s)\b")   # "… and 25" / "GB. Periodic …": a number's unit
# Words a sentence does not end on: the text plainly goes on below them.
_OPEN_WORDS: Final = frozenset(
    "a an the and or but nor of to in on at for with by from as is are was were be been can could will would "
    "should may must that which than into per via if when while so then its their your our my this these those "
    "not no up over under about between plus minus around roughly approximately only also each every both just "
    "like".split())


def reflow(lines: Sequence[Line]) -> list[Line]:
    """`lines` with each hard-wrapped run of file lines joined into one `Line` (its `wraps` set)."""
    if len(lines) < 2:
        return list(lines)
    width, paragraph = _width([len(line.text) for line in lines])
    out: list[Line] = []
    for line in lines:
        last = out[-1] if out else None
        if last is not None and _wrapped(last, line, width, paragraph=paragraph):
            text = last.text.rstrip() + " "
            out[-1] = Line(last.number, text + line.text.strip(), (*last.wraps, len(text)))
        else:
            out.append(line)
    return out


def _width(lengths: list[int]) -> tuple[int, bool]:
    """The width the card was wrapped at: its longest line with another of at least `MIN_WIDTH` within `WIDTH_SLACK`
    characters below it (a wrapped paragraph fills several lines to about the same length; one long unwrapped
    line is no width), else its longest line; and whether it was such a pair (the card holds wrapped prose)."""
    ordered = sorted(lengths, reverse=True)
    paired = next((a for a, b in zip(ordered, ordered[1:]) if a - b <= WIDTH_SLACK and b >= MIN_WIDTH), None)
    return (ordered[0], False) if paired is None else (paired, True)


def _wrapped(before: Line, line: Line, width: int, *, paragraph: bool) -> bool:
    """Whether `line` continues the sentence `before` ends with (a soft wrap, not a new note); `paragraph`: the card
    holds wrapped prose (`_width`)."""
    if line.number != before.number + len(before.wraps) + 1 or len(before.text) + len(line.text) > MAX_JOINED:
        return False
    if line.text[:1] == "\t" and before.text[:1] == "\t":
        return False     # an outliner's nodes, indented with tabs: each is a note of its own ("… or on a date" / "up to …")
    previous = before.text[before.wraps[-1]:] if before.wraps else before.text
    previous, text = previous.rstrip(), line.text
    # Inside a wrapped paragraph, or after a word no sentence ends on ("… on an" / "object: total size 8 KiB",
    # "… every 5 minutes, giving" / "PITR."), the text runs on even past a label; so does a paragraph's line
    # that ends on a colon ("… 270 s. Retention:").
    last = previous.split()[-1] if previous.split() else ""
    open_word = last.lower() in _OPEN_WORDS
    running = bool(before.wraps) or open_word or _ING.fullmatch(last) is not None
    if (_STARTS_ITEM.match(text) or _STARTS_LABEL.match(text) and (not running or _sibling(before.text, text))
            or _CODE.search(previous)
            or _CODE.search(text) or _STARTS_ITEM.match(previous) and previous.lstrip().startswith(("|", "```"))):
        return False
    if (_ENDS_STATEMENT.search(previous) and not _ABBREVIATION_END.search(previous)
            and not (before.wraps and previous.endswith(":"))):
        return False
    words = text.split()
    # "… is way longer than" / "2 minutes, so …", "… 8500 bytes (not the 9001 you" / "get inside a VPC), …": no sentence
    # ends on an open word or inside a bracket
    open_end = open_word or (previous.count("(") > previous.count(")") and bool(_RUNS_ON.match(text)))
    if not (open_end or before.wraps or previous.endswith(",")) and _listing(previous):
        return False     # "… 10 min idle, 32 KB frame, 128 KB message" / "lead time …": a list ends where its line does
    if paragraph and len(previous) >= max(MIN_WRAPPED, HAND_WRAPPED * width) and (before.wraps or _CLOSES.match(text)) \
            and (text[:1].islower() or previous[-1:].isdigit() and _UNIT_START.match(text)):
        return True      # wrapped by hand, short of the width: "… which means a floor" / "of 100 RU/s. Tmax …"
    if not words or len(previous) < MIN_WRAPPED or (len(previous) + 1 + len(words[0]) <= width and not open_end):
        return False     # the next word would have fitted: the line ended where its writer ended it
    if before.wraps:
        return True      # the paragraph is wrapped already: a full line that ends no statement goes on
    return bool(_RUNS_ON.match(text)) or running or previous.endswith((",", "-", "–"))


def _listing(text: str) -> bool:
    """Whether a line is a list of short items, four or more, between commas (after a label, if any)."""
    items = text.split(":", 1)[-1].split(", ")
    return len(items) >= 4 and all(len(item.split()) <= 5 for item in items[1:])


def _sibling(before: str, text: str) -> bool:
    """Two labelled rows at one indent ("  default: 20" / "  max: 1000"): a list, however the first ends."""
    indent = len(text) - len(text.lstrip())
    return _STARTS_LABEL.match(before) is not None and len(before) - len(before.lstrip()) == indent
