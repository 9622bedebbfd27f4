"""Building `Question` records: stable IDs, provenance, and the stem's parts.

Every stem is `CONTEXT › BODY`, optionally followed by a line with a PROMPT
("Which value fills the blank?"). The parts are kept in `extra` (`context`,
`body`, `prompt`) so exporters can shorten the context for targets with tight
limits without re-parsing the stem.
"""
from __future__ import annotations

from typing import Any

from ..ids import stable_id
from ..types import Card, Fact, Option, Question, QuestionType

__all__ = ["GENERATOR_VERSION", "make", "question_id", "compose"]

GENERATOR_VERSION = "2"


def compose(context: str, body: str, prompt: str | None = None) -> str:
    """The stem a learner sees: context › body, then the prompt on its own line."""
    stem = f"{context} › {body}" if context else body
    return f"{stem}\n{prompt}" if prompt else stem


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
    line_index: int,
    line: int | None = None,
    body: str,
    context: str = "",
    prompt: str | None = None,
    answer: str,
    reason: str,
    fact: Fact | None = None,
    subject: str | None = None,
    options: tuple[Option, ...] = (),
    extra: dict[str, Any] | None = None,
    answer_value: float | None = None,
    answer_unit: str | None = None,
) -> Question:
    """A question whose ID depends on what it asks, not on card order or the answer's value.

    `line_index` is the line's position in the card; the source line number follows from it, unless
    `line` gives it (the file line of the answer in a sentence wrapped over several).
    """
    parts = {"context": context, "body": body, "prompt": prompt}
    return Question(
        question_id=question_id(card, generator, locator, qtype, variant),
        deck_id=card.deck_id,
        card_id=card.card_id,
        card_index=card.index,
        line=line if line is not None else card.lines[line_index].number,
        line_index=line_index,
        type=qtype,
        stem=compose(context, body, prompt),
        answer=answer,
        fact_id=fact.fact_id if fact else None,
        answer_value=answer_value if answer_value is not None else (fact.value if fact else None),
        answer_unit=answer_unit if answer_unit is not None else (fact.unit if fact else None),
        options=options,
        subject=subject,
        generator=generator,
        generator_version=GENERATOR_VERSION,
        reason=reason,
        extra=tuple(sorted({**parts, **(extra or {})}.items())),
    )
