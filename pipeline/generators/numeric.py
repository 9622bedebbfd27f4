"""Questions over one numeric fact: cloze, multiple choice, numerical, true/false; and multi-cloze sentences.

Each fact arrives located (`Fact.site`, see `pipeline.sites`): its sentence,
the card context and the span the blank covers (the written quantity and any
bracketed restatement of it, so "900 seconds ( 15 minutes )" never leaves its
own answer behind). Generators only render text from it.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from http import HTTPStatus
from typing import Final

from ..ids import stable_id
from ..sites import BLANK, distinctive_words, spans_text
from ..types import CardFacts, Fact, Option, Question, Site
from .context import rng_for
from .distractors import (EMBEDDING_DIMENSIONS, ETHERNET_SPEEDS, STATUS_CODES, WELL_KNOWN_PORTS, code_distractors,
                          distractors)
from .grammar import counted_noun, number_of
from .quantities import accepted_forms, answer_text, display, factor, format_number, same_quantity, scan_quantities
from .records import make, question_id

__all__ = ["GENERATOR", "Asked", "asked", "numeric_questions", "fact_distractors", "in_brackets", "is_port"]

GENERATOR = "numeric"
WHICH_VALUE = "Which value fills the blank?"
APPROX_GAP = 0.3     # "~$11": a wrong option within 30% would be right too
MAX_BLANKS = 3       # of a multi-cloze: more leave its sentence too little to say what each blank is
TF_APPROX_GAP = 0.5  # "~15 s" stated as "~20 s" is not clearly false: a false rough value is off by half or more
_ROUGH = re.compile(r"\brough(?:ly)?\b|\bapprox", re.IGNORECASE)     # "ONTAP pricing (rough - double check)"


@dataclass(frozen=True)
class Asked:
    """A located fact and what all its questions share."""

    cf: CardFacts
    fact: Fact
    site: Site
    answer: str       # the quantity as written ("900 seconds", "1,00,000", "2/3")

    @property
    def source_value(self) -> float:
        f = self.fact
        return f.source_value if f.source_value is not None else f.value / factor(f)

    @property
    def in_title(self) -> bool:
        return self.site.line_index < len(self.cf.card.title_lines)


def asked(cf: CardFacts, fact: Fact) -> Asked | None:
    """The fact ready to be asked; None when extraction could not locate it."""
    if fact.site is None or not fact.text:
        return None
    return Asked(cf=cf, fact=fact, site=fact.site, answer=answer_text(fact))


def in_brackets(site: Site) -> bool:
    """Whether the blank sits inside brackets: a side remark, not what its sentence states."""
    depth = 0
    for ch in site.sentence[: site.start]:
        depth += ch in "(["
        depth -= ch in ")]"
    return depth > 0


def _increment(a: Asked) -> float | None:
    """The grid step of a range the fact belongs to, in the fact's source unit."""
    f = a.fact
    if f.role == "increment":
        return None
    for other in a.cf.facts:
        if other.role == "increment" and other.unit == f.unit and (
            (other.group is not None and other.group == f.group) or (other.group is None and _same_line(other, f))
        ):
            step = other.value / factor(f)
            on_grid = abs(round(a.source_value / step) * step - a.source_value) < 1e-9 * max(1.0, a.source_value)
            return step if on_grid else None
    return None


def _avoid(a: Asked) -> list[float]:
    """Other true numbers of the line in this unit: never offered as a wrong answer. Those of its sentence that are
    no facts count too ("a 30-day retention might keep data for 31 days": no wrong value below 30)."""
    f, s = a.fact, a.site
    facts = [o.value / factor(f) for o in a.cf.facts if _same_line(o, f) and o.unit == f.unit and o is not f]
    if f.unit in (None, "count"):
        return facts
    stated = [value / factor(f) for value, unit in _stated_outside(s.sentence, s.start, s.end) if unit == f.unit]
    return facts + [v for v in stated if not any(math.isclose(v, o) for o in facts)]


