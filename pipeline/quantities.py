"""Numeric facts in text: a rule component for `spacy.blank("en")`.

Numbers are found with pre-compiled regular expressions over each line of the
Doc's text (faster than per-token Python), read as people write them
(`1,00,000`, `16k`, `$37.549 billion`, `two-minute`, `2/3`, `four nines`),
given a unit through `pipeline.units` (pint), linked into ranges and lists
(`3-63 characters`, `1, 4 and 8 GPU`), given a bound (`up to`, `at least`, `~`)
and filtered for what is not a fact (dates, versions, digits inside names,
status codes, list numbers, operands, denominators, vague magnitudes).
Restatements in one card (`900 seconds ( 15 minutes )`, `4KB` written twice,
`the 5 consumers`) are merged, so each distinct quantity is reported once.

The component stores `Quantity` records in `doc._.quantities` (char offsets in
`doc.text`) and a `doc.spans["quantities"]` group labelled with the kind.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Final, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from wordfreq import zipf_frequency

from .doctext import NAMES_KEY, doc_text
from .generators.grammar import number_of
from .notations import QUOTED
from .sites import COMMENT, ITEM_LABEL, MODEL_TIERS, SECTION_NUMBER, STRUCK, writes_number
from .tables import find_tables, split_row, unit_column
from .units import CAPITALISED_ONLY, FOREIGN_TIME, canonical, kind_of, names_a_unit, unit_expr

__all__ = ["CARDINAL_WORDS", "Quantity", "parse_number", "point_grouped", "spoken_number", "QuantityRecognizer", "QuantityRules",
           "find_quantities", "quantity_rules", "FACTORY", "make_quantities"]

FACTORY: Final = "qbank_quantities"


@dataclass(frozen=True)
class Quantity:
    """One numeric fact as found: canonical value/unit plus how it was written."""

    start: int                 # char offsets of `text` in the analysed text
    end: int
    text: str
    value: float
    unit: str | None
    kind: str
    source_value: float
    source_unit: str | None
    bound: str = "exact"
    role: str = "value"
    group: str | None = None   # shared by the members of one range or list
    context: str | None = None  # a price's denominator, e.g. "per 1 million requests"
    noun: str | None = None    # what a count counts ("nodes", "GPU configurations")


# ---------------------------------------------------------------- lexicon ---
_WORD_VALUES: Final = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "thousand": 1e3, "million": 1e6, "billion": 1e9, "single": 1,
}
# Plain cardinals ("three", "forty"): also how generators write a word-number answer.
CARDINAL_WORDS: Final = {w: v for w, v in _WORD_VALUES.items()
                         if w not in ("hundred", "dozen", "thousand", "million", "billion", "single")}
_SCALES: Final = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6}
_MONTHS: Final = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august "
    "september october november december "
    # (French, Spanish, Italian, Portuguese, German: "retraite le 31 mars 2027")
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre "
    "enero febrero marzo abril mayo junio julio agosto setiembre octubre noviembre diciembre gennaio febbraio aprile "
    "maggio giugno luglio settembre ottobre dicembre janeiro fevereiro março maio junho julho setembro outubro "
    "dezembro januar februar märz juni juli oktober dezember "
    # (Dutch, Swedish, Norwegian, Danish, Finnish, Turkish: "emeklilik 4 Kasım 2025")
    "januari februari maart mei augustus maj augusti desember tammikuuta helmikuuta maaliskuuta huhtikuuta "
    "toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta lokakuuta marraskuuta joulukuuta "
    "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık".split())


_CJK_DATE_AFTER: Final = re.compile(r"\s*[年月]")       # "2024 年", "10 月": a year, a month
_CJK_DATE_BEFORE: Final = re.compile(r"月\s*$")          # "10 月 30 日": the day of a month, not 30 days


def _month_after(right: str) -> bool:
    """Whether a month name follows ("30 January", "1st of May"); "5 may …" is a verb."""
    m = re.match(r"(?:st|nd|rd|th|\.)?\s+(?:of\s+)?([^\W\d_]+)", right)
    if m is None:
        return False
    word = m.group(1)
    return word.lower() in _MONTHS and (word.lower() != "may" or word[0] == "M")


_STOP: Final = frozenset(
    "of and or to in on at for by with from into is are was were be been being the a an that which who "
    "whom whose if than as but so it its this these those can will may might should would could must "
    "not no nor more less fewer before after when while where then there here each every all also only "
    "per vs via etc until unless since because about over under above below between up down out off "
    "i you we they he she me us them my your our their do does did has have had get gets got".split())
_ADVERBS: Final = frozenset("often only also always even still just now then here there too usually "
                            "generally typically simultaneously currently normally minimum maximum min max".split())
# Words before a number that make it a name or a reference, not a quantity.
_LABEL_WORDS: Final = frozenset("slide slides layer version v step phase page figure fig chapter section "
                                "route gen generation rev revision release no number item option tier "
                                "level series model type ep eps episode episodes lesson lecture module part mtg meeting".split())
_PORT_WORDS: Final = frozenset({"port", "ports"})
# Cue words: a bare number after them states a limit.
_CUE_WORDS: Final = frozenset("is are was of to around about approximately approx roughly over under "
                              "maximum max minimum min limit limits than usual default standard at "
                              "nearly almost first up below above within exceed exceeds only between".split())
_BYTE_NOUNS: Final = frozenset("storage memory ram disk overhead block blocks payload file files object "
                               "objects data cache buffer record records item items".split())

_WINDOW: Final = 48
# "1,000", Indian "1,00,000", "12.5", a decimal comma ("1,5 MB", "$0,08": one or two digits after it, no group after;
# "0,0025 USD": a zero before it groups no thousands; "99,9999 %": four digits or more group none either), and
# thousands grouped with spaces ("3 000", "65 536": groups of three digits)
_NUM: Final = (r"(?:(?<![\d,])0,\d+(?![\d,]?\d)|(?<!\d,)\d+,(?:\d{1,2}|\d{4,})(?![\d,]\d)(?!\d)|\d{1,3}(?:,\d{2})*(?:,\d{3})+"
                r"|(?<!\d )\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]?\d)|\d+)(?:\.\d+)?")
def _trie_pattern(words: list[str]) -> str:
    """One regex alternation as a prefix tree: the engine tests a letter once, not once per word."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, dict]) -> str:
        branches = [re.escape(c) + render(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(tree)


_LONE_WORDS: Final = [w for w in _WORD_VALUES if w not in ("hundred", "dozen", "thousand", "million", "billion")]
# A number spoken in words ("sixty-four", "three hundred", "five hundred thousand", "twenty thousand four hundred
# eighty"): one quantity, not a word number beside other words
_ONES: Final = "one|two|three|four|five|six|seven|eight|nine"
_TENS: Final = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TEENS: Final = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_BELOW_100: Final = rf"(?:(?:{_TENS})(?:[-\s](?:{_ONES}))?|{_TEENS}|{_ONES})"
_HUNDREDS: Final = rf"(?:{_BELOW_100}\s+hundred(?:\s+(?:and\s+)?{_BELOW_100})?)"
_COMPOUND: Final = (rf"(?:(?:{_HUNDREDS}|{_BELOW_100}|an?)\s+(?:thousand|million|billion)(?:\s+(?:and\s+)?(?:{_HUNDREDS}|{_BELOW_100}))?"
                    rf"(?![\w-])|{_HUNDREDS}(?![\w-])|(?:{_TENS})[-\s](?:{_ONES})(?![\w-]))")
_WORD_NUM: Final = r"(?i:" + _COMPOUND + r"|an?\s+(?:hundred|thousand|million|billion|dozen|single)|" + _trie_pattern(_LONE_WORDS) + ")"
# Every atom starts with a digit, "$" or the first letter of a word number: one character class rejects the
# other positions before the three branches (and their look-behinds) are tried there.
_ATOM_FIRST: Final = r"(?=[\d$]|(?i:[a" + re.escape("".join(sorted({w[0] for w in _LONE_WORDS}))) + "]))"
_ATOM_RE: Final = re.compile(
    _ATOM_FIRST
    + rf"(?:(?P<frac>(?<![\w./,])(?P<fn>\d{{1,2}})/(?P<fd>\d{{1,2}})(?![\w/]|\.\d))"
    rf"|(?:(?P<cur>\$)\s?|(?<![\w.$]))(?P<num>{_NUM})(?![.,]?\d)"
    rf"|(?<![\w-])(?P<word>{_WORD_NUM})(?![\w]))"
)
_LATIN: Final = "\u00C0-\u024F\u1E00-\u1EFF"     # letters of Latin alphabets beyond ASCII ("ě", "ł", "ư")
# Units as written, longest first; a trailing lookahead keeps "MB" out of "MBps".
_UNIT_RE: Final = re.compile(
    r"(?P<sep>\s?-\s?|\s?)(?P<unit>"
    r"(?i:GB-?s(?:ec(?:onds?)?)?)(?![a-z])"
    r"|(?i:[KMGTPE]i?B(?:/s(?:ec)?|ps))"
    r"|(?i:[kmgt]?bps|[kmgt]bit/s)"
    r"|(?i:[KMGTPE]i?B|(?:kilo|mega|giga|tera|peta|kibi|mebi|gibi|tebi)?bytes?)"
    r"|(?i:bits?)"
    r"|(?i:milliseconds?|msecs?|ms|microseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?"
    r"|months?|years?|yrs?)|(?<=[\s\d])s(?!/d\b)|h"     # "600 s", "15s", "730 h", "24h" (not "100s": `_plural_s`; "s/d": to)
    # other languages' durations (`units.FOREIGN_TIME`)
    r"|(?i:" + _trie_pattern([w for w in FOREIGN_TIME if w not in CAPITALISED_ONLY]) + r")|Tage?n?|Std"
    r"|%|(?i:percent|pct)|(?i:nines|девят(?:ок|ки|ь)|Neun(?:en|er)|negens|neufs|nueves)|9'?s"     # (Russian: "11 девяток", German: "11 Neunen")
    r"|x|(?i:times)"
    r"|¢|(?i:cents?|dollars?)|USD"
    r"|IOPS|iops|tps|TPS|rps|RPS|qps|QPS|RCUs?|WCUs?|RU/s|RUs?"
    r"|(?i:/s(?:ec(?:ond)?)?|[a-z]{2,12}/s(?:ec(?:ond)?)?)"   # 1000/sec, 500 msg/s, 10 req/s
    r")(?![A-Za-z0-9" + _LATIN + r"])"      # (nor a Czech or Polish word: "7 běžících" is no "7 b")
)
_SCALE_RE: Final = re.compile(r"\s?(?P<s>thousand|million|billion|trillion)\b|(?P<k>[kK])(?![A-Za-z0-9])|(?P<m>M)(?![A-Za-z0-9])")
_NOUN_RE: Final = re.compile(r"(?P<sep>\s?-\s?|\s+)(?P<w1>[A-Za-z][A-Za-z0-9]*(?:'[a-z]+)?"
                             r"(?:[" + _LATIN + r"][A-Za-z0-9" + _LATIN + r"]*)?)(?:\s+(?P<w2>[A-Za-z][a-z0-9]*)(?![A-Za-z0-9]))?")
_RATE_RE: Final = re.compile(r"\s*(?:/\s?|\s+per\s+|\s+a\s+|\s+each\s+)(?P<t>seconds?|secs?|s|minutes?|mins?|hours?|hr)\b", re.I)
_NOUN_RATE_RE: Final = re.compile(r"^(?:\s+[A-Za-z][A-Za-z-]*){1,4}\s+per\s+(?P<t>seconds?|secs?|minutes?|mins?|hours?|hr)\b", re.I)
_PER_RE: Final = re.compile(r"\s*(?:per|/|for each|each)\s+[^,;.()]{1,40}", re.I)
_BEFORE_MINUS: Final = frozenset(" \t(=,")
_NEXT_WORD_RE: Final = re.compile(r"\s+([a-z]{3,}s)\b")
_HYPOTHETICAL_RE: Final = re.compile(r"\bif (?:you|we|they|it) (?:have|has|use|run|need)$")
_PER_LIMIT_RE: Final = re.compile(r"\s+(?:[A-Za-z-]+\s+){0,3}?per\s+[A-Za-z]")
_PASSIVE_RIGHT_RE: Final = re.compile(r"\s+(?:are|were|is|get|will be|can be|must be)\s+[a-z]+ed\b")
_RATIO_RE: Final = re.compile(r"-to-\d+(?![\w.])")
_IN_TIME_RE: Final = re.compile(r"\s+in\s+(?P<n>\d+(?:\.\d+)?)\s+(?P<t>seconds?|secs?|minutes?|mins?|hours?)\b", re.I)
_WORD_FRACTION_RE: Final = re.compile(r"[\s-](halves|half|thirds?|quarters?|fourths?|fifths?|tenths?)\b", re.I)
_DENOMINATORS: Final = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "tenth": 10}
# ("s/d", Indonesian "sampai dengan", is "to": "1 s/d 1.440 menit")
_CONNECT_RE: Final = re.compile(r"^\s*(?:,\s*(?:and|or)?|-|–|—|to|through|s/d|or|and)\s*$", re.I)
_RANGE_CONNECT_RE: Final = re.compile(r"^\s*(?:-|–|—|to|through|s/d)\s*$", re.I)

# Regions of a line where no number is a fact.
_BLOCK_RE: Final = re.compile(
    r"\b\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?"                      # IP addresses and ranges
    r"|(?<![\w:])(?=[0-9A-Fa-f:]*(?:::|[A-Fa-f]))[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:/\d{1,3})?"  # fd00:ec2::254
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"                                # clock times 10:30, 05:00:00
    r"|\b\d+(?:\.\d+){2,}\b|\b\d+(?:\.\d+)*\.x\b"                   # versions 5.6.17, 1.x, 5.6.x
    r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(?:19|20)\d\d-\d\d\b"  # dates 1/12/2018, 2017-06
    r"|\b\d{1,2}[/.]\d{1,2}\.?\s+(?=(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)"  # a log's day: 12/03 Tue
    r"|\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b"                    # year ranges
    r"|\b[A-Za-z]+[-_]?\d+[A-Za-z0-9_.-]*|\b\d+[A-Za-z_]+\d[\w.-]*"  # names: gp2, AES-256, F4_1G, IPv4, t2.small
    r"|\b\d+(?:st|nd|rd|th)\b"                                      # ordinals
    r"|\w=\S+"                                                      # config values KEY=10m
    r"|\b[1-5][xX]{2}\w*|https?://\S+|\b[vV]\d+(?:\.\d+)*"
)
# A line about versions: its unitless decimals ("Spark 3.4 runtime", "older 3.1/3.2 runtimes EOS", "GA 1.30") are versions.
_VERSION_HINT_RE: Final = re.compile(r"\b\d+(?:\.\d+)*\.x\b|\b\d+\.\d+\.\d+\b|\b(?:versions?|runtimes?|releases?|LTS|EOS|EOL|alpha|beta|GA|deprecated)\b",
                                     re.I)
_BULLET_LEFT_RE: Final = re.compile(r"^\s*(?:[-*•]\s*)*$")
_PREV_WORD_RE: Final = re.compile(r"[^\w]*([A-Za-z][\w.@]*)|\(([A-Z][A-Za-z0-9]*)\)")   # "(JMS) 2.0": JMS
_OPERAND_LEFT_RE: Final = re.compile(
    r"(?:[*/×÷+]|\b(?:minus|plus)|(?:^|[\s(])(?:[A-Z]|[A-Za-z]+_\w*)\s*[<>]=?)\s*$", re.I)
_OPERAND_RIGHT_RE: Final = re.compile(r"^\s*(?:[*/×÷]|minus\b|plus\b)\s*[\d(]", re.I)
_PAIR_LEFT_RE: Final = re.compile(r"\d\s?[A-Za-z][\w/-]*\s+/\s*$")     # "3,500 PUTs / ", "10 reads/s / "
_COEFFICIENT_LEFT_RE: Final = re.compile(r"[A-Za-z]\s*[*×]\s*$")   # "storage in GB * 10 RU/s"
# A worked example: a marker, then arithmetic shown ("0.5GB * 3s = 1.5", "9 (30 minus 21) days").
_EXAMPLE_RE: Final = re.compile(r"\b(?:[Ff]or (?:example|instance)|[Ee]\.g\.|[Ss]ay that|[Ss]uppose|[Ii]magine)\b")
_ARITHMETIC_RE: Final = re.compile(r"\d\s*[A-Za-z]{0,3}\s*(?:[*×+]|\bminus\b|\bplus\b)\s*\(?\s*\d|=\s*\$?\d", re.I)
# The label of a list item: "- - P1v3 (2 vCPU", "- Message: ..."
_ITEM_LABEL_RE: Final = re.compile(r"^\s*(?:[-*•]\s*)*(?P<label>[^\s:()|][^:()|]{0,40}?)\s*[:(]")
_LABEL_PERIOD_RE: Final = re.compile(r"\bper\s+(?:(?P<n>\d+)\s+)?(?P<t>seconds?|secs?|minutes?|mins?|hours?)\b", re.I)
_CONTEXT_UNIT_RE: Final = re.compile(
    r"(?:\bin\s+|\(\s*(?:in\s+)?)(?P<u>days|hours|minutes|seconds|milliseconds|ms|bytes|[KMGT]i?B)\b", re.I)
_UNIT_CELL_RE: Final = re.compile(r"(?P<u>days|hours|minutes|seconds|milliseconds|ms|bytes|[KMGT]i?B)", re.I)
_CELL_LEAD_RE: Final = re.compile(r"\s*(?:~|<=?|>=?|\$|(?i:up to|max(?:imum)?|min(?:imum)?))?\s*")
_MULTIPLIER_RIGHT_RE: Final = re.compile(
    r"^\s+(?:as|the|that|what|more|less|fewer|[a-z]+er\s+than|larger|bigger|faster|slower|higher|lower|greater|smaller|"
    r"cheaper|costlier)\b", re.I)
_LIMIT_RIGHT_RE: Final = re.compile(r"^\s+(?:is|are)\s+(?:the\s+)?(?:default|maximum|minimum|max|min|limit|upper|lower)\b", re.I)
_RESTATE_LEFT_RE: Final = re.compile(r"\s*\(\s*(?:~|about|approx\.?|approximately|roughly|or|i\.e\.,?)?\s*")
_CLOSE_RE: Final = re.compile(r"\s*\)")
_DEFINE_RIGHT_RE: Final = re.compile(r"^\s*=(?!=)")
_HTTP_RIGHT_RE: Final = re.compile(r"^\s*(?:status|error|errors|response|responses|code|codes|s)\b", re.I)
# Cues that end just before a number, matched with str.endswith on the
# normalised tail of the left context (cheaper than $-anchored searches).
_MAX_CUES: Final = tuple(" " + c for c in (
    "up to", "maximum", "maximum of", "max", "max of", "at most", "limited to", "limit of", "limit to", "limit is",
    "capped at", "no more than", "under", "below", "less than", "fewer than", "within", "only")) + ("<", "<=")
_MIN_CUES: Final = tuple(" " + c for c in (
    "at least", "minimum", "minimum of", "min", "min of", "more than", "over", "greater than", "starting at",
    "starting with", "starting from", "upwards of")) + (">", ">=")
_APPROX_CUES: Final = tuple(" " + c for c in (
    "about", "around", "roughly", "approximately", "approx", "approx.", "nearly", "almost", "ballpark of",
    "some")) + ("~",)
_HTTP_CUES: Final = tuple(" " + c for c in ("http", "status", "code", "return", "returns", "returned", "throw", "throws"))
_ANAPHOR_CUES: Final = (" the", " all", " these", " those")
_MAX_RIGHT_RE: Final = re.compile(r"^\s*(?:max(?:imum)?\b|or\s+(?:less|fewer|below)\b|at\s+most\b)", re.I)
_MIN_RIGHT_RE: Final = re.compile(r"^\s*(?:min(?:imum)?\b|or\s+(?:more|greater|above|higher)\b|at\s+least\b|\+)", re.I)
_OR_MORE_RE: Final = re.compile(r"^\s*or\s+(?:more|fewer|less|greater)\b", re.I)
_INCREMENT_RE: Final = re.compile(r"^\s*increments?\b", re.I)
_DIFFERENT_RE: Final = re.compile(r"^\s*different\b", re.I)
_PER_CONTEXT_RIGHT_RE: Final = re.compile(r"^\s*(?:per|/)\s*[A-Za-z]", re.I)


@dataclass
class _Atom:
    """A number as found in a line, with what follows it (mutable while linking)."""

    start: int          # number start (incl. a currency sign)
    num_end: int        # end of the number (and scale)
    end: int            # end of unit or noun
    value: float
    is_word: bool
    unit: str | None = None      # written unit
    expr: str | None = None      # pint expression
    noun: str | None = None      # first word after the number when it is not a unit
    noun_words: tuple[str, ...] = ()
    hyphen: bool = False
    scale: str | None = None
    is_fraction: bool = False
    currency: bool = False


def parse_number(text: str, *, point_groups: bool = False) -> float:
    """A written number's value; "1.000" is a thousand written with a point ("1.000 services"), never 1.0, and
    "1,5" one and a half written with a decimal comma. With `point_groups` (`point_grouped` notes) "4.096" is
    four thousand and ninety-six too, and "6,849" six and a bit."""
    if point_groups and _GROUPED_POINTS.fullmatch(text):
        return float(text.replace(".", ""))
    if point_groups and _ONE_COMMA_GROUP.fullmatch(text):
        return float(text.replace(",", "."))
    if _POINT_THOUSANDS.fullmatch(text):
        return float(text.replace(".", ""))
    if _DECIMAL_COMMA.fullmatch(text):
        return float(text.replace(",", "."))
    return float(re.sub(r"[,\s]", "", text))


_POINT_THOUSANDS: Final = re.compile(r"[1-9]\d{0,2}\.000")
_DECIMAL_COMMA: Final = re.compile(r"\d+,(?:\d{1,2}|\d{4,})|0,\d+")
_GROUPED_POINTS: Final = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_ONE_COMMA_GROUP: Final = re.compile(r"\d{1,3},\d{3}")
# what shows that notes write thousands with points and decimals with a comma (Catalan, Danish, German, Turkish …):
# a round thousand "1.000 events/s", "10.000 versions", or a decimal comma "0,028 $", "3,5 MB/s"; and what shows
# they do not: a decimal point "0.5", "99.95"
_POINT_THOUSANDS_IN: Final = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?:\.\d{3})*\.000(?![.,]?\d)")
_DECIMAL_COMMA_IN: Final = re.compile(r"(?<![\d.,])\d{1,3},\d{1,2}(?![.,]?\d)")
_DECIMAL_POINT_IN: Final = re.compile(r"(?<![\d.,])\d+\.\d{1,2}(?![.,]?\d)")


