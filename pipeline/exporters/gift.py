"""Moodle GIFT: categories per deck and subject, every special character escaped.

Type mapping: multichoice → MC (partial credit when several options are
correct), truefalse → TF, numerical → numerical with tolerance, calculated →
numerical (the stem's own instance: GIFT has no datasets), shortanswer → short
answer, cloze/term_cloze → a missing-word short answer, multi_cloze → one
missing-word question per cloze group (the other groups shown filled in).
A question that repeats an earlier one word for word (a multi-cloze group and
the single cloze over the same fact) is written once and counted as merged.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..difficulty import band
from ..types import CLOZE_TYPES, Question
from .base import (
    Blank, Export, Unmappable, choices, cloze_groups, cloze_parts, map_questions, merge_duplicates, numeric_answer,
    partial_credit, plain_number, subject_of, tf_answer,
)

__all__ = ["to_gift", "escape", "category_path", "GiftQuestion"]

_SPECIAL = re.compile(r"([\\~=#{}:])")
_BREAKS = re.compile(r"[ \t]*(?:\r\n|\r|\n)+[ \t]*")


def escape(text: str) -> str:
    """GIFT text: `\\ ~ = # { } :` escaped, line breaks as `\\n` (a blank line would end the question).

    Inner spaces are kept: a cloze's pieces are escaped one by one and joined around the gap.
    """
    return _BREAKS.sub(r"\\n", _SPECIAL.sub(r"\\\1", text))


def category_path(title: str, deck_id: str, subject: str) -> str:
    """`$course$/title/deck/subject`, a `/` inside a name written `//` as Moodle reads it."""
    return "$course$/" + "/".join(" ".join(p.split()).replace("/", "//") for p in (title, deck_id, subject))


@dataclass(frozen=True)
class GiftQuestion:
    name: str
    category: str
    tags: tuple[str, ...]
    body: str     # stem and answer block, already escaped


def _convert(q: Question, title: str) -> list[tuple[str, GiftQuestion]]:
    category = category_path(title, q.deck_id, subject_of(q))
    tags = (q.type, band(q.difficulty))

    def one(kind: str, body: str, name: str = q.question_id) -> tuple[str, GiftQuestion]:
        return kind, GiftQuestion(name, category, tags, body)

    stem = escape(q.stem.strip())
    if q.type in CLOZE_TYPES:
        parts = cloze_parts(q)
        groups = cloze_groups(parts)
        out = []
        for g in groups:
            pieces: list[str] = []
            gap_done = False
            for p in parts:
                if isinstance(p, Blank) and p.group == g:
                    if not gap_done:     # GIFT holds one gap: a group's blanks become one answer
                        answers = " / ".join(b.answer for b in parts if isinstance(b, Blank) and b.group == g)
                        forms = _forms(q, answers.strip()) if len(groups) == 1 else [answers.strip()]
                        pieces.append("{" + " ".join("=" + escape(f) for f in forms) + "}")
                        gap_done = True
                    continue
                pieces.append(escape(p.answer if isinstance(p, Blank) else p))
            name = q.question_id if len(groups) == 1 else f"{q.question_id}-c{g}"
            out.append(one("shortanswer", "".join(pieces).strip(), name))
        return out
    if not stem:
        raise Unmappable("empty stem")
    if q.type == "multichoice":
        opts = choices(q)
        n_ok = sum(ok for _, ok in opts)
        if n_ok == 0 or len(opts) < 2:
            raise Unmappable("multiple choice without a correct option or with fewer than two options")
        if n_ok == 1:
            lines = [("=" if ok else "~") + escape(text.strip()) for text, ok in opts]
        else:
            grade = partial_credit(n_ok)
            lines = [(f"~%{plain_number(grade)}%" if ok else "~%-100%") + escape(text.strip()) for text, ok in opts]
        if any(not text.strip() for text, _ in opts):
            raise Unmappable("an option is empty")
        return [one("multichoice", stem + " {\n" + "\n".join(lines) + "\n}")]
    if q.type == "truefalse":
        return [one("truefalse", stem + (" {T}" if tf_answer(q) else " {F}"))]
    if q.type in ("numerical", "calculated"):
        num = numeric_answer(q)
        if num is None:
            raise Unmappable(f"no number in the answer {q.answer!r}")
        hint = f" (in {escape(num.unit)})" if num.unit and num.unit.lower() not in q.stem.lower() else ""
        return [one("numerical", f"{stem}{hint} {{#{plain_number(num.value)}:{plain_number(num.tolerance)}}}")]
    if q.type == "shortanswer":
        accepted = q.get("accepted")
        alts = [q.answer] + [a for a in accepted if isinstance(a, str)] if isinstance(accepted, list) else [q.answer]
        graded = list(dict.fromkeys(escape(a.strip()) for a in alts if a.strip()))
        if not graded:
            raise Unmappable("empty answer")
        return [one("shortanswer", stem + " {" + " ".join("=" + a for a in graded) + "}")]
    raise Unmappable(f"no GIFT type for {q.type!r}")


# A gap's other right answers (" =15 minutes" after "{=900 seconds"): the same question whatever they are
_ALTERNATIVES = re.compile(r"(?: =(?:\\.|[^\\{}])*)+\}")


def _forms(q: Question, answer: str) -> list[str]:
    """The gap's right answers: the key, then the other ways the question accepts it ("900 seconds", "15 min")."""
    accepted = q.get("accepted")
    more = [a.strip() for a in accepted if isinstance(a, str) and a.strip()] if isinstance(accepted, list) else []
    return list(dict.fromkeys([answer, *more]))


def to_gift(questions: Sequence[Question], *, title: str = "qbank") -> Export:
    """A GIFT file; questions grouped by category (deck, subject), bank order within a group."""
    items, skipped, native = map_questions(questions, lambda q: _convert(q, title))
    items, merged = merge_duplicates(items, key=lambda g: (g.category, _ALTERNATIVES.sub("}", g.body)))
    first_seen = {c: i for i, c in reversed(list(enumerate(g.category for g in items)))}
    items.sort(key=lambda g: first_seen[g.category])

    def render(_timestamp: float) -> bytes:
        out = [f"// {title}: {len(items)} question(s) exported by qbank", ""]
        category = None
        for g in items:
            if g.category != category:
                category = g.category
                out += [f"$CATEGORY: {category}", ""]
            out.append(f"// [id:{g.name}] " + " ".join(f"[tag:{t}]" for t in g.tags))
            out.append(f"::{escape(g.name)}::{g.body}")
            out.append("")
        return "\n".join(out).encode()

    return Export("gift", len(questions), len(items), skipped, native, render,
                  changes=(("duplicate(s) merged", merged),))