@lru_cache(maxsize=4096)
def _stated_outside(sentence: str, start: int, end: int) -> tuple[tuple[float, str | None], ...]:
    """The quantities a sentence states outside the fact at `start`-`end` (cached: a fact's questions share them)."""
    return tuple(scan_quantities(sentence[:start] + " " + sentence[end:]))


def _related(a: Asked) -> list[float]:
    """True numbers the card states for the same subject and a like attribute, in this unit: as right as the key
    to a learner ("Availability (Hot tier): 99.9%" and "Availability (RA-GRS reads) (Hot tier): 99.99%")."""
    f = a.fact
    words = distinctive_words(f.attribute or "")
    return [o.value / factor(f) for o in a.cf.facts if o is not f and o.unit == f.unit and words and o.subject == f.subject
            and words & distinctive_words(o.attribute or "")]


def _same_line(a: Fact, b: Fact) -> bool:
    """Two facts of one line of the card (by position: a TSV row's front and back share a line number)."""
    return a.site is not None and b.site is not None and a.site.line_index == b.site.line_index


def fact_distractors(a: Asked, seed: int, qid: str, *, min_gap: float | None = None,
                     avoid: Sequence[float] = ()) -> list[float]:
    """Wrong values for the fact, in its source unit (never 1 before a plural noun, nor a value the card states
    for a like attribute of the same subject), each on the same side of the line's other values in that unit."""
    others = _avoid(a)
    series = _series(a)
    if series is not None:
        return code_distractors(a.source_value, rng=rng_for(seed, qid), avoid=others + _related(a) + list(avoid), codes=series)
    unit = a.fact.unit
    if unit in (None, "count") and 99 <= a.source_value < 100 and _SLA.search(f"{a.site.context} {a.site.sentence}"):
        unit = "percent"    # "SLA: 99.99 needs 2 locations", "GCS SLA (monthly uptime %) › Coldline: 99.0": the % left out
    # a PUE is never below 1, a recall never above: options stay on the value's side of 1
    bounded = unit in (None, "count") and a.source_value != 1 and _BOUNDED_BY_ONE.search(f"{a.site.context} {a.site.sentence}")
    return distractors(a.source_value, rng=rng_for(seed, qid), increment=_increment(a), unit=unit,
                       avoid=others + _related(a) + list(avoid) + ([1.0] if _plural_after(a.site) else []),
                       min_gap=min_gap if min_gap is not None else APPROX_GAP if a.fact.bound == "approx" else 0.0,
                       order=others + ([1.0] if bounded else []), doubling=a.fact.unit in (None, "count") and _DOUBLED.match(a.site.after) is not None,
                       seconds=factor(a.fact) if a.fact.unit == "s" else None)


_PORT = re.compile(r"\bports?\b", re.IGNORECASE)
_ETHERNET = re.compile(r"\s*-?\s*(?:gbe|gige|gigabit\s+ethernet)\b", re.IGNORECASE)    # "100 GbE", "10 gigE"
_DIMENSIONS = re.compile(r"\s*-?\s*(?:dims?|dimensions?)\b", re.IGNORECASE)      # "1,536 dims"
_BOUNDED_BY_ONE = re.compile(r"\b(?:PUE|power\s+usage\s+effectiveness|recall|precision|accuracy|probability|F1)\b",
                             re.IGNORECASE)
_SLA = re.compile(r"\b(?:SLA|availability|avail|uptime|durability)\b", re.IGNORECASE)
_STATUS = re.compile(r"\b(?:HTTP|status|(?:redirect\s*)?(?:response|success|error|return|healthy|redirect)\s*codes?"  # "redirectResponseCode"
                     # (French, Spanish, Portuguese, German: "codes de redirection", "código de estado", "Statuscode")
                     r"|codes?\s+(?:HTTP|de\s+(?:statut|redirection|réponse|retour|état))|c[óo]digos?\s+(?:HTTP|de\s+"
                     r"(?:estado|status|resposta|respuesta|redirecionamento))|Statuscodes?)\b", re.IGNORECASE)
