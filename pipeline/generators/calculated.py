"""Calculated questions with variants, like Moodle's: a card's facts combined through what their units mean.

Each rule fires only where the card states what the arithmetic needs, and
asks something a learner of the subject must understand, never a bare unit
conversion. The stem names the subject and the case, never the facts: a
learner recalls them (the free tier, the price, the capacity unit) and applies
them, as in "How many RCU are needed for 10 strongly consistent reads per
second of 6 KB items?". Quoting the facts would leave arithmetic only.
- seconds of compute a GB-second allowance buys at a memory size — only when
  the card itself states one such result, which shows it means GB-seconds;
- cost of N units past a free tier — a "free" allowance and a price "per/for
  N <same noun>" in one card;
- capacity units from a "1 X = 1 <op> of S KB per second" definition;
- how many shards/partitions/… a target rate needs, from a rate stated per one of them;
- how much one of them moves in a given time, from the same rate.
The stored extra holds the formula, the dataset of variants and each variant's answer.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Final

from ..sites import distinctive_words, masked
from ..types import CardFacts, Fact, Question
from .context import rng_for
from .grammar import agree, number_of, reinflect
from .quantities import MULTIPLIER_WORDS, answer_text, format_number, is_unit, same_quantity
from .records import make

__all__ = ["GENERATOR", "calculated_questions"]

GENERATOR = "calculated"
GIB = 1024.0**3


def _render(template: str, row: dict[str, float]) -> str:
    """The template with one variant's values filled in."""
    for name, value in row.items():
        template = template.replace("{" + name + "}", format_number(value, grouping=value >= 10000))
    return template


def _question(cf: CardFacts, fact: Fact, *, rule: str, template: str, answer: float,
              unit: str, shown: str, formula: str, dataset: list[dict[str, float]], reason: str,
              evidence: list[str]) -> Question:
    """`template` asks the question of one variant; `dataset[0]` is the variant the stem shows."""
    context = _named_context(fact)
    prompt = "Type the number." if unit == "count" else "Type the value with its unit."
    return make(
        cf.card, generator=GENERATOR, locator=f"{rule}:{masked(template)}", qtype="calculated",
        line_index=fact.site.line_index if fact.site else 0, line=fact.line, context=context, body=_render(template, dataset[0]), prompt=prompt,
        answer=shown, fact=fact, subject=fact.subject, reason=reason, answer_value=answer, answer_unit=unit,
        extra={"formula": formula, "template": f"{context} › {template}\n{prompt}" if context else f"{template}\n{prompt}",
               "dataset": dataset, "rule": rule, "source_text": evidence, "tolerance": 0.001,
               "tolerance_type": "relative"},
    )


def _sentence(f: Fact) -> str:
    return f.site.sentence if f.site else f.text


def _named_context(f: Fact) -> str:
    """The fact's context (title › parent), led by its subject when the context does not name it: the stem
    shows no sentence of the card, so the context alone must say whose numbers are asked for."""
    context = f.site.context if f.site else ""
    if f.subject and not distinctive_words(f.subject) & distinctive_words(context):
        return f"{f.subject} › {context}" if context else f.subject
    return context


def _gb_seconds(cf: CardFacts) -> Iterator[Question]:
    # an allowance ("400,000 GB-seconds … per month if free"), not the result of a worked example
    allowances = [f for f in cf.facts if f.unit == "GB-s" and re.search(r"\b(?:free|month|allowance|includ)",
                                                                          _sentence(f), re.IGNORECASE)]
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
        seconds = dataset[0]["answer"]
        allowance = "free tier's GB-seconds" if "free" in _sentence(g).lower() else "GB-second allowance"
        yield _question(cf, g, rule="gb_seconds",
                        template=f"How many seconds can a function with {{memory_mb}} MB of memory run within the "
                                 f"monthly {allowance}?",
                        answer=seconds, unit="s", shown=f"{format_number(seconds, grouping=True)} seconds",
                        formula="{gb_seconds} / ({memory_mb} / 1024)", dataset=dataset,
                        reason=f"GB-seconds ÷ memory, as the card works out on line {d.line}",
                        evidence=[answer_text(g), answer_text(m), answer_text(d)])


def _noun_after(fact: Fact) -> str | None:
    """What a count counts: the noun written with it ("1,000,000 requests") or right after it."""
    if fact.unit == "GB-s":
        return "GB-seconds"
    inside = re.search(r"\d\s+([A-Za-z][\w-]*)\s*$", fact.text)
    if inside:
        return inside.group(1)
    sentence = _sentence(fact)
    at = sentence.find(fact.text)
    m = re.match(r"\s*([A-Za-z][\w-]*)", sentence[at + len(fact.text):]) if at >= 0 else None
    return m.group(1) if m else None


