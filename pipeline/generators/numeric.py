"""Questions over one numeric fact: cloze, multiple choice, numerical, true/false; and multi-cloze lines.

Every question shows the fact's line with its card context (title, parent
bullet, attribute or subject when the line lacks them). The blank covers the
written quantity and any bracketed restatement of it, so "900 seconds
( 15 minutes )" never leaves its own answer behind.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..types import CardFacts, Fact, Option, Question
from .context import BLANK, clean, context_of, line_of, restatement_end, rng_for
from .distractors import distractors
from .quantities import accepted_forms, answer_text, display, factor, same_quantity, scan_quantities, spelling
from .records import card_subject, fact_locator, line_locator, make, question_id

__all__ = ["GENERATOR", "Located", "locate", "numeric_questions"]

GENERATOR = "numeric"


@dataclass(frozen=True)
class Located:
    """A fact found in its line, with everything its questions share."""

    cf: CardFacts
    fact: Fact
    raw: str          # the source line as written
    start: int        # the written quantity (and a restatement) in `raw`
    end: int
    answer: str       # the quantity as written
    locator: str
    context: str
    subject: str | None

    def with_text(self, replacement: str) -> str:
        """The fact's sentence, cleaned, with the quantity replaced and the card context in front.

        A long line (a paragraph) is cut to the sentence that holds the fact: a
        question about one number should not make the learner read five sentences.
        """
        lo, hi = sentence_of(self.raw, self.start, self.end)
        body = clean(self.raw[lo: self.start] + replacement + self.raw[self.end: hi])
        return f"{self.context} › {body}" if self.context else body

    @property
    def source_value(self) -> float:
        f = self.fact
        return f.source_value if f.source_value is not None else f.value / factor(f)


LONG_LINE = 160
_SENTENCE_END = re.compile(r"(?:(?<=\w\w)|(?<=[)\]\"'’%]))[.!?](?=\s+[A-Z(])")  # "e.g. X" does not end one


def sentence_of(raw: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around `raw[start:end]`, or the whole line when it is short."""
    if len(raw) <= LONG_LINE:
        return 0, len(raw)
    stops = [m.end() for m in _SENTENCE_END.finditer(raw)]
    lo = max((i for i in stops if i <= start), default=0)
    hi = min((i for i in stops if i >= end), default=len(raw))
    return lo, hi


def locate(cf: CardFacts, fact: Fact) -> Located | None:
    """Find the fact's written quantity in its line; None when the line does not hold it."""
    line = line_of(cf.card, fact.line)
    if line is None:
        return None
    raw = line.text
    offset = fact.start if raw[fact.start:fact.end] == fact.text and fact.end > fact.start else raw.find(fact.text)
    if offset < 0 or not fact.text:
        return None
    spelled = spelling(fact)
    if spelled is None:
        start, end = offset, offset + len(fact.text)
    else:
        start, end = offset + spelled.start, offset + spelled.end

    def restates(inner: str) -> bool:
        return any(u == fact.unit and same_quantity(v, fact.value) for v, u in scan_quantities(inner))

    end = restatement_end(raw, end, restates)
    subject = fact.subject or card_subject(cf)
    return Located(
        cf=cf, fact=fact, raw=raw, start=start, end=end, answer=answer_text(fact),
        locator=fact_locator(cf, fact),
        context=context_of(cf.card, fact.line, attribute=fact.attribute, subject=subject),
        subject=subject,
    )


def _increment(loc: Located) -> float | None:
    """The grid step of a range the fact belongs to, in the fact's source unit."""
    f = loc.fact
    if f.role == "increment":
        return None
    for other in loc.cf.facts:
        if other.role == "increment" and other.unit == f.unit and (
            (other.group is not None and other.group == f.group) or (other.group is None and other.line == f.line)
        ):
            step = other.value / factor(f)
            on_grid = any(abs(round(x / step) * step - x) < 1e-9 * max(1.0, x) for x in (loc.source_value,))
            return step if on_grid else None
    return None


