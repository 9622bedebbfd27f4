"""Stems a learner can answer alone: cleaned lines, card context, blanks.

A bullet line alone ("- - 400,000 GB-seconds of compute time per month if FREE")
lacks its subject; the card title and the bullet's parent line ("Pay per
duration") supply it. Bullet marks, `A:` markers and unbalanced brackets from
the source are removed so the stem reads as a sentence.
"""
from __future__ import annotations

import random
import re
from collections.abc import Callable

from ..ids import stable_id
from ..types import Card, Line

__all__ = ["BLANK", "clean", "bullet_level", "parent_of", "context_of", "restatement_end", "rng_for", "line_of",
           "distinctive_words", "gives_away", "plain_words"]

BLANK = "_____"
_BULLET = re.compile(r"^\s*((?:[-*•]\s*)+)(?=\S)")
_MARKER = re.compile(r"^\s*(?:A|Q|Answer|Note)\s*:\s*", re.IGNORECASE)
_PAIRS = {"(": ")", "[": "]", "{": "}"}


def rng_for(seed: int, question_id: str) -> random.Random:
    """A generator seeded by the build seed and the question: stable across runs and card order."""
    return random.Random(int(stable_id(seed, question_id), 16))


def bullet_level(text: str) -> int:
    """How deep a bullet is: "- x" is 1, "- - x" is 2, plain text 0."""
    m = _BULLET.match(text)
    return m.group(1).count("-") + m.group(1).count("*") + m.group(1).count("•") if m else 0


def _balance(text: str) -> str:
    """Drop closing brackets that close nothing; turn openings that never close into a dash."""
    out: list[str] = []
    stack: list[int] = []
    for ch in text:
        if ch in _PAIRS:
            stack.append(len(out))
            out.append(ch)
        elif ch in _PAIRS.values():
            if stack and _PAIRS[out[stack[-1]]] == ch:
                stack.pop()
                out.append(ch)
        else:
            out.append(ch)
    for i in stack:
        out[i] = "- "
    return re.sub(r"\s+", " ", "".join(out)).strip()


def clean(text: str) -> str:
    """A source line without bullet marks, `A:`/`Note:` markers, stray brackets or doubled spaces."""
    text = _BULLET.sub("", text)
    text = _MARKER.sub("", text)
    text = _balance(text)
    text = re.sub(r"\(\s+", "(", text)
    return re.sub(r"\s+\)", ")", text).strip(" -")


def line_of(card: Card, number: int) -> Line | None:
    return next((line for line in card.lines if line.number == number), None)


def parent_of(card: Card, number: int) -> str | None:
    """The heading a bullet hangs from: the nearest earlier answer line one level up."""
    lines = card.answer_lines
    idx = next((i for i, line in enumerate(lines) if line.number == number), None)
    if idx is None:
        return None
    level = bullet_level(lines[idx].text)
    for line in reversed(lines[:idx]):
        if not line.text.strip():
            continue
        other = bullet_level(line.text)
        if other < level or (level == 0 and other == 0 and line.text.rstrip().endswith(":")):
            parent = clean(line.text).rstrip(":").strip()
            return parent if parent and len(parent) <= 80 else None
        if level == 0:
            return None
    return None


def context_of(card: Card, number: int, *, attribute: str = "", subject: str | None = None) -> str:
    """Title › parent (› attribute, subject when the line lacks them) for a line of the card."""
    if any(line.number == number for line in card.title_lines):
        return ""          # the title is the question itself: the line carries its own context
    line = line_of(card, number)
    body = clean(line.text).lower() if line else ""
    parts = [clean(card.title)]
    parent = parent_of(card, number)
    if parent and parent.lower() not in parts[0].lower():
        parts.append(parent)
    joined = " ".join(parts).lower() + " " + body
    attribute = clean(attribute)
    if attribute and plain_words(attribute) not in plain_words(joined):
        parts.append(attribute)
    if subject and subject.lower() not in joined and not distinctive_words(subject) & distinctive_words(joined):
        parts.insert(0, subject)
    return " › ".join(p for p in parts if p)


def plain_words(text: str) -> str:
    """Lower-case letters and digits only, one space apart: texts that differ in case or punctuation compare equal."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def restatement_end(text: str, end: int, restates: Callable[[str], bool]) -> int:
    """Where a bracketed restatement right after a quantity ends ("900 seconds ( 15 minutes )"), else `end`."""
    after = re.match(r"\s*[(\[]\s*([^()\[\]]{1,30}?)\s*[)\]]", text[end:])
    return end + after.end() if after and restates(after.group(1)) else end


_GENERIC = {"aws", "amazon", "google", "cloud", "azure", "microsoft", "service", "services", "the", "and", "for",
            "with", "of", "to", "in", "on", "a", "an"}


def distinctive_words(text: str) -> set[str]:
    """Words of a name or answer that give it away if the stem contains them (not "AWS", "the" …)."""
    return {w for w in re.findall(r"[a-z0-9@]+", text.lower()) if w not in _GENERIC and len(w) > 1}


def gives_away(answer: str, stem: str) -> bool:
    """Whether the stem contains the answer or one of its distinctive words."""
    stem_words = set(re.findall(r"[a-z0-9@]+", stem.lower()))
    words = distinctive_words(answer)
    return bool(words & stem_words) or " ".join(answer.lower().split()) in " ".join(stem.lower().split())
