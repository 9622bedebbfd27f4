"""The quality gate: every question is judged, a failing one is kept as rejected with its reason, and
every question gets a quality score that ranks the accepted ones.

Rules (reject codes), each pinned by tests to a defect class of the review rubric:
- `no_source`     the answer (or what it rests on) is not in the card, or the fact changed;
- `rewritten`     the stem does not quote its sentence (only the blank may differ);
- `unreadable`    bullets, `A:`/`Answer:` markers, table pipes, unbalanced brackets, a wrong count of blanks;
- `answer_leak`   the stem states the answer, or an equivalent quantity ("15 minutes" for 900 s);
- `giveaway`      the stem's grammar gives the key ("1 RCU = _____ strongly consistent read" → 1);
- `trivia`        it tests the notes, not the subject: counts of the notes' own list items, "one or more"
                  lower bounds, operands or results of worked arithmetic;
- `side_remark`   a false statement falsified in a bracketed side remark;
- `unanswerable`  the stem names neither whose nor what (too few words around the blank);
- `options`       not exactly one correct option, duplicate options, or a wrong option equal
                  or equivalent to the answer after unit conversion;
- `option_leak`   a wrong option contains the right answer;
- `distractor`    a wrong option of another unit, order of magnitude, shape or grammatical number.
Duplicates across a deck (`duplicate`) are judged in the bank, over the whole deck, when the
deck commits (`store.Store.replace_deck`), from the keys `rows.duplicate_keys` gives.
Questions are never dropped: analysts see what was rejected and why.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from http import HTTPStatus
from typing import Final

from wordfreq import zipf_frequency

from .generators.context import gives_away
from .generators.distractors import plausible
from .generators.grammar import agree, counted_noun, number_of
from .generators.qa import QACard, qa_card, shape
from .generators.quantities import NUMBER_WORD, number_word, same_quantity, scan_quantities
from .notations import FOOTNOTE, QUOTED
from .quantities import spoken_number
from .rows import normalise
from .services import abbreviates
from .sites import BLANK, CardLayout, clean, distinctive_words, plain_words, strip_marks
from .tables import cell_at, derived_columns, headerless_row
from .units import TIME_WORDS, canonical, kind_of, names_a_unit, unit_expr
from .types import Card, CardFacts, Fact, Question

__all__ = ["gate", "check", "quality_score", "RULES"]

NUMERIC_TYPES = ("cloze", "multichoice", "numerical")
_MARKER = re.compile(r"(?:^|\n)\s*(?:A|Q|Answer|Note)\s*:", re.IGNORECASE)
_BULLET = re.compile(r"(?:^|\n)\s*[-*•]\s")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_ONE = re.compile(r"^(?:1|one|a single|single|an?)$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s*([A-Za-z][\w-]*)")
_NOUN_AFTER = re.compile(r"\s*([A-Za-z]+)")
# The notes' own structure: "There are three types of …", "the following 4 options", "5 ways to …".
_LIST_COUNT = re.compile(
    r"(?:\bthere\s+(?:are|were)\s+|\bthe\s+following\s+|\bthese\s+)" + BLANK
    + r"|" + BLANK + r"\s+(?:[a-z][\w-]*\s+)?(?:types?|kinds?|categories|ways|"   # "_____ receive modes"
    r"options|steps|flavou?rs|varieties|classes|sorts|methods|approaches|reasons|things|tips|parts|aspects|"
    r"(?:feature\s+)?tiers|levels|modes|editions|variants)\b(?!\s+(?:per|of\s+(?:storage|data|memory|capacity)))"
    # "appendfsync has _____ settings:": the count of the list the line introduces
    r"|" + BLANK + r"\s+(?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*\s*:\s*$",
    re.IGNORECASE)
# "Max depth of nested maps: _____ levels": a limit, not a count of the notes' list
_LIMIT_BEFORE = re.compile(r"\b(?:max(?:imum)?|min(?:imum)?|up\s+to|at\s+most|limit(?:ed)?|depth)\b[^.;]{0,40}$",
                           re.IGNORECASE)
_OR_MORE = re.compile(BLANK + r"\s+or\s+more\b|\bat\s+least\s+" + BLANK + r"(?=\s+(?:\w+\s+)?(?:or|and)\b)", re.IGNORECASE)
_OPERATOR = re.compile(r"(?:[*/×+÷]|\bminus\b|\bplus\b|\btimes\b|\bdivided\s+by\b|\bmultiplied\s+by\b)", re.IGNORECASE)
# An operation between two numbers: the sentence works something out ("0.5GB * 3s", "30 minus 21").
_ARITHMETIC = re.compile(r"\d[\w.,]*(?:\s?[A-Za-z]{1,5}\.?)?\s*(?:[*/×+÷]|\bminus\b|\bplus\b|\btimes\b)\s*[\d(]",
                         re.IGNORECASE)
# the result of a sum the stem shows: "10.000 Std. / 24 = ca. _____", "… ≈ about _____"
_RESULT_BEFORE = re.compile(r"[=≈]\s*(?:~|ca\.?|approx\.?|about|around|roughly|rund|etwa|circa)?\s*$", re.IGNORECASE)


class Lookups:
    """The cards, facts and mentions a batch of questions came from."""

    def __init__(self, card_facts: Sequence[CardFacts]) -> None:
        self.cards: dict[str, Card] = {}
        self.facts: dict[str, Fact] = {}
        for cf in card_facts:
            self.cards[cf.card.card_id] = cf.card
            for f in cf.facts:
                self.facts[f.fact_id] = f
        self._qa: dict[str, QACard | None] = {}
        self._card_trivia: dict[str, str | None] = {}
        self._layouts: dict[str, CardLayout] = {}
        self._derived: dict[str, frozenset[tuple[int, int]]] = {}
        self.by_card: dict[str, list[Fact]] = {cf.card.card_id: list(cf.facts) for cf in card_facts}

    def card_trivia(self, card: Card) -> str | None:
        """Why none of the card's values is a fact (`_card_trivia`), read once per card."""
        if card.card_id not in self._card_trivia:
            self._card_trivia[card.card_id] = _card_trivia(card)
        return self._card_trivia[card.card_id]

    def derived(self, card: Card, fact: Fact) -> bool:
        """Whether the fact is a cell of a table column worked out from another (`tables.derived_columns`)."""
        texts = [line.text for line in card.lines]
        if card.card_id not in self._derived:
            self._derived[card.card_id] = derived_columns(texts)
        site = fact.site
        if not self._derived[card.card_id] or site is None:
            return False
        cell = cell_at(texts, site.line_index, site.offset + site.start)
        return cell is not None and (cell.header_line, cell.column) in self._derived[card.card_id]

    def layout(self, card: Card) -> CardLayout:
        """The card's lines read once (`sites.CardLayout`): their parents."""
        if card.card_id not in self._layouts:
            self._layouts[card.card_id] = CardLayout(card)
        return self._layouts[card.card_id]

    def qa(self, card_id: str) -> QACard | None:
        """The card as the deck's own question and answer, if it is one (read once per card)."""
        if card_id not in self._qa:
            card = self.cards.get(card_id)
            self._qa[card_id] = qa_card(card) if card is not None else None
        return self._qa[card_id]


Rule = Callable[[Question, Lookups], str | None]


def _evidence(q: Question) -> list[str]:
    raw = q.get("source_text")
    if isinstance(raw, str):
        return [raw]
    return [str(x) for x in raw] if isinstance(raw, (list, tuple)) else []


def _squash(text: str) -> str:
    return " ".join(text.split()).lower()


def _no_source(q: Question, lk: Lookups) -> str | None:
    card = lk.cards.get(q.card_id)
    if card is None:
        return f"card {q.card_id} is not in the deck"
    lines = [line.text for line in card.lines if line.holds(q.line)]
    if not lines:
        return f"line {q.line} is not a line of card {card.index}"
    sentence = q.get("sentence")
    if isinstance(sentence, str) and not any(sentence in line for line in lines):
        return f"the sentence {sentence[:40]!r}… is not in line {q.line}"
    where = _squash("\n".join(ln.text for ln in card.lines) if q.type == "calculated" else "\n".join(lines))
    evidence = _evidence(q) or ([q.answer] if q.answer not in ("true", "false") else [])
    missing = [e for e in evidence if _squash(e) not in where]
    if missing:
        return f"{missing[0]!r} is not in line {q.line}"
    if q.fact_id and q.type in NUMERIC_TYPES:
        fact = lk.facts.get(q.fact_id)
        if fact is None:
            return f"fact {q.fact_id} is not among the card's facts"
        if q.answer_value is not None and not same_quantity(fact.value, q.answer_value):
            return f"answer {q.answer_value} differs from the fact's value {fact.value}"
    return None


def _rewritten(q: Question, lk: Lookups) -> str | None:
    """A stem over a sentence shows that sentence's words; only the blank (or a true/false value) differs."""
    sentence, blank, body = q.get("sentence"), q.get("blank"), q.get("body")
    if not (isinstance(sentence, str) and isinstance(blank, list) and isinstance(body, str)):
        return None
    shown = q.get("shown") if q.type == "truefalse" else BLANK
    if not isinstance(shown, str) or shown not in body:
        return "the blank is not in the stem"
    lead = q.get("lead")
    return _rewritten_of(f"{lead} " if isinstance(lead, str) else "", sentence, blank[0], blank[1], shown, body)


@lru_cache(maxsize=4096)
def _rewritten_of(lead: str, sentence: str, start: int, end: int, shown: str, body: str) -> str | None:
    if plain_words(body) != plain_words(lead + strip_marks(f"{sentence[:start]} {shown} {sentence[end:]}")):
        return "the stem does not quote its sentence"
    return None


def _occurs(text: str, needle: str, *, before: str, after: str) -> int:
    """Where `needle` first occurs in `text` not glued on its left to a character of class `before` nor on its
    right to one of class `after`, else -1. Classes: `word` (letters, digits, _), `number` (digits),
    each with "." and ","; a string search, where a regex per answer would be compiled per answer."""
    at = text.find(needle)
    while at >= 0:
        end = at + len(needle)
        # a full stop or comma glues only when a digit follows it: "<29 s." states 29 s, "29 s.5" does not
        right = end < len(text) and _glued(text[end], after) and not (
            text[end] in ".," and not (end + 1 < len(text) and text[end + 1].isdigit()))
        if not (at and _glued(text[at - 1], before)) and not right:
            return at
        at = text.find(needle, at + 1)
    return -1


def _glued(ch: str, cls: str) -> bool:
    return ch in ".," or ch.isdigit() or (cls == "word" and (ch.isalnum() or ch == "_"))


_NINES = re.compile(r"\b(\d{1,2}|two|three|four|five|six|seven)\s+(?:nines|9'?s|девят(?:ок|ки|ь)|Neun(?:en|er)|negens|neufs|nueves)(?!\w)", re.IGNORECASE)
_WORD_VALUES: Final = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _number_value(word: str) -> int:
    return int(word) if word.isdigit() else _WORD_VALUES[word.lower()]


def _nines(percent: float) -> int:
    """How many nines an availability has: 99.99% has four."""
    digits = repr(percent).rstrip("0").replace(".", "")
    return len(digits) - len(digits.lstrip("9"))


def _times_leak(written: str, sentence: object, blank: object) -> str | None:
    """A multiple ("3x") whose sentence states its number elsewhere: "not paying 3x … their EBS volumes hold 3 copies"."""
    times = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*[x×]\s*", written)
    if not times or not isinstance(sentence, str) or not isinstance(blank, list) or len(blank) != 2:
        return None
    rest = sentence[:blank[0]] + " " + sentence[blank[1]:]
    return f"its sentence states {times.group(1)!r} elsewhere" if _occurs(rest, times.group(1), before="word",
                                                                          after="number") >= 0 else None


_SHARE = re.compile(r"\(\s*~?\s*(\d[\d,]*(?:\.\d+)?)\s+(?:per|por|pro|je|par|each|cada)\b")   # "(2 per AZ)"


def _worked_by_neighbours(q: Question) -> str | None:
    """A bound the next range gives away ("(0–_____), (32,001–64,000)"), a CIDR block's size ("/26 (_____
    addresses)"), a share "(_____ per AZ)" and its operands, or a ratio "1 : _____" its stem's two numbers work out ("1 : _____ (128
    vCPU, 3,904 GiB)")."""
    number = re.match(r"[$€£]?\s?(\d[\d,]*)(?![\d.])", q.answer.strip())
    if number is None or BLANK not in q.stem:
        return None
    n = int(number.group(1).replace(",", ""))
    before, after = q.stem.split(BLANK, 1)
    in_range = re.search(r"\d\s*[–-]\s*$", before) or re.match(r"\s*[–-]\s*\d", after)
    for m in (n + 1, n - 1) if in_range else ():
        forms = "|".join(re.escape(f) for f in {f"{m:,}", str(m)})
        if re.search(rf"(?<![\d,.])(?:{forms})\s*[–-]\s*\d" if m > n else rf"\d\s*[–-]\s*(?:{forms})(?![\d,.])", q.stem):
            return f"the next range starts or ends right by it ({m:,}): the stem gives the bound"
    if any(2 ** (32 - int(p)) in (n, n + 2, n + 4, n + 5) for p in re.findall(r"(?<![\d.])/(\d{1,2})\b", q.stem)
           if 8 <= int(p) <= 30):
        return "the size of a CIDR block the stem names ('/26 (_____ addresses)'): arithmetic, not a fact"
    filled = q.stem.replace(BLANK, number.group(1), 1)
    share = _SHARE.search(filled)
    if share and len(before) <= share.end():       # the blank is the share or a number before it
        values = [float(v.replace(",", "")) for v in re.findall(r"(?<![\w.])\d[\d,]*(?:\.\d+)?", filled[:share.start()])]
        if any(b and a / b == float(share.group(1).replace(",", "")) for a in values for b in values):
            return "a share ('6 copies in 3 AZs (2 per AZ)') its stem's other numbers work out"
    if n > 1 and re.search(r"\b1\s*:\s*~?\s*$", before):
        values = [float(v.replace(",", "")) for v in re.findall(r"(?<![\w.])\d[\d,]*(?:\.\d+)?", after)]
        if any(b and abs(a / b - n) <= 0.05 * n for a in values for b in values if a != b):
            return "a ratio '1 : _____' that the stem's own numbers work out"
    return None


def _number_leak(q: Question) -> str | None:
    """The stem states the answer: as written, or as the same quantity in another unit."""
    stem = q.stem
    answer = q.answer.strip()
    written = q.get("source_text")    # "128K" typed as 128000: the stem may write it as the card does
    context, shown = q.get("context"), _NUMBER.match(answer.lstrip("~$€£ "))
    if shown and len(shown.group().replace(",", "")) >= 2 and isinstance(context, str) and \
            _occurs(context, shown.group(), before="word", after="number") >= 0:
        return f"a heading above it states its number ({shown.group()!r}: 'Numbers \"128\" I mix up')"
    if isinstance(written, str) and written.strip() != answer and len(written.strip()) > 1 and \
            _occurs(stem.replace(BLANK, " "), written.strip(), before="word", after="number") >= 0:
        return f"the stem states {written.strip()!r}"
    if q.answer_unit in (None, "count"):
        # a bare count leaks when its own sentence repeats it ("all _____ instances in three zones"), or
        # elsewhere with the same noun after it ("10 RCU" for "_____ RCU")
        body = _body(q)
        if BLANK in body and _occurs(body.replace(BLANK, " ").lower(), answer.lower(), before="word", after="number") >= 0:
            return f"its sentence states {answer!r} elsewhere"
        spelt = number_word(q.answer_value) if q.answer_value is not None and q.answer_value != 1 and answer.isdigit() else None
        if spelt and BLANK in body and re.search(rf"\b{spelt}\b", body.replace(BLANK, " "), re.IGNORECASE):
            return f"its sentence states {spelt!r} elsewhere ('three AZs is _____ ENIs')"
        if q.answer_value is not None and q.answer_value >= 1000 and any(
                same_quantity(value, q.answer_value) for value, _ in _quantities_in(stem.split("\n", 1)[0])):
            return "the stem states the same amount ('zones 26 to 100,000 … above _____' for 100k)"
        after = _NOUN_AFTER.match(stem, stem.find(BLANK) + len(BLANK)) if BLANK in stem else None
        noun = after.group(1) if after else ""
        text = stem.replace(BLANK, " ")
        at = _occurs(text, answer, before="word", after="number")
        while at >= 0:
            if text[at + len(answer):].lstrip().startswith(noun):
                return f"the stem states {answer!r}"
            nxt = _occurs(text[at + 1:], answer, before="word", after="number")
            at = at + 1 + nxt if nxt >= 0 else -1
        return None
    if _occurs(stem, answer, before="word", after="number") >= 0:
        return f"the stem states {answer!r}"
    number = _NUMBER.match(answer.lstrip("~$€£ "))
    body = _body(q)
    if number and len(number.group().replace(",", "")) >= 2 and BLANK in body and \
            _occurs(body.replace(BLANK, " "), number.group(), before="word", after="number") >= 0:
        return f"its sentence states {number.group()!r} elsewhere"
    if q.answer_unit == "USD" and _BRACKETED_PRICE.search(stem.split("\n", 1)[0]):
        return "the stem restates the price in brackets (per another quantity)"
    if q.answer_value is not None:
        for value, unit in _quantities_in(stem.split("\n", 1)[0]):   # the prompt line holds no quantity
            if unit == q.answer_unit and _restates(value, q.answer_value, unit):
                return f"the stem states the answer in other words ({value:g} {unit})"
    said = spoken_number(written) if isinstance(written, str) and NUMBER_WORD.match(written) else None
    if said is not None and said >= 10 and BLANK in stem:   # "the upper end is _____ days. one thousand.": said again
        rest = stem.split("\n", 1)[0].replace(BLANK, " ")
        if any(spoken_number(rest[m.start():]) == said for m in re.finditer(r"(?<![\w-])[A-Za-z]", rest)) or \
                any(float(n.replace(",", "")) == said for n in re.findall(r"(?<![\w.])\d[\d,]*(?![\d.])", rest)):
            return f"the stem says the number of {written!r} again"
    return None


@lru_cache(maxsize=4096)
def _quantities_in(text: str) -> tuple[tuple[float, str | None], ...]:
    """`scan_quantities` of a stem (cached: a fact's questions share their context and sentence)."""
    return tuple(scan_quantities(text))


def _answer_leak(q: Question, lk: Lookups) -> str | None:
    if not q.answer.strip():
        return "no answer"
    if q.type == "truefalse":
        context, written, shown = q.get("context"), q.get("source_text"), q.get("statement_value")
        if isinstance(context, str) and isinstance(written, str) and len(written) > 1 and \
                _occurs(context, written, before="word", after="number") >= 0:
            return f"the heading states {written!r}, which the statement is about"
        nines = _NINES.search(q.stem) if q.answer == "false" and isinstance(shown, float) and 90 < shown < 100 else None
        if nines and _nines(shown) != _number_value(nines.group(1)):    # type: ignore[arg-type]
            return f"the stem's {nines.group(0)!r} says the percentage is not the one shown"
        return _times_leak(written if isinstance(written, str) else "", q.get("sentence"), q.get("blank"))
    if q.type == "calculated":
        number = _NUMBER.search(q.answer)
        if number and _occurs(q.stem, number.group(), before="number", after="number") >= 0:
            return f"the stem states the result {number.group()!r}"
        return None
    if q.type == "term_cloze":
        accepted = q.get("accepted")
        names = [q.answer, *(accepted if isinstance(accepted, list) else [])]
        hit = next((n for n in names if gives_away(n, q.stem.replace(BLANK, " "))), None)
        if hit:
            return f"the stem names {hit!r}"
        if len(q.answer.split()) < 3 or re.search(r"\bstands?\s+for\b", q.stem):   # ("What does DLM stand for?" asks it)
            return None
        short = next((w for w in sorted(set(re.findall(r"\b[A-Za-z]{3,5}\b", q.stem))) if abbreviates(w, q.answer)), None)
        return f"the stem abbreviates the answer ({short.lower()!r})" if short else None
    if q.type == "multi_cloze":
        parts = q.get("answers")
        for part in parts if isinstance(parts, list) else []:
            if re.fullmatch(r"\d", str(part)):
                continue    # a one-digit count: the stem's other small numbers are not it
            bare = re.fullmatch(r"[\d.,]+", str(part)) is not None
            if _occurs(q.stem, str(part), before="number" if bare else "word", after="number") >= 0:
                return f"the stem states {part!r}"
        return None
    nines = _NINES.search(q.stem) if q.answer_unit == "percent" and q.answer_value is not None else None
    if nines and _nines(q.answer_value) == _number_value(nines.group(1)):    # type: ignore[arg-type]
        return f"the stem says {nines.group(0)!r}"
    if q.answer_value is not None and q.type in NUMERIC_TYPES:
        return _times_leak(q.answer, q.get("sentence"), q.get("blank")) or _number_leak(q) or _worked_by_neighbours(q)
    if normalise(q.answer) and normalise(q.answer) in normalise(q.stem):
        return f"the stem contains the answer {q.answer!r}"
    return None


def _body(q: Question) -> str:
    body = q.get("body")
    return body if isinstance(body, str) else q.stem


_ONE_IN_NAME = re.compile(r"\bOne[\s-]Zone\b|\bOZ-|\bSingle[\s-]AZ\b|\bSingle[\s-]Zone\b", re.IGNORECASE)


def _titled_value(q: Question) -> str | None:
    """The card's title or section states the blank's number ("Serverless v2 auto-pause (0 ACU) › set min capacity
    = _____"), so the stem gives it away."""
    context, words = q.get("context"), q.answer.split()
    written = words[0].lstrip("~≈") if words else ""
    if not isinstance(context, str) or not re.fullmatch(r"[$€£]?\d[\d.,]*", written):
        return None
    # the number as the answer writes it: with its currency sign, and its unit when it has one ("0 ACU" is "0")
    unit = rf"\s?{re.escape(words[1])}\b" if len(words) > 1 else r"(?![\w%]|[.,]\d)"
    for m in re.finditer(rf"(?<![\w.,$€£-]){re.escape(written)}{unit}", context) if written != "1" else ():
        # (a bare count after a name is its version, "Composer 2 workload limits"; and "1 KPU = …" defines a unit)
        if len(words) == 1 and re.search(r"\b[A-Z][\w-]*\s+$", context[:m.start()]):
            continue
        return f"the card's title states the value ({q.answer!r} in {context[-60:]!r})"
    return None


