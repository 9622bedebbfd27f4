"""Grading raw responses: units and tolerance, text aliases, options; `qbank grade` on a bank."""
from __future__ import annotations

from dataclasses import replace

import pytest
from assessment_data import deck_of, small_bank
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.grading import alias_map, grade, item_results, learner_results, normalise_text, parse_quantity
from pipeline.responses import Response
from pipeline.store import DeckBuild, Store

CFS, QUESTIONS = small_bank()
NUMERICAL, MC, SHORT, TF = QUESTIONS[1], QUESTIONS[2], QUESTIONS[4], QUESTIONS[5]


@pytest.mark.parametrize(("response", "correct"), [
    ("15 minutes", True), ("15 min", True), ("900", True), ("900 s", True), ("0.25 hours", True), ("900seconds", True),
    ("15 seconds", False), ("15", False), ("15 MB", False), ("fifteen", False), ("15 parsecs", False), ("", False),
])
def test_numeric_answers_convert_units(response, correct):
    assert grade(NUMERICAL, response).correct is correct


def test_tolerance_is_in_the_answers_unit():
    q = replace(NUMERICAL, extra=(("tolerance", 30.0),))
    assert grade(q, "14.6 minutes").correct          # 876 s, within 30 s
    assert not grade(q, "14 minutes").correct        # 840 s


def test_binary_bytes_as_in_the_bank():
    q = replace(QUESTIONS[3], type="numerical")      # 128 MB
    assert grade(q, "0.125 GB").correct and grade(q, "131072 KB").correct
    assert not grade(q, "128 GB").correct


def test_text_answers_normalise_and_use_aliases():
    aliases = alias_map([("Simple Storage Service", "Amazon S3")])
    assert grade(SHORT, "  the AMAZON   s3. ").correct
    assert grade(SHORT, "S3").correct                                    # the question's own alias
    assert grade(SHORT, "simple storage service", aliases=aliases).correct
    assert not grade(SHORT, "Amazon EBS", aliases=aliases).correct
    assert normalise_text("Lambda@Edge!") == "lambda edge"


@pytest.mark.parametrize(("response", "correct"), [("3008 MB", True), ("a", True), ("1", True), ("B)", False), ("4", False), ("9 MB", False)])
def test_multiple_choice_by_option_text_letter_or_number(response, correct):
    assert grade(MC, response).correct is correct


def test_true_false():
    assert grade(TF, "false").correct and grade(TF, "No").correct and not grade(TF, "true").correct


def test_parse_quantity_reads_prices_and_rates():
    assert parse_quantity("$0.20 per 1 million").unit == "USD"
    assert parse_quantity("1.5 GB/s").value == 1.5 * 1024**3


def test_grade_command_scores_raw_responses_per_item_and_learner(db_path):
    with Store(db_path) as store:
        store.write_build(DeckBuild(deck=deck_of(CFS), settings_hash="s", card_facts=tuple(CFS), questions=tuple(QUESTIONS)))
        store.write_responses([r.row() for r in (
            Response("ann", NUMERICAL.question_id, None, "15 minutes"),
            Response("ann", MC.question_id, None, "b"),
            Response("bob", NUMERICAL.question_id, None, "15 seconds"),
            Response("bob", SHORT.question_id, None, "Amazon S3"),
        )])
    runner = CliRunner()
    out = runner.invoke(cli, ["grade", "--db", str(db_path), "--show", "learners"])
    assert out.exit_code == 0, out.output
    assert "4 responses graded, 2 correct" in out.output
    with Store(db_path) as store:
        graded = store.load_responses()
    by = {(r.learner_id, r.question_id): r.correct for r in graded.itertuples()}
    assert by[("ann", NUMERICAL.question_id)] and not by[("bob", NUMERICAL.question_id)]
    items = item_results(graded).set_index("question_id")
    assert items.loc[NUMERICAL.question_id, "n"] == 2 and items.loc[NUMERICAL.question_id, "p_correct"] == 0.5
    assert learner_results(graded).set_index("learner_id").loc["ann", "n_correct"] == 1
    again = runner.invoke(cli, ["grade", "--db", str(db_path)])
    assert "0 responses graded" in again.output                 # only ungraded ones unless --regrade
