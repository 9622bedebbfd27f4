"""Quantities as a learner reads them: source-unit display, accepted forms, scanning.

Facts carry canonical values (binary bytes, seconds, USD); questions show
them in the unit of the source text. The conversion factor is read off the
fact itself (`value / source_value`) so it follows whatever the extractor
decided. A lexicon of display units covers facts written as words
("two-minute") and the alternative forms a numerical answer accepts ("900 s" =
"15 min"); it holds names only, and every size comes from `pipeline.units` (pint).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from ..quantities import CARDINAL_WORDS, parse_number
from ..types import Fact
from ..units import CAPITALISED_ONLY, FOREIGN_TIME, canonical, unit_expr
from .grammar import reinflect

__all__ = [
    "unit_families", "Spelled", "spelling", "answer_text", "factor", "to_source", "format_number", "display", "accepted_forms",
    "scan_quantities", "same_quantity", "is_unit", "written_span", "NUMBER_WORD", "MULTIPLIER_WORDS",
]

# Display units per canonical unit: (abbreviation, long name), smallest first.
_FAMILY_NAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "s": (("ms", "milliseconds"), ("s", "seconds"), ("min", "minutes"), ("h", "hours"), ("days", "days"),
          ("months", "months"), ("years", "years")),
    "B": (("B", "bytes"), ("KB", "kilobytes"), ("MB", "megabytes"), ("GB", "gigabytes"), ("TB", "terabytes")),
    "B/s": (("B/s", "bytes per second"), ("KB/s", "kilobytes per second"), ("MB/s", "megabytes per second"),
            ("GB/s", "gigabytes per second")),
    "GB-s": (("GB-s", "GB-seconds"),),      # Lambda's compute: "400,000 GBs" is typed "400,000 GB-seconds" too
}
# Other ways a source writes a display unit (besides the families' names and their singulars).
_SPELLINGS = ("sec", "secs", "second", "mins", "minute", "hr", "hrs", "hour", "day", "month", "year", "kb", "kib",
              "mib", "gib", "tib", "$", "usd", "%", "percent", "¢", "mib/s")


def _size(written: str, canon: str | None = None) -> tuple[str | None, float]:
    """(canonical unit, size in it) of a written unit, through `pipeline.units`; a canonical unit has size 1."""
    if written == canon:
        return canon, 1.0
    value, unit = canonical(1.0, unit_expr(written))
    return unit, value


@lru_cache(maxsize=1)
def unit_families() -> dict[str, tuple[tuple[str, str, float], ...]]:
    """(abbreviation, long name, size in the canonical unit) per canonical unit."""
    return {canon: tuple((abbr, long, _size(abbr, canon)[1]) for abbr, long in names)
            for canon, names in _FAMILY_NAMES.items()}


@lru_cache(maxsize=1)
def _aliases() -> dict[str, tuple[str | None, float]]:
    """Written display unit (lower case) -> (canonical unit, size): for facts whose source value is missing or zero."""
    aliases: dict[str, tuple[str | None, float]] = {}
    for canon, units in unit_families().items():
        for abbr, long, size in units:
            for name in (abbr, long, long.rstrip("s")):
                aliases[name.lower()] = (canon, size)
    aliases.update({name: _size(name) for name in (*_SPELLINGS, *(FOREIGN_TIME.keys() - CAPITALISED_ONLY))})  # "900 sek"
    return aliases


_NUMBER = re.compile(r"\d(?:[\d,]*\d)?(?:\.\d+)?|\.\d+")  # a comma only inside a number: "1, 2, or 4"
_WORD_NUMBERS = CARDINAL_WORDS
_WORD_OF = {v: k for k, v in _WORD_NUMBERS.items()}
def number_word(value: float) -> str | None:
    """The word for a small whole number ("three" for 3), if it has one."""
    return _WORD_OF.get(int(value)) if float(value).is_integer() else None


NUMBER_WORD = re.compile(r"\b(?:a single|a thousand|" + "|".join(_WORD_NUMBERS) + r")\b", re.IGNORECASE)
MULTIPLIER_WORDS = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
                     "b": 1e9, "trillion": 1e12}


def factor(fact: Fact) -> float:
    """Canonical units per source unit (1 when the fact was written canonically)."""
    if fact.source_value not in (None, 0) and fact.value:
        return fact.value / fact.source_value  # type: ignore[operator]
    if fact.source_unit and fact.source_unit.lower() in _aliases():
        return _aliases()[fact.source_unit.lower()][1]
    return 1.0


def to_source(fact: Fact, canonical: float) -> float:
    """A canonical value expressed in the fact's source unit."""
    return canonical / factor(fact)


def format_number(x: float, *, decimals: int | None = None, grouping: bool = False) -> str:
    """Shortest exact-looking decimal (no float noise, no exponent)."""
    if decimals is None:
        text = f"{x:.10f}".rstrip("0").rstrip(".")
    else:
        text = f"{x:.{decimals}f}"
    if grouping:
        whole, _, frac = text.partition(".")
        sign = "-" if whole.startswith("-") else ""
        whole = f"{int(whole.lstrip('-')):,}"
        text = sign + whole + ("." + frac if frac else "")
    return text if text not in ("-0", "") else "0"


