"""Calculated questions with variants, like Moodle's, derived from a card's own facts.

Each rule fires only where the card states what the arithmetic needs:
- unit conversion of a duration or size written in a larger unit;
- seconds of compute a GB-second allowance buys at a memory size — only when
  the card itself states one such result, which shows it means GB-seconds;
- cost of N units past a free tier — a "free" allowance and a price "per/for
  N <same noun>" in one card;
- capacity units from a "1 X = 1 <op> of S KB per second" definition.
The stored extra holds the formula, the dataset of variants and each variant's answer.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterator

from ..types import CardFacts, Fact, Question
from .context import clean, context_of, line_of, rng_for
from .numeric import locate
from .quantities import MULTIPLIER_WORDS, answer_text, factor, format_number, same_quantity, unit_families
from .records import card_subject, make, masked

__all__ = ["GENERATOR", "calculated_questions"]

GENERATOR = "calculated"
GIB = 1024.0**3


def _render(template: str, row: dict[str, float]) -> str:
    """The template with one variant's values filled in."""
    for name, value in row.items():
        template = template.replace("{" + name + "}", format_number(value, grouping=value >= 10000))
    return template


def _question(cf: CardFacts, fact: Fact, *, rule: str, template: str, answer: float, unit: str, shown: str,
              formula: str, dataset: list[dict[str, float]], reason: str, evidence: list[str]) -> Question:
    """`dataset[0]` is the variant the card states; the stem shows it."""
    stem = _render(template, dataset[0])
    return make(
        cf.card, generator=GENERATOR, locator=f"{rule}:{masked(template)}", qtype="calculated", line=fact.line,
        stem=stem, answer=shown, fact=fact, subject=fact.subject or card_subject(cf), reason=reason,
        answer_value=answer, answer_unit=unit,
        extra={"formula": formula, "template": template, "dataset": dataset, "rule": rule, "source_text": evidence, "tolerance": 0.001,
               "tolerance_type": "relative"},
    )


# Conversions worth asking: a duration in minutes or more, a size in gigabytes or more.
_CONVERTIBLE = {"s": 60.0, "B": 1024.0**3}


def _conversions(cf: CardFacts) -> Iterator[Question]:
    titles = {line.number for line in cf.card.title_lines}
    for f in cf.facts:
        family = unit_families().get(f.unit or "")
        size = factor(f)
        if (not family or f.unit not in _CONVERTIBLE or size < _CONVERTIBLE[f.unit] or f.source_value is None
                or f.role == "increment" or f.line in titles):
            continue
        src = next((u for u in family if same_quantity(u[2], size)), None)
        smaller = [u for u in family if u[2] < size * (1 - 1e-9)]
        loc = locate(cf, f)
        if src is None or not smaller or loc is None or f.source_value in (0, 1):
            continue
        target = smaller[-1]
        k = size / target[2]
        x = f.source_value
        dataset = [{"x": v, "answer": v * k} for v in [x] + sorted({x * 2, max(1.0, x / 2), x + 1, x * 3} - {x})]
        note = f" (1 {src[0]} = {format_number(k)} {target[0]})" if f.unit == "B" else ""
        template = f"{loc.with_text('{x} ' + src[0])}\nHow many {target[1]} is {{x}} {src[0]}?{note}"
        yield _question(cf, f, rule="convert", template=template, answer=x * k, unit=target[0],
                        shown=f"{format_number(x * k, grouping=x * k >= 10000)} {target[1]}",
                        formula=f"{{x}} * {format_number(k)}", dataset=dataset,
                        reason=f"unit conversion of {answer_text(f)!r} to {target[1]}", evidence=[answer_text(f)])


def _gb_seconds(cf: CardFacts) -> Iterator[Question]:
    allowances = [f for f in cf.facts if f.unit == "GB-s"]
    sizes = [f for f in cf.facts if f.unit == "B" and 0 < f.value < 1024 * GIB]
    durations = [f for f in cf.facts if f.unit == "s"]
    for g in allowances:
        stated = [(m, d) for m in sizes for d in durations if same_quantity(d.value, g.value / (m.value / GIB))]
        if not stated:
            continue
        m, d = min(stated, key=lambda pair: same_quantity(pair[0].value, GIB))   # 1 GB would restate the allowance
        stated_mb = m.value / 1024**2
        memory_mb = [stated_mb] + sorted({128.0, 256.0, 512.0, 1024.0, 2048.0} - {stated_mb})
        dataset = [{"gb_seconds": g.value, "memory_mb": mb, "answer": g.value / (mb / 1024)} for mb in memory_mb]
        context = context_of(cf.card, g.line, attribute=g.attribute, subject=g.subject)
        template = (f"{context} › {{gb_seconds}} GB-seconds of compute time.\nHow many seconds can a function "
                    f"with {{memory_mb}} MB of memory run within that allowance?")
        seconds = dataset[0]["answer"]
        yield _question(cf, g, rule="gb_seconds", template=template, answer=seconds, unit="s",
                        shown=f"{format_number(seconds, grouping=True)} seconds",
                        formula="{gb_seconds} / ({memory_mb} / 1024)", dataset=dataset,
                        reason=f"GB-seconds ÷ memory, as the card works out on line {d.line}",
                        evidence=[answer_text(g), answer_text(m), answer_text(d)])


