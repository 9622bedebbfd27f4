"""Numeric distractors a test-wise learner cannot rule out at a glance.

Candidates keep the answer's shape: powers of two stay powers of two, values on
an increment grid (64 MB steps) stay on it, round numbers get round neighbours
from a 1-2-2.5-5 style ladder, precise numbers get neighbours of the same
precision, availability percentages vary their count of nines. All stay within
one order of magnitude and none equals the answer.
"""
from __future__ import annotations

import math
import random
from collections.abc import Sequence
from functools import lru_cache

from .quantities import same_quantity

__all__ = ["EMBEDDING_DIMENSIONS", "ETHERNET_SPEEDS", "STATUS_CODES", "WELL_KNOWN_PORTS", "code_distractors", "distractors",
           "plausible", "significant_digits"]

# Round values per decade (times powers of ten) that people write as limits: a
# one-digit answer (900) gets one-digit-ish neighbours, a two-digit one (24, 15)
# also the 12/24/48 and 15/45/75 series.
LADDER_1 = (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8)
LADDER_2 = (1, 1.5, 2, 2.5, 3, 4, 4.5, 5, 6, 7.5, 8)
DOZENS = (1.2, 2.4, 3.6, 4.8, 7.2)   # for answers on a dozen grid: 12, 24, 36, 48 hours
RATIOS = (0.5, 0.6, 0.75, 0.8, 1.25, 1.5, 2.0)
# Durations people set, in seconds (minutes, hours, days, weeks, a 30-day month, a 365-day year and their
# multiples): 365 days gets 90, 180 and 730 days, never 274 or 456.
CALENDAR = (1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900, 1200, 1800, 2700, 3600, 7200, 10800,
            14400, 21600, 28800, 43200, 86400, 172800, 259200, 345600, 432000, 604800, 1209600, 2592000, 5184000,
            7776000, 15552000, 31536000, 63072000, 94608000, 157680000, 220752000, 315360000)
POOL = 5   # draw from the nearest few candidates, so distractors stay close
SMALL_COUNT = 4   # counts up to this get plain neighbours, not a doubling ladder
# Ports are names, not amounts: a wrong port is another well-known one, never a neighbouring number.
WELL_KNOWN_PORTS = (20, 21, 22, 23, 25, 53, 80, 110, 123, 143, 389, 443, 465, 514, 587, 636, 993, 995, 1433, 1521,
                    2049, 2181, 2375, 2376, 2379, 3000, 3306, 3389, 4317, 4318, 5000, 5432, 5601, 5671, 5672, 6379,
                    6443, 8000, 8080, 8081, 8086, 8443, 8888, 9000, 9090, 9092, 9093, 9100, 9200, 9300, 9418, 10250,
                    11211, 15672, 27017)
# Ethernet comes in these speeds (Gb/s): 100 GbE is never 60 GbE.
ETHERNET_SPEEDS = (1, 10, 25, 40, 50, 100, 200, 400, 800)
# Availability levels that services promise (percent): an SLA's wrong options are other SLAs.
SLA_LEVELS = (99.0, 99.5, 99.9, 99.95, 99.99, 99.995, 99.999)
# Embedding sizes come in these widths: 1,536 dimensions is never 1,229 or 2,304.
EMBEDDING_DIMENSIONS = (128, 256, 384, 512, 768, 1024, 1536, 2048, 3072, 4096, 8192)
# HTTP status codes are names too: a wrong one is another real code (200 → 201, 204, 301), never 150 or 250.
STATUS_CODES = (100, 101, 200, 201, 202, 204, 206, 301, 302, 303, 304, 307, 308, 400, 401, 403, 404, 405, 408, 409,
                410, 412, 413, 414, 415, 429, 431, 499, 500, 501, 502, 503, 504)


def significant_digits(x: float) -> int:
    """Significant digits as written in plain decimal (900 → 1, 3008 → 4, 0.20 → 1)."""
    if x == 0:
        return 1
    text = f"{abs(x):.10f}".rstrip("0").replace(".", "").lstrip("0")
    return len(text.rstrip("0")) or 1


def _is_pow2(x: float) -> bool:
    return x >= 2 and float(x).is_integer() and (int(x) & (int(x) - 1)) == 0


