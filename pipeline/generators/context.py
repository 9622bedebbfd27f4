"""What generators share besides the sites: seeded randomness and give-away checks."""
from __future__ import annotations

import random
import re

from ..ids import stable_id
from ..sites import distinctive_words

__all__ = ["rng_for", "gives_away"]


def rng_for(seed: int, question_id: str) -> random.Random:
    """A generator seeded by the build seed and the question: stable across runs and card order."""
    return random.Random(int(stable_id(seed, question_id), 16))


def gives_away(answer: str, stem: str) -> bool:
    """Whether the stem contains the answer or one of its distinctive words."""
    lowered = stem.lower()
    stem_words = set(re.findall(r"[a-z0-9@]+", lowered)) | set(re.findall(r"[a-z0-9]+", lowered))
    words = distinctive_words(answer)
    return bool(words & stem_words) or " ".join(answer.lower().split()) in " ".join(stem.lower().split())

