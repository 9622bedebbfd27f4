"""A deck's build as plain library calls: scan → batches (extract → generate → gate → score) → commit.

1. `scan_deck` reads the deck once and works out what is deck-level: the terms
   the deck defines, each Q&A card's wrong options (from all the deck's
   answers), and each card's input hash (its content and those deck-level inputs).
2. `Store.plan` compares the input hashes with the bank: only new and changed
   cards are processed again (incremental regeneration).
3. `process_batch` turns a batch of cards into bank rows; batches are
   independent, so they run in any order, in parallel processes or on a cluster.
4. `Store.replace_deck` commits the staged batches in one transaction and works
   out duplicates, the deck-level difficulty term and what changed, in SQL.

The Prefect flow (`flows/build_bank.py`) runs these same steps as coarse tasks;
`build_deck` runs them in-process.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pyarrow as pa

from .facts import extract
from .features import question_features
from .generators.qa import pick_all, qa_card
from .preflight import DECK_SUFFIXES, Preflight, deck_paths, load_deck, preflight
from .ids import stable_id
from .prior import prior_b
from .quality import gate
from .questions import generate
from .rows import SCAN_SCHEMA, BatchTables, batch_tables, card_hash
from .services import deck_terms, services_gazetteer
from .settings import Settings
from .store import BuildChanges, Store, deck_row
from .types import Card, Deck

__all__ = ["DECK_SUFFIXES", "deck_paths", "load_deck", "Preflight", "preflight", "DeckScan", "Batch", "scan_deck", "plan_batches",
           "process_batch", "build_deck", "BuildSummary"]

Terms = tuple[tuple[str, str], ...]

@lru_cache(maxsize=1)
def _gazetteer_services() -> tuple[tuple[str, str], ...]:
    """(name, provider) of every gazetteer service: wrong options for Q&A answers that name a service."""
    return tuple((s.name, s.provider) for s in services_gazetteer().services)


@dataclass(frozen=True)
class DeckScan:
    """What a build knows of a deck before it processes any card."""

    deck: Mapping[str, Any]             # the `decks` row
    scan: pa.Table                      # one row per card (`rows.SCAN_SCHEMA`)
    terms: Terms                        # abbreviations the deck defines
    picks: Mapping[str, tuple[str, ...]]  # wrong options of each Q&A card, by card ID
    input_hashes: Mapping[str, str]     # card ID → hash of everything its questions depend on


def scan_deck(deck: Deck, settings: Settings) -> DeckScan:
    """The deck-level inputs of every card, found in one pass over the deck.

    A card's input hash covers its content, the settings, the deck's terms and
    its Q&A options: a card is processed again exactly when one of them changed.
    """
    terms: dict[str, str] = {}
    qa: list[tuple[str, str, str]] = []
    for card in deck.cards:
        for short, long in deck_terms([card]).items():
            terms.setdefault(short, long)
        found = qa_card(card)
        if found is not None:
            qa.append((card.card_id, found.question, found.answer))
    picks = pick_all(qa, settings.seed, _gazetteer_services())
    term_items = tuple(sorted(terms.items()))
    common = stable_id(settings.fingerprint(), term_items)
    hashes = {c.card_id: stable_id(card_hash(c), common, picks.get(c.card_id)) for c in deck.cards}
    scan = pa.Table.from_pylist([{"card_id": c.card_id, "card_index": c.index, "first_line": c.first_line,
                                  "content_hash": card_hash(c), "input_hash": hashes[c.card_id]} for c in deck.cards],
                                schema=SCAN_SCHEMA)
    return DeckScan(deck=deck_row(deck, settings.fingerprint()), scan=scan, terms=term_items, picks=picks,
                    input_hashes=hashes)


@dataclass(frozen=True)
class Batch:
    """A chunk of a deck's cards with the deck-level inputs they need: all a worker process needs."""

    deck_id: str
    number: int
    cards: tuple[Card, ...]
    terms: Terms
    picks: tuple[tuple[str, tuple[str, ...]], ...]
    input_hashes: tuple[tuple[str, str], ...]
    seed: int


