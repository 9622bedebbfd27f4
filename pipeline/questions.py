"""Questions from located facts: every family of generator, per card and deterministic.

Generation works card by card (so a deck can be processed in batches); the
one deck-level input is each Q&A card's wrong options, picked beforehand
from the whole deck (`generators.qa.QAIndex`). The same facts, picks and seed
give the same questions byte for byte; question IDs depend on what is asked,
not on card order or on the value, so a corrected fact updates its questions
in place. The quality gate (`pipeline.quality.gate`) judges them afterwards.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from .generators.calculated import calculated_questions
from .generators.numeric import numeric_questions
from .generators.qa import numeric_answer, qa_card, qa_questions
from .generators.records import GENERATOR_VERSION
from .generators.terms import term_questions
from .types import CardFacts, Question

__all__ = ["GENERATOR_VERSION", "generate"]


def generate(card_facts: Sequence[CardFacts], *, seed: int,
             picks: Mapping[str, tuple[str, ...]] | None = None) -> list[Question]:
    """All questions the facts allow, in a stable order (card, line in the card, type, id).

    Args:
        card_facts: what extraction found, one entry per card.
        seed: drives distractors and variants; the same seed gives the same bank.
        picks: wrong options of Q&A cards by card ID (`QAIndex.pick`); without them
            Q&A cards get no text multiple choice.

    Returns one question per distinct ID (a generator that meets the same
    question twice keeps the first).
    """
    questions: list[Question] = []
    for cf in card_facts:
        is_question = qa_card(cf.card) is not None
        questions.extend(numeric_questions(cf, seed=seed, claimed=numeric_answer(cf) if is_question else None,
                                           is_question=is_question))
        questions.extend(term_questions(cf))
        questions.extend(calculated_questions(cf))
    questions.extend(qa_questions(card_facts, seed=seed, picks=picks or {}))
    unique = {q.question_id: q for q in reversed(questions)}
    return sorted(unique.values(), key=lambda q: (q.card_index, q.line_index, q.type, q.question_id))