# a title or heading over error codes ("Timeout'lar — Classic / hata kodları"): its 5xx values are codes
_CODES_HEADING = re.compile(r"\b(?:error|status|response|return|HTTP|hata|durum|yanıt|fel|Fehler)[\s-]?(?:codes?|kod(?:u|ları|lar|er)?"
                            r"|koder)\b|\bStatuscodes?\b", re.IGNORECASE)
# "429 TooManyRequests", "429 QUOTA_EXCEEDED", "404 Not Found", '429; "Too Many Requests"': a status named right after its code
_STATUS_NAME = re.compile(r"\s*(?:[-:(;]\s*)?[\"“]?(?:[A-Z][a-z]+(?:[A-Z][a-z]+)+|[A-Z]{2,}(?:_[A-Z]+)+|Too\s+Many\s+Requests|Not\s+Found|"
                          r"Forbidden|Unauthori[sz]ed|Bad\s+Request|Conflict|Payload\s+Too\s+Large|Service\s+Unavailable|"
                          r"Internal\s+Server\s+Error|Bad\s+Gateway|Gateway\s+Timeout)\b")
# "Seeing 504 timeouts", "429 errors": an error's code before what it is (500 errors may be a count of them)
# … and seen in the logs ("Kad vidiš _____ u logovima": when you see 429 in the logs)
_STATUS_KIND = re.compile(r"\s+(?:errors?|timeouts?|responses?|(?:in|u|en|im|nos?|nei|i)\s+(?:the\s+|den\s+)?(?:logs?|logovima|logovi|Logs|loggen))\b",
                          re.IGNORECASE)
# what machines come in doublings of: "_____ vCPU", "_____ cores", "_____ x GPUs"
_DOUBLED = re.compile(r"^\s*(?:x\s*)?(?:v?CPUs?|vCores?|cores?|GPUs?|threads?|hyperthreads?)\b", re.IGNORECASE)


def is_port(a: Asked) -> bool:
    """The value is a port number ("default port 1433", a table's "port" column): a name, not an amount."""
    f, v = a.fact, a.source_value
    return (f.unit in (None, "count") and float(v).is_integer() and 1 <= v <= 65535
            and bool(_PORT.search(f.attribute or "") or _PORT.search(a.site.before[-40:])))


def _series(a: Asked) -> Sequence[int] | None:
    """The fixed set the value names one of (ports, status codes, Ethernet speeds, embedding sizes), if any."""
    if is_port(a):
        return WELL_KNOWN_PORTS
    if is_status_code(a):
        return STATUS_CODES
    if _ETHERNET.match(a.site.after):
        return ETHERNET_SPEEDS
    if _DIMENSIONS.match(a.site.after):
        return EMBEDDING_DIMENSIONS
    return None


def is_status_code(a: Asked) -> bool:
    """The value is an HTTP status code ("expected status codes, default 200"): a name, not an amount."""
    f, v = a.fact, a.source_value
    return (f.unit in (None, "count") and float(v).is_integer() and 100 <= v <= 599
            and bool(_STATUS.search(f.attribute or "") or _STATUS.search(a.site.before[-50:])
                     or _CODES_HEADING.search(a.site.context)
                     or _STATUS_NAME.match(a.site.after) or _named_as_status(int(v), a.site.after)
                     or (v >= 400 and v % 100 and _STATUS_KIND.match(a.site.after))))


_PHRASE_WORDS: Final = {status.value: [w for w in status.phrase.lower().split() if len(w) >= 4] for status in HTTPStatus}


def _named_as_status(code: int, after: str) -> bool:
    """The word after a code is one of its reason phrase's ("301 permanent", "302 found", "307 temporary")."""
    word = re.match(r"\s*([^\W\d_]{4,})", after)
    return word is not None and any(w.startswith(word.group(1).lower()) for w in _PHRASE_WORDS.get(code, ()))


def _plural_after(site: Site) -> bool:
    """The noun after the blank is plural ("_____ concurrent users"): a distractor of 1 would not agree."""
    noun = counted_noun(site.after)
    return noun is not None and number_of(noun) == "plural"


def _reason(a: Asked, what: str) -> str:
    f = a.fact
    bound = "" if f.bound == "exact" else f" ({f.bound})"
    return f"{what}: {f.kind} fact {a.answer!r}{bound}"


