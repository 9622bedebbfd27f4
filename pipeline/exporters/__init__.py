"""Exports of questions to the formats quiz tools import; one registry, `FORMATS`.

Each exporter is `fn(questions, *, title) -> Export`: it builds the export in
memory, maps every question type to the closest native type, and lists what it
could not map. `Export.write(path, timestamp=…)` writes deterministic bytes.
"""
from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import replace
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

__all__ = ["FORMATS", "SUFFIXES", "DEFAULT_TIMESTAMP", "Export", "Skipped", "export", "select_questions"]

Exporter = Callable[..., Export]

FORMATS: dict[str, Exporter] = {
    "anki": to_anki,
    "gift": to_gift,
    "moodle-xml": to_moodle_xml,
    "qti": to_qti21,
    "qti12": to_qti12,
    "quizlet": to_quizlet,
    "kahoot": to_kahoot,
    "csv": to_csv,
    "json": to_json,
}

# The file suffix each format's importer expects.
SUFFIXES = {"anki": ".apkg", "gift": ".gift", "moodle-xml": ".xml", "qti": ".zip", "qti12": ".xml",
            "quizlet": ".txt", "kahoot": ".xlsx", "csv": ".csv", "json": ".json"}


def export(fmt: str, questions: Sequence[Question], *, title: str = "qbank") -> Export:
    """Build the export of `questions` in format `fmt`.

    Raises:
        ExportError: the format is unknown, or there is nothing to export.
    """
    if fmt not in FORMATS:
        raise ExportError(value_invalid_msg("export format", fmt, FORMATS))
    if not questions:
        raise ExportError("nothing to export: no accepted questions match; build a deck or check --deck/--exam")
    # The clock is fixed, so exports repeat byte for byte, and moves one second per
    # content revision, so an importer that keeps the newer copy (Anki) takes the
    # regenerated questions exactly when they changed.
    clock = DEFAULT_TIMESTAMP + max(q.revision for q in questions)
    return replace(FORMATS[fmt](questions, title=title), clock=clock)


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
