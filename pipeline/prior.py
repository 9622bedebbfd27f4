"""The HEURISTIC PRIOR of question difficulty, and the scale every difficulty is reported on.

Scale. Difficulty is reported in [0, 1] as `sigmoid(b)`, where `b` is the
Rasch difficulty in logits with learner abilities centred on 0: it is the
chance that an average learner gets the item wrong. Bands cut it in thirds.

The prior is a weighted sum of item features (`features.py`) with hand-set
weights, not fitted to any response data: it orders items plausibly; it is
not a measurement. It is light (numpy only) because every build batch
scores its questions with it; `difficulty.py` holds the learned scorer.
One term of the sum is deck-level (how many other cards state the answer):
batches leave it out and the bank adds `MENTIONS_WEIGHT * ln(1 + mentions)`
when a deck commits, so a deck is scored the same in batches as whole.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from .features import CATEGORICAL_FEATURES, FEATURES, NUMERIC_FEATURES

if TYPE_CHECKING:    # pandas is imported where frames are made: the bank's writer needs only the weights
    import pandas as pd

__all__ = ["HEURISTIC_PRIOR", "HEURISTIC_PRIOR_SD", "MENTIONS_WEIGHT", "Band", "band", "to_difficulty", "to_b",
           "features_frame", "heuristic_b", "blend_b", "prior_b"]

Band = Literal["easy", "medium", "hard"]
HEURISTIC_PRIOR = "heuristic-prior-v1"
# How far (logits, one SD) the heuristic is assumed to miss: a guess, used only
# to weigh it against calibrated evidence. A trained scorer uses its CV RMSE instead.
HEURISTIC_PRIOR_SD = 1.0

# HEURISTIC PRIOR weights (logits; + = harder). Hand-set from the item-difficulty
# literature's usual directions, not fitted: recall of precise, rare, unrepeated
# answers is harder; guessable and round answers are easier.
_TYPE_OFFSET = {
    "truefalse": -0.6, "multichoice": -0.2, "term_cloze": 0.0, "cloze": 0.2, "multi_cloze": 0.4,
    "shortanswer": 0.4, "numerical": 0.5, "calculated": 1.0,
}
_WEIGHTS = {
    "sig_digits": 0.35,             # per digit beyond the first: 3008 is harder than 3000
    "is_round": -0.4,               # 1/2/5 × 10^k and powers of two stick
    "rarity": 0.15,                 # per Zipf point below 4 of the rarest answer word
    "log_mentions": -0.3,           # answers repeated on other cards are rehearsed more (the deck-level term)
    "ambiguity": 0.15,              # per same-kind competitor in the card, up to 4
    "distractor_closeness": 1.0,    # a near-identical distractor needs exact recall
    "guess_floor": -2.0,            # chance success lowers the observed difficulty
    "answer_words": 0.1,            # per word beyond two for text answers
}


def to_difficulty(b: float | np.ndarray) -> Any:
    """Difficulty in [0, 1] from logits: the chance an average learner (θ = 0) is wrong."""
    return 1.0 / (1.0 + np.exp(-np.asarray(b, dtype=float)))


def to_b(difficulty: float | np.ndarray) -> Any:
    """Logits from a difficulty in [0, 1] (clipped away from 0 and 1)."""
    d = np.clip(np.asarray(difficulty, dtype=float), 1e-4, 1 - 1e-4)
    return np.log(d / (1 - d))


def band(difficulty: float | None) -> Band:
    """Easy / medium / hard: thirds of the [0, 1] difficulty (None counts as medium)."""
    if difficulty is None or math.isnan(difficulty):
        return "medium"
    if difficulty < 1 / 3:
        return "easy"
    if difficulty > 2 / 3:
        return "hard"
    return "medium"


def features_frame(rows: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """Feature rows as a DataFrame with the scorer's columns and dtypes (numbers float, categories str)."""
    import pandas as pd

    df = pd.DataFrame([{k: r.get(k) for k in FEATURES} for r in rows], columns=list(FEATURES))
    for col in NUMERIC_FEATURES:
        df[col] = pd.to_numeric(df[col], errors="coerce").astype(float)
    for col in CATEGORICAL_FEATURES:
        df[col] = df[col].fillna("unknown").astype(str).astype(object)
    return df


def heuristic_b(features: pd.DataFrame | Mapping[str, Sequence[Any]]) -> np.ndarray:
    """The HEURISTIC PRIOR `b` (logits) of each feature row; see `_WEIGHTS` for the reasons.

    `features`: a frame from `features_frame`, or its columns as plain lists (a build batch scores its
    questions without pandas). Not fitted to responses: use only until calibrated items exist.
    """
    def num(col: str, missing: float) -> np.ndarray:
        values = np.asarray(features[col], dtype=float)
        return np.where(np.isnan(values), missing, values)

    b = np.array([_TYPE_OFFSET.get(t, 0.3) for t in features["type"]], dtype=float)
    text = np.array([kind == "text" for kind in features["answer_kind"]], dtype=bool)
    b += _WEIGHTS["sig_digits"] * (num("sig_digits", 1).clip(1, 5) - 1)
    b += _WEIGHTS["is_round"] * num("is_round", 0)
    b += _WEIGHTS["rarity"] * np.where(text, (4 - num("answer_zipf", 4)).clip(0, 6), 0)
    b += _WEIGHTS["log_mentions"] * np.log1p(num("answer_card_mentions", 0))
    b += _WEIGHTS["ambiguity"] * num("ambiguity", 0).clip(0, 4)
    b += _WEIGHTS["distractor_closeness"] * num("distractor_closeness", 0)
    b += _WEIGHTS["guess_floor"] * num("guess_floor", 0)
    b += _WEIGHTS["answer_words"] * np.where(text, (num("answer_words", 1) - 2).clip(0, 6), 0)
    return b


def blend_b(b_prior: np.ndarray, prior_sd: float, b_hat: np.ndarray, b_se: np.ndarray) -> np.ndarray:
    """Precision-weighted mean of prior and calibrated `b`: evidence (small `b_se`) wins.

    With ~60 responses `b_se` is about 0.3 logits, so the calibrated value gets
    ~90 % of the weight against a 1-logit prior; with 5 responses about half.
    Items without a calibrated value (NaN) keep their prior.
    """
    b_hat = np.asarray(b_hat, dtype=float)
    b_se = np.asarray(b_se, dtype=float)
    w_prior = 1.0 / prior_sd**2
    w_data = np.where(np.isfinite(b_hat) & np.isfinite(b_se) & (b_se > 0), 1.0 / np.square(b_se), 0.0)
    b_data = np.where(w_data > 0, b_hat, 0.0)
    return (w_prior * np.asarray(b_prior, dtype=float) + w_data * b_data) / (w_prior + w_data)


MENTIONS_WEIGHT = _WEIGHTS["log_mentions"]


def prior_b(questions: Sequence[Any], features: Sequence[Mapping[str, Any]]) -> list[float]:
    """Each question's prior `b` (logits) from its feature row, rounded for stable storage."""
    if not questions:
        return []
    by_id = {r["question_id"]: r for r in features}
    rows = [by_id.get(q.question_id, {"question_id": q.question_id, "type": q.type}) for q in questions]
    columns = {col: [r.get(col) for r in rows] for col in ("type", "answer_kind", *NUMERIC_FEATURES)}
    return [round(float(b), 6) for b in heuristic_b(columns)]
