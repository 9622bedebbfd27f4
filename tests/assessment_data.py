"""Hand-made cards, facts and questions for the assessment tests (features, difficulty, responses)."""
from __future__ import annotations

import numpy as np

from pipeline.ids import stable_id
from pipeline.types import Card, CardFacts, Deck, Fact, Line, Option, Question, ServiceMention

DECK_ID = "deck-assess"


def card(index: int, title: str, *answer: str) -> Card:
    first = 1 + index * 10
    return Card(
        card_id=stable_id(DECK_ID, index), deck_id=DECK_ID, index=index,
        title_lines=(Line(first, title),),
        answer_lines=tuple(Line(first + 2 + i, text) for i, text in enumerate(answer)),
    )


def fact(c: Card, text: str, value: float, unit: str | None, kind: str, *, source_value: float | None = None,
         source_unit: str | None = None) -> Fact:
    return Fact(fact_id=stable_id(c.card_id, text, value), card_id=c.card_id, card_index=c.index,
                line=c.answer_lines[0].number, text=text, value=value, unit=unit, kind=kind,  # type: ignore[arg-type]
                source_value=source_value, source_unit=source_unit)


def question(c: Card, qtype: str, stem: str, answer: str, *, f: Fact | None = None,
             options: tuple[Option, ...] = (), **extra: object) -> Question:
    return Question(
        question_id=stable_id(c.card_id, qtype, stem), deck_id=DECK_ID, card_id=c.card_id, card_index=c.index,
        line=c.answer_lines[0].number, type=qtype, stem=stem, answer=answer,  # type: ignore[arg-type]
        fact_id=f.fact_id if f else None, answer_value=f.value if f else None, answer_unit=f.unit if f else None,
        options=options, extra=tuple(sorted(extra.items())),
    )


def small_bank() -> tuple[list[CardFacts], list[Question]]:
    """Three cards: a timeout (900 s, as written in seconds), a memory range, and a service Q&A."""
    c0 = card(0, "Lambda timeout", "Max timeout is 900 seconds (15 minutes)", "Default timeout is 3 seconds")
    c1 = card(1, "Lambda memory", "Memory from 128 MB to 3008 MB", "Timeout up to 900 seconds")
    c2 = card(2, "Which service stores objects?", "Amazon S3 stores objects; Amazon EBS stores blocks")
    f_timeout = fact(c0, "900 seconds", 900.0, "s", "duration", source_value=900, source_unit="second")
    f_default = fact(c0, "3 seconds", 3.0, "s", "duration", source_value=3, source_unit="second")
    f_low = fact(c1, "128 MB", 128 * 1024**2, "B", "size", source_value=128, source_unit="MB")
    f_high = fact(c1, "3008 MB", 3008 * 1024**2, "B", "size", source_value=3008, source_unit="MB")
    f_again = fact(c1, "900 seconds", 900.0, "s", "duration", source_value=900, source_unit="second")
    cfs = [
        CardFacts(card=c0, facts=(f_timeout, f_default)),
        CardFacts(card=c1, facts=(f_low, f_high, f_again)),
        CardFacts(card=c2, services=(
            ServiceMention(c2.card_id, 2, c2.answer_lines[0].number, "Amazon S3", "Amazon S3"),
            ServiceMention(c2.card_id, 2, c2.answer_lines[0].number, "Amazon EBS", "Amazon EBS"),
        )),
    ]
    mb = 1024**2
    questions = [
        question(c0, "cloze", "Lambda timeout: Max timeout is _____ (15 minutes)", "900 seconds", f=f_timeout),
        question(c0, "numerical", "What is the maximum Lambda timeout?", "900 seconds", f=f_timeout,
                 tolerance=0.0),
        question(c1, "multichoice", "Lambda memory: the largest setting is?", "3008 MB", f=f_high, options=(
            Option(0, "3008 MB", True, 3008.0 * mb), Option(1, "3072 MB", False, 3072.0 * mb),
            Option(2, "1024 MB", False, 1024.0 * mb), Option(3, "10240 MB", False, 10240.0 * mb))),
        question(c1, "cloze", "Lambda memory: Memory from _____ to 3008 MB", "128 MB", f=f_low),
        question(c2, "shortanswer", "Which service stores objects?", "Amazon S3", aliases=["S3"]),
        question(c2, "truefalse", "True or false: Amazon EBS stores objects.", "False", options=(
            Option(0, "True", False), Option(1, "False", True))),
    ]
    return cfs, questions


def deck_of(cfs: list[CardFacts]) -> Deck:
    return Deck(deck_id=DECK_ID, name="assess", path="assess.txt", content_hash="h", cards=tuple(cf.card for cf in cfs))


def many_questions(n_cards: int = 30, per_card: int = 4) -> tuple[list[CardFacts], list[Question]]:
    """A bank of `n_cards × per_card` numeric cloze questions (for calibration runs)."""
    cfs, questions = [], []
    for i in range(n_cards):
        c = card(i, f"Limit {i}", *(f"Setting {j} is {10 * i + j + 1} seconds" for j in range(per_card)))
        facts = tuple(fact(c, f"{10 * i + j + 1} seconds", 10.0 * i + j + 1, "s", "duration") for j in range(per_card))
        cfs.append(CardFacts(card=c, facts=facts))
        questions += [question(c, "cloze", f"Limit {i}: Setting {j} is _____", f.text, f=f) for j, f in enumerate(facts)]
    return cfs, questions


def simulate(b: np.ndarray, *, per_item: int = 60, per_learner: int = 30, spread: float = 0.6,
             seed: int = 0) -> tuple[np.ndarray, list[tuple[int, int, bool]]]:
    """Rasch answers under adaptive exposure: a learner of ability θ mostly sees items with b near θ.

    Returns the true abilities and (learner, item, correct) triples.
    """
    rng = np.random.default_rng(seed)
    n_learners = len(b) * per_item // per_learner
    theta = rng.normal(0, 1.5, n_learners)
    answers = []
    for learner, t in enumerate(theta):
        w = np.exp(-((b - t) ** 2) / (2 * spread**2))
        items = rng.choice(len(b), per_learner, replace=False, p=w / w.sum())
        correct = rng.random(per_learner) < 1 / (1 + np.exp(-(t - b[items])))
        answers += [(learner, int(i), bool(c)) for i, c in zip(items, correct)]
    return theta, answers
