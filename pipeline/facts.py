"""Facts stage: cards -> numeric facts and service mentions, one spaCy Doc per card.

The numbers come from the `qbank_quantities` component (`doc._.quantities`),
the services from the services component (`doc.spans["services"]`) when the
pipeline has it. This module maps both back to source lines, names what each
number is about (`attribute`, `subject`) and gives every fact an ID derived
from its content, so a rebuild gives the same IDs.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any, Final

from spacy.language import Language
from spacy.tokens import Doc

from .doctext import TEXT_KEY, doc_text
from .generators.quantities import scan_quantities, written_span
from .ids import stable_id
from .nlp import load_nlp
from .quantities import Quantity
from .services import SPANS_KEY, DeckTerms, deck_terms, locate_mentions, span_offsets
from .sites import CardLayout, generic_header, make_site, restatement_end
from .tables import Cell, cell_at
from .types import Card, CardFacts, Fact, Site

__all__ = ["extract", "locate", "fact_rows", "card_text"]

_BULLETS: Final = re.compile(r"^\s*(?:[-*•>]\s*)+")
_CLAUSE_SPLIT: Final = re.compile(r"[.;!?(\[]\s+|\s+-\s+|,\s+|\s+\(|^\s*")
_LEAD_WORDS: Final = re.compile(
    r"^(?:(?:and|or|but|so|then|the|a|an|it|its|this|that|there|which|with|each|every|for|in|on|at)\s+)+", re.I)
_TRAIL_WORDS: Final = re.compile(
    r"(?:\s+(?:is|are|was|of|to|at|up|by|for|in|on|with|from|about|around|approximately|roughly|over|under|"
    r"than|less|fewer|more|least|most|only|just|a|an|the|be|can|could|will|would|has|have|had|limited|capped|"
    r"allows|offers|supports|takes|costs?|between|~|<|>|=|==|\$))+\s*$", re.I)
_MAX_WORDS: Final = 8
_OPEN_SPACE: Final = re.compile(r"\(\s+")
_SPACE_CLOSE: Final = re.compile(r"\s+\)")
_COUNT_TAIL_END: Final = re.compile(r"[,.;:()]|\s(?:and|or|but|while)\s")


def card_text(card: Card) -> str:
    """The text analysed for a card: its lines (title and answer) joined by newlines."""
    return "\n".join(line.text for line in card.lines)


def extract(cards: Iterable[Card], *, nlp: Language | None = None, batch_size: int = 256,
            terms: Mapping[str, str] | None = None) -> Iterator[CardFacts]:
    """Find the numeric facts and services of each card, streaming.

    Args:
        cards: the cards to read.
        nlp: a pipeline with the `qbank_services` and `qbank_quantities` components; default `load_nlp()`.
        batch_size: Docs per `nlp.pipe` batch.
        terms: the deck's own abbreviations (`services.deck_terms`); default: read from `cards`,
            which are then held in memory for that one pass (pass `terms` to keep a stream lazy).

    Returns:
        One `CardFacts` per card, in input order.
    """
    pipeline = nlp if nlp is not None else load_nlp()
    if terms is None:
        cards = cards if isinstance(cards, Sequence) else list(cards)
        terms = deck_terms(cards)
    compiled = DeckTerms(terms)
    stream = ((_make_doc(pipeline, card), card) for card in cards)
    for doc, card in pipeline.pipe(stream, as_tuples=True, batch_size=batch_size):
        yield card_facts(card, doc, terms=compiled)


def _make_doc(nlp: Language, card: Card) -> Doc:
    """Tokenize a card, keeping its text for the components (see `doctext`)."""
    text = card_text(card)
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text
    return doc


def card_facts(card: Card, doc: Doc, *, terms: DeckTerms | None = None) -> CardFacts:
    """Turn one analysed card into its `CardFacts`: facts and mentions, located once (`locate`).

    `CardFacts.terms` holds only the deck terms the card itself uses.
    """
    starts = _line_starts(card)
    text = doc_text(doc)
    used, term_hits = terms.scan(text) if terms is not None else ((), [])
    spans = span_offsets(doc) if SPANS_KEY in doc.spans else None
    services = locate_mentions(text, card, spans, term_hits) if spans is not None else ()
    spots = _service_spots(spans or (), starts)
    facts: list[Fact] = []
    seen: Counter[tuple[Any, ...]] = Counter()
    for q in doc._.quantities:
        idx = bisect_right(starts, q.start) - 1
        line = card.lines[idx]
        start, end = q.start - starts[idx], q.end - starts[idx]
        key = (q.unit, round(q.value, 9), q.role, q.text)
        seen[key] += 1
        facts.append(Fact(
            fact_id=stable_id(card.card_id, *key, seen[key]),
            card_id=card.card_id, card_index=card.index, line=line.number_at(start), text=q.text,
            value=q.value, unit=q.unit, kind=q.kind,  # type: ignore[arg-type]
            start=start, end=end, source_value=q.source_value, source_unit=q.source_unit,
            bound=q.bound, role=q.role, group=q.group,  # type: ignore[arg-type]
            attribute=_attribute(card, spots, idx, start, end, q), subject=_subject(card, spots, idx, start),
            context=q.context,
        ))
    return locate(CardFacts(card=card, facts=tuple(facts), services=services, terms=used))


def locate(cf: CardFacts) -> CardFacts:
    """The card's facts and mentions with their sites: the sentence, context and blank every question shows.

    A fact's locator names its line (digits masked) and its position among the
    line's facts, so question IDs survive a corrected value.
    """
    titles = {line.number for line in cf.card.title_lines}
    layout = CardLayout(cf.card, title_services=frozenset(m.service for m in cf.services if m.line in titles))
    indexed = [(_line_index(layout, f.line, f.start, f.text), f) for f in cf.facts]
    order = sorted(range(len(indexed)), key=lambda i: (indexed[i][0], indexed[i][1].start, indexed[i][1].end,
                                                       indexed[i][1].role))
    positions = [0] * len(indexed)
    previous, n = -1, 0
    for i in order:
        n = n + 1 if indexed[i][0] == previous else 0
        positions[i], previous = n, indexed[i][0]
    facts = tuple(replace(f, site=fact_site(layout, idx, f, key=f"#{pos}:{f.role}"))
                  for (idx, f), pos in zip(indexed, positions))
    services = tuple(replace(m, site=make_site(layout, _line_index(layout, m.line, m.start, m.text), m.start, m.end,
                                               key=f":service:{m.service}")) for m in cf.services)
    return replace(cf, facts=facts, services=services)


def _line_index(layout: CardLayout, number: int, start: int, text: str) -> int:
    """The index in `card.lines` of the line numbered `number` that holds `text` at `start`.

    Two lines of a card can share a number (front and back of one TSV row).
    """
    candidates = [i for i, line in enumerate(layout.lines) if line.holds(number)]
    return next((i for i in candidates if layout.lines[i].text[start:start + len(text)] == text), candidates[0])


def fact_site(layout: CardLayout, index: int, fact: Fact, *, key: str) -> Site:
    """The fact's site: the blank covers its written quantity and a bracketed restatement of it."""
    lo, hi = written_span(fact)
    start, end = fact.start + lo, fact.start + hi

    def restates(inner: str) -> bool:
        # "2,556 days (seven years)": a rounded restatement counts too, and one grouped with points ("12 horas
        # (43.200 s)"), as notes in many languages write thousands
        grouped = _POINT_GROUPS.sub(lambda m: m.group().replace(".", ","), inner) if "." in inner else inner
        return any(u == fact.unit and math.isclose(v, fact.value, rel_tol=0.01)
                   for text in {inner, grouped} for v, u in scan_quantities(text))

    end = restatement_end(layout.lines[index].text, end, restates)
    return make_site(layout, index, start, end, attribute=fact.attribute, subject=fact.subject, key=key)


