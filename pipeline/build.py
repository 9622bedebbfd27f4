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

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import pyarrow as pa

from .facts import extract
from .features import question_features
from .decks import DeckSource, Texts, no_cards
from .errors import StrictModeError
from .generators.qa import pick_all, qa_card
from .preflight import DECK_SUFFIXES, Preflight, deck_paths, load_deck, preflight
from .ids import stable_id
from .prior import prior_b
from .quality import gate
from .questions import generate
from .rows import SCAN_SCHEMA, BatchTables, batch_tables, card_hash
from .services import deck_terms, services_gazetteer
from .settings import Settings
from .store import BuildChanges, Store
from .types import Card, Deck, DeckIssue, Known, KnownCard, KnownText

__all__ = ["DECK_SUFFIXES", "deck_paths", "load_deck", "Preflight", "preflight", "DeckScan", "ManyChanges", "Batch", "scan_deck", "plan_batches",
           "process_batch", "deck_row", "build_deck", "BuildSummary"]

Terms = tuple[tuple[str, str], ...]

@lru_cache(maxsize=1)
def _gazetteer_services() -> tuple[tuple[str, str], ...]:
    """(name, provider) of every gazetteer service: wrong options for Q&A answers that name a service."""
    return tuple((s.name, s.provider) for s in services_gazetteer().services)


SCAN_CHUNK = 50_000      # scan rows gathered per Arrow chunk: a million cards' scan stays compact
KEEP_LIMIT = 20_000      # cards a scan holds for a rebuild (`scan_deck`'s `known`, ~32 MB); past it, the deck is read again
MAX_ISSUES_STORED = 1_000  # malformed cards listed in the bank (all are counted and reported)


@dataclass(frozen=True)
class DeckScan:
    """What a build knows of a deck before it processes any card: compact whatever the deck's size."""

    deck: Mapping[str, Any]             # the `decks` row
    scan: pa.Table                      # one row per card (`rows.SCAN_SCHEMA`)
    terms: Terms                        # abbreviations the deck defines
    picks: Mapping[str, tuple[str, ...]]  # wrong options of each Q&A card, by card ID
    common: str                         # the hash of the deck-level inputs every card shares (settings, terms)
    issues: tuple[DeckIssue, ...] = ()  # the malformed cards (reported; the bank keeps the first ones)
    # the cards a small rebuild may process (content the bank lacks, and Q&A cards, whose wrong options come from
    # other cards), held so the deck is read once; None when not asked for or too many
    kept: Mapping[str, Card] | None = None
    texts: Texts | None = None          # the bank's texts of the deck's cards, so reading it again parses only what it must

    def input_hash(self, card: Card) -> str:
        """Everything the card's questions depend on: a card is processed again exactly when this changes."""
        return stable_id(card_hash(card), self.common, self.picks.get(card.card_id))


class ManyChanges(Exception):
    """`scan_deck` gave up: more cards than its `at_most` are not in the bank (the caller wanted a small change)."""


