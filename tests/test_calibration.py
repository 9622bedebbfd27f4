"""Rasch recovery under adaptive exposure, Moodle statistics by hand, and `qbank calibrate` end to end."""
from __future__ import annotations

import csv
import math

import numpy as np
import pandas as pd
import pytest
from assessment_data import deck_of, many_questions, simulate
from click.testing import CliRunner
from scipy.stats import spearmanr

from pipeline.calibration import NEGATIVE_DISCRIMINATION, fit_rasch, item_stats, moodle_item_stats
from pipeline.cli import cli
from pipeline.errors import CalibrationError
from pipeline.features import question_features
from pipeline.store import DeckBuild, Store

# Four learners, four items, everyone answers everything (1 = correct).
#        A  B  C  D   total
#   L1   1  1  1  0   3
#   L2   1  1  0  0   2
#   L3   1  0  0  1   2
#   L4   0  0  0  1   1
MATRIX = {"L1": "1110", "L2": "1100", "L3": "1001", "L4": "0001"}


def _matrix_responses() -> pd.DataFrame:
    return pd.DataFrame([(learner, item, marks[k] == "1") for learner, marks in MATRIX.items()
                         for k, item in enumerate("ABCD")], columns=["learner_id", "question_id", "correct"])


def test_moodle_statistics_match_hand_computation():
    # Item A: x = 1,1,1,0 and rest = total − x = 2,1,1,1 (means .75, 1.25).
    #   Σdx·dr = .1875 − .0625 − .0625 + .1875 = .25 → cov = .25/3; var x = .75/3, var rest = .75/3
    #   discrimination = 100 · (1/12) / sqrt(1/16) = 33.33; sorted pairing gives the same Σ → efficiency 100.
    # Item B: x = 1,1,0,0, rest = 2,1,2,1: Σdx·dr = 0 → discrimination 0, efficiency 0 (cov_max = 1/3).
    # Item C: mirror of A (x = 1,0,0,0, rest = 2,2,2,1) → 33.33 and 100.
    # Item D: x = 0,0,1,1, rest = 3,2,1,0: cov = −2/3, var x = 1/3, var rest = 5/3
    #   → discrimination = 100 · (−2/3) / sqrt(5/9) = −200/√5 = −89.44; cov_max = 2/3 → efficiency −100.
    stats = moodle_item_stats(_matrix_responses()).set_index("question_id")
    assert stats["n_responses"].tolist() == [4, 4, 4, 4]
    assert stats["facility"].tolist() == [0.75, 0.5, 0.25, 0.5]
    assert stats["discrimination"].tolist() == pytest.approx([100 / 3, 0.0, 100 / 3, -200 / math.sqrt(5)])
    assert stats["discriminative_efficiency"].tolist() == pytest.approx([100.0, 0.0, 100.0, -100.0])


def test_undefined_statistics_are_none_and_negative_items_flagged():
    rows = _matrix_responses()
    rows = pd.concat([rows, pd.DataFrame([("L1", "E", True), ("L2", "E", True)], columns=rows.columns)])
    stats = item_stats(rows, {}).set_index("question_id")
    assert pd.isna(stats.loc["E", "discrimination"])         # every answer right: no variance, no value
    assert stats.loc["D", "flag"] == NEGATIVE_DISCRIMINATION
    assert stats["flag"].notna().sum() == 1
    assert set(stats["band"]) <= {"easy", "medium", "hard"}


def test_rasch_recovers_difficulty_under_adaptive_exposure_where_facility_fails():
    b = np.random.default_rng(1).normal(0, 1.5, 120)
    _, answers = simulate(b, per_item=60, per_learner=30, seed=1)
    responses = pd.DataFrame([(f"l{lr}", f"q{i:03d}", c) for lr, i, c in answers],
                             columns=["learner_id", "question_id", "correct"])
    fit = fit_rasch(responses)
    truth = np.array([b[int(q[1:])] for q in fit.items])
    rho = spearmanr(truth, fit.b).statistic
    facility = moodle_item_stats(responses)["facility"].to_numpy()
    assert responses.groupby("question_id").size().median() == pytest.approx(60, abs=5)
    assert rho >= 0.9                                          # measured: 0.97
    assert abs(facility.mean() - 0.5) < 0.05                   # adaptive exposure: every item looks 50 %
    assert abs(spearmanr(truth, -facility).statistic) < 0.5    # so raw facility cannot rank items
    assert np.median(fit.b_se) < 0.35                          # ~60 answers: about 0.3 logits


def test_miskeyed_items_are_flagged_without_flagging_sound_ones_under_adaptive_exposure():
    b = np.random.default_rng(1).normal(0, 1.5, 120)
    _, answers = simulate(b, per_item=60, per_learner=30, seed=1)
    responses = pd.DataFrame([(f"l{lr}", f"q{i:03d}", c) for lr, i, c in answers],
                             columns=["learner_id", "question_id", "correct"])
    miskeyed = [f"q{i:03d}" for i in range(5)]
    inverted = responses["question_id"].isin(miskeyed)
    responses.loc[inverted, "correct"] = ~responses.loc[inverted, "correct"]
    stats = item_stats(responses, {}).set_index("question_id")
    flagged = set(stats.index[stats["flag"].notna()])
    assert len(flagged & set(miskeyed)) >= 4
    assert len(flagged - set(miskeyed)) <= 2
    # Moodle's item–rest index alone goes negative for many sound items here (every rest score ≈ half).
    assert (stats["discrimination"] < 0).sum() > len(flagged) + 5


def test_rasch_needs_responses():
    with pytest.raises(CalibrationError, match="no graded responses"):
        fit_rasch(pd.DataFrame(columns=["learner_id", "question_id", "correct"]))


def test_simulated_csv_through_cli_calibrates_the_bank(tmp_path):
    cfs, questions = many_questions(n_cards=30, per_card=4)
    db = tmp_path / "bank.duckdb"
    build = DeckBuild(deck=deck_of(cfs), settings_hash="s", card_facts=tuple(cfs), questions=tuple(questions),
                      features=tuple(question_features(questions, cfs)))
    with Store(db) as store:
        store.write_build(build)
    b = np.random.default_rng(7).normal(0, 1.5, len(questions))
    _, answers = simulate(b, per_item=60, per_learner=30, seed=7)
    path = tmp_path / "answers.csv"
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["learner_id", "question_id", "correct"])
        w.writerows((f"learner{lr}", questions[i].question_id, int(c)) for lr, i, c in answers)
    runner = CliRunner()
    out = runner.invoke(cli, ["responses", "import", str(path), "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert f"{len(answers)} new" in out.output
    model = tmp_path / "model.joblib"
    out = runner.invoke(cli, ["calibrate", "--db", str(db), "--train", str(model)])
    assert out.exit_code == 0, out.output
    assert "120 items calibrated" in out.output and "Spearman ρ" in out.output
    with Store(db) as store:
        stats = store.load_item_stats().set_index("question_id")
        difficulty = {q.question_id: q.difficulty for q in store.load_questions()}
        store.write_build(build)
        rebuilt = {q.question_id: q.difficulty for q in store.load_questions()}
    assert rebuilt == pytest.approx(difficulty, abs=1e-4)  # a rebuild keeps it
    truth = pd.Series(b, index=[q.question_id for q in questions]).loc[stats.index]
    assert spearmanr(truth, stats["b"]).statistic >= 0.9
    assert abs(stats["facility"].mean() - 0.5) < 0.05
    assert spearmanr(truth, [difficulty[q] for q in stats.index]).statistic >= 0.9   # blended into questions
    assert model.is_file()
