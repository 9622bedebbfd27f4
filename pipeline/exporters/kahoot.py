"""Kahoot's spreadsheet import ("Quiz template"): multiple choice and true/false only.

The template holds a question of at most 120 characters, two to four answers
of at most 75, a time limit from a fixed list, and the correct answers as
1-based indexes. A stem is fitted by shortening its context, never its
sentence: the answers on screen make a prompt like "Which value fills the
blank?" or "True or false?" redundant, then the card's breadcrumb loses its
outer parts, keeping the crumb that names the subject (or the subject's own
name) and the crumb nearest the sentence as long as they fit. A question whose
sentence or answers alone break a limit is skipped with its numbers. A
multiple choice with more than four options keeps the correct ones and the
first distractors.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import datetime, timezone

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from ..difficulty import band
from ..generators.context import distinctive_words
from ..types import Question
from .base import (
    BLANK, CONTEXT_SEPARATOR, Export, StemParts, Unmappable, choices, map_questions, one_line, stem_parts, tf_answer,
    zip_bytes,
)

__all__ = ["to_kahoot", "question_text", "HEADERS", "TIME_LIMITS", "MAX_QUESTION", "MAX_ANSWER"]

MAX_QUESTION, MAX_ANSWER = 120, 75
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
HEADERS = ("Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
           "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
           "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at least one")
HEADER_ROW = 8
# Harder questions get longer to answer.
_TIME_BY_BAND = {"easy": 20, "medium": 30, "hard": 60}

Row = tuple[str, list[str], int, str, bool]   # question, answers, seconds, correct, context shortened


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
    if any(not a for a in answers):
        raise Unmappable("an answer is empty")
    longest = max(answers, key=len)
    if len(longest) > MAX_ANSWER:
        raise Unmappable(f"an answer has {len(longest)} characters, Kahoot allows {MAX_ANSWER}: {longest[:40]!r}")
    text, shortened = question_text(q)
    return [(kind, (text, answers, _TIME_BY_BAND[band(q.difficulty)], ",".join(map(str, correct)), shortened))]


def question_text(q: Question) -> tuple[str, bool]:
    """The stem as Kahoot shows it, with as much of its context as fits in 120 characters; and whether it was cut.

    Raises:
        Unmappable: the stem is empty, or its sentence does not fit even with the context cut to the subject.
    """
    parts = stem_parts(q)
    if not parts.body:
        raise Unmappable("empty stem")
    redundant = q.type == "truefalse" or bool(BLANK.search(parts.body))   # the answers on screen say it
    tail = "" if redundant else parts.prompt
    for context in _contexts(parts, q.subject or ""):
        text = one_line(" ".join(x for x in (CONTEXT_SEPARATOR.join(c for c in (context, parts.body) if c), tail) if x))
        if len(text) <= MAX_QUESTION:
            return text, context != parts.context
    raise Unmappable(f"question has {len(text)} characters with its context cut to the subject, "
                     f"Kahoot allows {MAX_QUESTION}")


def _contexts(parts: StemParts, subject: str) -> list[str]:
    """Contexts to try, longest first: the whole breadcrumb, then fewer outer crumbs, always naming the subject."""
    crumbs = parts.crumbs
    wanted = distinctive_words(subject)

    def names_subject(text: str) -> bool:
        return not wanted or bool(wanted & distinctive_words(text))

    if names_subject(parts.body):
        lead: list[str] = []
    else:
        lead = [next((c for c in crumbs if names_subject(c)), subject)]
    tried = [CONTEXT_SEPARATOR.join(crumbs)]
    for i in range(1, len(crumbs) + 1):
        rest = crumbs[i:]
        head = [] if any(names_subject(c) for c in rest) else lead
        tried.append(CONTEXT_SEPARATOR.join(head + rest))
        if head and head[0] != subject and subject:
            tried.append(CONTEXT_SEPARATOR.join([subject] + rest))
    return list(dict.fromkeys(tried))


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
        for n, (text, answers, seconds, correct, _) in enumerate(rows, 1):
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

    return Export("kahoot", len(questions), len(rows), skipped, native, render,
                  changes=(("shortened to fit (context cut)", sum(r[4] for r in rows)),))
