"""Moodle XML: every type native, including cloze (multianswer) and calculated with its dataset.

Type mapping: multichoice → multichoice (partial credit when several options
are correct), truefalse → truefalse, shortanswer → shortanswer, numerical →
numerical with the accepted units and their multipliers, calculated →
calculated with one private dataset per variable (numerical when the question
has no template text or dataset), cloze/term_cloze/multi_cloze → cloze
(multianswer): numbers become NUMERICAL sub-questions, words SHORTANSWER.
"""
from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from lxml import etree

from ..difficulty import band
from ..types import CLOZE_TYPES, Question
from .base import (
    Blank, Export, NumericAnswer, Unmappable, choices, cloze_parts, map_questions, numeric_answer, partial_credit,
    plain_number, subject_of, tf_answer, tolerance_of,
)

__all__ = ["to_moodle_xml", "cloze_text", "units_of", "dataset_of"]

_PURE = re.compile(r"^\s*([$€£]?)\s*([-+]?\d[\d,]*(?:\.\d+)?|[-+]?\.\d+)\s*([^\d\s].*)?$")


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    e = etree.SubElement(parent, tag, **attrs)
    if text is not None:
        etree.SubElement(e, "text").text = text
    return e


def _val(parent: etree._Element, tag: str, value: object) -> etree._Element:
    e = etree.SubElement(parent, tag)
    e.text = str(value)
    return e


def _html(text: str) -> str:
    """Plain text as Moodle HTML: escaped, line breaks kept."""
    return "<br>".join(html.escape(line) for line in text.strip().splitlines())


def _answer_text(text: str) -> str:
    """A short answer: `*` is Moodle's wildcard, so it is escaped."""
    return text.strip().replace("*", r"\*")


def _sub_escape(text: str) -> str:
    """An answer inside a cloze sub-question: `} # ~ / " \\` and the `*` wildcard escaped."""
    return re.sub(r'([}#~/"\\*])', r"\\\1", text.strip())


def cloze_text(parts: Sequence[str | Blank]) -> str:
    """The multianswer question text: HTML around `{1:NUMERICAL:=…}` / `{1:SHORTANSWER:=…}`."""
    out = []
    for p in parts:
        if not isinstance(p, Blank):
            out.append(html.escape(p).replace("{", "&#123;").replace("\n", "<br>"))
            continue
        m = _PURE.match(p.answer)
        if m:
            prefix, number, unit = m.group(1), float(m.group(2).replace(",", "")), (m.group(3) or "").strip()
            sub = "{1:NUMERICAL:=" + plain_number(number) + ":0}"
            out.append(html.escape(prefix) + sub + (" " + html.escape(unit) if unit else ""))
        else:
            out.append("{1:SHORTANSWER:=" + html.escape(_sub_escape(p.answer)) + "}")
    return "".join(out)


def units_of(num: NumericAnswer) -> list[tuple[str, float]]:
    """(unit, multiplier) with the answer's own unit first; a unit's value = answer × multiplier."""
    units: dict[str, float] = {}
    if num.unit:
        units[num.unit] = 1.0
    for form in num.accepted:
        m = _PURE.match(form)
        if not m or not num.value:
            continue
        unit = (m.group(1) + " " + (m.group(3) or "")).strip()
        if unit and unit not in units:
            units[unit] = float(m.group(2).replace(",", "")) / num.value
    return list(units.items())


def dataset_of(q: Question) -> tuple[str, str, dict[str, list[float]]] | None:
    """(question text, formula, values per variable) when the question carries a dataset."""
    formula, template = q.get("formula"), q.get("template")
    rows = q.get("dataset") or q.get("variants")
    if not isinstance(formula, str) or not isinstance(rows, list) or not rows:
        return None
    names = sorted({k for r in rows if isinstance(r, dict) for k in r if re.search(r"\{" + re.escape(k) + r"\}", formula)})
    text = template if isinstance(template, str) else q.stem
    if not names or not all("{" + n + "}" in text for n in names):
        return None
    values = {n: [float(r[n]) for r in rows if isinstance(r, dict) and n in r] for n in names}
    if any(len(v) != len(rows) for v in values.values()):
        return None
    return text, formula, values