def point_grouped(text: str) -> bool:
    """Whether notes write "1.000" for a thousand and "0,5" for a half, so that "4.096 events/s" and "28.800 sek" are
    thousands (not 4.096 and 28.8) and "6,849 $/h" is a decimal."""
    return bool(_POINT_THOUSANDS_IN.search(text) or _DECIMAL_COMMA_IN.search(text)) and not _DECIMAL_POINT_IN.search(text)


def _read_atom(line: str, m: re.Match[str], point_groups: bool = False) -> _Atom | None:
    """The atom at `m`: its value, then a unit, a scale or a noun after it."""
    if m.group("frac"):
        n, d = int(m.group("fn")), int(m.group("fd"))
        if not 0 < n < d <= 12:
            return None
        return _Atom(m.start(), m.end(), m.end(), n / d, False, is_fraction=True, expr="dimensionless", unit="/")
    if m.group("word"):
        word = re.sub(r"\s+", " ", m.group("word").lower())
        value = _words_value(word)
        atom = _Atom(m.start(), m.end(), m.end(), value, True)
        fm = _WORD_FRACTION_RE.match(line, m.end())
        if fm:  # "one-quarter", "three-quarters", "one half"
            atom.value /= _DENOMINATORS[fm.group(1).lower().rstrip("s").replace("halve", "half")]
            atom.end = atom.num_end = fm.end()
            atom.is_fraction, atom.expr, atom.unit = True, "dimensionless", "/"
            return atom
    else:
        atom = _Atom(m.start(), m.end(), m.end(), parse_number(m.group("num"), point_groups=point_groups), False,
                     currency=bool(m.group("cur")))
    pos = atom.num_end
    rm = _RATIO_RE.match(line, pos) if line.startswith("-to-", pos) else None
    if rm and not atom.is_word:  # "4-to-1 memory-to-core ratio": the ratio's first term
        atom.end, atom.expr, atom.unit = rm.end(), "dimensionless", "ratio"
        return atom
    um = _UNIT_RE.match(line, pos)
    if um is None or (um.group("unit") == "x" and um.group("sep")):
        sm = _SCALE_RE.match(line, pos)
        if sm and not atom.is_word:
            scale = (sm.group("s") or sm.group("k") or sm.group("m")).lower()
            atom.value *= _SCALES[scale]
            atom.scale = scale
            atom.num_end = atom.end = pos = sm.end()
            um = _UNIT_RE.match(line, pos)
            if um is not None and um.group("unit") == "x" and um.group("sep"):
                um = None
    if um is not None and um.group("unit") == "s" and not um.group("sep") and _plural_s(atom.value, line, um.end()):
        um = None
    if um is not None and not (um.group("unit").lower() in ("times",) and not um.group("sep")):
        unit = um.group("unit")
        atom.unit, atom.end, atom.hyphen = unit, um.end(), "-" in um.group("sep")
        low = unit.lower()
        if low in ("bit", "bits", "nines"):
            atom.expr = low
        elif low in ("9's", "9s") or low.startswith(("девят", "neun", "negen", "neuf", "nueve")):  # "16 9's": sixteen nines
            atom.expr = "nines"
        else:
            atom.expr = unit_expr(unit)
            if atom.scale in ("k", "m") and atom.expr.endswith("byte"):
                atom.value /= _SCALES[atom.scale]  # "16kb" was read as 16 kilo-kb: undo
        rm = _RATE_RE.match(line, atom.end)
        # "a read of 4 KB per second": the size of each read, not a throughput
        if rm and not _tail(line[max(0, atom.start - 8):atom.start]).endswith(" of") and atom.expr and (atom.expr.endswith("byte") or atom.expr in ("request", "RCU", "WCU")):
            atom.expr = f"{atom.expr} / {unit_expr(rm.group('t'))}"
            atom.end = rm.end()
        return atom
    if atom.currency:
        atom.expr, atom.unit = "dollar", "$"
        return atom
    nm = _NOUN_RE.match(line, pos)
    if nm and line.startswith("/d", nm.end("w1")) and nm.group("w1") == "s":
        nm = None       # "0 s/d 185": Indonesian "to", no noun
    if nm and (nm.group("w1").lower() not in _STOP or nm.group("w1")[:2].isupper()):
        words = [nm.group("w1")]
        w2 = nm.group("w2")
        w1 = nm.group("w1")
        complete = w1.islower() and w1.endswith("s") and not w1.endswith("ss")  # "instances running in"
        # (a word with letters beyond ASCII is of a language whose next word is no part of the noun: "topiców na")
        if w2 and w1.isascii() and not complete and w2.lower() not in _STOP and w2.lower() not in _ADVERBS and not w2.endswith("ly"):
            words.append(w2)
        atom.noun, atom.noun_words, atom.hyphen = nm.group("w1"), tuple(words), "-" in nm.group("sep")
        atom.end = nm.end("w2") if len(words) == 2 else nm.end("w1")
        if len(words) == 2 and not words[1].endswith("s"):
            third = _NEXT_WORD_RE.match(line, atom.end)   # "two default consumer groups": the head comes third
            if third:
                atom.noun_words, atom.end = (*words, third.group(1)), third.end()
        im = _IN_TIME_RE.match(line, atom.end) if line.startswith(" in ", atom.end) else None
        if im and not atom.is_word:  # "5,000 transactions in 10 seconds": a rate over that window
            atom.expr = f"count / ({im.group('n')} * {unit_expr(im.group('t'))})"
            atom.end = im.end()
        if atom.scale == "k" and nm.group("w1").lower() in _BYTE_NOUNS:
            atom.value /= 1000
            atom.expr, atom.unit = "kibibyte", "k"
    return atom