@dataclass(frozen=True)
class _Written:
    """The fields of a fact that say how it is written."""

    text: str
    source_value: float | None
    value: float
    role: str
    unit: str | None
    source_unit: str | None


@dataclass(frozen=True)
class Spelled:
    """How the fact's number is written: the bits around it that a new number reuses.

    `start`/`end` locate the written quantity (currency sign, number, unit) inside
    `fact.text`; nouns after a count ("10 unique items") stay outside it, in the stem.
    """

    prefix: str      # a currency sign written before the number, else ""
    suffix: str      # the unit written after it ("MB", " seconds", "x"), else ""
    decimals: int    # decimals written in the source ("$0.20" → 2)
    grouping: bool   # digits grouped with commas
    start: int
    end: int
    scale: float = 1.0   # "$37.549 billion": the written number times 1e9 is the value
    points: bool = False  # thousands grouped with points ("4.096 events/s" in notes that write "1.000")


_UNIT_TOKEN = re.compile(r"\s?(?:[^\W\d_]|[%¢])[\w%/-]*|-?[%¢]")     # (a unit in any script: "7 дней", "540 秒")


def is_unit(token: str) -> bool:
    """Whether a word names a unit of measure ("GiB", "minutes", "%"), not a thing that is counted."""
    return _is_unit(token)


def _is_unit(token: str) -> bool:
    t = token.strip().lower()
    head = re.split(r"[-/]", t)[0]
    return t in ("x", "%", "¢", "iops") or any(w in _aliases() for w in (t, t.rstrip("s"), head, head.rstrip("s")))


def _read_as_unit(fact: _Written | Fact, token: str) -> bool:
    """The extractor read `token` as the fact's display unit (a size written "32k")."""
    return fact.unit in _FAMILY_NAMES and token.strip().lower() == (fact.source_unit or "").lower()


def spelling(fact: Fact) -> Spelled | None:
    """Read how the fact's number is written in its text; None for word numbers."""
    return _spelling(fact.text, fact.source_value, fact.value, fact.role, fact.unit, fact.source_unit)


@lru_cache(maxsize=8192)
def _spelling(text: str, source_value: float | None, value: float, role: str, unit: str | None,
              source_unit: str | None) -> Spelled | None:
    """`spelling` from the fields it reads (cached: every question of a fact asks it again)."""
    fact = _Written(text, source_value, value, role, unit, source_unit)
    numbers = list(_NUMBER.finditer(fact.text))
    if not numbers:
        return None
    target = fact.source_value if fact.source_value is not None else fact.value
    pick = next((m for m in numbers if math.isclose(parse_number(m.group()), target, rel_tol=1e-9, abs_tol=1e-12)
                 or math.isclose(parse_number(m.group(), point_groups=True), target, rel_tol=1e-9, abs_tol=1e-12)), None)
    if pick is None:
        pick = numbers[-1] if fact.role == "range_high" else numbers[0]
    start = pick.start()
    prefix = ""
    if start and fact.text[start - 1] in "$€£":
        prefix, start = fact.text[start - 1], start - 1
    suffix = ""
    written_unit = _UNIT_TOKEN.match(fact.text, pick.end())
    if written_unit and (_is_unit(written_unit.group()) or _read_as_unit(fact, written_unit.group())):
        suffix = written_unit.group()
    scale = 1.0
    written = parse_number(pick.group())
    if not suffix and written and not math.isclose(written, target, rel_tol=1e-9):
        word = re.match(r"\s?([A-Za-z]+)", fact.text[pick.end():])
        size = MULTIPLIER_WORDS.get(word.group(1).lower()) if word else None
        if word and size and math.isclose(written * size, target, rel_tol=1e-9):
            suffix, scale = word.group(0), size
    token = pick.group()
    if _POINT_GROUPS.fullmatch(token) and math.isclose(parse_number(token, point_groups=True), target, rel_tol=1e-9):
        return Spelled(prefix, suffix, 0, True, start, pick.end() + len(suffix), scale, points=True)
    decimals = len(token.split(".")[1]) if "." in token else 0
    return Spelled(prefix, suffix, decimals, "," in token, start, pick.end() + len(suffix), scale)


_POINT_GROUPS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")


_SWAPPED = str.maketrans({",": ".", ".": ","})