def _round_sig(x: float, digits: int) -> float:
    if x == 0:
        return 0.0
    return round(x, digits - 1 - math.floor(math.log10(abs(x))))


def _candidates(v: float, *, increment: float | None, unit: str | None, doubling: bool = False,
                seconds: float | None = None) -> list[float]:
    if v == 0:
        return [1.0, 2.0, 5.0, 10.0]
    if increment:
        return [v + k * increment for k in range(-4, 5) if k and v + k * increment > 0]
    if doubling and (v == 1 or _is_pow2(v)):     # "2 vCPU": 1, 4, 8 — machine sizes come in doublings, never 5 or 6
        return [v * 2.0**k for k in range(-3, 4) if k and v * 2.0**k >= 1]
    if unit in (None, "count") and float(v).is_integer() and v <= SMALL_COUNT:
        return [float(c) for c in range(1, 3 * SMALL_COUNT) if c != v]   # "two AZs": 1, 3, 4, never 16 or 32
    if _is_pow2(v):
        return [v * 2.0**k for k in range(-3, 4) if k and v * 2.0**k >= 1]
    if unit == "B" and _binary_multiple(v):
        return _binary_sizes(v)
    level = next((i for i, x in enumerate(SLA_LEVELS) if same_quantity(v, x)), None) if unit == "percent" else None
    if level is not None:   # 99.95: 99.9, 99.99, 99.5 — never 99.99999 or 49.98
        return sorted((x for i, x in enumerate(SLA_LEVELS) if i != level), key=lambda x: abs(SLA_LEVELS.index(x) - level))
    if unit == "percent" and 99 <= v < 100:
        nines = 2 + len(f"{100 - v:.12f}".rstrip("0").split(".")[1])   # 99.9 → 3 nines
        return [100 - 10.0 ** -(n - 2) for n in sorted(range(2, nines + 4), key=lambda n: abs(n - nines)) if n != nines]
    sig = significant_digits(v)
    if seconds is not None and _on_calendar(v, seconds):
        return [c / seconds for c in CALENDAR]
    if sig > 2:
        return [_round_sig(v * r, sig) for r in RATIOS]
    decade = math.floor(math.log10(abs(v)))
    ladder: tuple[float, ...] = LADDER_1 if sig == 1 else LADDER_2
    mantissa = round(v / 10.0**decade, 1)
    if sig == 2 and round(mantissa * 10) % 12 == 0:
        ladder += DOZENS
    rounded = [m * 10.0**e for e in range(decade - 1, decade + 2) for m in ladder]
    if sig == 2 and mantissa not in ladder:    # $11 among $15, $20, $25 would be the odd one out
        return [_round_sig(v * r, 2) for r in RATIOS] + rounded
    return rounded


def _binary_multiple(v: float) -> bool:
    """A size that is a small odd multiple of a power of two of at least 64 (3072 = 3 × 1024, 768 = 3 × 256)."""
    if not float(v).is_integer() or v < 64:
        return False
    step = int(v) & -int(v)      # the largest power of two dividing it
    return step >= 64 and int(v) // step <= 15


def _binary_sizes(v: float) -> list[float]:
    """Sizes memory comes in around `v`: powers of two, three times a power of two, and the neighbouring
    multiples of `v`'s own step (3072 MB: 2048, 4096, 1536, 5120; never 2458 or 1843)."""
    step = int(v) & -int(v)
    m = int(v) // step
    near = [float(c * 2.0**k) for k in range(-4, 5) for c in (step, 3 * step) if c * 2.0**k >= 1]
    return near + [float((m + d) * step) for d in (-2, -1, 1, 2) if m + d > 0]


def _on_calendar(v: float, seconds: float | None) -> bool:
    """A duration people set (`CALENDAR`): 1 minute gets 2, 3 and 5 minutes, never 4 or 6."""
    return seconds is not None and any(same_quantity(v * seconds, c) for c in CALENDAR)