def _free_tier_costs(cf: CardFacts) -> Iterator[Question]:
    for free in cf.facts:
        if "free" not in _sentence(free).lower() or free.unit not in ("count", "GB-s"):
            continue
        noun = _noun_after(free)
        if not noun:
            continue
        for price in cf.facts:
            if price.unit != "USD" or (price.site and free.site and price.site.line_index == free.site.line_index):
                continue
            sentence = _sentence(price)
            per = re.search(r"\b(?:per|for)\s+(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|k|m)?\s+"
                            + re.escape(noun), sentence, re.IGNORECASE)
            if not per or sentence.find(price.text) > per.start():
                continue
            denominator = float(per.group(1).replace(",", "")) * MULTIPLIER_WORDS.get((per.group(2) or "").lower(), 1)
            if denominator <= 0:
                continue
            rng = rng_for(0, f"{cf.card.card_id}:{free.fact_id}:{price.fact_id}")
            dataset = [{"n": free.value + k * denominator, "free": free.value, "per": denominator,
                        "price": price.value, "answer": round(k * price.value, 10)}
                       for k in rng.sample([2, 3, 5, 10, 20, 50], 4)]
            cost = dataset[0]["answer"]
            period = " in a month" if re.search(r"\bmonth", _sentence(free), re.IGNORECASE) else ""
            yield _question(cf, price, rule="free_tier_cost",
                            template=f"What is the charge for {{n}} {noun}{period} in all, once the free tier is deducted?",
                            answer=cost, unit="USD",
                            shown=f"${format_number(cost, decimals=2)}",
                            formula="max(0, {n} - {free}) / {per} * {price}", dataset=dataset,
                            reason=f"cost past the free tier on line {free.line}, priced on line {price.line}",
                            evidence=[answer_text(free), answer_text(price)])


_CAPACITY = re.compile(r"\b1\s+([A-Z]{2,5})\s*=\s*1\s+([A-Za-z ]+?)\s+of\s+(\d+)\s*KB\s+per\s+second", re.IGNORECASE)


def _capacity_units(cf: CardFacts) -> Iterator[Question]:
    for size in cf.facts:
        m = _CAPACITY.search(_sentence(size)) if size.unit == "B" else None
        if not m:
            continue
        unit, operation, block = m.group(1).upper(), m.group(2).strip().lower(), int(m.group(3))
        rng = rng_for(0, f"{cf.card.card_id}:{size.fact_id}")
        rows = [{"rate": float(rate), "item_kb": float(kb), "answer": float(rate * math.ceil(kb / block))}
                for rate, kb in zip(rng.sample([5, 10, 20, 50, 100], 3), rng.sample(range(block + 1, block * 4 + 3), 3))]
        yield _question(cf, size, rule="capacity_units",
                        template=f"How many {unit} are needed for {{rate}} {reinflect(' ' + operation, 2).strip()} "
                                 "per second of {item_kb} KB items?",
                        answer=rows[0]["answer"], unit="count", shown=f"{format_number(rows[0]['answer'])} {unit}",
                        formula=f"{{rate}} * ceil({{item_kb}} / {block})", dataset=rows,
                        reason="capacity units from the card's definition", evidence=[m.group(0)])


