"""The DuckDB bank: schema, transactional deck replacement, and reads.

Only this module (and `exporters/`) touches the database. Writes are bulk:
rows become one Arrow table per table and go in with `INSERT … BY NAME SELECT`.
A deck's build replaces that deck's rows in one transaction, so a failed build
leaves the previous bank exactly as it was.
"""
from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import duckdb
import pyarrow as pa

from .errors import ExamError, StoreError, value_invalid_msg
from .features import CATEGORICAL_FEATURES, FEATURES
from .ids import stable_id
from .prior import MENTIONS_WEIGHT
from .rows import (DECK_SCHEMA, EXAM_ITEM_SCHEMA, EXAM_SCHEMA, RESPONSE_SCHEMA, SCAN_SCHEMA, TABLE_SCHEMAS, BatchTables,
                   arrow, batch_tables, scan_row)
from .types import CardFacts, Deck, Known, KnownText, Option, Question
from .views import apply_views

if TYPE_CHECKING:   # exams imports the difficulty model; load it only when an exam is read
    import pandas as pd

    from .exams import ExamSet

__all__ = ["SCHEMA_VERSION", "BuildChanges", "DeckBuild", "Store"]

SCHEMA_VERSION = 1
# DuckDB takes most of the machine's memory by default; a bank's queries need little, and what staging tables,
# sorts, joins and aggregates need beyond this spills to disk. A deck's full build commits rows that carry their
# verdicts, within 256 MB even for a 1,000,000-card bench deck; an incremental one still updates the kept rows
# that moved (an edit above them) or changed verdict, which DuckDB holds in memory until the commit: a
# 200,000-card bench deck's 1% rebuild needs more than 256 MB. QBANK_DB_MEMORY changes the cap.
MEMORY_LIMIT = os.environ.get("QBANK_DB_MEMORY", "1GB")
# A writer commits a whole deck in one transaction; one thread keeps its aggregates within MEMORY_LIMIT (each
# thread holds its own hash tables), and the builds' CPU is in the batch workers anyway.
WRITER_CONFIG = {"threads": 1}
DUPLICATE_SLICE_ROWS = 4_000_000  # accepted questions per slice of the deck-wide duplicate search (each slice scans the deck once)

# Tables a deck build replaces, child tables first.
DECK_TABLES = ("options", "question_features", "questions", "service_mentions", "facts", "cards", "decks")