def _sentence_start(left: str) -> bool:
    """Whether a word after `left` starts a sentence, a clause after a colon, or a bullet."""
    stripped = left.rstrip()
    return not stripped or stripped[-1] in ".!?:;" or _BULLET_LEFT_RE.match(left) is not None


def _tail(left: str) -> str:
    """The left context normalised for cue look-ups: one leading space, single spaces, lower case."""
    return " " + " ".join(left.replace("(", "( ").split()).lower()


def _strip_article(tail: str) -> str:
    return tail[:-2] if tail.endswith(" a") else tail[:-3] if tail.endswith(" an") else tail


def _prev_word(left: str) -> str | None:
    """The word right before a number (only spaces between), e.g. "slide" in "(slide 14"."""
    if not left or not left[-1].isspace() and not left[-1].isalnum():
        return None
    parts = left.rsplit(None, 1)
    if not parts:
        return None
    m = _PREV_WORD_RE.fullmatch(parts[-1])
    return (m.group(1) or m.group(2)) if m else None


def _is_year(a: _Atom, raw: str) -> bool:
    return (not a.is_word and "," not in raw and "." not in raw and 1900 <= a.value <= 2099
            and a.expr is None and not a.currency)


# ------------------------------------------------------------------ scanner ---
class _Mention(NamedTuple):
    """How a quantity was qualified where it was written: a second mention with the same value is
    the same fact unless it is a default set against another setting ("the maximum is seven days ...
    the default is seven days"), a single value against a range's end ("a range of 4 to 120 minutes
    ... the default is 4 minutes"), or an item of its own ("P1v3 (2 vCPU" / "P1mv3 (2 vCPU")."""

    default: bool
    ranged: bool
    label: frozenset[str] | None   # content words of the item's label, when it has one

    def same_fact(self, other: _Mention) -> bool:
        if self.default != other.default or self.ranged != other.ranged:
            return False
        return self.label is None or other.label is None or bool(self.label & other.label)