def _giveaway(q: Question, lk: Lookups) -> str | None:
    """The grammar around the blank gives the key: "_____ strongly consistent read" says one, and a false
    "4 strongly consistent read" says false."""
    body = _body(q)
    sentence, blank = q.get("sentence"), q.get("blank")
    if q.answer_value == 2 and BLANK in body and re.search(r"\bthe\s+other\s+(?!\w+s\b)\w+", body[body.index(BLANK):]):
        return "'… the other zone' after the blank says there are two"
    if q.answer_value == 2 and BLANK in body and re.search(r"\bboth\b", body, re.IGNORECASE):
        return "'both' says there are two ('compute in _____ AZs, both serve queries')"
    if q.answer_value == 1 and BLANK in q.stem and _ONE_IN_NAME.search(q.stem):
        return "the product's name says one ('S3 One Zone-IA stores data in _____')"
    fact = lk.facts.get(q.fact_id) if q.fact_id else None
    if fact is not None and fact.value == 0 and fact.unit == "USD" and re.search(
            r"\b(?:free|kostenlos|gratis|gratuit[oa]?|gebührenfrei|bezpłatn\w*|бесплатн\w*)\b", q.stem, re.IGNORECASE):
        return "a free tier's price: 'Free (price): _____' says $0"
    if q.type == "truefalse":
        asked, _ = _asked_body(q)
        fact = lk.facts.get(q.fact_id) if q.fact_id else None
        counted = _COUNTED_LIST.search(re.sub(r"\s*\([^()]*\)", "", asked)) if BLANK in asked else None
        if counted and fact is not None and len(_list_items(counted.group(1))) == fact.value:
            return "the statement lists the items it counts: counting them judges it"
    if q.type == "truefalse" and q.answer == "false" and isinstance(sentence, str) and isinstance(blank, list):
        written = re.sub(r"^\W+|\W+$", "", sentence[blank[0]:blank[1]])
        noun = counted_noun(sentence[blank[1]:])
        if _ONE.match(written) and noun and number_of(noun) == "singular":
            return f"a false value before '{noun}' does not agree in number"
        shown = q.get("shown")
        if re.search(r"\ban?\s+$", sentence[:blank[0]], re.IGNORECASE) and isinstance(shown, str) \
                and re.search(r"\d\s*[^\W\d_]{3,}s$", shown):
            return f"'a {shown}' ('a 3 minutes minimum'): the false value does not agree with its article"
        return None
    if q.type == "multi_cloze":
        answers = q.get("answers")
        return _multi_giveaway(body, answers) or _multi_words(answers) or _swappable(body) or _unlabelled_blank(body) \
            or _said_again(body, answers) or _status_named(body, answers)
    if BLANK not in body or q.type not in ("cloze", "multichoice", "numerical"):
        return None
    said = _said_again(body, [q.answer]) or _status_named(body, [q.answer]) or _unlabelled_blank(body, others=2)
    if said:
        return said
    titled = _titled_value(q)
    if titled:
        return titled
    if isinstance(q.answer_value, (int, float)) and q.answer_value == int(q.answer_value) and re.search(
            rf"\b{int(q.answer_value) + 1}(?:st|nd|rd|th)\b", body):
        return f"'{int(q.answer_value) + 1}th' in the stem says the limit is one fewer ('max _____ hops – a 5th …')"
    if q.answer_unit == "percent" and re.search(re.escape(BLANK) + r"\s+of\s+the\s+time\b", body):
        return "'_____ of the time': a way of speaking ('90% of the time you bound to 127.0.0.1'), not a figure"
    one = re.fullmatch(r"1\s*([A-Za-z]{1,5})", q.answer.strip())
    if one and re.search(rf"\b(?:each|every|per)\s+(?:[a-z]+\s+)?{re.escape(one.group(1))}\b", body[body.index(BLANK):]):
        return f"'… for each {one.group(1)}' after the blank says the answer is 1 {one.group(1)}"
    written = re.sub(r"^\W+|\W+$", "", q.answer)
    noun = counted_noun(body[body.index(BLANK) + len(BLANK):])
    words = written.split()
    # "One Free tier": a count and the qualifier its noun needs, blanked together ("one vCore" carries its own noun)
    qualified = q.answer_unit in (None, "count") and len(words) > 1 and words[1][:1].isupper()
    count = words[0] if qualified else written
    if _ONE.match(count) and noun and number_of(noun) == "singular":
        return f"'{noun}' after the blank says the answer is one"
    if _ONE.match(written) and re.search(r"(?:^|[\s›])1\s+[A-Za-z]{2,6}\s*=\s*" + BLANK, body):
        return "a definition '1 X = …' whose right side is one"
    counted = _COUNTED_LIST.search(re.sub(r"\s*\([^()]*\)", "", body)) or _LISTED_BEFORE.search(body[:body.index(BLANK)])
    if counted and q.answer_value is not None and len(_list_items(counted.group(1))) == q.answer_value:
        return "the sentence lists the items it counts"
    if (_ONE.match(written.split()[0]) if written else False) and re.search(r"\b(?:only|just|a\s+single)\s+$", body[:body.index(BLANK)], re.IGNORECASE):
        return "'only _____' says the answer is one"
    generation = re.search(r"\b([A-Z][A-Za-z]+)\s+$", body[:body.index(BLANK)])
    if generation and re.fullmatch(r"\d(?:/\d)*", q.answer.strip()) and re.search(
            rf"\b{generation.group(1)}\s+\d\b", q.stem.replace(BLANK, "", 1)):
        return f"'{generation.group(1)} _____' asks a generation's name ('Composer 1 vs 2 vs 3'), not a quantity"
    return None


def _multi_words(answers: object) -> str | None:
    """A multi-blank whose blank holds words ("a single partition reader", "one core"): typed answers of
    words cannot be matched, and its other blanks are values."""
    for n, part in enumerate(answers if isinstance(answers, list) else [], 1):
        if not re.search(r"\d", str(part)):
            return f"blank ({n}) holds words ({part!r}), not a value"
    return None


def _swappable(body: str) -> str | None:
    """Blanks in one slot of a coordination ("ratios of _____ (1)-to-1 and _____ (2)-to-1"): either order is right."""
    pieces = body.split(BLANK)
    tails = [re.match(r"\s*(?:\(\d+\))?\s*([^\s,;.)]*)", piece).group(1) for piece in pieces[1:]]   # type: ignore[union-attr]
    for n in range(1, len(pieces) - 1):
        if tails[n - 1] == tails[n] and re.search(r"(?:,|\band|\bor|/)\s*$", pieces[n]):
            return f"blanks ({n}) and ({n + 1}) stand in one slot of a list: either order is right"
    return None


def _multi_giveaway(body: str, answers: object) -> str | None:
    """A blank of several whose key is one before a singular noun: "1 RCU = _____ (1) read of _____ (2)"."""
    if not isinstance(answers, list):
        return None
    pieces = body.split(BLANK)
    for n, answer in enumerate(answers[:len(pieces) - 1], 1):
        after = re.sub(r"^\s*\(\d+\)", "", pieces[n])
        noun = counted_noun(after)
        if _ONE.match(re.sub(r"^\W+|\W+$", "", str(answer))) and noun and number_of(noun) == "singular":
            return f"'{noun}' after blank ({n}) says its answer is one"
    return None


def _unlabelled_blank(body: str, others: int = 1) -> str | None:
    """A blank of a list whose other items say what they are and it does not ("java defaults: 100 msgs, _____, 1 ms
    delay", "_____ (1) questions, _____ (2)"): what it asks, the stem cannot say. (`others`: how many items must say
    what they are; a single blank asks two, as one beside it may be the row's label: "(x1e.32xlarge = 128 vCPU, _____)".)"""
    said = []           # (holds a blank, has words) of each item that holds one blank or a number
    for item in re.split(r",(?!\d{3})|;", body):
        rest = re.sub(re.escape(BLANK) + r"(?:\s*\(\d+\))?", " ", item)
        if item.count(BLANK) == 1 or BLANK not in item and re.search(r"\d", rest):
            said.append((BLANK in item, bool(re.search(r"[^\W\d_]", rest))))
    bare = any(blank and not words for blank, words in said)
    labelled = sum(1 for _, words in said if words)
    return "a blank of a list says nothing of what it is, where the others do" if bare and labelled >= others else None


def _said_again(body: str, answers: object) -> str | None:
    """The word before a blank comes again with its key ("min _____ (1) and max _____ (2) instances (you can set the
    range, min >= 2)")."""
    pieces = body.split(BLANK)
    for n, answer in enumerate(answers[:len(pieces) - 1] if isinstance(answers, list) else []):
        word = re.search(r"([^\W\d_]{3,})\s*[:=]?\s*$", pieces[n])
        value = re.match(r"\d[\d.,]*", str(answer).strip())
        if word and value and word.group(1).lower() not in _LINKING and re.search(
                rf"\b{re.escape(word.group(1))}(?:\s*(?:>=|≥|=|:)\s*|\s+(?:(?:of|is|at)\s+)?){re.escape(value.group())}"
                r"(?![\d.,]*\d)", body, re.IGNORECASE):
            return f"'{word.group(1)} {value.group()}' elsewhere in the stem gives the blank after '{word.group(1)}'"
    return None


_LINKING: Final = frozenset("the and for per from than with into every each about over under after before".split())
_STATUS_PHRASES: Final = {status.value: status.phrase.lower() for status in HTTPStatus}


def _status_named(body: str, answers: object) -> str | None:
    """An HTTP status code before its reason phrase ("No retry on _____ Bad Request"): the phrase names the code."""
    pieces = body.split(BLANK)
    for n, answer in enumerate(answers[:len(pieces) - 1] if isinstance(answers, list) else [], 1):
        code = re.fullmatch(r"\d{3}", str(answer).strip())
        phrase = _STATUS_PHRASES.get(int(code.group())) if code else None
        if phrase and re.sub(r"^\s*\(\d+\)", "", pieces[n]).strip(" (-–—:\"'").lower().startswith(phrase):
            return f"'{phrase}' after the blank names its status code"
    return None


# "_____ consistency levels: strong, bounded staleness, session, …": the count of the list that follows
_COUNTED_LIST = re.compile(BLANK + r"\s+[A-Za-z][^.;:()\n]{0,40}?[:(]\s*((?:[^.;:()]|(?<=\d)\.(?=\d))+)")   # "1.0, 1.1, and 1.2"


# "Free and Shared, the _____ base tiers": the items named just before their count
_LISTED_BEFORE = re.compile(r"([A-Z][\w-]*(?:\s*,\s*[A-Z][\w-]*)*,?\s+(?:and|or)\s+[A-Z][\w-]*)\s*,\s*(?:the|both|all|these)\s+$")


def _list_items(text: str) -> list[str]:
    return [item for item in _LIST_JOIN.split(text) if item.strip()]


# what joins a list's items: "and"/"or" in English and the languages notes are written in ("Starter ve Unlimited")
_LIST_JOIN: Final = re.compile(r",|/|\+|&|\b(?:and|or|ve|veya|och|eller|und|oder|et|ou|og|en|ja|tai|és|vagy|și|sau|oraz|lub"
                               r"|y|o|e|и|или)\b", re.IGNORECASE)


# A number of a worked scenario, not a limit: "if you have _____ consumers", "say that your function used …".
_SCENARIO = re.compile(
    r"^(?:for\s+example,?\s*|e\.g\.,?\s*)?(?:say|suppose|imagine|assume|let'?s\s+say)\b"
    r"|\bassum(?:e|es|ing)\s+(?:an?\s+)?[~≈]?\s*$"       # "these are rough numbers, assume ~_____ rows"
    r"|^(?:for\s+example,?\s*)?you\s+(?!can\b|could\b|may\b|might\b|must\b|should\b|will\b|need\b|have\s+to\b|'ll\b|are\b|get\b)[a-z]+"
    r"|\bif\s+you\s+(?:have|had|set|use|increase|create|run|store|send|make|add)\b[^.;]*$"
    r"|\bse\s+(?:il\s+tuo|la\s+tua|i\s+tuoi|le\s+tue|hai|usi|imposti|mandi|crei)\b[^.;]*$"   # Italian: "se il tuo endpoint ci mette"
    # the blank inside an opening "if / when …" clause: a case being set up ("If a customer had _____ instances")
    r"|^(?:for\s+(?:example|instance),?\s*)?(?:if|when|once|should)\s+(?:you|your|a|an|we)\b[^,;(]*(?<!fewer than )(?<!less than )"
    r"(?<!more than )(?<!at least )(?<!at most )(?<!up to )(?<!over )(?<!under )$"
    # an example set on a thing: "For example, on a 16 node cluster … _____ columns"
    r"|^for\s+example,?\s+(?:on|with|in|at|if|when)\b"
    r"|^(?:if|when)\s+$"      # "If _____ jobs are submitted at once, …": a case, not a quota
    r"|(?:^|[.!?]\s+)for\s+(?:a|an|your|my)\s+$",    # "For a _____-node batch cluster they …": a remark's case
    re.IGNORECASE)
# "… for the worker process to also start": as well as what the cut sentence before said ("There is also a 32k
# overhead" adds a fact and stands alone)
_ALSO = re.compile(r"\bto\s+also\b|\b(?:it|they)\s+also\b", re.IGNORECASE)
_LOWER_BOUND = re.compile(r"(?:\bbetween|\bfrom|\bof|\brange|:)\s*$", re.IGNORECASE)
_RANGE_TO = re.compile(r"^\s*(?:and|to|-|–)\s*\d", re.IGNORECASE)
# A sentence whose subject is "this/that …" said of the sentence before: "This can reduce costs by 2/3",
# "As of 2016, this was raised to …", "After that $1.00 for …".
_DEICTIC = re.compile(r"^(?:(?:[^,.›]{1,25},\s*)?(?:these|those)\s+(?:[a-z]+ly|just|also|then|still|often)\s+[a-z]+"   # "Those usually resolve"
                      r"|(?:[^,.›]{1,25},\s*)?(?:this|that|these|those)\s+(?:(?:usually|often|just|also|only|really|then)\s+){0,2}(?:can|could|is|are|was|were|will|would|may|might|should|must|"
                      r"means|allows|lets|makes|helps|gives|takes|reduces|increases|saves|costs)\b"
                      r"|(?:thus|therefore|hence|consequently|however|instead|otherwise|also|then)\b|so\s+(?!far\b|that\b)"
                      r"|(?:after|beyond|above|over|on\s+top\s+of|apart\s+from|besides)\s+(?:that|this|these|those)\b"
                      r"|(?:when|if|once|because\s+of|due\s+to)\s+(?:this|that|these|those)\b(?!\s+[a-z]+\s+(?:is|are)\b))",
                      re.IGNORECASE)
# "this quota", "these limits": a thing named in a sentence the question does not show (unless the context names it).
_DEMONSTRATIVE = re.compile(r"^(?:(?:previously|now|currently|today|originally|so|and|but|if|when|once|unless|until)\s*,?\s+)?"
                            r"(?:this|these|those)\s+"
                            r"([a-z]{3,})\b(?<!ly)", re.IGNORECASE)
_PRONOUN_START = re.compile(r"^(?:[A-Za-z][^,.;:()]{0,25},\s*)?(?:it|its|they|their)\b", re.IGNORECASE)
# A blank that names one example among many: "like _____", "using _____", "(iOS, _____, etc.)".
_EXAMPLE_BEFORE = re.compile(r"(?:\blike|\bsuch\s+as|\be\.g\.,?|\bfor\s+example,?|\bincluding)\s*$", re.IGNORECASE)
_EXAMPLE_AFTER = re.compile(r"^\s*(?:/|,?\s*etc\b|\.\.\.|…|\band\s+(?:others|more)\b)", re.IGNORECASE)
# "(_____ disables)", "_____ = no limit", "-1 = don't evict": a 0 or -1 whose meaning the stem spells out
_SWITCH_VALUE = re.compile(r"^\s*(?:=|means|:)?\s*(?:disables?|disabled|turns?\s+(?:it\s+)?off|off\b|no\s+limit|unlimited|"
                           r"never\b|don'?t\b|infinite)", re.IGNORECASE)
# A value in a list of bare values: "in _____, 4 and 8 GPU configurations".
_LIST_MEMBER = re.compile(
    r"^\W*" + BLANK + r"\s*,\s*\d"          # a line that starts "404, 405 method not allowed"
    r"|(?:^|[\s(])" + BLANK + r"\s*,\s*\d[\d.]*\s*(?:,\s*\d[\d.]*\s*)*,?\s*(?:and|or)\s+\d"
    r"|\d[\d.]*\s*,\s*(?:\d[\d.]*\s*,\s*)*(?:and\s+|or\s+)?" + BLANK + r"(?!\s*[-/])"
    r"|\d[\d.]*\s*(?:,\s*\d[\d.]*\s*)*,?\s*(?:and|or)\s+" + BLANK + r"\s+[A-Za-z]"
    r"|(?:^|[\s(:])" + BLANK + r"\s*,\s*\d[\d.]*\s*(?:[;.)]|$)")     # "TLS wrapper: _____, 2465"


def _trivia(q: Question, lk: Lookups) -> str | None:
    context, sentence = q.get("context"), q.get("sentence")
    if isinstance(context, str) and _hedged(context):
        return "a heading says the notes doubt these values ('from memory, check before trusting')"
    if isinstance(sentence, str) and _hedged(sentence):
        return "a value the notes are unsure of ('not 100% sure')"
    if isinstance(context, str) and _ACCEPTANCE.search(context):
        return "an acceptance criterion of the notes' own requirements, not the subject's fact"
    if _OWN_SCENARIO.search(f"{context} › {sentence}"):
        return "the notes' own scenario ('Assumptions: (workload B)', 'workload A total'): its inputs and results"
    if isinstance(context, str) and _INCIDENT_PART.search(context):
        return "a postmortem's account of what happened ('Timeline', 'Root cause'): the team's numbers, not the subject's"
    card = lk.cards.get(q.card_id)
    whole_card = lk.card_trivia(card) if card is not None and q.generator != "qa" else None
    if whole_card:
        return whole_card
    line = card.lines[q.line_index].text if card is not None and 0 <= q.line_index < len(card.lines) else ""
    verdict = _line_trivia(line, sentence if isinstance(sentence, str) else "") if q.generator != "qa" else None
    if verdict:
        return verdict
    if "|" in line and card is not None and any(lk.derived(card, f) for f in _asked_facts(q, lk)):
        return "a table column worked out from another ('credits/second' beside 'credits/hour'): a conversion"
    if card is not None and q.generator != "qa" and _quoted_back(card, q.line_index, _asked_facts(q, lk)):
        return "a value a later reply quotes back ('> max 12 hours'), to correct it"
    if card is not None and q.generator != "qa" and _corrected_below(card, q.line_index, _asked_facts(q, lk)):
        return "a value a later remark corrects ('[checked docs: storage is 512 MB not 1 GB]', '[wrong. …]')"
    example = _worked_example(context if isinstance(context, str) else "",
                              sentence if isinstance(sentence, str) else _body(q))
    if example:
        return example
    body, answer = _asked_body(q)
    at = body.find(BLANK)
    if at >= 0 and _CHANGED_TO.match(body[at + len(BLANK):]) and _CHANGE.search(f"{context} {sentence}"):
        return "the old side of a change ('54% -> 66%'): a former value, not the current one"
    if q.type == "multi_cloze":     # judged by its first blank, like the cloze of its first fact
        parts = q.get("answers")
        if isinstance(parts, list) and len(parts) > 1 and all(str(p).strip() == str(n) for n, p in enumerate(parts, 1)):
            return "the blanks' labels are their answers ('SignatureVersion _____ (1) or _____ (2)' for 1 and 2)"
        if isinstance(parts, list) and any(re.fullmatch(r"0(?:\.0+)?(?:\s*[A-Za-z%]+)?", str(p)) for p in parts):
            return "a blank of 0: a trivial bound"
        low = re.search(re.escape(BLANK) + r" \((\d+)\)\s*(?:-|–|to|and)\s*" + re.escape(BLANK), body)
        if low and isinstance(parts, list) and int(low.group(1)) <= len(parts) \
                and str(parts[int(low.group(1)) - 1]).strip() == "1":      # (not "1 TB to 63.9 TB": a minimum size)
            return "a blank of 1 opening a range ('between _____ (1) and _____ (2)'): a trivial bound"
        if re.search(re.escape(BLANK) + r" \(\d+\)\s*\(\s*=\s*[~≈]?\s*\d", body):
            return "a bracket works the blanks out ('_____ (1) - _____ (2) (= 1,048,487 bytes)')"
        if _FORMER_BRACKET.search(body):
            return "a blank of a former value ('_____ (1) (was _____ (2))'), not the current one"
        if isinstance(parts, list) and any(_CURRENCY.match(str(p)) for p in parts) and re.search(
                r"\(\s*" + re.escape(BLANK) + r"(?:\s*\(\d+\))?\s+per\b", body):
            return "a price restated in brackets per another quantity: worked out from the price beside it"
        ids = q.get("fact_ids")
        blanked = [lk.facts[i] for i in (ids if isinstance(ids, list) else []) if i in lk.facts]
        if any(a.unit == b.unit and _restates(a.value, b.value, a.unit) for n, a in enumerate(blanked) for b in blanked[n + 1:]):
            return "two blanks hold the same quantity ('7 years (2557 days)'): one answers the other"
        cut = list(re.finditer(re.escape(BLANK) + r" \((\d+)\)-[A-Za-z]", body))
        if isinstance(parts, list) and any(re.search(r"\d\s*[A-Za-z]", str(parts[int(m.group(1)) - 1]))
                                           for m in cut if int(m.group(1)) <= len(parts)):
            return "a blank cuts a unit in two ('_____ (2)-seconds' for '360,000 GiB')"
        answer = str(parts[0]) if isinstance(parts, list) and parts else ""
        return _trivia_of(body, answer, math.nan) if BLANK in body and answer else None
    derived = _derived(q, lk)
    if derived:
        return derived
    if q.answer_value is None or BLANK not in body:
        return None
    at = body.index(BLANK)
    if (q.type != "truefalse" or q.answer == "false") and re.match(r"\+(?![\w+])", body[at + len(BLANK):]):
        return "a count written 'N+' ('300+ cities', '270+ services'): a floor that grows, a smaller number holds too"
    if q.type in ("cloze", "numerical") and re.fullmatch(r"[~≈]?\d+(?:\.\d+)?\s?[x×]", answer.strip()) \
            and re.match(r"\s+(?!more\b|less\b|faster\b|slower\b|cheaper\b|the\b)[a-z]+s\b", body[at + len(BLANK):]):
        return "a multiplier blanked before a noun ('roughly _____ instances' for '2x instances'): it reads as a count"
    narrow = _narrow_range(body[:at], body[at + len(BLANK):], answer) if q.type != "truefalse" else None
    if narrow:   # a statement of the whole range ("takes 3-5 hours") is still judged as one claim
        return f"one end of a rough range ({narrow}): the other end gives it away"
    return _trivia_of(body, answer, q.answer_value)