def _extra(a: Asked, **more: object) -> dict[str, object]:
    lead = {"lead": a.site.lead} if a.site.lead else {}
    return {"source_text": a.answer, "sentence": a.site.sentence, "blank": [a.site.start, a.site.end], **lead, **more}


def cloze(a: Asked) -> Question:
    s = a.site
    return make(
        a.cf.card, generator=GENERATOR, locator=s.locator, qtype="cloze", line_index=s.line_index, line=s.line, context=s.context,
        body=s.body(BLANK), answer=a.answer, fact=a.fact, subject=a.fact.subject, reason=_reason(a, "numeric cloze"),
        extra=_extra(a, cloze=s.stem("{{c1::" + a.answer + "}}"),      # typed: "15 minutes" is right for 900 s too
                     accepted=[a.answer] + [x for x in accepted_forms(a.fact) if x != a.answer]),
    )


_TYPABLE = re.compile(r"[~$€£]?\s?[\d.,]+\s?[^\s\d]*|[A-Za-z]+(?:-[A-Za-z]+)?")


def typable(a: Asked) -> bool:
    """Whether the answer is a number, with its unit or as a number word, that a learner can type and a
    grader can read as a number ("one thread" is a phrase: it is asked as a cloze, not typed)."""
    return _TYPABLE.fullmatch(a.answer.strip()) is not None


def writable(a: Asked) -> bool:
    """Whether other values can be written the way the source writes this one ("2/3" cannot)."""
    return display(a.fact, a.source_value) == a.answer


def multichoice(a: Asked, *, seed: int) -> Question:
    s = a.site
    qid = question_id(a.cf.card, GENERATOR, s.locator, "multichoice")
    f = a.fact
    scale = factor(f)
    choices = [(a.answer, True, f.value)] + [(display(f, v), False, v * scale)
                                             for v in _stronger(a, fact_distractors(a, seed, qid))]
    rng_for(seed + 1, qid).shuffle(choices)
    options = tuple(Option(position=i, text=t, is_correct=ok, value=v) for i, (t, ok, v) in enumerate(choices))
    return make(
        a.cf.card, generator=GENERATOR, locator=s.locator, qtype="multichoice", line_index=s.line_index, line=s.line, context=s.context,
        body=s.body(BLANK), prompt=WHICH_VALUE, answer=a.answer, fact=f, subject=f.subject, options=options,
        reason=_reason(a, "numeric variants"), extra=_extra(a, distractor_rule=_rule(a)),
    )


def _stronger(a: Asked, values: Sequence[float], *, statement: bool = False) -> list[float]:
    """Wrong values that claim more than a bound does, the only ones that are wrong: "over 60 locations" would still
    hold as "over 50". A stated minimum ("a minimum of 30 days") is one value, wrong on either side, but as a
    statement (`statement`) any lower one still holds. An option for a claimed "less than _____" has no wrong side:
    "less than one vCore" holds as "less than two", and whether "less than a half" does, the card cannot say."""
    if a.fact.bound == "min" and (statement or _STRICTLY_ABOVE.search(a.site.before) or _OR_MORE.match(a.site.after)):
        return [v for v in values if v > a.source_value]
    if a.fact.bound == "max" and not statement and _STRICTLY_BELOW.search(a.site.before):
        return []
    return list(values)


# a bound the sentence claims ("hosting it at over _____ edge locations", "provide less than _____ (CPU)"), not one that
# defines a threshold ("VM sizes with fewer than _____ CPUs may not be used", "periods greater than _____ are …")
_CLAIMED: Final = r"\b(?:of|at|is|are|was|were|has|have|had|provides?|offers?|gives?|takes?|supports?|holds?|reach(?:es)?)\s+"
_STRICTLY_ABOVE = re.compile(_CLAIMED + r"(?:over|more\s+than|greater\s+than|upwards\s+of)\s*[~≈]?\s*$", re.IGNORECASE)
_STRICTLY_BELOW = re.compile(_CLAIMED + r"(?:(?:less|fewer)\s+than|under|below)\s*[~≈]?\s*$", re.IGNORECASE)
_OR_MORE = re.compile(r"^\s*(?:\+|or\s+(?:more|greater|above|higher)\b)", re.IGNORECASE)