_POINT_GROUPS: Final = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,])")


def attribute(line: str, start: int, end: int, q: Quantity) -> str:
    """The phrase a number quantifies, from its line.

    In order: the label before a colon ("Maximum execution time: 900 seconds"),
    an "of" phrase after it ("24 hours of data retention" -> "data retention"),
    what a count counts ("Up to 10 nodes in the cluster" -> "nodes in the cluster"),
    the clause before it ("Maximum size of a item is 400KB"), else the words after it.
    """
    left, right = line[:start], line[end:]
    if ":" in left and not left.rstrip().endswith("="):
        return _tidy(_BULLETS.sub("", left.rsplit(":", 1)[0]))
    after = _AFTER.match(right)
    after_words = _tidy(after.group(2)) if after else ""
    if after and after_words and (after.group(1) or after.group(2).split()[0].lower() not in _STOPWORDS):
        return after_words  # "24 hours of data retention", "5 minutes TTL for cache"
    if q.noun and q.unit in ("count", "count/s"):
        tail = _COUNT_TAIL_END.split(after.group(0), maxsplit=1)[0] if after else ""
        return _tidy(f"{q.noun} {tail}")
    parts = _CLAUSE_SPLIT.split(_BULLETS.sub("", left))
    before = " ".join(_tidy(parts[-1] if parts else "").split()[-5:])
    return before or after_words