DERIVED_TOLERANCE: Final = 0.025   # wide enough for 1,024 against 1,000 ("1.6 Tb/s" over "200 Gb/s" is 8.19)
# Counts alone make arithmetic only where the sentence relates them: "≈", "total", "per", "i.e." …
_RELATES = re.compile(r"[≈~=→]|->|\b(?:total|per|each|i\.e\.|which\s+is|that\s+is|equals?)\b", re.IGNORECASE)
_ADDS = re.compile(r"\s\+\s|\b(?:plus|minus)\b", re.IGNORECASE)   # "32 KB … + 8 KB …": a sum


def _card_trivia(card: Card) -> str | None:
    """Why none of a card's values is a fact: a worked example, the author's own lab, a recap of other cards."""
    if _WORKED_TITLE.search(card.title):
        return f"a line of a worked example ({clean(card.title)[:40]!r})"
    if _MADE_UP.search(card.title) or any(_NOT_FACTS.search(ln.text) for ln in card.lines):
        return "a card whose values the notes call their own ('(my lab)', 'not facts')"
    if _PERSONAL_TITLE.search(card.title):
        return f"a card about the author's own study ({clean(card.title)[:40]!r}), not the subject"
    if _RECAP_TITLE.search(card.title):
        return f"a line of a recap card ({clean(card.title)[:40]!r}): shorthand for facts the notes give in full"
    return None


@lru_cache(maxsize=8192)
def _hedged(text: str) -> bool:
    """`_HEDGE` on a heading or sentence (cached: a fact's questions share them)."""
    return _HEDGE.search(text) is not None


def _was_past(body: str) -> bool:
    """Whether a blank of `body` (any of a multi-cloze's, their numbers taken out) is "was _____ in the early days"."""
    return any(re.search(r"\bwas\s+[~≈]?$", body[:m.start()]) and _FORMER_AFTER.match(body, m.end())
               for m in re.finditer(re.escape(BLANK), body))


@lru_cache(maxsize=8192)
def _line_trivia(line: str, sentence: str) -> str | None:
    """Why the line a value stands on is no place for a fact, else None (cached: a line's questions share it)."""
    if _SCENARIO_LINE.match(line):
        return "a number of the card's exam scenario ('Q: a company needs 7-year retention …')"
    if _TICKET.search(line):
        return "a line of the team's own tickets ('lost 2 h of mail (BUG-2271)'), not the subject's fact"
    if _ALERTING.search(line):
        return "a line of the team's alerting policy ('Sev2 if > 2% for 5 min', 'Escalate if: …'): its thresholds are the team's"
    if _TEST_STEP.match(line):
        return "a test's setup or what one run saw ('Given: 150 messages', 'Observed: 400'), not the documented fact"
    if _INCIDENT_PART.match(line) or _OUR_MEASURE.search(line):
        return "a postmortem's account or the team's own graph ('Incident: …', 'our graph: 96 MiB/s'), not the subject's fact"
    if _VERSUS_LINE.match(line):
        return "a comparison with another product ('vs Redshift: VARCHAR max 65,535 bytes there'): its values are not the card's"
    if "  " in line and headerless_row(line):
        return "a row of a table aligned with spaces and no header ('s-1vcpu-1gb  $6/mo  1 GiB  25 GiB'): which column is asked?"
    if _OWN_CASE.search(line) or _OWN_STORY.search(sentence):
        return ("the writer's own setting or story ('Ours: 1,500 credits/month', 'we set it to 3600 after someone's join "
                "ran 9 hours'): their choice or their case, not the subject's fact")
    if _HEARSAY.search(line):
        return ("who said, thought or planned what ('Disagreement: Tomasz said 60 min …', 'Ade's story: …', 'Action item:',"
                " 'would have been ~$600'): a claim, an anecdote or a what-if, not the fact")
    if _OWN_TEST.search(line):
        return "the writer's own test ('confirmed in console by returning a 300 KB string'): its value is theirs"
    if _doubted_after(line, sentence):
        return "a value the remark after its sentence doubts ('per hub? (not sure)')"
    if len(_COMMAND_FLAG.findall(line)) >= 2:
        return "a value in a command line ('mosquitto_pub --cafile … -q 1'), an example, not a limit"
    if _MADE_UP.search(line):
        return "a line whose numbers the notes made up ('example ARN, account ID made up')"
    if _CROSS_REFERENCE.match(line):
        return "a cross-reference ('Cf. Entra External ID: 50,000 MAU free (III.K)'): another section's subject"
    if _TREE.search(line):
        return "a line of a drawn tree ('└ org top-level MG'): its numbers count the drawing"
    if _SQL_LINE.match(line):
        return "a line of SQL ('EXEC sp_set_data_processed_limit … @limit_tb = 4'): its numbers are an example's"
    if _REQUIREMENT.search(sentence) or _ACCEPTANCE.search(line):
        return "a requirement the notes set ('… MUST finish in < 5 h'): the author's own target, not the subject's fact"
    if _NOTES_POINTER.search(sentence):
        return "the sentence points to the notes' own sections or tables ('(see Section 4.2)'), which the question cannot show"
    if _OWN_FIGURES.search(sentence):
        return "the author's own figures ('My estimate for the lab …'), not the subject's"
    if _BENCHMARK.search(sentence):
        return "what a test or benchmark once measured ('servers have been tested … with up to 5,000 connections'), not a limit"
    if _CAPTION_LINE.match(line):
        return "a table's caption: the author's remark on the table, not a fact of it"
    if _MEMORY_TRICK.match(line):
        return "a memory trick ('Truco: 24-12-4-1'): the notes' device, not the facts it recalls"
    if line.startswith(QUOTED):
        return "a quoted or superseded line (a mail replied to, a chat's user turn): an earlier claim, which what follows may correct"
    if line.startswith(FOOTNOTE):
        return "a footnote ('[^1]: before that the 1 GiB droplet was $5/mo'): an aside on another line, not its fact"
    if _PROCEDURE_STEP.match(line):
        return "a step of a numbered procedure ('3. Wait 4 seconds, retry'): which step is asked, the stem cannot say"
    return None


def _asked_facts(q: Question, lk: Lookups) -> list[Fact]:
    """The facts a question asks: its fact, or a multi-cloze's."""
    ids = q.get("fact_ids")
    return [lk.facts[i] for i in ([q.fact_id] if q.fact_id else ids if isinstance(ids, list) else []) if i in lk.facts]


def _quoted_back(card: Card, index: int, facts: Sequence[Fact]) -> bool:
    """A later quoted line (a mail replied to, a chat's user turn: "Quoted: max 12 hours", `notations`) states one of
    the facts' values again: what follows it answers that claim, mostly to correct it (a quoted question only asks)."""
    texts = {" ".join(f.text.lower().split()) for f in facts if f.text}
    return bool(texts) and any(
        line.text.startswith(QUOTED) and not line.text.rstrip().endswith("?")
        and any(t in " ".join(line.text.lower().split()) for t in texts) for line in card.lines[index + 1:])


# "Check your understanding: Name three valid pipe sources": an exercise's instruction, its number the answer's length
_EXERCISE_COUNT = re.compile(r"(?:^|[:?.!]\s+)(?:name|list|give|state|write\s+down|identify|mention|describe)\s*$",
                             re.IGNORECASE)
# "… wait _____ for a partner's file. Standard or Express?": the blank's sentence is a scenario the next one asks about
_SET_UP_FOR = re.compile(r"^[^.!?]*[.!]\s+[A-Z][^.!?]{0,60}\?\s*$")
_WRONG_REMARK = re.compile(r"^\s*[\[(]\s*(?:wrong|incorrect|not\s+true|nope|false)\b", re.IGNORECASE)


def _corrected_below(card: Card, index: int, facts: Sequence[Fact]) -> bool:
    """A later line of the card says one of the facts' values is not so ("… is 512 MB not 1 GB", "1,500, not
    1,000"), or a bracketed remark below calls what it follows wrong ("[wrong. M0 runs whatever …]")."""
    values = [f.text for f in facts if f.text]
    for line in card.lines[index + 1:]:
        if _WRONG_REMARK.match(line.text):
            return True
        if "not" in line.text and any(re.search(rf"\bnot\s+(?:the\s+)?{re.escape(v)}(?![\w.,]?\d)", line.text, re.IGNORECASE)
                                      for v in values):
            return True
    return False


def _doubted_after(line: str, sentence: str) -> bool:
    """A bracketed remark right after the sentence doubts it: "Max 100 deployments per hub? (not sure)"."""
    at = line.find(sentence) if sentence else -1
    remark = re.match(r"\s*\([^()]*\)", line[at + len(sentence):]) if at >= 0 else None
    return remark is not None and _HEDGE.search(remark.group()) is not None


def _derived(q: Question, lk: Lookups) -> str | None:
    """A value its own sentence gives by multiplying, dividing, adding or subtracting two of its other values: "8x A100 _____
    (320 GB total)", "200 Gb/s per GPU (1.6 Tb/s per VM)" → 8, "0.75 words per token → _____ tokens ≈ 150K words"."""
    fact = lk.facts.get(q.fact_id) if q.fact_id and q.type in (*NUMERIC_TYPES, "truefalse") else None
    if fact is None or fact.site is None or not fact.value:
        return None
    others = [f for f in lk.by_card.get(q.card_id, ()) if f is not fact and f.site is not None
              and f.site.line_index == fact.site.line_index and f.site.sentence == fact.site.sentence
              and f.value not in (0.0, 1.0) and not same_quantity(f.value, fact.value)]
    relates = _RELATES.search(fact.site.sentence) is not None
    for i, a in enumerate(others):
        for b in others[i + 1:]:
            if not relates and all(u in (None, "count") for u in (fact.unit, a.unit, b.unit)):
                continue    # "up to 4 vCPUs, 2 GPUs and 8 disks": counts side by side, not arithmetic
            for result in (a.value * b.value, a.value / b.value, b.value / a.value):
                if abs(result - fact.value) <= DERIVED_TOLERANCE * abs(fact.value):
                    return f"worked out from {a.text!r} and {b.text!r} in its sentence"
    if relates and _worked_out(fact.site.before, fact.text, fact.site.after):
        return "worked out from the numbers its sentence writes ('500 IOPS per GiB -> _____ IOPS needs 32 GiB')"
    if _ADDS.search(fact.site.sentence):     # "_____ per object: 32 KB … + 8 KB …" (an operand is no fact of its own)
        same = [v for v, unit in scan_quantities(fact.site.sentence) if unit == fact.unit and not same_quantity(v, fact.value)]
        if any(same_quantity(x + y, fact.value) or same_quantity(abs(x - y), fact.value)
               for i, x in enumerate(same) for y in same[i + 1:]):
            return "the sum or difference of two other values of its sentence"
    return None


# an HTTP status's reason phrase right after its code: "_____ Conflict", '_____ ("Bad Request")'
_STATUS_PHRASE = re.compile(r"\s*(?:[-:(;]\s*)?[\"“]?(?:OK|Created|Accepted|No\s+Content|Moved\s+Permanently|Found|"
                            r"Not\s+Modified|Bad\s+Request|Unauthori[sz]ed|Forbidden|Not\s+Found|Method\s+Not\s+Allowed|Request\s+Timeout|Conflict|Gone|"
                            r"Precondition\s+Failed|(?:Payload|Request\s+Entity)\s+Too\s+Large|Too\s+Many\s+Requests|"
                            r"Internal\s+Server\s+Error|Not\s+Implemented|Bad\s+Gateway|Service\s+Unavailable|Gateway\s+Time-?out)\b",
                            re.IGNORECASE)
_PLAIN_NUMBER = re.compile(r"(?<![\w.,/-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w.,])|(?<![\w.,/-])\d+(?:\.\d+)?(?![\w.,])")


def _worked_out(before: str, written: str, after: str) -> bool:
    """Whether the number `written` between `before` and `after` is the product of two other numbers the sentence
    writes, or one of two whose product it writes, whatever units the reader made of them ("max 500 IOPS per GiB
    -> 16,000 IOPS needs at least 32 GiB": the canonical values of "per GiB" and "GiB" do not multiply back)."""
    asked = _PLAIN_NUMBER.search(written)
    if asked is None:
        return False
    n = float(asked.group().replace(",", ""))
    others = [x for m in _PLAIN_NUMBER.finditer(f"{before} {after}")
              if (x := float(m.group().replace(",", ""))) > 0 and x != 1 and not math.isclose(x, n)]
    return n >= 2 and any(math.isclose(a * b, n, rel_tol=1e-9) or math.isclose(a * n, b, rel_tol=1e-9)
                          for i, a in enumerate(others) for j, b in enumerate(others) if i != j)


def _asked_body(q: Question) -> tuple[str, str]:
    """The body with a blank where the fact is, and the fact as written: a true/false statement is judged
    like the cloze of its fact (its value may be a worked result or a trivial bound just the same)."""
    body = _body(q)
    shown, written = q.get("shown"), q.get("source_text")
    if q.type == "truefalse" and isinstance(shown, str) and shown in body and isinstance(written, str):
        return body.replace(shown, BLANK, 1), written.strip()
    if q.type == "numerical" and isinstance(written, str):
        return body, written.strip()     # "four", typed as 4: the series rules read the word
    return body, q.answer.strip()


# A line under an example's heading ("e.g. 3 clusters running a month", "Worked example:"), or one that works a
# result out ("3 x 730 x $0.10 = $219", "12 months + 2 month", "= ceil(2.5) = 3"): its numbers are the example's.
_EXAMPLE_HEAD = re.compile(r"^(?:e\.\s?g\.|eg[.:,]|ex\.|(?:a\s+)?(?:worked\s+)?example\b|worked\b|for\s+(?:example|instance)\b|"
                           r"say\b|suppose\b|imagine\b|ví\s+dụ\b)", re.IGNORECASE)     # (Vietnamese "ví dụ": for example)
_EXAMPLE_BODY = re.compile(r"^(?:e\.\s?g\.|eg[.:,]|ex[.:]|ej[.:]|eks\.|örn\s*[.:]|p\.\s?e[jx]\.|z\.\s?B\.|ex\s?\d+\s*[.:)]|(?:worked\s+)?example\s*\d*\s*[:,]|worked\b|pattern\s*:|"
                           # "Örnek 1:", "Beispiel:", "Пример:": an example in the language the notes are in
                           r"(?:örnek|beispiel|ejemplo|exemple|esempio|exemplo|voorbeeld|przykład|příklad|exempel|пример|مثال|halimbawa)"
                           r"(?:\s*\d*|\s[^:.;]{1,40})\s*[:,]|"      # ("Esempio esercitazione del 12/02: …")
                           r"(?:예시?|例)\s*\d*\s*[:：)）]|예를\s*들[어면]|例如|比如|ví\s+dụ\s*\d*\s*[:,)]|"    # Korean "예)", Japanese "例：", Chinese "例如", Vietnamese "ví dụ:"
                           r"use\s+case\s*:|math\s*:|calc\s*:)",
                           re.IGNORECASE)
# "not facts", "(not cloud facts)", "(no facts)"
_NOT_FACTS = re.compile(r"\bno(?:t|n)?\s+(?:\w+\s+)?facts?\b|\bnon[\s-]?factual\b"
                        # "prices vary by region, dont memorize exact ones": the card's own values are not to be learnt
                        r"|\b(?:do\s*n[o']?t|not)\s+memori[sz](?:e|ing)\s+(?:the\s+)?exact\b", re.IGNORECASE)
# "My estimate for the lab (50 functions …): roughly 2.9 million requests", "I set 60 s on ad-hoc WHs": the
# author's own figures and settings
_OWN_FIGURES = re.compile(r"\bmy\s+(?:own\s+)?(?:rough\s+)?(?:estimates?|guess(?:es|timates?)?|calc(?:ulation)?s?|maths?|"
                          r"figures|bill)\b|\b[Мм]о[йяиё]\s+(?:пример|расч[её]т|оценк[аи])"     # (Russian: "Мой пример")
                          r"|\bI\s+(?:usually\s+|always\s+|typically\s+)?(?:set|use|keep|pick|chose|choose"
                          r"|go\s+with|went\s+with|run\s+with)\b(?![^.;]*\?)", re.IGNORECASE)
# "For example, Aurora servers have been tested to produce increasing performance … with up to 5,000 connections"
_BENCHMARK = re.compile(r"\b(?:has|have)\s+been\s+(?:tested|benchmarked)\b|\bbenchmarks?\s+(?:show|showed|found)\b", re.IGNORECASE)
_COMMAND_FLAG = re.compile(r"(?<=\s)--?[a-zA-Z][\w-]*(?=[\s=])")    # "--cafile x", "-q 1": a shell command's options
_MADE_UP = re.compile(_NOT_FACTS.pattern + r"|\bmade[- ]up\b|\bmy\s+lab\b|\b(?:our|my)\s+(?:own\s+|company\s+|team\s+)?numbers\b"
                      r"|\bvalues\s+are\s+mine\b|\blab\s+example\b|\bnot\s+real\b(?![\s-]*time)|\bnot\s+official\b|\bmy\s+formula\b"
                      # "Latency targets cheat sheet (general, not provider limits)", "rules of thumb from my team"
                      r"|\b(?:mine|mitt|min)\s+egne?\b|\bikke\s+pensum\b"        # (Norwegian: "Mine egne labbtall (ikke pensum)")
                      r"|\bnot\s+(?:provider|service|platform|vendor|cloud)\s+limits\b|\brules?\s+of\s+thumb\s+from\s+(?:my|our)\b"
                      r"|\((?:[^()]*\b)?(?:assumptions?|inputs?|numbers)\s+(?:are\s+)?mine\b|\(mine\b"    # "(assumptions mine)"
                      # "(me, invented traffic)", "(me, assumptions)": the author's own inputs
                      r"|\binvented\s+(?:traffic|numbers|values|figures|inputs|data|workload|usage)\b"
                      # "(our data only!)", "my benchmark run (NOT general truth)", "what I've seen": the team's own
                      r"|\bour\s+(?:own\s+)?(?:data|stats|statistics|measurements|spreadsheet)\b|\bmy\s+(?:spreadsheet|benchmarks?)\b"
                      r"|\bnot\s+(?:a\s+)?general\s+truth\b|\bwhat\s+(?:I|we)(?:'ve|\s+have)\s+seen\b"
                      # "Rollout strategy (our plan, not a rule)", "(our layout, not a default)"
                      r"|\bour\s+(?:plan|layout|setup|choice|convention)s?\b[^()]{0,20}\bnot\s+a\s+(?:rule|default|standard)\b"
                      r"|\((?:me|mine|my\s+own)\b[^()]*\b(?:assum\w*|invented|made[- ]up|guess\w*)"
                      r"|\{\s*me\s*:"                                    # "{me: missed the 15. thought it was 10.}"
                      r"|^\W*(?:common\s+)?mistakes?\s*:"                  # "Common mistake: setting a 30s timeout"
                      # a quiz's answer key: "Common wrong answer: 16 MB", "Accept: 7 days or 1 week", "Grader note: 1 pt
                      # for …", "Score conversion: % of 105", "SECTION C — caching (20 pts)"
                      r"|^\W*(?:(?:common|typical|frequent)\s+)?(?:wrong|incorrect)\s+answers?\b[^:]{0,20}:"
                      r"|^\W*(?:also\s+)?accept(?:able)?(?:\s+(?:also|answers?))?\s*:|^\W*(?:grader|marker|marking|grading)(?:'s)?\s+notes?\b"
                      r"|^\W*(?:score|grade|points?)\s+(?:conversion|scale|total)\b|^\W*section\s+[A-Z0-9]{1,3}\b"
                      r"|^\W*total\s*:\s*\d+\s*(?:pts?|points?|marks?)\b"
                      r"|^\W*rationale\s*:"                                # a requirement's "Rationale: our suite runs ~4h40m today"
                      # a client's figures and the decisions of a meeting: "[client] NW has 78 subs", "Decision: max 3
                      # OU levels", "Open question: …", "(their finance's number)"; a lab run; a fact the notes call trivia
                      r"|\[client\]|\(client\)|^\W*(?:decision|open\s+question|action\s+item)\b[^:]{0,20}:"
                      r"|\btheir\s+(?:own\s+)?(?:number|figure|decision|finance)|\blab\s+runs?\b|\(lab\)|\(trivia\)"
                      r"|^\s*(?:war\s+|project\s+)?story\s*:|\bcase\s+study\b|\bassumed\s+numbers\b"
                      # "TEAM alert: warn > 20k", "ticket CASE-1738201 took 2 days": the team's own figures
                      r"|^\W*(?:our\s+team|(?-i:TEAM))\b[^:.]{0,20}:|\b(?:CASE|TICKET|INC|JIRA)-\d+\b"
                      r"|\bteam\s+(?:SLOs?|alerts?|targets?|thresholds?|rules?|runbooks?)\b|\(ours\)|#\s*ours\b"
                      # "bench test: …", "my ESP32: 180 bytes", "YMMV": the author's own measurements
                      r"|\bbench[\s-]test\b|\bmy\s+(?:device|board|setup|measurements?|ESP32|Pi)\b|\bYMMV\b"
                      r"|\bbei\s+uns\b"                                                  # German: "at our place"
                      r"|^\W*blockers?\s*:"                                # a standup's "Blockers: our batch job holds acks 45 min"
                      # a runbook's outcome and undo steps: "Expected: root cause identified within 15 min", "Rollback: 5 s."
                      r"|^\W*(?:expected(?:\s+(?:result|output|outcome))?|rollback|if\s+it\s+fails)\s*:"
                      r"|\b(?:brown[- ]bag|lunch[- ]and[- ]learn)\b"     # the talk's own agenda: "brown-bag talk, ~45 min"
                      r"|\b(?:example|sample|dummy|fake|placeholder)\s+(?:ARN|IDs?|values?|numbers?|names?)\b", re.IGNORECASE)
# "(was _____)", "(old ONTAP was _____)": a blank of a former value, in brackets beside the current one
# "(was _____)", "(old docs: _____)", German "(früher _____)", "(alte Doku: _____)"
_FORMER_BRACKET = re.compile(r"\(\s*(?:was|previously|formerly|used\s+to\s+be|früher|vorher|ehemals|vroeger|voorheen"
                             r"|anciennement|auparavant|antes|prima|old:?"
                             r"|(?:old|older|previous|alte[rns]?|ältere[rns]?)(?:\s+[\w.-]+){0,2}\s*:"
                             r"|(?:old|older|previous)\s[^()]{0,30}?\b(?:was|were))\s*[~$≈]?\s*" + re.escape(BLANK), re.IGNORECASE)
