"""The quality gate: every question is judged, and a failing one is kept as rejected with its reason.

Rules (reject codes):
- `no_source`     the answer (or what it rests on) is not in the source line, or the fact changed;
- `answer_leak`   the stem states the answer, or an equivalent quantity ("15 minutes" for 900 s);
- `option_leak`   a wrong option contains the right answer;
- `options`       not exactly one correct option, duplicate options, or a wrong option equal
                  or equivalent to the answer after unit conversion;
- `distractor`    a wrong option of another unit, another order of magnitude, or another shape;
- `unreadable`    bullets, `A:`/`Answer:` markers, unbalanced brackets, a wrong count of blanks;
- `duplicate`     the same stem (after normalisation) as an earlier accepted question of the deck,
                  or a near-duplicate of one (same type and answer, nearly the same words, and
                  not about two different facts).
Questions are never dropped: analysts see what was rejected and why.
"""
from __future__ import annotations

import difflib
import heapq
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from .generators.context import BLANK, gives_away, line_of
from .generators.distractors import plausible
from .generators.qa import shape
from .generators.quantities import NUMBER_WORD, same_quantity, scan_quantities
from .types import Card, CardFacts, Fact, Question

__all__ = ["gate", "check", "normalise", "NEAR_DUPLICATE"]

NEAR_DUPLICATE = 0.92     # difflib ratio of normalised stems, same type and answer
NUMERIC_TYPES = ("cloze", "multichoice", "numerical")
_MARKER = re.compile(r"(?:^|\n)\s*(?:A|Q|Answer|Note)\s*:", re.IGNORECASE)
_BULLET = re.compile(r"(?:^|\n)\s*[-*•]\s")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def normalise(text: str) -> str:
    """Lower case, words only: stems that differ in spacing or punctuation are the same stem."""
    return " ".join(re.findall(r"[a-z0-9_$%]+", text.lower()))


class _Deck:
    """Look-ups over the deck's cards and facts."""

    def __init__(self, card_facts: Sequence[CardFacts]) -> None:
        self.cards: dict[str, Card] = {cf.card.card_id: cf.card for cf in card_facts}
        self.facts: dict[str, Fact] = {f.fact_id: f for cf in card_facts for f in cf.facts}


Rule = Callable[[Question, _Deck], str | None]


def _evidence(q: Question) -> list[str]:
    raw = q.get("source_text")
    if isinstance(raw, str):
        return [raw]
    return [str(x) for x in raw] if isinstance(raw, (list, tuple)) else []


def _no_source(q: Question, deck: _Deck) -> str | None:
    card = deck.cards.get(q.card_id)
    if card is None:
        return f"card {q.card_id} is not in the deck"
    line = line_of(card, q.line)
    if line is None:
        return f"line {q.line} is not a line of card {card.index}"
    where = "\n".join(ln.text for ln in card.lines) if q.type == "calculated" else line.text
    evidence = _evidence(q) or ([q.answer] if q.answer not in ("true", "false") else [])
    missing = [e for e in evidence if " ".join(e.split()).lower() not in " ".join(where.split()).lower()]
    if missing:
        return f"{missing[0]!r} is not in line {q.line}"
    if q.fact_id and q.type in NUMERIC_TYPES:
        fact = deck.facts.get(q.fact_id)
        if fact is None:
            return f"fact {q.fact_id} is not among the card's facts"
        if q.answer_value is not None and not same_quantity(fact.value, q.answer_value):
            return f"answer {q.answer_value} differs from the fact's value {fact.value}"
    return None


def _number_leak(q: Question) -> str | None:
    """The stem states the answer: as written, or as the same quantity in another unit."""
    stem = q.stem
    answer = q.answer.strip()
    if q.answer_unit in (None, "count"):
        # a bare count leaks only with the same noun after it ("10 RCU" for "_____ RCU")
        after = re.match(r"\s*([A-Za-z]+)", stem[stem.find(BLANK) + len(BLANK):]) if BLANK in stem else None
        noun = re.escape(after.group(1)) if after else ""
        if re.search(rf"(?<![\w.,]){re.escape(answer)}(?![\d.,])\s*{noun}", stem.replace(BLANK, " ")):
            return f"the stem states {answer!r}"
        return None
    if re.search(rf"(?<![\w.,]){re.escape(answer)}(?![\d.,])", stem):
        return f"the stem states {answer!r}"
    if q.answer_value is not None:
        for value, unit in scan_quantities(stem):
            if unit == q.answer_unit and same_quantity(value, q.answer_value):
                return f"the stem states the answer in other words ({value:g} {unit})"
    return None


