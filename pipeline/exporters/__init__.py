"""Exports of questions to the formats quiz tools import; one registry, `FORMATS`.

Each exporter is `fn(questions, *, title) -> Export`: it builds the export in
memory, maps every question type to the closest native type, and lists what it
could not map. `Export.write(path, timestamp=…)` writes deterministic bytes.
"""
from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from ..errors import ExportError, value_invalid_msg
from ..types import Question
from .anki import to_anki
from .base import DEFAULT_TIMESTAMP, Export, Skipped
from .gift import to_gift
from .kahoot import to_kahoot
from .moodle_xml import to_moodle_xml
from .qti import to_qti12, to_qti21
from .quizlet import to_quizlet
from .tabular import to_csv, to_json

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["FORMATS", "SUFFIXES", "DEFAULT_TIMESTAMP", "Export", "Skipped", "export", "exportable", "select_questions"]

Exporter = Callable[..., Export]

FORMATS: dict[str, Exporter] = {
    "anki": to_anki,
    "gift": to_gift,
    "moodle-xml": to_moodle_xml,
    "qti": to_qti21,
    "canvas": partial(to_qti21, profile="canvas"),   # QTI 2.1 as Canvas's importer takes it
    "qti12": to_qti12,
    "quizlet": to_quizlet,
    "kahoot": to_kahoot,
    "csv": to_csv,
    "json": to_json,
}

# The file suffix each format's importer expects.
SUFFIXES = {"anki": ".apkg", "gift": ".gift", "moodle-xml": ".xml", "qti": ".zip", "canvas": ".zip", "qti12": ".zip",
            "quizlet": ".txt", "kahoot": ".xlsx", "csv": ".csv", "json": ".json"}


def export(fmt: str, questions: Sequence[Question], *, title: str = "qbank", flat_xml: bool = False) -> Export:
    """Build the export of `questions` in format `fmt` (`flat_xml`: QTI 1.2 as a bare XML file, not a zip).

    Raises:
        ExportError: the format is unknown, `flat_xml` is asked of another format, or there is nothing to export.
    """
    if fmt not in FORMATS:
        raise ExportError(value_invalid_msg("export format", fmt, FORMATS))
    if flat_xml and fmt != "qti12":
        raise ExportError(f"--flat-xml is for --format qti12 (a bare QTI 1.2 file), not {fmt}")
    if not questions:
        raise ExportError("nothing to export: no accepted questions match; build a deck or check --deck/--exam")
    # The clock is fixed, so exports repeat byte for byte, and moves one second per
    # content revision, so an importer that keeps the newer copy (Anki) takes the
    # regenerated questions exactly when they changed.
    clock = DEFAULT_TIMESTAMP + max(q.revision for q in questions)
    made = to_qti12(questions, title=title, flat_xml=True) if flat_xml else FORMATS[fmt](questions, title=title)
    return replace(made, clock=clock)


def exportable(fmt: str, questions: Sequence[Question]) -> list[Question]:
    """The questions that format `fmt` holds without skipping them (what an exam for that target may pick).

    Raises:
        ExportError: the format is unknown.
    """
    if fmt not in FORMATS:
        raise ExportError(value_invalid_msg("export target", fmt, FORMATS))
    dropped = {s.question_id for s in FORMATS[fmt](questions).skipped}
    return [q for q in questions if q.question_id not in dropped]


def select_questions(store: Store, *, exam: str | None = None, deck: str | None = None) -> tuple[str, list[Question]]:
    """(title, questions) to export: an exam's in its order, a deck's, or the whole bank's accepted ones.

    Raises:
        ExportError: the deck is not in the bank, or both an exam and a deck are given.
        ExamError: no exam has that name.
    """
    if exam is not None and deck is not None:
        raise ExportError("give --exam or --deck, not both (an exam already names its questions)")
    if exam is not None:
        exam_set = store.load_exam(exam)
        found = {q.question_id: q for q in store.load_questions(question_ids=exam_set.question_ids, status=None)}
        missing = [i for i in exam_set.question_ids if i not in found]
        if missing:
            warnings.warn(f"exam {exam!r}: {len(missing)} question(s) no longer in the bank (a rebuild changed "
                          f"them): {', '.join(missing[:5])}; recreate the exam with `qbank exam create`", stacklevel=2)
        return exam_set.name, [found[i] for i in exam_set.question_ids if i in found]
    if deck is not None:
        if deck not in store.deck_ids():
            raise ExportError(value_invalid_msg("deck", deck, store.deck_ids() or ["(none: qbank build DECK)"]))
        return deck, store.load_questions(deck_id=deck)
    return "qbank", store.load_questions()
