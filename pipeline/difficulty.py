"""Question difficulty: the learned scorer, calibrated IRT difficulties, and the blend of both with the prior.

The scale and the HEURISTIC PRIOR live in `prior.py` (re-exported here).
Where `b` comes from, in order of preference:
1. a calibrated `b` from real responses (`calibration.py`), blended with the
   prior by precision, so an item with few responses stays near its prior;
2. a `DifficultyScorer` trained on calibrated items (predicts `b` from
   `features.py`'s features), once such items exist;
3. otherwise `heuristic_b`, a HEURISTIC PRIOR: hand-set weights, not fitted to
   any response data. It orders items plausibly; it is not a measurement.
"""
from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import pandas as pd
import sklearn
from scipy.stats import spearmanr
from sklearn.base import BaseEstimator, RegressorMixin
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import Ridge
from sklearn.model_selection import GroupKFold, cross_val_predict
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.utils.validation import check_is_fitted, validate_data

from .errors import CalibrationError
from .features import FEATURES
from .prior import (HEURISTIC_PRIOR, HEURISTIC_PRIOR_SD, Band, band, blend_b, features_frame, heuristic_b,
                    to_b, to_difficulty)
from .types import Question

__all__ = [
    "HEURISTIC_PRIOR", "HEURISTIC_PRIOR_SD", "Band", "band", "to_difficulty", "to_b", "heuristic_b",
    "blend_b", "features_frame", "DifficultyScorer", "CVReport", "cross_validate", "ScorerArtifact",
    "save_artifact", "load_artifact", "score",
]


class DifficultyScorer(RegressorMixin, BaseEstimator):
    """Predicts Rasch difficulty `b` (logits) from question features.

    A Pipeline of a ColumnTransformer (numbers: median impute + scale;
    categories: one-hot, unknown categories ignored) and a regressor. Accepts
    a DataFrame from `features_frame`, or a plain numeric array (all columns
    numeric), which is what scikit-learn's estimator checks pass.

    Args:
        alpha: ridge penalty (regressor="ridge").
        regressor: "ridge" (default: few calibrated items, keep it simple) or
            "gbr" (gradient boosting, for banks with many calibrated items).
        random_state: seed for the gradient-boosting regressor.
    """

    def __init__(self, alpha: float = 1.0, regressor: str = "ridge", random_state: int | None = None) -> None:
        self.alpha = alpha
        self.regressor = regressor
        self.random_state = random_state

    def _frame(self, X: Any, *, reset: bool) -> pd.DataFrame:
        if isinstance(X, pd.DataFrame):
            if reset:
                self.n_features_in_ = X.shape[1]
                self.feature_names_in_ = np.asarray(X.columns, dtype=object)
            elif X.shape[1] != self.n_features_in_:
                raise ValueError(f"X has {X.shape[1]} features, but DifficultyScorer is expected to have "
                                 f"{self.n_features_in_} features as input.")
            return X
        arr = validate_data(self, X, reset=reset, ensure_all_finite="allow-nan")
        return pd.DataFrame(arr, columns=[f"x{i}" for i in range(arr.shape[1])])

    def fit(self, X: Any, y: Any) -> DifficultyScorer:
        if self.regressor not in ("ridge", "gbr"):
            raise ValueError(f"regressor {self.regressor!r} is not valid; choose one of: ridge, gbr")
        if isinstance(X, pd.DataFrame):
            self._frame(X, reset=True)
            frame = X
            y = np.asarray(y, dtype=float)
        else:
            arr, y = validate_data(self, X, y, y_numeric=True, ensure_all_finite="allow-nan")
            frame = pd.DataFrame(arr, columns=[f"x{i}" for i in range(arr.shape[1])])
        if len(frame) != len(y):
            raise ValueError(f"X has {len(frame)} rows but y has {len(y)}")
        columns = ColumnTransformer([
            ("num", Pipeline([("impute", SimpleImputer(strategy="median", keep_empty_features=True)),
                              ("scale", StandardScaler())]), make_column_selector(dtype_include="number")),
            ("cat", OneHotEncoder(handle_unknown="ignore"), make_column_selector(dtype_exclude="number")),
        ])
        model = (Ridge(alpha=self.alpha) if self.regressor == "ridge"
                 else GradientBoostingRegressor(max_depth=2, n_estimators=100, learning_rate=0.1,
                                                random_state=self.random_state))
        self.pipeline_ = Pipeline([("columns", columns), ("regressor", model)]).fit(frame, y)
        return self

    def predict(self, X: Any) -> np.ndarray:
        check_is_fitted(self, "pipeline_")
        return np.asarray(self.pipeline_.predict(self._frame(X, reset=False)), dtype=float)

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.allow_nan = True
        tags.input_tags.categorical = True
        tags.input_tags.string = True
        return tags


@dataclass(frozen=True)
class CVReport:
    """Out-of-fold validation by card (GroupKFold): what the scorer's numbers do and do not show.

    `rho` is Spearman's ρ between out-of-fold predictions and calibrated `b`,
    with a 95 % bootstrap interval over cards; the baseline predicts the
    training folds' mean. It measures ranking on items like these, from decks
    like these; nothing more.
    """

    n_items: int
    n_cards: int
    n_splits: int
    rho: float
    rho_low: float
    rho_high: float
    rmse: float
    baseline_rho: float
    baseline_rmse: float

    def as_dict(self) -> dict[str, float | int]:
        return dict(self.__dict__)