class _LineContext:
    """What a line says around its numbers, worked out only for lines that hold one."""

    def __init__(self, line: str, row: tuple[list[tuple[int, int]], tuple[str, ...]] | None) -> None:
        self.line = line
        self.cells: list[tuple[int, int]] | None = row[0] if row is not None else None
        self.headers: tuple[str, ...] = row[1] if row is not None else ()
        # A worked example: from "For example" to the line's end, when it shows the arithmetic.
        m = _EXAMPLE_RE.search(line) if ("xample" in line or "nstance" in line or ".g." in line or "ay that" in line
                                         or "uppose" in line or "magine" in line) else None
        self.example_from = m.start() if m and _ARITHMETIC_RE.search(line, m.start()) else len(line) + 1
        self.last: tuple[int, str | None] | None = None   # (end, unit) of the last quantity reported

    @cached_property
    def _label(self) -> tuple[int, frozenset[str]] | None:
        lm = _ITEM_LABEL_RE.match(self.line)
        return (lm.end("label"), _content_words(lm.group("label"))) if lm else None

    def label(self, pos: int) -> frozenset[str] | None:
        """The content words of the list item's label ("- - P1v3 (2 vCPU"), for a number after it."""
        label = self._label
        return label[1] if label is not None and label[0] <= pos else None

    def period(self, pos: int) -> tuple[str, str] | None:
        """(count, pint time unit) when the label before `pos` gives a time base: "Read calls per
        5 minutes: 60,000" is 60,000 per 300 s."""
        colon = self.line.rfind(": ", 0, pos)
        if colon < 0:
            return None
        pm = _LABEL_PERIOD_RE.search(self.line, self.line.rfind(":", 0, colon) + 1, colon)
        return (pm.group("n") or "1", unit_expr(pm.group("t"))) if pm else None

    def cell(self, pos: int) -> tuple[int, int, int] | None:
        """(start, end, column) of the table cell that holds `pos`, when the line is a table row."""
        for column, (start, end) in enumerate(self.cells or ()):
            if start <= pos <= end:
                return start, end, column
        return None

    def context_unit(self, pos: int) -> str | None:
        """A unit the text gives only by context: "retention in days ... between 4 and 730" on the
        line, or in a table the column header or row label ("Retention (days)")."""
        cell = self.cell(pos)
        if cell is not None and self.cells:
            units = unit_column(self.headers)
            if units is not None and units != cell[2] and units < len(self.cells):
                named = _UNIT_CELL_RE.fullmatch(self.line[slice(*self.cells[units])].strip())   # "| 30 | minutes |"
                if named:
                    return named.group("u")
            label = self.line[self.cells[0][0]:self.cells[0][1]]
            found = _CONTEXT_UNIT_RE.findall((self.headers[cell[2]] if cell[2] < len(self.headers) else "") + " | " + label)
            return found[-1] if found else None
        return next((unit for at, unit in reversed(self._units) if at < pos), None)

    @cached_property
    def _units(self) -> list[tuple[int, str]]:
        return [(m.start(), m.group("u")) for m in _CONTEXT_UNIT_RE.finditer(self.line)]