# The deck-sized tables (cards, facts, questions, question_features) have no PRIMARY KEY: DuckDB keeps a key's
# index in memory, which for a 200,000-card deck outgrew MEMORY_LIMIT by itself. Their IDs are unique by
# construction (derived from content, old rows deleted before new ones go in); `replace_deck` checks it.
SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_info (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS decks (
    deck_id VARCHAR PRIMARY KEY, name VARCHAR, path VARCHAR, content_hash VARCHAR,
    settings_hash VARCHAR, n_cards INTEGER, n_skipped INTEGER, issues VARCHAR[]);
CREATE TABLE IF NOT EXISTS cards (
    card_id VARCHAR, deck_id VARCHAR, card_index INTEGER, title VARCHAR,
    answer VARCHAR, quiz_answer VARCHAR, quiz_note VARCHAR, first_line INTEGER, line_numbers INTEGER[], origin JSON);
CREATE TABLE IF NOT EXISTS facts (
    fact_id VARCHAR, deck_id VARCHAR, card_id VARCHAR, card_index INTEGER, line INTEGER,
    text VARCHAR, value DOUBLE, unit VARCHAR, kind VARCHAR, start_char INTEGER, end_char INTEGER,
    source_value DOUBLE, source_unit VARCHAR, bound VARCHAR, role VARCHAR, fact_group VARCHAR,
    attribute VARCHAR, subject VARCHAR, context VARCHAR);
CREATE TABLE IF NOT EXISTS service_mentions (
    deck_id VARCHAR, card_id VARCHAR, card_index INTEGER, line INTEGER, text VARCHAR,
    service VARCHAR, start_char INTEGER, end_char INTEGER, source VARCHAR);
CREATE TABLE IF NOT EXISTS questions (
    question_id VARCHAR, deck_id VARCHAR, card_id VARCHAR, card_index INTEGER,
    fact_id VARCHAR, line INTEGER, type VARCHAR, stem VARCHAR, answer VARCHAR,
    answer_value DOUBLE, answer_unit VARCHAR, subject VARCHAR, generator VARCHAR,
    generator_version VARCHAR, reason VARCHAR, status VARCHAR, reject_reason VARCHAR,
    difficulty DOUBLE, extra JSON, content_hash VARCHAR, revision INTEGER);
CREATE TABLE IF NOT EXISTS options (
    question_id VARCHAR, deck_id VARCHAR, position INTEGER, text VARCHAR, value DOUBLE, is_correct BOOLEAN);
CREATE TABLE IF NOT EXISTS question_features (question_id VARCHAR, deck_id VARCHAR);
-- Each card's text as written in a text deck, by its hash: a rebuild recognises an unchanged card without parsing it.
CREATE TABLE IF NOT EXISTS card_texts (
    deck_id VARCHAR, text_hash VARCHAR, card_key VARCHAR, line_offset INTEGER, content_hash VARCHAR, terms JSON,
    qa_question VARCHAR, qa_answer VARCHAR);
-- Build history: what each build of a deck added, changed and removed (`qbank diff`).
CREATE TABLE IF NOT EXISTS builds (
    build_id VARCHAR PRIMARY KEY, deck_id VARCHAR, started_at TIMESTAMP, finished_at TIMESTAMP, mode VARCHAR,
    n_cards INTEGER, n_processed INTEGER, n_added INTEGER, n_changed INTEGER, n_removed INTEGER, n_unchanged INTEGER);
CREATE TABLE IF NOT EXISTS question_changes (
    build_id VARCHAR, deck_id VARCHAR, question_id VARCHAR, change VARCHAR, type VARCHAR, card_index INTEGER,
    line INTEGER, stem_before VARCHAR, stem_after VARCHAR, answer_before VARCHAR, answer_after VARCHAR,
    status_before VARCHAR, status_after VARCHAR);
-- Learner data: not in DECK_TABLES, so deck rebuilds keep it (question IDs are stable).
CREATE TABLE IF NOT EXISTS responses (
    response_id VARCHAR PRIMARY KEY, learner_id VARCHAR, question_id VARCHAR, correct BOOLEAN,
    response VARCHAR, answered_at TIMESTAMP, source VARCHAR, grade_reason VARCHAR);
CREATE TABLE IF NOT EXISTS item_stats (
    question_id VARCHAR PRIMARY KEY, n_responses INTEGER, facility DOUBLE, discrimination DOUBLE,
    discriminative_efficiency DOUBLE, b DOUBLE, b_se DOUBLE, flag VARCHAR, prior_b DOUBLE,
    difficulty DOUBLE, band VARCHAR);
-- Exam sets: not in DECK_TABLES either; an exam names questions by their stable IDs.
CREATE TABLE IF NOT EXISTS exam_sets (
    exam_id VARCHAR, name VARCHAR, seed BIGINT, count INTEGER, types VARCHAR[], difficulty_mix JSON,
    per_subject INTEGER, deck_ids VARCHAR[], n_items INTEGER);
CREATE TABLE IF NOT EXISTS exam_items (
    exam_id VARCHAR, position INTEGER, question_id VARCHAR, band VARCHAR, subject VARCHAR);
"""

# Columns added to a table after banks with it were built: CREATE TABLE IF NOT
# EXISTS leaves an existing table as it is, so a read-write open adds them.
ADDED_COLUMNS = (
    ("questions", "content_hash", "VARCHAR"), ("questions", "revision", "INTEGER DEFAULT 0"),
    ("questions", "quality", "DOUBLE"), ("questions", "prior_b", "DOUBLE"), ("questions", "stem_key", "VARCHAR"),
    ("questions", "near_key", "VARCHAR"), ("cards", "content_hash", "VARCHAR"), ("cards", "input_hash", "VARCHAR"),
    ("cards", "origin", "JSON"), ("questions", "line_index", "INTEGER DEFAULT 0"),
) + tuple(("question_features", name, "VARCHAR" if name in CATEGORICAL_FEATURES else "DOUBLE") for name in FEATURES)


@dataclass(frozen=True)
class DeckBuild:
    """Everything one deck's build writes: the unit of replacement in the bank."""

    deck: Deck
    settings_hash: str
    card_facts: tuple[CardFacts, ...]
    questions: tuple[Question, ...]
    features: tuple[dict[str, Any], ...] = ()   # one row per question: question_id + feature columns


@dataclass(frozen=True)
class BuildChanges:
    """What one build did to a deck's questions (stored in `builds`; rows in `question_changes`)."""

    build_id: str
    deck_id: str
    mode: str                 # full | incremental
    n_cards: int
    n_processed: int          # cards extracted and generated again
    n_added: int
    n_changed: int            # content or gate verdict changed
    n_removed: int
    n_unchanged: int


class Store:
    """One DuckDB connection per process; each thread gets its own cursor.

    A read-write store creates the bank when it is missing, unless `create` is
    False: commands that add to a built bank (responses, exams) must not leave
    an empty bank behind a mistyped `--db`.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False, create: bool = True) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.create = create and not read_only
        self._lock = threading.RLock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._build_cursor: duckdb.DuckDBPyConnection | None = None

    # -- connection ---------------------------------------------------------
    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            if self._con is None:
                self._con = self._connect()
            return self._con

    def _connect(self) -> duckdb.DuckDBPyConnection:
        if not self.create and not self.path.exists():
            raise StoreError(f"{self.path}: no bank here; build one first with `qbank build DECK --db {self.path}`")
        if not self.read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            con = duckdb.connect(str(self.path), read_only=self.read_only,
                                 config={"memory_limit": MEMORY_LIMIT, **({} if self.read_only else WRITER_CONFIG)})
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: cannot open the bank ({e}); is another qbank writing to it?") from e
        if self.read_only:
            self._check_version(con)
        else:
            self._migrate(con)
        return con

    def _check_version(self, con: duckdb.DuckDBPyConnection) -> None:
        try:
            row = con.execute("SELECT value FROM schema_info WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException as e:
            raise StoreError(f"{self.path}: not a qbank bank (no schema_info table)") from e
        if row is None or int(row[0]) != SCHEMA_VERSION:
            found = row[0] if row else "none"
            raise StoreError(
                f"{self.path}: bank schema version {found}, this qbank needs {SCHEMA_VERSION}; "
                "rebuild the bank with `qbank build` into a new --db"
            )

    def _migrate(self, con: duckdb.DuckDBPyConnection) -> None:
        con.execute(SCHEMA)
        for table, column, sql_type in ADDED_COLUMNS:
            con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {sql_type}")
        row = con.execute("SELECT value FROM schema_info WHERE key = 'schema_version'").fetchone()
        if row is None:
            con.execute("INSERT INTO schema_info VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        else:
            self._check_version(con)
        apply_views(con)  # the documented views are part of the schema (views.py)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.con.cursor()

    def close(self) -> None:
        with self._lock:
            self._build_cursor = None
            if self._con is not None:
                self._con.close()
                self._con = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def _builder(self) -> duckdb.DuckDBPyConnection:
        """The one cursor a build stages and commits through: temporary tables belong to their cursor."""
        with self._lock:
            if self._build_cursor is None:
                self._build_cursor = self.cursor()
            return self._build_cursor

    @contextmanager
    def transaction(self, cur: duckdb.DuckDBPyConnection | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        """All or nothing: on any error the bank is left as it was."""
        cur = cur if cur is not None else self.cursor()
        cur.execute("BEGIN TRANSACTION")
        try:
            yield cur
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        else:
            cur.execute("COMMIT")

    # -- writes -------------------------------------------------------------
    def deck_fingerprint(self, deck_id: str) -> tuple[str, str] | None:
        """(content_hash, settings_hash) of the deck's last build, or None."""
        stored = self.stored_deck(deck_id)
        return stored[:2] if stored else None

    def stored_deck(self, deck_id: str) -> tuple[str, str, int] | None:
        """(content_hash, settings_hash, cards) of the deck's last build, or None."""
        row = self.cursor().execute(
            "SELECT content_hash, settings_hash, n_cards FROM decks WHERE deck_id = ?", [deck_id]).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def known(self, deck_id: str, settings_hash: str) -> Known:
        """What a rebuild of the deck can keep: its cards' content hashes (`rows.card_hash`), and their texts
        as written while `settings_hash` (settings and qbank's code) is the one the deck was last built with."""
        cur = self.cursor()
        contents = {r[0] for r in cur.execute("SELECT content_hash FROM cards WHERE deck_id = ?", [deck_id]).fetchall()}
        texts = {h: KnownText(key, offset, content,
                              tuple(map(tuple, json.loads(terms))) if terms else (),  # type: ignore[arg-type]
                              (question, answer) if question is not None else None)
                 for h, key, offset, content, terms, question, answer in cur.execute(
                     "SELECT t.text_hash, t.card_key, t.line_offset, t.content_hash, t.terms, t.qa_question, t.qa_answer "
                     "FROM card_texts t JOIN decks d USING (deck_id) WHERE deck_id = ? AND d.settings_hash = ?",
                     [deck_id, settings_hash]).fetchall()}
        return Known(contents, texts)

    def stage(self, batch: BatchTables) -> None:
        """Add a processed batch to this connection's staging tables (nothing visible until `replace_deck`)."""
        cur = self._builder
        with _within_memory("staging a batch"):
            self._stage(cur, batch)

    def _stage(self, cur: duckdb.DuckDBPyConnection, batch: BatchTables) -> None:
        for name, table in batch.tables:
            cur.execute(f"CREATE TEMP TABLE IF NOT EXISTS _stage_{name} AS SELECT * FROM {name} LIMIT 0")
            if table.num_rows:
                cur.register("_rows", table)
                cur.execute(f"INSERT INTO _stage_{name} BY NAME SELECT * FROM _rows")
                cur.unregister("_rows")

    def discard_staged(self) -> None:
        """Forget staged batches (a deck whose build failed half-way must not leak into the next commit)."""
        for name in TABLE_SCHEMAS:
            self._builder.execute(f"DROP TABLE IF EXISTS _stage_{name}")

    def plan(self, deck_id: str, scan: pa.Table, *, force: bool = False) -> set[str] | None:
        """The IDs of the scanned cards a build must process: new cards and cards whose inputs changed.

        `scan` holds every card of the deck (`rows.SCAN_SCHEMA`); a card whose
        `input_hash` is stored already keeps its rows. None means every card
        (`force`, or a deck the bank does not hold yet), without listing them.
        """
        cur = self.cursor()
        if force or not _count(cur, "SELECT count(*) FROM cards WHERE deck_id = ?", [deck_id]):
            return None
        cur.register("_scan", scan)
        try:
            rows = cur.execute(
                "SELECT s.card_id FROM _scan s LEFT JOIN (SELECT card_id, input_hash FROM cards WHERE deck_id = ?) c "
                "USING (card_id) WHERE c.input_hash IS DISTINCT FROM s.input_hash", [deck_id]).fetchall()
        finally:
            cur.unregister("_scan")
        return {r[0] for r in rows}

    def replace_deck(self, deck: Mapping[str, Any], scan: pa.Table, *, mode: str = "full",
                     judge_duplicates: bool = True) -> BuildChanges:
        """Commit the staged batches as the deck's new content, in one transaction.

        Cards in `scan` that were not staged keep their rows (moved to their new
        index and lines); cards no longer in `scan` go; duplicates, the deck-level
        difficulty term and the build's changes are worked out over the whole
        deck. Readers see the old deck or the new one, never a half; on any
        error the bank is left as it was.
        """
        deck_id = deck["deck_id"]
        build_id = stable_id(deck_id, deck.get("content_hash"), deck.get("settings_hash"), mode, datetime.now(timezone.utc).isoformat())
        started = datetime.now(timezone.utc).replace(tzinfo=None)
        for name in TABLE_SCHEMAS:   # a batch-less build (no card changed) still commits
            self._builder.execute(f"CREATE TEMP TABLE IF NOT EXISTS _stage_{name} AS SELECT * FROM {name} LIMIT 0")
        with _within_memory(f"committing deck {deck_id}"), self.transaction(self._builder) as cur:
            return self._replace(cur, deck, scan, deck_id, build_id, started, mode, judge_duplicates)

    def _replace(self, cur: duckdb.DuckDBPyConnection, deck: Mapping[str, Any], scan: pa.Table, deck_id: str,
                 build_id: str, started: datetime, mode: str, judge_duplicates: bool) -> BuildChanges:
        """`replace_deck`'s statements, inside its transaction."""
        cur.register("_scan_rows", scan)
        cur.execute("CREATE OR REPLACE TEMP TABLE _scan AS SELECT * FROM _scan_rows")
        cur.unregister("_scan_rows")
        existed = _count(cur, "SELECT count(*) FROM decks WHERE deck_id = ?", [deck_id]) > 0
        processed = _count(cur, "SELECT count(*) FROM _stage_cards")
        cur.execute("CREATE OR REPLACE TEMP TABLE _old AS SELECT question_id, type, card_index, line, stem, answer, "
                    "status, content_hash, revision FROM questions WHERE deck_id = ?", [deck_id])
        cur.execute("CREATE OR REPLACE TEMP TABLE _gone AS SELECT card_id FROM cards WHERE deck_id = ? AND "
                    "(card_id IN (SELECT card_id FROM _stage_cards) OR card_id NOT IN (SELECT card_id FROM _scan))",
                    [deck_id])
        gone_questions = "SELECT question_id FROM questions WHERE deck_id = ? AND card_id IN (SELECT card_id FROM _gone)"
        for table in ("options", "question_features"):
            cur.execute(f"DELETE FROM {table} WHERE question_id IN ({gone_questions})", [deck_id])
        for table in ("questions", "service_mentions", "facts", "cards"):
            cur.execute(f"DELETE FROM {table} WHERE deck_id = ? AND card_id IN (SELECT card_id FROM _gone)", [deck_id])
        _move_cards(cur, deck_id)
        # Deck-wide verdicts (duplicates, the difficulty's deck term) are worked out before the staged rows go in,
        # which then carry them: no update of every row of a large deck (DuckDB holds an update's old values in
        # memory until the commit); kept rows are updated only where their verdict changed.
        _deck_verdicts(cur, deck_id, judge_duplicates)
        for table in TABLE_SCHEMAS:
            cur.execute(f"INSERT INTO {table} BY NAME {_STAGED.get(table) or f'SELECT * FROM _stage_{table}'}")
            cur.execute(f"DROP TABLE _stage_{table}")
        _update_kept(cur)
        cur.execute("DELETE FROM card_texts WHERE deck_id = ?", [deck_id])
        cur.execute("INSERT INTO card_texts SELECT DISTINCT ?, text_hash, card_key, line_offset, content_hash, terms, "
                    "qa_question, qa_answer FROM _scan WHERE text_hash IS NOT NULL", [deck_id])
        cur.execute("DELETE FROM decks WHERE deck_id = ?", [deck_id])
        cur.register("_deck", arrow([deck], DECK_SCHEMA))
        cur.execute("INSERT INTO decks BY NAME SELECT * FROM _deck")
        cur.unregister("_deck")
        _check_unique_ids(cur, deck_id)
        changes = _record_changes(cur, deck_id, build_id, started, mode, processed, record_rows=existed)
        for temp in ("_scan", "_old", "_gone", "_verdicts"):
            cur.execute(f"DROP TABLE {temp}")
        return changes

    def write_build(self, build: DeckBuild) -> dict[str, int]:
        """Replace the deck's rows with a whole in-memory build (hand-made banks and tests), in one transaction.

        The questions are stored as given: their gate verdicts stand (no duplicate judging).

        Returns the number of rows written per table.
        """
        deck = build.deck
        tables = batch_tables(deck.deck_id, build.card_facts, build.questions, build.features)
        scan = arrow([scan_row(c, "") for c in deck.cards], SCAN_SCHEMA)
        self.stage(tables)
        self.replace_deck(_deck_row(deck, build.settings_hash), scan, judge_duplicates=False)
        return {name: table.num_rows for name, table in tables.tables}

    def last_build(self, deck_id: str | None = None, build_id: str | None = None) -> BuildChanges | None:
        """A past build's counts (the newest, or the one named), or None."""
        where, params = ("build_id = ?", [build_id]) if build_id else (("deck_id = ?", [deck_id]) if deck_id else ("true", []))
        rows = _dicts(self.cursor().execute(
            f"SELECT * FROM builds WHERE {where} ORDER BY finished_at DESC, build_id LIMIT 1", params))
        return BuildChanges(**{k: rows[0][k] for k in BuildChanges.__dataclass_fields__}) if rows else None

    def question_changes(self, build_id: str) -> pd.DataFrame:
        """What one build changed, question by question (empty for a deck's first build)."""
        return self.cursor().execute(
            "SELECT * FROM question_changes WHERE build_id = ? ORDER BY change, card_index, line, type, question_id",
            [build_id]).df()

    # -- reads --------------------------------------------------------------
    def load_questions(
        self,
        *,
        deck_id: str | None = None,
        question_ids: Sequence[str] | None = None,
        status: str | None = "accepted",
        qtype: str | None = None,
        subject: str | None = None,
        min_quality: float | None = None,
        limit: int | None = None,
    ) -> list[Question]:
        """Questions with their options, in a stable order (deck, card, line, id).

        `subject` matches case-insensitively and in part ("lambda" finds "AWS Lambda").
        """
        where: list[str] = []
        params: list[Any] = []
        if qtype is not None:
            where.append("q.type = ?")
            params.append(qtype)
        if subject is not None:
            where.append("q.subject ILIKE ?")
            params.append(f"%{subject}%")
        if min_quality is not None:
            where.append("q.quality >= ?")
            params.append(min_quality)
        if deck_id is not None:
            where.append("q.deck_id = ?")
            params.append(deck_id)
        if status is not None:
            where.append("q.status = ?")
            params.append(status)
        if question_ids is not None:
            where.append("list_contains(?, q.question_id)")
            params.append(list(question_ids))
        sql = "SELECT * FROM questions q"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY q.deck_id, q.card_index, q.line, q.type, q.question_id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        cur = self.cursor()
        rows = _dicts(cur.execute(sql, params))
        ids = [r["question_id"] for r in rows]
        options: dict[str, list[Option]] = {}
        if ids:
            for o in _dicts(cur.execute(
                "SELECT * FROM options WHERE list_contains(?, question_id) ORDER BY question_id, position", [ids]
            )):
                options.setdefault(o["question_id"], []).append(
                    Option(position=o["position"], text=o["text"], is_correct=o["is_correct"], value=o["value"])
                )
        return [_question(r, tuple(options.get(r["question_id"], ()))) for r in rows]

    def question_ids(self) -> list[str]:
        """Every question's ID, whatever its status (for matching imported responses)."""
        return [r[0] for r in self.cursor().execute("SELECT question_id FROM questions ORDER BY question_id").fetchall()]

    def deck_ids(self) -> list[str]:
        return [r[0] for r in self.cursor().execute("SELECT deck_id FROM decks ORDER BY deck_id").fetchall()]

    # -- responses and calibration --------------------------------------------
    def write_responses(self, rows: Sequence[dict[str, Any]]) -> int:
        """Add responses, skipping any already stored (same `response_id`); returns how many were added."""
        if not rows:
            return 0
        table = arrow(list(rows), RESPONSE_SCHEMA)
        with self.transaction() as cur:
            before = cur.execute("SELECT count(*) FROM responses").fetchall()[0][0]
            cur.register("_rows", table)
            cur.execute("INSERT INTO responses BY NAME SELECT DISTINCT ON (response_id) * FROM _rows "
                        "WHERE response_id NOT IN (SELECT response_id FROM responses)")
            cur.unregister("_rows")
            after = cur.execute("SELECT count(*) FROM responses").fetchall()[0][0]
        return int(after - before)

    def load_responses(self) -> pd.DataFrame:
        """All responses, oldest first (rows without a time keep their import order last)."""
        return self.cursor().execute(
            "SELECT * FROM responses ORDER BY answered_at NULLS LAST, learner_id, question_id, response_id"
        ).df()

    def set_grades(self, grades: pd.DataFrame) -> None:
        """Store verdicts: a frame of `response_id`, `correct`, `grade_reason`."""
        with self.transaction() as cur:
            cur.register("_grades", pa.Table.from_pandas(grades[["response_id", "correct", "grade_reason"]], preserve_index=False))
            cur.execute("UPDATE responses SET correct = g.correct, grade_reason = g.grade_reason "
                        "FROM _grades g WHERE responses.response_id = g.response_id")
            cur.unregister("_grades")

    def write_item_stats(self, stats: pd.DataFrame) -> None:
        """Replace the items' statistics and copy their blended difficulty into `questions`, in one transaction."""
        with self.transaction() as cur:
            cur.register("_stats", pa.Table.from_pandas(stats, preserve_index=False))
            cur.execute("DELETE FROM item_stats WHERE question_id IN (SELECT question_id FROM _stats)")
            cur.execute("INSERT INTO item_stats BY NAME SELECT * FROM _stats")
            cur.execute("UPDATE questions SET difficulty = s.difficulty FROM _stats s "
                        "WHERE questions.question_id = s.question_id")
            cur.unregister("_stats")

    def load_item_stats(self) -> pd.DataFrame:
        return self.cursor().execute("SELECT * FROM item_stats ORDER BY question_id").df()

    def load_features(self) -> pd.DataFrame:
        """Stored feature rows with each question's card (for validation grouped by card)."""
        return self.cursor().execute(
            "SELECT f.*, q.card_id FROM question_features f JOIN questions q USING (question_id) ORDER BY question_id"
        ).df()

    # -- exams ----------------------------------------------------------------
    def save_exam(self, exam: ExamSet) -> None:
        """Store an exam, replacing any exam of the same name, in one transaction."""
        head = pa.Table.from_pylist([{
            "exam_id": exam.exam_id, "name": exam.name, "seed": exam.seed, "count": exam.count,
            "types": list(exam.types), "difficulty_mix": json.dumps(dict(exam.difficulty_mix), sort_keys=True),
            "per_subject": exam.per_subject, "deck_ids": list(exam.deck_ids), "n_items": len(exam.items),
        }], schema=EXAM_SCHEMA)
        items = arrow([{"exam_id": exam.exam_id, **asdict(i)} for i in exam.items], EXAM_ITEM_SCHEMA)
        with self.transaction() as cur:
            cur.execute("DELETE FROM exam_items WHERE exam_id IN (SELECT exam_id FROM exam_sets WHERE name = ?) "
                        "OR exam_id = ?", [exam.name, exam.exam_id])
            cur.execute("DELETE FROM exam_sets WHERE name = ? OR exam_id = ?", [exam.name, exam.exam_id])
            for name, table in (("exam_sets", head), ("exam_items", items)):
                cur.register("_rows", table)
                cur.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _rows")
                cur.unregister("_rows")

    def load_exam(self, name: str) -> ExamSet:
        """The stored exam called `name`.

        Raises:
            ExamError: no exam has that name (the message lists the stored ones).
        """
        from .exams import ExamItem, ExamSet

        cur = self.cursor()
        rows = _dicts(cur.execute("SELECT * FROM exam_sets WHERE name = ?", [name]))
        if not rows:
            raise ExamError(value_invalid_msg("exam", name, self.exam_names() or ["(none yet: qbank exam create)"]))
        head = rows[0]
        items = tuple(ExamItem(r["position"], r["question_id"], r["band"], r["subject"]) for r in _dicts(cur.execute(
            "SELECT position, question_id, band, subject FROM exam_items WHERE exam_id = ? ORDER BY position",
            [head["exam_id"]])))
        mix = json.loads(head["difficulty_mix"] or "{}")
        return ExamSet(
            exam_id=head["exam_id"], name=head["name"], seed=head["seed"], count=head["count"],
            types=tuple(head["types"] or ()), difficulty_mix=tuple(sorted(mix.items())),
            per_subject=head["per_subject"], deck_ids=tuple(head["deck_ids"] or ()), items=items,
        )

    def exam_names(self) -> list[str]:
        return [r[0] for r in self.cursor().execute("SELECT name FROM exam_sets ORDER BY name").fetchall()]

    def alias_pairs(self) -> list[tuple[str, str]]:
        """(surface form, canonical service) pairs the bank's decks use, for grading text answers."""
        return [(r[0], r[1]) for r in self.cursor().execute(
            "SELECT DISTINCT text, service FROM service_mentions ORDER BY 1, 2").fetchall()]


# -- deck replacement, in SQL ---------------------------------------------------

_LINE_TABLES = ("facts", "service_mentions", "questions")


def _move_cards(cur: duckdb.DuckDBPyConnection, deck_id: str) -> None:
    """Kept cards whose place changed (an edit above them) take their new index and lines."""
    cur.execute("""
        CREATE OR REPLACE TEMP TABLE _moved AS
        SELECT c.card_id, s.card_index, s.first_line - c.first_line AS shift
        FROM cards c JOIN _scan s USING (card_id)
        WHERE c.deck_id = ? AND (c.card_index != s.card_index OR c.first_line != s.first_line)""", [deck_id])
    if not _count(cur, "SELECT count(*) FROM _moved"):
        cur.execute("DROP TABLE _moved")
        return
    cur.execute("""
        UPDATE cards SET card_index = m.card_index, first_line = first_line + m.shift,
               line_numbers = list_transform(line_numbers, lambda x: x + m.shift)
        FROM _moved m WHERE cards.card_id = m.card_id""")
    for table in _LINE_TABLES:
        cur.execute(f"UPDATE {table} SET card_index = m.card_index, line = line + m.shift "
                    f"FROM _moved m WHERE {table}.card_id = m.card_id")
    cur.execute("DROP TABLE _moved")


@contextmanager
def _within_memory(doing: str) -> Iterator[None]:
    """DuckDB running out of the memory the bank may use, as a message that says what to do."""
    try:
        yield
    except duckdb.OutOfMemoryException as e:
        raise StoreError(f"{doing} needs more memory than the bank may use ({MEMORY_LIMIT}); the bank is as it "
                         "was. Build again with a larger cap, e.g. QBANK_DB_MEMORY=4GB qbank build …") from e


_ID_COLUMNS = (("cards", "card_id"), ("facts", "fact_id"), ("questions", "question_id"),
               ("question_features", "question_id"))


def _check_unique_ids(cur: duckdb.DuckDBPyConnection, deck_id: str) -> None:
    """What the tables' keys would enforce: no ID twice (a build that made one rolls back whole)."""
    for table, column in _ID_COLUMNS:
        twice = cur.execute(f"SELECT {column} FROM {table} WHERE deck_id = ? GROUP BY 1 HAVING count(*) > 1 LIMIT 1",
                            [deck_id]).fetchone()
        if twice:
            raise StoreError(f"{table}: {column} {twice[0]!r} would be stored twice; the bank is left as it was. "
                             "This is a qbank bug: please report it with the deck")


# A staged question goes in with its verdict, its revision counted on from the question it replaces.
_STAGED: Final = {
    "questions": """
        SELECT s.* REPLACE (v.status AS status, v.reject_reason AS reject_reason, v.difficulty AS difficulty,
            CASE WHEN o.question_id IS NULL THEN s.revision WHEN o.content_hash IS NULL THEN coalesce(o.revision, 0) + 1
                 WHEN o.content_hash = s.content_hash THEN o.revision ELSE o.revision + 1 END AS revision)
        FROM _stage_questions s JOIN _verdicts v USING (question_id) LEFT JOIN _old o USING (question_id)""",
    "question_features": """
        SELECT f.* REPLACE (v.mentions AS answer_card_mentions)
        FROM _stage_question_features f JOIN _verdicts v USING (question_id)""",
}


def _deck_verdicts(cur: duckdb.DuckDBPyConnection, deck_id: str, judge_duplicates: bool) -> None:
    """`_verdicts`: each question of the deck (kept and staged) with its status, reject reason, difficulty and
    deck-level mentions term, worked out over the whole deck.

    Duplicates (`judge_duplicates`): an accepted question that repeats an earlier accepted one is rejected;
    earlier means first in (card, line in the card, type, id) order, repeats the same stem key or the same
    near key (`rows.duplicate_keys`). Difficulty: the prior plus how many other cards state the answer
    (`MENTIONS_WEIGHT`), unless real responses have calibrated it (question IDs are stable).
    """
    # (a question judged a duplicate before is judged again: it may be the first of its key now)
    again = "$judge AND coalesce(starts_with(reject_reason, 'duplicate:'), false)"
    columns = ("question_id, fact_id, answer, card_index, line_index, type, prior_b, difficulty, md5_number(stem_key) AS sk, "
               f"md5_number(near_key) AS nk, CASE WHEN {again} THEN 'accepted' ELSE status END AS status, "
               f"CASE WHEN {again} THEN NULL ELSE reject_reason END AS reject_reason")
    cur.execute(f"""
        CREATE OR REPLACE TEMP TABLE _deck_q AS
        SELECT false AS staged, {columns} FROM questions WHERE deck_id = $deck
        UNION ALL SELECT true, {columns} FROM _stage_questions""", {"deck": deck_id, "judge": judge_duplicates})
    if judge_duplicates:
        _repeats(cur)
    else:
        cur.execute("CREATE OR REPLACE TEMP TABLE _repeats (question_id VARCHAR, reason VARCHAR)")
    cur.execute(f"""
        CREATE OR REPLACE TEMP TABLE _verdicts AS
        WITH facts_now AS (
            SELECT fact_id, card_id, value, unit FROM facts WHERE deck_id = $deck
            UNION ALL SELECT fact_id, card_id, value, unit FROM _stage_facts),
        mentions_now AS (
            SELECT card_id, service FROM service_mentions WHERE deck_id = $deck
            UNION ALL SELECT card_id, service FROM _stage_service_mentions),
        value_cards AS (SELECT round(value, 9) AS v, unit, count(DISTINCT card_id) AS n FROM facts_now GROUP BY ALL),
        service_cards AS (SELECT lower(service) AS s, count(DISTINCT card_id) AS n FROM mentions_now GROUP BY ALL),
        mentions AS (
            SELECT q.question_id, greatest(coalesce(vc.n, sc.n, 0) - 1, 0)::DOUBLE AS m
            FROM _deck_q q
            LEFT JOIN facts_now f ON f.fact_id = q.fact_id
            LEFT JOIN value_cards vc ON vc.v = round(f.value, 9) AND vc.unit IS NOT DISTINCT FROM f.unit
            LEFT JOIN service_cards sc ON q.fact_id IS NULL AND sc.s = lower(q.answer))
        SELECT q.question_id, q.staged, m.m AS mentions,
               CASE WHEN r.question_id IS NULL THEN q.status ELSE 'rejected' END AS status,
               coalesce(r.reason, q.reject_reason) AS reject_reason,
               coalesce(s.difficulty, CASE WHEN q.prior_b IS NULL THEN q.difficulty
                   ELSE round(1 / (1 + exp(-(q.prior_b + {MENTIONS_WEIGHT} * ln(1 + m.m)))), 4) END) AS difficulty
        FROM _deck_q q JOIN mentions m USING (question_id) LEFT JOIN _repeats r USING (question_id)
        LEFT JOIN (SELECT question_id, difficulty FROM item_stats WHERE difficulty IS NOT NULL) s USING (question_id)""",
                {"deck": deck_id})
    for temp in ("_deck_q", "_repeats"):
        cur.execute(f"DROP TABLE {temp}")


def _repeats(cur: duckdb.DuckDBPyConnection) -> None:
    """`_repeats`: the accepted questions of `_deck_q` that repeat an earlier one, with the reason.

    The first question of each key by aggregates (they spill to disk; window functions over every row of a large
    deck do not); keys are grouped by their 128-bit digest, not their text, and a large deck's go through in
    slices (by digest), so each aggregate's hash table stays small.
    """
    order = "printf('%010d%06d%s%s', card_index, line_index, type, question_id)"
    slices = _count(cur, "SELECT count(*) FROM _deck_q WHERE status = 'accepted'") // DUPLICATE_SLICE_ROWS + 1
    for key in ("sk", "nk"):
        cur.execute(f"CREATE OR REPLACE TEMP TABLE _first_{key} (k UHUGEINT, first VARCHAR)")
        for part in range(slices):
            cur.execute(f"""
                INSERT INTO _first_{key}
                SELECT {key} AS k, arg_min(question_id, {order}) AS first
                FROM _deck_q WHERE status = 'accepted' AND {key} % $n = $part
                GROUP BY 1 HAVING count(*) > 1""", {"n": slices, "part": part})
    cur.execute("CREATE OR REPLACE TEMP TABLE _repeat_keys (question_id VARCHAR, rank INTEGER, reason VARCHAR)")
    for rank, (key, said) in enumerate((("sk", "same stem as"), ("nk", "nearly the same question as"))):
        for part in range(slices):
            cur.execute(f"""
                INSERT INTO _repeat_keys
                SELECT q.question_id, {rank}, 'duplicate: {said} ' || f.first
                FROM _deck_q q JOIN (SELECT * FROM _first_{key} WHERE k % $n = $part) f ON f.k = q.{key}
                WHERE q.status = 'accepted' AND q.{key} % $n = $part AND f.first <> q.question_id""",
                        {"n": slices, "part": part})
    cur.execute("CREATE OR REPLACE TEMP TABLE _repeats AS "
                "SELECT question_id, arg_min(reason, rank) AS reason FROM _repeat_keys GROUP BY 1")
    for temp in ("_first_sk", "_first_nk", "_repeat_keys"):
        cur.execute(f"DROP TABLE {temp}")


def _update_kept(cur: duckdb.DuckDBPyConnection) -> None:
    """Kept questions (their cards unchanged) take the verdicts the new deck gives them, where those changed."""
    cur.execute("""
        UPDATE questions SET status = v.status, reject_reason = v.reject_reason, difficulty = v.difficulty
        FROM _verdicts v WHERE questions.question_id = v.question_id AND NOT v.staged
          AND (questions.status IS DISTINCT FROM v.status OR questions.reject_reason IS DISTINCT FROM v.reject_reason
               OR questions.difficulty IS DISTINCT FROM v.difficulty)""")
    cur.execute("""
        UPDATE question_features SET answer_card_mentions = v.mentions
        FROM _verdicts v WHERE question_features.question_id = v.question_id AND NOT v.staged
          AND question_features.answer_card_mentions IS DISTINCT FROM v.mentions""")


def _record_changes(cur: duckdb.DuckDBPyConnection, deck_id: str, build_id: str, started: datetime, mode: str,
                    processed: int, *, record_rows: bool) -> BuildChanges:
    """Compare the deck's questions with `_old` and store the build: counts always, rows after a first build."""
    diff = """
        SELECT coalesce(n.question_id, o.question_id) AS question_id,
               CASE WHEN o.question_id IS NULL THEN 'added' WHEN n.question_id IS NULL THEN 'removed'
                    ELSE 'changed' END AS change,
               coalesce(n.type, o.type) AS type, coalesce(n.card_index, o.card_index) AS card_index,
               coalesce(n.line, o.line) AS line, o.stem AS stem_before, n.stem AS stem_after,
               o.answer AS answer_before, n.answer AS answer_after, o.status AS status_before, n.status AS status_after
        FROM (SELECT * FROM questions WHERE deck_id = ?) n FULL OUTER JOIN _old o USING (question_id)
        WHERE o.question_id IS NULL OR n.question_id IS NULL OR o.content_hash IS DISTINCT FROM n.content_hash
           OR o.status IS DISTINCT FROM n.status"""
    cur.execute(f"CREATE OR REPLACE TEMP TABLE _diff AS {diff}", [deck_id])
    counts = dict(cur.execute("SELECT change, count(*) FROM _diff GROUP BY change").fetchall())
    total = _count(cur, "SELECT count(*) FROM questions WHERE deck_id = ?", [deck_id])
    n_cards = _count(cur, "SELECT count(*) FROM _scan")
    changes = BuildChanges(
        build_id=build_id, deck_id=deck_id, mode=mode, n_cards=n_cards, n_processed=processed,
        n_added=counts.get("added", 0), n_changed=counts.get("changed", 0), n_removed=counts.get("removed", 0),
        n_unchanged=total - counts.get("added", 0) - counts.get("changed", 0),
    )
    cur.execute("INSERT INTO builds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        build_id, deck_id, started, datetime.now(timezone.utc).replace(tzinfo=None), mode, changes.n_cards,
        changes.n_processed, changes.n_added, changes.n_changed, changes.n_removed, changes.n_unchanged])
    if record_rows:
        cur.execute("INSERT INTO question_changes BY NAME SELECT ? AS build_id, ? AS deck_id, * FROM _diff",
                    [build_id, deck_id])
    cur.execute("DROP TABLE _diff")
    return changes


def _deck_row(deck: Deck, settings_hash: str) -> dict[str, Any]:
    """The `decks` row of a deck read for a build."""
    return {"deck_id": deck.deck_id, "name": deck.name, "path": deck.path, "content_hash": deck.content_hash,
            "settings_hash": settings_hash, "n_cards": len(deck.cards), "n_skipped": len(deck.issues),
            "issues": [str(i) for i in deck.issues]}


def _count(cur: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> int:
    rows = cur.execute(sql, list(params)).fetchall()
    return int(rows[0][0]) if rows else 0


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _question(row: dict[str, Any], options: tuple[Option, ...]) -> Question:
    extra = json.loads(row.pop("extra") or "{}")
    row["revision"] = row.get("revision") or 0
    fields = {k: row[k] for k in Question.__dataclass_fields__ if k in row and k not in ("options", "extra")}
    return Question(**fields, options=options, extra=tuple(sorted(extra.items())))