_AFTER: Final = re.compile(r"\s*(of\s+)?([A-Za-z][\w\- ]{0,60})")
_STOPWORDS: Final = frozenset("""is are was were be of and or to in on at for by with from into the a an that which if
than as but so it per can will may might should would could must not no more less each every all also only
before after when while until unless since because about over under above below between""".split())


def _tidy(phrase: str) -> str:
    """Trim a phrase to its content words, at most `_MAX_WORDS` of them."""
    phrase = _TRAIL_WORDS.sub("", _LEAD_WORDS.sub("", " ".join(phrase.split())))
    phrase = _OPEN_SPACE.sub("(", _SPACE_CLOSE.sub(")", phrase)).strip(" -=:(")
    words = phrase.split()
    return " ".join(words[-_MAX_WORDS:])


def _line_starts(card: Card) -> list[int]:
    starts, pos = [], 0
    for line in card.lines:
        starts.append(pos)
        pos += len(line.text) + 1
    return starts


def _service_spots(spans: Iterable[tuple[int, int, str]], starts: list[int]) -> list[tuple[int, int, str]]:
    """Every service span, given as (start char, end char, name), as (line's position in the card, start in line,
    canonical name): positions, not source line numbers, which a tab-separated card's front and back share."""
    spots = []
    for start, _, label in spans:
        idx = bisect_right(starts, start) - 1
        spots.append((idx, start - starts[idx], label))
    return spots


def _subject(card: Card, spots: list[tuple[int, int, str]], line: int, start: int) -> str | None:
    """Whose fact it is (`line`: the fact's position in `card.lines`): the service its table cell's header names, else the one its sentence names
    (the nearest before it, else the first after it), else the card title's (when the title names
    several, one named earlier on its line comes first), else the service the card is mostly about,
    else None.

    A service named in passing elsewhere in the card ("the great EBS failure of 2011" in a card on
    multi-AZ deployments) is nobody's subject: without a title service, only a service that clearly
    dominates the card's mentions is.
    """
    text = card.lines[line].text
    table = _table_cell(card, line, start) if "|" in text else None
    if table is not None:
        header, label = _header_services(card, spots, table, line)
        if header or label:
            return header or label
    on_line = [s for s in spots if s[0] == line and not _named_aside(text, s[1])
               and (table is None or table.span[0] <= s[1] < table.span[1])]   # another cell's name is not its
    if on_line:
        lo, hi = _sentence_bounds(text, start)
        before = [s for s in on_line if lo <= s[1] <= start]
        # "up to 7 partitions per AZ -> HDFS/Cassandra-ish": what the value leads to is a use, not its owner; "20 total,
        # 5 macOS": a service after another value is that value's
        after = [s for s in on_line if start < s[1] < hi and not _LEADS_TO.search(text, start, s[1])
                 and _counted_at(text, s[1]) in (None, start)]
        if before or after:
            return (before[-1] if before else after[0])[2]
    in_title = list(dict.fromkeys(s[2] for s in spots if s[0] < len(card.title_lines)))
    # an earlier sentence's service carries over when that sentence was about it ("Lambda supports …. Its
    # timeout …"), not when it was named in passing ("… they can only do SNS/SSM actions. Anomaly …")
    earlier = [s for s in on_line if s[1] <= start and _leads_its_sentence(text, s[1])]
    # A title naming one service says whose the card is; one comparing several ("Storage queues and
    # Service Bus queues") yields to the service the line was just talking about.
    if len(in_title) == 1 or (in_title and not earlier):
        return in_title[0]
    if earlier:
        return earlier[-1][2]
    if _OWN_LABEL.match(text) and not on_line:
        return None     # "- NVadsA10 v5: A10, partial GPU slices": the line names its own product
    if table is not None and not generic_header(" ".join(table.column_header.split())):
        return None     # "| | SES | SendGrid | ACS Email |": a column names its own product, known or not
    # "5 macOS" counts jobs on macOS: a service a count qualifies is no sign of what the card is about
    return _dominant(card, [s for s in spots if not _named_aside(card.lines[s[0]].text, s[1], compared=True)
                            and _counted_at(card.lines[s[0]].text, s[1]) is None])