class _Builder:
    def __init__(self, title: str) -> None:
        self.title = title

    def __call__(self, q: Question) -> list[tuple[str, tuple[str, etree._Element]]]:
        category = "$course$/top/" + "/".join(p.replace("/", "//") for p in (self.title, q.deck_id, subject_of(q)))
        kind, question = self.question(q)
        return [(kind, (category, question))]

    def head(self, q: Question, moodle_type: str, text_html: str) -> etree._Element:
        e = etree.Element("question", type=moodle_type)
        _el(e, "name", q.question_id)
        _el(e, "questiontext", text_html, format="html")
        _el(e, "generalfeedback", "", format="html")
        _val(e, "defaultgrade", "1.0000000")
        _val(e, "penalty", "0.3333333")
        _val(e, "hidden", 0)
        _val(e, "idnumber", q.question_id)
        return e

    def tags(self, q: Question, e: etree._Element) -> None:
        tags = etree.SubElement(e, "tags")
        for t in (q.deck_id, subject_of(q), q.type, band(q.difficulty)):
            _el(tags, "tag", t)

    def question(self, q: Question) -> tuple[str, etree._Element]:
        if q.type in CLOZE_TYPES:
            e = self.head(q, "cloze", cloze_text(cloze_parts(q)))
            self.tags(q, e)
            return "cloze", e
        if not q.stem.strip():
            raise Unmappable("empty stem")
        if q.type == "multichoice":
            return "multichoice", self.multichoice(q)
        if q.type == "truefalse":
            e = self.head(q, "truefalse", _html(q.stem))
            right = tf_answer(q)
            for word in ("true", "false"):
                a = _el(e, "answer", word, fraction="100" if (word == "true") == right else "0", format="moodle_auto_format")
                _el(a, "feedback", "", format="html")
            self.tags(q, e)
            return "truefalse", e
        if q.type == "shortanswer":
            if not q.answer.strip():
                raise Unmappable("empty answer")
            e = self.head(q, "shortanswer", _html(q.stem))
            _val(e, "usecase", 0)
            a = _el(e, "answer", _answer_text(q.answer), fraction="100", format="moodle_auto_format")
            _el(a, "feedback", "", format="html")
            self.tags(q, e)
            return "shortanswer", e
        if q.type == "calculated" and (ds := dataset_of(q)) is not None:
            return "calculated", self.calculated(q, *ds)
        if q.type in ("numerical", "calculated"):
            return "numerical", self.numerical(q)
        raise Unmappable(f"no Moodle type for {q.type!r}")

    def multichoice(self, q: Question) -> etree._Element:
        opts = choices(q)
        n_ok = sum(ok for _, ok in opts)
        if n_ok == 0 or len(opts) < 2 or any(not t.strip() for t, _ in opts):
            raise Unmappable("multiple choice needs two non-empty options and a correct one")
        e = self.head(q, "multichoice", _html(q.stem))
        _val(e, "single", "true" if n_ok == 1 else "false")
        _val(e, "shuffleanswers", "true")
        _val(e, "answernumbering", "abc")
        part = partial_credit(n_ok)
        for text, ok in opts:
            fraction = (plain_number(part) if ok else "0") if n_ok == 1 or ok else "-100"
            a = _el(e, "answer", _html(text), fraction=fraction, format="html")
            _el(a, "feedback", "", format="html")
        self.tags(q, e)
        return e

    def numerical(self, q: Question) -> etree._Element:
        num = numeric_answer(q)
        if num is None:
            raise Unmappable(f"no number in the answer {q.answer!r}")
        e = self.head(q, "numerical", _html(q.stem))
        a = _el(e, "answer", plain_number(num.value), fraction="100", format="moodle_auto_format")
        _val(a, "tolerance", plain_number(num.tolerance))
        _el(a, "feedback", "", format="html")
        self.units(e, units_of(num))
        self.tags(q, e)
        return e

    def units(self, e: etree._Element, units: list[tuple[str, float]]) -> None:
        _val(e, "unitgradingtype", 0)        # units optional: a bare number is graded too
        _val(e, "unitpenalty", "0.1000000")
        _val(e, "showunits", 0 if units else 3)
        _val(e, "unitsleft", 0)
        if units:
            box = etree.SubElement(e, "units")
            for name, multiplier in units:
                u = etree.SubElement(box, "unit")
                _val(u, "multiplier", plain_number(multiplier))
                _val(u, "unit_name", name)

    def calculated(self, q: Question, text: str, formula: str, values: dict[str, list[float]]) -> etree._Element:
        e = self.head(q, "calculated", _html(text))
        _val(e, "synchronize", 0)
        _val(e, "single", 0)
        _val(e, "answernumbering", "abc")
        _val(e, "shuffleanswers", 0)
        a = _el(e, "answer", formula, fraction="100")
        tol = tolerance_of(q)
        _val(a, "tolerance", plain_number(tol))
        # Moodle's tolerance types: 1 relative (a fraction of the answer), 2 nominal (± in its unit)
        _val(a, "tolerancetype", 1 if q.get("tolerance_type") == "relative" else 2)
        _val(a, "correctanswerformat", 1)       # decimals
        _val(a, "correctanswerlength", 2 if q.get("tolerance_type") == "relative" else _decimals(tol))
        _el(a, "feedback", "", format="html")
        self.units(e, [])
        defs = etree.SubElement(e, "dataset_definitions")
        for name, vals in values.items():
            d = etree.SubElement(defs, "dataset_definition")
            _el(d, "status", "private")
            _el(d, "name", name)
            _val(d, "type", "calculated")
            _el(d, "distribution", "uniform")
            _el(d, "minimum", plain_number(min(vals)))
            _el(d, "maximum", plain_number(max(vals)))
            _el(d, "decimals", str(max(_decimals_of(v) for v in vals)))
            _val(d, "itemcount", len(vals))
            items = etree.SubElement(d, "dataset_items")
            for i, v in enumerate(vals, 1):
                it = etree.SubElement(items, "dataset_item")
                _val(it, "number", i)
                _val(it, "value", plain_number(v))
            _val(d, "number_of_items", len(vals))
        self.tags(q, e)
        return e


