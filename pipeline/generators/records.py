"""Building `Question` records: stable IDs, provenance, locators."""
from __future__ import annotations

import re
from typing import Any

from ..ids import stable_id
from ..types import Card, CardFacts, Fact, Option, Question, QuestionType

__all__ = ["GENERATOR_VERSION", "make", "question_id", "masked", "line_locator", "fact_locator", "card_subject"]

GENERATOR_VERSION = "1"


def masked(text: str) -> str:
    """Text with digits masked: a locator that survives a corrected value."""
    return re.sub(r"\d[\d,.]*", "#", " ".join(text.split()).lower())


def line_locator(card: Card, number: int) -> str:
    """A line by its masked text, numbered among the card's lines that mask the same way."""
    texts = [(line.number, masked(line.text)) for line in card.lines]
    own = next(text for n, text in texts if n == number)
    occurrence = sum(1 for n, text in texts if text == own and n < number)
    return f"{own}@{occurrence}"


def fact_locator(cf: CardFacts, fact: Fact) -> str:
    """Where a fact sits, independent of its value: its line + its position among the line's facts."""
    same_line = sorted((f for f in cf.facts if f.line == fact.line), key=lambda f: (f.start, f.end, f.role))
    position = next(i for i, f in enumerate(same_line) if f is fact)
    return f"{line_locator(cf.card, fact.line)}#{position}:{fact.role}"


def card_subject(cf: CardFacts) -> str | None:
    """The card's subject: the first service named in its title, else the first named anywhere."""
    title_numbers = {line.number for line in cf.card.title_lines}
    in_title = [m.service for m in cf.services if m.line in title_numbers]
    if in_title:
        return in_title[0]
    return cf.services[0].service if cf.services else None


def question_id(card: Card, generator: str, locator: str, qtype: QuestionType, variant: str = "") -> str:
    """What a question asks, hashed: card, generator, the fact's place, type and variant."""
    return stable_id(card.card_id, generator, locator, qtype, variant)


def make(
    card: Card,
    *,
    generator: str,
    locator: str,
    qtype: QuestionType,
    variant: str = "",
    line: int,
    stem: str,
    answer: str,
    reason: str,
    fact: Fact | None = None,
    subject: str | None = None,
    options: tuple[Option, ...] = (),
    extra: dict[str, Any] | None = None,
    answer_value: float | None = None,
    answer_unit: str | None = None,
) -> Question:
    """A question whose ID depends on what it asks, not on card order or the answer's value."""
    return Question(
        question_id=question_id(card, generator, locator, qtype, variant),
        deck_id=card.deck_id,
        card_id=card.card_id,
        card_index=card.index,
        line=line,
        type=qtype,
        stem=stem,
        answer=answer,
        fact_id=fact.fact_id if fact else None,
        answer_value=answer_value if answer_value is not None else (fact.value if fact else None),
        answer_unit=answer_unit if answer_unit is not None else (fact.unit if fact else None),
        options=options,
        subject=subject,
        generator=generator,
        generator_version=GENERATOR_VERSION,
        reason=reason,
        extra=tuple(sorted((extra or {}).items())),
    )
