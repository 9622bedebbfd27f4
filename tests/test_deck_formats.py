"""Every format is equal: the shipped and shared decks, converted to each format by this test
(Anki's formats by Anki's own exporters), give the same cards, facts and questions as the native deck."""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from deck_formats import ANKI_FORMATS, PLAIN_FORMATS, shapes, write_anki, write_plain
from pipeline.build import build_deck
from pipeline.decks import read_deck
from pipeline.settings import Settings
from pipeline.store import DeckBuild
from pipeline.types import Deck, Line, Question

pytest.importorskip("anki")

ROOT = Path(__file__).resolve().parents[1]
DECKS = {"serverless-aws": ROOT / "data" / "raw" / "serverless-aws.txt",
         "og-aws-gotchas": ROOT.parent / "shared" / "decks" / "og-aws-gotchas.txt"}
FORMATS = [*PLAIN_FORMATS, *ANKI_FORMATS]
PACKAGES = [f for f in ANKI_FORMATS if f != "anki-text"]

# Why questions still differ by format; both causes are in question generation, which is being rewritten.
SEEDED_BY_LINE = ("generators seed choices with the source line number (numeric truefalse: rng_for(0, "
                  "f'{card_id}:{line}'); calculated capacity datasets: rng_for(0, f'{card_id}:{line.number}')), "
                  "and a package numbers lines within each note")
LOOKED_UP_BY_NUMBER = ("generators and the gate look lines up by number (context.line_of); a delimited card's front "
                       "and back share one file line, so they find the title ('no_source'); and " + SEEDED_BY_LINE)


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


@cache
def _build(path: Path) -> DeckBuild:
    return build_deck(read_deck(path), Settings())


def _path(files: dict[tuple[str, str], Path], deck: str, fmt: str) -> Path:
    if (deck, fmt) not in files:
        pytest.skip(f"{DECKS[deck]} not found")
    return files[deck, fmt]


def _pair(files: dict[tuple[str, str], Path], deck: str, fmt: str) -> tuple[DeckBuild, DeckBuild]:
    return _build(_path(files, deck, "text")), _build(_path(files, deck, fmt))


def _cases(xfail: Callable[[str], str | None] = lambda fmt: None) -> list[object]:
    return [pytest.param(deck, fmt, marks=[pytest.mark.xfail(strict=True, reason=reason)] if reason else [])
            for deck in DECKS for fmt in FORMATS if fmt != "text" for reason in [xfail(fmt)]]


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


@pytest.mark.parametrize(("deck", "fmt"), _cases(lambda fmt: SEEDED_BY_LINE if fmt in PACKAGES else LOOKED_UP_BY_NUMBER))
def test_every_format_gives_the_same_accepted_questions(files: dict[tuple[str, str], Path], deck: str, fmt: str) -> None:
    native, other = _pair(files, deck, fmt)
    assert _accepted(other) == _accepted(native)


@pytest.mark.parametrize("deck", DECKS)
def test_questions_differ_by_line_numbers_alone(files: dict[tuple[str, str], Path], deck: str) -> None:
    """The native deck, its lines numbered within each card as a package numbers them, gives exactly a
    package's questions: what the xfails above see comes from line numbers, not from what was read."""
    native, package = _pair(files, deck, "apkg")
    renumbered = build_deck(_numbered_within_cards(native.deck), Settings())
    assert _accepted(renumbered) == _accepted(package)
    assert len(_accepted(package)) > 200


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


def _facts(build: DeckBuild) -> tuple[list[object], list[object]]:
    facts = [dataclasses.replace(f, line=0) for cf in build.card_facts for f in cf.facts]
    services = [dataclasses.replace(m, line=0) for cf in build.card_facts for m in cf.services]
    return facts, services


def _accepted(build: DeckBuild) -> dict[str, Question]:
    """Accepted questions by ID, line numbers aside (also where a reason quotes one)."""
    return {q.question_id: dataclasses.replace(q, line=0, reason=re.sub(r"\bline \d+", "line N", q.reason))
            for q in build.questions if q.status == "accepted"}


def _numbered_within_cards(deck: Deck) -> Deck:
    def renumber(lines: tuple[Line, ...], start: int) -> tuple[Line, ...]:
        return tuple(Line(start + i, line.text) for i, line in enumerate(lines))

    cards = tuple(dataclasses.replace(c, title_lines=renumber(c.title_lines, 1),
                                      answer_lines=renumber(c.answer_lines, 1 + len(c.title_lines)))
                  for c in deck.cards)
    return dataclasses.replace(deck, cards=cards)
