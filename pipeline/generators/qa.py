"""The deck's own question cards: short answer, multiple choice, true/false.

A card is a Q&A card when it has an `Answer:` part, or when its title asks
something and its answer is one short line. Its questions are built on the
card's own question:
- an answer that is a quantity ("900 seconds") gives a numerical question
  with units and tolerance, a multiple choice with numeric variants and a
  true/false pair;
- any other answer gives a short answer and a multiple choice whose wrong
  options are other answers of the same shape (a name, a phrase, a sentence),
  as Quizlet does; a service's name gets other services of its provider.

Wrong options of a text answer come from the whole deck. `QAIndex` holds the
deck's answers compactly and picks them by consistent hashing: each question
starts at its own place on a ring of answers and takes the next fitting ones,
so adding or editing one card changes the options of only the few questions
whose picks it touches.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from ..ids import stable_id
from ..sites import clean, distinctive_words, plain_words
from ..types import Card, CardFacts, Fact, Option, Question, QuestionType
from .context import rng_for
from .numeric import Asked, asked, fact_distractors, writable
from .quantities import accepted_forms, display, factor, scan_quantities
from .records import make, question_id

__all__ = ["GENERATOR", "QACard", "QAIndex", "pick_all", "qa_card", "qa_cards", "qa_questions", "numeric_answer",
           "shape"]

GENERATOR = "qa"
MAX_ANSWER_WORDS = 30
MAX_WALK = 400            # ring steps tried for one question's options
BOOLEAN = {"true", "false"}


@dataclass(frozen=True)
class QACard:
    card: Card
    question: str
    answer: str
    note: str | None
    line_index: int       # the answer's line in `card.lines`

    @property
    def line(self) -> int:
        return self.card.lines[self.line_index].number


_LEADING_NUMBER = re.compile(r"^[$€£]?\d")


def shape(answer: str) -> str:
    """boolean, quantity, name (≤ 4 words), phrase (≤ 12) or sentence: distractors keep the answer's shape."""
    words = answer.split()
    if answer.strip().lower().rstrip(".") in BOOLEAN:
        return "boolean"
    if len(words) <= 4 and _LEADING_NUMBER.match(answer) and scan_quantities(answer):
        return "quantity"
    return "name" if len(words) <= 4 else "phrase" if len(words) <= 12 else "sentence"


_CONNECTORS = frozenset({"of", "for", "and", "the", "on", "in", "to", "with", "a", "an"})


def _is_name(answer: str) -> bool:
    """A name a learner can type back: short, every word but a connector capitalised, an acronym or a number
    ("Cognito User Pools", "Amazon S3"), not an instruction ("Create a DAX cluster")."""
    words = answer.rstrip(".").split()
    significant = [w for w in words if w.lower() not in _CONNECTORS]
    return (shape(answer) in ("name", "quantity") and bool(significant) and words[0] == significant[0]
            and all(w[0].isupper() or w[0].isdigit() for w in significant))


_VENDOR = re.compile(r"^(?:Amazon|AWS|Azure|Microsoft|Google(?:\s+Cloud)?|GCP)\s+(?=\S+$)")


def _typed_forms(answer: str) -> list[str]:
    """The forms a typed answer is accepted in, or none when it cannot be typed back: a phrase, sentence or
    instruction, or a name of several words ("Cognito User Pools" is also "Cognito User Pool", "Amazon
    Cognito"). A one-word name may carry its vendor ("Amazon SQS" or "SQS")."""
    if not _is_name(answer):
        return []
    bare = _VENDOR.sub("", answer.rstrip("."))
    if len(bare.split()) != 1:
        return []
    return [answer] + ([bare] if bare != answer else [])


def _asks(title: str) -> bool:
    return title.rstrip().endswith(("?", ":")) or len(title.split()) >= 6