def plausible(answer: float, candidate: float, *, integer: bool | None = None) -> bool:
    """Same order of magnitude, same sign, integral when the answer is, never the answer."""
    if same_quantity(answer, candidate) or candidate < 0 <= answer or (candidate == 0 != answer):
        return False
    if integer if integer is not None else float(answer).is_integer() and answer != 0:
        if not float(candidate).is_integer():
            return False
    if answer == 0:
        return 0 < candidate <= 10
    return abs(math.log10(abs(candidate) / abs(answer))) < 1


def distractors(
    value: float,
    *,
    rng: random.Random,
    increment: float | None = None,
    unit: str | None = None,
    avoid: Sequence[float] = (),
    k: int = 3,
    min_gap: float = 0.0,
    order: Sequence[float] = (),
    doubling: bool = False,
    seconds: float | None = None,
) -> list[float]:
    """`k` distinct distractors for `value` (all in the same unit as `value`), sorted.

    Args:
        value: the true answer in the unit the options will be shown in.
        rng: a seeded generator; the same seed gives the same distractors.
        increment: grid step the value sits on (e.g. 64 for "64 MB increments").
        unit: canonical unit, for unit-specific shapes (percent caps at 100).
        avoid: values that must not appear (other true readings of the same fact).
        min_gap: the least relative distance from `value` ("~$11": not $10).
        order: other values of the sentence, in the same unit: a distractor stays on the same side of each
            as `value` ("2379-_____": above 2379; "31 days … a 30-day retention": above 30), so no
            option or false statement contradicts its own sentence.
        doubling: the value counts what comes in doublings (vCPUs, cores, GPUs): small counts get 1, 2, 4, 8.
        seconds: for a duration, the seconds in its unit: a value on the `CALENDAR` gets calendar neighbours.

    Returns fewer than `k` only when the value admits no more plausible neighbours.
    """
    extra = (3 if min_gap else 0) + (2 * POOL if order else 0)
    pool = [c for c in _pool(value, increment, unit, tuple(avoid), max(POOL, k) + extra, doubling, seconds)
            if (not min_gap or abs(c - value) >= min_gap * abs(value))
            and all((c > o) == (value > o) and (c < o) == (value < o) for o in order)][: max(POOL, k)]
    return sorted(rng.sample(pool, min(k, len(pool))))


def code_distractors(code: float, *, rng: random.Random, avoid: Sequence[float] = (), k: int = 3,
                     codes: Sequence[int] = WELL_KNOWN_PORTS) -> list[float]:
    """`k` other well-known `codes` (ports by default, or `STATUS_CODES`, `ETHERNET_SPEEDS`,
    `EMBEDDING_DIMENSIONS`) written with as many digits as `code` (1433 → 1521, 2049, 3306 …), from the
    nearest few, sorted."""
    digits = len(str(int(code)))
    near = sorted((p for p in codes if p != code and p not in avoid and len(str(p)) == digits),
                  key=lambda p: (abs(math.log(p / code)), p))[: max(POOL, k)]
    return sorted(float(p) for p in rng.sample(near, min(k, len(near))))


@lru_cache(maxsize=4096)
def _pool(value: float, increment: float | None, unit: str | None, avoid: tuple[float, ...], size: int,
          doubling: bool = False, seconds: float | None = None) -> list[float]:
    """The nearest plausible candidates for `value`, closest first (cached: a fact's questions draw from one pool)."""
    integer = float(value).is_integer()
    nines = unit == "percent" and 99 <= value < 100
    calendar = _on_calendar(value, seconds)   # 730 days: 365 and 1,095 days are as plausible as 180
    binary = unit == "B" and _binary_multiple(value)    # 5,120 bytes: 4,096 and 6,144 are as plausible as 8,192
    seen: list[float] = []
    for c in _candidates(value, increment=increment, unit=unit, doubling=doubling, seconds=seconds):
        c = _round_sig(c, 12)
        if unit == "percent" and c > 100:
            continue
        if not plausible(value, c, integer=integer) or any(same_quantity(c, a) for a in avoid):
            continue
        if value and not (nines or calendar or binary) and significant_digits(c) > max(significant_digits(value), 2):
            continue
        if not any(same_quantity(c, s) for s in seen):
            seen.append(c)
    if value and not nines:   # nines come pre-sorted by closeness
        seen.sort(key=lambda c: (abs(math.log(abs(c) / abs(value))), c))
    return seen[:size]