def _counted_at(text: str, at: int) -> int | None:
    """Where the bare count that qualifies the service named at `at` begins ("5 macOS"), or None."""
    m = _COUNTED.search(text, max(0, at - _COUNT_REACH), at)
    return m.start() if m else None


_SENTENCE_ENDS: Final = (". ", "; ", "! ", "? ")
_COUNTED: Final = re.compile(r"(?<![\w.,])\d[\d,]*\s+$")     # a bare count just before a service's name ("5 macOS")
_COUNT_REACH: Final = 32        # (characters before the name a count and its spaces can take: "1,000,000,000 ")
_LEADS_TO: Final = re.compile(r"->|=>|→|\be\.\s?g\.|\bsuch\s+as\b|\bfor\s+example\b", re.IGNORECASE)
# A list line that opens with a product-like name and a colon: "- NVadsA10 v5: …", "- FSx for Windows File Server: …"
_OWN_LABEL: Final = re.compile(r"^\s*(?:[-*•]\s*)+(?:\*\*)?[A-Z][\w.+-]*(?:\s+[\w.+-]+){0,4}(?:\*\*)?:\s")
# "they can only do SNS/SSM actions, not EC2 or ASG": a service named as what the subject is not
# "same ladder as the MediaConvert card", "about 2x MediaConvert basic": named to compare with, not the card's own
_COMPARED: Final = re.compile(r"(?:\bas\s+(?:the\s+)?|\b\d+(?:\.\d+)?\s?x\s+)$", re.IGNORECASE)
_NEGATED: Final = re.compile(r"\b(?:not|no|unlike|like|instead\s+of|rather\s+than|than|vs\.?|versus|similar\s+to|"
                             r"compared\s+(?:to|with)|except|without)\s+"
                             r"(?:[\w@.-]+\s*(?:,|or|nor|and)\s+){0,3}$", re.IGNORECASE)