def cross_validate(
    X: pd.DataFrame,
    y: Sequence[float] | np.ndarray,
    groups: Sequence[str] | np.ndarray,
    *,
    estimator: DifficultyScorer | None = None,
    n_splits: int = 5,
    n_boot: int = 1000,
    random_state: int = 0,
) -> CVReport:
    """Validate a scorer with GroupKFold by card against a mean-only baseline.

    Raises:
        CalibrationError: fewer than two cards, so no honest split exists.
    """
    y_arr = np.asarray(y, dtype=float)
    g = np.asarray(groups)
    n_cards = len(set(g.tolist()))
    if n_cards < 2:
        raise CalibrationError(f"{n_cards} card(s) with calibrated items; need at least 2 to validate by card")
    cv = GroupKFold(n_splits=min(n_splits, n_cards))
    est = estimator if estimator is not None else DifficultyScorer(random_state=random_state)
    pred = cross_val_predict(est, X, y_arr, groups=g, cv=cv)
    base = cross_val_predict(DummyRegressor(), X, y_arr, groups=g, cv=cv)
    low, high = _bootstrap_rho(y_arr, pred, g, n_boot=n_boot, random_state=random_state)
    return CVReport(
        n_items=len(y_arr), n_cards=n_cards, n_splits=cv.get_n_splits(),
        rho=_rho(y_arr, pred), rho_low=low, rho_high=high, rmse=_rmse(y_arr, pred),
        baseline_rho=_rho(y_arr, base), baseline_rmse=_rmse(y_arr, base),
    )


def _rho(a: np.ndarray, b: np.ndarray) -> float:
    if np.ptp(a) == 0 or np.ptp(b) == 0:
        return 0.0  # a constant prediction carries no ranking
    return float(spearmanr(a, b).statistic)


def _rmse(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(a - b))))


def _bootstrap_rho(y: np.ndarray, pred: np.ndarray, groups: np.ndarray, *, n_boot: int, random_state: int) -> tuple[float, float]:
    """95 % interval of ρ, resampling whole cards (items of one card are not independent)."""
    rng = np.random.default_rng(random_state)
    cards = np.unique(groups)
    members = [np.flatnonzero(groups == c) for c in cards]
    rhos = []
    for _ in range(n_boot):
        idx = np.concatenate([members[i] for i in rng.integers(0, len(cards), len(cards))])
        rhos.append(_rho(y[idx], pred[idx]))
    low, high = np.percentile(rhos, [2.5, 97.5])
    return float(low), float(high)


@dataclass(frozen=True)
class ScorerArtifact:
    """A trained scorer with what is needed to trust it: versions, data snapshot, CV score."""

    model: DifficultyScorer
    sklearn_version: str
    snapshot_id: str
    cv: Mapping[str, float | int]
    features: tuple[str, ...] = FEATURES

    @property
    def prior_sd(self) -> float:
        """The scorer's out-of-fold RMSE: how far its prior is expected to miss."""
        return float(self.cv.get("rmse", HEURISTIC_PRIOR_SD))


def save_artifact(path: str | Path, model: DifficultyScorer, *, snapshot_id: str, cv: CVReport) -> ScorerArtifact:
    """Persist a trained scorer with the sklearn version, training snapshot ID and CV score."""
    artifact = ScorerArtifact(model=model, sklearn_version=sklearn.__version__, snapshot_id=snapshot_id, cv=cv.as_dict())
    p = Path(path)
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        joblib.dump(artifact, p)
    except OSError as e:
        raise CalibrationError(f"{p}: cannot write the difficulty model ({e.strerror or e}); choose another path") from e
    return artifact


def load_artifact(path: str | Path) -> ScorerArtifact:
    """Load a saved scorer; warn when it was trained under another scikit-learn version.

    The file is a pickle (joblib): load only models this qbank wrote.

    Raises:
        CalibrationError: no file there, or not a model qbank wrote.
    """
    p = Path(path)
    if not p.is_file():
        raise CalibrationError(f"{p}: no difficulty model here; train one with `qbank calibrate --train`")
    try:
        artifact = joblib.load(p)
    except Exception as e:  # unpickling junk fails in any number of ways (EOFError, IndexError, UnpicklingError ...)
        raise CalibrationError(f"{p}: not a qbank difficulty model ({type(e).__name__})") from e
    if not isinstance(artifact, ScorerArtifact):
        raise CalibrationError(f"{p}: not a qbank difficulty model")
    if artifact.sklearn_version != sklearn.__version__:
        warnings.warn(f"{p}: trained with scikit-learn {artifact.sklearn_version}, running {sklearn.__version__}; "
                      "retrain with `qbank calibrate --train`", stacklevel=2)
    return artifact


def score(
    questions: Sequence[Question],
    features: Sequence[Mapping[str, Any]],
    *,
    model: ScorerArtifact | None = None,
    calibrated: Mapping[str, tuple[float, float]] | None = None,
) -> list[Question]:
    """Questions with `difficulty` set in [0, 1].

    Args:
        questions: the questions to score.
        features: their feature rows (matched by `question_id`).
        model: a trained scorer; without one the HEURISTIC PRIOR is used.
        calibrated: question_id → (b, b_se) from calibration, blended in by precision.
    """
    if not questions:
        return []
    by_id = {r["question_id"]: r for r in features}
    frame = features_frame([by_id.get(q.question_id, {"question_id": q.question_id, "type": q.type}) for q in questions])
    if model is not None:
        b_prior, prior_sd = model.model.predict(frame[list(model.features)]), model.prior_sd
    else:
        b_prior, prior_sd = heuristic_b(frame), HEURISTIC_PRIOR_SD
    cal = calibrated or {}
    b_hat = np.array([cal.get(q.question_id, (np.nan, np.nan))[0] for q in questions], dtype=float)
    b_se = np.array([cal.get(q.question_id, (np.nan, np.nan))[1] for q in questions], dtype=float)
    d = to_difficulty(blend_b(b_prior, prior_sd, b_hat, b_se))
    return [replace(q, difficulty=round(float(x), 4)) for q, x in zip(questions, d)]
