"""Term clozes: a service name or a term the card defines, blanked in its sentence.

A blank is only made where the rest of the stem does not name the answer
(the title "DynamoDB - Basics" gives away "DynamoDB"), where the sentence
has enough words around the blank to be answerable, and where the name is what
the sentence is about: not a side remark in brackets, not the tool something is
done "using" or "via" (many would fit), not the product before a version
("changed in Kafka 4.0" asks the version's product, not the change). The key
is the name as the card writes it; the catalogue's name is accepted too.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..gazetteer import load_gazetteer
from ..sites import BLANK, CardLayout
from ..types import CardFacts, Question, Site
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
        if gives_away(m.service, stem) or gives_away(m.text, stem) or not _the_point(s):
            continue
        yield make(
            card, generator=GENERATOR, locator=s.locator, qtype="term_cloze", line_index=s.line_index, line=s.line, context=s.context,
            body=s.body(BLANK), answer=m.text, subject=m.service, reason=f"service {m.service!r} named in its sentence",
            extra={"accepted": list(dict.fromkeys([m.text, m.service])), "source_text": m.text, "sentence": s.sentence,
                   "cloze": s.stem("{{c1::" + m.text + "}}")},
        )


_INSTRUMENT = re.compile(r"\b(?:using|via|like|e\.g\.,?|such\s+as)\s*$", re.IGNORECASE)
_VERSION_AFTER = re.compile(r"^\s*v?\d")


def _the_point(site: Site) -> bool:
    """Whether the name is what its sentence is about (see the module's docstring)."""
    depth = sum(1 if ch in "([" else -1 if ch in ")]" else 0 for ch in site.sentence[: site.start])
    return depth <= 0 and not _INSTRUMENT.search(site.before) and not _VERSION_AFTER.match(site.after)


def _defined_term_questions(cf: CardFacts) -> Iterator[Question]:
    card = cf.card
    if not cf.terms:
        return
    layout = CardLayout(card)
    known = {m.text: m.service for m in cf.services if m.source == "gazetteer"}   # "DAX": a product's own acronym
    for short, long in cf.terms:
        index = next((i for i, ln in enumerate(layout.lines) if short in ln.text and long.lower() in ln.text.lower()),
                     None)
        if index is None:
            continue
        context = layout.context(index, "")
        body = f"What does {short} stand for?"
        if not context or gives_away(long, f"{context} › {body}"):
            context = _cloud(known.get(short, ""))   # "DynamoDB - DAX" spells it out, or no heading: name the cloud
        if short not in known and (not context or short not in card.title):
            continue        # the notes' shorthand or a term met in passing ("Java Message Service (JMS) 2.0 SDK")
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


def _cloud(service: str) -> str:
    """The provider the gazetteer gives a service ("Amazon DynamoDB Accelerator (DAX)" → AWS), or ""."""
    try:
        return load_gazetteer().service(service).provider
    except KeyError:
        return ""


def term_questions(cf: CardFacts) -> Iterator[Question]:
    yield from _service_questions(cf)
    yield from _defined_term_questions(cf)
