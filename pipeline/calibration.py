"""Calibration from responses: Rasch difficulties and Moodle's item statistics.

Rasch by penalised joint maximum likelihood: P(correct) = σ(θ_learner − b_item),
with a weak normal penalty on every θ and b, so that perfect and zero scores
stay finite. Abilities and difficulties are estimated together, which keeps
`b` right when stronger learners see harder items (adaptive exposure), where
raw facility drifts to ~50 % for every item. The scale is centred on the mean
learner (mean θ = 0), so `sigmoid(b)` is the chance an average learner is wrong.

Moodle's item statistics, exactly as Moodle's question statistics calculator
defines them (question/classes/statistics/questions/calculator.php), with one
learner's first answers playing the role of one quiz attempt and an item
scored 0/1 out of 1:
- facility index = mean mark / max mark (a fraction; Moodle shows it as %);
- discrimination index = 100 · cov(x, X) / sqrt(var(x) · var(X)), where X is
  the learner's marks on the *other* items (the corrected item–rest correlation);
- discriminative efficiency = 100 · cov(x, X) / cov_max(x, X), cov_max pairing
  the sorted item marks with the sorted rest marks;
all with the (s − 1) divisor; undefined (None) when a variance is zero.
Items with a negative discrimination index are flagged for review when their
marks also fall with the learners' Rasch ability (see `_ability_correlation`).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .difficulty import (
    HEURISTIC_PRIOR_SD, ScorerArtifact, DifficultyScorer, band, blend_b, cross_validate, features_frame,
    heuristic_b, save_artifact, to_difficulty,
)
from .errors import CalibrationError
from .features import FEATURES
from .ids import stable_id
from .responses import first_responses
from .store import Store

__all__ = [
    "Rasch", "fit_rasch", "moodle_item_stats", "item_stats", "calibrate_bank", "train_scorer",
    "NEGATIVE_DISCRIMINATION",
]

NEGATIVE_DISCRIMINATION = "negative discrimination: review the key and the distractors"
STATS_DECIMALS = 6      # stored item statistics: far finer than any report or band needs
ITEM_STATS_COLUMNS = ("question_id", "n_responses", "facility", "discrimination", "discriminative_efficiency",
                      "b", "b_se", "flag", "prior_b", "difficulty", "band")


@dataclass(frozen=True)
class Rasch:
    """Fitted Rasch parameters (logits) with standard errors from the penalised information."""

    items: tuple[str, ...]
    b: np.ndarray
    b_se: np.ndarray
    learners: tuple[str, ...]
    theta: np.ndarray
    iterations: int


def fit_rasch(
    responses: pd.DataFrame, *, penalty_sd: float = 3.0, max_iter: int = 500, tol: float = 1e-6,
) -> Rasch:
    """Penalised JML fit of the Rasch model to 0/1 answers.

    Args:
        responses: one row per answer with `learner_id`, `question_id`, `correct`.
        penalty_sd: SD of the normal penalty on θ and b (logits); weak, it only
            keeps all-correct / all-wrong items and learners finite.

    Raises:
        CalibrationError: no graded responses.
    """
    if responses.empty:
        raise CalibrationError("no graded responses to calibrate; import some with `qbank responses import FILE`")
    learner_codes, learners = pd.factorize(responses["learner_id"], sort=True)
    item_codes, items = pd.factorize(responses["question_id"], sort=True)
    y = responses["correct"].astype(float).to_numpy()
    theta = np.zeros(len(learners))
    b = np.zeros(len(items))
    ridge = 1.0 / penalty_sd**2
    iteration = 0
    for iteration in range(1, max_iter + 1):
        p = _sigmoid(theta[learner_codes] - b[item_codes])
        step_theta = ((np.bincount(learner_codes, y - p, len(learners)) - ridge * theta)
                      / (np.bincount(learner_codes, p * (1 - p), len(learners)) + ridge))
        theta += step_theta
        p = _sigmoid(theta[learner_codes] - b[item_codes])
        step_b = ((-np.bincount(item_codes, y - p, len(items)) - ridge * b)
                  / (np.bincount(item_codes, p * (1 - p), len(items)) + ridge))
        b += step_b
        if max(np.abs(step_theta).max(), np.abs(step_b).max()) < tol:
            break
    p = _sigmoid(theta[learner_codes] - b[item_codes])
    b_se = 1.0 / np.sqrt(np.bincount(item_codes, p * (1 - p), len(items)) + ridge)
    shift = theta.mean()  # centre on the average learner
    return Rasch(tuple(items), b - shift, b_se, tuple(learners), theta - shift, iteration)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def moodle_item_stats(responses: pd.DataFrame) -> pd.DataFrame:
    """Facility, discrimination index and discriminative efficiency per question, as Moodle computes them.

    Args:
        responses: one graded answer per learner and question (`learner_id`,
            `question_id`, `correct`); a learner is one attempt.

    Returns:
        Columns `question_id`, `n_responses`, `facility`, `discrimination`,
        `discriminative_efficiency` (None where Moodle's would be undefined).
    """
    df = responses[["learner_id", "question_id"]].copy()
    df["mark"] = responses["correct"].astype(float).to_numpy()
    df["rest"] = df.groupby("learner_id")["mark"].transform("sum") - df["mark"]
    rows = []
    for qid, g in df.groupby("question_id", sort=True):
        x, rest = g["mark"].to_numpy(), g["rest"].to_numpy()
        s = len(x)
        row: dict[str, Any] = {"question_id": qid, "n_responses": s, "facility": float(x.mean()),
                               "discrimination": None, "discriminative_efficiency": None}
        if s > 1:
            dx, dr = x - x.mean(), rest - rest.mean()
            var_x, var_r = (dx @ dx) / (s - 1), (dr @ dr) / (s - 1)
            cov = (dx @ dr) / (s - 1)
            cov_max = ((np.sort(x) - x.mean()) @ (np.sort(rest) - rest.mean())) / (s - 1)
            if var_x * var_r:
                row["discrimination"] = float(100 * cov / np.sqrt(var_x * var_r))
            if cov_max:
                row["discriminative_efficiency"] = float(100 * cov / cov_max)
        rows.append(row)
    return pd.DataFrame(rows, columns=["question_id", "n_responses", "facility", "discrimination",
                                       "discriminative_efficiency"])


def item_stats(
    responses: pd.DataFrame, prior_b: Mapping[str, float], *, prior_sd: float = HEURISTIC_PRIOR_SD,
) -> pd.DataFrame:
    """The `item_stats` rows: Moodle statistics, Rasch `b` ± SE, flag, and the blended difficulty.

    Args:
        responses: first graded answers (one per learner and question).
        prior_b: each question's prior `b` (heuristic or scorer); questions
            without one get 0 (an average item).
        prior_sd: how far the prior is expected to miss (logits).
    """
    stats = moodle_item_stats(responses)
    rasch = fit_rasch(responses)
    fitted = pd.DataFrame({"question_id": rasch.items, "b": rasch.b, "b_se": rasch.b_se})
    stats = stats.merge(fitted, on="question_id", how="left")
    negative = (stats["discrimination"].astype(float) < 0) & (stats["question_id"].map(_ability_correlation(responses, rasch)) < 0)
    stats["flag"] = [NEGATIVE_DISCRIMINATION if neg else None for neg in negative]
    stats["prior_b"] = stats["question_id"].map(prior_b).astype(float).fillna(0.0)
    blended = blend_b(stats["prior_b"].to_numpy(), prior_sd, stats["b"].to_numpy(), stats["b_se"].to_numpy())
    stats["difficulty"] = np.round(to_difficulty(blended), 4)
    stats["band"] = [band(d) for d in stats["difficulty"]]
    # the bank holds what a report shows, not the last bits of a BLAS dot product (they differ between CPUs)
    shown = ["facility", "discrimination", "discriminative_efficiency", "b", "b_se"]
    stats[shown] = stats[shown].astype(float).round(STATS_DECIMALS)
    return stats[list(ITEM_STATS_COLUMNS)]


def _ability_correlation(responses: pd.DataFrame, rasch: Rasch) -> pd.Series:
    """Per item, the correlation of its marks with the learners' Rasch ability.

    It confirms a negative Moodle discrimination before an item is flagged:
    under adaptive exposure every learner's rest score is about half of what
    they saw, so item–rest correlations scatter around zero for good items
    (in simulation ~15 % of sound items came out negative), while the
    ability estimate still ranks learners.
    """
    theta = responses["learner_id"].map(dict(zip(rasch.learners, rasch.theta))).to_numpy()
    mark = responses["correct"].astype(float).to_numpy()
    frame = pd.DataFrame({"question_id": responses["question_id"].to_numpy(), "mark": mark, "theta": theta})
    return frame.groupby("question_id")[["mark", "theta"]].corr().xs("mark", level=1)["theta"]


def calibrate_bank(store: Store, *, model: ScorerArtifact | None = None) -> pd.DataFrame:
    """Calibrate every answered question of the bank and write `item_stats` and `questions.difficulty`.

    The prior is the trained scorer when given, else the HEURISTIC PRIOR over
    the stored features. Returns the rows written.
    """
    responses = first_responses(store.load_responses())
    if responses.empty:
        raise CalibrationError(f"{store.path}: no graded responses; run `qbank responses import FILE` "
                               "(and `qbank grade` for raw responses) first")
    features = store.load_features()
    prior_b, prior_sd = _prior_b(features, model)
    stats = item_stats(responses, prior_b, prior_sd=prior_sd)
    store.write_item_stats(stats)
    return stats


def _prior_b(features: pd.DataFrame, model: ScorerArtifact | None) -> tuple[dict[str, float], float]:
    if features.empty:
        return {}, HEURISTIC_PRIOR_SD
    frame = features_frame(features.to_dict("records"))
    if model is not None:
        return dict(zip(features["question_id"], model.model.predict(frame[list(model.features)]))), model.prior_sd
    return dict(zip(features["question_id"], heuristic_b(frame))), HEURISTIC_PRIOR_SD


def train_scorer(store: Store, path: str | Path, *, min_responses: int = 20, random_state: int = 0) -> ScorerArtifact:
    """Fit a DifficultyScorer on calibrated items, validate it by card, and save it with its CV score.

    Only items with at least `min_responses` answers train it: below that, `b`
    is mostly noise. The snapshot ID names exactly the (item, b, n) rows used.

    Raises:
        CalibrationError: fewer than 10 such items or 2 cards.
    """
    stats = store.load_item_stats()
    features = store.load_features()
    data = stats[stats["n_responses"] >= min_responses].merge(features, on="question_id")
    if len(data) < 10:
        raise CalibrationError(f"{len(data)} calibrated item(s) with ≥ {min_responses} responses and features; "
                               "need at least 10 to train a difficulty model")
    X = features_frame(data.to_dict("records"))[list(FEATURES)]
    y = data["b"].to_numpy(dtype=float)
    report = cross_validate(X, y, data["card_id"].to_numpy(), random_state=random_state)
    model = DifficultyScorer(random_state=random_state).fit(X, y)
    snapshot = stable_id(sorted(zip(data["question_id"], np.round(y, 6).tolist(), data["n_responses"].tolist())))
    return save_artifact(path, model, snapshot_id=snapshot, cv=report)