def _leads_its_sentence(text: str, pos: int) -> bool:
    """Whether the service at `pos` opens its sentence (at most two words before it: "- The Lambda …")."""
    lo, _ = _sentence_bounds(text, pos)
    return len(re.findall(r"[A-Za-z]+", text[lo:pos])) <= 2


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the sentence of `text` that holds `pos` (a full stop, semicolon, ! or ? ends one)."""
    lo = max(text.rfind(end, 0, pos) for end in _SENTENCE_ENDS)
    ends = [i for i in (text.find(end, pos) for end in _SENTENCE_ENDS) if i >= 0]
    return (lo + 2 if lo >= 0 else 0), (min(ends) if ends else len(text))


def _named_aside(text: str, at: int, *, compared: bool = False) -> bool:
    """The service at `at` is named as what the subject is not ("not EC2", "unlike X", "than X") or, with
    `compared`, only to compare with ("as the MediaConvert card", "2x MediaConvert basic")."""
    lo = max(0, at - 40)
    return _NEGATED.search(text, lo, at) is not None or (compared and _COMPARED.search(text, lo, at) is not None)


def _dominant(card: Card, spots: list[tuple[int, int, str]]) -> str | None:
    """The service named in more sentences than all the others together, and in two at least; else None (`spots`:
    its mentions, those "like X", "unlike X", "than X" left out: a card comparing with X is not X's)."""
    # once per sentence: "you pay for the KMS key + KMS API calls" names KMS once
    counts = Counter(name for _, _, name in {(line, _sentence_bounds(card.lines[line].text, at)[0], name)
                                             for line, at, name in spots})
    if not counts:
        return None
    (top, n), = counts.most_common(1)
    return top if n >= 2 and n > sum(counts.values()) - n else None


def _table_cell(card: Card, idx: int, start: int) -> Cell | None:
    """The markdown table cell at a fact (`idx`: its line's position in `card.lines`), when it is in one."""
    lines = card.lines
    if "|" not in lines[idx].text:
        return None
    cell = cell_at([ln.text for ln in lines], idx, start)
    return cell if cell is not None and not cell.is_label else None


def _header_services(card: Card, spots: list[tuple[int, int, str]], cell: Cell,
                     row_line: int) -> tuple[str | None, str | None]:
    """The services named by the cell's column header and by its row label (line `row_line` of the card), if any."""
    header = next((n for ln, pos, n in spots if ln == cell.header_line and cell.header_span[0] <= pos < cell.header_span[1]),
                  None)
    label = next((n for ln, pos, n in spots if ln == row_line and cell.label_span[0] <= pos < cell.label_span[1]), None)
    return header, label


def _attribute(card: Card, spots: list[tuple[int, int, str]], idx: int, start: int, end: int, q: Quantity) -> str:
    """`attribute`, or for a fact in a table cell the header that does not name its subject: row
    "Availability" under column "Cool tier" is the Cool tier's availability. When neither names a
    service, the longer of the two is the attribute and the other qualifies it."""
    line = card.lines[idx]
    cell = _table_cell(card, idx, start) if "|" in line.text else None
    if cell is None:
        return attribute(line.text, start, end, q)
    row, column = " ".join(cell.row_label.split()), " ".join(cell.column_header.split())
    if row and generic_header(column):
        column = ""         # "| nodes | 5,000 |" under "| limit | value |": the row says it all
    header, label = _header_services(card, spots, cell, idx)
    if header:
        return row      # the column names the subject (also when the label names a service: "RA-GRS reads")
    if label:
        return column
    if not column or not row:
        return row or column
    return f"{row} ({column})" if len(row.split()) >= len(column.split()) else f"{column} ({row})"


def fact_rows(card_facts: Iterable[CardFacts]) -> Iterator[dict[str, Any]]:
    """JSONL rows of `qbank facts`: numeric facts, then one row per service per card.

    Numeric: {"card", "line", "text", "value", "unit", "kind", "attribute", "subject", "bound", "role", ...};
    service: {"card", "line", "service", "text"} (the first mention in the card). A card read from an
    Anki package adds "note", the note's ID; its "line" then counts lines within the note.
    """
    for cf in card_facts:
        note = {"note": cf.card.origin.note_id} if cf.card.origin and cf.card.origin.note_id is not None else {}
        for f in cf.facts:
            row: dict[str, Any] = {
                "card": f.card_index, **note, "line": f.line, "text": f.text, "value": f.value, "unit": f.unit,
                "kind": f.kind, "attribute": f.attribute, "subject": f.subject, "bound": f.bound, "role": f.role,
            }
            if f.context:
                row["context"] = f.context
            if f.group:
                row["group"] = f.group
            yield row
        named: set[str] = set()
        for s in cf.services:
            if s.service not in named:
                named.add(s.service)
                yield {"card": s.card_index, **note, "line": s.line, "service": s.service, "text": s.text}
