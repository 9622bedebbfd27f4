"""Heuristic prior, bands, the DifficultyScorer estimator contract, CV and the saved artifact."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import sklearn
from assessment_data import small_bank
from sklearn.utils.estimator_checks import parametrize_with_checks

from pipeline.difficulty import (
    DifficultyScorer, band, blend_b, cross_validate, features_frame, load_artifact, save_artifact,
    score, to_b, to_difficulty,
)
from pipeline.features import question_features
from pipeline.prior import heuristic_b, prior_b


# Every check runs: the estimator takes plain numeric arrays as well as feature DataFrames.
# (check_array_api_input skips itself unless SCIPY_ARRAY_API is set.)
@parametrize_with_checks([DifficultyScorer(), DifficultyScorer(regressor="gbr", random_state=0)])
def test_sklearn_estimator_contract(estimator, check):
    check(estimator)


def test_heuristic_prior_is_in_unit_interval_and_orders_plausibly():
    cfs, questions = small_bank()
    scored = {(q.type, q.answer): q.difficulty for q in score(questions, question_features(questions, cfs))}
    assert all(0 < d < 1 for d in scored.values())
    assert scored[("truefalse", "False")] < scored[("cloze", "900 seconds")] < scored[("multichoice", "3008 MB")]


def test_a_build_batch_scores_its_prior_without_a_frame_as_the_frame_does():
    """`prior_b` (a build batch: plain columns) gives what `heuristic_b` gives on `features_frame`, text and
    missing features included."""
    cfs, questions = small_bank()
    feats = question_features(questions, cfs)
    feats[0] = {**feats[0], "answer_zipf": None, "sig_digits": None}
    frame = features_frame([{**f} for f in feats])
    assert prior_b(questions, feats) == [round(float(b), 6) for b in heuristic_b(frame)]
    assert len(set(prior_b(questions, feats))) > 1


@pytest.mark.parametrize(("d", "expected"), [(0.1, "easy"), (0.5, "medium"), (0.9, "hard"), (None, "medium")])
def test_band(d, expected):
    assert band(d) == expected


def test_blend_moves_towards_evidence():
    prior = np.array([0.0, 0.0, 0.0])
    out = blend_b(prior, 1.0, np.array([2.0, 2.0, np.nan]), np.array([0.25, 1.0, np.nan]))
    assert out[0] == pytest.approx(2.0 * 16 / 17)      # precise calibration dominates
    assert out[1] == pytest.approx(1.0)                # as uncertain as the prior: half way
    assert out[2] == 0.0                               # uncalibrated item keeps its prior
    assert to_difficulty(to_b(0.7)) == pytest.approx(0.7)


def test_calibrated_b_overrides_prior_in_score():
    cfs, questions = small_bank()
    feats = question_features(questions, cfs)
    target = questions[-1]                              # the easy true/false item
    out = score(questions, feats, calibrated={target.question_id: (3.0, 0.1)})
    assert out[-1].difficulty == pytest.approx(to_difficulty(3.0), abs=0.01)
    assert out[0].difficulty == score(questions, feats)[0].difficulty


def _synthetic(n_cards: int = 40, per_card: int = 4, seed: int = 0) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """Items whose true b follows their features plus noise, grouped by card."""
    rng = np.random.default_rng(seed)
    n = n_cards * per_card
    rows = [{"type": rng.choice(["cloze", "multichoice"]), "answer_kind": "duration",
             "sig_digits": float(rng.integers(1, 5)), "guess_floor": 0.25 * float(rng.integers(0, 2)),
             "answer_card_mentions": float(rng.integers(0, 4))} for _ in range(n)]
    X = features_frame(rows)
    y = 0.8 * X["sig_digits"] - 3 * X["guess_floor"] - 0.3 * X["answer_card_mentions"] + rng.normal(0, 0.4, n)
    return X, y.to_numpy(), np.repeat(np.arange(n_cards), per_card).astype(str)


def test_cross_validation_by_card_beats_mean_baseline():
    X, y, groups = _synthetic()
    report = cross_validate(X, y, groups, n_boot=200)
    assert report.n_cards == 40 and report.n_splits == 5
    assert report.rho_low <= report.rho <= report.rho_high
    assert report.rho > 0.8 and report.rmse < report.baseline_rmse


def test_artifact_round_trip_records_versions_and_cv(tmp_path):
    X, y, groups = _synthetic()
    report = cross_validate(X, y, groups, n_boot=50)
    model = DifficultyScorer().fit(X, y)
    save_artifact(tmp_path / "m.joblib", model, snapshot_id="snap-1", cv=report)
    loaded = load_artifact(tmp_path / "m.joblib")
    assert loaded.sklearn_version == sklearn.__version__ and loaded.snapshot_id == "snap-1"
    assert loaded.cv["rho"] == report.rho and loaded.prior_sd == report.rmse
    np.testing.assert_allclose(loaded.model.predict(X), model.predict(X))
    cfs, questions = small_bank()
    scored = score(questions, question_features(questions, cfs), model=loaded)
    assert all(0 < q.difficulty < 1 for q in scored)