def _content_words(phrase: str) -> frozenset[str]:
    return frozenset(w.rstrip("s") for w in re.findall(r"[a-z0-9]+", phrase.lower()) if w not in _STOP)


class _CardState:
    """What the card has reported so far: restatements of it are merged."""

    def __init__(self, text: str, merge: bool = True, names: Sequence[tuple[int, int]] = ()) -> None:
        self.text = text
        self.merge = merge
        # (value, unit, counted noun) -> how each earlier mention was qualified (see `_Mention`)
        self.seen: dict[tuple[float, str | None, str | None], list[_Mention]] = {}
        self.values: set[tuple[float, str | None]] = set()
        self._acronyms: dict[str, str | None] = {}
        self.names = sorted(names)
        self.point_groups = point_grouped(text)
        # table body rows: line index -> (cell spans, the column headers)
        self.cells: dict[int, tuple[list[tuple[int, int]], tuple[str, ...]]] = {}
        if "|" in text:
            lines = text.split("\n")
            for table in find_tables(lines):
                for index in range(table.first_row, table.last_row + 1):
                    self.cells[index] = (split_row(lines[index]), table.headers)

    def in_name(self, start: int, end: int) -> bool:
        """Whether text[start:end] overlaps a product name that holds digits ("Microsoft 365")."""
        return any(s < end and start < e for s, e in self.names)

    def repeats(self, key: tuple[float, str | None, str | None], mention: _Mention) -> bool:
        """Whether `mention` restates an earlier one with this key, and remember it either way."""
        earlier = self.seen.get(key)
        if earlier is None:
            self.seen[key] = [mention]
            return False
        again = any(m.same_fact(mention) for m in earlier)
        earlier.append(mention)
        return again

    def head(self, words: tuple[str, ...]) -> str | None:
        """The counted thing, singular, with acronyms expanded from the card ("AZs" -> "zone")."""
        if not words:
            return None
        word = words[-1]
        if len(words) == 1 and re.fullmatch(r"[A-Z]{2,6}s?", word):
            key = word.rstrip("s")
            if key not in self._acronyms:
                pattern = r"\b" + r"\s+".join(rf"{c}[a-z]+" for c in key) + r"\b"
                found = re.search(pattern, self.text, re.I)
                self._acronyms[key] = found.group(0).split()[-1] if found else None
            word = self._acronyms[key] or key
        word = word.lower()
        return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _bound(tail: str, right: str) -> str:
    tail = _strip_article(tail)
    if tail.endswith(_APPROX_CUES):
        return "approx"
    if tail.endswith(_MAX_CUES) or _MAX_RIGHT_RE.match(right):
        return "max"
    if tail.endswith(_MIN_CUES) or _MIN_RIGHT_RE.match(right):
        return "min"
    return "exact"


_NAMED_VERSION_RE: Final = re.compile(
    r"\b[A-Z][A-Za-z]+\s+(\d+\.\d+)\s+[A-Z][a-z]"
    # "1.5 Flash => $0.075", "3.5 Sonnet": a decimal before a model's tier is the model's version
    r"|(?<![\w.$€£])(\d+\.\d+)\s+" + MODEL_TIERS +
    # a decimal after a protocol, language or engine is its version: "TLS 1.3", "Python 3.12", "MySQL 5.7"
    r"|\b(?i:TLS|SSL|HTTP|SMB|NFS|OAuth|PHP|Python|Java|Node(?:\.js)?|Ruby|\.NET|MySQL|PostgreSQL|Postgres|"
    r"MariaDB|Redis|Valkey|Memcached|MongoDB|Kafka|Spark|Kubernetes|Terraform|Ubuntu|Debian|Oracle|Elasticsearch|"
    r"OpenSearch|Airflow|Hadoop|Hive|Presto|Trino)\s+v?(\d+(?:\.\d+)+)\b"
    # "SAML 2.0", "HTTP 1.1 and 2": a decimal right after an acronym, then no unit, is a standard's version
    r"|\b[A-Z]{2,6}\s+v?(\d\.[01])(?=[\s,;)/]+(?:[a-z]|and\b|or\b|$)|[,;)]?$)"
    # "Windows 10/11", "Windows Server 2022", "Office 2019": an operating system's or suite's release
    r"|\b(?:Windows(?:\s+Server)?|Office)\s+((?:7|8|8\.1|10|11|95|98|2000|20[012]\d)(?:/(?:10|11|20[012]\d))*)\b")


def _blocked(line: str, start: int, end: int) -> bool:
    """Whether the number at start:end sits in a date, version, address or name.

    Only the whitespace-delimited chunk around the number is searched: every
    blocked pattern lies within one such chunk.
    """
    lo = line.rfind(" ", 0, start) + 1
    hi = line.find(" ", end)
    hi = len(line) if hi < 0 else hi
    return _chunk_blocked(line[lo:hi], start - lo, end - lo)


@lru_cache(maxsize=65536)
def _chunk_blocked(chunk: str, start: int, end: int) -> bool:
    """`_blocked` within one whitespace-delimited chunk; memoised, as decks repeat their words."""
    return any(b.start() < end and start < b.end() for b in _BLOCK_RE.finditer(chunk))


# "Claude 3 Haiku", "Gemini 2 Flash": a number between two names is part of a product's name ("Max 5 Nodes" is not)
_MODEL_NAME_RE: Final = re.compile(r"\b([A-Z][a-z]{2,})\s+(\d{1,2})\s+([A-Z][a-z]{2,})\b")


@lru_cache(maxsize=4096)
def _model_name(first: str, last: str) -> bool:
    """"Claude … Haiku": a rare first word and a singular noun that is no unit around the number."""
    return (zipf_frequency(first.lower(), "en") < NAME_ZIPF and number_of(last.lower()) == "singular"
            and not names_a_unit(last.lower()))


