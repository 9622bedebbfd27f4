"""The hostile corpus (`hostile_decks.CASES`): each deck gives its one clear message, with file and
line or note, through the reader and through `qbank facts`; never a traceback."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from hostile_decks import CASES, ESCAPED, Hostile
from pipeline.cli import cli
from pipeline.decks import read_deck
from pipeline.errors import DeckError

BY_NAME = {case.name: case for case in CASES}


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every corpus deck, written once, each in its own folder."""
    root = tmp_path_factory.mktemp("hostile")
    paths = {}
    for case in CASES:
        folder = root / case.name
        folder.mkdir()
        paths[case.name] = case.make(folder)
    return paths


def test_the_corpus_is_large_and_covers_every_outcome() -> None:
    assert len(CASES) >= 30 and len(BY_NAME) == len(CASES)
    assert {c.outcome for c in CASES} == {"refused", "skipped", "read"}
    assert all(c.message for c in CASES if c.outcome != "read") and all(c.text for c in CASES if c.outcome == "read")


def _message(case: Hostile, path: Path) -> str:
    """What the reader says about the deck: the error, or the one skipped card; '' when it reads cleanly."""
    try:
        deck = read_deck(path)
    except DeckError as e:
        assert case.outcome == "refused", f"{case.name}: refused: {e}"
        return str(e)
    assert case.outcome != "refused", f"{case.name}: read, {len(deck.cards)} cards"
    if case.outcome == "skipped":
        assert len(deck.issues) == 1 and deck.cards, deck.issues
        return str(deck.issues[0])
    assert deck.issues == ()
    text = "\n".join(line.text for card in deck.cards for line in card.lines)
    assert case.text in text
    assert not case.absent or case.absent not in text
    return ""


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_deck_gives_its_message_through_the_reader(case: Hostile, made: dict[str, Path]) -> None:
    path = made[case.name]
    message = _message(case, path)
    if case.outcome != "read":
        assert "\n" not in message
        assert f"{path}{case.where}" in message, message
        assert case.message in message, message
    assert not (path.parent / ESCAPED).exists()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_deck_gives_its_message_through_qbank_facts(case: Hostile, made: dict[str, Path]) -> None:
    path = made[case.name]
    result = CliRunner().invoke(cli, ["facts", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    errors = result.stderr.splitlines()
    if case.outcome == "refused":
        assert result.exit_code == 1
        assert len(errors) == 1 and errors[0].startswith(f"Error: {path}")
        assert f"{path}{case.where}" in errors[0] and case.message in errors[0]
    elif case.outcome == "skipped":
        assert result.exit_code == 0
        assert len(errors) == 1 and errors[0].startswith(f"warning: {path}{case.where}") and case.message in errors[0]
        assert errors[0].endswith("(card skipped)")
    else:
        assert result.exit_code == 0 and errors == []


@pytest.mark.parametrize("name", ["5MB-single-line", "zip-bomb-apkg", "utf16-le-no-bom"])
def test_a_real_process_prints_one_line_and_no_traceback(name: str, made: dict[str, Path]) -> None:
    path = made[name]
    qbank = Path(sys.executable).with_name("qbank")    # the installed command, as a user runs it
    done = subprocess.run([str(qbank), "facts", str(path)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"}, check=False, timeout=300)
    assert "Traceback" not in done.stderr
    case = BY_NAME[name]
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and case.message in lines[0]
    assert done.returncode == (1 if case.outcome == "refused" else 0)


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bank holding one good deck: no hostile deck may change it."""
    from pipeline.build import build_deck, load_deck
    from pipeline.settings import Settings
    from pipeline.store import Store

    good = tmp_path_factory.mktemp("good") / "good.txt"
    good.write_text("What is the max Lambda timeout?\nA:\n900 seconds\n", encoding="utf-8")
    db = tmp_path_factory.mktemp("bank") / "bank.duckdb"
    with Store(db) as store:
        build_deck(load_deck(good, Settings()), Settings(), store)
    return db


def _bank_rows(db: Path) -> dict[str, list[tuple]]:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in ("decks", "cards", "facts", "questions", "options")}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_deck_through_a_build_is_refused_whole_or_built_without_its_bad_card(
        case: Hostile, made: dict[str, Path], bank: Path, tmp_path: Path) -> None:
    """What `qbank build` does with each deck: the preflight refuses it (nothing written), or the build
    streams it and stores it, its one bad card skipped and reported."""
    import shutil

    from pipeline.build import build_deck, load_deck, preflight
    from pipeline.settings import Settings
    from pipeline.store import Store

    db = Path(shutil.copyfile(bank, tmp_path / "bank.duckdb"))
    before = _bank_rows(db)
    path = made[case.name]
    plan = preflight([path], db, Settings())
    if case.outcome == "refused" and plan.failed:
        assert plan.to_build == [] and len(plan.failed) == 1
        assert f"{path}{case.where}" in plan.failed[0][1] and case.message in plan.failed[0][1]
        assert _bank_rows(db) == before
        return
    assert plan.to_build == [path], plan.failed
    with Store(db) as store:
        try:
            summary = build_deck(load_deck(path, Settings()), Settings(), store)
        except DeckError as e:        # refused once its cards are read (not one card readable)
            assert case.outcome == "refused" and case.message in str(e) and f"{path}" in str(e)
            summary = None
    if summary is None:
        assert _bank_rows(db) == before
        return
    assert case.outcome in ("skipped", "read") and summary.cards >= 1
    assert summary.skipped == (1 if case.outcome == "skipped" else 0)
    with Store(db, read_only=True) as store:
        issues = store.cursor().execute("SELECT issues FROM decks WHERE deck_id = ?", [summary.deck_id]).fetchone()
    if case.outcome == "skipped":
        assert issues is not None and case.message in issues[0][0] and f"{path}{case.where}" in issues[0][0]