def _noun_after(line: str, fact: Fact) -> str | None:
    at = line.find(fact.text)
    m = re.match(r"\s*([A-Za-z][\w-]*)", line[at + len(fact.text):]) if at >= 0 else None
    return m.group(1) if m and fact.unit != "GB-s" else ("GB-seconds" if fact.unit == "GB-s" else None)


def _free_tier_costs(cf: CardFacts) -> Iterator[Question]:
    card = cf.card
    for free in cf.facts:
        line = line_of(card, free.line)
        if line is None or "free" not in line.text.lower() or free.unit not in ("count", "GB-s"):
            continue
        noun = _noun_after(line.text, free)
        if not noun:
            continue
        for price in cf.facts:
            pline = line_of(card, price.line)
            if price.unit != "USD" or pline is None or price.line == free.line:
                continue
            per = re.search(r"\b(?:per|for)\s+(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|k|m)?\s+"
                            + re.escape(noun), pline.text, re.IGNORECASE)
            if not per or pline.text.find(price.text) > per.start():
                continue
            denominator = float(per.group(1).replace(",", "")) * MULTIPLIER_WORDS.get((per.group(2) or "").lower(), 1)
            if denominator <= 0:
                continue
            rng = rng_for(0, f"{card.card_id}:{free.fact_id}:{price.fact_id}")
            dataset = [{"n": free.value + k * denominator, "free": free.value, "per": denominator,
                        "price": price.value, "answer": round(k * price.value, 10)}
                       for k in rng.sample([1, 2, 3, 5, 10, 20, 50], 4)]
            template = (f"{clean(card.title)} › The first {{free}} {noun} are free, then ${{price}} per {{per}} "
                        f"{noun}.\nWhat do {{n}} {noun} cost in total?")
            cost = dataset[0]["answer"]
            yield _question(cf, price, rule="free_tier_cost", template=template, answer=cost, unit="USD",
                            shown=f"${format_number(cost, decimals=2)}",
                            formula="max(0, {n} - {free}) / {per} * {price}", dataset=dataset,
                            reason=f"cost past the free tier on line {free.line}, priced on line {price.line}",
                            evidence=[answer_text(free), answer_text(price)])


_CAPACITY = re.compile(r"\b1\s+([A-Z]{2,5})\s*=\s*1\s+([A-Za-z ]+?)\s+of\s+(\d+)\s*KB\s+per\s+second", re.IGNORECASE)


def _capacity_units(cf: CardFacts) -> Iterator[Question]:
    for line in cf.card.answer_lines:
        m = _CAPACITY.search(line.text)
        size_fact = next((f for f in cf.facts if f.line == line.number and f.unit == "B"), None)
        if not m or size_fact is None:
            continue
        unit, operation, block = m.group(1).upper(), m.group(2).strip().lower(), int(m.group(3))
        rng = rng_for(0, f"{cf.card.card_id}:{line.number}")
        rows = [{"rate": float(rate), "item_kb": float(kb), "answer": float(rate * math.ceil(kb / block))}
                for rate, kb in zip(rng.sample([5, 10, 20, 50, 100], 3), rng.sample(range(block + 1, block * 4 + 3), 3))]
        template = (f"{clean(cf.card.title)} › {clean(line.text)}.\nHow many {unit} are needed for "
                    f"{{rate}} {operation}s per second of {{item_kb}} KB items?")
        yield _question(cf, size_fact, rule="capacity_units", template=template, answer=rows[0]["answer"],
                        unit="count", shown=f"{format_number(rows[0]['answer'])} {unit}",
                        formula=f"{{rate}} * ceil({{item_kb}} / {block})", dataset=rows,
                        reason=f"capacity units from the definition on line {line.number}",
                        evidence=[m.group(0)])


def calculated_questions(cf: CardFacts) -> Iterator[Question]:
    yield from _conversions(cf)
    yield from _gb_seconds(cf)
    yield from _free_tier_costs(cf)
    yield from _capacity_units(cf)
