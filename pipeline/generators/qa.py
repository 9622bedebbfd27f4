"""The deck's own question cards: short answer, multiple choice, true/false.

A card is a Q&A card when it has an `Answer:` part, or when its title asks
something and its answer is one short line. Multiple-choice distractors are
other cards' answers of the same shape (a name, a phrase, a sentence), as
Quizlet does; names fall back on the services the deck mentions.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..types import Card, CardFacts, Option, Question
from .context import clean, distinctive_words, plain_words, rng_for
from .records import make, question_id

__all__ = ["GENERATOR", "QACard", "qa_cards", "qa_questions", "shape"]

GENERATOR = "qa"
MAX_ANSWER_WORDS = 30
BOOLEAN = {"true", "false"}


@dataclass(frozen=True)
class QACard:
    card: Card
    question: str
    answer: str
    note: str | None
    line: int


def shape(answer: str) -> str:
    """boolean, name (≤ 4 words), phrase (≤ 12) or sentence: distractors keep the answer's shape."""
    words = answer.split()
    if answer.strip().lower().rstrip(".") in BOOLEAN:
        return "boolean"
    return "name" if len(words) <= 4 else "phrase" if len(words) <= 12 else "sentence"


def _asks(title: str) -> bool:
    return title.rstrip().endswith(("?", ":")) or len(title.split()) >= 6


def qa_cards(card_facts: Sequence[CardFacts]) -> list[QACard]:
    """The cards that are questions with one short answer."""
    found = []
    for cf in card_facts:
        card = cf.card
        if card.quiz_answer:
            line = next((ln.number for ln in card.answer_lines if card.quiz_answer.split()[0] in ln.text),
                        card.answer_lines[0].number)
            found.append(QACard(card, clean(card.title), clean(card.quiz_answer), card.quiz_note, line))
        elif len(card.answer_lines) == 1 and _asks(card.title) and not card.quiz_note:
            answer = clean(card.answer_lines[0].text)
            if 0 < len(answer.split()) <= MAX_ANSWER_WORDS and not re.match(r"^\s*[-*•]", card.answer_lines[0].text):
                found.append(QACard(card, clean(card.title), answer, None, card.answer_lines[0].number))
    return found


def _pool(qa: QACard, cards: Sequence[QACard], services: Sequence[str],
          memo: dict[str, tuple[str, set[str], str]]) -> list[str]:
    """Other answers of the same shape, never one that overlaps the right answer.

    `memo` keeps each answer's normal form, distinctive words and shape across
    the deck's cards, so a deck does not recompute them for every pair of cards.
    """
    def info(text: str) -> tuple[str, set[str], str]:
        if text not in memo:
            memo[text] = (plain_words(text), distinctive_words(text), shape(text))
        return memo[text]

    norm, own, want = info(qa.answer)
    asked = distinctive_words(qa.question)
    pool = [o.answer for o in cards if o.card.card_id != qa.card.card_id and info(o.answer)[2] == want]
    if want == "name" and all(w[:1].isupper() for w in qa.answer.split()):
        pool += list(services)      # a proper name ("Cognito User Pools"), not an action ("Create a DAX cluster")
    out: list[str] = []
    taken: set[str] = set()
    for text in pool:
        text_norm, words, _ = info(text)
        if text_norm == norm or (own and len(words & own) * 2 >= len(own)):
            continue
        if words & asked and want == "name":
            continue        # a name the question already mentions is no distractor
        if text_norm not in taken:
            taken.add(text_norm)
            out.append(text)
    return out


def qa_questions(card_facts: Sequence[CardFacts], *, seed: int) -> Iterator[Question]:
    cards = qa_cards(card_facts)
    services = sorted({m.service for cf in card_facts for m in cf.services})
    memo: dict[str, tuple[str, set[str], str]] = {}
    for qa in cards:
        base = dict(generator=GENERATOR, locator="qa", line=qa.line, reason="the deck's own question card",
                    subject=None)
        extra = {"note": qa.note, "source_text": qa.answer}
        if shape(qa.answer) == "boolean":
            truth = qa.answer.lower().rstrip(".")
            yield make(qa.card, qtype="truefalse", stem=f"True or false? {qa.question}", answer=truth,
                       extra=extra, **base)  # type: ignore[arg-type]
            continue
        yield make(qa.card, qtype="shortanswer", stem=qa.question, answer=qa.answer,
                   extra={**extra, "accepted": [qa.answer]}, **base)  # type: ignore[arg-type]
        rng = rng_for(seed, question_id(qa.card, GENERATOR, "qa", "multichoice"))
        pool = _pool(qa, cards, services, memo)
        if len(pool) < 3:
            continue
        choices = [(qa.answer, True)] + [(t, False) for t in rng.sample(pool, 3)]
        rng.shuffle(choices)
        options = tuple(Option(position=i, text=t, is_correct=ok) for i, (t, ok) in enumerate(choices))
        yield make(qa.card, qtype="multichoice", stem=f"{qa.question}\nChoose the best answer.", answer=qa.answer,
                   options=options, extra={**extra, "distractor_rule": f"other answers of shape {shape(qa.answer)}"},
                   **base)  # type: ignore[arg-type]