NAME_ZIPF: Final = 4.0     # "Claude", "Gemini", "Llama" are rarer words than "Max", "Standard" or "Up"
_ENUMERATOR_RE: Final = re.compile(r"(?:^|[\s,;:])\((\d{1,2})\)\s+(?=[A-Za-z\"'])")
_STANDARD_RE: Final = re.compile(r"\b(?:ISO(?:/IEC)?|IEC|RFC)[\s-]?\d{3,5}(?:-\d{1,3})*(?::\d{4})?")
_BRACED_RE: Final = re.compile(r"(?<!\{)\{[A-Za-z_][\w.-]*:[^{}\s]*\}(?!\})")
_REFERENCE_RE: Final = re.compile(
    r"\(\s*(?:see\s+)?§?\s*[1-9]\d{0,2}(?:\.\d{1,3}){1,3}\s*\)|\bsee\s+(?:section\s+|§\s*)?[1-9]\d?(?:\.\d{1,2}){1,3}\b"
    r"|§\s*\d+(?:\.\d+)*|\b\d+\s+CFR\s+(?:Part\s+)?\d+(?:\.\d+)?(?:\(\w{1,4}\))*", re.IGNORECASE)

# "(see 25/)" in a thread of posts, "see #12", "see card 7": a pointer to another of the notes' own parts
_POINTER_RE: Final = re.compile(r"\b(?:see|cf\.?)\s+(?:(?:post|card|tweet|toot|item|note|slide|step|part|question|q)"
                                r"\s*#?\s*|#|no\.\s*)\d{1,3}\b|\b(?:see|cf\.?)\s+\d{1,3}/(?!\d)", re.IGNORECASE)


def _scan_line(line: str, offset: int, state: _CardState, index: int) -> Iterator[Quantity]:
    atoms: list[tuple[_Atom, str]] = []
    label = ITEM_LABEL.match(line)
    named = ([v.span(v.lastindex or 0) for v in _NAMED_VERSION_RE.finditer(line)]
             if "." in line or "Windows" in line or "Office" in line else [])
    section = SECTION_NUMBER.match(line) if "." in line else None
    if section:      # "1.14 VPC peering", "1.12.1 NAT gateway cost": the notes' numbering, not a value
        named.append(section.span(section.lastindex or 1))
    if "." in line:  # "log file validation (2.7)", "see 4.1", "45 CFR 164.312(b)": references, not values
        named += [m.span() for m in _REFERENCE_RE.finditer(line)]
    if "see" in line or "See" in line or "cf" in line:
        named += [m.span() for m in _POINTER_RE.finditer(line)]
    if line.count("(") >= 2:   # "options: (1) app-level discovery, (2) Route 53 …, (3) …": the items' numbers
        marks = list(_ENUMERATOR_RE.finditer(line))
        if len(marks) >= 2 and [int(m.group(1)) for m in marks] == list(range(1, len(marks) + 1)):
            named += [m.span(1) for m in marks]
    if "ISO" in line or "IEC" in line or "RFC" in line:   # "ISO/IEC 30134-2", "RFC 1918": a standard's name
        named += [m.span() for m in _STANDARD_RE.finditer(line)]
    if "#" in line:   # "data_nodes: 80   # 1,002 with masters?": a comment's numbers are remarks on the value
        named += [m.span(1) for m in COMMENT.finditer(line)]
    if "~~" in line:  # "~~$16~~ $15": a value the notes struck out
        named += [m.span() for m in STRUCK.finditer(line)]
    named += [m.span(2) for m in _MODEL_NAME_RE.finditer(line) if _model_name(m.group(1), m.group(3))]
    if "{" in line:   # "{user:123}:cart": a key in braces (a hash tag, a template), not a value
        named += [m.span() for m in _BRACED_RE.finditer(line)]
    for m in _ATOM_RE.finditer(line):
        if named and any(lo <= m.start() < hi for lo, hi in named):
            continue  # "Gemini 2.0 Flash", "Claude 3.5 Sonnet": a version inside a product's name
        if atoms and m.start() < atoms[-1][0].end:
            continue  # read as part of the atom before ("4-to-1", "in 10 seconds")
        if label and m.end() <= label.end() and writes_number(line[label.end():], m.group()):
            continue  # "4096-bit SSL certificates: CloudFront does not support 4096-bit …": the sentence states it
        if not m.group("word") and _blocked(line, m.start(), m.end()):
            continue
        if m.group("word") and re.search(r"\bhalf\s+$", line[max(0, m.start() - 6):m.start()], re.IGNORECASE):
            continue  # "half a million": not the million
        start = m.start()
        if start and line[start - 1] == "-" and (start == 1 or line[start - 2] in _BEFORE_MINUS):
            continue  # "-1 indicating that it never expires": a sentinel, not a limit
        if state.names and state.in_name(offset + start, offset + m.end()):
            continue  # "Microsoft 365": part of a product's name
        atom = _read_atom(line, m, state.point_groups)
        if atom is not None:
            atoms.append((atom, m.group("num") or m.group("word") or m.group("frac")))
    if not atoms:
        return
    version_line = bool(_VERSION_HINT_RE.search(line))
    chains: list[list[tuple[_Atom, str]]] = []
    for item in atoms:
        if chains:
            prev = chains[-1][-1][0]
            between = line[prev.end:item[0].start]
            bare = prev.expr is None and prev.noun is None and not _is_year(prev, chains[-1][-1][1])
            same = prev.expr is not None and prev.expr == item[0].expr and _RANGE_CONNECT_RE.match(between)
            if (bare or same) and _CONNECT_RE.match(between) and prev.is_word == item[0].is_word:
                chains[-1].append(item)
                continue
        chains.append([item])
    ctx = _LineContext(line, state.cells.get(index))
    for chain in chains:
        yield from _chain_quantities(line, offset, chain, state, version_line, ctx)


