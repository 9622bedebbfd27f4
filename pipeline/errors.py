"""Errors the library raises; only the CLI turns them into messages and exit codes."""
from __future__ import annotations


class PipelineError(Exception):
    """Base class: a problem the user can fix, with a message that says how."""


class DeckError(PipelineError):
    """A deck cannot be read at all (missing, empty, not UTF-8, unknown format)."""


class StrictModeError(PipelineError):
    """`--strict` was given and the deck has malformed cards."""


class UnitError(PipelineError):
    """A written unit that the unit lexicon does not know."""


class EvaluationError(PipelineError):
    """Gold annotations cannot be read (missing file, a line that is not JSON)."""


class StoreError(PipelineError):
    """The bank cannot be opened or written (locked, wrong schema version …)."""


class ExportError(PipelineError):
    """An export cannot be written (unknown format, nothing to export …)."""


class QueryError(PipelineError):
    """An analyst's query is refused (not read-only) or fails."""


class ResponsesError(PipelineError):
    """A responses file cannot be read at all (unknown format, not an Anki collection …)."""


class CalibrationError(PipelineError):
    """Too few responses, items or cards to calibrate, train or validate."""


class GazetteerError(PipelineError):
    """The services gazetteer is missing, malformed or ambiguous (one alias, two services)."""


class ExamError(PipelineError):
    """An exam cannot be made or found (bad blueprint, no questions, unknown name)."""


def value_invalid_msg(name: str, value: object, valid_values: object) -> str:
    """A message naming the bad value and the valid ones."""
    return f"{name} {value!r} is not valid; choose one of: {', '.join(map(str, valid_values))}"  # type: ignore[call-overload]
