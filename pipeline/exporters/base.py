"""What every exporter shares: the `Export` result, deterministic zips, and reading questions.

An exporter maps each question type to the closest native type of its target
and lists what it could not map (`Skipped`), so the CLI can say so. Output is
byte-for-byte deterministic: no clock is read, zip entries carry a fixed
date and mode, and questions keep the order they were given in.
"""
from __future__ import annotations

import io
import json
import math
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from ..errors import ExportError
from ..types import Question

__all__ = [
    "DEFAULT_TIMESTAMP", "Skipped", "Export", "Unmappable", "map_questions", "zip_bytes", "zip_date_time",
    "Blank", "cloze_parts", "cloze_groups", "NumericAnswer", "numeric_answer", "plain_number",
    "partial_credit", "choices", "tf_answer", "tolerance_of", "subject_of", "one_line", "StemParts", "stem_parts",
    "CONTEXT_SEPARATOR", "merge_duplicates", "BLANK",
]

# 2024-01-01T00:00:00Z: the clock every export uses unless the caller passes one.
DEFAULT_TIMESTAMP = 1704067200.0

T = TypeVar("T")


@dataclass(frozen=True)
class Skipped:
    """A question the target format cannot hold, and why."""

    question_id: str
    type: str
    reason: str

    def __str__(self) -> str:
        return f"{self.question_id} ({self.type}): {self.reason}"


@dataclass(frozen=True)
class Export:
    """An export built in memory; `write` serialises it once, with the caller's clock.

    `native` counts how each question type was mapped: (our type, native type, n).
    `changes` counts what the exporter changed on the way, e.g. ("duplicate(s) merged", 78):
    the summary line reports them next to what it dropped (`skipped`).
    """

    format: str
    n_questions: int
    n_items: int
    skipped: tuple[Skipped, ...]
    native: tuple[tuple[str, str, int], ...]
    render: Callable[[float], bytes] = field(repr=False, compare=False)
    clock: float = DEFAULT_TIMESTAMP   # the default timestamp: see `exporters.export`
    changes: tuple[tuple[str, int], ...] = ()

    def to_bytes(self, *, timestamp: float | None = None) -> bytes:
        return self.render(self.clock if timestamp is None else timestamp)

    def write(self, path: str | Path, *, timestamp: float | None = None) -> Path:
        """Write the export to `path`, making its folder.

        Raises:
            ExportError: the file cannot be written (no permission, a file where a folder should be ...).
        """
        p = Path(path)
        data = self.to_bytes(timestamp=timestamp)
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(data)
        except OSError as e:
            raise ExportError(f"{p}: cannot write the export ({e.strerror or e}); choose another --out") from e
        return p


class Unmappable(Exception):
    """Raised by a converter for a question its format cannot hold (becomes a `Skipped`)."""


def map_questions(
    questions: Iterable[Question], convert: Callable[[Question], list[tuple[str, T]]]
) -> tuple[list[T], tuple[Skipped, ...], tuple[tuple[str, str, int], ...]]:
    """Convert each question to native items (kind, item); collect skips and the type mapping."""
    items: list[T] = []
    skipped: list[Skipped] = []
    mapping: Counter[tuple[str, str]] = Counter()
    for q in questions:
        try:
            converted = convert(q)
        except Unmappable as e:
            skipped.append(Skipped(q.question_id, q.type, str(e)))
            continue
        for kind, item in converted:
            mapping[(q.type, kind)] += 1
            items.append(item)
    return items, tuple(skipped), tuple((a, b, n) for (a, b), n in sorted(mapping.items()))


def merge_duplicates(items: Sequence[T], key: Callable[[T], Hashable]) -> tuple[list[T], int]:
    """`items` without those whose `key` an earlier item has; and how many were merged away.

    A multi-blank question split into one item per blank repeats the single-blank
    question over the same fact word for word; a learner should not meet it twice.
    """
    seen: set[Hashable] = set()
    kept = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            kept.append(item)
    return kept, len(items) - len(kept)


def zip_date_time(timestamp: float) -> tuple[int, int, int, int, int, int]:
    """A zip entry date (UTC, clamped to the zip epoch 1980)."""
    d = datetime.fromtimestamp(max(timestamp, 315532800), tz=timezone.utc)
    return (d.year, d.month, d.day, d.hour, d.minute, d.second)


def zip_bytes(entries: Iterable[tuple[str, bytes]], *, timestamp: float) -> bytes:
    """A zip whose bytes depend only on the entries and the timestamp (fixed date, mode, host)."""
    buf = io.BytesIO()
    when = zip_date_time(timestamp)
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            z.writestr(info, data)
    return buf.getvalue()


# -- reading questions ------------------------------------------------------------

CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
BLANK = re.compile(r"_{3,}|\[\.\.\.\]|\[blank\]", re.IGNORECASE)


@dataclass(frozen=True)
class Blank:
    """One cloze deletion: its group number (c1, c2 …), answer and optional hint."""

    group: int
    answer: str
    hint: str = ""


def cloze_parts(q: Question) -> list[str | Blank]:
    """The question as text pieces and blanks, whatever way the generator wrote it.

    Read from `extra["cloze"]` ({{c1::…}} Anki text) when present; else the
    stem's blank (`____`, `[...]`) filled by the answer; else the stem with the
    answer's first occurrence blanked. Raises `Unmappable` when there is no blank.
    """
    text = q.get("cloze")
    if isinstance(text, str) and CLOZE.search(text):
        parts: list[str | Blank] = []
        pos = 0
        for m in CLOZE.finditer(text):
            if m.start() > pos:
                parts.append(text[pos:m.start()])
            parts.append(Blank(int(m.group(1)), m.group(2), m.group(3) or ""))
            pos = m.end()
        if pos < len(text):
            parts.append(text[pos:])
        return parts
    gap = BLANK.search(q.stem)
    if gap:
        return [q.stem[:gap.start()], Blank(1, q.answer), q.stem[gap.end():]]
    at = q.stem.find(q.answer) if q.answer else -1
    if at >= 0:
        return [q.stem[:at], Blank(1, q.answer), q.stem[at + len(q.answer):]]
    raise Unmappable("cloze has no blank: no {{c1::…}} text, no ____ in the stem, and the answer is not in it")


