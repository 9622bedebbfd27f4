"""Score extracted facts against a gold annotation (the shared gold conventions).

The matching is the gold scorer's: numeric facts match as a multiset on
(card, unit, value) with a relative tolerance of 1e-6; services match per card
on a normalised name (case, punctuation and provider prefixes ignored) against
either the gold name or its surface form; a false alarm whose text overlaps a
listed non-fact of its card is a trap. `read_gold` reads a deck's gold files;
the rest are pure functions over rows.
"""
from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from .errors import EvaluationError

__all__ = ["Score", "Evaluation", "evaluate", "norm_service", "read_gold"]

Row = Mapping[str, Any]
_PREFIXES: Final = ("amazon", "aws", "googlecloud", "google", "gcp", "microsoft", "azure")


def read_gold(gold_dir: Path, name: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The deck's gold facts, services and non-facts (the last two optional).

    Raises:
        EvaluationError: the facts file is missing, or a line is not a JSON object (with FILE:LINE).
    """
    def load(kind: str, required: bool) -> list[dict[str, Any]]:
        path = gold_dir / f"{name}.{kind}.jsonl"
        if not path.exists():
            if required:
                raise EvaluationError(f"{path}: no gold file for deck {name!r}")
            return []
        rows = []
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            try:
                row = json.loads(line) if line.strip() else {}
            except json.JSONDecodeError as e:
                row = e.msg
            if not isinstance(row, dict):
                raise EvaluationError(f"{path}:{number}: not a JSON object ({row})")
            if row:
                rows.append(row)
        return rows

    return load("gold", True), load("services", False), load("nonfacts", False)


@dataclass(frozen=True)
class Score:
    """Hits against gold: precision, recall and F1 follow from the counts."""

    hits: int
    found: int
    gold: int

    @property
    def precision(self) -> float:
        return self.hits / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Evaluation:
    """The scores of one deck, with the rows behind the errors (for reading)."""

    facts: Score
    services: Score
    misses: tuple[Row, ...]
    false_alarms: tuple[Row, ...]
    traps: tuple[tuple[Row, Row], ...]
    missed_services: tuple[tuple[int, str], ...]

    def summary(self, deck: str) -> str:
        f, s = self.facts, self.services
        return (f"{deck}: facts P={f.precision:.3f} R={f.recall:.3f} F1={f.f1:.3f} "
                f"({f.hits} hit, {len(self.false_alarms)} extra, {len(self.misses)} missed, {len(self.traps)} traps)"
                f" | services P={s.precision:.3f} R={s.recall:.3f} ({s.hits}/{s.gold})")


def _norm_unit(unit: object) -> str | None:
    return None if unit in (None, "", "null", "none") else str(unit)


def norm_service(name: str) -> str:
    """A service name compared loosely: lower case, no punctuation, no provider prefix."""
    key = re.sub(r"[^a-z0-9@]+", "", name.lower())
    for prefix in _PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix):]
    return key


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _match_facts(found: list[Row], gold: Iterable[Row]) -> tuple[int, list[Row], list[Row]]:
    pool: dict[tuple[Any, str | None], list[Row]] = defaultdict(list)
    for g in gold:
        pool[(g["card"], _norm_unit(g.get("unit")))].append(g)
    hits, false_alarms = 0, []
    for f in found:
        try:
            value = float(f["value"])
        except (KeyError, TypeError, ValueError):
            false_alarms.append(f)
            continue
        bucket = pool[(f.get("card"), _norm_unit(f.get("unit")))]
        match = next((g for g in bucket if _close(float(g["value"]), value)), None)
        if match is None:
            false_alarms.append(f)
        else:
            bucket.remove(match)
            hits += 1
    return hits, false_alarms, [g for rows in pool.values() for g in rows]


def _match_services(found: list[Row], gold: Iterable[Row]) -> tuple[Score, list[tuple[int, str]]]:
    rows: dict[Any, list[list[Any]]] = defaultdict(list)
    for g in gold:
        keys = {norm_service(g["service"])} | ({norm_service(g["text"])} if g.get("text") else set())
        rows[g["card"]].append([keys, False, g["service"]])
    seen: set[tuple[Any, str]] = set()
    hits = distinct = 0
    for f in found:
        key = (f.get("card"), norm_service(str(f["service"])))
        if key in seen:
            continue
        seen.add(key)
        distinct += 1
        for row in rows.get(key[0], []):
            if not row[1] and key[1] in row[0]:
                row[1] = True
                hits += 1
                break
    total = sum(len(r) for r in rows.values())
    missed = [(card, r[2]) for card, rs in rows.items() for r in rs if not r[1]]
    return Score(hits, distinct, total), missed


def evaluate(rows: Iterable[Row], gold: Iterable[Row], gold_services: Iterable[Row] = (),
             nonfacts: Iterable[Row] = ()) -> Evaluation:
    """Score extractor rows (`qbank facts` JSONL rows) against gold rows.

    Args:
        rows: numeric rows ({"card", "value", "unit", "text"?}) and service rows ({"card", "service"}).
        gold: the deck's `*.gold.jsonl` rows.
        gold_services: its `*.services.jsonl` rows.
        nonfacts: its `*.nonfacts.jsonl` rows (traps).
    """
    rows = list(rows)
    gold = list(gold)
    facts = [r for r in rows if "value" in r]
    services = [r for r in rows if "service" in r]
    hits, false_alarms, misses = _match_facts(facts, gold)
    traps_list = list(nonfacts)
    traps = []
    for f in false_alarms:
        text = str(f.get("text") or "")
        for t in traps_list:
            if t["card"] == f.get("card") and text and (text in t["text"] or t["text"] in text):
                traps.append((f, t))
                break
    service_score, missed_services = _match_services(services, gold_services)
    return Evaluation(
        facts=Score(hits, len(facts), len(gold)), services=service_score, misses=tuple(misses),
        false_alarms=tuple(false_alarms), traps=tuple(traps), missed_services=tuple(missed_services),
    )
