"""Grading raw responses against bank questions.

Numbers are compared as quantities in the canonical units of `units.py`
(`15 minutes` = `900 s`, `0.5 GB` = `512 MB`) within the question's tolerance;
a bare number is read in the answer's own unit. Text is compared after
normalisation (case, spacing, punctuation, leading articles) and through
aliases (the question's `accepted`/`aliases`, and the bank's service surface
forms). Multiple choice accepts the option's text, letter or 1-based number.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from .store import Store
from .types import Question
from .units import UnitError, canonical, unit_expr

__all__ = ["Grade", "Quantity", "grade", "normalise_text", "parse_quantity", "alias_map", "item_results", "learner_results",
           "grade_bank"]

_QUANTITY = re.compile(
    r"^\s*(?P<pre>[$¢])?\s*(?P<num>[-+]?(?:\d[\d,]*(?:\.\d+)?|\.\d+))\s*(?P<unit>[^\s(),;]*(?:\s*/\s*\w+)?)",
)
_PUNCT = re.compile(r"[^\w\s%$./-]|(?<!\d)[./-]|[./-](?!\d)")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_TRUE = {"true", "t", "yes", "y"}
_FALSE = {"false", "f", "no", "n"}
_OPTION_TYPES = ("multichoice", "truefalse")
_NUMERIC_TYPES = ("cloze", "numerical", "calculated")


@dataclass(frozen=True)
class Grade:
    """A verdict with the reason a reviewer would want to see."""

    correct: bool
    reason: str


@dataclass(frozen=True)
class Quantity:
    """A number read from text: as written, and canonical when its unit is known."""

    number: float
    written_unit: str
    value: float | None = None       # canonical magnitude
    unit: str | None = None          # canonical unit label
    factor: float = 1.0              # written → canonical


def normalise_text(text: str) -> str:
    """Case, width, spacing, punctuation and a leading article do not matter."""
    t = unicodedata.normalize("NFKC", text).casefold().strip()
    t = _PUNCT.sub(" ", t)
    t = re.sub(r"\s+", " ", t).strip()
    return _ARTICLE.sub("", t)


def parse_quantity(text: str) -> Quantity | None:
    """The first number in `text` with the unit written after (or `$` before) it.

    Returns None when the text holds no number. An unknown unit gives a
    Quantity without canonical value, so the caller can say why it failed.
    """
    m = _QUANTITY.match(text.replace("\u00a0", " "))
    if not m:
        return None
    number = float(m.group("num").replace(",", ""))
    written = (m.group("pre") or m.group("unit") or "").strip()
    if not written:
        return Quantity(number, "")
    try:
        expr = unit_expr(written)
    except UnitError:
        return Quantity(number, written)
    try:
        value, unit = canonical(number, expr)
    except UnitError:
        return Quantity(number, written)
    return Quantity(number, written, value, unit, value / number if number else canonical(1.0, expr)[0])


def grade(question: Question, response: str, *, aliases: Mapping[str, str] | None = None) -> Grade:
    """Grade one raw response.

    Args:
        question: the bank question answered.
        response: what the learner typed or chose.
        aliases: normalised surface form → canonical name (e.g. every way the
            deck writes a service), shared by all questions.
    """
    if not response or not response.strip():
        return Grade(False, "empty response")
    if question.type in _OPTION_TYPES and question.options:
        return _grade_option(question, response)
    if question.type == "truefalse":
        return _grade_truefalse(question.answer, response)
    if question.type in _NUMERIC_TYPES and parse_quantity(question.answer) is not None:
        return _grade_number(question, response)
    return _grade_text(question, response, aliases or {})


def _tolerance(question: Question) -> float:
    try:
        tol = float(question.get("tolerance", 0.0) or 0.0)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
    return abs(tol) if math.isfinite(tol) else 0.0


def _grade_number(question: Question, response: str) -> Grade:
    key = parse_quantity(question.answer)
    got = parse_quantity(response)
    assert key is not None
    if got is None:
        return Grade(False, f"no number in {response!r}")
    tol = _tolerance(question)  # in the answer's own unit, as the exporters write it
    if not got.written_unit:
        ok = abs(got.number - key.number) <= tol + 1e-9 * abs(key.number)
        return Grade(ok, f"{got.number:g} {'=' if ok else '≠'} {key.number:g} {key.written_unit}".rstrip())
    if got.unit is None and got.value is None:
        return Grade(False, f"unknown unit {got.written_unit!r}")
    if key.value is None:
        return Grade(False, f"answer unit {key.written_unit!r} cannot be converted")
    if got.unit != key.unit:
        return Grade(False, f"{got.written_unit!r} is not a unit of {key.unit or 'a plain number'}")
    assert got.value is not None
    ok = abs(got.value - key.value) <= tol * key.factor + 1e-9 * abs(key.value)
    return Grade(ok, f"{got.value:g} {got.unit} {'=' if ok else '≠'} {key.value:g} {key.unit}")


def _grade_text(question: Question, response: str, aliases: Mapping[str, str]) -> Grade:
    said = normalise_text(response)
    accepted = {normalise_text(question.answer)}
    for key in ("accepted", "aliases"):
        extra = question.get(key) or ()
        if isinstance(extra, (list, tuple)):
            accepted.update(normalise_text(str(a)) for a in extra)
    if said in accepted:
        return Grade(True, "matches the answer")
    canon = {aliases.get(a, a) for a in accepted}
    if aliases.get(said, said) in canon:
        return Grade(True, f"alias of {question.answer!r}")
    return Grade(False, f"{response!r} does not match {question.answer!r}")


def _grade_option(question: Question, response: str) -> Grade:
    options = sorted(question.options, key=lambda o: o.position)
    said = normalise_text(response)
    chosen = [o for o in options if normalise_text(o.text) == said]
    if not chosen:
        index = _option_index(said, len(options))
        if index is None:
            if question.type == "truefalse":
                return _grade_truefalse(question.answer, response)
            return Grade(False, f"{response!r} is none of the options")
        chosen = [options[index]]
    ok = chosen[0].is_correct
    return Grade(ok, f"chose {chosen[0].text!r}" + ("" if ok else ", a distractor"))


def _option_index(said: str, n: int) -> int | None:
    """`b` / `B)` / `2` → 1 (0-based); None when it is not an option label."""
    label = said.rstrip(").").strip()
    if len(label) == 1 and label.isalpha() and ord(label) - ord("a") < n:
        return ord(label) - ord("a")
    if label.isdigit() and 1 <= int(label) <= n:
        return int(label) - 1
    return None


def _grade_truefalse(answer: str, response: str) -> Grade:
    said, key = normalise_text(response), normalise_text(answer)
    if said not in _TRUE | _FALSE:
        return Grade(False, f"{response!r} is neither true nor false")
    ok = (said in _TRUE) == (key in _TRUE)
    return Grade(ok, "matches the answer" if ok else f"the answer is {answer!r}")


def item_results(graded: pd.DataFrame) -> pd.DataFrame:
    """Per question: responses, correct answers and the share correct (from `question_id`, `correct`)."""
    g = graded.dropna(subset=["correct"]).groupby("question_id")["correct"]
    return pd.DataFrame({"n": g.size(), "n_correct": g.sum().astype(int), "p_correct": g.mean()}).reset_index()


def learner_results(graded: pd.DataFrame) -> pd.DataFrame:
    """Per learner: responses, correct answers and the share correct (from `learner_id`, `correct`)."""
    g = graded.dropna(subset=["correct"]).groupby("learner_id")["correct"]
    return pd.DataFrame({"n": g.size(), "n_correct": g.sum().astype(int), "p_correct": g.mean()}).reset_index()


def alias_map(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Normalised surface form → normalised canonical name, from (surface, canonical) pairs."""
    return {normalise_text(surface): normalise_text(canon) for surface, canon in pairs}


def grade_bank(store: Store, *, regrade: bool = False) -> pd.DataFrame:
    """Grade the bank's raw responses (only ungraded ones unless `regrade`) and store the verdicts.

    Returns the graded rows (`response_id`, `learner_id`, `question_id`, `correct`, `grade_reason`).
    """
    responses = store.load_responses()
    todo = responses[responses["response"].notna() & (regrade | responses["correct"].isna())]
    questions = {q.question_id: q for q in store.load_questions(status=None)}
    aliases = alias_map(store.alias_pairs())
    verdicts = [grade(questions[qid], str(text), aliases=aliases) if qid in questions
                else Grade(False, "question no longer in the bank")
                for qid, text in zip(todo["question_id"], todo["response"])]
    graded = todo[["response_id", "learner_id", "question_id"]].assign(
        correct=[v.correct for v in verdicts], grade_reason=[v.reason for v in verdicts])
    if not graded.empty:
        store.set_grades(graded)
    return graded.reset_index(drop=True)