def _avoid(loc: Located) -> list[float]:
    """Other true numbers of the line in this unit: never offered as a wrong answer."""
    f = loc.fact
    return [o.value / factor(f) for o in loc.cf.facts if o.line == f.line and o.unit == f.unit and o is not f]


def _distractors(loc: Located, rng_seed: int, question_id: str) -> list[float]:
    return distractors(
        loc.source_value, rng=rng_for(rng_seed, question_id), increment=_increment(loc),
        unit=loc.fact.unit, avoid=_avoid(loc),
    )


def _reason(loc: Located, what: str) -> str:
    f = loc.fact
    bound = "" if f.bound == "exact" else f" ({f.bound})"
    return f"{what}: {f.kind} fact {loc.answer!r}{bound} on line {f.line}"


def cloze(loc: Located) -> Question:
    stem = loc.with_text(BLANK)
    return make(
        loc.cf.card, generator=GENERATOR, locator=loc.locator, qtype="cloze", line=loc.fact.line, stem=stem,
        answer=loc.answer, fact=loc.fact, subject=loc.subject, reason=_reason(loc, "numeric cloze"),
        extra={"cloze": loc.with_text("{{c1::" + loc.answer + "}}"), "source_text": loc.answer},
    )


def writable(loc: Located) -> bool:
    """Whether other values can be written the way the source writes this one ("2/3" cannot)."""
    return display(loc.fact, loc.source_value) == loc.answer


def multichoice(loc: Located, *, seed: int) -> Question:
    qid = question_id(loc.cf.card, GENERATOR, loc.locator, "multichoice")
    values = _distractors(loc, seed, qid)
    rng = rng_for(seed + 1, qid)
    f = loc.fact
    scale = factor(f)
    choices = [(loc.answer, True, f.value)] + [(display(f, v), False, v * scale) for v in values]
    rng.shuffle(choices)
    options = tuple(Option(position=i, text=t, is_correct=ok, value=v) for i, (t, ok, v) in enumerate(choices))
    return make(
        loc.cf.card, generator=GENERATOR, locator=loc.locator, qtype="multichoice", line=f.line,
        stem=f"{loc.with_text(BLANK)}\nWhich value fills the blank?", answer=loc.answer, fact=f,
        subject=loc.subject, options=options, reason=_reason(loc, "numeric variants"),
        extra={"source_text": loc.answer, "distractor_rule": _rule(loc)},
    )


def _rule(loc: Located) -> str:
    if _increment(loc):
        return "increment grid"
    v = loc.source_value
    if v >= 2 and float(v).is_integer() and int(v) & (int(v) - 1) == 0:
        return "powers of two"
    return "round neighbours"


def numerical(loc: Located) -> Question:
    f = loc.fact
    forms = accepted_forms(f)
    hint = "the number" if f.unit in (None, "count") else "the value with its unit"
    if re.fullmatch(r"[\d.,]+", loc.answer):
        # "(_____ or 3 years)": the unit is written once, after the blank; a number is the answer
        hint, forms = "the number", [loc.answer] + ([f"{loc.answer} {f.source_unit}"] if f.source_unit else [])
    return make(
        loc.cf.card, generator=GENERATOR, locator=loc.locator, qtype="numerical", line=f.line,
        stem=f"{loc.with_text(BLANK)}\nType {hint}.", answer=loc.answer, fact=f, subject=loc.subject,
        reason=_reason(loc, "numerical answer"),
        extra={"tolerance": 0.1 if f.bound == "approx" else 0, "tolerance_type": "relative",
               "accepted": [loc.answer] + [x for x in forms if x != loc.answer], "source_text": loc.answer},
    )