def qa_card(card: Card) -> QACard | None:
    """The card as a question with one short answer, or None."""
    n_titles = len(card.title_lines)
    if card.quiz_answer:
        first = card.quiz_answer.split()[0]
        index = next((n_titles + i for i, ln in enumerate(card.answer_lines) if first in ln.text), n_titles)
        return QACard(card, clean(card.title), clean(card.quiz_answer), card.quiz_note, index)
    if len(card.answer_lines) == 1 and _asks(card.title) and not card.quiz_note:
        answer = clean(card.answer_lines[0].text)
        if 0 < len(answer.split()) <= MAX_ANSWER_WORDS and not re.match(r"^\s*[-*•]", card.answer_lines[0].text):
            return QACard(card, clean(card.title), answer, None, n_titles)
    return None


def qa_cards(cards: Iterable[Card]) -> list[QACard]:
    """The cards that are questions with one short answer."""
    return [qa for qa in map(qa_card, cards) if qa is not None]


def numeric_answer(cf: CardFacts, qa: QACard | None = None) -> Fact | None:
    """The one quantity a Q&A card's answer consists of ("900 seconds", "About 15 minutes"), else None."""
    qa = qa if qa is not None else qa_card(cf.card)
    if qa is None:
        return None
    facts = [f for f in cf.facts if f.site is not None and f.site.line_index == qa.line_index and f.role == "value"]
    if len(facts) != 1 or facts[0].site is None:
        return None
    rest = plain_words(facts[0].site.before + " " + facts[0].site.after)
    return facts[0] if len(rest.split()) <= 2 else None


class QAIndex:
    """The deck's Q&A answers on a ring, by shape, for picking wrong options.

    Built once per deck from the cards alone (no extraction needed), so a
    build can pick every card's options before it processes any batch.
    """

    def __init__(self, answers: Iterable[tuple[str, str]], services: Sequence[tuple[str, str]] = ()) -> None:
        """`answers`: (question, answer) of every Q&A card; `services`: (canonical name, provider) pairs
        a name answer may draw from."""
        rings: dict[str, list[tuple[str, str]]] = {}
        for _, answer in answers:
            if shape(answer) != "quantity":     # a quantity's wrong options are numeric variants of it
                rings.setdefault(shape(answer), []).append((stable_id(plain_words(answer)), answer))
        for name, provider in services:
            rings.setdefault(f"service:{provider}", []).append((stable_id(plain_words(name)), name))
        self._rings = {k: sorted(set(v)) for k, v in rings.items()}
        self._provider = {plain_words(name): provider for name, provider in services}

    def pick(self, card_id: str, question: str, answer: str, seed: int, k: int = 3) -> tuple[str, ...]:
        """`k` wrong options for a card's answer: the next fitting answers on its ring, or fewer."""
        norm = plain_words(answer)
        own = distinctive_words(answer)
        asked_words = distinctive_words(question)
        want = shape(answer)
        provider = self._provider.get(norm)
        ring = self._rings.get(f"service:{provider}" if provider else want, [])
        if not ring:
            return ()
        start = bisect_left(ring, (stable_id(seed, card_id), ""))
        picked: list[str] = []
        taken = {norm}
        for step in range(min(len(ring), MAX_WALK)):
            text = ring[(start + step) % len(ring)][1]
            text_norm = plain_words(text)
            words = distinctive_words(text)
            if text_norm in taken or (own and len(words & own) * 2 >= len(own)):
                continue
            if want == "name" and words & asked_words:
                continue        # a name the question already mentions is no distractor
            if shape(text) != want:
                continue
            taken.add(text_norm)
            picked.append(text)
            if len(picked) == k:
                break
        return tuple(sorted(picked))


def pick_all(cards: Sequence[tuple[str, str, str]], seed: int,
             services: Sequence[tuple[str, str]] = ()) -> dict[str, tuple[str, ...]]:
    """Wrong options for every Q&A card of a deck: (card ID, question, answer) → picks by card ID."""
    index = QAIndex([(question, answer) for _, question, answer in cards], services)
    return {card_id: index.pick(card_id, question, answer, seed) for card_id, question, answer in cards}