def _decimals_of(x: float) -> int:
    s = plain_number(x)
    return len(s.partition(".")[2])


def _decimals(tol: float) -> int:
    """Enough decimals to show an answer at the tolerance (2 when there is none)."""
    return max(_decimals_of(tol), 0) if tol else 2


def to_moodle_xml(questions: Sequence[Question], *, title: str = "qbank") -> Export:
    """A `<quiz>` with a category question before each (deck, subject) group."""
    items, skipped, native = map_questions(questions, _Builder(title))
    first_seen: dict[str, int] = {}
    for i, (cat, _) in enumerate(items):
        first_seen.setdefault(cat, i)
    ordered = sorted(items, key=lambda it: first_seen[it[0]])

    def render(_timestamp: float) -> bytes:
        quiz = etree.Element("quiz")
        quiz.append(etree.Comment(f" {title}: {len(ordered)} question(s) exported by qbank "))
        current = None
        for cat, question in ordered:
            if cat != current:
                current = cat
                c = etree.SubElement(quiz, "question", type="category")
                _el(c, "category", cat)
                _el(c, "info", "", format="html")
            quiz.append(_copy(question))
        return etree.tostring(quiz, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    return Export("moodle-xml", len(questions), len(ordered), skipped, native, render)


def _copy(e: Any) -> Any:
    """A fresh copy, so rendering twice never moves elements between trees."""
    return etree.fromstring(etree.tostring(e))