def scan_deck(source: Deck | DeckSource, settings: Settings, *, known: Known | None = None,
              at_most: int | None = None) -> DeckScan:
    """The deck-level inputs of every card, found in one pass over the deck.

    Two passes over the cards would be needed to give the scan rows the input
    hashes (the Q&A picks need every answer first); the rows get content hashes
    here, and the input hashes from the compact scan afterwards. With `known`
    (what the bank holds of the deck), a card whose text the bank holds is not
    parsed again, and the cards a rebuild may process are kept (`DeckScan.kept`),
    so a small change reads the deck once; with `at_most` too, the scan stops as
    soon as more cards than that are not in the bank.

    Raises:
        ManyChanges: `at_most` cards and more are not in the bank.
        DeckError: not one card could be read.
        StrictModeError: `settings.strict` and the deck has malformed cards.
    """
    source = DeckSource.of(source) if isinstance(source, Deck) else source
    terms: dict[str, str] = {}
    qa: list[tuple[str, str, str]] = []
    issues: list[DeckIssue] = []
    chunks: list[pa.Table] = []
    rows: dict[str, list[Any]] = {name: [] for name in SCAN_SCHEMA.names}
    kept: dict[str, Card] | None = None if known is None else {}
    held = known.contents if known is not None else ()
    new = 0                 # cards whose content the bank lacks
    for item in source.items(known.texts if known is not None else None):
        if isinstance(item, DeckIssue):
            issues.append(item)
            continue
        seen = item.known if isinstance(item, KnownCard) else _known_text(item)
        for short, long in seen.terms:
            terms.setdefault(short, long)
        if seen.qa is not None:
            qa.append((item.card_id, *seen.qa))
        unknown = seen.content_hash not in held
        if unknown:
            new += 1
            if at_most is not None and new > at_most:
                raise ManyChanges(f"{source.path}: more than {at_most:,} cards to process")
        if kept is not None and isinstance(item, Card) and (seen.qa is not None or unknown):
            kept[item.card_id] = item
            kept = kept if len(kept) <= KEEP_LIMIT else None
        text_hash = item.text_hash if isinstance(item, KnownCard) else item.text.text_hash if item.text else None
        for name, value in (("card_id", item.card_id), ("card_index", item.index), ("first_line", item.first_line),
                            ("content_hash", seen.content_hash), ("input_hash", None), ("text_hash", text_hash),
                            ("card_key", seen.key if text_hash else None), ("line_offset", seen.offset),
                            ("terms", json.dumps(seen.terms) if seen.terms else None),
                            ("qa_question", seen.qa[0] if seen.qa else None),
                            ("qa_answer", seen.qa[1] if seen.qa else None)):
            rows[name].append(value)
        if len(rows["card_id"]) == SCAN_CHUNK:
            chunks.append(pa.table(rows, schema=SCAN_SCHEMA))
            rows = {name: [] for name in SCAN_SCHEMA.names}
    chunks.append(pa.table(rows, schema=SCAN_SCHEMA))
    scan = pa.concat_tables(chunks)
    if not scan.num_rows:
        raise no_cards(source.path, issues)
    if settings.strict and issues:
        listing = "\n".join(str(issue) for issue in issues)
        raise StrictModeError(f"{len(issues)} malformed card(s) and --strict is set:\n{listing}")
    picks = pick_all(qa, settings.seed, _gazetteer_services())
    term_items = tuple(sorted(terms.items()))
    common = stable_id(settings.fingerprint(), term_items)
    inputs = [stable_id(content, common, picks.get(card_id))
              for card_id, content in zip(scan.column("card_id").to_pylist(), scan.column("content_hash").to_pylist())]
    scan = scan.set_column(SCAN_SCHEMA.get_field_index("input_hash"), "input_hash", pa.array(inputs, pa.string()))
    deck = {"deck_id": source.deck_id, "name": source.name, "path": source.path, "content_hash": source.content_hash,
            "settings_hash": settings.fingerprint(), "n_cards": scan.num_rows, "n_skipped": len(issues),
            "issues": [str(i) for i in issues[:MAX_ISSUES_STORED]]}
    return DeckScan(deck=deck, scan=scan, terms=term_items, picks=picks, common=common, issues=tuple(issues), kept=kept,
                    texts=known.texts if known is not None else None)


def _known_text(card: Card) -> KnownText:
    """What the scan needs of a card it parsed, as a rebuild will find it again by its text."""
    found = qa_card(card)
    return KnownText(key=card.text.key if card.text else "", offset=card.first_line - card.text.line if card.text else 0,
                     content_hash=card_hash(card), terms=tuple(deck_terms([card]).items()),
                     qa=(found.question, found.answer) if found is not None else None)


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
    path: str = ""                       # the deck file, for reporting a card that cannot be processed


def plan_batches(source: Deck | DeckSource, scan: DeckScan, todo: set[str] | None,
                 settings: Settings) -> Iterator[Batch]:
    """The cards to process (`todo` from `Store.plan`; None: all), in deck order, in batches of `settings.batch_size`.

    The deck is read again as it goes (only the batch being made is held), unless the scan kept every card to do.
    """
    source = DeckSource.of(source) if isinstance(source, Deck) else source
    chunk: list[Card] = []
    number = 0

    def batch() -> Batch:
        return Batch(deck_id=source.deck_id, number=number, cards=tuple(chunk), terms=scan.terms,
                     picks=tuple((c.card_id, scan.picks[c.card_id]) for c in chunk if c.card_id in scan.picks),
                     input_hashes=tuple((c.card_id, scan.input_hash(c)) for c in chunk), seed=settings.seed,
                     path=source.path)

    kept = scan.kept if todo is not None and scan.kept is not None and todo <= scan.kept.keys() else None
    for card in kept.values() if kept is not None else source.items(_skippable(scan, todo)):
        if not isinstance(card, Card) or (todo is not None and card.card_id not in todo):
            continue
        chunk.append(card)
        if len(chunk) == settings.batch_size:
            yield batch()
            chunk, number = [], number + 1
    if chunk:
        yield batch()


def _skippable(scan: DeckScan, todo: set[str] | None) -> Texts | None:
    """The bank's texts of the cards not to do: reading the deck again, only the cards to do are parsed."""
    if todo is None or not scan.texts:
        return None
    doing = {h for card_id, h in zip(scan.scan.column("card_id").to_pylist(), scan.scan.column("text_hash").to_pylist())
             if card_id in todo}
    return {h: text for h, text in scan.texts.items() if h not in doing}


