"""Exports of questions to the formats quiz tools import; one registry, `FORMATS`.

Each exporter is `fn(questions, *, title) -> Export`: it builds the export in
memory, maps every question type to the closest native type, and lists what it
could not map. `Export.write(path, timestamp=…)` writes deterministic bytes.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

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

__all__ = ["FORMATS", "SUFFIXES", "DEFAULT_TIMESTAMP", "Export", "Skipped", "export"]

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
    return FORMATS[fmt](questions, title=title)