def _chain_quantities(line: str, offset: int, chain: list[tuple[_Atom, str]], state: _CardState,
                      version_line: bool, ctx: _LineContext) -> Iterator[Quantity]:
    first, last = chain[0][0], chain[-1][0]
    full_left, right = line[:first.start], line[last.end:]
    quoted = line.startswith(QUOTED)
    left = full_left[-_WINDOW:]
    tail = _tail(left)
    prev = _prev_word(left)
    prev_low = prev.lower() if prev else None
    measured = last.expr is not None and last.expr not in ("RCU", "WCU", "request")
    if len(chain) > 1 and all(_is_year(a, raw) for a, raw in chain):
        return
    if prev_low in ("rfc", "rfcs") or any(re.fullmatch(r"\d{12,}", raw) for _, raw in chain):
        return      # "RFC 7643", "123456789012": a document number or an ID, not a quantity
    if tail.endswith(" per"):
        return  # a denominator: "$0.20 per 1 million requests"
    if (tail[-1] in "*/×÷+<>=" or tail.endswith((" minus", " plus"))) and _OPERAND_LEFT_RE.search(left) \
            and not _BULLET_LEFT_RE.match(full_left) and not (measured and _COEFFICIENT_LEFT_RE.search(left)) \
            and not ((first.noun or measured) and _PAIR_LEFT_RE.search(left)):
        # an operand ("/ 3600", "30 minus 21"), not a "* " bullet's first word, "storage in GB * 10 RU/s" (a rate per GB) nor the
        # second of a pair of quotas ("3,500 PUTs / 5,500 GETs")
        return
    if _OPERAND_RIGHT_RE.match(line[first.num_end:]):
        return
    if full_left.endswith("#"):
        return  # a reference: "Meeting #1", "Mtg #2 item 3", "PR #482"
    if full_left.endswith("^") or line.startswith("^", first.num_end):
        return  # a power: "2^40 bytes", "0 .. 2^128 - 1" (a base or an exponent is no quantity of its own)
    if first.start >= ctx.example_from and not _strip_article(tail).endswith(_MAX_CUES + _MIN_CUES):
        return  # a worked example's numbers ("deleted after 21 days ... 9 (30 minus 21) days")
    if _DIFFERENT_RE.match(line[first.num_end:]):
        return  # "42 different domains": a scenario, not a limit
    if len(chain) == 1 and first.noun is None and first.expr is None and re.match(r"^[.)/]\s", right) \
            and _BULLET_LEFT_RE.match(full_left):
        return  # list numbering "1. Send", a thread's "2/ HTTP targets: …"
    if first.value == 1 and _DEFINE_RIGHT_RE.match(line[first.end:]):
        return  # "1 RCU = ...": a definition of the unit
    if prev_low in _MONTHS or _month_after(line[first.num_end:]) or _CJK_DATE_AFTER.match(line, first.num_end) \
            or _CJK_DATE_BEFORE.search(line, 0, first.start):
        return  # a date: "January 30", "30 January 2021", "2024 年 10 月 30 日"
    # names and references: "Route 53", "slide 14", "Layer 7", "PostgreSQL 9.6"
    if prev_low in _LABEL_WORDS and not measured:
        return
    if prev and not measured and not first.is_word and prev[0].isupper() and prev_low not in _CUE_WORDS \
            and not _sentence_start(full_left[:full_left.rfind(prev)]):
        return
    cell = ctx.cell(first.start)
    # a number that opens a table cell ("| 5,000 |") is that cell's value
    in_cell = cell is not None and _CELL_LEAD_RE.fullmatch(line, cell[0], first.start) is not None
    out: list[tuple[_Atom, float, str | None, str | None]] = []
    noun = last.noun
    expr = last.expr
    if expr == "bits" or expr == "bit":
        if last.value < 256:
            return  # "32-bit", "64 bit": architectures
        expr = "dimensionless"  # key lengths: "2048 bits", "4096-bit"
    if last.unit and last.unit.lower() == "times" and not _MULTIPLIER_RIGHT_RE.match(right):
        expr = "count"  # "replicated three times": how often, not a multiplier ("three times as much")
    if expr == "nines":
        vals = [100 - 100 * 10 ** (-a.value) for a, _ in chain]
        out = [(a, v, "percent", None) for (a, _), v in zip(chain, vals)]
    for a, raw in chain:
        if out:
            break
        if a.is_word and not in_cell and not _word_is_fact(line, chain):
            return
        if _is_year(a, raw) and (expr is None or expr in ("RCU", "WCU", "request")) \
                and not _strip_article(tail).endswith(_MAX_CUES + _MIN_CUES):    # "max 2000 per job" is no year
            return
        if not a.is_word and expr is None and re.match(r"s\b", line[a.num_end:]):
            if a.value >= 100 or re.match(r"s\s+of\b", line[a.num_end:]):
                return  # "100s of TB", "1000s", "503s"
    if not out:
        http = (not first.is_word and len(chain) == 1 and 100 <= first.value <= 599 and first.value == int(first.value)
                and expr is None and (_HTTP_RIGHT_RE.match(line[first.num_end:])
                                      or _strip_article(tail).endswith(_HTTP_CUES)))
        if http:
            return
        port = prev_low in _PORT_WORDS or (expr is None and noun is None
                                           and re.search(r"\bports?\b", line, re.I) is not None)
        if expr is None and noun is None and not last.is_fraction:
            if version_line and any("." in raw for _, raw in chain):
                return
            if line[last.num_end:last.num_end + 1].isalpha():
                return      # "(3y)", "N2D": glued to letters that are no unit the notes' reader knows
            cue = (tail[-1] in ":(~=" or prev_low in _CUE_WORDS or prev_low in _PORT_WORDS or in_cell
                   or _adverb_after_cue(tail))
            if not (cue or _PER_CONTEXT_RIGHT_RE.match(right) or _OR_MORE_RE.match(right)
                    or _LIMIT_RIGHT_RE.match(right)):
                return
            if not port:
                written = ctx.context_unit(first.start)
                if written is not None:
                    expr = unit_expr(written)
        if version_line and not measured and any("." in raw for _, raw in chain):
            return
        if port:
            expr = "dimensionless"
        for a, raw in chain:
            e = expr if expr is not None else ("dimensionless" if a.is_fraction else "count")
            if any(c.currency for c, _ in chain):
                e = "dollar"  # "$1-3": the sign covers the range
            if e in ("request", "RCU", "WCU"):
                e = "count"
            if e == "count":
                rm = _NOUN_RATE_RE.match(line[last.num_end:])
                if rm:
                    e = f"count / {unit_expr(rm.group('t'))}"
            period = ctx.period(first.start) if e == "count" or e.endswith("byte") else None
            if period is not None:
                e = f"{e} / ({period[0]} * {period[1]})"
            out.append((a, a.value, None, e))
    group = f"{offset + first.start}" if len(chain) > 1 else None
    text_start = first.start
    text_end = last.end if (last.expr or last.noun) else last.num_end
    text = line[text_start:text_end]
    bound = _bound(tail, line[last.end:])
    if len(chain) == 1 and _OR_MORE_RE.match(right):
        bound = "min"
    context = None
    if any(e == "dollar" for *_, e in out if e):
        pm = _PER_RE.match(line, text_end)
        context = pm.group(0).strip() if pm else None
    enumeration = len(chain) > 2
    head = state.head(last.noun_words) if noun else (last.unit if expr in ("RCU", "WCU") else None)
    if len(chain) == 1 and _OR_MORE_RE.match(right) and noun is None:
        nm = _NOUN_RE.match(line, _OR_MORE_RE.match(right).end() + last.end)  # type: ignore[union-attr]
        head = state.head((nm.group("w1"),) + ((nm.group("w2"),) if nm.group("w2") else ())) if nm else None
    near = full_left[-40:]
    default = "default" in near[max(near.rfind(". "), near.rfind("; "), near.rfind(": ")) + 1:].lower()
    label = ctx.label(first.start)
    restating = ctx.last is not None and _RESTATE_LEFT_RE.fullmatch(line, ctx.last[0], first.start) is not None
    unit: str | None
    for i, (a, raw_value, fixed_unit, a_expr) in enumerate(out):
        if fixed_unit == "percent":
            value, unit = raw_value, "percent"
            src_unit: str | None = a.unit
        else:
            assert a_expr is not None
            value, unit = canonical(raw_value, a_expr)
            src_unit = a.unit or last.unit or (noun if unit == "count" else None)
        if state.merge and restating and len(out) == 1 and ctx.last is not None and ctx.last[1] == unit \
                and _CLOSE_RE.match(right):
            continue  # "2,556 days (seven years)": the same span again, in other words
        key_noun = f"{text}#{i}" if enumeration else (head if unit in ("count", "count/s") else None)
        key = (round(value, 9), unit, key_noun)
        mention = _Mention(default, len(chain) > 1 and unit not in ("count", "count/s"), label)
        # a quoted or superseded line's value ("Quoted: … up to 1 MiB", `notations`) is no earlier statement of the
        # fact: the line is not asked, so the reply that restates it keeps its own
        again = not quoted and state.repeats(key, mention)
        if state.merge and again and cell is None:
            continue
        if state.merge and (round(value, 9), unit) in state.values and tail.endswith(_ANAPHOR_CUES) and cell is None:
            continue  # "the 5 consumers", "all 20 instances": the same quantity again
        if not quoted:
            state.values.add((round(value, 9), unit))
        role = "value"
        if len(chain) == 2:
            role = "range_low" if i == 0 else "range_high"
        if _INCREMENT_RE.match(line[last.end:]) or tail.endswith(" in") and _INCREMENT_RE.match(right):
            role = "increment"
        ctx.last = (text_end, unit)
        yield Quantity(
            start=offset + text_start, end=offset + text_end, text=text, value=value, unit=unit,
            kind=kind_of(unit), source_value=a.value, source_unit=src_unit,
            bound=bound if role != "range_low" else ("exact" if bound == "max" else bound),
            role=role, group=group, context=context, noun=" ".join(last.noun_words) or None,
        )


def _adverb_after_cue(tail: str) -> bool:
    """"is always 8", "is currently 10": a cue word before an adverb still cues the number."""
    words = tail.split()
    return len(words) >= 2 and words[-1] in _ADVERBS and words[-2] in _CUE_WORDS