def truefalse(loc: Located, *, seed: int, variants: tuple[str, ...] = ("true", "false")) -> Iterator[Question]:
    """The fact as written (true) and with a distractor in its place (false)."""
    f = loc.fact
    false_id = question_id(loc.cf.card, GENERATOR, loc.locator, "truefalse", "false")
    statements = {"true": (loc.answer, f.value)}
    values = _distractors(loc, seed, false_id) if "false" in variants and writable(loc) else []
    if values:
        wrong = rng_for(seed, false_id).choice(values)
        statements["false"] = (display(f, wrong), wrong * factor(f))
    for variant, (shown, value) in statements.items():
        if variant not in variants:
            continue
        yield make(
            loc.cf.card, generator=GENERATOR, locator=loc.locator, qtype="truefalse", variant=variant,
            line=f.line, stem=f"True or false? {loc.with_text(shown)}", answer=variant, fact=f,
            subject=loc.subject, reason=_reason(loc, f"{variant} statement"),
            extra={"source_text": loc.answer, "statement_value": value, "shown": shown},
        )


def multi_cloze(cf: CardFacts, located: list[Located]) -> Iterator[Question]:
    """One Anki cloze note per line holding several facts: {{c1::…}} … {{cN::…}}."""
    by_line: dict[int, list[Located]] = {}
    for loc in located:
        by_line.setdefault(loc.fact.line, []).append(loc)
    for line, locs in sorted(by_line.items()):
        spans: list[Located] = []
        for loc in sorted(locs, key=lambda x: (x.start, x.end)):
            if not spans or loc.start >= spans[-1].end:
                spans.append(loc)
        if len(spans) < 2:
            continue
        raw, context = spans[0].raw, spans[0].context
        cloze_text, stem_text, cursor = "", "", 0
        for n, loc in enumerate(spans, 1):
            cloze_text += raw[cursor:loc.start] + f"{{{{c{n}::{loc.answer}}}}}"
            stem_text += raw[cursor:loc.start] + f"{BLANK} ({n})"
            cursor = loc.end
        cloze_text, stem_text = clean(cloze_text + raw[cursor:]), clean(stem_text + raw[cursor:])
        if context:
            cloze_text, stem_text = f"{context} › {cloze_text}", f"{context} › {stem_text}"
        answers = [loc.answer for loc in spans]
        yield make(
            cf.card, generator=GENERATOR, locator=line_locator(cf.card, line), qtype="multi_cloze", line=line, stem=stem_text,
            answer="; ".join(f"({n}) {a}" for n, a in enumerate(answers, 1)), subject=spans[0].subject,
            reason=f"line {line} holds {len(spans)} facts", answer_unit=None,
            extra={"cloze": cloze_text, "answers": answers, "fact_ids": [loc.fact.fact_id for loc in spans],
                   "source_text": answers},
        )


def numeric_questions(cf: CardFacts, *, seed: int) -> Iterator[Question]:
    """All numeric-fact questions of one card.

    True/false goes by line: statements about one line read alike, so a line
    gets one true statement (its first fact) and one falsified (a fact drawn
    by the seed).
    """
    located = [loc for loc in (locate(cf, f) for f in cf.facts) if loc is not None]
    titles = {line.number for line in cf.card.title_lines}
    by_line: dict[int, list[Located]] = {}
    for loc in located:
        yield cloze(loc)
        if writable(loc):
            yield multichoice(loc, seed=seed)
        if loc.fact.line in titles and cf.card.answer_lines:
            continue    # a number in a question card's scenario: no statement to judge, nothing to type
        yield numerical(loc)
        by_line.setdefault(loc.fact.line, []).append(loc)
    for line, locs in sorted(by_line.items()):
        falsified = rng_for(0, f"{cf.card.card_id}:{line}").choice(locs)   # IDs must not follow the seed
        for loc in locs:
            variants = (("true",) if loc is locs[0] else ()) + (("false",) if loc is falsified else ())
            yield from truefalse(loc, seed=seed, variants=variants)
    yield from multi_cloze(cf, [loc for loc in located if loc.fact.line not in titles])