_TREE = re.compile(r"[└├│┌┐┘┬┴┼]")
# a statement of SQL outside a fenced block: its keywords in capitals open the line
_SQL_LINE = re.compile(r"^\s*(?:[-*•]\s*)?(?:SELECT|INSERT\s+INTO|UPDATE|DELETE\s+FROM|CREATE\s+(?:OR\s+REPLACE\s+)?[A-Z]+|ALTER|"
                       r"EXEC(?:UTE)?|AS\s+SELECT|FROM|WHERE|GROUP\s+BY|PARTITION\s+BY|CLUSTER\s+BY|WITH\s+\w+\s+AS)\b")
_MEMORY_TRICK = re.compile(r"^\W*(?:mnemonic|memory\s+(?:trick|hook|aid)|truco)\b", re.IGNORECASE)
_CAPTION_LINE = re.compile(r"^\s*(?:caption|table)\s*:", re.IGNORECASE)
# "A maximum of 500 transactions per second per application": a bound written as a noun phrase, with no verb
_BOUND_PHRASE = re.compile(r"^\s*(?:[-*•]\s*)*(?:an?\s+|the\s+)?(?:maximum|minimum|limit)\s+of\s", re.IGNORECASE)
_VERB = re.compile(r"\b(?:is|are|was|were|be|been|being|can(?:not)?|could|must|may|might|will|would|shall|should|has|have|had|"
                   r"does|do|allows?|supports?|appl(?:y|ies)|exists?|gets?|counts?|holds?|needs?|requires?|[a-z]{3,}ed)\b",
                   re.IGNORECASE)
_IMPERATIVE = (r"(?:run|wait|note|open|click|select|go|create|add|set|use|enable|disable|choose|enter|type|install|"
               r"configure|retry|check|copy|delete|remove|download|upload|call|send|navigate|sign|log|restart|stop|"
               r"start|deploy|attach|detach|apply|verify|pick|make|put|avoid|consider|keep|turn|change|point|replace|"
               r"increase|decrease|raise|lower|request|contact|migrate|switch|schedule|grant|assign|specify|ensure)\b")
# "1. First, you run nslookup", "3. If still throttled wait 4 seconds": a how-to step, not a limit
# "NFR-1: Any job MUST finish in < 5 h": a requirement document's own rule (RFC 2119's capitals), not the vendor's limit
_REQUIREMENT = re.compile(r"\b(?:MUST|SHALL|SHOULD)(?:\s+NOT)?\b")
# a runbook's alerting policy: a severity ("Sev2 if > 2% of Count for 5 min"), an escalation ("Escalate if: …",
# "-> page platform-lead"), the team's own rule ("our rule: authorizer must finish in < 500 ms")
_ALERTING = re.compile(r"\b(?:Sev|SEV)\s?[0-4]\b|^\s*Escalate\s+if\b|(?:->|→)\s*page\b|\bour\s+(?:rule|policy|threshold|SLO)s?\b")
# the team's own figure, right before the blank: "Our Gatsby build is ~_____", "we did ~_____ last month on the VPS"
_OWN_VALUE = re.compile(r"\b(?:our|my)\b(?:\s+[^\s.;,:]+){0,4}\s+(?:is|was|are|were|takes?|took|does|did|uses?|used|runs?|ran)?\s*[~≈]?$"
                        r"|\bour\s+[~≈]?$|\bwe\s+(?:only\s+)?(?:did|do|had|have|used|use|pay|paid|spent|spend|ran|run|moved|served|push(?:ed)?|"
                        r"re-\w+|set|keep|wait|retry|cache)\b[^.;]{0,40}$"
                        r"|\bin\s+our\s+(?:logs?|tests?|setup|experience|metrics|dashboards?)\b[^.;]{0,40}$", re.IGNORECASE)
# ... or after it in its clause: "a 1.5 GB image took ~_____ in our tests", "a _____ image took ~40 s in our tests"
_OWN_MEASURE_AFTER = re.compile(r"^[^.;()]{0,40}?\bin\s+(?:our|my)\s+(?:own\s+)?(?:tests?|testing|benchmarks?|measurements?|"
                                r"logs?|setup|load\s+tests?|experiments?)\b", re.IGNORECASE)
# a cost memo's own inputs and results: "Assumptions: (workload B — backup archive)", "Summary table — workload A"
_OWN_SCENARIO = re.compile(r"(?:^|›\s)\W*(?:[Mm]y\s+|[Oo]ur\s+)?[Aa]ssumptions?\b|\b[Ww]orkload\s+[A-Z]\b")
_ACCEPTANCE = re.compile(r"\bacceptance\s+criteri(?:a|on)\b", re.IGNORECASE)   # a requirement's own test, under its heading
# "(the single-message limit of Section 3.2)", "as Table 3 shows", "(see §4)": a pointer into the notes themselves
_NOTES_POINTER = re.compile(r"\b(?:Section|Sect\.|Table|Figure|Fig\.|Chapter|Appendix)\s+[0-9]+(?:\.[0-9]+)*\b|§\s*[0-9]")
_PROCEDURE_STEP = re.compile(r"^\s*(?:step\s*)?\d{1,2}[.)]\s+(?:(?:first|then|next|finally|now)\b,?\s*(?:you\s+)?|"
                             r"if\s+(?:\w+\s+){1,3}?)?" + _IMPERATIVE, re.IGNORECASE)
# "Convertible RI max 54% -> 66%" under "used to be": the value before the arrow is the old one
_CHANGED_TO = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:->|→|=>)\s*(?:[~≈]?\s*[$€£]?\d|" + BLANK + ")")
_CHANGE = re.compile(r"\bused\s+to\b|\bchang(?:e|es|ed)\b|\bformerly\b|\bhistory\b|\bwas\b|\bold\b|\bnow\b",
                     re.IGNORECASE)
# a test plan's case: "Given: …" sets it up, "Observed: …" / "Actual: …" is what one run saw
_TEST_STEP = re.compile(r"^\s*(?:[-*•]\s*)*(?:Given|When|Observed|Actual(?:\s+result)?|Steps?(?:\s+to\s+reproduce)?|Repro|Setup)\s*:",
                        re.IGNORECASE)
_TICKET = re.compile(r"\b(?:BUG|INC|TICKET|JIRA|ISSUE)-\d{2,6}\b")
# "Scenario 2:", "Exam-style scenario:", "scenario from mock exam:", Turkish "Senaryo:", German "Szenario:" …
_SCENARIO_LINE = re.compile(r"^\s*(?:[-*•]\s*)*(?:Q|Question|(?:[\w-]+\s+)?(?:Scenario|Senaryo|Szenario|Escenario|Scénario|Cenário"
                            r"|Scenariusz|Сценарий)(?:\s+(?:from|of|in)\s+[^:.)]{1,40})?)\s*\d*\s*[:.)]\s", re.IGNORECASE)
# who said, thought or planned what: "Disagreement: Tomasz said 60 min for everything. Lucia said 9 min", "Ade's story:
# wrote a 300 MB zip", "Action item (@Tomasz): try concurrency 80", "Provisioned would have been ~$600/month"
_HEARSAY = re.compile(r"^\W*(?:disagreement|debate|dispute|argument)\s*:|\b(?:war\s+)?(?:story|anecdote)\s*:"
                      r"|\b[A-Z][a-z]+\s+(?:thought|claimed|assumed|guessed|believed)\b"     # "Ade thought it was 10 MB"
                      r"|^\W*(?i:action\s+items?)\b[^:]{0,40}:"                             # "Action item (@Tomasz, due …):"
                      r"|\bwould\s+have\s+(?:been|cost|saved)\b"                           # a what-if of the notes' own case
                      r"|\b[A-Z][a-z]+\s+(?:said|says|thought|claimed|argued)\b.*\b[A-Z][a-z]+\s+(?:said|says|thought|claimed|argued)\b")
# a postmortem's account of what happened ("Incident: build cache FS … dropped to ~5.4 MiB/s", a heading "Timeline" over
# "08:02 nightly job kicks off"), and the team's own measurements ("our graph: 96 MiB/s"); not "What the docs say:"
_INCIDENT_PART: Final = re.compile(r"(?:^|›\s*)\W*(?:Incident|Timeline|Root\s+cause)\s*(?::|›|$)",
                                   re.IGNORECASE)
_OUR_MEASURE: Final = re.compile(r"\bour\s+(?:own\s+|old\s+|new\s+)?(?:[A-Z][\w-]*\s+)?(?:graphs?|dashboards?|metrics|numbers|measurements?|"
                                 r"CloudWatch|FS|file\s*systems?|clusters?|buckets?|fleet|setup|CI|pipelines?|repos?|images?)\b",
                                 re.IGNORECASE)
# a line that compares with another product: "vs Redshift: …", "Compared to Firebase: …"
_VERSUS_LINE: Final = re.compile(r"^\W*(?:vs\.?|versus|compared\s+(?:to|with))\s+[^:]{1,40}:", re.IGNORECASE)
# the writer's own settings and stories: "Ours: 1,500 credits/month", "Our BI team once set AUTO_SUSPEND = 3600", "We set
# STATEMENT_TIMEOUT to 3600 after someone's cross join ran 9 hours", "Example from our incident on 2 Oct: … ~50 min total"
_OWN_CASE: Final = re.compile(r"^\W*(?:ours|us)\s*:|\b(?:our|my)\s+(?:[\w-]+\s+)?(?:team|company|colleagues?|boss|client)\b"
                              r"|\bwe\s+(?:once\s+)?(?:set|changed|configured|raised|lowered|bumped|replaced|migrated|cut)\b|\bsomeone'?s\b"
                              r"|\bonce\s+(?:set|ran|had|hit|saw|got)\b|\ba\s+colleague\b|^\W*tried\s+it\b|\bbit\s+me\b"
                              r"|\b(?:nothing|not)\s+exam[- ]relevant\b|\bnot\s+on\s+(?:the\s+)?exam\b|\bmine\s+(?:used|ran|took|hit|had|got)\b"
                              r"|(?<!the )\blast\s+(?:sprint|week|month|quarter|year|night)\b"        # "imported 2.4M rows last sprint"
                              r"|^\W*(?:I\s+|we\s+)?used\s+it\s+(?:for|on|to|in|after|when|during)\b"   # "Used it after a buggy deploy"
                              # "used for the 3-day model training job, worked", "switched batch pools to ANY => ~18% fewer"
                              r"|^\W*(?:I\s+|we\s+)?used\s+(?:it\s+)?(?:for|on|in)\s+(?:the|our|my)\b"
                              r"|^\W*(?:switched|migrated|bumped|upgraded|downgraded)\s+[^.;]{1,40}?\s(?:to|from|off)\b"
                              r"|\bour\s+(?:incident|outage|migration|project|prod(?:uction)?)\b"
                              r"|\bexam\w*\b[^.;]{0,30}\b(?:booked|scheduled|prévue?|programmée?|previsto|prevista|geplant|agendad[oa])\b"
                              r"|\b(?:booked|scheduled)\b[^.;]{0,20}\bexam\b"   # "exam booked for 14 March, so ~6 weeks"
                              r"|^\W*(?:our\s+(?:policy|setup|config)|(?:in\s+)?(?:the\s+|my\s+|[\w-]+\s+)?lab)\s*:|\bwe'?re\s+at\b"   # "Lab: set it to 30 min", "we're at ~1,100 MAU"
                              # (German: "Praktikum: … ging von 2 TB auf 60 GB", "Bei Übung: …", "bei uns", "unser Projekt")
                              r"|\b(?:im\s+|beim\s+)?Praktikum\b|\b(?:bei|in)\s+(?:der\s+|einer\s+|meiner\s+)?Übung\b|\bbei\s+uns\b"
                              r"|\bunser(?:e|em|en|er)?\s+(?:Team|Projekt|Firma|Kunden?|Setup|Cluster)\b|\bmein(?:e|em|en)?\s+(?:Projekt|Test|Lab)\b"
                              # "On my telemetry container (40 props per doc), … dropped insert cost from ~14 RU to ~6 RU"
                              r"|\b(?:on|in|for|with)\s+my\s+(?:[\w-]+\s+){0,2}(?:container|cluster|account|app|project|database|"
                              r"table|bucket|queue|workload|setup|tenant|subscription)s?\b"
                              # (Czech: "Moje lab ASG: min 2 …", "můj test", "v mém projektu")
                              r"|\b(?:moje|můj|moji|mého|mém|mé)\s+(?:lab|test|projekt\w*|účet|cluster|setup|rule|pravidl\w*)\b"
                              r"|\bour\s+(?:[\w-]+\s+)?(?:office|site|startup|employer|org)\b"      # "[our branch office: 4 TB …]"
                              # (Portuguese, Spanish: "um de 500 GiB no meu lab levou uns 25 min", "en mi proyecto")
                              r"|\b(?:meu|minha|meus|minhas|nosso|nossa|mi|mis|nuestro|nuestra)\s+(?:lab|laborat[óo]rio|"
                              r"proje[ct]o|proyecto|teste|prueba|conta|cuenta|cluster|setup|app|empresa|time|equipo|equipe|cliente)\b"
                              # (Italian: "ho cambiato 3 oggetti", "nel mio progetto")
                              r"|\bho\s+(?:cambiato|messo|provato|usato|visto|fatto|caricato|pagato)\b"
                              # (Dutch: "bij mij in lab een kwartier", "mijn Udemy cursus van 2020")
                              r"|\bbij\s+(?:mij|ons)\b|\b(?:mijn|onze?)\s+(?:[\w-]+\s+)?(?:lab|project|cursus|test|account|"
                              r"cluster|omgeving|team|klant|bedrijf)\b"
                              # (Norwegian, Danish, Swedish: "mine egne lab-tall", "i min test")
                              r"|\b(?:min|mitt|mine|vår|vårt|våre)\s+(?:egne?\s+)?(?:lab\w*|test\w*|konto|prosjekt\w*|tall|regning|kollega)\b"
                              r"|\b(?:nel|del|il)\s+mio\s+(?:lab|progetto|test|account|cluster|bucket)\b"
                              # a diary's subject-less past ("Tuned max_latency to 50 ms on the clickstream thing",
                              # "Comment: got a 413 uploading a 40 MB CSV in the demo"), "happened at work"
                              r"|^\W*(?:[A-Z]\w{0,15}\s*:\s*)?(?:got|tuned|tried)\s+(?:a|an|the|my|our|it|\S+_\S+)\s"
                              r"|\bat\s+work\b|\bthe\s+hard\s+way\b|\b(?:after|before|during|from)\s+(?:my\s+)?vacation\b",
                              re.IGNORECASE)
# ... and in a sentence of a longer paragraph: "ran into this w/ a pattern listing ~60 S3 bucket names", "cost me 20 min of
# CFN rollbacks", "DNS change took ~40 min to work for me", "i saw ~900ms on a java lambda once", "needs a VPC connector --
# forgot it 2024-02-20, lost 1 h", "(tried SRP by hand in swift once, 2 days, never again)", "My test (2024-03-02): ~20 s blip"
_OWN_STORY: Final = re.compile(r"\b(?:ran|run|bumped)\s+into\s+(?:this|it|that)\b|\bcost\s+(?:me|us)\b"
                               r"|\bours\s+(?:took|was|ran|hit|needed|got|used)\b"     # "(ours took ~3.5 hrs for 6 TB)"
                               r"|\bwhen\s+I\s+wrote\s+(?:this|these)\b|\btook\s+(?:me|us)\b"       # "(took me ~55 min)"
                               r"|\bour\s+(?:[\w-]+\s+)?(?:acct|account|bill|invoice)s?\b"   # "(our dev acct had minvCpus 16 …)"
                               # "Creation takes ~25 min (timed 23 min on our last one)", "10-20 min for us", "Our rule: 2:1",
                               # "(9 envs -> 3, saved ~$2k/month)"
                               r"|\bon\s+our\s+(?:last|first)\b|\bfor\s+us\b|\bour\s+rule\b|\bsaved\s+(?:us\s+)?~?[$€£]"
                               # (Swedish: "SHIR på jobbet (version 5.3x)", "Vår tabell hade 40 milj rader", "Kurs ca 10,50
                               # kr/$ när jag skrev detta")
                               r"|\bpå\s+jobbet\b|\bhos\s+oss\b|\bnär\s+jag\s+skrev\b|\banvände\s+(?:den|det|dem)\b|\bi\s+labb\b|\b(?:min|mitt|mina|vår|vårt|våra)\s+(?:egen\s+|egna\s+)?"
                               r"(?:labb\w*|tabell\w*|projekt\w*|kluster\w*|pipeline\w*|databas\w*|konto)"
                               r"|\btook\s+[^.;]{0,30}\b(?:for|with)\s+me\b|\bforgot\s+(?:it|to|that|about)\b"
                               r"|\bI\s+(?:saw|measured|observed)\b(?![^.;]{0,30}\b(?:docs?|documentation|FAQ)\b)"
                               r"|\btried\s+[^.;()]{0,40}\bonce\b"
                               r"|\bmy\s+(?:own\s+|first\s+|last\s+)?(?:tests?|experiments?|benchmarks?|trials?|measurements?)\b"
                               # (Turkish: "Lab'da k6 ile denedim, ~110'da kesti", "bunu unuttum, 1 saat uğraştım")
                               r"|\blab'?[dt]a\b|\b(?:denedim|unuttum|uğraştım|gördüm|ölçtüm|yaşadım|test\s+ettim)\b"
                               r"|\bbenim\s+(?:lab|proje|test|hesab|cluster)\w*|\bprojemde\b"
                               # a practice test's score: "(geçen sefer %68 aldım)", "last time I got 68%"
                               r"|\bgeçen\s+sefer\b|\baldım\b|\blast\s+time\s+I\b"
                               # the writer's own fleet: "we keep 48 h of data on the jetsons", "we split … into 3 named shadows"
                               r"|\bwe\s+(?:keep|kept|split|went\s+with|chose|picked)\b|\bour\s+(?:[\w-]+\s+)?(?:fleet|devices|gateways|sensors|boards)\b"
                               # (Catalan: "Al lab vam posar 4 particions", "vaig provar": we/I did)
                               r"|\bal\s+lab\b|\b(?:vam|vaig|vàrem|varen)\s+(?:posar|fer|provar|usar|tenir|veure|pagar|canviar)\b"
                               # (Croatian: "Naš node_modules je bio 220 MB", "naš projekt s faksa", "moj račun")
                               r"|\bna[šs](?:a|e|eg|ega|em|emu|u|i|ih|im)?\s+(?:[\w-]+\s+)?(?:je|su)\s+(?:bio|bila|bilo|bili|imao|imala)\b"
                               r"|\bs\s+faksa\b|\bna\s+faksu\b",
                               re.IGNORECASE)
# the writer's own experiment: "confirmed in console by returning a 300 KB string", "re-run the 300 KB Lambda test"
_OWN_TEST = re.compile(r"\b(?:confirmed|verified|tested|tried|checked)\b[^.;]{0,40}\bby\s+(?:returning|sending|uploading|writing|"
                       r"putting|passing|creating)\b|\b(?:re-?run|redo|repeat|retry)\s+(?:the|my|that)\b[^.;]{0,40}\btests?\b",
                       re.IGNORECASE)
_WORKING = re.compile(r"\d[\w.,%]*(?:/[A-Za-z]+)?(?:\s+[A-Za-z][\w/-]*){0,3}\s*(?:[*×+]|\bx\b)\s*(?:[A-Za-z][\w/-]*\s+){0,2}[~$€£(]?\s*\d"
                      r"|=[^=\n]*\d[^=\n]*=\s*[~$€£]?\s*\d"
                      r"|\d[\d,.]*\s*[A-Za-z]{0,4}\s+/\s+[\d,.]+\d[^=\n]{0,30}=\s*[~$€£]?\s*\d"    # "4,060 GiB / 1,024 GiB per node = 3.96"
                      # "pozivi: 1 mil. < 4 mil. (ok)": a check worked out against a limit
                      r"|\d[\d,.]*(?:\s*[^\W\d_]{1,6}\.?)?\s+[<>≤≥]\s+\d[\d,.]*(?:\s*[^\W\d_]{1,6}\.?)?\s*\((?:ok|okay|fine|✓|✔)\)"
                      r"|\(\s*[\d.,]+\s*[A-Za-z]{0,2}\s*[-−–]\s*[\d.,]+\s*[A-Za-z]{0,2}\s*\)\s*[*×/]\s*[$\d]",  # "(20M - 1M) * 0.50"
                      re.IGNORECASE)
# "sizing example: 2 MB/s of writes …", "Worked example, 5 shards": not "For example, X is limited to …"
_WORKED_TITLE = re.compile(r"^\s*worked\b|\(\s*worked\s*\)|\bworked\s+(?:(?:example|problem|calc\w*|cost)s?\b|ex\b)|\bexample\s+calc(?:ulation)?s?\b"
                           r"|\b(?:cost|pricing|price|bill(?:ing)?)\s+example\b(?!s)"     # "Workers — cost example"
                           r"|[(\[]\s*(?:[\w/-]+\s+){0,2}example\s*[)\]]"                   # "Latency budget (AR example)", "[example]"
                           r"|^\W*my\s+example\b"                                                # "My example: Event Hubs + ASA sizing"
                           r"|^\W*example\s+\d+(?:\.\d+)*\s*(?:[:.—–-]|$)"                           # a textbook's "Example 3.1: Estimating a bill"
                           # "Przykład - RDS MySQL db.m5.large", "Voorbeeld: …", "Exemplo: …": an example titled in another language
                           r"|^\W*(?:przykład|voorbeeld|exemplo|esempio|ejemplo|exemple|beispiel|örnek|مثال)\b"
                           r"|\bRechenbeispiel|\bBeispielrechnung|\beigene\s+Zahlen\b"           # German: "(eigene Zahlen)"
                           # "gcp cluster toolkit example nodeset block", "sample config": a listing to copy, not limits
                           r"|\b(?:example|sample)\s+(?:[\w-]+\s+){0,2}(?:block|config(?:uration)?|policy|file|yaml|json"
                           r"|template|manifest|snippet|spec)s?\b"
                           r"|\bcopy[\s-]?paste\b"                                               # "block (copy-paste this)"
                           r"|^\s*(?:scenario|senaryo)\b|\b(?:scenario|senaryo)\s*[:#–—-]|\bexam\s+scenario\b|\b(?:classic\s+)?exercises?\b"
                           # (Catalan, Spanish, Portuguese, Italian: "Exercici de classe (càlcul EH Standard)")
                           r"|\bexercici\w*|\bejercicio\w*|\bexerc[ií]cio\w*|\besercizi\w*"
                           r"|\bc[áa]lculos?\b|(?:^|[-–—:(]\s*)calc(?:s|ulations?)?\b|\bconti\s+(?:veloci|rapidi)\b|\bcalcoli\b"     # "S3 early deletion - calc"
                           r"|\b(?:rough|napkin|sizing)\s+maths?\b|\bback[\s-]of[\s-](?:the[\s-])?envelope\b"
                           # "sizing walk-through (my practice q)": a practice question worked through
                           r"|\bwalk[\s-]?through\b|\bmy\s+practice\s+(?:q|qs|questions?|exams?|tests?)\b",
                           re.IGNORECASE)
