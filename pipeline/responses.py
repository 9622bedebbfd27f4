"""Reading learners' responses: a CSV of answers, or an Anki collection reviewed from our .apkg.

CSV: a header with `learner_id`, `question_id` and `correct` (1/0, true/false,
yes/no) or a raw `response` for `qbank grade` to score, and optionally
`answered_at` (ISO 8601). Each bad row is reported as `FILE:LINE: reason` and
skipped; the good rows are kept.

Anki: the exporter gives each note the GUID `genanki.guid_for(question_id)`,
so a review maps back to its question through the note's GUID. A review with
ease ≥ 2 (Hard, Good, Easy) is correct, ease 1 (Again) is wrong; ease 0
(a manual reschedule) is not an answer. Only a learner's first graded review
of each card counts: later reviews measure memory of the feedback, not the item.
"""
from __future__ import annotations

import csv
import sqlite3
import tempfile
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import genanki
import pandas as pd

from .anki_package import unpack_collection
from .errors import DeckError, ResponsesError, value_invalid_msg
from .ids import stable_id
from .store import Store
from .types import DeckIssue

__all__ = [
    "Response", "ResponseImport", "CSV_SUFFIXES", "ANKI_SUFFIXES", "anki_guids", "read_responses",
    "read_responses_csv", "read_anki_collection", "first_responses", "import_responses",
]

CSV_SUFFIXES = (".csv",)
ANKI_SUFFIXES = (".anki2", ".anki21", ".colpkg")
_TRUE = {"1", "true", "t", "yes", "y", "correct"}
_FALSE = {"0", "false", "f", "no", "n", "incorrect", "wrong"}


@dataclass(frozen=True)
class Response:
    """One learner's answer to one question: graded (`correct`) or raw (`response`) or both."""

    learner_id: str
    question_id: str
    correct: bool | None
    response: str | None = None
    answered_at: datetime | None = None
    source: str = "csv"

    @property
    def response_id(self) -> str:
        """Content-derived, so importing the same file twice adds nothing."""
        when = self.answered_at.isoformat() if self.answered_at else None
        return stable_id(self.learner_id, self.question_id, when, self.response, self.correct, self.source)

    def row(self) -> dict[str, Any]:
        return {
            "response_id": self.response_id, "learner_id": self.learner_id, "question_id": self.question_id,
            "correct": self.correct, "response": self.response, "answered_at": self.answered_at,
            "source": self.source, "grade_reason": None,
        }


@dataclass(frozen=True)
class ResponseImport:
    """What a file gave: its responses, its bad rows, and reviews of notes not from this bank."""

    responses: tuple[Response, ...]
    issues: tuple[DeckIssue, ...] = ()
    foreign: int = 0


def anki_guids(question_ids: Iterable[str]) -> dict[str, str]:
    """Note GUID → question ID, the reverse of what the Anki exporter writes."""
    return {genanki.guid_for(qid): qid for qid in question_ids}


def read_responses(path: str | Path, *, question_ids: Collection[str], learner_id: str | None = None) -> ResponseImport:
    """Read a CSV or an Anki collection, chosen by extension.

    Args:
        path: the file.
        question_ids: the bank's question IDs (rows naming others are reported).
        learner_id: for an Anki collection, whose reviews these are (default: the file's stem).

    Raises:
        ResponsesError: missing file, unknown extension, or a file that is not what its extension says.
    """
    p = Path(path)
    if not p.is_file():
        raise ResponsesError(f"{p}: no such file; give a responses CSV or an Anki collection")
    suffix = p.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return read_responses_csv(p, question_ids=question_ids)
    if suffix in ANKI_SUFFIXES:
        return read_anki_collection(p, guids=anki_guids(question_ids), learner_id=learner_id or p.stem)
    raise ResponsesError(f"{p}: " + value_invalid_msg("file type", suffix, CSV_SUFFIXES + ANKI_SUFFIXES))


