"""CSV and JSON: every field of the bank, for analysts and for tools we do not target.

JSON nests options and `extra`; CSV has one row per question with options and
`extra` as JSON text, so nothing is lost in either.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import asdict, fields
from typing import Any

from ..difficulty import band
from ..types import Question
from .base import Export, map_questions

__all__ = ["to_csv", "to_json", "question_record", "COLUMNS"]

COLUMNS = tuple(f.name for f in fields(Question)) + ("band",)


def question_record(q: Question) -> dict[str, Any]:
    """The question as a plain dict: every bank field, `extra` as a mapping, plus its band."""
    row = asdict(q)
    row["options"] = [asdict(o) for o in sorted(q.options, key=lambda o: o.position)]
    row["extra"] = dict(q.extra)
    row["band"] = band(q.difficulty)
    return row


def to_json(questions: Sequence[Question], *, title: str = "qbank") -> Export:
    """One JSON document: {"title", "questions": [...]} with every field."""
    records, skipped, native = map_questions(questions, lambda q: [(q.type, question_record(q))])

    def render(_timestamp: float) -> bytes:
        doc = {"format": "qbank-questions", "version": 1, "title": title, "questions": records}
        return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True, default=str) + "\n").encode()

    return Export("json", len(questions), len(records), skipped, native, render)


def to_csv(questions: Sequence[Question], *, title: str = "qbank") -> Export:
    """One row per question; `options` and `extra` as JSON text in their cells."""
    records, skipped, native = map_questions(questions, lambda q: [(q.type, question_record(q))])

    def render(_timestamp: float) -> bytes:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(COLUMNS)
        for r in records:
            w.writerow([_cell(r[c]) for c in COLUMNS])
        return buf.getvalue().encode()

    return Export("csv", len(questions), len(records), skipped, native, render)


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    if value is None:
        return ""
    return value