def _numeric(qa: QACard, a: Asked, *, seed: int) -> Iterator[Question]:
    """Numerical, numeric multiple choice and true/false over a card whose answer is a quantity."""
    f = a.fact
    extra: dict[str, object] = {"note": qa.note, "source_text": a.answer, "sentence": a.site.sentence}

    def ask(qtype: QuestionType, prompt: str, answer: str, reason: str, more: dict[str, object], *,
            body: str = qa.question, variant: str = "", options: tuple[Option, ...] = ()) -> Question:
        return make(qa.card, generator=GENERATOR, locator="qa:numeric", qtype=qtype, variant=variant, line_index=qa.line_index,
                    body=body, prompt=prompt, answer=answer, reason=reason, fact=f, subject=f.subject,
                    options=options, extra={**extra, **more})

    forms = accepted_forms(f)
    hint = "the number" if f.unit in (None, "count") else "the value with its unit"
    yield ask("numerical", f"Type {hint}.", a.answer, "the deck's own question, answered with a quantity",
              {"tolerance": 0.1 if f.bound == "approx" else 0, "tolerance_type": "relative",
               "accepted": [a.answer] + [x for x in forms if x != a.answer]})
    if not writable(a):
        return
    qid = question_id(qa.card, GENERATOR, "qa:numeric", "multichoice")
    scale = factor(f)
    # a number of the question's own scenario ("runs for 25 minutes") is ruled out by the question: no distractor
    stated = [value / scale for value, unit in scan_quantities(qa.question) if unit == f.unit]
    wrong = fact_distractors(a, seed, qid, avoid=stated)
    choices = [(a.answer, True, f.value)] + [(display(f, v), False, v * scale) for v in wrong]
    rng_for(seed + 1, qid).shuffle(choices)
    options = tuple(Option(position=i, text=t, is_correct=ok, value=v) for i, (t, ok, v) in enumerate(choices))
    yield ask("multichoice", "Choose the right value.", a.answer, "the deck's own question, with numeric variants",
              {"distractor_rule": "numeric variants"}, options=options)
    statements = {"true": (a.answer, f.value)}
    if wrong:
        false_value = rng_for(seed, question_id(qa.card, GENERATOR, "qa:numeric", "truefalse", "false")).choice(wrong)
        statements["false"] = (display(f, false_value), false_value * scale)
    joiner = " " if qa.question.endswith(":") else " — "
    for variant, (shown, value) in statements.items():
        yield ask("truefalse", "True or false?", variant, f"the deck's own question, {variant} answer",
                  {"statement_value": value, "shown": shown}, body=f"{qa.question}{joiner}{shown}", variant=variant)


def qa_questions(card_facts: Sequence[CardFacts], *, seed: int, picks: Mapping[str, tuple[str, ...]]) -> Iterator[Question]:
    """Questions over the batch's Q&A cards; `picks` holds each card's wrong options (`QAIndex.pick`)."""
    for cf in card_facts:
        qa = qa_card(cf.card)
        if qa is None:
            continue
        fact = numeric_answer(cf, qa)
        a = asked(cf, fact) if fact is not None else None
        if a is not None:
            yield from _numeric(qa, a, seed=seed)
            continue
        extra: dict[str, object] = {"note": qa.note, "source_text": qa.answer}

        def ask(qtype: QuestionType, prompt: str | None, answer: str, more: dict[str, object], *,
                options: tuple[Option, ...] = (), card: Card = qa.card, line_index: int = qa.line_index,
                body: str = qa.question) -> Question:
            return make(card, generator=GENERATOR, locator="qa", qtype=qtype, line_index=line_index, body=body,
                        prompt=prompt,
                        answer=answer, reason="the deck's own question card", options=options,
                        extra={**extra, **more})

        if shape(qa.answer) == "boolean":
            yield ask("truefalse", "True or false?", qa.answer.lower().rstrip("."), {})
            continue
        typed = _typed_forms(qa.answer)
        if typed:
            yield ask("shortanswer", None, qa.answer, {"accepted": typed})
        wrong = picks.get(qa.card.card_id, ())
        if len(wrong) < 3:
            continue
        rng = rng_for(seed, question_id(qa.card, GENERATOR, "qa", "multichoice"))
        choices = [(qa.answer, True)] + [(t, False) for t in wrong]
        rng.shuffle(choices)
        options = tuple(Option(position=i, text=t, is_correct=ok) for i, (t, ok) in enumerate(choices))
        yield ask("multichoice", "Choose the best answer.", qa.answer,
                  {"distractor_rule": f"other answers of shape {shape(qa.answer)}"}, options=options)