def cloze_groups(parts: Sequence[str | Blank]) -> list[int]:
    """The cloze group numbers in order (one Anki card, one GIFT question per group)."""
    return sorted({p.group for p in parts if isinstance(p, Blank)})


@dataclass(frozen=True)
class NumericAnswer:
    """A number as the learner types it, the unit words around it, and the tolerance."""

    value: float
    unit: str
    tolerance: float
    accepted: tuple[str, ...] = ()


_NUM = re.compile(r"[-+]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)")


def numeric_answer(q: Question) -> NumericAnswer | None:
    """The answer as a number in the answer's own unit ("15 minutes" → 15, "minutes").

    Falls back to `answer_value`/`answer_unit` when the answer text has no number.
    The tolerance is absolute: a relative one (`tolerance_type: relative`) is
    scaled by the value, since formats like GIFT and QTI only take ± a number.
    """
    m = _NUM.search(q.answer or "")
    accepted = q.get("accepted") or ()
    acc = tuple(str(a) for a in accepted) if isinstance(accepted, (list, tuple)) else ()
    if m:
        value = float(m.group().replace(",", ""))
        unit = (q.answer[:m.start()].strip() + " " + q.answer[m.end():].strip()).strip()
    elif q.answer_value is not None and math.isfinite(q.answer_value):
        value, unit = q.answer_value, q.answer_unit or ""
    else:
        return None
    tolerance = tolerance_of(q)
    if q.get("tolerance_type") == "relative":
        tolerance = float(Decimal(repr(tolerance)) * abs(Decimal(repr(value))))
    return NumericAnswer(value, unit, tolerance, acc)


def tolerance_of(q: Question) -> float:
    """`extra["tolerance"]` as a non-negative number (0 when absent or unreadable)."""
    try:
        return abs(float(q.get("tolerance") or 0.0))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0


def plain_number(x: float) -> str:
    """A decimal without exponent or trailing zeros (GIFT and QTI readers want plain digits)."""
    if x == int(x) and abs(x) < 1e15:
        return str(int(x))
    s = format(Decimal(repr(x)), "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


# Moodle's grade list (percent), so partial credit lands on a grade Moodle offers.
_MOODLE_GRADES = (100, 50, 33.33333, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10)


def partial_credit(n_correct: int) -> float:
    """The Moodle grade (percent) closest to an equal share of full marks among `n_correct` right options."""
    return min(_MOODLE_GRADES, key=lambda g: abs(g - 100 / n_correct))


def choices(q: Question) -> list[tuple[str, bool]]:
    """(text, is_correct) in the bank's stable option order."""
    return [(o.text, o.is_correct) for o in sorted(q.options, key=lambda o: o.position)]


def tf_answer(q: Question) -> bool:
    """A true/false question's answer ("true"/"false", any case)."""
    a = q.answer.strip().lower()
    a = a.rstrip(".")
    if a not in ("true", "false", "t", "f", "yes", "no"):
        raise Unmappable(f"true/false answer {q.answer!r} is neither true nor false")
    return a in ("true", "t", "yes")


CONTEXT_SEPARATOR = " › "   # how generators join a stem's breadcrumb and its body
_LEADING_PROMPT = re.compile(r"^(True or false\?)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class StemParts:
    """A stem as its generator composed it: `context › body` and a prompt line.

    `context` is the card's breadcrumb (`Title › Parent › …`, may be empty),
    `body` the sentence asked about (with its blank), `prompt` the instruction
    ("Which value fills the blank?", "True or false?", may be empty).
    """

    context: str
    body: str
    prompt: str

    @property
    def crumbs(self) -> list[str]:
        return [c for c in self.context.split(CONTEXT_SEPARATOR) if c.strip()]


def stem_parts(q: Question) -> StemParts:
    """The parts of `q`'s stem: `extra["context"/"body"/"prompt"]` when the generator gave them, else parsed.

    Parsing follows the generators' contract: `CONTEXT › BODY`, optionally a
    newline and a PROMPT line; a true/false stem starts with its prompt instead.
    The last ` › ` splits context from body, so a body never loses words.
    """
    given = {k: q.get(k) for k in ("context", "body", "prompt")}
    if isinstance(given["body"], str) and given["body"].strip():
        return StemParts(*(one_line(v) if isinstance(v, str) else "" for v in given.values()))
    text, prompt = q.stem.strip(), ""
    lead = _LEADING_PROMPT.match(text)
    if lead:
        prompt, text = lead.group(1), text[lead.end():]
    elif "\n" in text:
        text, prompt = (x.strip() for x in text.rsplit("\n", 1))
    context, sep, body = text.rpartition(CONTEXT_SEPARATOR)
    return StemParts(one_line(context), one_line(body if sep else text), one_line(prompt))


def subject_of(q: Question) -> str:
    """The question's subject, falling back to its card (so exams and categories still group)."""
    return q.subject or f"card {q.card_index}"


def one_line(text: str) -> str:
    """Whitespace (newlines, tabs) collapsed to single spaces."""
    return " ".join(text.split())


def dumps(obj: object) -> str:
    """JSON that is the same for the same data (sorted keys, UTF-8 text)."""
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, default=str)
