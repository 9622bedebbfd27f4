"""Item features that predict how hard a question is, before anyone answers it.

One flat dict per question (`question_id` + feature columns), stored in the
bank's `question_features` table and read by `difficulty.py`. Features are
properties of the item and its card, never of the learners: they give the
cold-start prior, and calibrated difficulties are later regressed on them.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from .types import CardFacts, Fact, Question

__all__ = ["NUMERIC_FEATURES", "CATEGORICAL_FEATURES", "FEATURES", "question_features", "significant_digits", "is_round"]

NUMERIC_FEATURES = (
    "answer_chars", "answer_words", "log_magnitude", "sig_digits", "is_round", "answer_zipf",
    "answer_card_mentions", "context_chars", "gap_position", "ambiguity", "distractor_closeness",
    "n_options", "guess_floor", "is_calculated",
)
CATEGORICAL_FEATURES = ("type", "answer_kind")
FEATURES = CATEGORICAL_FEATURES + NUMERIC_FEATURES

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_TOKEN = re.compile(r"\w+")
# How generators mark the gap: Anki cloze deletions, underscores, bracketed ellipses.
_GAP = re.compile(r"\{\{c\d+::|_{3,}|\[\s*(?:\.\.\.|…)\s*\]|\(\s*\?\s*\)")
_GUESS_FLOOR = {"truefalse": 0.5}


def question_features(questions: Sequence[Question], card_facts: Sequence[CardFacts]) -> list[dict[str, Any]]:
    """Feature rows for the questions, in the same order.

    Args:
        questions: generated questions (any status).
        card_facts: extraction results of the cards the questions came from;
            they give each answer's kind and the card's other candidates.

    Returns:
        One dict per question: `question_id` plus the columns in `FEATURES`.
        A feature that does not apply (gap position without a gap, distractor
        closeness without options) is None, so the scorer can impute it.
        `answer_card_mentions` (other cards of the deck stating the answer) is
        deck-level: None here, the bank fills it in when the deck commits, so a
        batch's rows do not depend on which cards share its batch.
    """
    facts_by_id = {f.fact_id: f for cf in card_facts for f in cf.facts}
    by_card = {cf.card.card_id: cf for cf in card_facts}
    return [_row(q, facts_by_id, by_card) for q in questions]


def _row(q: Question, facts_by_id: dict[str, Fact], by_card: dict[str, CardFacts]) -> dict[str, Any]:
    fact = facts_by_id.get(q.fact_id) if q.fact_id else None
    cf = by_card.get(q.card_id)
    answer = q.answer.strip()
    numeric = q.answer_value is not None or fact is not None
    written = _written_number(answer) if numeric else None  # digits in "S3" are not a quantity
    kind = fact.kind if fact is not None else ("number" if numeric else "text")
    n_options = len(q.options)
    return {
        "question_id": q.question_id,
        "type": q.type,
        "answer_kind": kind,
        "answer_chars": float(len(answer)),
        "answer_words": float(len(answer.split())),
        "log_magnitude": _log_magnitude(written, q.answer_value) if numeric else None,
        "sig_digits": float(significant_digits(written)) if written else None,
        "is_round": float(is_round(written)) if written else None,
        "answer_zipf": _answer_zipf(answer),
        "answer_card_mentions": None,
        "context_chars": float(len(q.stem)),
        "gap_position": _gap_position(q),
        "ambiguity": float(_ambiguity(q, fact, cf)),
        "distractor_closeness": _distractor_closeness(q),
        "n_options": float(n_options),
        "guess_floor": _GUESS_FLOOR.get(q.type, 1.0 / n_options if n_options else 0.0),
        "is_calculated": float(q.type == "calculated" or q.get("formula") is not None),
    }


def significant_digits(number: str) -> int:
    """Significant digits of a number as written: `128` → 3, `0.20` → 2, `1,000` → 1, `15` → 2.

    Trailing zeros of an integer are not significant (`3000` → 1): they are
    what makes a number easy to remember.
    """
    digits = number.replace(",", "")
    if "." in digits:
        whole, frac = digits.split(".", 1)
        return max(len((whole + frac).lstrip("0")), 1)
    return max(len(digits.lstrip("0").rstrip("0")), 1)


def is_round(number: str) -> bool:
    """Round numbers are easy to recall: 1, 2 or 5 times a power of ten, or a power of two ≥ 4."""
    try:
        value = float(number.replace(",", ""))
    except ValueError:
        return False
    if value <= 0 or value != int(value):
        return False
    n = int(value)
    mantissa = n
    while mantissa % 10 == 0:
        mantissa //= 10
    return mantissa in (1, 2, 5) or (n >= 4 and n & (n - 1) == 0)






def _written_number(answer: str) -> str | None:
    m = _NUMBER.search(answer)
    return m.group(0) if m else None


def _log_magnitude(written: str | None, value: float | None) -> float | None:
    """log10 of the number as the learner sees it (not the canonical bytes or seconds)."""
    raw = written.replace(",", "") if written else None
    x = float(raw) if raw else value
    if x is None:
        return None
    return math.log10(abs(x)) if x else 0.0


@lru_cache(maxsize=8192)
def _answer_zipf(answer: str) -> float:
    """Zipf frequency of the rarest word of the answer (wordfreq, English); numbers use their digit shape."""
    tokens = _WORD.findall(answer) or _NUMBER.findall(answer)
    if not tokens:
        return 0.0
    from wordfreq import zipf_frequency   # loads word lists: only build batches need it

    return min(zipf_frequency(t, "en") for t in tokens)






def _gap_position(q: Question) -> float | None:
    """Where the blank sits in the stem, 0 = start, 1 = end; None for questions without a gap."""
    text = str(q.get("cloze") or q.stem)
    m = _GAP.search(text)
    if not m or not text:
        return None
    return m.start() / max(len(text) - 1, 1)


def _ambiguity(q: Question, fact: Fact | None, cf: CardFacts | None) -> int:
    """Same-kind candidates the card offers besides the answer (other durations for a duration …)."""
    if cf is None:
        return 0
    if fact is not None:
        return sum(1 for f in cf.facts if f.kind == fact.kind and f.fact_id != fact.fact_id)
    answer = q.answer.strip().casefold()
    services = Counter(m.service.casefold() for m in cf.services)
    return sum(n for s, n in services.items() if s != answer) if services else 0


def _distractor_closeness(q: Question) -> float | None:
    """How close the nearest wrong option is to the key, in (0, 1]; 1 = indistinguishable.

    Numbers compare by ratio (`exp(-|ln(d/a)|)`, so 256 vs 128 → 0.5), text by
    character similarity.
    """
    right = [o for o in q.options if o.is_correct]
    wrong = [o for o in q.options if not o.is_correct]
    if not right or not wrong:
        return None
    key = right[0].value
    values = [o.value for o in wrong]
    if key and all(values):
        return max(math.exp(-abs(math.log(v / key))) if v * key > 0 else 0.0 for v in values if v)
    return max(SequenceMatcher(None, right[0].text.casefold(), o.text.casefold()).ratio() for o in wrong)