# What a rate is stated per: "Each shard provides 1MB/s", "5 reads per second per shard", "shards each permit".
_ENTITY_BEFORE = re.compile(r"\b(?:each|every|a single|one|per)\s+([a-z][a-z-]{2,})\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_ENTITY_EACH = re.compile(r"\b([a-z][a-z-]{2,}?)s?\s+each\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_ENTITY_AFTER = re.compile(r"^\s*(?:of\s+[\w\s]{0,30}?)?\s*per\s+([a-z][a-z-]{2,})\b", re.IGNORECASE)
_NOT_ENTITIES = frozenset({"second", "minute", "hour", "day", "month", "year", "request", "call", "read", "write",
                           "account", "region", "subscription", "customer", "user", "default", "maximum", "time",
                           "only", "just", "can", "may", "will", "must", "also", "still"})
_RATE_SHOWN = {"B/s": ("MB", 1024.0**2), "count/s": ("", 1.0)}
_RATE_OF = re.compile(r"^\s*(?:of\s+)?((?:(?!per\b)[a-z]+\s+){0,2}(?:capacity|throughput|bandwidth|ingress|egress|input|output|"
                      r"writes?|reads?))\b", re.IGNORECASE)


def _entity(fact: Fact) -> str | None:
    """The thing a rate is stated per ("shard", "partition"), from the fact's sentence: a count noun, not a unit."""
    if fact.site is None:
        return None
    before = fact.site.sentence[: fact.site.start]
    after = fact.site.sentence[fact.site.end:]
    for pattern, text in ((_ENTITY_AFTER, after), (_ENTITY_EACH, before), (_ENTITY_BEFORE, before)):
        m = pattern.search(text)
        if not m:
            continue
        word = agree(m.group(1).lower(), 1)
        if re.search(r"(?:ed|ing|al|ive|ous|able|ible)$", word):
            continue        # an adjective ("per registered consumer"): the thing is the noun after it
        if word not in _NOT_ENTITIES and number_of(word) is not None and not word.endswith("ly") and not is_unit(word):
            return word
    return None


def _rate_noun(rate: Fact) -> str:
    """What a count rate counts: "reads" of "5 reads per second"."""
    m = re.match(r"[~\d.,\s]*([A-Za-z][\w-]*)", rate.text)
    return agree(m.group(1), 2) if m and m.group(1).lower() not in ("per", "a", "an") else "units"


# "your read limit for the Stream will remain at 5 reads per second on aggregate … with any number of shards": the card
# says the rate does not add up over the things it is stated per
_NOT_ADDED: Final = re.compile(r"\bon\s+aggregate\b|\bremains?\s+at\b|\bno\s+matter\s+how\s+many\b|"
                               r"\bregardless\s+of\s+(?:the\s+)?(?:number|how\s+many)\b|\b(?:with|for)\s+any\s+number\s+of\b",
                               re.IGNORECASE)


# "read: 2 MB/s per shard", "writes up to 1 MB/s": the kind of rate named before it
_RATE_LABEL: Final = re.compile(r"\b(reads?|writes?|ingress|egress|input|output|uploads?|downloads?)\b\s*(?::|up\s+to|at)?"
                                r"\s*[~≈]?\s*$", re.IGNORECASE)


def _rate_kind(rate: Fact) -> str | None:
    """What a rate in bytes per second is of, as its sentence says ("2 MB/s of read capacity", "read: 2 MB/s")."""
    if rate.site is None:
        return None
    after = _RATE_OF.match(rate.site.sentence[rate.site.end:])
    if after:
        return after.group(1).lower()
    before = _RATE_LABEL.search(rate.site.sentence[:rate.site.start])
    if before is None:
        return None
    word = before.group(1).lower()        # "read:" is of reads; "ingress" and "output" are theirs
    return agree(word, 2) if word.rstrip("s") in ("read", "write", "upload", "download") else word


def _rates(cf: CardFacts) -> Iterator[Question]:
    added = not any(_NOT_ADDED.search(line.text) for line in cf.card.lines)
    for rate in cf.facts:
        if rate.unit not in _RATE_SHOWN or rate.role == "increment" or rate.value <= 0 or rate.bound == "min":
            continue
        entity = _entity(rate)
        if entity is None:
            continue
        # "1MB/s of write capacity and 2MB/s of read capacity": which rate is meant, the question must say
        kind = _rate_kind(rate) if rate.unit == "B/s" else None
        of = f" of {kind}" if kind else ""
        # ("write: 1 MB/s" on one line, "read: 2 MB/s" on the next: a bare "5 MB/s" could be either)
        if not kind and any(f is not rate and f.unit == rate.unit and f.value != rate.value for f in cf.facts):
            continue
        per = agree(entity, 2)
        what = answer_text(rate)
        rng = rng_for(0, f"{cf.card.card_id}:{rate.fact_id}")
        shown_unit, scale = _RATE_SHOWN[rate.unit or ""]
        # targets as shown, to two decimals ("3.2 MB/s", never the float of 3,355,443 bytes)
        targets = sorted({round(rate.value / scale * k, 2) for k in rng.sample([2.5, 3.2, 4.5, 7.5, 12.4, 30.5], 4)})
        counted = shown_unit or _rate_noun(rate)
        label = f"{shown_unit}/s" if shown_unit else f"{counted} per second"
        needed = [{"target": t, "rate": rate.value / scale, "answer": float(math.ceil(t * scale / rate.value - 1e-9))}
                  for t in targets]
        if added:
            yield _question(cf, rate, rule="units_for_rate",
                            template=f"How many {per} are needed for {{target}} {label}{of}?", answer=needed[0]["answer"],
                            unit="count", shown=f"{format_number(needed[0]['answer'])} {agree(entity, needed[0]['answer'])}",
                            formula="ceil({target} / {rate})", dataset=needed,
                            reason=f"{per} needed for a rate, from the rate per {entity}", evidence=[what])
        minutes = [5.0, 2.0, 10.0, 60.0]
        moved = [{"minutes": m, "rate": rate.value / scale, "answer": rate.value / scale * m * 60} for m in minutes]
        amount = f"{format_number(moved[0]['answer'], grouping=True)} {counted}"
        yield _question(cf, rate, rule="rate_over_time",
                        template=f"At most, how many {counted}{of} can one {entity} handle in {{minutes}} minutes?",
                        answer=moved[0]["answer"], unit=shown_unit or "count", shown=amount,
                        formula="{rate} * {minutes} * 60", dataset=moved,
                        reason=f"throughput × time, from the rate per {entity}", evidence=[what])


def calculated_questions(cf: CardFacts) -> Iterator[Question]:
    yield from _gb_seconds(cf)
    yield from _free_tier_costs(cf)
    yield from _capacity_units(cf)
    yield from _rates(cf)