# "Lab log 30.11.2024", "Motivation / vent", "study plan & why I'm doing this": the author's own record
# "Cf. IAM access keys 1 per user (I.J)": a line that points at another section's subject
_CROSS_REFERENCE = re.compile(r"^\W*(?:(?:\d{1,2}|[a-z]|[IVX]{1,4}|[A-Z])[.)]\s+)?(?:cf\.?|compare|see\s+also)\s", re.IGNORECASE)
_PERSONAL_TITLE = re.compile(r"\blab\s+(?:log|diary|journal|results?)\b|\bI\s+got\s+wrong\b|\bmy\s+mistakes\b"
                             # "Our clusters, for context (Jan snapshot)": the team's own setup
                             r"|^\W*(?:our|my)\s+(?:own\s+)?(?:clusters?|setups?|fleet|accounts?|environments?|envs|infra\w*|stack|"
                             r"systems?|servers?|deployments?)\b"
                             r"|\b(?:this|these)\s+(?:deck|notes|cards|file)\b|\bread\s+(?:me\s+)?first\b"
                             r"|\b(?:study|exam|revision|week(?:ly)?)[\s-](?:plan|log|diary|journal|progress|schedule)\b"
                             # a study group's meetings: "Study group reminders", Catalan "Recordatori grup (simulacre)"
                             r"|\b(?:study|revision)\s+group\b|\brecordatori\b|\bsimulacr[eo]\b"
                             r"|\b(?:handout|lesson|unit|course|class|teaching)\s+plan\b|\bmotivation\b"
                             # the notes' own notation and to-do lists: "legend / how i write these", "things to re-check"
                             r"|^\W*legend\b|\bhow\s+i\s+write\b|\bto-?do\s+list\b"
                             r"|\bthings\s+to\s+(?:re-?check|double[\s-]?check|verify|look\s+up)\b"
                             r"|\bvent(?:ing)?\b|\bprogress\s+log\b|\bdiary\b|\bmood\b|\bplan\s+check\b"
                             # "My own cost checklist (for work)": the author's own rules, not the subject's limits
                             r"|\bmy\s+own\b|\b(?:my|our)\s+(?:[\w-]+\s+){0,2}(?:checklist|policy|policies|conventions|house\s+rules)\b"
                             r"|\(for\s+work\)|\bchecklist\s+(?:do\s+projektu|f[üu]r\s+(?:das\s+)?projekt|for\s+(?:the|our|my)\s+(?:project|team|work))\b"
                             r"|\bpractice\s+(?:tests?|exams?|quiz(?:zes)?)\s+(?:scores?|results?|log)\b"
                             # "2024-03-19 21:45 datasync first run": a dated entry of the author's log
                             r"|^\s*(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})\b(?=.*[^\W\d_])"   # (a bare date: a chat's day)
                             r"|\blast\s+year'?s\s+(?:class|students|cohort|group)\b"
                             # "§11.3 Discrepancies noted during review": the notes' own errata
                             r"|\b(?:discrepancies|errata|inconsistencies)\s+(?:noted|found|spotted|in\s+(?:these|my|the)\s+notes)\b"
                             r"|\bmock\s+(?:audits?|exams?|interviews?)\b|\bas\s+used\s+in\s+my\b", re.IGNORECASE)
_RECAP_TITLE = re.compile(r"\bquick[\s-]+recall\b|\b(?:brain[\s-]+)?dump\b|\bcram\b|\brecap\b|\bdrill\b"
                          r"|\bcover\s+the\s+(?:right|left)\b"
                          # "Final cheat sheet", "Exam-day cheat list", "Quick numbers to burn in", "Numbers I keep mixing up"
                          r"|\bfinal\s+(?:cheat[\s-]?sheet|summary|review)\b|\bquick\s+numbers\b|\bcheat[\s-]?list\b"
                          r"|\bnumbers\s+(?:to\s+(?:just\s+)?(?:burn\s+in|remember|memori[sz]e)|(?:I|we)\s+keep\s+mixing)\b"
                          r"|\blast[\s-]+minute\s+(?:numbers|facts|review|cheat|summary)"   # "Last-minute numbers"
                          r"|\bnight\s+before\s+(?:the\s+)?exam\b"     # "summary (night before exam, …)"
                          r"|\bsista\s+kvällen\b|\bsiffror\s+att\s+plugga\b", re.IGNORECASE)   # (Swedish: "Siffror att plugga sista kvällen")
# the writer's hypothetical: "your web frontend might use 3010, … your Postgres instances the usual 5432"
_SUPPOSED = re.compile(r"\byour\s+(?:[\w-]+\s+){0,3}might\s+(?:use|be|have|run|need|get|see)\b", re.IGNORECASE)
_EXAMPLE_LABEL = re.compile(r"(?<!for )\bexample\s*[:,]", re.IGNORECASE)
_RESTATEMENT_BEFORE = re.compile(r"\d[^.;()]{0,40}?(?:,\s*)?(?:\b(?:which\s+is|that\s+is|that'?s|i\.e\.,?)\s*|≈\s*)"
                                 r"(?:[~≈]|approx(?:\.|imately)?|about|roughly|around)?\s*$"
                                 r"|\d[\w.,%/]*\s*(?:->|→|=>)\s*[~≈]?\s*$"
                                 # "0,005 USD/hod. → cca _____/měsíc": the same price per month, roughly
                                 r"|\d[\w.,%/]*(?:\s[^\W\d][\w/]{0,10}\.?)?\s*(?:->|→|=>)\s*(?:c?ca\.?|approx\.?|about|roughly|around"
                                 r"|rund|etwa|kb\.|ok\.)\s*$", re.IGNORECASE)
# A setting in a file, not a limit of the notes: "app.yaml: max_instances: 20", and a key with one bare value
# ("max_instances = 20", "timeoutInMinutes: 120", "maxNumberofVMs = 25;"), not "iPhone: 5 devices". A line of notes
# written as `data_nodes_per_domain: 80` or `commitment_period = 31 days` names a limit in a key's spelling.
_CONFIG_LINE = re.compile(r"^\s*(?:[-*•]\s*)*(?:(?:[\w-]+\.[\w.-]+:\s+)`?[a-z][a-z0-9]*(?:_[a-z0-9]+)+`?\s*[:=]\s*\S"
                          r"|(?:[\w.-]+:\s+)?`?[a-z][a-z0-9]*(?:_[a-z0-9]+)+`?\s*=\s*\S+\s*;?\s*$"
                          r"|`?[a-z][a-z0-9]*(?:[A-Z][A-Za-z0-9]*)+`?\s*[:=]\s*\S+\s*;?\s*$)")
_RESTATED_AFTER = re.compile(r"^(?:[^.;()]|\([^()]{0,30}\)|(?<=\d)\.(?=\d)){0,60}?,?\s*(?:which\s+is|that\s+is|that'?s|i\.e\.,?|cioè|≈|so\s+(?=[~≈]))\s*"
                             r"(?:[~≈]|approx(?:\.|imately)?|about|roughly|around)?\s*\$?\d"
                             # "400 miles (approx. 480 km)": the same distance or size again, in other units
                             r"|^\s?[A-Za-z%/-]{0,8}\s*\(\s*(?:approx(?:\.|imately)?|about|roughly|around|ca\.)\s*\d[\d,.]*\s*[A-Za-zµ]",
                             re.IGNORECASE)
# "typically 200-500 ms": a range of what is seen, not set; either end could be another
# (also "roughly 5-15 min", "~5-15 min")
_TYPICAL = (r"(?:\b(?:typically|usually|normally|generally|often|commonly|roughly|approximately|approx\.?|about|around)\s+"
            r"(?:in\s+the\s+range\s+of\s+|between\s+)?(?:(?:around|about|~)\s*)?|(?<![\w.~])~\s*)")
_TYPICAL_START = re.compile(_TYPICAL + "$", re.IGNORECASE)                                      # _____-500
_TYPICAL_END = re.compile(_TYPICAL + r"[$€£]?\d[\d.,]*\s*[A-Za-z]{0,5}\s*(?:-|–|to)\s*$", re.IGNORECASE)   # 200-_____
_TYPICAL_AFTER = re.compile(r"\s*[A-Za-z]{0,5}\s+(?:typical|usual|normal|common)\b", re.IGNORECASE)   # "20-_____ typical"
_RANGE_ON = re.compile(r"\s*(?:-|–|to)\s*[$€£]?\d[\d.,]*")     # the rest of a range after one end
_RANGE_START = re.compile(r"\d[\d.,]*\s*[A-Za-z]{0,5}\s*(?:-|–)\s*$")


def _typical_range(before: str, after: str) -> bool:
    """Whether the blank is an end of a range of what is typical ("typically 200-_____ ms", "20-_____ typical")."""
    if _TYPICAL_END.search(before) or (_TYPICAL_START.search(before) and _RANGE_ON.match(after)):
        return True
    if _RANGE_START.search(before):
        return _TYPICAL_AFTER.match(after) is not None
    end = _RANGE_ON.match(after)
    return end is not None and _TYPICAL_AFTER.match(after, end.end()) is not None
_ORDINALS: Final = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8}
_ORDINAL = re.compile(r"\b(?:" + "|".join(_ORDINALS) + r")\b", re.IGNORECASE)
_FUTURE = re.compile(r"^(?:in\s+the\s+(?:near\s+)?future|in\s+the\s+coming\s+(?:weeks|months|years?)|eventually)\b",
                     re.IGNORECASE)
# "For instance, a file system storing 5 TiB would burst at 500 MiB/s": a case made up to show a rule
# "If you're running fewer than _____ instances per AZ, you almost certainly want …": a hedged rule of thumb
_ADVICE_THRESHOLD = re.compile(
    r"\b(?:if|when|once)\b[^.;:]{0,60}\b(?:fewer|less|more|greater|over|under|below|above)\s+than\s+[~≈]?" + re.escape(BLANK)
    + r"[^.;]{0,80}?\b(?:you|we|I)(?:'d|\s+would)?\s+(?:almost\s+certainly|probably|most\s+likely|likely|usually|generally)"
    r"\s+(?:want|should|need|prefer)", re.IGNORECASE)
_HYPOTHETICAL = re.compile(r"^for\s+(?:example|instance),?\s+(?:a|an|one|your)\s+[^.;]{0,80}?\bwould\b", re.IGNORECASE)
# an open backtick before the blank, or an open call ("cron(_____ 19 ? * MON-FRI *)"): a value in code
_BRACKET_AFTER = re.compile(r"^\s?[A-Za-z%/-]{0,8}\s*\(\s*~?\d(?:[\d,.]+|[\d,.]*[kKM])\s*\)")   # "(8192)", "(5k)"; not "(1)"
# "86400 s (1 d)": the same duration or size again, in brackets right after ("~46% (3 yr)" names the term instead),
# in Japanese and Chinese too ("(4 時間)", "（4 分钟）")
_BRACKET_TIME = re.compile(r"^\s*[(（]\s*~?(\d[\d,.]*)\s*(ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|d|days?|wks?|weeks?|mo"
                           r"|months?|yrs?|years?|日|時間|分钟|分|秒|週間?|か月|ヶ月|年|小时|天|周)\s*[)）]")
# "720 hours (_____ 日)": a blank in brackets right after a value restates it in another unit
_BRACKETED_BLANK = re.compile(r"\d[\d,.]*\s*[^\W\d_]{1,12}\s*\(\s*" + re.escape(BLANK) + r"\s*[^\W\d_]{1,8}\s*\)")
_MULTI_BLANK_CLOSED = re.compile(re.escape(BLANK) + r" \(\d+\)\s*[A-Za-z]{0,5}\s*\)")
# "_____ (1) (24 h)", "_____ (1) 小时（7 天）": a bracket after a multi-cloze's blank (and its unit's symbol)
_MULTI_BLANK_AFTER = re.compile(re.escape(BLANK) + r" \(\d+\)\s*(?:[A-Za-z]{1,3}|[\u3040-\u30ff\u3400-\u9fff]{1,3})?"
                                r"(\s*[(（][^()（）]{1,20}[)）])")
_BRACKET_SIZE = re.compile(r"^\s*\(\s*~?\d[\d,.]*\s*[KMGT]i?B\s*\)")
_TIME_ANSWER = re.compile(r"\d\s*(?:ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|d|days?|wks?|weeks?|mo|months?|yrs?|years?)\b", re.I)
_SIZE_ANSWER = re.compile(r"\d\s*[KMGTP]i?B\b")
_ONE_UNIT = re.compile(r"1\s*(second|minute|hour|day|week|month|year)s?", re.IGNORECASE)
_CRON = re.compile(r"(?<![\w*/,?-])(?:[\d*/,?-]+\s+){4,5}[\d*/,?-]+(?![\w*/,?-])")   # "0 5 * * *"
# seconds per unit of `_BRACKET_TIME`, by the unit's first letters (longer first: "ms" and "mo" before "m"; months,
# years and the Japanese units are left out)
_SECONDS = (("ms", 0.001), ("mo", None), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400), ("w", 604800))


def _seconds_per(unit: str) -> float | None:
    """Seconds in one `unit` as `_SECONDS` reads it (None for months, years and units it does not know)."""
    return next((v for k, v in _SECONDS if unit.lower().startswith(k)), None)


def _bracket_counts_it(answer: str, after: str) -> bool:
    """Whether a duration's bracket right after it holds a number that counts the same time in ms, seconds or
    minutes ("12 hours (`expires_in: 43200`)")."""
    m = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)\s*(ms|msecs?|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|"
                     r"d|days?|w|weeks?)", answer.strip(), re.IGNORECASE)
    bracket = re.match(r"\s*\(([^()]*[A-Za-z][^()]*)\)", after) if m else None     # (not a blank's "(1)")
    per = _seconds_per(m.group(2)) if m and bracket else None
    if per is None or m is None or bracket is None:
        return False
    seconds = float(m.group(1).replace(",", "")) * per
    return any(abs(float(n.replace(",", "")) - seconds * scale) <= 1e-6 * seconds * scale
               for n in re.findall(r"(?<![\w.])\d[\d,]*(?![\w.])", bracket.group(1)) for scale in (1000, 1, 1 / 60))


def _same_duration(answer: str, after: str) -> bool:
    """Whether a bare number is the bracket's duration counted in ms, seconds, minutes or hours ("ms = _____ (1 min)",
    "before: _____ (1 d)")."""
    m = _BRACKET_TIME.match(after)
    number = answer.replace(",", "")
    if not m or not re.fullmatch(r"\d+(?:\.\d+)?", number) or not re.fullmatch(r"\d+(?:\.\d+)?", m.group(1)):
        return False
    per = _seconds_per(m.group(2))
    if per is None:
        return False
    seconds = float(m.group(1)) * per
    return any(abs(float(number) * scale - seconds) <= 1e-6 * seconds for scale in (0.001, 1, 60, 3600))
# "approx. $3.20/hr per HSM pool ⇒ approx. _____/mo": a figure the notes work out from the value before the arrow
# … and "240.000 vCPU-s = cca _____ sati" (Croatian "cca", "oko": about)
_DERIVED = re.compile(r"\d(?:[^⇒→.;?]|(?<=\d)\.(?=\d)){0,40}(?:(?:⇒|=>|->|→)\s*(?:approx\.?|ca\.|~|≈|about|roughly)"
                      r"|=\s*(?:c?ca\.?|oko|approx\.?|about|roughly))\s*[$€£]?\s*$"
                      r"|\d%\s*(?:~|≈)\s*$", re.IGNORECASE)      # "99.95% ~ _____": the downtime an SLA allows, worked out
