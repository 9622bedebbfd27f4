"""The DuckDB bank: idempotent replacement, atomic failure, schema version."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from pipeline.decks import parse_deck
from pipeline.errors import StoreError
from pipeline.store import SCHEMA_VERSION, DeckBuild, Store
from pipeline.types import CardFacts, Fact, Option, Question

DECK = "Lambda limits\nA:\n- Maximum execution time: 900 seconds\n---\nDynamoDB\nA:\n- Max item size 400KB\n"


def small_build(deck_text: str = DECK, name: str = "tiny.txt") -> DeckBuild:
    deck = parse_deck(deck_text, path=name)
    card = deck.cards[0]
    fid, qid = f"f-{deck.deck_id}", f"q-{deck.deck_id}"
    fact = Fact(fid, card.card_id, 0, 3, "900 seconds", 900.0, "s", "duration", attribute="Maximum execution time")
    question = Question(
        qid, deck.deck_id, card.card_id, 0, 3, "multichoice", "Maximum execution time of Lambda?", "900 seconds",
        fact_id=fid, answer_value=900.0, answer_unit="s",
        options=(Option(0, "900 seconds", True, 900.0), Option(1, "600 seconds", False, 600.0)),
    )
    cfs = (CardFacts(card, facts=(fact,)),) + tuple(CardFacts(c) for c in deck.cards[1:])
    return DeckBuild(deck, "settings-1", cfs, (question,), features=({"question_id": qid, "n_options": 2},))


def counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("decks", "cards", "facts", "questions", "options", "question_features")}


def test_rebuild_replaces_instead_of_duplicating(db_path: Path) -> None:
    with Store(db_path) as store:
        store.write_build(small_build())
    first = counts(db_path)
    with Store(db_path) as store:
        store.write_build(small_build())
    assert counts(db_path) == first == {"decks": 1, "cards": 2, "facts": 1, "questions": 1, "options": 2, "question_features": 1}


def test_decks_are_replaced_independently(db_path: Path) -> None:
    with Store(db_path) as store:
        store.write_build(small_build())
        store.write_build(small_build(name="other.txt"))
        smaller = small_build("Only card\nA:\nno numbers\n", name="other.txt")
        store.write_build(replace(smaller, questions=(), features=(), card_facts=tuple(CardFacts(c) for c in smaller.deck.cards)))
        assert store.deck_ids() == ["other", "tiny"]
        assert [q.question_id for q in store.load_questions()] == ["q-tiny"]
        assert store.load_questions(deck_id="other") == []


def test_failed_build_leaves_previous_bank_intact(db_path: Path) -> None:
    with Store(db_path) as store:
        store.write_build(small_build())
    before = counts(db_path)
    good = small_build()
    # Two questions with one ID: the uniqueness check fails half-way through the writes.
    broken = replace(good, questions=good.questions * 2, features=())
    with Store(db_path) as store, pytest.raises(StoreError, match="would be stored twice"):
        store.write_build(broken)
    assert counts(db_path) == before
    with Store(db_path, read_only=True) as store:
        assert store.load_questions()[0].options[0].text == "900 seconds"


def test_questions_round_trip_with_options_and_extra(db_path: Path) -> None:
    build = small_build()
    q = replace(build.questions[0], extra=(("accepted", ["900 s", "15 minutes"]), ("tolerance", 0.0)))
    with Store(db_path) as store:
        store.write_build(replace(build, questions=(q,)))
        assert store.load_questions() == [q]
        assert store.deck_fingerprint("tiny") == (build.deck.content_hash, "settings-1")


def test_schema_version_is_checked(db_path: Path) -> None:
    with Store(db_path) as store:
        store.write_build(small_build())
    with duckdb.connect(str(db_path)) as con:
        con.execute("UPDATE schema_info SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match=f"schema version 999, this qbank needs {SCHEMA_VERSION}"):
        Store(db_path).con
    with pytest.raises(StoreError, match="no bank here"):
        Store(db_path.with_name("none.duckdb"), read_only=True).con


def test_coverage_by_card_counts(db_path: Path) -> None:
    with Store(db_path) as store:
        store.write_build(small_build())
        rows = store.cursor().execute("SELECT card_index, n_facts, n_questions, n_accepted FROM coverage_by_card ORDER BY card_index").fetchall()
    assert rows == [(0, 1, 1, 1), (1, 0, 0, 0)]


def test_calibrated_difficulty_survives_a_rebuild(db_path: Path) -> None:
    with Store(db_path) as store:
        store.write_build(small_build())
        store.cursor().execute("INSERT INTO item_stats (question_id, n_responses, difficulty) VALUES ('q-tiny', 60, 0.83)")
        store.write_build(small_build())
        assert store.load_questions()[0].difficulty == 0.83


def test_revision_moves_only_when_content_changes(db_path: Path) -> None:
    build = small_build()
    with Store(db_path) as store:
        store.write_build(build)
        store.write_build(build)
        assert store.load_questions()[0].revision == 0
        edited = replace(build.questions[0], stem="Maximum run time of a Lambda function?")
        store.write_build(replace(build, questions=(edited,)))
        assert store.load_questions()[0].revision == 1
        store.write_build(replace(build, questions=(edited,)))
        assert store.load_questions()[0].revision == 1


def test_a_bank_from_before_question_revisions_is_migrated_on_write(db_path: Path) -> None:
    with Store(db_path) as store:
        store.write_build(small_build())
    with duckdb.connect(str(db_path)) as con:   # the questions table as banks had it before revisions
        con.execute("ALTER TABLE questions DROP COLUMN content_hash")
        con.execute("ALTER TABLE questions DROP COLUMN revision")
    with Store(db_path) as store:
        store.write_build(small_build())
        # the old rows carry no content hash: the store cannot tell they are unchanged, so it counts a revision
        assert [q.revision for q in store.load_questions()] == [1]


def test_a_commit_that_outgrows_the_memory_cap_is_a_message_and_the_bank_stays(tmp_path: Path,
                                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.store as store_module
    from pipeline.build import build_deck
    from pipeline.settings import Settings
    from tests.conftest import DECK

    db = tmp_path / "bank.duckdb"
    deck = parse_deck(DECK.read_text(encoding="utf-8"), path="serverless-aws.txt")
    with Store(db) as store:
        build_deck(deck, Settings(), store)
    with duckdb.connect(str(db), read_only=True) as con:
        before = con.execute("SELECT question_id, status FROM questions ORDER BY 1").fetchall()
    monkeypatch.setattr(store_module, "MEMORY_LIMIT", "2MB")
    bigger = parse_deck(DECK.read_text(encoding="utf-8") * 40, path="serverless-aws.txt")
    with pytest.raises(StoreError, match=r"needs more memory than the bank may use \(2MB\); the bank is as it was. "
                                         r"Build again with a larger cap, e.g. QBANK_DB_MEMORY=4GB"):
        with Store(db) as store:
            build_deck(bigger, Settings(), store, force=True)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT question_id, status FROM questions ORDER BY 1").fetchall() == before


def test_ids_are_unique_without_keys_and_a_repeat_rolls_the_commit_back(db_path: Path) -> None:
    import pipeline.store as store_module

    with Store(db_path) as store:
        cur = store.cursor()
        cur.execute("INSERT INTO questions (question_id, deck_id) VALUES ('q1', 'd'), ('q1', 'd')")
        with pytest.raises(StoreError, match="questions: question_id 'q1' would be stored twice"):
            store_module._check_unique_ids(cur, "d")
