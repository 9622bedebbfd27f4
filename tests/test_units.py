"""Units: written forms to pint, canonical values as the gold conventions fix them."""
from __future__ import annotations

import math

import pytest

from pipeline.units import UnitError, canonical, kind_of, registry, unit_expr


@pytest.mark.parametrize(("written", "value", "expected", "unit"), [
    ("KB", 4, 4096, "B"),                 # binary bytes whatever the case
    ("kb", 16, 16384, "B"),
    ("KiB", 1, 1024, "B"),
    ("MB", 3008, 3008 * 2**20, "B"),
    ("GB", 0.5, 2**29, "B"),
    ("TB", 5, 5 * 2**40, "B"),
    ("MiB/s", 100, 100 * 2**20, "B/s"),
    ("MB/s", 1, 2**20, "B/s"),
    ("Gbps", 1, 1e9, "bit/s"),            # bits stay SI
    ("ms", 200, 0.2, "s"),
    ("mins", 2, 120, "s"),
    ("hour", 24, 86400, "s"),
    ("months", 15, 38_880_000, "s"),      # month = 30 days
    ("years", 3, 94_608_000, "s"),        # year = 365 days
    ("%", 99.9, 99.9, "percent"),         # percentage points
    ("¢", 4.5, 0.045, "USD"),
    ("dollars", 1000, 1000, "USD"),
    ("IOPS", 16000, 16000, "count/s"),
    ("tps", 3, 3, "count/s"),
    ("GBs", 400_000, 400_000, "GB-s"),    # GB-seconds are kept, not converted
    ("GB-seconds", 600_000, 600_000, "GB-s"),
    ("RCU", 10, 10, "count"),
    ("x", 2.5, 2.5, None),
])
def test_canonical(written: str, value: float, expected: float, unit: str | None) -> None:
    got, label = canonical(value, unit_expr(written))
    assert label == unit
    assert math.isclose(got, expected, rel_tol=1e-9)


def test_rate_per_minute_is_per_second() -> None:
    assert canonical(3, "request / minute") == pytest.approx((0.05, "count/s"))


def test_kinds() -> None:
    assert [kind_of(u) for u in ("B", "s", "USD", "count", "percent", "B/s", "GB-s", None)] == [
        "size", "duration", "price", "count", "percent", "rate", "other", "other"]


def test_registry_is_built_once_and_knows_cloud_units() -> None:
    assert registry() is registry()
    assert registry().Quantity(1, "billing_month").to("day").magnitude == 30


def test_unknown_unit_names_the_value() -> None:
    with pytest.raises(UnitError, match="furlongs"):
        unit_expr("furlongs")


def test_every_spelling_the_extractor_reads_as_a_unit_resolves() -> None:
    """A unit the scanner matches but the lexicon refuses would stop a whole deck ("1 MBps" once did)."""
    from itertools import product

    from pipeline.quantities import find_quantities

    spellings = ["".join(parts) for parts in product("KMGTPEkmgtpe", ("", "i"), "Bb", ("", "/s", "/sec", "ps"))]
    for unit in spellings + ["bps", "Kbps", "kbit/s", "bytes", "msg/s", "req/sec", "RU/s", "RCUs", "¢"]:
        assert find_quantities(f"throughput is up to 5 {unit} per key"), unit
    for unit in ("bits", "9's", "x", "times", "nines", "GB-sec", "cents"):
        find_quantities(f"throughput is up to 5 {unit} per key")      # read or not, never an error
    assert [(q.value, q.unit) for q in find_quantities("up to 1 MBps")] == [(1024.0**2, "B/s")]
    assert [(q.value, q.unit) for q in find_quantities("up to 8 Mbps")] == [(8e6, "bit/s")]
