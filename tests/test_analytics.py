"""Each view against the hand-made bank of `hand_bank.py`; expected numbers worked out by hand there."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from hand_bank import quiz_exam

from pipeline.analytics import run_sql, stats
from pipeline.views import FLAG_EASY, FLAG_HARD, FLAG_NEGATIVE, NO_FACT, NO_REASON, NO_SUBJECT, VIEWS
from pipeline.errors import QueryError
from pipeline.store import Store


@pytest.fixture
def bank(hand_bank: Path) -> Path:
    return hand_bank


@pytest.fixture
def store(hand_bank_file: Path) -> Any:
    with Store(hand_bank_file, read_only=True) as s:
        yield s


def rows(store: Store, sql: str) -> list[tuple[Any, ...]]:
    return run_sql(store, sql)[1]


def test_fact_coverage(store: Store) -> None:
    got = rows(store, "SELECT fact_id, n_questions, n_accepted, n_rejected, accepted_types, covered, subject "
                      "FROM fact_coverage WHERE deck_id = 'd1'")
    assert got == [
        ("F1", 2, 2, 0, ["cloze", "multichoice"], True, "AWS Lambda"),
        ("F2", 1, 0, 1, None, False, "AWS Lambda"),
        ("F3", 3, 2, 1, ["cloze", "multi_cloze"], True, "Amazon S3"),
        ("F4", 2, 1, 1, ["multi_cloze"], True, "Amazon S3"),          # covered by Q9's fact_ids only
        ("F5", 0, 0, 0, None, False, NO_SUBJECT),
    ]


def test_coverage_by_card(store: Store) -> None:
    got = rows(store, "SELECT card_index, title, n_facts, n_facts_covered, n_services, n_questions, n_accepted, "
                      "n_rejected, covered FROM coverage_by_card WHERE deck_id = 'd1'")
    assert got == [
        (0, "Lambda limits", 2, 1, 1, 4, 2, 2, True),
        (1, "S3 limits", 3, 2, 1, 4, 2, 2, True),
        (2, "Quiz", 0, 0, 1, 1, 1, 0, True),
        (3, "Empty", 0, 0, 0, 0, 0, 0, False),
    ]


def test_coverage_by_subject(store: Store) -> None:
    got = rows(store, "SELECT subject, n_cards, n_facts, n_facts_covered, fact_coverage, n_questions, n_accepted "
                      "FROM coverage_by_subject WHERE deck_id = 'd1'")
    assert got == [
        ("AWS Lambda", 1, 2, 1, 0.5, 4, 2),       # Q1-Q3 through their fact, Q8 by its own subject
        ("Amazon S3", 1, 2, 2, 1.0, 4, 2),        # Q9 through the subject of its facts
        (NO_SUBJECT, 1, 1, 0, 0.0, 0, 0),
        ("Amazon SQS", 0, 0, 0, None, 1, 1),      # a subject with questions but no facts
    ]
    assert rows(store, "SELECT subject, n_facts, n_accepted FROM coverage_by_subject WHERE deck_id = 'd2'") == [
        ("Amazon S3", 1, 1)]


def test_coverage_by_kind_is_a_full_matrix(store: Store) -> None:
    cols, got = run_sql(store, "SELECT kind, type, n_facts, n_facts_covered, n_questions, n_accepted, n_rejected "
                               "FROM coverage_by_kind WHERE deck_id = 'd1'")
    kinds = ["(no fact)", "count", "duration", "price", "size"]
    types = ["cloze", "multi_cloze", "multichoice", "shortanswer", "term_cloze"]
    assert [(r[0], r[1]) for r in got] == [(k, t) for k in kinds for t in types]
    nonzero = {(r[0], r[1]): r[2:] for r in got if r[4]}
    assert nonzero == {
        ("duration", "cloze"): (1, 1, 1, 1, 0),
        ("duration", "multichoice"): (1, 1, 1, 1, 0),
        ("size", "cloze"): (2, 1, 2, 1, 1),
        ("size", "multichoice"): (2, 0, 1, 0, 1),
        ("size", "multi_cloze"): (2, 1, 1, 1, 0),       # Q9 spans a size and a count fact:
        ("count", "multi_cloze"): (1, 1, 1, 1, 0),      # it counts in both rows
        ("count", "cloze"): (1, 0, 1, 0, 1),
        (NO_FACT, "shortanswer"): (0, 0, 1, 1, 0),
        (NO_FACT, "term_cloze"): (0, 0, 1, 0, 1),
    }
    assert {(r[0], r[2]) for r in got} == {(NO_FACT, 0), ("count", 1), ("duration", 1), ("price", 1), ("size", 2)}


def test_difficulty_distribution(store: Store) -> None:
    got = rows(store, "SELECT type, status, bin_low, bin_high, n_questions FROM difficulty_distribution "
                      "WHERE deck_id = 'd1'")
    assert got == [
        ("cloze", "accepted", 0.2, 0.3, 1),
        ("cloze", "accepted", 0.9, 1.0, 1),
        ("cloze", "rejected", 0.3, 0.4, 1),
        ("cloze", "rejected", 0.9, 1.0, 1),        # 1.0 falls in the last bin
        ("multi_cloze", "accepted", 0.6, 0.7, 1),
        ("multichoice", "accepted", 0.5, 0.6, 1),
        ("multichoice", "rejected", 0.5, 0.6, 1),
        ("shortanswer", "accepted", None, None, 1),  # unscored
        ("term_cloze", "rejected", 0.0, 0.1, 1),
    ]


def test_rejections(store: Store) -> None:
    got = rows(store, "SELECT reason, n_questions, n_cards, types, example_ids, examples FROM rejections "
                      "WHERE deck_id = 'd1'")
    assert got == [
        ("answer leaked in stem", 2, 2, ["cloze"], ["Q3", "Q6"],
         ["answer leaked in stem: 10 GB | stem of Q3", "answer leaked in stem: 3500 | stem of Q6"]),
        (NO_REASON, 1, 1, ["term_cloze"], ["Q8"], [f"{NO_REASON} | stem of Q8"]),
        ("duplicate stem", 1, 1, ["multichoice"], ["Q5"], ["duplicate stem | stem of Q5"]),
    ]


def test_rejection_examples_come_from_distinct_source_lines(db_path: Path) -> None:
    from dataclasses import replace

    from hand_bank import d1_build

    build = d1_build()
    q3 = next(q for q in build.questions if q.question_id == "Q3")
    # the multiple choice and the numerical question over Q3's fact fail the same way, on the same line
    again = [replace(q3, question_id=f"Q3{t[0]}", type=t) for t in ("multichoice", "numerical")]  # type: ignore[arg-type]
    with Store(db_path) as s:
        s.write_build(replace(build, questions=(*build.questions, *again)))
        got = rows(s, "SELECT n_questions, example_ids FROM rejections WHERE reason = 'answer leaked in stem'")
    assert got == [(4, ["Q3", "Q6"])]


def test_uncovered_facts(store: Store) -> None:
    got = rows(store, "SELECT deck_id, card_title, fact_id, kind, n_rejected, reject_reasons FROM uncovered_facts")
    assert got == [
        ("d1", "Lambda limits", "F2", "size", 1, ["answer leaked in stem: 10 GB"]),
        ("d1", "S3 limits", "F5", "price", 0, []),
    ]


def test_views_agree_with_direct_counts(store: Store) -> None:
    """The views' totals equal counts over the base tables."""
    assert rows(store, "SELECT sum(n_questions), sum(n_accepted) FROM coverage_by_card") == \
        rows(store, "SELECT count(*), count(*) FILTER (WHERE status = 'accepted') FROM questions")
    assert rows(store, "SELECT sum(n_questions) - 1 FROM coverage_by_kind") == \
        rows(store, "SELECT count(*) FROM questions")   # Q9 counts under two kinds
    assert rows(store, "SELECT sum(n_questions) FROM difficulty_distribution") == \
        rows(store, "SELECT count(*) FROM questions")
    assert rows(store, "SELECT sum(n_questions) FROM rejections") == \
        rows(store, "SELECT count(*) FROM questions WHERE status = 'rejected'")
    assert rows(store, "SELECT count(*) FROM uncovered_facts") == rows(
        store, "SELECT count(*) FROM facts f WHERE NOT EXISTS (SELECT 1 FROM questions q WHERE "
               "q.status = 'accepted' AND (q.fact_id = f.fact_id OR list_contains("
               "CAST(json_extract(q.extra, '$.fact_ids') AS VARCHAR[]), f.fact_id)))")


