"""A batch's records as Arrow tables, one per bank table, and the content hashes that key them.

Pure functions: batches are turned into tables where they are processed (in
worker processes too) and only `store.Store` writes them.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from functools import lru_cache
from typing import Any

import pyarrow as pa

from .features import CATEGORICAL_FEATURES, FEATURES
from .ids import short_key, stable_id
from .types import Card, CardFacts, DeckIssue, Question

__all__ = ["normalise", "duplicate_keys", "BatchTables", "batch_tables", "card_hash", "content_hash", "scan_row", "SCAN_SCHEMA", "TABLE_SCHEMAS",
           "DECK_SCHEMA", "RESPONSE_SCHEMA", "EXAM_SCHEMA", "EXAM_ITEM_SCHEMA", "arrow"]


@dataclass(frozen=True)
class BatchTables:
    """One batch of cards, ready to be staged: a table per bank table (see `TABLE_SCHEMAS`)."""

    tables: tuple[tuple[str, pa.Table], ...]
    issues: tuple[DeckIssue, ...] = ()   # cards left out because processing them failed

    @classmethod
    def empty(cls, *, issues: tuple[DeckIssue, ...] = ()) -> BatchTables:
        return cls(tuple((name, schema.empty_table()) for name, schema in TABLE_SCHEMAS.items()), issues)

    def get(self, name: str) -> pa.Table:
        return dict(self.tables)[name]

    @property
    def n_cards(self) -> int:
        return self.get("cards").num_rows

    @property
    def n_facts(self) -> int:
        return self.get("facts").num_rows

    @property
    def n_questions(self) -> int:
        return self.get("questions").num_rows

    @property
    def n_accepted(self) -> int:
        status = self.get("questions").column("status").to_pylist()
        return sum(s == "accepted" for s in status)


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Lower case, words only: stems that differ in spacing or punctuation are the same stem."""
    return " ".join(re.findall(r"[a-z0-9_$%]+", text.lower()))


def duplicate_keys(q: Question) -> tuple[str, str]:
    """(stem key, near key): an accepted question repeats an earlier one of its deck with the same
    stem key (the same words), or with the same type, answer and near key (the same words once
    numbers are masked: two cards that differ only in a number ask the same thing)."""
    stem = normalise(q.stem)
    return stem, f"{q.type}\x1f{normalise(q.answer)}\x1f{_DIGITS.sub('#', stem)}"


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def card_hash(card: Card) -> str:
    """A card's content, wherever it sits in its deck: its lines relative to its first, and its quiz parts.

    Cards keep their rows across rebuilds while this hash holds, even when
    edits elsewhere move them to another index or line.
    """
    first = card.first_line
    return stable_id([(line.number - first, line.text) for line in card.title_lines],
                     [(line.number - first, line.text) for line in card.answer_lines], card.quiz_answer, card.quiz_note,
                     asdict(card.origin) if card.origin else None)


def scan_row(card: Card, input_hash: str) -> dict[str, Any]:
    """What a build knows of a card before processing it: where it is and what its questions depend on."""
    return {"card_id": card.card_id, "card_index": card.index, "first_line": card.first_line,
            "content_hash": card_hash(card), "input_hash": input_hash}


def content_hash(q: Question, extra_json: str | None = None) -> str:
    """What a learner sees of a question: a change here is a new revision (`extra_json`: its extra, dumped)."""
    options = [(o.text, o.is_correct) for o in q.options]
    return stable_id(q.type, q.stem, q.answer, options, extra_json or _extra_json(q))


def _extra_json(q: Question) -> str:
    return json.dumps(dict(q.extra), sort_keys=True, default=str)


