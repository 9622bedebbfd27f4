"""Exam sets: accepted questions picked by a blueprint, the same picks for the same seed.

The blueprint asks for `count` questions, optionally of some types, with a
difficulty mix over the bands easy/medium/hard and at most `per_subject`
questions per subject. Picks spread over subjects and cards (the least covered
subject, then the least covered card, goes first; among those, the question
with the higher quality score, `quality.quality_score`) and never take two
questions about one fact: an exam that asks the same fact twice gives its
answer away.
"""
from __future__ import annotations

import random
import warnings
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .difficulty import band
from .errors import ExamError, value_invalid_msg
from .ids import stable_id
from .types import Question

__all__ = ["BANDS", "ExamError", "ExamItem", "ExamSet", "band", "create_exam", "parse_mix", "fact_keys"]

BANDS = ("easy", "medium", "hard")


@dataclass(frozen=True)
class ExamItem:
    position: int
    question_id: str
    band: str
    subject: str


@dataclass(frozen=True)
class ExamSet:
    """A stored exam: its blueprint and its questions in order."""

    exam_id: str
    name: str
    seed: int
    count: int
    types: tuple[str, ...]
    difficulty_mix: tuple[tuple[str, float], ...]
    per_subject: int | None
    deck_ids: tuple[str, ...]
    items: tuple[ExamItem, ...]

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(i.question_id for i in self.items)


def parse_mix(text: str) -> dict[str, float]:
    """`easy:0.3,medium:0.5,hard:0.2` → shares (need not sum to 1; they are normalised).

    Raises:
        ExamError: an unknown band, a missing or negative share, or all shares zero.
    """
    mix: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, _, share = part.partition(":")
        name = name.strip().lower()
        if name not in BANDS:
            raise ExamError(value_invalid_msg("difficulty band", name, BANDS))
        try:
            mix[name] = float(share)
        except ValueError as e:
            raise ExamError(f"difficulty share {share!r} for {name} is not a number; write e.g. easy:0.3,medium:0.5,hard:0.2") from e
        if mix[name] < 0:
            raise ExamError(f"difficulty share for {name} is negative ({share})")
    if not mix or sum(mix.values()) <= 0:
        raise ExamError(f"difficulty mix {text!r} has no positive share; write e.g. easy:0.3,medium:0.5,hard:0.2")
    return mix


def fact_keys(q: Question) -> frozenset[str]:
    """What a question is about: its fact, the facts of a multi-fact question, else its card line.

    An exam takes no two questions that share one of these: a multi-cloze next
    to the cloze over one of its facts would give that answer away.
    """
    many = q.get("fact_ids")
    keys = {str(f) for f in many} if isinstance(many, list) else set()
    if q.fact_id:
        keys.add(q.fact_id)
    return frozenset(keys or {f"{q.card_id}:{q.line}"})


def _taken_keys(q: Question) -> frozenset[str]:
    """What a picked question rules out: its facts and its source line, whose other facts its stem shows
    ("3% surcharge … from $1000 a month": a question on each would give the other's answer away)."""
    return fact_keys(q) | {f"{q.card_id}:{q.line}"}


def _quotas(count: int, mix: Mapping[str, float]) -> dict[str, int]:
    """Questions per band: largest remainders, so the quotas add up to `count`."""
    total = sum(mix.values())
    exact = {b: count * mix.get(b, 0.0) / total for b in BANDS}
    quotas = {b: int(v) for b, v in exact.items()}
    for b in sorted(BANDS, key=lambda b: (-(exact[b] - quotas[b]), BANDS.index(b)))[: count - sum(quotas.values())]:
        quotas[b] += 1
    return quotas


def create_exam(
    questions: Sequence[Question],
    *,
    name: str,
    count: int,
    types: Sequence[str] | None = None,
    difficulty_mix: Mapping[str, float] | None = None,
    per_subject: int | None = None,
    seed: int = 0,
) -> ExamSet:
    """Pick an exam from `questions` (only accepted ones count) by the blueprint.

    When a band runs short its places go to the other bands, and when the
    pool runs short the exam is smaller: both with a warning that says why.

    Raises:
        ExamError: a bad count or per-subject cap, or no question fits the blueprint.
    """
    if count < 1:
        raise ExamError(f"exam count must be at least 1, got {count}")
    if per_subject is not None and per_subject < 1:
        raise ExamError(f"--per-subject must be at least 1, got {per_subject}")
    pool = [q for q in questions if q.status == "accepted" and (not types or q.type in types)]
    if not pool:
        wanted = f" of type {', '.join(types)}" if types else ""
        raise ExamError(f"no accepted question{wanted} to make exam {name!r} from; build a deck or widen --types")
    rng = random.Random(stable_id("exam", name, seed))
    pool.sort(key=lambda q: q.question_id)
    rng.shuffle(pool)   # the tie-break between equally good picks
    quotas = _quotas(count, difficulty_mix) if difficulty_mix else None
    by_subject: Counter[str] = Counter()
    by_card: Counter[str] = Counter()
    by_band: Counter[str] = Counter()
    used_facts: set[str] = set()
    picked: list[Question] = []

    def fits(q: Question, strict_band: bool) -> bool:
        if _taken_keys(q) & used_facts:
            return False
        if per_subject is not None and by_subject[_subject(q)] >= per_subject:
            return False
        return not (strict_band and quotas is not None and by_band[band(q.difficulty)] >= quotas[band(q.difficulty)])

    for strict_band in (True, False):
        while len(picked) < count:
            best = min((q for q in pool if fits(q, strict_band)), default=None,
                       key=lambda q: (by_subject[_subject(q)], by_card[q.card_id], -round(q.quality or 0.0, 2)))
            if best is None:
                break
            picked.append(best)
            pool.remove(best)
            used_facts.update(_taken_keys(best))
            by_subject[_subject(best)] += 1
            by_card[best.card_id] += 1
            by_band[band(best.difficulty)] += 1
        if quotas is None:
            break
        if len(picked) < count and strict_band:
            short = {b: quotas[b] - by_band[b] for b in BANDS if by_band[b] < quotas[b]}
            if short:
                missing = ", ".join(f"{n} {b}" for b, n in short.items())
                warnings.warn(f"exam {name!r}: the bank is short of {missing} question(s) for the difficulty mix; "
                              "filled from the other bands",
                              stacklevel=2)
    if len(picked) < count:
        warnings.warn(f"exam {name!r}: only {len(picked)} of {count} questions fit the blueprint "
                      "(one per fact and source line, --per-subject, --types, --target); lower --count or widen the blueprint", stacklevel=2)
    order = {q.question_id: i for i, q in enumerate(questions)}
    picked.sort(key=lambda q: order[q.question_id])   # the bank's order: by deck, card and line
    items = tuple(ExamItem(i, q.question_id, band(q.difficulty), _subject(q)) for i, q in enumerate(picked))
    return ExamSet(
        exam_id=stable_id("exam", name), name=name, seed=seed, count=count, types=tuple(types or ()),
        difficulty_mix=tuple(sorted((difficulty_mix or {}).items())), per_subject=per_subject,
        deck_ids=tuple(sorted({q.deck_id for q in picked})), items=items,
    )


def _subject(q: Question) -> str:
    return q.subject or f"{q.deck_id}:card {q.card_index}"