def _answer_leak(q: Question, deck: _Deck) -> str | None:
    if not q.answer.strip():
        return "no answer"
    if q.type == "truefalse":
        return None
    if q.type == "calculated":
        number = _NUMBER.search(q.answer)
        if number and re.search(rf"(?<![\d.,]){re.escape(number.group())}(?![\d.,])", q.stem):
            return f"the stem states the result {number.group()!r}"
        return None
    if q.type == "term_cloze":
        accepted = q.get("accepted")
        names = [q.answer, *(accepted if isinstance(accepted, list) else [])]
        hit = next((n for n in names if gives_away(n, q.stem.replace(BLANK, " "))), None)
        return f"the stem names {hit!r}" if hit else None
    if q.type == "multi_cloze":
        parts = q.get("answers")
        for part in parts if isinstance(parts, list) else []:
            if re.fullmatch(r"[\d.,]+", str(part)):
                continue    # a bare count: its noun stays in the stem, the number alone gives nothing away
            if re.search(rf"(?<![\w.,]){re.escape(str(part))}(?![\d.,])", q.stem):
                return f"the stem states {part!r}"
        return None
    if q.answer_value is not None and q.type in NUMERIC_TYPES:
        return _number_leak(q)
    if normalise(q.answer) and normalise(q.answer) in normalise(q.stem):
        return f"the stem contains the answer {q.answer!r}"
    return None


def _option_leak(q: Question, deck: _Deck) -> str | None:
    answer = normalise(q.answer)
    for o in q.options:
        if not o.is_correct and answer and re.search(rf"(?<![\w.]){re.escape(answer)}(?![\w.])", normalise(o.text)):
            return f"option {o.text!r} contains the answer"
    return None


def _options(q: Question, deck: _Deck) -> str | None:
    if q.type != "multichoice":
        return "options on a question that is not multiple choice" if q.options else None
    correct = [o for o in q.options if o.is_correct]
    if len(correct) != 1:
        return f"{len(correct)} correct options"
    if len(q.options) < 4:
        return f"only {len(q.options)} options"
    if correct[0].text != q.answer:
        return f"the correct option {correct[0].text!r} is not the answer {q.answer!r}"
    texts = [normalise(o.text) for o in q.options]
    if len(set(texts)) != len(texts):
        return "two options read the same"
    if q.answer_value is not None:
        for o in q.options:
            if o.value is None:
                return f"option {o.text!r} has no value"
            if not o.is_correct and same_quantity(o.value, q.answer_value):
                return f"option {o.text!r} equals the answer after unit conversion"
        values = [o.value for o in q.options]
        if any(same_quantity(a, b) for i, a in enumerate(values) for b in values[i + 1:]):  # type: ignore[arg-type]
            return "two options are the same quantity"
    return None


def _unit_words(text: str) -> str:
    return NUMBER_WORD.sub("#", _NUMBER.sub("#", text)).strip().lower()


def _distractor(q: Question, deck: _Deck) -> str | None:
    if q.type != "multichoice":
        return None
    wrong = [o for o in q.options if not o.is_correct]
    if q.answer_value is not None:
        for o in wrong:
            if _unit_words(o.text) != _unit_words(q.answer):
                return f"option {o.text!r} is not written like {q.answer!r}"
            if o.value is not None and q.answer_value and not plausible(q.answer_value, o.value, integer=False):
                return f"option {o.text!r} is another order of magnitude than {q.answer!r}"
        return None
    for o in wrong:
        if not o.text.strip():
            return "an empty option"
        if shape(o.text) != shape(q.answer):
            return f"option {o.text!r} is not a {shape(q.answer)} like the answer"
    return None


def _unreadable(q: Question, deck: _Deck) -> str | None:
    stem = q.stem
    if not stem.strip():
        return "empty stem"
    if _BULLET.search(stem):
        return "a dangling bullet"
    if _MARKER.search(stem):
        return "an A:/Answer:/Note: marker"
    if "{{" in stem or "}}" in stem:
        return "cloze markup in the stem"
    depth = 0
    for ch in stem:
        depth += ch in "([{"
        depth -= ch in ")]}"
        if depth < 0:
            break
    if depth:
        return "unbalanced brackets"
    blanks = stem.count(BLANK)
    want = {"cloze": 1, "numerical": 1, "term_cloze": None, "multi_cloze": None}.get(q.type, 0)
    if q.type == "multichoice" and q.answer_value is not None:
        want = 1
    if q.type == "multi_cloze" and blanks < 2:
        return f"{blanks} blank(s) in a multi-cloze"
    if q.type == "term_cloze" and blanks > 1:
        return f"{blanks} blanks"
    if want is not None and blanks != want and q.type != "multichoice" or (q.type == "multichoice" and blanks != want):
        return f"{blanks} blank(s) where {want} belong"
    return None