def _rule(a: Asked) -> str:
    if _increment(a):
        return "increment grid"
    v = a.source_value
    if v >= 2 and float(v).is_integer() and int(v) & (int(v) - 1) == 0:
        return "powers of two"
    return "round neighbours"


_SIZE_SUFFIX: Final = {"k": "KB", "K": "KB", "M": "MB"}     # a size written "32k", "16M"


def numerical(a: Asked) -> Question:
    f = a.fact
    s = a.site
    forms = accepted_forms(f)
    hint = "the number" if f.unit in (None, "count") else "the value with its unit"
    answer = a.answer
    if re.fullmatch(r"[\d.,]+[kKM]?|[A-Za-z]+(?:-[A-Za-z]+)?", a.answer):
        # "(_____ or 3 years)", "a _____-minute warning": the unit stays in the stem; the number is the answer,
        # typed in digits or as the card writes it
        number = format_number(a.source_value)
        hint = "the number"
        forms = [number, a.answer] + ([f"{number} {f.source_unit}"] if f.source_unit else [])
        answer = number if not a.answer[:1].isdigit() or a.answer[-1] in "kKM" else a.answer   # 4, not "four"; 16,000 for "16k"
        if f.kind == "size" and f.source_unit in _SIZE_SUFFIX:   # "a 32k storage overhead": 32 KB, not 32
            answer, hint = f"{number} {_SIZE_SUFFIX[f.source_unit]}", "the value with its unit"
            forms = [answer, a.answer] + forms
    return make(
        a.cf.card, generator=GENERATOR, locator=s.locator, qtype="numerical", line_index=s.line_index, line=s.line, context=s.context,
        body=s.body(BLANK), prompt=f"Type {hint}.", answer=answer, fact=f, subject=f.subject,
        reason=_reason(a, "numerical answer"),
        extra=_extra(a, tolerance=0.1 if f.bound == "approx" else 0, tolerance_type="relative",
                     accepted=[answer] + [x for x in forms if x != answer]),
    )


def truefalse(a: Asked, *, seed: int) -> Question:
    """One statement per sentence: as written (true), or with a wrong value in place of the fact (false).

    Which of the two is fixed by the sentence's place, not the seed (question IDs do not follow the seed),
    so a bank holds about as many false statements as true ones, never both of one sentence.
    """
    f = a.fact
    s = a.site
    shown, value, variant = s.written, f.value, "true"
    # a changed end of a range ("300-500 ms" for "200-500 ms") can still lie inside it: only a whole value is changed
    # ... and a value the sentence states twice ("24 hours - … stops them after 24h") is not changed in one place
    if (int(stable_id("truefalse", s.locator), 16) % 2 and writable(a) and f.role not in ("range_low", "range_high")
            and not _stated_again(a)):
        false_id = question_id(a.cf.card, GENERATOR, s.locator, "truefalse", "false")
        rough = f.bound == "approx" or _ROUGH.search(s.context) is not None
        values = _stronger(a, fact_distractors(a, seed, false_id, min_gap=TF_APPROX_GAP if rough else 0.0),
                           statement=True)
        if values:
            wrong = rng_for(seed, false_id).choice(values)
            shown, value, variant = display(f, wrong), wrong * factor(f), "false"
    return make(
        a.cf.card, generator=GENERATOR, locator=s.locator, qtype="truefalse", variant=variant, line_index=s.line_index, line=s.line,
        context=s.context, body=s.body(shown), prompt="True or false?", answer=variant, fact=f,
        subject=f.subject, reason=_reason(a, f"{variant} statement"),
        extra=_extra(a, statement_value=value, shown=shown),
    )


def _stated_again(a: Asked) -> bool:
    """The sentence writes the fact's value a second time, outside the fact ("24 hours … after 24h")."""
    s, f = a.site, a.fact
    return f.unit not in (None, "count") and any(unit == f.unit and same_quantity(value, f.value)
                                                 for value, unit in _stated_outside(s.sentence, s.start, s.end))