def test_stats(store: Store) -> None:
    assert stats(store) == {
        "decks": 2, "cards": 5, "cards_covered": 4, "card_coverage": 0.8,
        "facts": 6, "facts_covered": 4, "fact_coverage": 0.6667,
        "subjects": 2, "services": 3,
        "questions": 10, "accepted": 6, "rejected": 4, "acceptance_rate": 0.6,
        "question_types": 4, "mean_difficulty": 0.57, "exam_sets": 0, "responses": 0, "items_flagged": 0,
    }


def test_item_quality(bank: Path) -> None:
    """Raw counts from responses, calibrated numbers from item_stats, and the flags of each."""
    answers = {"Q1": [True, True, True, False], "Q2": [True, None]}
    with Store(bank) as store:
        store.write_responses([
            {"response_id": f"{q}-{i}", "learner_id": f"L{i}", "question_id": q, "correct": c}
            for q, cs in answers.items() for i, c in enumerate(cs)])
        store.write_item_stats(pd.DataFrame([
            {"question_id": "Q1", "facility": 0.75, "discrimination": 0.4, "flag": None, "difficulty": 0.3},
            {"question_id": "Q4", "facility": 0.5, "discrimination": -0.2, "flag": "negative discrimination",
             "difficulty": 0.5},
            {"question_id": "Q6", "facility": 0.02, "discrimination": 0.1, "flag": None, "difficulty": 0.9},
        ]))
        got = rows(store, "SELECT question_id, n_responses, n_graded, n_correct, raw_facility, facility, "
                          "flags, flagged FROM item_quality")
        assert got == [
            ("Q2", 2, 1, 1, 1.0, None, [FLAG_EASY], True),     # no calibration yet: raw facility 100%
            ("Q4", 0, 0, 0, None, 0.5, [FLAG_NEGATIVE], True),  # item_stats' flag and the rule agree: one flag
            ("Q6", 0, 0, 0, None, 0.02, [FLAG_HARD], True),
            ("Q1", 4, 4, 3, 0.75, 0.75, [], False),
        ]
        assert stats(store)["items_flagged"] == 3 and stats(store)["responses"] == 6