def display(fact: Fact, source_number: float) -> str:
    """`source_number` (in the fact's source unit) written the way the source writes the fact."""
    spelled = spelling(fact)
    if spelled is None:
        word = NUMBER_WORD.search(fact.text)
        spoken = number_word(source_number) if word else None
        if word and spoken:
            text = answer_text(fact)
            spoken = spoken.capitalize() if word.group()[0].isupper() else spoken
            return reinflect(NUMBER_WORD.sub(spoken, text, count=1), source_number)
        unit = fact.source_unit or _canonical_label(fact.unit)
        return reinflect(f"{format_number(source_number)} {unit}".strip(), source_number)
    n = source_number / spelled.scale
    decimals = None
    if spelled.decimals:
        needed = len(format_number(n).partition(".")[2])
        # the source's decimals, as for cents ("$0.50" → "$0.40"); not nine of them ("99.990000000%")
        decimals = max(spelled.decimals, needed) if spelled.decimals <= 2 else max(needed, 1)
    number = format_number(n, decimals=decimals, grouping=spelled.grouping or abs(n) >= 10000)
    if spelled.points:
        number = number.translate(_SWAPPED)       # "1,536" written as the notes write it: "1.536"
    return reinflect(f"{spelled.prefix}{number}{spelled.suffix}", n)


def answer_text(fact: Fact) -> str:
    """The fact's own quantity exactly as the source writes it ("1,00,000", "900 seconds", "2/3", "three")."""
    start, end = written_span(fact)
    return fact.text[start:end]


def written_span(fact: Fact) -> tuple[int, int]:
    """Where in `fact.text` the quantity is written: the number and its unit, a number word without the
    noun it counts ("three" of "three Availability Zones"), or all of it ("2/3", "one-quarter")."""
    spelled = spelling(fact)
    if spelled is not None and spelling_value(fact, spelled) is not None:
        return spelled.start, spelled.end
    target = fact.source_value if fact.source_value is not None else fact.value
    word = NUMBER_WORD.search(fact.text)
    # "one thread" stays whole: blanking "one" alone, the singular noun left behind would give it away
    if word and spelled is None and target != 1 and math.isclose(_word_value(word.group()), target, rel_tol=1e-9):
        return word.start(), word.end()
    stripped = re.search(r"\w.*\w|\w", fact.text)
    return (stripped.start(), stripped.end()) if stripped else (0, len(fact.text))


def _word_value(word: str) -> float:
    lowered = word.lower()
    return {"a single": 1.0, "a thousand": 1000.0}.get(lowered, float(_WORD_NUMBERS.get(lowered, -1)))


def spelling_value(fact: Fact, spelled: Spelled) -> float | None:
    """The written number, when it is the fact's source value (not "2" of "2/3")."""
    n = parse_number(fact.text[spelled.start + len(spelled.prefix):spelled.end - len(spelled.suffix)],
                     point_groups=spelled.points) * spelled.scale
    target = fact.source_value if fact.source_value is not None else fact.value
    return n if math.isclose(n, target, rel_tol=1e-9, abs_tol=1e-12) else None


def _canonical_label(unit: str | None) -> str:
    return {"count": "", "percent": "%", "USD": "USD", None: ""}.get(unit, unit or "")


def accepted_forms(fact: Fact) -> list[str]:
    """Every way a numerical answer may be written: the source's, then other units that give a round number."""
    forms = [display(fact, to_source(fact, fact.value))]
    family = unit_families().get(fact.unit or "")
    if family:
        for abbr, long, size in family:
            n = fact.value / size
            if n < 0.01 or n > 1e9 or abs(round(n, 3) - n) > 1e-9:
                continue
            number = format_number(round(n, 3))
            forms += [f"{number} {abbr}", f"{number} {long[:-1] if number == '1' else long}"]
    elif fact.unit == "USD":
        forms.append(f"${format_number(fact.value)}")
    elif fact.unit == "percent":
        forms += [f"{format_number(fact.value)}%", f"{format_number(fact.value)} percent"]
    else:
        forms.append(format_number(fact.value))
    return list(dict.fromkeys(forms))


# -- scanning text for quantities (leak checks) ----------------------------------

_QUANTITY = re.compile(
    r"(?P<cur>[$€£])?\s?(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]?\d)|\d[\d,]*(?:\.\d+)?)\s?"   # "86 400 sek"
    r"(?P<unit>(?:[^\W\d_]|[%¢/])+)?", re.UNICODE)
_WORD_QUANTITY = re.compile(r"\b(?P<num>" + "|".join(_WORD_NUMBERS) + r")[\s-](?P<unit>[A-Za-z]+)", re.IGNORECASE)


def scan_quantities(text: str) -> list[tuple[float, str | None]]:
    """(canonical value, canonical unit or None) of every number written in `text`."""
    aliases = _aliases()
    found: list[tuple[float, str | None]] = []
    for m in _QUANTITY.finditer(text):
        value = parse_number(m.group("num"))
        unit = (m.group("unit") or "").lower()
        if m.group("cur"):
            found.append((value, "USD"))
        elif unit in aliases:
            canon, size = aliases[unit]
            found.append((value * size, canon))
        else:
            found.append((value, None))
    for m in _WORD_QUANTITY.finditer(text):
        unit = m.group("unit").lower()
        if unit in aliases:
            canon, size = aliases[unit]
            found.append((_WORD_NUMBERS[m.group("num").lower()] * size, canon))
    return found


def same_quantity(a: float, b: float) -> bool:
    """Equal up to float noise (canonical values of one unit)."""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