_CODE = re.compile(r"`[^`]*$|[A-Za-z_]\w*\([^()]*$")
_EXAMPLE_VALUE = re.compile(r"(?:\beg|\bsay|\bsuch\s+as|\b[a-z]+s\s+like"
                            r"|\b(?:ad|per)\s+esempio|\bes\.),?\s*[~≈]?\s*$"     # Italian: "ad esempio", "es."
                            r"|\(\s*e\.\s?g\.[^()]*$|\(\s*(?:like|ex\.|p\.\s?ex\.|z\.\s?B\.)\s*[~≈]?\s*$"   # "(like _____ keys per SA)"
                            # "…, e.g. max 5 VMs (or 10%) in _____": a value inside an example clause
                            r"|[,;]\s*(?:e\.\s?g\.|p\.\s?e[xj]\.|z\.\s?B\.|t\.\s?ex\.|bijv\.),?\s[^.;()]{0,40}(?:\([^()]*\)[^.;()]{0,20})?$"
                            # "abort config -> e.g. abort if 10% FAILED after at least _____ devs": a clause that is an example
                            r"|(?:->|→)\s*(?:e\.\s?g\.|p\.\s?e[xj]\.|z\.\s?B\.)\s[^.;()]{0,60}$"
                            # "e.g." in any language the notes are in, right before the value or a word or two
                            # ahead: "e.g. _____", "t.ex. max _____ per tim" (Swedish), "trigga på t.ex. >_____ fel"
                            r"|(?:\be\.\s?g\.|\bz\.\s?B\.|\bt\.\s?ex\.|\bf\.\s?eks\.|\bbijv\.|\bp\.\s?e[xj]\.|\bej\.|\bfor\s+(?:example|instance)"
                            r"|\bнапр\.|\bнапример\b|\börneğin\b|\bمثلا[ًا]?|比如|例如|譬如|例えば|예를\s*들어)"  # Russian, Turkish, Arabic, Chinese, Japanese, Korean
                            r"\s*[,:，：、]?\s*(?:[^\s.;]+\s+){0,2}[<>≈~]?\s*$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _worked_example(context: str, body: str) -> str | None:
    """Why a sentence belongs to a worked example, else None (cached: a sentence's questions share it).

    The title counts only when it says "worked example": a card called "Pricing: example" still states prices."""
    headings = context.split(" › ")
    if headings and _WORKED_TITLE.search(headings[0]):
        return f"a line of a worked example ({headings[0][:40]!r})"
    for heading in headings[1:]:
        if _EXAMPLE_HEAD.match(heading) or _WORKING.search(heading):
            return f"a line of a worked example ({heading[:40]!r})"
    if _EXAMPLE_BODY.match(strip_marks(body).lstrip()) or _EXAMPLE_LABEL.search(body) or _SUPPOSED.search(body):
        return "an example, not a fact"
    if _WORKING.search(body):
        return "the sentence works a result out"
    return None


# A key's whole value in quotes (YAML, JSON: `retention: "15 months"`) is the value itself, not a quotation.
_CONFIG_STRING: Final = re.compile(r'\s*(?:-\s+)?(?:"[\w .-]+"|[\w.-]+)\s*:\s*"[^"]*"\s*,?\s*(?:#.*)?$')


@lru_cache(maxsize=4096)
def _trivia_of(body: str, answer: str, answer_value: float) -> str | None:
    """`_trivia` on what it reads (cached: a fact's cloze, multiple choice and numerical share their body)."""
    if _LIST_COUNT.search(body) and not _LIMIT_BEFORE.search(body, 0, body.index(BLANK)):
        return "a count of the notes' own list items"
    if _OR_MORE.search(body) and (answer_value == 1.0 or _ONE.match(answer)):
        return "a 'one or more' lower bound"
    at = body.index(BLANK)
    near = body[max(0, at - 3): at] + " " + body[at + len(BLANK): at + len(BLANK) + 3]
    worked = _ARITHMETIC.search(body.replace(BLANK, "0"))
    # "$0.075 in / _____ out": a pair of values, one per word, not a division
    pair = not re.search(r"(?<![<=])=(?!>)", body) and re.search(r"\d[\d.,]*[kKM]?\s+[a-z]{2,}\s+/\s*[$€£]?$", body[:at]) \
        and re.match(r"\s*(?!(?:since|for|after|before|per|with|from|to|of|and|or|if|when|on|at|in|by)\b)[a-z]{2,}\b",
                     body[at + len(BLANK):])
    if body.lstrip().startswith("=") or (worked and not pair and (_OPERATOR.search(near) or "=" in near
                                                                  or _RESULT_BEFORE.search(body, 0, at))) or (
            re.match(r"\s*\(\s*\d", body[at + len(BLANK):]) and _OPERATOR.search(body[at:at + 60])):
        return "an operand or result of worked arithmetic"
    if _CONFIG_LINE.match(body):
        return "a value in a config snippet ('max_instances: 20'), an example, not a limit"
    if _BRACKETED_BLANK.search(body):
        return "a value restated in brackets ('720 hours (_____ 日)'): the value before it answers it"
    if _RESTATED_AFTER.match(body[at + len(BLANK):]):
        return "restated right after ('_____ per minute, which is ~160 million per month')"
    if _RESTATEMENT_BEFORE.search(body[:at]):
        return "a restatement of the value before it ('4,000 per minute, which is ~_____ per month')"
    if _FUTURE.match(_sentence_around(body, at)):
        return "a plan ('In the future, …'), not a current fact"
    if _typical_range(body[:at], body[at + len(BLANK):]):
        return "an end of a typical range ('typically 200-_____ ms'): values near it are as right"
    if _OR_MORE.match(body, at) and any(
            _ORDINALS[m.group().lower()] + 1 == answer_value for m in _ORDINAL.finditer(body[:at])):
        return "counts on from the ordinals before it ('a second or third …, but _____ or more')"
    if _EXERCISE_COUNT.search(body[:at]):
        return "the count an exercise asks for ('Name _____ valid pipe sources'), not the subject's"
    if _SET_UP_FOR.search(body[at:]):
        return "a value a question after it sets up ('A workflow must wait _____ for a file. Standard or Express?')"
    if re.search(r"(?:^\W*|\bI\s+)(?:said|answered|guessed)\s+[~≈]?$", body[:at], re.IGNORECASE):
        return "a wrong answer the notes record ('said _____ (that's RDS default)'), not the fact"
    if _OWN_VALUE.search(body[:at]) or re.match(r"[^()]{0,15}\(\s*(?:our|my)\s+(?:own\s+)?(?:policy|choice|rule|setup|config|"
                                                r"requirement|decision)", body[at + len(BLANK):], re.IGNORECASE) \
            or _OWN_MEASURE_AFTER.match(body[at + len(BLANK):]):
        return "the author's own figure ('Our Gatsby build is ~_____', 'we did ~_____ last month'), not the subject's"
    if _HYPOTHETICAL.match(_sentence_around(body, at)):
        return "a made-up case ('For instance, a … would …'): its numbers are the example's"
    if _SCENARIO.search(body[:at]):
        return "a number of a worked scenario"
    if _ADVICE_THRESHOLD.search(body):
        return "an advice threshold ('if fewer than _____ …, you almost certainly want …'): a rule of thumb, not a limit"
    if _EXAMPLE_VALUE.search(body[:at]):
        return "an example value ('e.g. …'), not a fact"
    if re.match(r"\s*\(\s*(?:=|off\b|disabled\b|none\b)", body[at + len(BLANK):]):
        return "a gloss right after the blank ('_____ (= no limit)', '_____ (off)') says the answer"
    if re.match(r"\s*(?:[—–-]+|,)?\s*(?:no,?\s+wait|wait,?\s+no|sorry|I\s+mean|scratch\s+that)\b", body[at + len(BLANK):], re.IGNORECASE):
        return "a value the speaker takes back ('10 cents — no wait, 9 cents')"
    if re.search(r"\(\s*(?:he|she|they)\s+said\b[^()]*$", body[:at], re.IGNORECASE):
        return "a value in a reported aside ('(he said ~_____)'), not the fact the line states"
    if re.search(r"\(\s*not\s+(?:just|only)\s*[~≈]?$", body[:at], re.IGNORECASE):
        return "a contrast in brackets ('(not just _____)'): a side remark, not the fact"
    if re.search(r"\b(?:yes|no)\s*(?:\(|,|-|—)\s*(?:up\s+to\s+|max\s+)?[~≈]?$", body[:at], re.IGNORECASE):
        return "a remark on a yes/no cell ('extra cost: yes (_____)', 'PITR: yes, _____'): it names no attribute of its own"
    if (body[:at].count('"') % 2 and not _CONFIG_STRING.match(body)) or body[:at].count("“") > body[:at].count("”"):
        return "a value inside a quotation ('compliance \"must keep 1 yr\"'): an example, not a fact"
    if re.match(r"-[A-Za-z]", body[at + len(BLANK):]) and re.search(r"\d\s*[A-Za-z]", answer):
        return "the blank cuts a unit in two ('_____-seconds' for '360,000 GiB')"
    if _CODE.search(body[:at]) or re.search(r'"[\w-]+"\s*:\s*$', body[:at]) or re.match(r"\s*;\s*\w+=", body[at + len(BLANK):]):
        return "a value in a command, code or a header's parameters ('remaining: _____;w=21600'), not a fact"
    if _DERIVED.search(body[:at]):
        return "a value worked out from the one before the arrow ('$3.20/hr ⇒ approx. _____/mo')"
    if re.search(r"\d:$", body[:at]) or re.match(r":\d\d\b", body[at + len(BLANK):]):
        return "part of a clock time ('05:_____ UTC'), not a quantity"
    if answer.strip() == "1" and re.match(r":\d", body[at + len(BLANK):]):
        return "the 1 of a ratio ('warm / cold ≈ _____:190'): the ratio's other term is the fact"
    after = body[at + len(BLANK):]
    one = _ONE_UNIT.fullmatch(answer.strip())
    if one and re.match(r"\s*\([^()]*\b(?:last|an?|one|per|each|the)\s+" + one.group(1), after, re.IGNORECASE):
        return "the bracket after the blank names its unit once ('_____ (any time within the last hour)' for 1 hour)"
    # a unit of time in any language before a count: "1 日 50,000 回" is a rate's period
    if re.fullmatch(r"1\s*(?:[^\W\d_]{1,8})", answer.strip()) and re.match(r"\s+\d", after) \
            and answer.strip()[1:].strip().lower() in TIME_WORDS:
        return "the period of a rate written before its count ('1 日 50,000 回': 50,000 a day), not a value of its own"
    if _bracket_counts_it(answer, after):
        return "the bracket after the blank gives it in another unit of time ('_____ (`expires_in: 43200`)' for 12 hours)"
    if after.startswith("^") or body[:at].endswith("^"):
        return "a base or an exponent of a power ('_____^32'), not a quantity of its own"
    cron = body[:at] + "0" + after
    if any(m.start() <= at < m.end() and "*" in m.group() for m in _CRON.finditer(cron)):
        return "a field of a cron schedule ('_____ 5 * * *'), not a quantity"
    if _BRACKET_AFTER.match(after) or (_BRACKET_TIME.match(after) and (_TIME_ANSWER.search(answer)
                                                                       or _same_duration(answer, after))) \
            or (_BRACKET_SIZE.match(after) and _SIZE_ANSWER.search(answer)):
        return "a number in brackets right after restates it in other units ('_____ vCPU (8192)', '_____ (1 d)')"
    if re.fullmatch(r"\d+", answer) and re.match(r"\s*\((?=[^()]{0,40}\))(?=[^()]*\b(?:\d+|one|two|three|four|first|last|"
                                                  r"both)\b)[^()]*[A-Za-z][^()]*\s\+\s[^()]*\)", body[at + len(BLANK):]):
        return "the bracket after the blank adds the count up ('_____ (first two + last)')"
    worked_after = re.match(r"\s*[A-Za-z%]{0,8}\s*\(([^()]{1,40})\)", body[at + len(BLANK):])
    if (worked_after and "=" in worked_after.group(1) and _OPERATOR.search(worked_after.group(1))) \
            or re.match(r"[^.;()]{0,40}\(\s*\d[\d ,.]*\s*[/*×÷]\s*\d[\d ,.]*\s*\)", body[at + len(BLANK):]):
        return "the bracket after the blank works the answer out ('_____ (2944 / 199 = 14.8)', '_____ (1 000 / 16)')"
    if re.match(r"\s*\((?:[^()]*?\d[\d.,]*\s*(?:->|→|=>)\s*[$€£]?\d){2}", body[at + len(BLANK):]):
        return "the bracket after the blank lists the values it is worked out of ('~_____ (15->18, 23->27)')"
    if re.match(r"\s*[A-Za-z]{0,8}\s*\(\s*[~≈]?\d[\d.,]*\s*%\s+of\s+[$€£]?\d[^()]*\)", body[at + len(BLANK):]) \
            or re.search(r"\d[^()]{0,30}\(\s*[~≈]?(?:" + re.escape(BLANK) + r"|\d[\d.,]*\s*%)\s+of\s+[$€£]?(?:"
                 + re.escape(BLANK) + r"|\d)[^()]*\)", body):
        return "a share worked out in brackets ('~_____ (1% of 720)', '~7 hours (1% of _____)')"
    if _FORMER_BRACKET.search(body[:at] + BLANK):
        return "a former value in brackets ('(was _____)'), not the current one"
    if _RESTATED.search(body[:at]):
        return "a restatement in brackets of the value beside it ('4.32 min (~4 min _____)')"
    if _CURRENCY.match(answer) and _in_brackets(body[:at]) and _CURRENCY.search(_outside_brackets(body)):
        return "a price restated in brackets per another quantity: worked out from the price beside it"
    if _MARKED_WRONG.match(body, at + len(BLANK)):
        return "a value the notes mark wrong ('15 min  <- (see 2024-02-14, this is WRONG)')"
    if _FORMER.search(body[:at]) or ("was" in body and _was_past(_MULTI_NUMBER.sub("", body))) or _FORMER_LINE.match(body) \
            or _OLDER_BRACKET.match(body, at + len(BLANK)):
        return "a former value ('used to be …', 'was _____ in the early days'), not the current one"
    if _HEDGE.search(body) or _DOUBTED.search(body):
        return "a value the notes are unsure of ('I think …', 'default 2?')"
    if answer.split()[0].lower() in ("0", "1", "zero", "one") and _RANGE_TO.match(body[at + len(BLANK):]) and (
            _LOWER_BOUND.search(body[:at]) or re.match(r"\s*[-–]", body[at + len(BLANK):])):    # "_____-90 days"
        return "a trivial lower bound (0 or 1 to …)"
    if re.fullmatch(r"[\d.,]+", answer) and _LIST_MEMBER.search(body):
        return "a member of a list of values"
    if answer_value in (0.0, 1.0) and re.search(r"\b(?:[a-z]+(?:-[a-z]+)+|[a-z]+(?:\.[a-z_]+)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)"
                                               r"\s*[:=]\s*[\"']?$", body[:at]):
        return "a flag's value ('content-available:1'): on or off, not an amount"
    if answer_value in (0.0, -1.0) and _SWITCH_VALUE.match(body[at + len(BLANK):]):
        return "a switch value ('_____ disables'): the words after it give it away"
    if _series_members(body[:at], body[at + len(BLANK):]) >= (2 if answer.split()[0].isalpha() else 3):  # "one, _____, four"
        return "a member of a series of values ('128MB, 256MB, _____, 1GB')"
    return None


_RESTATED = re.compile(r"\d[^()]*\(\s*(?:~|≈|=|i\.e\.,?|that\s+is,?|approx\.?|roughly|about)[^()]*$", re.IGNORECASE)
_CURRENCY = re.compile(r"[$€£]\s?\d|\d\s?(?:USD|EUR|cents?)\b")
_RANGE_BEFORE = re.compile(r"(?<![\w.,])(\d[\d,]*(?:\.\d+)?)\s*[-–]\s*$")
_RANGE_AFTER = re.compile(r"^\s*[-–]\s*(\d[\d,]*(?:\.\d+)?)(?![\d,.]*\s*[-–]?\s*\d)")
NARROW_RANGE: Final = 2.0    # "10-12 connections", "45-60%": an estimate whose ends are this close is one claim
HEDGED_RANGE: Final = 4.0    # "usually ~10-20 ms": a range marked rough ("~") is one claim even when wider
_ROUGHLY = re.compile(r"[~≈]\s*(?:\d[\d.,]*\s*[-–]\s*)?$")


def _sentence_around(body: str, at: int) -> str:
    """The sentence of a body that holds the blank at `at`, without bullet marks."""
    start = re.split(r"(?<=[.!?])\s+(?=[A-Z])", body[:at])[-1]
    return strip_marks(start).lstrip() + re.split(r"[.;!?](?:\s|$)", body[at:])[0]


def _in_brackets(before: str) -> bool:
    return before.count("(") > before.count(")")


def _outside_brackets(text: str) -> str:
    return re.sub(r"\([^()]*\)", " ", text.replace(BLANK, " "))


def _narrow_range(before: str, after: str, answer: str) -> str | None:
    """The other end of a range the blank ends ("_____-12"), when both ends are within a factor of two."""
    other = _RANGE_BEFORE.search(before) or _RANGE_AFTER.match(after)
    number = _NUMBER.search(answer)
    if other is None or number is None:
        return None
    value, end = float(number.group().replace(",", "")), float(other.group(1).replace(",", ""))
    ratio = max(end, value) / min(end, value) if end > 0 and value > 0 else math.inf
    hedged = _ROUGHLY.search(before[-12:]) is not None
    return other.group(1) if ratio < NARROW_RANGE or (hedged and ratio <= HEDGED_RANGE) else None


# "(used to be _____)", "the previous figure was _____", "older docs: _____", "at launch it was _____"
# "was _____ in the early days", "was 300 for a while": the blank's own sentence says the value is past (`_was_past`)
_FORMER_AFTER = re.compile(r"\s*(?:\w+\s+)?(?:in\s+the\s+early\s+days|for\s+a\s+(?:while|long\s+time)|at\s+(?:first|launch)|originally"
                           r"|back\s+then|before\b|until\s+\d{4})", re.IGNORECASE)
_FORMER = re.compile(r"(?:\bused\s+to\s+(?:be|take|cost|allow|have|support|hold|last|say)\b[^.;()]{0,15}?|\bformerly|"
                     r"\b(?:changed|went|moved|raised|lowered|increased|reduced|dropped)\s+from|\bpreviously|\boriginally|"
                     r"\b(?:older|old|previous|earlier)\s+(?:docs?|documentation|versions?|limits?|values?|defaults?|"
                     r"figures?|prices?|quotas?)\b[^.;()]{0,30}?|\bat\s+launch\b[^.;()]{0,20}?"
                     r"|\b(?:doc|docs|tài\s+liệu)\s+cũ\b[^.;()]{0,30}?|\btrước\s+đây\b[^.;()]{0,30}?"   # Vietnamese "old doc"
                     r"|\bdati\b[^.;()]{0,30}?"       # Tagalog "dati _____ lang" (formerly)
                     # (Croatian: "prije je bilo _____ dnevno", "nekad _____": it was, once)
                     r"|\b(?:prije|ranije|nekad|nekada)\s+(?:je\s+)?(?:bilo|bio|bila|bile)?\b[^.;()]{0,20}?)\s*[:~≈]?\s*$",
                     re.IGNORECASE)
# "legacy (pre-2025) free MC = _____ contacts", "before Mar 2025 it was a permanent free plan, same _____/day",
# "16kb (_____ in older versions)", "For many years, there was a notorious _____ tag limit" (raised since)
_FORMER_LINE = re.compile(r"^\W*(?:legacy\b|(?:before\s+(?:[A-Za-z]{3,9}\.?\s+)?(?:19|20)\d\d|for\s+(?:many|several|some)\s+years)\b"
                          r"[^.;]{0,40}?\b(?:was|were)\b"
                          # (Italian, Portuguese, Spanish: "nb: una volta l'egress gratis era 1 GB, poi alzato a 100 GB")
                          r"|(?:[A-Za-z]{1,10}:\s*)?(?:una\s+volta|in\s+passato|antes|antigamente|antiguamente)\b"
                          r"[^.;]{0,40}?\b(?:era|erano|eram|eran|fue|foi)\b)", re.IGNORECASE)
_MARKED_WRONG = re.compile(r"[^.;]{0,40}?(?:(?:<-+|←|<=+)\s*\(?|\()\s*(?:see\s+[^,)]{1,30},\s*)?(?:this\s+(?:is|was)\s+)?"
                           r"(?:wrong|corrected|incorrect|outdated|not\s+true)\b", re.IGNORECASE)
_OLDER_BRACKET = re.compile(r"\s*[A-Za-z]{0,5}\s+(?:in|on|for|with)\s+(?:older|old|previous|earlier|legacy)\s+[^()]{0,20}\)",
                            re.IGNORECASE)
_HEDGE = re.compile(r"\b(?:i\s+think|i\s+believe|iirc|i'?m\s+not\s+sure|not\s+sure|i\s+guess|if\s+i\s+recall|"
                    r"as\s+i\s+(?:learned|remember|recall|understand)\s+(?:it|them)|something\s+like\s+that|"
                    r"or\s+something|anywhere\s+between|unsure|not\s+certain|not\s+\d+%\s+sure|from\s+memory|"
                    r"check\s+before\s+trusting|some\s+(?:might|may)\s+be\s+off|TODO|FIXME|unverified|"
                    r"(?:might|may)\s+be\s+gone|(?:might|may)\s+(?:have\s+)?(?:changed|ended)\s+(?:since|by\s+now)|"
                    r"verify\s+(?:this|later|before)|old\s+(?:number|value|figure)s?\b(?!\s*(?:[:=]|were|was)?\s*[~$]?\d)|needs?\s+(?:to\s+)?verif\w*|to\s+be\s+(?:checked|verified)|hedge|"
                    r"half[\s-](?:wrote|written|remember(?:ed)?)|no\s+estoy\s+segur[oa]|creo\s+que|no\s+s[ée]|TBC|idk|"
                    r"à\s+(?:vérifier|confirmer|revérifier)|je\s+crois|il\s+me\s+semble|pas\s+s[ûu]r(?:e)?|"
                    r"n[ãa]o\s+tenho\s+(?:100%\s+de\s+)?certeza|pelo\s+que\s+li|acho\s+que|checar|confirmar|"
                    r"unsicher|nicht\s+sicher|(?:Doku\s+)?prüfen|ohne\s+Gewähr|νομίζω|να\s+το\s+ελέγξω|δεν\s+είμαι\s+σίγουρ\w*|"
                    r"nog\s+checken|sjekk\s+dette|don'?t\s+quote\s+(?:this|me)|rough\s+rule|"
                    r"(?:my|reviewer'?s|the\s+reviewer'?s)\s+recollection|"
                    r"لازم\s+أتأكد|مش\s+متأكد|غير\s+متأكد|أظن|"        # Arabic: "must check", "not sure", "I think"
                    r"as\s+far\s+as\s+i\s+(?:remember|know|recall|can\s+tell))\b"
                    r"|\bI\s+(?:had|have|wrote|noted|saw|remember)\b[^.?!]{0,30}\d[^.?!]{0,10}\?"   # "up to... I had 1,000?"
                    r"|\(\s*verify\s*\)|\[\s*(?:check|verify|to\s+check|unverified)\s*\]|\(\?\)|\?\?|\(ish\)|\([^()]*\?\s*\)|\blike\s+~"
                    r"|\b(?:could|might)\s+be\s+(?:~|≈|around\b|about\b|roughly\b)"     # "(… could be ~2 MiB)": a guess
                    r"|(?-i:\bCHECK\b)"          # "10 MB SES size limit — CHECK"
                    # "VPS: contact sales (~$6)": no price is published, the value is a guess
                    r"|\b(?:contact|ask|talk\s+to)\s+(?:the\s+)?sales\b|\bprice\s+on\s+request\b"
                    r"|\bdouble[\s-]?check(?:\s+(?:this|that|it|these))?\s*(?:[,;.!)]|$)"
                    r"|\bsomeone\s+(?:said|told\s+me|mentioned)\b"
                    # Dutch: "meen € 7,50" (I think), "volgens mij", "weet ik niet zeker", "nakijken", "zei iemand"
                    r"|\bmeen(?:\s+ik)?\b|\bvolgens\s+mij\b|\bik\s+denk\b|\bniet\s+zeker\b|\bnakijken\b"
                    r"|\bzei\s+iemand\b"
                    # Swedish: "tror jag, kolla." (I think, check), "kolla SDK-docs", "osäker"
                    r"|\btror\s+jag\b|\bjag\s+tror\b|\bkolla(?:\s+upp)?\s*(?:[.,;!)]|$)|\bkolla\s+(?:\S+-)?docs?\b|\bdubbelkolla\b"
                    r"|\bos[äa]ker\b|\binte\s+s[äa]ker\b"
                    # Vietnamese: "hình như" (it seems), "không/ko chắc" (not sure), "có bài ghi" (an article says),
                    # "cần kiểm tra" (to check); Korean "(재)확인 필요" (to check); Polish "do sprawdzenia", "chyba"
                    r"|hình\s+như|(?:không|ko)\s+chắc|có\s+(?:bài|người|chỗ)\s+(?:ghi|nói|bảo)|cần\s+kiểm\s+tra"
                    r"|(?:재)?확인\s*필요|\bdo\s+sprawdzenia\b|\bchyba\b|\bnie\s+jestem\s+pewn"
                    # Indonesian: "(cek)" (to check), "kalau gak salah" (if I'm not wrong)
                    r"|\(\s*cek(?:\s+lagi)?\s*\)|\bkalau\s+(?:gak|ga|nggak|tidak)\s+salah\b"
                    # Japanese: "要確認" (to check), "だったはず" (it should have been), "らしい" (apparently), "たぶん" (maybe)
                    r"|要確認|確認中|だったはず|らしい|たぶん|多分|かもしれない|うろ覚え"
                    # Danish: "tror jeg" (I think), "ikke sikker" (not sure), "skal tjekkes" (to check)
                    r"|\btror\s+jeg\b|\bjeg\s+tror\b|\bikke\s+sikker\b|\b(?:skal\s+)?tjekke?s?\b|\bdobbelttjek\w*", re.IGNORECASE)
_DOUBTED = re.compile(BLANK + r"[^.;!?]*\?(?![\w/=&])")     # "max records default _____?", "_____?, …": the author asks
_MEMBER = r"(?:[~$€£]?\d+(?:[.,]\d+)*\s?[A-Za-z%]{0,5}|(?:one|two|three|four|five|six|eight|ten|twelve|sixteen)(?:\s+[a-z]+)?)(?:\s*\([^()]{0,20}\))?"
_MEMBERS_BEFORE = re.compile(rf"(?:{_MEMBER}\s*,\s*)+(?:(?:and|or)\s+)?$")
_MEMBERS_AFTER = re.compile(rf"^(?:\s*,\s*(?:(?:and|or)\s+)?{_MEMBER})+")


def _series_members(before: str, after: str) -> int:
    """How many values of a comma-separated series stand around a blank: "4, 8, _____, 32" has three."""
    left = _MEMBERS_BEFORE.search(before)
    right = _MEMBERS_AFTER.match(re.sub(r"^\s?[A-Za-z%]{1,5}\b", "", after))     # "_____ Mbps, 100, 200"
    return (left.group().count(",") if left else 0) + (right.group().count(",") if right else 0)


def _crowded_cell(q: Question) -> str | None:
    """A table cell that holds other values besides the asked one ("_____ (Standard tier) 1000 / Messaging Unit
    (Premium tier)"): which one is meant, and for whom, the stem cannot say."""
    sentence, lead = q.get("sentence"), q.get("lead")
    if not (lead and isinstance(sentence, str)) or q.type not in (*NUMERIC_TYPES, "truefalse"):
        return None
    return "a table cell of several values: which one is asked is unclear" if len(_VALUE.findall(sentence)) > 1 else None


# a name and its figures in brackets, nothing else: "P1mv3 (2 vCPU, 16 GiB of memory)" (not "Multi AZ (3 nodes
# minimum recommended)", which says what the number is)
_BARE_ITEM = re.compile(r"^\s*[^\s():=]+(?:\s[^\s():=]+){0,2}\s*\(\s*~?[$€£]?\d[^()]*?[,;/]\s*~?[$€£]?\d[^()]*\)\s*\.?\s*$")


def _side_remark(q: Question, lk: Lookups) -> str | None:
    """A false statement falsified inside brackets while the sentence states a number outside them; a
    statement of many values, of which the learner cannot tell which one is judged."""
    crowded = _crowded_cell(q)
    if crowded or q.type != "truefalse":
        return crowded
    body, shown = q.get("body"), q.get("shown")
    if not (isinstance(body, str) and isinstance(shown, str)) or shown not in body:
        return None
    if _BARE_ITEM.match(body):
        return "a list item that claims nothing ('P1mv3 (2 vCPU, 16 GiB of memory)'): nothing is true or false"
    if q.answer == "false" and _THRESHOLD_BEFORE.search(body[:body.index(shown)]):
        return "a threshold ('greater than 24 hours are for replay') moved either way still reads true"
    if q.answer == "false" and _NEGATION_BEFORE.search(body[:body.index(shown)]):
        return "a negative claim ('does not support 4096-bit') may hold for the changed value too"
    if q.answer_unit == "USD" and _BRACKETED_PRICE.search(body):
        return "the statement restates its price in brackets: a changed value contradicts it, an unchanged one agrees"
    others = len(_VALUE.findall(body)) - 1
    if others >= MAX_OTHER_VALUES:
        return f"the statement carries {MAX_OTHER_VALUES} or more other values: which one is judged is unclear"
    if q.answer != "false":
        return None
    written = q.get("source_text")
    if isinstance(written, str) and _occurs(body.replace(shown, " ", 1), written.strip(), before="number", after="number") >= 0:
        return f"the false statement still states {written.strip()!r}: it contradicts itself"
    at = body.index(shown)       # the body is cleaned: its brackets are balanced
    depth = sum(1 if ch in "([" else -1 if ch in ")]" else 0 for ch in body[:at])
    # the claim outside the brackets stays true ("expires when the job ends (max 36 h)"): a learner may say true
    return "falsified inside a bracketed side remark" if depth > 0 else None


_THRESHOLD_BEFORE = re.compile(r"\b(?:greater|more|longer|larger|bigger|higher|less|fewer|shorter|smaller|lower)\s+than\s*$",
                               re.IGNORECASE)
_NEGATION_BEFORE = re.compile(r"\b(?:not|no|never|cannot|can't|doesn't|don't|isn't|aren't|won't|without|unsupported)\b"
                              r"[^.;,]{0,40}$", re.IGNORECASE)
RESTATED_TOLERANCE: Final = 0.01   # "7 years (2557 days)": a restatement rounds
BINARY_TOLERANCE: Final = 0.1      # "2,000 GiB (min 2 TB!)": sizes mix decimal and binary units (1 TiB is 1.0995 TB)


def _restates(a: float, b: float, unit: str | None) -> bool:
    """Whether two values of one unit are the same quantity as people write it (rounded when converted; never
    for percentages, where 99.99 and 99.999 are different promises)."""
    if unit == "percent":
        return same_quantity(a, b)
    tolerance = BINARY_TOLERANCE if unit == "B" else RESTATED_TOLERANCE
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


MAX_OTHER_VALUES: Final = 3       # a true/false statement with this many values besides its own tests too much at once
_BRACKETED_PRICE = re.compile(r"\([^()]*[$€£¢]\s?\d[^()]*\)|\([^()]*\d\s?(?:USD|cents?)\b[^()]*\)")
_VALUE = re.compile(r"(?<![\w.,])(?!(?:19|20)\d\d\b)\d[\d,.]*")     # a year ("November 2016") is a date, not a value


MIN_CONTENT_WORDS = 3
_NEGATIVE_AFTER = re.compile(r"^\s+(?:is|are|was|were)\s+not\b|^\s+(?:isn't|aren't|doesn't|don't)\b", re.IGNORECASE)
_AUTHOR = re.compile(r"(?<![\w/])I(?:'m|'ve)?(?![\w/])|\bmy(?:self)?\b|\blol\b|\bwe\s+(?:landed\s+on|picked|chose|went\s+with|"
                     r"settled\s+on|decided|use\s+in\s+prod)\b|\bour\s+(?:setup|cluster|prod|team|account|lab|choice)\b|"
                     r"\btime\s+budget\b|\b[Cc]lient's\b|\b[Cc]lient\s+(?:is|was|runs|ran|has|had|pays|paid|thought|workshop|wants|"
                     r"wanted|needs|needed|uses|used|on)\b")


@lru_cache(maxsize=8192)
def _authors_own(sentence: str) -> bool:
    """`_AUTHOR` on a sentence (cached: a sentence's questions share it)."""
    return _AUTHOR.search(sentence) is not None


MAX_TERM_STEM = 220     # characters: a term blanked in a longer stem is a needle in a paragraph


_SIZE: Final = re.compile(r"\d\s?(?:[KMGTPE]i?B|bytes?)$", re.IGNORECASE)
# the nouns a size before them is plainly the size of ("a 256 KB payload", "16 GB RAM")
_SIZED: Final = re.compile(r"(?:of|max(?:imum)?|min(?:imum)?|limit|cap|total|payload|size|storage|memory|ram|disk|"
                           r"cache|quota|free|in|on|at|for|to|is|are|=|:)\b", re.IGNORECASE)
_NUMBERED_BLANK: Final = re.compile(re.escape(BLANK) + r"(?: \(\d+\))?")     # "_____", or a multi-cloze's "_____ (2)"


def _size_before_noun(q: Question, body: str) -> bool:
    """A blank for a size that opens its clause and stands before the noun it qualifies ("1,600 cols per table,
    _____ identifiers"; "_____ (1) SQL statement"): with the unit hidden it reads as how many identifiers."""
    if q.type not in ("cloze", "numerical", "multi_cloze"):
        return False
    parts = q.get("answers") if q.type == "multi_cloze" else [q.answer]
    for m, part in zip(_NUMBERED_BLANK.finditer(body), parts if isinstance(parts, list) else []):
        before = re.split(r"[,;:\n]|›", body[:m.start()])[-1]
        clause = re.split(r"[,;:(\n]|›", body[m.end():])[0]
        if _SIZE.search(str(part).strip()) and not before.strip(" -*•") and re.match(r"\s[A-Za-z]", clause) \
                and not _SIZED.match(clause.lstrip()) and not re.search(r"\b(?:per|each|a|an)\b", clause):
            return True
    return False


def _unanswerable(q: Question, lk: Lookups) -> str | None:
    if q.type in ("shortanswer", "calculated") or (q.type in ("truefalse", "multichoice") and BLANK not in q.stem
                                                   and q.generator == "qa"):
        return None
    context = q.get("context")
    heading = context if isinstance(context, str) else ""
    body = _body(q)
    words = _content_words(f"{heading} {body}")
    if words < MIN_CONTENT_WORDS:
        return f"only {words} word(s) around the blank: it says neither whose nor what"
    if (BLANK in body or q.type == "truefalse") and body.rstrip().endswith(":"):
        return "a list's lead-in ('… memory-to-core ratios:'): the list it introduces is not shown"
    if BLANK in body and not _content_words(_NUMBERED_BLANK.sub(" ", body)) \
            and not heading.rstrip().endswith("?"):      # (the answer to a drill's question: "HDD writes? › _____")
        return "the line is the blanks alone ('_____ (1) or _____ (2)'): it says nothing of what is asked"
    if _size_before_noun(q, body):
        return "a size written before its noun ('16 MB SQL statement' as '_____ SQL statement'): the blank reads as a count"
    if _DEICTIC.match(body):
        return f"'{body.split()[0]}' points at a sentence the question does not show"
    notes = _NOTES_REFERENCE.search(body)
    if notes:
        return f"'{notes.group(0)}' points at a part of the notes the question does not show"
    all_of = _ALL_OF_THEM.match(body)
    if all_of and not (all_of.group(0).lower() == "both" and re.search(r"\b(?:two|2|both)\b", heading or "", re.IGNORECASE)):
        return f"'{all_of.group(0)}' stands for a list the question does not show"
    term = next((h for h in (heading.split(" › ") if heading else []) if _ONE_TERM_OF.search(h)), None)
    if term:
        return f"one term of '{term[-30:]}', which the question cannot state"
    pointer = (_PRONOUN_START.match(body) or _DEMONSTRATIVE.match(body) or _VAGUE_THING.search(_first_sentence(body))
               or _ALSO.search(_first_sentence(body)))
    if pointer and _cut_from_its_line(q, lk):
        return f"'{pointer.group(0)}' refers to the sentence before it, which the question does not show"
    shown = f"{heading} {body}"
    thing = _DEMONSTRATIVE.match(body)
    if thing and " › " not in heading and plain_words(agree(thing.group(1).lower(), 1)) not in plain_words(heading):
        return f"'{thing.group(0)}' names something the question does not show"
    if _PRONOUN_START.match(body) and not _names_a_subject(q, shown):
        return f"'{body.split()[0]}' stands for a subject the question does not name"
    if q.type == "term_cloze" and len(body) > MAX_TERM_STEM:
        return "a term cloze over a paragraph"
    if q.type == "term_cloze" and _sentence_states_a_value(q, lk):
        return "a term blanked in a sentence whose point is its value: the value is asked instead"
    if q.type == "term_cloze" and BLANK in body and _NEGATIVE_AFTER.match(body[body.index(BLANK) + len(BLANK):]):
        return "'_____ is not …': many terms are not"
    if q.type == "term_cloze" and BLANK in body and len(re.findall(r'["“”]', body[:body.index(BLANK)])) % 2:
        return "a term inside a quoted phrase ('\"_____ must not lose disks\" -> Deallocate'): the quote is a cue"
    misplaced = _term_out_of_place(body) if q.type == "term_cloze" and BLANK in body else None
    if misplaced:
        return misplaced
    if BLANK in body and re.search(r"\d\s?[x×]$", q.answer.strip()) and _AN_EXAMPLE_BEFORE.search(body[:body.index(BLANK)]):
        return "'a sudden _____ spike': a multiple set up as an example, not a limit"
    if q.type == "numerical" and re.search(r"\d\s?[x×]$", q.answer.strip()):
        return "a multiple ('2.5x') typed as a bare number: times, or percent more?"
    if _authors_own(_first_sentence(body)):
        return "the author's own remark ('my practice test'), not the subject"
    if body.startswith("("):
        return "the sentence is a bracketed remark cut out of its sentence"
    if _TRAILS_OFF_START.match(body) or _TRAILS_OFF_END.search(body[-16:]):
        return "a fragment the notes leave unfinished ('… up to 16xlarge', 'maxmemoryconsumptionperiterator …')"
    parts = q.get("answers") if q.type == "multi_cloze" else None
    last_size = bool(parts) and isinstance(parts, list) and re.search(r"\d\s*[KMGTP]i?B\b", str(parts[-1])) is not None
    if (q.answer_unit == "B" or last_size) and BLANK in body and _SPEC_LIST_END.search(body) \
            and not _NAMES_STORE.search(f"{heading} {body}"):
        return "a size at the end of a spec list ('4 vCPU, _____'): memory or disk, the stem does not say"
    sentence = q.get("sentence")
    lead = q.get("lead")
    if isinstance(lead, str) and re.search(r"\([^()]*\(", lead):
        return "a table header in brackets inside brackets: the stem does not read"
    if q.get("lead") and isinstance(sentence, str) and sentence.strip().startswith("("):
        return "a table cell that holds a bracketed remark, not a value of its column"
    vague = _WHICH_SETTING.match(body)
    if vague and not _says_which(heading, body):
        return f"'{vague.group(0)}' does not say which setting"
    if _BRACKET_ONLY.match(body) and not _NAMES_A_LIMIT.search(body):
        return "the value is a bracketed note on a name: the stem does not say what it measures"
    asked = _asked_body(q)[0] if q.type == "truefalse" else body    # "1 RCU = 6 eventually consistent": of what?
    if q.answer_unit in (None, "count") and (q.type in NUMERIC_TYPES or q.type == "truefalse") and BLANK in asked \
            and (adjective := _NO_NOUN_AFTER.match(asked[asked.index(BLANK) + len(BLANK):])) \
            and zipf_frequency(adjective.group(1), "en") >= ENGLISH_ZIPF:       # (not Turkish "25 kural", rules)
        return "the count is followed by no noun: the stem does not say what it counts"
    asked, _ = _asked_body(q)
    if q.answer_unit not in (None, "count") and q.type != "multichoice" and BLANK in asked and \
            _ABBREVIATION_AFTER.match(asked[asked.index(BLANK) + len(BLANK):]):
        # (options written with their units say which reading is meant)
        return "'min'/'max' right after the blank reads as part of the value ('_____ min per query')"
    if q.type == "truefalse" and _BOUND_PHRASE.match(body) and not _VERB.search(body):
        return "a noun phrase ('A maximum of 100 … at tenant scope.'), not a claim to judge true or false"
    if q.type == "truefalse" and re.search(r"\?\s*(?:→|->|=>|:|-)\s*\S", body):
        return "a question and its answer ('which CDN? → Cloudflare, 100 s'): not a claim to judge true or false"
    if q.type == "truefalse" and re.match(_IMPERATIVE, body, re.IGNORECASE) and not body.split()[0].isupper() \
            and not re.match(r"\w+\s+(?:is|are|cases?)\b", body):    # (not "COPY INTO keeps …")
        return "an instruction ('Use … for …'): it is neither true nor false"
    if BLANK in body and _RANGE_OF.search(body[:body.index(BLANK)]) and not _says_which(heading, body) \
            and not _NAMES_A_LIMIT.search(body[:body.index(BLANK)]):
        return "'a range of 4 to _____' does not say a range of what"
    if re.search(r"\d\s?(?:[x×]|times)$", q.answer.strip()) and _COMPARATIVE.search(body) and not _BASELINE.search(body):
        return "a multiple of a baseline the stem does not name ('Higher throughput (up to 3x)': than what?)"
    if BLANK in body and _INSTEAD.match(body[body.index(BLANK) + len(BLANK):]):
        return "'_____ instead' is set against a value the question does not show"
    if BLANK in body and _WAS_BEFORE.search(body[:body.index(BLANK)]) \
            and _BEFORE_AFTER.match(body[body.index(BLANK) + len(BLANK):]):
        return "a former value ('was _____/day before'), not the current one"
    if not heading.strip() and q.subject is None and q.generator != "qa":
        return "no heading and no name in the sentence: whose value it is, the question does not say"
    if q.type in (*NUMERIC_TYPES, "truefalse") and _named_size(q, f"{heading} {body}"):
        return "the size name holds the answer ('E8 (vCPU): _____' is 8)"
    if BLANK in body and _NEGATED.search(body[:body.index(BLANK)]):
        return "'not _____' asks for a value the notes rule out"
    if BLANK in body and q.type in NUMERIC_TYPES and _BRACKET_OPENS_AFTER_VALUE.search(body[:body.index(BLANK)]) \
            and re.match(r"\s*[A-Za-z]{0,5}\s*\)", body[body.index(BLANK) + len(BLANK):]):
        return "'86,400 (_____)': the bracket restates the value before it in other units"
    if q.type in NUMERIC_TYPES and BLANK in body and _in_arrow_chain(body):
        return "a value in a chain of arrows ('0 → 1 → _____', 'a --> b --> _____'): which step, the stem cannot say"
    if q.type in (*NUMERIC_TYPES, "multi_cloze", "truefalse") and (
            _SO_RESULT.search(body) or BLANK in body and _ARROW_SO.search(body, 0, body.index(BLANK))):
        return "a value of a worked result ('… 6 RPM per 1,000 TPM. So 60K TPM has _____ RPM', '→ so RPO _____')"
    if _defines_a_unit(q):
        return "'one text unit is up to 1,000 characters' defines a unit: its 'one' is not a fact"
    if q.type in (*NUMERIC_TYPES, "multi_cloze", "truefalse") and _in_unit_identity(q, body):
        return "a conversion between units ('1 TiB = 1.0995 TB'), not a fact of the subject"
    if q.type == "multi_cloze" and re.search(re.escape(BLANK) + r" \(\d+\)\s*\(\s*[~≈]?\s*" + re.escape(BLANK)
                                             + r" \(\d+\)\s*[A-Za-z]{0,5}\s*\)", body):
        return "'_____ (1) (_____ (2))': one blank restates the other in other units"
    if q.type == "multi_cloze" and (
            any(_BRACKET_TIME.match(rest) or _BRACKET_SIZE.match(rest) for rest in _MULTI_BLANK_AFTER.findall(body))
            or any(_BRACKET_OPENS_AFTER_VALUE.search(body[:m.start()]) for m in _MULTI_BLANK_CLOSED.finditer(body))):
        return "'_____ (1) (24 h)', '86400 (_____ (1))': a bracket restates a value in other units"
    # "4,096 pre-repl. = 12,288 replicas" stated true or false too; not "1 RCU = 1 strongly consistent read", a definition
    asked, value = _asked_body(q) if q.type == "truefalse" else (body, "")
    clause = _MULTI_NUMBER.sub("", _clause_of_blank(asked)) if BLANK in asked else ""
    if clause and q.type in (*NUMERIC_TYPES, "multi_cloze", "truefalse") and _EQUATION.search(clause) \
            and not (q.type == "truefalse" and (value == "1" or _DEFINITION.match(clause))):  # "_____ (1) msg = _____ (2) msgs" too
        return "a value of a worked equation ('a request with _____ characters = 3 text units')"
    relative = _RELATIVE.search(body)
    if relative:
        return f"'{relative.group(0).replace(BLANK, '…')}' is relative to a value the question does not show"
    protocol = _PORT_PROTOCOLS.get(q.answer.strip())
    hint = re.search(re.escape(BLANK) + r"\s*\(([^()]{1,20})\)", q.stem) if protocol else None
    if protocol and hint and protocol.search(hint.group(1)):
        return f"the stem names the protocol of port {q.answer.strip()}"
    if re.fullmatch(r"[1-5]\d\d", q.answer.strip()) and _STATUS_PHRASE.match(q.stem, q.stem.find(BLANK) + len(BLANK)):
        return "the status's name after the blank gives its code away ('_____ Conflict' for 409)"
    if q.type in NUMERIC_TYPES and _IRREGULAR_GROUPS.search(q.answer):
        return f"'{q.answer}' groups its digits irregularly: a typed answer cannot match it"
    written = q.get("source_text")
    if q.type == "truefalse" and isinstance(written, str) and _IRREGULAR_GROUPS.search(written):
        return f"'{written}' groups its digits irregularly: a learner cannot tell a typo from a wrong value"
    if q.type in NUMERIC_TYPES and re.search(r"\bor\b", q.answer):
        return f"'{q.answer}' is two values: an answer of one is right too"
    spelt = NUMBER_WORD.match(q.answer) if q.type in ("cloze", "numerical") else None
    if spelt and len(q.answer[spelt.end():].split()) >= 2:
        return f"'{q.answer}' is a phrase: a typed answer ('one temporary app') would not match it"
    if _EACH.search(body) and _cut_from_its_line(q, lk):
        return "'each' stands for things named in a sentence the question does not show"
    if _repeated_line(q, lk):
        return "the card repeats this line with other values: the stem cannot say which"
    if _answer_without_question(q, lk, heading):
        return "the answer to the card's own question, asked without the question"
    return None


def _answer_without_question(q: Question, lk: Lookups, heading: str) -> bool:
    """A blank in the line that answers the card's question ("Run it elsewhere - the maximum timeout is _____"),
    with the question not shown: the scenario said whose and what, and the answer alone does not."""
    if q.generator == "qa":
        return False
    qa = lk.qa(q.card_id)
    if qa is None or plain_words(clean(qa.question)) in plain_words(heading):
        return False
    return q.line_index == qa.line_index or (
        q.line_index < len(qa.card.lines) and _EXPLAINS.match(qa.card.lines[q.line_index].text) is not None)


# "Why: …", "Because …": a line that explains the card's answer in the terms of its scenario
_EXPLAINS = re.compile(r"^\s*(?:[-*•]\s*)*(?:why|because|reason|explanation|rationale)\b\s*:?", re.IGNORECASE)


def _sentence_states_a_value(q: Question, lk: Lookups) -> bool:
    """Whether one of the card's facts sits in the question's sentence ("raise the limit of 350 ENIs with _____")."""
    sentence = q.get("sentence")
    return isinstance(sentence, str) and any(
        f.site is not None and f.site.line_index == q.line_index and f.site.sentence == sentence and f.role == "value"
        for f in lk.by_card.get(q.card_id, ()))


def _repeated_line(q: Question, lk: Lookups) -> bool:
    card = lk.cards.get(q.card_id)
    if card is None or not 0 <= q.line_index < len(card.lines) or q.type in ("term_cloze", "shortanswer"):
        return False
    own = _masked_line(card.lines[q.line_index].text)
    twins = [i for i, line in enumerate(card.lines) if _masked_line(line.text) == own]
    if len(twins) < 2:
        return False
    layout = lk.layout(card)    # "hitsPerPage: / max: 1000" and "paginationLimitedTo: / max: 20000" are told apart
    return sum(layout.parent(i) == layout.parent(q.line_index) for i in twins) > 1


@lru_cache(maxsize=8192)
def _masked_line(text: str) -> str:
    """A line with its values masked, names that hold digits kept ("SHA256: # iterations")."""
    text = re.sub(r"^\s*(?:\d{1,2}[.)]\s*)?", "", strip_marks(text))
    return re.sub(r"(?<![\w-])\d[\d,.]*", "#", " ".join(text.split()).lower())


# Well-known ports whose protocol, in brackets right after the blank, gives them away ("only port _____ (https)")
_PORT_PROTOCOLS: Final = {port: re.compile(rf"\b(?:{names})\b", re.IGNORECASE) for port, names in {
    "22": "ssh|sftp", "80": "http", "443": "https|tls", "3389": "rdp", "3306": "mysql", "5432": "postgres(?:ql)?",
    "1433": "sql\\s+server|mssql", "6379": "redis", "27017": "mongo(?:db)?", "53": "dns", "25": "smtp"}.items()}
_EACH = re.compile(r"\b(?:for|of|on|per)\s+each\s+(?:is|are|was|has|gets)\b|\beach\s+(?:is|are)\s+(?:limited|capped)\b",
                   re.IGNORECASE)
# "The default setting is _____ for all rule types": a setting named in a line the question does not show
_WHICH_SETTING = re.compile(r"^(?:[A-Za-z][^,.;:()]{0,40},\s*)?(?:the|its|this)\s+(?:default\s+)?"
                            r"(?:setting|value|default|option|parameter)\s+(?:is|was|=)\b", re.IGNORECASE)


def _says_which(heading: str, body: str) -> bool:
    """Whether the innermost heading names one setting (not a title listing two: "TCP reset and idle timeout")."""
    inner = heading.split(" › ")[-1] if heading else ""
    return bool(inner) and " › " in heading and not re.search(r"\band\b|,|/|&", inner)


# "Environment variables (_____)": a value noted on a name, which says neither size nor count nor time
_BRACKET_ONLY = re.compile(r"^[^()]{1,60}\(\s*(?:up\s+to|max\.?|<=?|≤)?\s*" + BLANK + r"\s*\)\s*\.?$", re.IGNORECASE)
_NAMES_A_LIMIT = re.compile(r"\b(?:max\w*|min\w*|limit\w*|size|length|default|timeout|retention|capacity|"
                            r"quota|cost|price|duration|memory|storage|throughput|rate)\b", re.IGNORECASE)
# "1 RCU = _____ eventually consistent": the thing counted was left on another line
_NO_NOUN_AFTER = re.compile(r"^\s*(?:[a-z]+ly\s+)?([a-z]+(?:ent|ant|ive|al|ous|ble|ic))\s*[.)]?\s*$", re.IGNORECASE)
ENGLISH_ZIPF = 2.5       # an English word ("zonal" 2.7), not one of another language that ends alike ("kural" 1.3)
_ABBREVIATION_AFTER = re.compile(r"^\s+(?:min|max|avg)\b(?!\s*[:=(])", re.IGNORECASE)
_COMPARATIVE = re.compile(r"\b(?:higher|faster|cheaper|better|lower|slower|more|less|bigger|larger|smaller)\b",
                          re.IGNORECASE)
_BASELINE = re.compile(r"\b(?:than|vs\.?|versus|compared|relative|over|of\s+the)\b", re.IGNORECASE)
_INSTEAD = re.compile(r"^[^.;]{0,20}\binstead\b", re.IGNORECASE)
_AN_EXAMPLE_BEFORE = re.compile(r"\b(?:a|an|say)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
# "... up to 16xlarge (mem): _____" continues the row above; "(~_____ default, maxmemory…periterator ...)" trails off
_TRAILS_OFF_START = re.compile(r"\s*(?:\.\.\.|…)")
_TRAILS_OFF_END = re.compile(r"(?<![,\s])(?<!\betc)\s*(?:\.\.\.|…)\)?\s*\.?\s*$")
_SPEC_LIST_END = re.compile(r"(?:\d[\d.,]*|" + re.escape(BLANK) + r" \(\d+\))\s*[A-Za-z]+,\s*" + re.escape(BLANK)
                            + r"(?: \(\d+\))?\s*[.;]?\s*$")
_NAMES_STORE = re.compile(r"\b(?:ram|mem\w*|disk|storage|ssd|hdd|volume|cache|heap|gib\s+of|gb\s+of)\b", re.IGNORECASE)
_WAS_BEFORE = re.compile(r"\b(?:was|were|used\s+to\s+be)\s*[~$≈]?$", re.IGNORECASE)
_BEFORE_AFTER = re.compile(r"^[^.;)]{0,25}\b(?:before|previously|earlier|in\s+the\s+past|until|originally)\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|never)\s+(?:~|\$)?$", re.IGNORECASE)
_BRACKET_OPENS_AFTER_VALUE = re.compile(r"\d\s*[A-Za-z/%-]{0,12}\s*\(\s*(?:~|=|≈|about|approx\.?|i\.e\.,?)?\s*$", re.IGNORECASE)
# "a request with _____ characters = 3 text units": the blank is one side of a worked equation
# (also "800 s = 13 min and _____ s": a value counted in two units)
_EQUATION = re.compile(re.escape(BLANK) + r"(?:[^=.;()]|\.(?= =)){0,30}=\s*[~$]?(?:\d|" + re.escape(BLANK)
                       + r")|\d(?:[^=.;()]|\.(?= =)){0,30}=\s*[~$]?(?:\d[\d.,]*\s*[A-Za-z]{1,8}\s+(?:and|y|und|et|e|i|\+)\s+)?"
                       + re.escape(BLANK))
_DEFINITION = re.compile(r"^\W*1\s+[A-Za-z]")      # "1 WCU = 1 write of 1 KB per second": what a unit is
_MULTI_NUMBER = re.compile(r"(?<=" + re.escape(BLANK) + r") \(\d+\)")
# "So a deployment with 60K TPM has 360 RPM": a sentence that works a result out of the one before
_ARROW: Final = r"(?:-{1,2}>|→|=>)"
_CHAIN_BEFORE = re.compile(_ARROW + r"[^()\[\],;.→>]*$")
_CHAIN_AFTER = re.compile(r"[^()\[\],;.→<>-]*" + _ARROW)


def _in_arrow_chain(body: str) -> bool:
    """The blank is a link of a chain of two or more arrows ("0 → 1 → _____", "_____ --> 128 KB --> 256 KB"),
    not a value beside one ("(Enterprise -> Enterprise VM), _____-core min")."""
    at = body.index(BLANK)
    linked = _CHAIN_BEFORE.search(body, 0, at) or _CHAIN_AFTER.match(body, at + len(BLANK))
    return linked is not None and len(re.findall(_ARROW, body)) >= 2


_ARROW_SO = re.compile(r"(?:->|→|=>)\s*(?:so|thus|hence|therefore)\b", re.IGNORECASE)
_SO_RESULT = re.compile(r"(?:^|[.;]\s+)(?:so|thus|hence|therefore|that\s+means|which\s+means)\b[^.;]*\d", re.IGNORECASE)


def _named_size(q: Question, shown: str) -> bool:
    """A CPU count asked beside a size whose name spells it ("E8 (vCPU)", "NC24-A100", "D4s_v5 … 4 vCPU")."""
    written = q.get("source_text")
    number = written if isinstance(written, str) and written.isdigit() else None
    if number is None or not _CPU_WORD.search(shown):
        return False
    return re.search(rf"(?<![\w.])[A-Z][A-Za-z]{{0,3}}{number}[a-z]{{0,4}}(?:[-_][A-Za-z0-9]+)*(?![\w.])", shown) is not None


_CPU_WORD = re.compile(r"\b(?:v?CPUs?|cores?|GPUs?)\b", re.IGNORECASE)


def _defines_a_unit(q: Question) -> bool:
    """The value is the one of a unit's definition ("one text unit is up to 1,000 characters", "1 RCU = …")."""
    written, sentence = q.get("source_text"), q.get("sentence")
    if not isinstance(written, str) or not isinstance(sentence, str) or not _ONE_OF_UNIT.match(written):
        return False
    return re.search(re.escape(written) + r"\s+(?:is|=|equals|means|covers)\b[^.;]*\d", sentence, re.IGNORECASE) is not None


def _in_unit_identity(q: Question, body: str) -> bool:
    """The asked value is a side of "1 X = N Y" where X and Y are units of one kind ("1 TiB = 1.0995 TB")."""
    shown = q.get("shown") if q.type == "truefalse" else BLANK
    for m in _UNIT_IDENTITY.finditer(body):
        if isinstance(shown, str) and shown in m.group(0) and _same_kind_units(m.group(1), m.group(2)):
            return True
    # "1 hour = 3600", "1 dakika = _____": a unit of time counted in seconds (the number's unit left out)
    return any(m.group(1).lower() in TIME_WORDS and isinstance(shown, str) and shown in m.group(2)
               for m in _TIME_IDENTITY.finditer(body))


@lru_cache(maxsize=1024)
def _same_kind_units(a: str, b: str) -> bool:
    kinds = {kind_of(canonical(1.0, unit_expr(u))[1]) if names_a_unit(u) else None for u in (a, b)}
    return len(kinds) == 1 and None not in kinds and "other" not in kinds


_UNIT_IDENTITY = re.compile(r"\b1\s*([A-Za-z]{1,8})\s*=\s*[~≈]?\s*(?:\d[\d.,]*|" + re.escape(BLANK) + r")\s*([A-Za-z]{1,8})\b")
_TIME_IDENTITY = re.compile(r"(?<![\w.,])1\s*(\w{1,10})\s*=\s*[~≈]?\s*(\d[\d.,]*|" + re.escape(BLANK) + r")(?!\s*[^\W\d])")
_ONE_OF_UNIT = re.compile(r"^(?:one|1|a\s+single)\s+[a-z]", re.IGNORECASE)


def _clause_of_blank(body: str) -> str:
    """The bracket that holds the blank, else its sentence: where a worked equation would sit."""
    at = body.index(BLANK)
    open_ = body.rfind("(", 0, at)
    if open_ >= 0 and ")" not in body[open_:at]:
        close = body.find(")", at)
        return body[open_:close if close >= 0 else None]
    ends = [m.start() for m in _CLAUSE_END.finditer(body)]     # "4,096 pre-repl. = _____": an abbreviation's dot goes on
    start = max([i + 1 for i in ends if i < at], default=0)
    return body[start:min([i for i in ends if i >= at], default=len(body))]


_CLAUSE_END = re.compile(r"[.;] (?=\s*[^\s=~≈])")
_RANGE_OF = re.compile(r"\b(?:has|have)\s+a\s+(?:\w+\s+)?range\s+of\s+[~$]?\d[\d.,]*\s*(?:to|-)\s*$", re.IGNORECASE)
# "_____ that per 100 RU/s", "_____ the price of": a multiple of something said before
_RELATIVE = re.compile(BLANK + r"\s+(?:that|this|those|the\s+(?:above|previous|same))\s+(?:per|of|for|price|cost|amount|"
                       r"value|rate|number|limit)\b", re.IGNORECASE)
# "1,00,000": a typo or another numbering system; "5,000" and "1,000,000" are regular
# "1,00,000", "1,0000": not "1,5 MB" or "$0,08" (a decimal comma, read as one)
_IRREGULAR_GROUPS = re.compile(r"(?<![\d,])(?!0,)\d+,(?:\d{1,2}(?=,\d)|\d{4,})(?!\d)")   # "0,0025": a decimal comma
# "(in step 2c)", "notifications such as this one", "the table above": a part of the notes, not the subject.
_NOTES_REFERENCE = re.compile(r"\bin\s+step\s+\d+[a-z]?\b|\bslide\s+\d+\b|\bsuch\s+as\s+this\s+one\b|\b(?:shown|listed|see)\s+(?:above|below)\b"
                              r"|\bsee\s+(?:\w+\s+){1,5}(?:above|below)\b|\bas\s+(?:described|explained|shown|noted)\s+(?:here|above|below)\b"
                              r"|\bthe\s+(?:table|list|figure|diagram|graph|image)\s+(?:above|below)\b"
                              r"|\b(?:in|as\s+in|see)\s+this\s+(?:\w+\s+)?(?:diagram|figure|picture|image|screenshot|chart)\b",
                              re.IGNORECASE)
_ALL_OF_THEM = re.compile(r"^(?:these|those|they|both)(?:\s+(?:all|both|each))?(?=\s+(?:default|are|have|can|must|use|apply|configurable|adjustable|range|limited|capped))",
                          re.IGNORECASE)
# A heading that makes its lines terms of one expression: "the maximum of:", "1 LCU = the max of:", "one of:".
_ONE_TERM_OF = re.compile(r"\b(?:max(?:imum)?|min(?:imum)?|greater|greatest|larger|largest|higher|lesser|smaller|lower|"
                          r"one|any|either)\s+of\s*:?\s*$", re.IGNORECASE)
# "the limit", "this quota": which one was said in a sentence the question does not show.
_VAGUE_THING = re.compile(r"\b(?:this|that|these|those|the)\s+(?:limits?|quotas?|caps?)\b(?!\s+(?:of|on|for|per|in)\b)",
                          re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"[.!?](?=\s+[A-Z])")


def _first_sentence(body: str) -> str:
    stop = _SENTENCE_STOP.search(body)
    return body[:stop.start()] if stop else body


def _cut_from_its_line(q: Question, lk: Lookups) -> bool:
    """The question's sentence was cut from the middle of its line: a sentence of the line comes before it."""
    sentence, card = q.get("sentence"), lk.cards.get(q.card_id)
    if not isinstance(sentence, str) or card is None or not 0 <= q.line_index < len(card.lines):
        return False
    line = card.lines[q.line_index].text
    return not strip_marks(line).lstrip().startswith(strip_marks(sentence).lstrip()[:30])


# Words that may follow a blanked name which is the subject or object of its clause ("_____ is", "_____ on demand");
# any other word makes the name a modifier ("an _____ bucket", "_____ Standard/Premium"), where many names fit.
_CLAUSE_WORDS = frozenset("""
    is are was were be been has have had can cannot can't could does doesn't do don't did will won't would must should
    may might lets allows supports stores runs gives uses handles provides needs keeps sends takes adds makes returns
    works offers caches holds requires replaces became becomes gets charges bills costs calls reads writes
    only also then always never now still just already automatically itself alone too instead first
    in on at to from with by via using for of into onto over under behind inside within across through per as than
    when where which that who if but so because unless until while after before
""".split())
_PARTNER_BEFORE = re.compile(r"\b(?:integrat\w*|works?|combined|paired|compatible)\s+with\s*$|\bsupports?\s*$", re.IGNORECASE)
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor|&|\+|/)\s*$", re.IGNORECASE)
_LIST_AFTER = re.compile(r"^\s*(?:,|(?:and|or|&|\+|/)\s)", re.IGNORECASE)


def _term_out_of_place(body: str) -> str | None:
    """Why a blanked name is not the one answer of its clause, or None when it is (see `_CLAUSE_WORDS`)."""
    at = body.index(BLANK)
    if _one_of_a_list(body, at):
        return "the blank is one example among others, not the one answer"
    before, after = body[:at], body[at + len(BLANK):]
    if before.count("`") % 2:
        return "the blank is inside a code span: it asks for a literal, not a name"
    if re.search(r"[\w-]$|\w[:.]$", before) or re.match(r"^[\w-]|^[:.]\w", after):
        return "the blank is part of a longer word ('SSE-_____', '_____-backed', '_____:groups'): it spells the answer out"
    after = re.sub(r"^\s*\([^()]*\)", "", after)      # "_____ (Schema Conversion Tool) converts …"
    if _LIST_BEFORE.search(before) or _LIST_AFTER.match(after):
        return "the blank is one item of a list: the others fit as well"
    if _PARTNER_BEFORE.search(before):
        return "'integrated with _____': many services integrate with it"
    if re.search(r"(?:->|→|=>)\s*[\"']?$", before) or re.match(r"^[\"']?\s*(?:->|→|=>)", after) \
            or re.search(r"\b(?:local|native|specific|similar|identical|equivalent)\s+to\s*$", before):
        return "a step of a flow ('-> _____ ->') or an end of a relation ('local to _____'): more than one name fits"
    word = re.match(r"^\s+([A-Za-z][\w'-]*)", after)
    if word and word.group(1).lower() not in _CLAUSE_WORDS:
        return f"the blank names a kind of '{word.group(1)}' ('an _____ bucket'): many names fit"
    return None


def _one_of_a_list(body: str, at: int) -> bool:
    """The blank at `at` is an example ("like _____"), or an item of a list in brackets ("(iOS, _____, …)")."""
    before, after = body[:at], body[at + len(BLANK):]
    if _EXAMPLE_BEFORE.search(before) or _EXAMPLE_AFTER.match(after) or before.rstrip().endswith("/"):
        return True
    in_brackets = before.count("(") > before.count(")")
    if in_brackets and (before.rstrip().endswith(",") or after.lstrip().startswith(",")):
        return True
    # "destinations: S3, Redshift, _____, HTTP endpoint, …": any other item is right too
    before = re.sub(r"\([^()]*\)\s*$", "", before.rstrip()).rstrip()
    after = re.sub(r"^\s*\([^()]*\)", "", after).strip()
    if before.endswith(","):
        return after.startswith(",") or (after in ("", ".") and before.count(",") >= 2)
    return before.endswith(":") and after.startswith(",") and after.count(",") >= 2


def _names_a_subject(q: Question, shown: str) -> bool:
    """The stem names the question's subject (a service), or its context gives a heading to refer to."""
    return bool(q.subject) and bool(distinctive_words(q.subject or "") & distinctive_words(shown))


@lru_cache(maxsize=4096)
def _content_words(text: str) -> int:
    """Words of three letters or more, in any script; in Chinese, Japanese or Korean, two characters make a word."""
    return len(_CONTENT_WORD.findall(text.replace(BLANK, " ")))


_CONTENT_WORD: Final = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,}|[^\W\d_]{3,}")


