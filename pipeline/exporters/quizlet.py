"""Quizlet import text: one card per line, term TAB definition.

Quizlet cards have no types: every question becomes a prompt and its answer.
Multiple choice keeps only the correct option (Quizlet builds its own
distractors); a cloze with several groups becomes one card per group, as Anki
would show it. A prompt line that only says how to answer a blank ("Which
value fills the blank?") is left out, so the cloze, the multiple choice and
the numerical question about one fact become one card: identical cards are
merged and counted. Tabs and line breaks inside text become spaces.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..types import CLOZE_TYPES, Question
from .base import (
    BLANK, CONTEXT_SEPARATOR, Blank, Export, Unmappable, choices, cloze_groups, cloze_parts, map_questions,
    merge_duplicates, one_line, stem_parts, tf_answer,
)

__all__ = ["to_quizlet", "cards_for"]

GAP = "____"


def cards_for(q: Question) -> list[tuple[str, tuple[str, str]]]:
    """(kind, (term, definition)) for one question."""
    if q.type in CLOZE_TYPES:
        parts = cloze_parts(q)
        cards = []
        for g in cloze_groups(parts):
            term = "".join(GAP if isinstance(p, Blank) and p.group == g else p.answer if isinstance(p, Blank) else p
                           for p in parts)
            definition = " / ".join(p.answer for p in parts if isinstance(p, Blank) and p.group == g)
            cards.append(("cloze", _card(term, definition)))
        return cards
    if q.type == "multichoice":
        correct = [text for text, ok in choices(q) if ok] or [q.answer]
        return [("term", _card(_term(q), " / ".join(correct)))]
    if q.type == "truefalse":
        return [("term", _card(_term(q), "True" if tf_answer(q) else "False"))]
    return [("term", _card(_term(q), q.answer))]


def _term(q: Question) -> str:
    """The stem as a card's front; a prompt that only explains the blank is dropped."""
    parts = stem_parts(q)
    body = BLANK.sub(GAP, parts.body)
    front = CONTEXT_SEPARATOR.join(x for x in (parts.context, body) if x)
    if not parts.prompt or body != parts.body:   # the blank is the question
        return front
    return f"{parts.prompt} {front}" if q.type == "truefalse" else f"{front} {parts.prompt}"


def _card(term: str, definition: str) -> tuple[str, str]:
    t, d = one_line(term), one_line(definition)
    if not t or not d:
        raise Unmappable("empty prompt or answer")
    return t, d


def to_quizlet(questions: Sequence[Question], *, title: str = "qbank") -> Export:
    """Term TAB definition lines, LF line ends, no BOM; a card repeated word for word is written once."""
    cards, skipped, native = map_questions(questions, cards_for)
    cards, merged = merge_duplicates(cards, key=lambda card: card)

    def render(_timestamp: float) -> bytes:
        return "".join(f"{t}\t{d}\n" for t, d in cards).encode()

    return Export("quizlet", len(questions), len(cards), skipped, native, render,
                  changes=(("duplicate(s) merged", merged),))
