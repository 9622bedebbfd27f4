"""Term clozes: a service name or a term the card defines, blanked in its sentence.

A blank is only made where the rest of the stem does not name the answer
(the title "DynamoDB - Basics" gives away "DynamoDB"), and where the sentence
has enough words around the blank to be answerable.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..sites import BLANK, CardLayout
from ..types import CardFacts, Question
from .context import gives_away
from .records import make

__all__ = ["GENERATOR", "term_questions"]

GENERATOR = "terms"
MIN_WORDS = 4   # words around the blank; fewer and the line is a bare list item


def _service_questions(cf: CardFacts) -> Iterator[Question]:
    card = cf.card
    n_titles = len(card.title_lines)
    for m in cf.services:
        s = m.site
        if s is None or s.line_index < n_titles:
            continue
        if len(re.findall(r"[A-Za-z]{2,}", s.before + " " + s.after)) < MIN_WORDS:
            continue
        stem = s.stem(BLANK)
        if gives_away(m.service, stem) or gives_away(m.text, stem):
            continue
        yield make(
            card, generator=GENERATOR, locator=s.locator, qtype="term_cloze", line_index=s.line_index, context=s.context,
            body=s.body(BLANK), answer=m.service, subject=m.service, reason=f"service {m.service!r} named in its sentence",
            extra={"accepted": sorted({m.service, m.text}), "source_text": m.text, "sentence": s.sentence,
                   "cloze": s.stem("{{c1::" + m.text + "}}")},
        )


def _defined_term_questions(cf: CardFacts) -> Iterator[Question]:
    card = cf.card
    if not cf.terms:
        return
    layout = CardLayout(card)
    for short, long in cf.terms:
        index = next((i for i, ln in enumerate(layout.lines) if short in ln.text and long.lower() in ln.text.lower()),
                     None)
        if index is None:
            continue
        context = layout.context(index, "")
        body = f"What does {short} stand for?"
        if gives_away(long, f"{context} › {body}"):
            context = ""
        if gives_away(long, body):
            continue
        text = layout.lines[index].text
        at = text.lower().find(long.lower())
        yield make(
            card, generator=GENERATOR, locator=f"term:{short}", qtype="term_cloze", line_index=index,
            context=context, body=body, answer=long, subject=short, reason=f"the card defines {short} as {long!r}",
            extra={"accepted": [long], "source_text": text[at:at + len(long)], "sentence": text,
                   "cloze": f"{short} = {{{{c1::{long}}}}}"},
        )


def term_questions(cf: CardFacts) -> Iterator[Question]:
    yield from _service_questions(cf)
    yield from _defined_term_questions(cf)
