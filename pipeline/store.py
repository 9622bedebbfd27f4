"""The DuckDB bank: schema, transactional deck replacement, and reads.

Only this module (and `exporters/`) touches the database. Writes are bulk:
rows become one Arrow table per table and go in with `INSERT … BY NAME SELECT`.
A deck's build replaces that deck's rows in one transaction, so a failed build
leaves the previous bank exactly as it was.
"""
from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pandas as pd
import pyarrow as pa

from .analytics import apply_views
from .errors import ExamError, StoreError, value_invalid_msg
from .ids import stable_id
from .types import CardFacts, Deck, Option, Question

if TYPE_CHECKING:   # exams imports the difficulty model; load it only when an exam is read
    from .exams import ExamSet

__all__ = ["SCHEMA_VERSION", "DeckBuild", "Store"]

SCHEMA_VERSION = 1

# Tables a deck build replaces, child tables first.
DECK_TABLES = ("options", "question_features", "questions", "service_mentions", "facts", "cards", "decks")

SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_info (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS decks (
    deck_id VARCHAR PRIMARY KEY, name VARCHAR, path VARCHAR, content_hash VARCHAR,
    settings_hash VARCHAR, n_cards INTEGER, n_skipped INTEGER, issues VARCHAR[]);
CREATE TABLE IF NOT EXISTS cards (
    card_id VARCHAR PRIMARY KEY, deck_id VARCHAR, card_index INTEGER, title VARCHAR,
    answer VARCHAR, quiz_answer VARCHAR, quiz_note VARCHAR, first_line INTEGER, line_numbers INTEGER[], origin JSON);
CREATE TABLE IF NOT EXISTS facts (
    fact_id VARCHAR PRIMARY KEY, deck_id VARCHAR, card_id VARCHAR, card_index INTEGER, line INTEGER,
    text VARCHAR, value DOUBLE, unit VARCHAR, kind VARCHAR, start_char INTEGER, end_char INTEGER,
    source_value DOUBLE, source_unit VARCHAR, bound VARCHAR, role VARCHAR, fact_group VARCHAR,
    attribute VARCHAR, subject VARCHAR, context VARCHAR);
CREATE TABLE IF NOT EXISTS service_mentions (
    deck_id VARCHAR, card_id VARCHAR, card_index INTEGER, line INTEGER, text VARCHAR,
    service VARCHAR, start_char INTEGER, end_char INTEGER, source VARCHAR);
CREATE TABLE IF NOT EXISTS questions (
    question_id VARCHAR PRIMARY KEY, deck_id VARCHAR, card_id VARCHAR, card_index INTEGER,
    fact_id VARCHAR, line INTEGER, type VARCHAR, stem VARCHAR, answer VARCHAR,
    answer_value DOUBLE, answer_unit VARCHAR, subject VARCHAR, generator VARCHAR,
    generator_version VARCHAR, reason VARCHAR, status VARCHAR, reject_reason VARCHAR,
    difficulty DOUBLE, extra JSON, content_hash VARCHAR, revision INTEGER);
CREATE TABLE IF NOT EXISTS options (
    question_id VARCHAR, deck_id VARCHAR, position INTEGER, text VARCHAR, value DOUBLE, is_correct BOOLEAN);
CREATE TABLE IF NOT EXISTS question_features (question_id VARCHAR PRIMARY KEY, deck_id VARCHAR);
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
ADDED_COLUMNS = (("questions", "content_hash", "VARCHAR"), ("questions", "revision", "INTEGER DEFAULT 0"),
                 ("cards", "origin", "JSON"))


@dataclass(frozen=True)
class DeckBuild:
    """Everything one deck's build writes: the unit of replacement in the bank."""

    deck: Deck
    settings_hash: str
    card_facts: tuple[CardFacts, ...]
    questions: tuple[Question, ...]
    features: tuple[dict[str, Any], ...] = ()   # one row per question: question_id + feature columns


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
            con = duckdb.connect(str(self.path), read_only=self.read_only)
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
        apply_views(con)  # the analytical views live in analytics.py

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.con.cursor()

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All or nothing: on any error the bank is left as it was."""
        cur = self.cursor()
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
        row = self.cursor().execute(
            "SELECT content_hash, settings_hash FROM decks WHERE deck_id = ?", [deck_id]
        ).fetchone()
        return (row[0], row[1]) if row else None

    def write_build(self, build: DeckBuild) -> dict[str, int]:
        """Replace the deck's rows with the build's, in one transaction.

        Returns the number of rows written per table.
        """
        deck_id = build.deck.deck_id
        with self.transaction() as cur:
            previous = {qid: (digest, revision) for qid, digest, revision in cur.execute(
                "SELECT question_id, content_hash, revision FROM questions WHERE deck_id = ?", [deck_id]).fetchall()}
            tables = build_tables(build, previous=previous)
            for name in DECK_TABLES:
                cur.execute(f"DELETE FROM {name} WHERE deck_id = ?", [deck_id])
            if build.features:
                _ensure_feature_columns(cur, tables["question_features"])
            for name, table in tables.items():
                if table.num_rows:
                    cur.register("_rows", table)
                    cur.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _rows")
                    cur.unregister("_rows")
            # Calibration from real responses outlives rebuilds: question IDs are stable.
            cur.execute("UPDATE questions SET difficulty = s.difficulty FROM item_stats s "
                        "WHERE questions.question_id = s.question_id AND questions.deck_id = ? "
                        "AND s.difficulty IS NOT NULL", [deck_id])
        return {name: table.num_rows for name, table in tables.items()}

    # -- reads --------------------------------------------------------------
    def load_questions(
        self,
        *,
        deck_id: str | None = None,
        question_ids: Sequence[str] | None = None,
        status: str | None = "accepted",
        qtype: str | None = None,
        subject: str | None = None,
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
        table = _arrow(list(rows), RESPONSE_SCHEMA)
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
        items = _arrow([{"exam_id": exam.exam_id, **asdict(i)} for i in exam.items], EXAM_ITEM_SCHEMA)
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


# -- rows ----------------------------------------------------------------------

def build_tables(build: DeckBuild, *, previous: Mapping[str, tuple[str, int]] | None = None) -> dict[str, pa.Table]:
    """The build as one Arrow table per bank table.

    `previous` maps the deck's stored question IDs to (content hash, revision):
    a question whose content changed gets the next revision, so exports can
    give Anki a newer clock exactly when something changed.
    """
    deck = build.deck
    deck_id = deck.deck_id
    cards = [cf.card for cf in build.card_facts]
    decks = [{
        "deck_id": deck_id, "name": deck.name, "path": deck.path, "content_hash": deck.content_hash,
        "settings_hash": build.settings_hash, "n_cards": len(deck.cards), "n_skipped": len(deck.issues),
        "issues": [str(i) for i in deck.issues],
    }]
    card_rows = [{
        "card_id": c.card_id, "deck_id": deck_id, "card_index": c.index, "title": c.title, "answer": c.answer,
        "quiz_answer": c.quiz_answer, "quiz_note": c.quiz_note, "first_line": c.first_line,
        "line_numbers": [line.number for line in c.lines],
        "origin": json.dumps(asdict(c.origin)) if c.origin else None,   # the Anki note: note_id, guid, deck, tags …
    } for c in cards]
    fact_rows = []
    for cf in build.card_facts:
        for f in cf.facts:
            row = _shallow(f)
            row.update(deck_id=deck_id, start_char=row.pop("start"), end_char=row.pop("end"), fact_group=row.pop("group"))
            fact_rows.append(row)
    mention_rows = []
    for cf in build.card_facts:
        for m in cf.services:
            row = _shallow(m)
            row.update(deck_id=deck_id, start_char=row.pop("start"), end_char=row.pop("end"))
            mention_rows.append(row)
    question_rows: list[dict[str, Any]] = []
    option_rows: list[dict[str, Any]] = []
    for q in build.questions:
        row = _shallow(q)
        row.pop("options")
        row["extra"] = json.dumps(dict(q.extra), sort_keys=True, default=str)
        row["content_hash"] = digest = content_hash(q)
        digest_before, revision = (previous or {}).get(q.question_id, (digest, 0))
        row["revision"] = revision if digest_before == digest else revision + 1
        question_rows.append(row)
        option_rows.extend({"question_id": q.question_id, "deck_id": deck_id, **_shallow(o)} for o in q.options)
    feature_rows = [{"deck_id": deck_id, **row} for row in build.features]
    return {
        "decks": _arrow(decks, DECK_SCHEMA),
        "cards": _arrow(card_rows, CARD_SCHEMA),
        "facts": _arrow(fact_rows, FACT_SCHEMA),
        "service_mentions": _arrow(mention_rows, MENTION_SCHEMA),
        "questions": _arrow(question_rows, QUESTION_SCHEMA),
        "options": _arrow(option_rows, OPTION_SCHEMA),
        "question_features": pa.Table.from_pylist(feature_rows) if feature_rows else pa.table({}),
    }


def content_hash(q: Question) -> str:
    """What a learner sees of a question: a change here is a new revision."""
    options = [(o.text, o.is_correct) for o in q.options]
    return stable_id(q.type, q.stem, q.answer, options, json.dumps(dict(q.extra), sort_keys=True, default=str))


def _shallow(record: Any) -> dict[str, Any]:
    """A dataclass's fields as a dict, values as they are: `asdict` deep-copies every value,
    which made building the rows most of a large deck's store time."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _arrow(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist([{k: r.get(k) for k in schema.names} for r in rows], schema=schema)


def _ensure_feature_columns(cur: duckdb.DuckDBPyConnection, table: pa.Table) -> None:
    """Feature columns follow the scorer's features: add any the table lacks."""
    have = {r[0] for r in cur.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'question_features'").fetchall()}
    for field in table.schema:
        if field.name not in have:
            sql_type = "DOUBLE" if pa.types.is_floating(field.type) or pa.types.is_integer(field.type) else "VARCHAR"
            if pa.types.is_boolean(field.type):
                sql_type = "BOOLEAN"
            cur.execute(f'ALTER TABLE question_features ADD COLUMN "{field.name}" {sql_type}')


def _question(row: dict[str, Any], options: tuple[Option, ...]) -> Question:
    extra = json.loads(row.pop("extra") or "{}")
    row["revision"] = row.get("revision") or 0
    fields = {k: row[k] for k in Question.__dataclass_fields__ if k in row and k not in ("options", "extra")}
    return Question(**fields, options=options, extra=tuple(sorted(extra.items())))


S, I, D, B = pa.string(), pa.int32(), pa.float64(), pa.bool_()
DECK_SCHEMA = pa.schema([("deck_id", S), ("name", S), ("path", S), ("content_hash", S), ("settings_hash", S),
                         ("n_cards", I), ("n_skipped", I), ("issues", pa.list_(S))])
CARD_SCHEMA = pa.schema([("card_id", S), ("deck_id", S), ("card_index", I), ("title", S), ("answer", S),
                         ("quiz_answer", S), ("quiz_note", S), ("first_line", I), ("line_numbers", pa.list_(I)),
                         ("origin", S)])
FACT_SCHEMA = pa.schema([("fact_id", S), ("deck_id", S), ("card_id", S), ("card_index", I), ("line", I), ("text", S),
                         ("value", D), ("unit", S), ("kind", S), ("start_char", I), ("end_char", I),
                         ("source_value", D), ("source_unit", S), ("bound", S), ("role", S), ("fact_group", S),
                         ("attribute", S), ("subject", S), ("context", S)])
MENTION_SCHEMA = pa.schema([("deck_id", S), ("card_id", S), ("card_index", I), ("line", I), ("text", S),
                            ("service", S), ("start_char", I), ("end_char", I), ("source", S)])
QUESTION_SCHEMA = pa.schema([("question_id", S), ("deck_id", S), ("card_id", S), ("card_index", I), ("fact_id", S),
                             ("line", I), ("type", S), ("stem", S), ("answer", S), ("answer_value", D),
                             ("answer_unit", S), ("subject", S), ("generator", S), ("generator_version", S),
                             ("reason", S), ("status", S), ("reject_reason", S), ("difficulty", D), ("extra", S),
                             ("content_hash", S), ("revision", I)])
RESPONSE_SCHEMA = pa.schema([("response_id", S), ("learner_id", S), ("question_id", S), ("correct", B),
                             ("response", S), ("answered_at", pa.timestamp("us")), ("source", S), ("grade_reason", S)])
EXAM_SCHEMA = pa.schema([("exam_id", S), ("name", S), ("seed", pa.int64()), ("count", I), ("types", pa.list_(S)),
                         ("difficulty_mix", S), ("per_subject", I), ("deck_ids", pa.list_(S)), ("n_items", I)])
EXAM_ITEM_SCHEMA = pa.schema([("exam_id", S), ("position", I), ("question_id", S), ("band", S), ("subject", S)])
OPTION_SCHEMA = pa.schema([("question_id", S), ("deck_id", S), ("position", I), ("text", S), ("value", D),
                           ("is_correct", B)])