def _options(q: Question, lk: Lookups) -> str | None:
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


def _option_leak(q: Question, lk: Lookups) -> str | None:
    answer = normalise(q.answer)
    for o in q.options:
        if not o.is_correct and answer and _occurs(normalise(o.text), answer, before="word", after="word") >= 0:
            return f"option {o.text!r} contains the answer"
    return None


def _unit_words(text: str) -> str:
    """The words of a quantity besides its number, each in its singular: what options must share."""
    words = NUMBER_WORD.sub("#", _NUMBER.sub("#", text)).strip().lower()
    return re.sub(r"[a-zа-яё]{3,}", lambda m: agree(m.group(), 1), words)      # ("3 дня", "7 дней": one noun)


def _disagrees(text: str) -> bool:
    """"5 minute", "1 seconds": a number and a noun after it that does not agree."""
    m = re.match(r"^\W*(\d[\d,]*(?:\.\d+)?)\s+([a-z][a-z-]*[a-z])\b", text)
    if not m:
        return False
    number = number_of(m.group(2))
    n = float(m.group(1).replace(",", ""))
    return number is not None and (number == "singular") != (n == 1)


MAX_OPTION_WORDS: Final = 15    # a deck answer longer than this is a paragraph: no multiple choice of paragraphs


def _distractor(q: Question, lk: Lookups) -> str | None:
    if q.type != "multichoice":
        return None
    wrong = [o for o in q.options if not o.is_correct]
    if q.answer_value is not None:
        for o in wrong:
            if _unit_words(o.text) != _unit_words(q.answer):
                return f"option {o.text!r} is not written like {q.answer!r}"
            if o.value is not None and q.answer_value and not plausible(q.answer_value, o.value, integer=False):
                return f"option {o.text!r} is another order of magnitude than {q.answer!r}"
            if _disagrees(o.text) and not _disagrees(q.answer):
                return f"option {o.text!r} does not agree in number"
        return None
    if any(len(o.text.split()) > MAX_OPTION_WORDS for o in q.options):
        return "options of whole sentences from other cards: the key stands out by its topic, not by knowledge"
    for o in wrong:
        if not o.text.strip():
            return "an empty option"
        if shape(o.text) != shape(q.answer):
            return f"option {o.text!r} is not a {shape(q.answer)} like the answer"
    return None


