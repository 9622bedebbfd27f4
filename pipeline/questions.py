"""Questions from a deck's facts: every family of generator, deck-level and deterministic.

`generate` is deck-level because Q&A distractors come from other cards. The
same facts and seed give the same questions byte for byte; question IDs depend
on what is asked, not on card order or on the value, so a corrected fact
updates its questions in place. The quality gate (`pipeline.quality.gate`)
judges them afterwards.
"""
from __future__ import annotations

from collections.abc import Sequence

from .generators.calculated import calculated_questions
from .generators.numeric import numeric_questions
from .generators.qa import qa_questions
from .generators.records import GENERATOR_VERSION
from .generators.terms import term_questions
from .types import CardFacts, Question

__all__ = ["GENERATOR_VERSION", "generate"]


def generate(card_facts: Sequence[CardFacts], *, seed: int) -> list[Question]:
    """All questions the facts allow, in a stable order (card, line, type, id).

    Args:
        card_facts: what extraction found, one entry per card of the deck.
        seed: drives distractors and variants; the same seed gives the same bank.

    Returns one question per distinct ID (a generator that meets the same
    question twice keeps the first).
    """
    questions: list[Question] = []
    for cf in card_facts:
        questions.extend(numeric_questions(cf, seed=seed))
        questions.extend(term_questions(cf))
        questions.extend(calculated_questions(cf))
    questions.extend(qa_questions(card_facts, seed=seed))
    unique = {q.question_id: q for q in reversed(questions)}
    return sorted(unique.values(), key=lambda q: (q.card_index, q.line, q.type, q.question_id))