def _word_is_fact(line: str, chain: list[tuple[_Atom, str]]) -> bool:
    """A word number is a fact when it states a limit ("two-minute", "fewer than two", "three zones")."""
    first, last = chain[0][0], chain[-1][0]
    full_left = line[:first.start]
    tail = _strip_article(_tail(full_left[-_WINDOW:]))
    word = line[first.start:first.num_end]
    if word[0].isupper() and not _sentence_start(full_left):
        return False  # "One Zone-IA": part of a name
    if last.expr is not None and last.expr not in ("bit", "bits"):
        return True
    if len(chain) > 1 or _OR_MORE_RE.match(line[last.num_end:]):
        return True
    if _HYPOTHETICAL_RE.search(tail):
        return False  # "if you have five apps": a scenario
    if (tail.endswith(_MAX_CUES) and not tail.endswith(" within")) or tail.endswith(_MIN_CUES):
        return True   # not "within a single data center": a place
    if last.noun and _PER_LIMIT_RE.match(line, last.end):
        return True   # "one scheduler per cluster", "a single partition reader per consumer group"
    head = last.noun_words[-1] if last.noun_words else ""
    if head and not last.hyphen and last.value >= 2 and head.lower() not in _STOP \
            and head.endswith("s") and not head.endswith("ss"):
        # "three zones", "two default rules", "the two base tiers", "two instances are created";
        # not "these are two strings"
        if last.value >= 3 or len(last.noun_words) >= 2 or tail.endswith(" the") \
                or _PASSIVE_RIGHT_RE.match(line, last.end):
            return True
    return last.noun is not None and _contrasted(line, first.start, last.end, last.noun, last.value)


def _contrasted(line: str, start: int, end: int, noun: str, value: float) -> bool:
    """The sentence counts the same thing again ("a minimum of three Availability Zones (AZs) … a
    single AZ"): a count set against another count states a limit."""
    stem = noun.lower().rstrip("s")
    if len(stem) < 2 or stem in _STOP:
        return False
    lo = max(line.rfind(". ", 0, start), line.rfind("; ", 0, start)) + 1
    hi = min((i for i in (line.find(". ", end), line.find("; ", end)) if i >= 0), default=len(line))
    sentence = line[lo:start] + " " + line[end:hi]
    count = rf"(?<![\w.-])(?P<n>\d+|{_WORD_NUM})\W+(?:[A-Za-z-]+\W+){{0,3}}?\(?{re.escape(stem)}s?\)?(?![\w-])"
    # another number of it: two mentions of "a single location" set nothing against each other
    return any(_number_value(m.group("n")) != value for m in re.finditer(count, sentence, re.IGNORECASE))


def _plural_s(value: float, line: str, end: int) -> bool:
    """Whether the "s" right after a number makes it plural, not seconds: "100s of TB", "the 1000s", "503s"
    (status codes), "the 1990s"; "15s" and "300s" are seconds."""
    whole = float(value).is_integer()
    return (line.startswith(" of ", end) or (whole and (400 <= value <= 599 or 1900 <= value <= 2099))
            or (whole and value >= 100 and math.log10(value).is_integer()))


def _number_value(written: str) -> float:
    if written[0].isdigit():
        return float(written)
    return _words_value(written.lower()) if all(w in _WORD_VALUES or w in ("a", "an", "and")
                                                for w in re.split(r"[-\s]+", written.lower())) else -1.0


def spoken_number(text: str) -> float | None:
    """The number a text opens with in words ("a thousand days" 1,000, "sixty-four kilobytes" 64), else None."""
    m = re.match(_WORD_NUM, text.strip())
    return _words_value(re.sub(r"\s+", " ", m.group().lower())) if m else None


def _words_value(words: str) -> float:
    """The value of a number in words: "sixty-four" 64, "a hundred" 100, "five hundred thousand" 500,000."""
    total, current = 0.0, 0.0
    for word in re.split(r"[-\s]+", words.lower()):
        if word in ("a", "an", "and", "single"):
            current = current or (0.0 if word == "and" else 1.0)
        elif word in ("hundred", "dozen"):
            current = (current or 1.0) * _WORD_VALUES[word]
        elif word in ("thousand", "million", "billion"):
            total, current = total + (current or 1.0) * _WORD_VALUES[word], 0.0
        else:
            current += _WORD_VALUES[word]
    return total + current


def find_quantities(text: str, *, merge_restatements: bool = True,
                    names: Sequence[tuple[int, int]] = ()) -> list[Quantity]:
    """All numeric facts of one card's text (lines joined by "\\n").

    With `merge_restatements` (the gold conventions), a quantity the card
    already stated is reported once: "900 seconds ( 15 minutes )", "4KB" twice.
    `names` are (start, end) offsets of product names found in the text
    (the services component's spans): digits inside them are not facts.
    """
    state = _CardState(text, merge_restatements, names)
    out: list[Quantity] = []
    offset = 0
    fenced = False
    session = False     # inside a pasted terminal session: a "$ command" line and the output lines below it
    for index, line in enumerate(text.split("\n")):
        fence = line.lstrip().startswith("```")
        session = _PROMPT_RE.match(line) is not None or (session and line.strip() != "" and not _NOTE_LINE_RE.match(line))
        if not (fenced or fence or session):   # code ("CREDIT_QUOTA = 500") and its output: an example's numbers
            out.extend(_scan_line(line, offset, state, index))
        fenced ^= fence and line.count("```") % 2 == 1
        offset += len(line) + 1
    return out


# "$ aws ec2 describe-instances", "PS C:\> Get-AzVM": a command at a shell's prompt; a notebook's "In [3]:" or
# "Out[3]:" cell, ">>> " at Python's prompt
_PROMPT_RE: Final = re.compile(r"^\s*(?:(?:\$|[\w.-]+@[\w.-]+:\S*\$|PS [A-Z]:\\[^>]*>)\s+[a-z]|(?:In|Out)\s?\[\d*\]:|>>>\s)",
                               re.IGNORECASE)
# what ends a command's output: the notes' own lines again (a bullet, a comment, a label, a heading)
_NOTE_LINE_RE: Final = re.compile(r"^\s*(?:[-*•#>|]|\d+[.)/]\s|[A-Za-z][\w ;/'-]{0,20}:\s)")


# ---------------------------------------------------------------- spaCy ---
if not Doc.has_extension("quantities"):
    Doc.set_extension("quantities", default=())


@dataclass(frozen=True)
class QuantityRules:
    """The rule options of `qbank_quantities`, made by the `qbank.quantities.v2` registry function."""

    merge_restatements: bool = True


@registry.misc("qbank.quantities.v2")
def quantity_rules(merge_restatements: bool = True) -> QuantityRules:
    """Rules for `qbank_quantities`; bump the version when the rules change what is a fact."""
    return QuantityRules(merge_restatements=merge_restatements)


class QuantityRecognizer:
    """Pipeline component: sets `doc._.quantities` and `doc.spans[spans_key]`."""

    def __init__(self, nlp: Language, name: str = FACTORY, *, rules: QuantityRules = QuantityRules(),
                 spans_key: str = "quantities") -> None:
        self.name = name
        self.rules = rules
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        # Product names that hold digits ("Microsoft 365"), when the services component ran first.
        found = find_quantities(text, merge_restatements=self.rules.merge_restatements,
                                names=doc.user_data.get(NAMES_KEY, ()))
        doc._.quantities = tuple(found)
        spans = []
        for q in found:
            span = doc.char_span(q.start, q.end, label=q.kind, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    FACTORY,
    default_config={"rules": {"@misc": "qbank.quantities.v2", "merge_restatements": True}, "spans_key": "quantities"},
    assigns=["doc._.quantities", "doc.spans"],
)
def make_quantities(nlp: Language, name: str, rules: QuantityRules, spans_key: str) -> QuantityRecognizer:
    """spaCy factory `qbank_quantities` (rules from `qbank.quantities.v2`)."""
    return QuantityRecognizer(nlp, name, rules=rules, spans_key=spans_key)