def read_responses_csv(path: str | Path, *, question_ids: Collection[str]) -> ResponseImport:
    """Responses from a CSV; every bad row becomes an issue with its line and reason."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise ResponsesError(f"{p}: not UTF-8 text ({e.reason} at byte {e.start})") from e
    reader = csv.DictReader(text.splitlines())
    header = {(h or "").strip() for h in reader.fieldnames or ()}
    missing = {"learner_id", "question_id"} - header
    if missing or not header & {"correct", "response"}:
        need = sorted(missing) + ([] if header & {"correct", "response"} else ["correct or response"])
        raise ResponsesError(f"{p}:1: header lacks {', '.join(need)}; found: {', '.join(sorted(header)) or 'nothing'}")
    known = set(question_ids)
    out: list[Response] = []
    issues: list[DeckIssue] = []
    for raw in reader:
        row = {(k or "").strip(): (v or "").strip() for k, v in raw.items() if k is not None}
        try:
            out.append(_csv_response(row, known))
        except ValueError as e:
            issues.append(DeckIssue(str(p), reader.line_num, str(e)))
    return ResponseImport(tuple(out), tuple(issues))


def _csv_response(row: Mapping[str, str], known: set[str]) -> Response:
    learner, qid = row.get("learner_id", ""), row.get("question_id", "")
    if not learner:
        raise ValueError("empty learner_id")
    if qid not in known:
        raise ValueError(f"question_id {qid!r} is not in the bank" if qid else "empty question_id")
    flag, response = row.get("correct", "").lower(), row.get("response", "") or None
    if flag and flag not in _TRUE | _FALSE:
        raise ValueError(f"correct {row['correct']!r} is not one of 1/0, true/false, yes/no")
    if not flag and response is None:
        raise ValueError("neither correct nor response given")
    when = row.get("answered_at", "")
    try:
        answered_at = _naive_utc(datetime.fromisoformat(when.replace("Z", "+00:00"))) if when else None
    except ValueError as e:
        raise ValueError(f"answered_at {when!r} is not an ISO 8601 date/time") from e
    correct = (flag in _TRUE) if flag else None
    return Response(learner, qid, correct, response, answered_at, "csv")


def _naive_utc(t: datetime) -> datetime:
    return t.astimezone(UTC).replace(tzinfo=None) if t.tzinfo else t


def read_anki_collection(path: str | Path, *, guids: Mapping[str, str], learner_id: str) -> ResponseImport:
    """First graded review of each card whose note came from our .apkg.

    Reads an `.anki2`/`.anki21` collection file, or a `.colpkg` (legacy, or the
    default zstd-compressed `collection.anki21b`; see `anki_package`).
    """
    p = Path(path)
    if p.suffix.lower() == ".colpkg":
        with tempfile.TemporaryDirectory() as tmp:
            return _read_revlog(_unpack_colpkg(p, Path(tmp)), p, guids, learner_id)
    return _read_revlog(p, p, guids, learner_id)


def _unpack_colpkg(p: Path, into: Path) -> Path:
    try:
        return unpack_collection(p, into)[0]
    except DeckError as e:
        raise ResponsesError(str(e)) from e


_REVLOG_SQL = """
SELECT r.cid, r.id, r.ease, n.guid
FROM revlog r JOIN cards c ON c.id = r.cid JOIN notes n ON n.id = c.nid
WHERE r.ease >= 1
ORDER BY r.cid, r.id
"""


def _read_revlog(db: Path, shown: Path, guids: Mapping[str, str], learner_id: str) -> ResponseImport:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            rows = con.execute(_REVLOG_SQL).fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as e:
        raise ResponsesError(f"{shown}: not an Anki collection ({e})") from e
    out: list[Response] = []
    seen: set[int] = set()
    foreign = 0
    for cid, rid, ease, guid in rows:
        if cid in seen:
            continue  # only the first graded review of a card
        seen.add(cid)
        qid = guids.get(guid)
        if qid is None:
            foreign += 1
            continue
        when = datetime.fromtimestamp(rid / 1000, UTC).replace(tzinfo=None)
        out.append(Response(learner_id, qid, ease >= 2, None, when, "anki"))
    return ResponseImport(tuple(out), (), foreign)


def first_responses(responses: pd.DataFrame) -> pd.DataFrame:
    """The first graded answer per learner and question (a DataFrame in `load_responses` order)."""
    graded = responses.dropna(subset=["correct"])
    return graded.drop_duplicates(subset=["learner_id", "question_id"], keep="first").reset_index(drop=True)


def import_responses(store: Store, path: str | Path, *, learner_id: str | None = None) -> tuple[ResponseImport, int]:
    """Read a responses file against the bank's questions and add its responses.

    Returns what was read and how many responses were new (re-imports add nothing).
    """
    result = read_responses(path, question_ids=store.question_ids(), learner_id=learner_id)
    return result, store.write_responses([r.row() for r in result.responses])
