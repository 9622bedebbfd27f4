"""The whole build without Prefect: determinism, idempotence, provenance."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.build import build_deck, deck_paths, load_deck
from pipeline.errors import DeckError, StrictModeError
from pipeline.settings import Settings
from pipeline.store import Store
from tests.conftest import DECK


def snapshot(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            "questions": con.execute("SELECT question_id, type, stem, answer, status, difficulty FROM questions ORDER BY 1").fetchall(),
            "options": con.execute("SELECT question_id, position, text, value FROM options ORDER BY 1, 2").fetchall(),
            "facts": con.execute("SELECT fact_id, card_index, line, text, value, unit FROM facts ORDER BY 1").fetchall(),
        }


def test_build_twice_gives_the_same_bank(tmp_path: Path) -> None:
    deck = load_deck(DECK, Settings())
    with Store(tmp_path / "a.duckdb") as store:
        store.write_build(build_deck(deck, Settings()))
        store.write_build(build_deck(deck, Settings(batch_size=7)))  # batching must not change the result
    with Store(tmp_path / "b.duckdb") as store:
        store.write_build(build_deck(deck, Settings()))
    a, b = snapshot(tmp_path / "a.duckdb"), snapshot(tmp_path / "b.duckdb")
    assert a == b
    assert a["questions"] and len({q[0] for q in a["questions"]}) == len(a["questions"])


def test_every_fact_and_question_records_its_card_and_line(tmp_path: Path) -> None:
    deck = load_deck(DECK, Settings())
    build = build_deck(deck, Settings())
    lines = {c.card_id: {line.number for line in c.lines} for c in deck.cards}
    facts = [f for cf in build.card_facts for f in cf.facts]
    assert facts and all(f.line in lines[f.card_id] for f in facts)
    assert all(q.line in lines[q.card_id] for q in build.questions)
    assert all(q.fact_id in {f.fact_id for f in facts} for q in build.questions if q.fact_id)


def test_different_seed_changes_distractors_not_ids() -> None:
    deck = load_deck(DECK, Settings())
    one, two = build_deck(deck, Settings(seed=1)), build_deck(deck, Settings(seed=2))
    assert [q.question_id for q in one.questions] == [q.question_id for q in two.questions]
    options = lambda b: [o.text for q in b.questions if q.type == "multichoice" and q.fact_id for o in q.options]  # noqa: E731
    assert options(one) != options(two)


def test_strict_refuses_malformed_deck(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("Good\nA:\n- 5 minutes TTL\n---\nNo answer marker\n", encoding="utf-8")
    assert len(load_deck(bad, Settings()).issues) == 1
    with pytest.raises(StrictModeError, match=r"bad.txt:5: card has no 'A:' line"):
        load_deck(bad, Settings(strict=True))


def test_deck_paths_expand_folders(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("x\nA:\ny\n", encoding="utf-8")
    (tmp_path / "a.csv").write_text("front,back\nx,y\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert [p.name for p in deck_paths([tmp_path])] == ["a.csv", "b.txt"]
    with pytest.raises(DeckError, match="no such file or folder"):
        deck_paths([tmp_path / "missing"])


def test_deck_paths_refuse_two_decks_with_one_name(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "intro.txt").write_text("Q\nA:\nx\n", encoding="utf-8")
    with pytest.raises(DeckError, match="another deck is named 'intro'"):
        deck_paths([tmp_path])