def plan_batches(deck: Deck, scan: DeckScan, todo: set[str], settings: Settings) -> Iterator[Batch]:
    """The cards to process (`todo`, from `Store.plan`), in deck order, as batches of `settings.batch_size`."""
    chunk: list[Card] = []
    number = 0

    def batch() -> Batch:
        ids = {c.card_id for c in chunk}
        return Batch(deck_id=deck.deck_id, number=number, cards=tuple(chunk), terms=scan.terms,
                     picks=tuple((k, v) for k, v in scan.picks.items() if k in ids),
                     input_hashes=tuple((c.card_id, scan.input_hashes[c.card_id]) for c in chunk), seed=settings.seed)

    for card in deck.cards:
        if card.card_id not in todo:
            continue
        chunk.append(card)
        if len(chunk) == settings.batch_size:
            yield batch()
            chunk, number = [], number + 1
    if chunk:
        yield batch()


def process_batch(batch: Batch) -> BatchTables:
    """One batch of cards as bank rows: extract → generate → gate → features → difficulty prior.

    Pure and independent of every other batch: the same batch gives the same rows.
    """
    card_facts = list(extract(batch.cards, terms=dict(batch.terms)))
    questions = gate(generate(card_facts, seed=batch.seed, picks=dict(batch.picks)), card_facts=card_facts)
    features = question_features(questions, card_facts)
    priors = dict(zip((q.question_id for q in questions), prior_b(questions, features)))
    return batch_tables(batch.deck_id, card_facts, questions, features, input_hashes=dict(batch.input_hashes),
                        prior_b=priors)


@dataclass(frozen=True)
class BuildSummary:
    """What one deck's build did, for logs, artifacts and the CLI."""

    deck_id: str
    path: str
    status: str            # built | unchanged | failed
    cards: int = 0
    skipped: int = 0
    processed: int = 0     # cards extracted and generated again (all of them in a full build)
    facts: int = 0
    questions: int = 0
    accepted: int = 0
    added: int = 0
    changed: int = 0
    removed: int = 0
    build_id: str | None = None
    message: str = ""      # why a deck failed


def summarise(store: Store, scan: DeckScan, changes: BuildChanges, path: str) -> BuildSummary:
    """The deck's counts in the bank after a build, with what the build changed."""
    deck_id = scan.deck["deck_id"]
    facts, questions, accepted = store.cursor().execute(
        "SELECT (SELECT count(*) FROM facts WHERE deck_id = $d), count(*), count(*) FILTER (WHERE status = 'accepted') "
        "FROM questions WHERE deck_id = $d", {"d": deck_id}).fetchone()  # type: ignore[misc]
    return BuildSummary(deck_id=deck_id, path=path, status="built", cards=scan.deck["n_cards"],
                        skipped=scan.deck["n_skipped"], processed=changes.n_processed, facts=facts,
                        questions=questions, accepted=accepted, added=changes.n_added, changed=changes.n_changed,
                        removed=changes.n_removed, build_id=changes.build_id)


def build_deck(deck: Deck, settings: Settings, store: Store, *, force: bool = False,
               progress: Callable[[int], None] | None = None) -> BuildSummary:
    """The whole build of one deck in-process (no Prefect): only what changed is processed again."""
    scan = scan_deck(deck, settings)
    todo = store.plan(deck.deck_id, scan.scan, force=force)
    try:
        for batch in plan_batches(deck, scan, todo, settings):
            store.stage(process_batch(batch))
            if progress is not None:
                progress(len(batch.cards))
        mode = "full" if len(todo) == len(deck.cards) else "incremental"
        changes = store.replace_deck(scan.deck, scan.scan, mode=mode)
    except BaseException:
        store.discard_staged()
        raise
    return summarise(store, scan, changes, deck.path)

