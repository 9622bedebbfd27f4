"""Term clozes: a service name or a term the card defines, blanked in its line.

A blank is only made where the rest of the stem does not name the answer
(the title "DynamoDB - Basics" gives away "DynamoDB"), and where the line has
enough words around the blank to be answerable.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..types import CardFacts, Question
from .context import BLANK, clean, context_of, gives_away, line_of
from .records import make, masked

__all__ = ["GENERATOR", "term_questions"]

GENERATOR = "terms"
MIN_WORDS = 4   # words around the blank; fewer and the line is a bare list item


def _stem(context: str, raw: str, start: int, end: int) -> str:
    body = clean(raw[:start] + BLANK + raw[end:])
    return f"{context} › {body}" if context else body


def _service_questions(cf: CardFacts) -> Iterator[Question]:
    card = cf.card
    title_numbers = {line.number for line in card.title_lines}
    done: set[str] = set()
    for m in cf.services:
        line = line_of(card, m.line)
        if line is None or m.service in done or m.line in title_numbers:
            continue
        raw = line.text
        start = m.start if raw[m.start:m.end] == m.text and m.end > m.start else raw.find(m.text)
        if start < 0:
            continue
        end = start + len(m.text)
        around = clean(raw[:start] + " " + raw[end:])
        if len(re.findall(r"[A-Za-z]{2,}", around)) < MIN_WORDS:
            continue
        stem = _stem(context_of(card, m.line), raw, start, end)
        if gives_away(m.service, stem) or gives_away(m.text, stem):
            continue
        done.add(m.service)
        yield make(
            card, generator=GENERATOR, locator=f"service:{m.service}:{masked(raw)}", qtype="term_cloze",
            line=m.line, stem=stem, answer=m.service, subject=m.service,
            reason=f"service {m.service!r} named on line {m.line}",
            extra={"accepted": sorted({m.service, m.text}), "source_text": m.text,
                   "cloze": stem.replace(BLANK, "{{c1::" + m.text + "}}")},
        )


def _defined_term_questions(cf: CardFacts) -> Iterator[Question]:
    card = cf.card
    for short, long in cf.terms:
        line = next((ln for ln in card.lines if short in ln.text and long.lower() in ln.text.lower()), None)
        if line is None:
            continue
        context = context_of(card, line.number)
        stem = f"{context} › What does {short} stand for?" if context else f"What does {short} stand for?"
        if gives_away(long, stem):
            stem = f"What does {short} stand for?"
        if gives_away(long, stem):
            continue
        at = line.text.lower().find(long.lower())
        yield make(
            card, generator=GENERATOR, locator=f"term:{short}", qtype="term_cloze", line=line.number, stem=stem,
            answer=long, subject=short, reason=f"the card defines {short} as {long!r}",
            extra={"accepted": [long], "source_text": line.text[at:at + len(long)],
                   "cloze": f"{short} = {{{{c1::{long}}}}}"},
        )


def term_questions(cf: CardFacts) -> Iterator[Question]:
    yield from _service_questions(cf)
    yield from _defined_term_questions(cf)