RULES: tuple[tuple[str, Rule], ...] = (
    ("no_source", _no_source),
    ("unreadable", _unreadable),
    ("answer_leak", _answer_leak),
    ("options", _options),
    ("option_leak", _option_leak),
    ("distractor", _distractor),
)


def check(q: Question, *, card_facts: Sequence[CardFacts]) -> str | None:
    """The first rule a single question breaks, as `code: detail`, or None (no deck-level rules)."""
    return _first_failure(q, _Deck(card_facts))


def _first_failure(q: Question, deck: _Deck) -> str | None:
    for code, rule in RULES:
        detail = rule(q, deck)
        if detail:
            return f"{code}: {detail}"
    return None


class _Kept:
    """The kept questions of one type and answer, in the order they were kept, indexed by fact.

    Two blanks over different facts ("10 RCU and 10 WCU") ask different things,
    so a question about a fact is compared only with kept questions about the
    same fact or about none.
    """

    def __init__(self) -> None:
        self.all: list[tuple[int, Question, str]] = []
        self.no_fact: list[tuple[int, Question, str]] = []
        self.by_fact: dict[str, list[tuple[int, Question, str]]] = {}

    def add(self, q: Question, key: str) -> None:
        entry = (len(self.all), q, key)
        self.all.append(entry)
        (self.no_fact if q.fact_id is None else self.by_fact.setdefault(q.fact_id, [])).append(entry)

    def rivals(self, q: Question) -> Iterable[tuple[int, Question, str]]:
        """The kept questions `q` may repeat, in kept order."""
        if q.fact_id is None:
            return self.all
        return heapq.merge(self.no_fact, self.by_fact.get(q.fact_id, ()))


def _near(a: str, b: str) -> bool:
    """difflib ratio ≥ NEAR_DUPLICATE; its cheap upper bounds rule most pairs out first.

    The first bound is difflib's `real_quick_ratio` (lengths only), worked out
    before a matcher is built.
    """
    total = len(a) + len(b)
    if total and 2.0 * min(len(a), len(b)) / total < NEAR_DUPLICATE:
        return False
    m = difflib.SequenceMatcher(None, a, b)
    return m.quick_ratio() >= NEAR_DUPLICATE and m.ratio() >= NEAR_DUPLICATE


def _duplicates(questions: Sequence[Question]) -> Iterator[tuple[int, str]]:
    """(index, reason) of accepted questions that repeat an earlier accepted one.

    Near-duplicates need the same type and answer, so only questions that share
    both are compared: a deck's questions are not compared all against all.
    """
    seen: dict[str, Question] = {}
    kept: dict[tuple[str, str], _Kept] = {}
    for i, q in enumerate(questions):
        if q.status != "accepted":
            continue
        key = normalise(q.stem)
        if key in seen:
            yield i, f"duplicate: same stem as {seen[key].question_id}"
            continue
        same_answer = kept.setdefault((q.type, normalise(q.answer)), _Kept())
        near = next((other for _, other, other_key in same_answer.rivals(q) if _near(key, other_key)), None)
        if near is not None:
            yield i, f"duplicate: nearly the same question as {near.question_id}"
            continue
        seen[key] = q
        same_answer.add(q, key)


def gate(questions: Sequence[Question], *, card_facts: Sequence[CardFacts]) -> list[Question]:
    """Every question back, in order, with `status` and `reject_reason` set.

    Args:
        questions: a deck's generated questions (their order decides which of two duplicates stays).
        card_facts: the deck's cards and facts, the source every answer must come from.
    """
    deck = _Deck(card_facts)
    judged = []
    for q in questions:
        failure = _first_failure(q, deck)
        judged.append(replace(q, status="rejected", reject_reason=failure) if failure
                      else replace(q, status="accepted", reject_reason=None))
    for i, reason in list(_duplicates(judged)):
        judged[i] = replace(judged[i], status="rejected", reject_reason=reason)
    return judged
