"""Kahoot's spreadsheet import ("Quiz template"): multiple choice and true/false only.

The template holds a question of at most 120 characters, two to four answers
of at most 75, a time limit from a fixed list, and the correct answers as
1-based indexes. Questions that break a limit are skipped, never truncated
(a cut question can change its meaning). A multiple choice with more than four
options keeps the correct ones and the first distractors.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import datetime, timezone

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from ..difficulty import band
from ..types import Question
from .base import Export, Unmappable, choices, map_questions, one_line, tf_answer, zip_bytes

__all__ = ["to_kahoot", "HEADERS", "TIME_LIMITS", "MAX_QUESTION", "MAX_ANSWER"]

MAX_QUESTION, MAX_ANSWER = 120, 75
CONTEXT_SEPARATOR = " › "   # how generators join a stem's context (see generators/context.py)
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
HEADERS = ("Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
           "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
           "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at least one")
HEADER_ROW = 8
# Harder questions get longer to answer.
_TIME_BY_BAND = {"easy": 20, "medium": 30, "hard": 60}

Row = tuple[str, list[str], int, str]


def _row(q: Question) -> list[tuple[str, Row]]:
    if q.type == "truefalse":
        answers, correct = ["True", "False"], [1 if tf_answer(q) else 2]
        kind = "true/false"
    elif q.type == "multichoice":
        opts = [(one_line(t), ok) for t, ok in choices(q)]
        if not any(ok for _, ok in opts) or len(opts) < 2:
            raise Unmappable("multiple choice without a correct option or with fewer than two options")
        if len(opts) > 4:
            kept = [o for o in opts if o[1]][:4]
            kept += [o for o in opts if not o[1]][: 4 - len(kept)]
            opts = [o for o in opts if o in kept]
        answers = [t for t, _ in opts]
        correct = [i for i, (_, ok) in enumerate(opts, 1) if ok]
        kind = "quiz"
    else:
        raise Unmappable("Kahoot's template holds only multiple choice and true/false")
    text = _fit(one_line(q.stem))
    if not text:
        raise Unmappable("empty stem")
    if len(text) > MAX_QUESTION:
        raise Unmappable(f"question has {len(text)} characters, Kahoot allows {MAX_QUESTION}")
    long = [a for a in answers if len(a) > MAX_ANSWER or not a]
    if long:
        raise Unmappable(f"an answer is empty or longer than {MAX_ANSWER} characters: {long[0][:40]!r}")
    return [(kind, (text, answers, _TIME_BY_BAND[band(q.difficulty)], ",".join(map(str, correct))))]


def _fit(text: str) -> str:
    """Drop the outermost context ("Card title › Section › …") until the stem fits Kahoot's limit."""
    while len(text) > MAX_QUESTION and CONTEXT_SEPARATOR in text:
        text = text.split(CONTEXT_SEPARATOR, 1)[1]
    return text


def to_kahoot(questions: Sequence[Question], *, title: str = "qbank") -> Export:
    """An .xlsx in the template layout: header in row 8 (columns B–H), questions from row 9."""
    rows, skipped, native = map_questions(questions, _row)

    def render(timestamp: float) -> bytes:
        wb = Workbook()
        ws = wb.active
        ws.title = "Sheet1"
        ws["B2"] = "Quiz template"
        ws["B3"] = title
        ws["B4"] = "Add questions, at least two answer alternatives, time limit and choose correct answers (at least one)."
        for i, h in enumerate(HEADERS):
            ws.cell(row=HEADER_ROW, column=2 + i, value=h)
        for n, (text, answers, seconds, correct) in enumerate(rows, 1):
            r = HEADER_ROW + n
            ws.cell(row=r, column=1, value=n)
            ws.cell(row=r, column=2, value=text)
            for i, a in enumerate(answers):
                ws.cell(row=r, column=3 + i, value=a)
            ws.cell(row=r, column=7, value=seconds)
            ws.cell(row=r, column=8, value=correct)
        when = datetime.fromtimestamp(timestamp, tz=timezone.utc).replace(tzinfo=None)
        wb.properties.created = wb.properties.modified = when
        wb.properties.creator = "qbank"
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
            ExcelWriter(wb, archive).write_data()   # not save_workbook(): it stamps the clock
        with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
            entries = [(name, z.read(name)) for name in z.namelist()]
        return zip_bytes(entries, timestamp=timestamp)

    return Export("kahoot", len(questions), len(rows), skipped, native, render)