def multi_cloze(cf: CardFacts, sentence: list[Asked]) -> Question | None:
    """One Anki cloze note over a sentence holding several facts: {{c1::…}} … {{cN::…}}."""
    spans: list[Asked] = []
    for a in sorted(sentence, key=lambda x: (x.site.start, x.site.end)):
        if not spans or a.site.start >= spans[-1].site.end:
            spans.append(a)
    if not 2 <= len(spans) <= MAX_BLANKS:
        return None     # (each of more facts is asked alone)
    first = spans[0].site
    bounds = [(a.site.start, a.site.end) for a in spans]
    answers = [a.answer for a in spans]
    bare = [re.fullmatch(r"[\d.,]+", text) is not None for text in answers]
    if any(bare) and not all(bare) and len({a.fact.unit for a in spans}) == 1:
        return None     # "_____ (1)-_____ (2) months": the unit written once leaves blank 1 unclear
    body = first.lead + spans_text(first.sentence, bounds, [f"{BLANK} ({n})" for n in range(1, len(spans) + 1)])
    cloze = first.lead + spans_text(first.sentence, bounds, [f"{{{{c{n}::{t}}}}}" for n, t in enumerate(answers, 1)])
    locator = first.locator.rsplit("#", 1)[0] + f"@{first.offset}"
    return make(
        cf.card, generator=GENERATOR, locator=locator, qtype="multi_cloze", line_index=first.line_index, line=first.line, context=first.context,
        body=body, answer="; ".join(f"({n}) {t}" for n, t in enumerate(answers, 1)), subject=spans[0].fact.subject,
        reason=f"a sentence with {len(spans)} facts", answer_unit=None,
        extra={"cloze": f"{first.context} › {cloze}" if first.context else cloze, "answers": answers,
               "fact_ids": [a.fact.fact_id for a in spans], "source_text": answers, "sentence": first.sentence},
    )


def _restating(a: Asked, located: list[Asked]) -> bool:
    """The fact restates another inside that one's blank ("2,556 days (seven years)"): it is asked with it."""
    at = a.site.offset + a.site.start, a.site.offset + a.site.end
    return any(b is not a and b.site.line_index == a.site.line_index
               and b.site.offset + b.site.start <= at[0] and at[1] <= b.site.offset + b.site.end
               and (b.site.end - b.site.start) > (a.site.end - a.site.start) for b in located)


def numeric_questions(cf: CardFacts, *, seed: int, claimed: Fact | None = None,
                      is_question: bool = False) -> Iterator[Question]:
    """All numeric-fact questions of one card, but for a `claimed` fact (a Q&A card's own answer).

    A card that `is_question` (a Q&A card) gets none over the numbers of its title: they set a scenario.

    True/false goes by sentence: one statement, true or falsified, on the
    sentence's first fact that is not a bracketed side remark (unless all its
    facts are bracketed), so a false statement is false because of what the
    sentence states. A multi-cloze blanks the sentence's facts outside brackets.
    """
    located = [a for a in (asked(cf, f) for f in cf.facts if f is not claimed) if a is not None]
    located = [a for a in located if not _restating(a, located) and not (a.in_title and is_question)]
    by_sentence: dict[tuple[int, int], list[Asked]] = {}
    for a in located:
        yield cloze(a)
        if writable(a):
            yield multichoice(a, seed=seed)
        if a.in_title:
            continue    # a number in a title: no statement to judge, nothing to type
        if typable(a):
            yield numerical(a)
        by_sentence.setdefault((a.site.line_index, a.site.offset), []).append(a)
    for _, group in sorted(by_sentence.items()):
        main = [a for a in group if not in_brackets(a.site)] or group   # "(up to 1MB)" alone is the point
        if main:
            yield truefalse(min(main, key=lambda a: a.site.start), seed=seed)
        question = multi_cloze(cf, [a for a in group if not in_brackets(a.site)] or group)   # side remarks stay shown
        if question is not None:
            yield question
