"""What a build has to do, found before any orchestration starts: the decks, and which need building.

Light on purpose (no spaCy, no Prefect): `qbank build` answers a missing path,
an unreadable deck or an unchanged deck from here in about a second.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from .decks import SUFFIXES, DeckSource, deck_name, open_deck
from .errors import DeckError, PipelineError, StrictModeError
from .settings import Settings
from .store import Store
from .types import DeckIssue

__all__ = ["DECK_SUFFIXES", "deck_paths", "load_deck", "Preflight", "preflight"]

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


def load_deck(path: str | Path, settings: Settings) -> DeckSource:
    """Open a deck for a build (`decks.open_deck`); with `--strict`, malformed cards stop it before anything is written.

    Raises:
        DeckError: the deck cannot be read.
        StrictModeError: `settings.strict` and the deck has malformed cards (all are listed).
    """
    source = open_deck(path, fmt=settings.deck_format)
    if settings.strict:
        issues = [item for item in source.items() if isinstance(item, DeckIssue)]
        if issues:
            listing = "\n".join(str(issue) for issue in issues)
            raise StrictModeError(f"{len(issues)} malformed card(s) and --strict is set:\n{listing}")
    return source


# A deck the bank holds with at most this many cards to process again is built in-process: starting a
# Prefect server and workers would cost more than the work (a 1% edit of 20,000 cards is 200).
SMALL_CHANGE: Final = 1000


@dataclass(frozen=True)
class Preflight:
    """What a build has to do, found before any orchestration starts (seconds, not a server start)."""

    to_build: list[Path]
    unchanged: list[tuple[Path, int]]      # (deck, cards): content and settings as at its last build
    failed: list[tuple[Path, str]]         # (deck or path, message): reported, not built
    # of `to_build`: held by the bank, few cards changed; with their scans (`build.DeckScan`), made once
    small: dict[Path, Any] = field(default_factory=dict)


def preflight(paths: Iterable[str | Path], db: str | Path, settings: Settings, *, force: bool = False) -> Preflight:
    """Sort the decks named by `paths` into those to build, those unchanged and those that cannot be read.

    A bad path or deck does not stop the others: it is reported with its message.
    """
    found: list[Path] = []
    failed: list[tuple[Path, str]] = []
    for raw in paths:
        try:
            found.extend(deck_paths([raw]))
        except DeckError as e:
            failed.append((Path(raw), str(e)))
    try:
        found = deck_paths(found)
    except DeckError as e:           # two decks with one name: neither is built
        return Preflight([], [], failed + [(Path("."), str(e))])
    stored: dict[str, tuple[str, str, int] | None] = {}
    if not force and Path(db).exists():
        try:
            with Store(db, read_only=True) as store:
                stored = {deck_name(p): store.stored_deck(deck_name(p)) for p in found}
        except PipelineError:
            stored = {}              # locked or not a bank: the build itself will say so
    to_build: list[Path] = []
    unchanged: list[tuple[Path, int]] = []
    changed: dict[Path, DeckSource] = {}     # held by the bank, content or settings new
    for p in found:
        try:
            deck = load_deck(p, settings)
        except PipelineError as e:
            failed.append((p, str(e)))
            continue
        before = stored.get(deck.deck_id)
        if before is not None and before[:2] == (deck.content_hash, settings.fingerprint()):
            unchanged.append((p, before[2]))
        else:
            to_build.append(p)
            if before is not None:
                changed[p] = deck
    return Preflight(to_build, unchanged, failed, small=_small_changes(changed, db, settings) if changed else {})


def _small_changes(decks: dict[Path, DeckSource], db: str | Path, settings: Settings) -> dict[Path, Any]:
    """The decks (all held by the bank) with at most `SMALL_CHANGE` cards to process again, and their scans."""
    from .build import ManyChanges, scan_deck    # the deck-level scan; still no spaCy pipeline loaded

    small = {}
    try:
        with Store(db, read_only=True) as store:
            for p, deck in decks.items():
                try:
                    known = store.known(deck.deck_id, settings.fingerprint())
                    scan = scan_deck(deck, settings, known=known, at_most=SMALL_CHANGE)
                    todo = store.plan(deck.deck_id, scan.scan)
                except ManyChanges:
                    continue         # a large change: the flow builds it (and reads the deck whole)
                except PipelineError:
                    continue         # the build itself reports it
                if todo is not None and len(todo) <= SMALL_CHANGE:
                    small[p] = scan
    except PipelineError:
        return {}
    return small
