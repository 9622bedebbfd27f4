"""Item features on a hand-made three-card bank."""
from __future__ import annotations

import math

import pytest
from assessment_data import small_bank

from pipeline.features import FEATURES, is_round, question_features, significant_digits


@pytest.fixture(scope="module")
def rows() -> dict[tuple[str, str], dict]:
    cfs, questions = small_bank()
    return {(q.type, q.answer): r for q, r in zip(questions, question_features(questions, cfs))}


def test_every_row_has_every_feature(rows):
    for row in rows.values():
        assert set(row) == {"question_id", *FEATURES}


@pytest.mark.parametrize(("written", "digits"), [("128", 3), ("3008", 4), ("3000", 1), ("0.20", 2), ("1,000", 1), ("15", 2)])
def test_significant_digits(written, digits):
    assert significant_digits(written) == digits


@pytest.mark.parametrize(("written", "expected"), [("1000", True), ("500", True), ("128", True), ("3008", False), ("900", False), ("0.5", False)])
def test_roundness(written, expected):
    assert is_round(written) is expected


def test_numeric_answer_features(rows):
    cloze = rows[("cloze", "900 seconds")]
    assert cloze["answer_kind"] == "duration"
    assert cloze["log_magnitude"] == pytest.approx(math.log10(900))
    assert cloze["answer_card_mentions"] is None       # deck-level: the bank counts it (test below)
    assert cloze["ambiguity"] == 1                     # the 3-second default competes
    assert 0.5 < cloze["gap_position"] < 0.8
    assert cloze["distractor_closeness"] is None and cloze["guess_floor"] == 0


def test_options_give_guessing_floor_and_closeness(rows):
    mc = rows[("multichoice", "3008 MB")]
    assert mc["n_options"] == 4 and mc["guess_floor"] == 0.25
    assert mc["distractor_closeness"] == pytest.approx(3008 / 3072)
    assert rows[("truefalse", "False")]["guess_floor"] == 0.5


def test_text_answers_use_word_frequency_not_digits(rows):
    sa = rows[("shortanswer", "Amazon S3")]
    assert sa["answer_kind"] == "text"
    assert sa["log_magnitude"] is None and sa["sig_digits"] is None
    assert 0 < sa["answer_zipf"] < 5                    # "Amazon" is a known, not a common, word
    assert sa["ambiguity"] == 1                         # Amazon EBS is the other candidate


def test_the_bank_counts_other_cards_stating_an_answer_and_adds_it_to_the_prior(db_path) -> None:
    from pipeline.build import build_deck
    from pipeline.decks import parse_deck
    from pipeline.settings import Settings
    from pipeline.store import Store

    deck = parse_deck("Lambda\nA:\n- The maximum timeout is 900 seconds per invocation\n---\n"
                      "Step Functions\nA:\n- An express workflow runs for at most 900 seconds\n---\n"
                      "SQS\nA:\n- A message is hidden for 30 seconds after it is received\n", path="mentions.txt")
    with Store(db_path) as store:
        build_deck(deck, Settings(), store)
        got = dict(store.cursor().execute(
            "SELECT q.answer, max(f.answer_card_mentions) FROM questions q JOIN question_features f USING (question_id) "
            "WHERE q.type = 'cloze' GROUP BY ALL").fetchall())
        lower = store.cursor().execute(
            "SELECT count(*) FROM questions WHERE type = 'cloze' AND difficulty < 1 / (1 + exp(-prior_b)) - 0.001").fetchone()
    assert got == {"900 seconds": 1.0, "30 seconds": 0.0}
    assert lower == (2,)        # an answer rehearsed on another card is easier than its batch prior says
