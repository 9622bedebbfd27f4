"""One deck's build as plain library calls: extract → generate → gate → score.

The Prefect flow (`flows/build_bank.py`) runs these same functions as coarse
tasks over batches; `build_deck` runs them in-process for tests and benchmarks.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .decks import SUFFIXES, deck_name, read_deck
from .difficulty import score
from .errors import DeckError, StrictModeError
from .facts import extract
from .features import question_features
from .quality import gate
from .questions import generate
from .services import deck_terms
from .settings import Settings
from .store import DeckBuild
from .types import Card, CardFacts, Deck

__all__ = ["DECK_SUFFIXES", "deck_paths", "load_deck", "batches", "terms_of", "extract_batch", "assemble", "build_deck"]

Terms = tuple[tuple[str, str], ...]

DECK_SUFFIXES = SUFFIXES   # text decks and Anki packages


def deck_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Deck files named directly or found in folders (sorted, so runs are repeatable).

    Raises:
        DeckError: a path does not exist, a folder holds no deck, or two decks share a name
            (a deck's name is its file stem and its ID in the bank: the second would replace the first).
    """
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            inside = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in DECK_SUFFIXES)
            if not inside:
                raise DeckError(f"{p}: folder holds no deck ({', '.join(DECK_SUFFIXES)} files)")
            found.extend(inside)
        elif p.is_file():
            found.append(p)
        else:
            raise DeckError(f"{p}: no such file or folder; give deck files or folders of decks")
    unique = list(dict.fromkeys(found))
    by_name: dict[str, Path] = {}
    for p in unique:
        other = by_name.setdefault(deck_name(p), p)
        if other != p:
            raise DeckError(f"{p}: another deck is named {deck_name(p)!r} ({other}); a deck's file name is its ID "
                            "in the bank, so rename one of them")
    return unique


def load_deck(path: str | Path, settings: Settings) -> Deck:
    """Read a deck and apply `--strict`: malformed cards stop the build before anything is written."""
    deck = read_deck(path, fmt=settings.deck_format)
    if settings.strict and deck.issues:
        listing = "\n".join(str(issue) for issue in deck.issues)
        raise StrictModeError(f"{len(deck.issues)} malformed card(s) and --strict is set:\n{listing}")
    return deck


def batches(cards: Sequence[Card], size: int) -> Iterator[tuple[Card, ...]]:
    """Consecutive chunks of at most `size` cards."""
    for start in range(0, len(cards), size):
        yield tuple(cards[start : start + size])


def terms_of(deck: Deck) -> Terms:
    """The terms the whole deck defines (`DAX = DynamoDB Accelerator`), found once per deck.

    A term defined in one card is used in others, so batches must share the
    deck's terms rather than find their own.
    """
    return tuple(sorted(deck_terms(deck.cards).items()))


def extract_batch(cards: Sequence[Card], terms: Terms) -> list[CardFacts]:
    """Facts and services of one batch of cards (the expensive, parallelisable step)."""
    return list(extract(cards, terms=dict(terms)))


def assemble(deck: Deck, card_facts: Sequence[CardFacts], settings: Settings) -> DeckBuild:
    """Questions, quality gate, features and difficulty for a whole deck.

    Generation is deck-level: Q&A distractors and duplicate-stem checks look
    across cards, so this runs once per deck after the batches are extracted.
    """
    questions = gate(generate(card_facts, seed=settings.seed), card_facts=card_facts)
    features = question_features(questions, card_facts)
    scored = score(questions, features)
    return DeckBuild(
        deck=deck,
        settings_hash=settings.fingerprint(),
        card_facts=tuple(card_facts),
        questions=tuple(scored),
        features=tuple(features),
    )


@dataclass(frozen=True)
class BuildSummary:
    """What one deck's build did, for logs, artifacts and the CLI."""

    deck_id: str
    path: str
    status: str            # built | unchanged
    cards: int = 0
    skipped: int = 0
    facts: int = 0
    questions: int = 0
    accepted: int = 0

    @classmethod
    def of(cls, build: DeckBuild) -> BuildSummary:
        qs = build.questions
        return cls(
            deck_id=build.deck.deck_id, path=build.deck.path, status="built",
            cards=len(build.deck.cards), skipped=len(build.deck.issues),
            facts=sum(len(cf.facts) for cf in build.card_facts),
            questions=len(qs), accepted=sum(q.status == "accepted" for q in qs),
        )


def build_deck(deck: Deck, settings: Settings) -> DeckBuild:
    """The whole build of one deck in-process (no Prefect)."""
    terms = terms_of(deck)
    card_facts: list[CardFacts] = []
    for batch in batches(deck.cards, settings.batch_size):
        card_facts.extend(extract_batch(batch, terms))
    return assemble(deck, card_facts, settings)