def process_batch(batch: Batch) -> BatchTables:
    """One batch of cards as bank rows: extract → generate → gate → features → difficulty prior.

    Pure and independent of every other batch: the same batch gives the same rows. A card that
    makes processing fail (text no rule foresaw) is found by processing the cards one by one,
    reported as `FILE:LINE` in `BatchTables.issues` and left out, so it cannot cost the deck.
    """
    try:
        return _rows(batch, batch.cards)
    except Exception:               # noqa: BLE001 - any error: find the card, report it, keep the rest
        if len(batch.cards) == 1:
            return BatchTables.empty(issues=(_unprocessable(batch, batch.cards[0]),))
    good: list[Card] = []
    issues: list[DeckIssue] = []
    for card in batch.cards:
        try:
            _rows(batch, (card,))
            good.append(card)
        except Exception as error:      # noqa: BLE001
            issues.append(_unprocessable(batch, card, error))
    tables = _rows(batch, tuple(good)) if good else BatchTables.empty()
    return replace(tables, issues=tuple(issues))


def _unprocessable(batch: Batch, card: Card, error: BaseException | None = None) -> DeckIssue:
    if error is None:
        try:
            _rows(batch, (card,))
        except Exception as e:          # noqa: BLE001
            error = e
    note = card.origin.note_id if card.origin is not None else None
    return DeckIssue(batch.path or batch.deck_id, card.first_line,
                     f"qbank could not process this card ({type(error).__name__}: {error}); it is left out of the "
                     f"bank; please report it with the card's text", note=note)


def _rows(batch: Batch, cards: tuple[Card, ...]) -> BatchTables:
    card_facts = list(extract(cards, terms=dict(batch.terms)))
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


def summarise(store: Store, deck: Mapping[str, Any], changes: BuildChanges, path: str) -> BuildSummary:
    """The deck's counts in the bank after a build (`deck`: its row), with what the build changed."""
    deck_id = deck["deck_id"]
    facts, questions, accepted = store.cursor().execute(
        "SELECT (SELECT count(*) FROM facts WHERE deck_id = $d), count(*), count(*) FILTER (WHERE status = 'accepted') "
        "FROM questions WHERE deck_id = $d", {"d": deck_id}).fetchone()  # type: ignore[misc]
    return BuildSummary(deck_id=deck_id, path=path, status="built", cards=deck["n_cards"],
                        skipped=deck["n_skipped"], processed=changes.n_processed, facts=facts,
                        questions=questions, accepted=accepted, added=changes.n_added, changed=changes.n_changed,
                        removed=changes.n_removed, build_id=changes.build_id)


def build_deck(deck: Deck | DeckSource, settings: Settings, store: Store, *, force: bool = False,
               progress: Callable[[int], None] | None = None,
               warn: Callable[[DeckIssue], None] | None = None, scan: DeckScan | None = None) -> BuildSummary:
    """The whole build of one deck in-process (no Prefect): only what changed is processed again.

    `progress` hears of each batch's cards, `warn` of each card left out (malformed, or it broke processing);
    `scan` is the deck's scan when the caller has made it already."""
    source = DeckSource.of(deck) if isinstance(deck, Deck) else deck
    scan = scan if scan is not None else scan_deck(source, settings)
    tell = warn or (lambda issue: None)
    for issue in scan.issues:
        tell(issue)
    todo = store.plan(source.deck_id, scan.scan, force=force)
    left_out: list[DeckIssue] = []
    try:
        for batch in plan_batches(source, scan, todo, settings):
            tables = process_batch(batch)
            store.stage(tables)
            left_out += tables.issues
            for issue in tables.issues:
                tell(issue)
            if progress is not None:
                progress(len(batch.cards))
        row = deck_row(scan, left_out, settings)
        changes = store.replace_deck(row, scan.scan, mode=build_mode(todo, scan))
    except BaseException:
        store.discard_staged()
        raise
    return summarise(store, row, changes, source.path)


def deck_row(scan: DeckScan, left_out: Sequence[DeckIssue], settings: Settings) -> Mapping[str, Any]:
    """The deck's row, the cards processing left out counted and listed with the malformed ones.

    Raises:
        StrictModeError: `settings.strict` and a card was left out.
    """
    if not left_out:
        return scan.deck
    if settings.strict:
        listing = "\n".join(str(issue) for issue in left_out)
        raise StrictModeError(f"{len(left_out)} card(s) could not be processed and --strict is set:\n{listing}")
    issues = [*scan.deck["issues"], *map(str, left_out)][:MAX_ISSUES_STORED]
    return {**scan.deck, "n_skipped": scan.deck["n_skipped"] + len(left_out), "issues": issues}


def build_mode(todo: set[str] | None, scan: DeckScan) -> str:
    """full: every card processed; incremental: only new and changed ones."""
    return "full" if todo is None or len(todo) == scan.scan.num_rows else "incremental"

