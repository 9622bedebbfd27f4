"""Anki packages made by Anki itself (and by genanki): notes, note types, decks, tags, cloze."""
from __future__ import annotations

import json
from pathlib import Path

import genanki
import pytest
from click.testing import CliRunner

from pipeline.build import DECK_SUFFIXES, build_deck, deck_paths
from pipeline.cli import DECK_FORMATS, cli
from pipeline.decks import FORMATS, read_deck
from pipeline.settings import Settings
from pipeline.store import Store
from pipeline.types import Deck

NOTES = [
    ("Basic", ["What is the <b>max</b> Lambda timeout?", "900 seconds<br>(15&nbsp;minutes)"], ["aws", "lambda"]),
    ("Cloze", ["SQS keeps messages for up to {{c1::14 days::how long?}}, by default {{c2::4 days}}", "See SQS docs"], []),
    ("Basic (optional reversed card)", ["S3 max object size", "5 TB", "y"], ["s3"]),
    ("Basic", ['<img src="diagram.png">', "An image"], []),
]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], list[int]]:
    """The notes in a legacy and a modern .apkg and .colpkg, exported by Anki; and the notes' IDs."""
    pytest.importorskip("anki")
    from anki.collection import Collection, ExportAnkiPackageOptions

    folder = tmp_path_factory.mktemp("anki")
    paths = {name: folder / name / f"limits{suffix}" for name, suffix in
             (("apkg", ".apkg"), ("apkg-legacy", ".apkg"), ("colpkg", ".colpkg"))}
    for p in paths.values():
        p.parent.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    ids = []
    for note_type, fields, tags in NOTES:
        note = col.new_note(col.models.by_name(note_type))
        for i, value in enumerate(fields):
            note.fields[i] = value
        note.tags = tags
        col.add_note(note, col.decks.id("AWS::Limits"))
        ids.append(note.id)
    for legacy in (False, True):
        col.export_anki_package(out_path=str(paths["apkg-legacy" if legacy else "apkg"]), limit=None,
                                options=ExportAnkiPackageOptions(legacy=legacy, with_media=True))
    col.export_collection_package(str(paths["colpkg"]), include_media=True, legacy=False)
    return paths, ids


@pytest.fixture(scope="module")
def packages(exported: tuple[dict[str, Path], list[int]]) -> dict[str, Path]:
    return exported[0]


@pytest.mark.parametrize("name", ["apkg", "apkg-legacy", "colpkg"])
def test_notes_become_cards_with_their_note(exported: tuple[dict[str, Path], list[int]], name: str) -> None:
    packages, ids = exported
    deck = read_deck(packages[name])
    basic, cloze, reversed_ = deck.cards
    assert (basic.title, basic.answer) == ("What is the max Lambda timeout?", "900 seconds\n(15 minutes)")
    assert [line.number for line in basic.lines] == [1, 2, 3]               # counted within the note
    assert [c.origin.note_id for c in deck.cards if c.origin] == ids[:3]
    assert basic.origin is not None
    assert (basic.origin.note_type, basic.origin.deck, basic.origin.tags) == ("Basic", "AWS::Limits", ("aws", "lambda"))
    assert cloze.title_lines == ()
    assert [a.text for a in cloze.answer_lines] == ["SQS keeps messages for up to 14 days, by default 4 days", "See SQS docs"]
    assert reversed_.origin is not None and reversed_.origin.note_type == "Basic (optional reversed card)"
    assert reversed_.answer == "5 TB\ny"                                    # every field is kept
    [issue] = deck.issues
    assert str(issue) == (f"{packages[name]}:note {ids[3]}: note's front is only media (diagram.png); "
                          "qbank reads text only")


def test_legacy_and_modern_packages_read_alike(packages: dict[str, Path]) -> None:
    decks = [read_deck(packages[name]) for name in ("apkg", "apkg-legacy", "colpkg")]
    assert decks[0].cards == decks[1].cards == decks[2].cards
    assert decks[0].content_hash == decks[1].content_hash


def test_facts_of_a_package_name_their_note(packages: dict[str, Path]) -> None:
    result = CliRunner().invoke(cli, ["facts", str(packages["apkg"])])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    timeout = next(r for r in rows if r.get("text") == "900 seconds")
    note_id = read_deck(packages["apkg"]).cards[0].origin.note_id  # type: ignore[union-attr]
    assert (timeout["note"], timeout["line"], timeout["unit"]) == (note_id, 2, "s")
    assert "diagram.png" in result.stderr and "(card skipped)" in result.stderr


def test_the_bank_keeps_the_note_of_each_card(packages: dict[str, Path], db_path: Path) -> None:
    deck = read_deck(packages["apkg"])
    with Store(db_path) as store:
        build_deck(deck, Settings(), store)
    with Store(db_path, read_only=True) as store:
        rows = store.con.execute("SELECT origin->>'note_id', origin->>'deck', origin->'tags' FROM cards "
                                 "ORDER BY card_index").fetchall()
    assert [(int(n), d) for n, d, _ in rows] == [(c.origin.note_id, "AWS::Limits") for c in deck.cards]  # type: ignore[union-attr]
    assert json.loads(rows[0][2]) == ["aws", "lambda"]


def test_a_genanki_package_reads_too(tmp_path: Path) -> None:
    model = genanki.Model(1607392319, "Q&A", fields=[{"name": "Question"}, {"name": "Answer"}],
                          templates=[{"name": "Card 1", "qfmt": "{{Question}}", "afmt": "{{Answer}}"}])
    genanki_deck = genanki.Deck(2059400110, "Generated")
    genanki_deck.add_note(genanki.Note(model=model, fields=["Max SQS message size?", "256 KB"], guid="fixed"))
    path = tmp_path / "generated.apkg"
    genanki.Package(genanki_deck).write_to_file(str(path))
    deck: Deck = read_deck(path)
    assert [(c.title, c.answer) for c in deck.cards] == [("Max SQS message size?", "256 KB")]
    assert deck.cards[0].origin is not None and deck.cards[0].origin.guid == "fixed"
    assert deck.cards[0].origin.note_type == "Q&A" and deck.cards[0].origin.deck == "Generated"


def test_folders_find_packages_and_the_cli_offers_the_format(tmp_path: Path) -> None:
    assert set(DECK_FORMATS) == set(FORMATS)
    assert {".apkg", ".colpkg"} <= set(DECK_SUFFIXES)
    for name in ("a.apkg", "b.colpkg", "c.txt", "notes.md"):
        (tmp_path / name).write_bytes(b"")
    assert [p.name for p in deck_paths([tmp_path])] == ["a.apkg", "b.colpkg", "c.txt"]


def test_a_package_without_a_collection_says_so_on_one_line(tmp_path: Path) -> None:
    """The members the archive holds are named in the error, escaped: a name may hold a line break (found by the
    package fuzz test), and an error is one line."""
    import zipfile

    from pipeline.errors import DeckError

    path = tmp_path / "odd.apkg"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("collectio\n.anki2", b"x")
        archive.writestr("media", b"{}")
    with pytest.raises(DeckError) as raised:
        read_deck(path)
    assert "no Anki collection inside (found: collectio\\n.anki2, media)" in str(raised.value)
    assert "\n" not in str(raised.value)