def _unreadable(q: Question, lk: Lookups) -> str | None:
    stem = q.stem
    if not stem.strip():
        return "empty stem"
    return _unreadable_text(stem.split("\n", 1)[0]) or _blanks(q)   # the prompt line is ours


@lru_cache(maxsize=4096)
def _unreadable_text(stem: str) -> str | None:
    """What makes a stem's text unreadable, whatever the question (cached per stem)."""
    if _BULLET.search(stem):
        return "a dangling bullet"
    if _MARKER.search(stem):
        return "an A:/Answer:/Note: marker"
    if "{{" in stem or "}}" in stem:
        return "cloze markup in the stem"
    if "|" in stem:
        return "table pipes in the stem"
    if _unbalanced(stem):
        return "unbalanced brackets"
    return None


def _blanks(q: Question) -> str | None:
    """A wrong count of blanks for the question's type."""
    stem = q.stem
    blanks = stem.count(BLANK)
    want = {"cloze": 1, "numerical": 1, "term_cloze": None, "multi_cloze": None}.get(q.type, 0)
    if q.type == "multichoice" and q.answer_value is not None and q.generator != "qa":
        want = 1
    if q.type == "multi_cloze" and blanks < 2:
        return f"{blanks} blank(s) in a multi-cloze"
    if q.type == "term_cloze" and blanks > 1:
        return f"{blanks} blanks"
    if want is not None and blanks != want and (q.type != "numerical" or q.generator != "qa"):
        return f"{blanks} blank(s) where {want} belong"
    return None


def _unbalanced(text: str) -> bool:
    opens = text.count("(") + text.count("[") + text.count("{")
    if opens != text.count(")") + text.count("]") + text.count("}"):
        return True
    if not opens:
        return False
    depth = 0
    for ch in text:
        depth += ch in "([{"
        depth -= ch in ")]}"
        if depth < 0:
            return True
    return False


RULES: tuple[tuple[str, Rule], ...] = (
    ("no_source", _no_source),
    ("rewritten", _rewritten),
    ("unreadable", _unreadable),
    ("answer_leak", _answer_leak),
    ("giveaway", _giveaway),
    ("trivia", _trivia),
    ("side_remark", _side_remark),
    ("unanswerable", _unanswerable),
    ("options", _options),
    ("option_leak", _option_leak),
    ("distractor", _distractor),
)


def check(q: Question, *, card_facts: Sequence[CardFacts]) -> str | None:
    """The first rule a single question breaks, as `code: detail`, or None."""
    return _first_failure(q, Lookups(card_facts))


def _first_failure(q: Question, lk: Lookups) -> str | None:
    for code, rule in RULES:
        detail = rule(q, lk)
        if detail:
            return f"{code}: {detail}"
    return None


def gate(questions: Sequence[Question], *, card_facts: Sequence[CardFacts]) -> list[Question]:
    """Every question back, in order, with `status`, `reject_reason` and its quality score set.

    Args:
        questions: generated questions of some cards.
        card_facts: those cards and their facts, the source every answer must come from.
    """
    lk = Lookups(card_facts)
    judged = []
    for q in questions:
        failure = _first_failure(q, lk)
        score = quality_score(q, lk.facts.get(q.fact_id) if q.fact_id else None)
        judged.append(replace(q, status="rejected" if failure else "accepted", reject_reason=failure, quality=score))
    return judged


_KIND_WEIGHT = {"size": 1.0, "duration": 1.0, "price": 1.0, "rate": 1.0, "percent": 0.9, "count": 0.8, "other": 0.6}
_TYPE_WEIGHT = {"numerical": 1.0, "cloze": 1.0, "multichoice": 1.0, "calculated": 0.9, "term_cloze": 0.8,
                "multi_cloze": 0.8, "shortanswer": 0.9, "truefalse": 0.8}


def quality_score(q: Question, fact: Fact | None) -> float:
    """How good a question reads, in [0, 1]: the gate's soft signals combined (higher is better).

    Signals: the stem's length (long stems tire; one cut from a paragraph reads worse), whether the
    fact's attribute and subject are named, the fact's kind (limits over counts), an approximate
    bound, the spread of numeric distractors (too close is nit-picking, too far gives the key away)
    and the question type.
    """
    score = _TYPE_WEIGHT.get(q.type, 0.8)
    length = len(q.stem)
    score *= 1.0 if length <= 160 else max(0.5, 1.0 - (length - 160) / 400)
    if fact is not None:
        score *= _KIND_WEIGHT.get(fact.kind, 0.7)
        score *= 1.0 if fact.attribute else 0.85
        score *= 1.0 if fact.subject else 0.9
        score *= 0.9 if fact.bound == "approx" else 1.0
        if fact.site is not None and fact.site.sentence != fact.site.sentence.strip() or (
                fact.site is not None and len(fact.site.sentence) > 200):
            score *= 0.9
    values = [o.value for o in q.options if not o.is_correct and o.value]
    if q.answer_value and values:
        spread = min(abs(math.log10(v / q.answer_value)) for v in values if v > 0) if q.answer_value > 0 else 0.3
        score *= 1.0 if 0.05 <= spread <= 0.7 else 0.85
    return round(score, 4)

