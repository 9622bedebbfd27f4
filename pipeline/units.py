"""Units through pint: cloud units defined once, quantities made canonical.

The gold conventions (shared gold README) fix the canonical units: bytes are
binary everywhere (KB = KiB), durations are seconds with a 30-day month and a
365-day year, prices are USD, rates are per second, GB-seconds stay GB-s.
Written unit forms are mapped to pint expressions by `unit_expr`; every
conversion is pint's.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Final

import pint

from .errors import UnitError, value_invalid_msg

__all__ = ["UnitError", "registry", "unit_expr", "canonical", "kind_of", "names_a_unit", "FOREIGN_TIME", "CAPITALISED_ONLY",
           "TIME_WORDS"]


# Cloud units pint does not know, and the billing calendar of the conventions.
_DEFINITIONS: Final = (
    "dollar = [currency] = USD = usd",
    "cent = 0.01 * dollar = ¢",
    "billing_month = 30 * day",
    "billing_year = 365 * day",
    "request = count",
    "operation = count",
    "capacity_unit = count = RCU = WCU",
    "IOPS = count / second = iops",
    "transactions_per_second = count / second = tps = TPS",
    "requests_per_second = count / second",
    # A billing unit (memory x time), kept as written: its own dimension.
    "gigabyte_second = [memory_time] = GB_s",
)

# Written unit -> pint expression. Byte prefixes are binary whatever the case
# (the conventions: KB, kb and KiB are all 1024 B); bit rates stay SI.
_BYTE_PREFIX: Final = {"": "", "k": "kibi", "m": "mebi", "g": "gibi", "t": "tebi", "p": "pebi", "e": "exbi"}
_BIT_PREFIX: Final = {"": "", "k": "kilo", "m": "mega", "g": "giga", "t": "tera"}
# Durations as the notes' other languages write them (Spanish, Portuguese, French, Italian, German, Dutch, Swedish,
# Polish, Russian, Japanese, Chinese, Turkish, Arabic, Indonesian, Vietnamese): words of no English sense, so a number before them is a duration ("900 sek",
# "90 дней", "540 秒", "4 分钟")
FOREIGN_TIME: Final = {
    **dict.fromkeys(("seg", "segundo", "segundos", "seconde", "secondes", "secondi", "sekunde", "sekunden", "sek",
                     "sekunder", "sekund", "sekundy", "seconden", "секунда", "секунды", "секунд", "сек", "秒",
                     "saniye", "saniyelik", "saniyede", "ثانية", "ثواني", "ثوان", "detik", "giây"), "second"),
    **dict.fromkeys(("minuto", "minutos", "minuti", "minuten", "minuter", "minut", "minuty", "минута", "минуты", "минут",
                     "分", "分钟", "dakika", "dakikalık", "dakikada", "دقيقة", "دقائق", "دقايق", "menit", "phút"), "minute"),
    **dict.fromkeys(("hora", "horas", "hs", "heure", "heures", "stunde", "stunden", "std", "uur", "tim", "timme",
                     "timmar", "godzin", "godziny", "час", "часа", "часов", "時間", "小时", "saat", "saatlik", "saatte",
                     "ساعة", "ساعات", "jam", "giờ"), "hour"),
    **dict.fromkeys(("día", "días", "dia", "dias", "jour", "jours", "giorno", "giorni", "tag", "tage", "tagen", "dagen",
                     "dag", "dagar", "dni", "день", "дня", "дней", "日", "天", "gün", "günlük", "günde", "يوم", "أيام",
                     "يوماً", "يومًا", "hari", "ngày"), "day"),
    **dict.fromkeys(("semana", "semanas", "semaine", "semaines", "settimana", "settimane", "woche", "wochen", "weken",
                     "vecka", "veckor", "tygodni", "неделя", "недели", "недель", "周", "hafta", "haftalık", "أسبوع",
                     "أسابيع", "minggu", "tuần"), "week"),
}
# (German words that are English ones too: a unit only as German writes them, capitalised: "7 Tage", "50 tag keys")
CAPITALISED_ONLY: Final = frozenset(("tag", "tage", "tagen", "std"))
_TIME: Final = {
    "ms": "millisecond", "msec": "millisecond", "millisecond": "millisecond", "milliseconds": "millisecond",
    "us": "microsecond", "microsecond": "microsecond", "microseconds": "microsecond",
    "s": "second", "sec": "second", "secs": "second", "second": "second", "seconds": "second",
    "min": "minute", "mins": "minute", "minute": "minute", "minutes": "minute",
    "h": "hour", "hr": "hour", "hrs": "hour", "hour": "hour", "hours": "hour",
    "day": "day", "days": "day", "week": "week", "weeks": "week",
    "month": "billing_month", "months": "billing_month", "mo": "billing_month",
    "year": "billing_year", "years": "billing_year", "yr": "billing_year", "yrs": "billing_year",
    **FOREIGN_TIME,
}
TIME_WORDS: Final = frozenset(_TIME)     # every written unit of time, in any language the notes are in
_OTHER: Final = {
    "%": "percent", "percent": "percent", "pct": "percent",
    "$": "dollar", "usd": "dollar", "dollar": "dollar", "dollars": "dollar", "¢": "cent", "cent": "cent", "cents": "cent",
    "iops": "IOPS", "tps": "tps", "rps": "requests_per_second", "qps": "requests_per_second",
    "rcu": "RCU", "rcus": "RCU", "wcu": "WCU", "wcus": "WCU",
    "gb-s": "GB_s", "gb-second": "GB_s", "gb-seconds": "GB_s", "gbs": "GB_s", "gb-sec": "GB_s",
    "request": "request", "requests": "request",
    "ru": "count", "rus": "count", "ru/s": "count / second",   # request units (Cosmos DB)
    "x": "dimensionless", "times": "dimensionless",
}
_BYTES_RE: Final = re.compile(r"^([kmgtpe]?)(i?)b(?:ytes?)?(?:(?:/|\s*per\s*)(s|sec|second)|(ps))?$", re.IGNORECASE)
_SPELLED_PREFIX: Final = {"kilo": "k", "mega": "m", "giga": "g", "tera": "t", "peta": "p",
                          "kibi": "ki", "mebi": "mi", "gibi": "gi", "tebi": "ti"}
_SPELLED_BYTES: Final = re.compile(r"^(kilo|mega|giga|tera|peta|kibi|mebi|gibi|tebi)bytes?$")
_BITS_RE: Final = re.compile(r"^([kmgt]?)(?:bps|bit/s|bits/s|b/s)$", re.IGNORECASE)
_PER_SECOND_RE: Final = re.compile(r"^[a-z]*/s(?:ec(?:ond)?)?$")  # "/sec", "msg/s", "req/s": a count per second


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """The process-wide unit registry (built once: pint's parsing is slow to set up)."""
    ureg: pint.UnitRegistry = pint.UnitRegistry(on_redefinition="raise", cache_folder=None)
    for definition in _DEFINITIONS:
        ureg.define(definition)
    return ureg


def unit_expr(written: str) -> str:
    """The pint expression for a unit as written ("MB" -> "mebibyte", "Gbps" -> "gigabit / second").

    Raises:
        UnitError: the unit is not one the lexicon knows.
    """
    key = written.strip()
    low = key.lower()
    if low in _TIME:
        return _TIME[low]
    if low in _OTHER:
        return _OTHER[low]
    if key.endswith("bps") or "bit/s" in low:
        m = _BITS_RE.match(low)
        if m:
            return f"{_BIT_PREFIX[m.group(1).lower()]}bit / second"
    low = _SPELLED_BYTES.sub(lambda w: _SPELLED_PREFIX[w.group(1)] + "b", low)    # "kilobytes" is "KB"
    m = _BYTES_RE.match(low)
    if m and (m.group(1) or low in ("b", "byte", "bytes")):
        unit = f"{_BYTE_PREFIX[m.group(1).lower()]}byte"
        return f"{unit} / second" if m.group(3) or m.group(4) else unit   # "MB/s", "MBps" (bytes; "Mbps" is bits)
    if _PER_SECOND_RE.match(low):
        return "count / second"
    raise UnitError(value_invalid_msg("unit", written, ["B", "KB", "MiB", "GB/s", "Gbps", "ms", "hours", "%", "$", "IOPS"]))


# Canonical label and the root-unit divisor that turns pint's root magnitude
# into it. pint keeps bits and counts dimensionless, so the plan reads the root
# units (bit, second, dollar, count ...) rather than the dimensionality.
_ROOTS: Final = {
    (("bit", 1),): ("B", 8.0),
    (("bit", 1), ("second", -1)): ("B/s", 8.0),
    (("second", 1),): ("s", 1.0),
    (("dollar", 1),): ("USD", 1.0),
    (("count", 1),): ("count", 1.0),
    (("count", 1), ("second", -1)): ("count/s", 1.0),
    (("second", -1),): ("count/s", 1.0),
    (("gigabyte_second", 1),): ("GB-s", 1.0),
}


@lru_cache(maxsize=512)
def _plan(expr: str) -> tuple[str | None, float]:
    """Canonical unit label and factor for a pint expression (cached: pint is slow per call)."""
    if expr == "percent":
        return "percent", 1.0  # percentage points, as written
    if expr == "dimensionless":
        return None, 1.0       # multipliers and ratios
    # An expression may carry a factor ("count / (10 * second)": a count per ten seconds).
    root: Any = registry().Quantity(registry().parse_expression(expr)).to_root_units()
    factor = float(root.magnitude)
    key = tuple((name, int(power)) for name, power in sorted(root.unit_items()))  # type: ignore[arg-type]
    if key not in _ROOTS:
        raise UnitError(value_invalid_msg("unit expression", expr, ["bytes", "bits/s", "time", "USD", "counts"]))
    label, divisor = _ROOTS[key]
    if label == "B/s" and "bit" in expr:
        return "bit/s", factor  # bit rates stay in bits (SI), as the conventions say
    return label, factor / divisor


def names_a_unit(word: str) -> bool:
    """Whether a written word is a unit `unit_expr` knows ("TiB", "minutes"; not "Haiku")."""
    try:
        unit_expr(word)
    except UnitError:
        return False
    return True


def canonical(value: float, expr: str) -> tuple[float, str | None]:
    """Convert `value` in pint expression `expr` to the canonical unit of the conventions."""
    label, factor = _plan(expr)
    return value * factor, label


_KIND: Final = {"s": "duration", "B": "size", "USD": "price", "count": "count", "percent": "percent",
                "B/s": "rate", "bit/s": "rate", "count/s": "rate", "GB-s": "other", None: "other"}


def kind_of(unit: str | None) -> str:
    """The fact kind of a canonical unit."""
    return _KIND[unit]