def test_stats_of_an_empty_bank(db_path: Path) -> None:
    with Store(db_path) as store:
        s = stats(store)
    assert s["questions"] == 0 and s["fact_coverage"] is None and s["mean_difficulty"] is None


def test_every_view_is_created(store: Store) -> None:
    names = {r[0] for r in rows(store, "SELECT view_name FROM duckdb_views() WHERE NOT internal")}
    assert {v.name for v in VIEWS} <= names


def test_views_follow_a_rebuild(bank: Path) -> None:
    """Views, not copies: replacing a deck's rows changes what the views show."""
    from hand_bank import d2_build
    from dataclasses import replace

    build = d2_build()
    with Store(bank) as store:
        store.write_build(replace(build, questions=tuple(replace(q, status="rejected", reject_reason="x")
                                                         for q in build.questions)))
        assert rows(store, "SELECT n_accepted, covered FROM coverage_by_card WHERE deck_id = 'd2'") == [(0, False)]
        assert rows(store, "SELECT fact_id FROM uncovered_facts WHERE deck_id = 'd2'") == [("G1",)]


@pytest.mark.parametrize("sql", [
    "DELETE FROM questions",
    "DROP TABLE questions",
    "UPDATE questions SET status = 'rejected'",
    "SELECT 1; DELETE FROM questions",
    "COPY questions TO '/tmp/qbank-should-not-exist.csv'",
    "CREATE TABLE t AS SELECT 1",
    "ATTACH '/tmp/qbank-other.duckdb' AS other",
    "EXPLAIN ANALYZE DELETE FROM questions",
])
def test_run_sql_refuses_writes_and_changes_nothing(bank: Path, sql: str) -> None:
    with Store(bank) as store:   # even on a read-write store
        before = rows(store, "SELECT count(*) FROM questions")
        with pytest.raises(QueryError, match="refused|exactly one"):
            run_sql(store, sql)
        assert rows(store, "SELECT count(*) FROM questions") == before == [(10,)]


def test_run_sql_reports_a_bad_query(store: Store) -> None:
    with pytest.raises(QueryError, match="no_such_table"):
        run_sql(store, "SELECT * FROM no_such_table")
    with pytest.raises(QueryError, match="parse"):
        run_sql(store, "SELEC 1")


def test_exam_coverage(bank: Path) -> None:
    with Store(bank) as store:
        store.save_exam(quiz_exam())
        got = rows(store, "SELECT dimension, value, n_items, actual_share, target_share, target_items, max_items, "
                          "available, within_blueprint FROM exam_coverage WHERE exam = 'quiz'")
        assert stats(store)["exam_sets"] == 1
    assert got == [
        # the mix 1:1 normalises to halves of 3 items: 1.5 each, so 1 item is within one of it
        ("difficulty", "easy", 1, 0.3333, 0.5, 2, None, None, True),
        ("difficulty", "hard", 1, 0.3333, 0.5, 2, None, None, True),
        ("difficulty", "medium", 1, 0.3333, None, None, None, None, False),   # not in the mix
        # the pool: accepted d1 questions Q1 Q2 Q4 Q7 Q9
        ("subject", "d1:card 0", 2, 0.6667, None, None, 1, 2, False),          # over --per-subject 1
        ("subject", "Amazon S3", 1, 0.3333, None, None, 1, 1, True),
        ("subject", "Amazon SQS", 0, 0.0, None, None, 1, 1, True),             # a gap the exam left
        ("subject", "d1:card 1", 0, 0.0, None, None, 1, 1, True),
        ("type", "cloze", 2, 0.6667, None, None, None, 2, True),
        ("type", "multichoice", 1, 0.3333, None, None, None, 1, True),
        ("type", "multi_cloze", 0, 0.0, None, None, None, 1, True),
        ("type", "shortanswer", 0, 0.0, None, None, None, 1, True),
    ]