def _shallow(record: Any) -> dict[str, Any]:
    """A dataclass's fields as a dict, values as they are (`asdict` deep-copies every value)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


def arrow(rows: Sequence[Mapping[str, Any]], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist([{k: r.get(k) for k in schema.names} for r in rows], schema=schema)


class _Columns:
    """A table built column by column: appending to lists is what costs least per row."""

    def __init__(self, schema: pa.Schema) -> None:
        self.schema = schema
        self.columns: dict[str, list[Any]] = {name: [] for name in schema.names}

    def add(self, **values: Any) -> None:
        for name, column in self.columns.items():
            column.append(values.get(name))

    def table(self) -> pa.Table:
        return pa.table(self.columns, schema=self.schema)


def batch_tables(deck_id: str, card_facts: Sequence[CardFacts], questions: Iterable[Question],
                 features: Iterable[Mapping[str, Any]], *, input_hashes: Mapping[str, str] | None = None,
                 prior_b: Mapping[str, float] | None = None) -> BatchTables:
    """The batch as one Arrow table per bank table.

    `input_hashes`: each card's hash of everything its questions depend on;
    `prior_b`: each question's difficulty prior in logits before the deck-level
    term (`prior.MENTIONS_WEIGHT`), which the bank adds when the deck commits.
    """
    hashes = input_hashes or {}
    cards, facts, mentions = _Columns(CARD_SCHEMA), _Columns(FACT_SCHEMA), _Columns(MENTION_SCHEMA)
    for cf in card_facts:
        c = cf.card
        cards.add(card_id=c.card_id, deck_id=deck_id, card_index=c.index, title=c.title, answer=c.answer,
                  quiz_answer=c.quiz_answer, quiz_note=c.quiz_note, first_line=c.first_line,
                  line_numbers=[line.number for line in c.lines], content_hash=card_hash(c),
                  input_hash=hashes.get(c.card_id),
                  origin=json.dumps(asdict(c.origin)) if c.origin else None)   # the Anki note: note_id, guid, deck, tags …
        for f in cf.facts:
            facts.add(**_shallow(f), deck_id=deck_id, start_char=f.start, end_char=f.end, fact_group=f.group)
        for m in cf.services:
            mentions.add(**_shallow(m), deck_id=deck_id, start_char=m.start, end_char=m.end)
    rows, options = _Columns(QUESTION_SCHEMA), _Columns(OPTION_SCHEMA)
    priors = prior_b or {}
    for q in questions:
        stem_key, near_key = duplicate_keys(q)
        extra = _extra_json(q)
        rows.add(**{**_shallow(q), "extra": extra},
                 content_hash=content_hash(q, extra), stem_key=short_key(stem_key), near_key=short_key(near_key),
                 prior_b=priors.get(q.question_id))
        for o in q.options:
            options.add(question_id=q.question_id, deck_id=deck_id, position=o.position, text=o.text, value=o.value,
                        is_correct=o.is_correct)
    feature_rows = _Columns(FEATURE_SCHEMA)
    for row in features:
        feature_rows.add(**row, deck_id=deck_id)
    return BatchTables((
        ("cards", cards.table()),
        ("facts", facts.table()),
        ("service_mentions", mentions.table()),
        ("questions", rows.table()),
        ("options", options.table()),
        ("question_features", feature_rows.table()),
    ))


S, I, D, B = pa.string(), pa.int32(), pa.float64(), pa.bool_()
DECK_SCHEMA = pa.schema([("deck_id", S), ("name", S), ("path", S), ("content_hash", S), ("settings_hash", S),
                         ("n_cards", I), ("n_skipped", I), ("issues", pa.list_(S))])
# what a build knows of each card before processing any; the text columns let the next rebuild recognise it unparsed
SCAN_SCHEMA = pa.schema([("card_id", S), ("card_index", I), ("first_line", I), ("content_hash", S), ("input_hash", S),
                         ("text_hash", S), ("card_key", S), ("line_offset", I), ("terms", S), ("qa_question", S),
                         ("qa_answer", S)])
CARD_SCHEMA = pa.schema([("card_id", S), ("deck_id", S), ("card_index", I), ("title", S), ("answer", S),
                         ("quiz_answer", S), ("quiz_note", S), ("first_line", I), ("line_numbers", pa.list_(I)),
                         ("content_hash", S), ("input_hash", S), ("origin", S)])
FACT_SCHEMA = pa.schema([("fact_id", S), ("deck_id", S), ("card_id", S), ("card_index", I), ("line", I), ("text", S),
                         ("value", D), ("unit", S), ("kind", S), ("start_char", I), ("end_char", I),
                         ("source_value", D), ("source_unit", S), ("bound", S), ("role", S), ("fact_group", S),
                         ("attribute", S), ("subject", S), ("context", S)])
MENTION_SCHEMA = pa.schema([("deck_id", S), ("card_id", S), ("card_index", I), ("line", I), ("text", S),
                            ("service", S), ("start_char", I), ("end_char", I), ("source", S)])
QUESTION_SCHEMA = pa.schema([("question_id", S), ("deck_id", S), ("card_id", S), ("card_index", I), ("fact_id", S),
                             ("line", I), ("type", S), ("stem", S), ("answer", S), ("answer_value", D),
                             ("answer_unit", S), ("subject", S), ("generator", S), ("generator_version", S),
                             ("reason", S), ("status", S), ("reject_reason", S), ("difficulty", D), ("extra", S),
                             ("content_hash", S), ("revision", I), ("quality", D), ("prior_b", D),
                             ("stem_key", S), ("near_key", S), ("line_index", I)])
OPTION_SCHEMA = pa.schema([("question_id", S), ("deck_id", S), ("position", I), ("text", S), ("value", D),
                           ("is_correct", B)])
FEATURE_SCHEMA = pa.schema([("question_id", S), ("deck_id", S)]
                           + [(name, S if name in CATEGORICAL_FEATURES else D) for name in FEATURES])
RESPONSE_SCHEMA = pa.schema([("response_id", S), ("learner_id", S), ("question_id", S), ("correct", B),
                             ("response", S), ("answered_at", pa.timestamp("us")), ("source", S), ("grade_reason", S)])
EXAM_SCHEMA = pa.schema([("exam_id", S), ("name", S), ("seed", pa.int64()), ("count", I), ("types", pa.list_(S)),
                         ("difficulty_mix", S), ("per_subject", I), ("deck_ids", pa.list_(S)), ("n_items", I)])
EXAM_ITEM_SCHEMA = pa.schema([("exam_id", S), ("position", I), ("question_id", S), ("band", S), ("subject", S)])
TABLE_SCHEMAS = {"cards": CARD_SCHEMA, "facts": FACT_SCHEMA, "service_mentions": MENTION_SCHEMA,
                 "questions": QUESTION_SCHEMA, "options": OPTION_SCHEMA, "question_features": FEATURE_SCHEMA}
