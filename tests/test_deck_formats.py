"""Every format is equal: the shipped and shared decks, converted to each format by this test
(Anki's formats by Anki's own exporters), give the same cards, facts and questions as the native deck."""
from __future__ import annotations

import dataclasses
import re
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from deck_formats import ANKI_FORMATS, PLAIN_FORMATS, shapes, write_anki, write_plain
from pipeline.build import build_deck
from pipeline.decks import read_deck
from pipeline.facts import extract
from pipeline.settings import Settings
from pipeline.store import Store
from pipeline.types import CardFacts, Deck, Line, Question

pytest.importorskip("anki")

ROOT = Path(__file__).resolve().parents[1]
DECKS = {"serverless-aws": ROOT / "data" / "raw" / "serverless-aws.txt",
         "og-aws-gotchas": ROOT.parent / "shared" / "decks" / "og-aws-gotchas.txt"}
FORMATS = [*PLAIN_FORMATS, *ANKI_FORMATS]
PACKAGES = [f for f in ANKI_FORMATS if f != "anki-text"]



@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Each deck written in each format: {(deck, format): path}."""
    out: dict[tuple[str, str], Path] = {}
    for name, source in DECKS.items():
        if not source.is_file():
            continue
        folder = tmp_path_factory.mktemp(name)
        cards = shapes(read_deck(source).cards)
        for fmt, suffix in PLAIN_FORMATS.items():
            (folder / fmt).mkdir()
            out[name, fmt] = write_plain(cards, fmt, folder / fmt / f"{name}{suffix}")
        for fmt, path in write_anki(cards, folder / "anki", name).items():
            out[name, fmt] = path
    return out


@dataclasses.dataclass(frozen=True)
class Built:
    """A deck's cards and facts, and the questions its build stored in a bank."""

    deck: Deck
    card_facts: tuple[CardFacts, ...]
    questions: tuple[Question, ...]


def build(deck: Deck) -> Built:
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bank.duckdb") as store:
        build_deck(deck, Settings(), store)
        questions = tuple(store.load_questions(status=None))
    return Built(deck, tuple(extract(deck.cards)), questions)


@cache
def _build(path: Path) -> Built:
    return build(read_deck(path))


def _path(files: dict[tuple[str, str], Path], deck: str, fmt: str) -> Path:
    if (deck, fmt) not in files:
        pytest.skip(f"{DECKS[deck]} not found")
    return files[deck, fmt]


def _pair(files: dict[tuple[str, str], Path], deck: str, fmt: str) -> tuple[Built, Built]:
    return _build(_path(files, deck, "text")), _build(_path(files, deck, fmt))


def _cases() -> list[tuple[str, str]]:
    return [(deck, fmt) for deck in DECKS for fmt in FORMATS if fmt != "text"]


@pytest.mark.parametrize(("deck", "fmt"), _cases())
def test_every_format_gives_the_same_cards(files: dict[tuple[str, str], Path], deck: str, fmt: str) -> None:
    native, other = (read_deck(_path(files, deck, f)) for f in ("text", fmt))
    assert other.issues == ()
    assert _cards(other) == _cards(native)
    assert len(other.cards) == {"serverless-aws": 36, "og-aws-gotchas": 68}[deck]


@pytest.mark.parametrize(("deck", "fmt"), _cases())
def test_every_format_gives_the_same_facts_and_services(files: dict[tuple[str, str], Path], deck: str, fmt: str) -> None:
    native, other = _pair(files, deck, fmt)
    assert _facts(other) == _facts(native)
    assert len(_facts(native)[0]) > 40


@pytest.mark.parametrize(("deck", "fmt"), _cases())
def test_every_format_gives_the_same_accepted_questions(files: dict[tuple[str, str], Path], deck: str, fmt: str) -> None:
    native, other = _pair(files, deck, fmt)
    assert _accepted(other) == _accepted(native)


@pytest.mark.parametrize("deck", DECKS)
def test_questions_do_not_depend_on_line_numbers(files: dict[tuple[str, str], Path], deck: str) -> None:
    """The native deck, its lines numbered within each card as a package numbers them, gives exactly a
    package's questions: nothing a question asks or shows depends on where its line sits in the file."""
    native, package = _pair(files, deck, "apkg")
    renumbered = build(_numbered_within_cards(native.deck))
    assert _accepted(renumbered) == _accepted(package)
    assert len(_accepted(package)) > 100                       # not a vacuous comparison


def test_packages_keep_the_anki_note(files: dict[tuple[str, str], Path]) -> None:
    deck = read_deck(_path(files, "serverless-aws", "apkg"))
    origins = [card.origin for card in deck.cards]
    assert all(o is not None and o.note_type == "Basic" and o.deck == "qbank::serverless-aws" and o.tags == ("aws",)
               for o in origins)
    ids = [o.note_id for o in origins if o is not None]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    anki_text = read_deck(files["serverless-aws", "anki-text"])
    assert [c.origin.guid for c in anki_text.cards if c.origin] == [o.guid for o in origins if o]
    # The content digest follows the notes, not the archive: the legacy package holds the same notes.
    assert read_deck(files["serverless-aws", "apkg-legacy"]).content_hash == deck.content_hash


def _cards(deck: Deck) -> list[tuple[object, ...]]:
    return [(c.card_id, c.index, [t.text for t in c.title_lines], [a.text for a in c.answer_lines], c.quiz_answer,
             c.quiz_note) for c in deck.cards]


def _unlined(record: Any) -> Any:
    site = dataclasses.replace(record.site, line=0) if record.site else None
    return dataclasses.replace(record, line=0, site=site)


def _facts(built: Built) -> tuple[list[object], list[object]]:
    facts = [_unlined(f) for cf in built.card_facts for f in cf.facts]
    services = [_unlined(m) for cf in built.card_facts for m in cf.services]
    return facts, services


def _accepted(built: Built) -> dict[str, Question]:
    """Accepted questions by ID, line numbers aside (also where a reason quotes one)."""
    return {q.question_id: dataclasses.replace(q, line=0, reason=re.sub(r"\bline \d+", "line N", q.reason))
            for q in built.questions if q.status == "accepted"}


def _numbered_within_cards(deck: Deck) -> Deck:
    def renumber(lines: tuple[Line, ...], start: int) -> tuple[Line, ...]:
        return tuple(Line(start + i, line.text) for i, line in enumerate(lines))

    cards = tuple(dataclasses.replace(c, title_lines=renumber(c.title_lines, 1),
                                      answer_lines=renumber(c.answer_lines, 1 + len(c.title_lines)))
                  for c in deck.cards)
    return dataclasses.replace(deck, cards=cards)
