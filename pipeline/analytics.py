"""The bank's analytical layer: a read-only query runner and the headline numbers, over the views.

The views themselves are part of the bank's schema (`views.py`, documented in
`docs/analytics.md`); this layer reads them and never writes.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb

from .errors import QueryError
from .store import Store
from .views import NO_SUBJECT

__all__ = ["run_sql", "stats"]

# -- read-only queries ------------------------------------------------------------

def run_sql(store: Store, sql: str, params: Sequence[Any] | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run one read-only query; return (column names, rows).

    The statement is parsed first and anything but a query (SELECT, WITH, FROM,
    VALUES, DESCRIBE, SHOW, SUMMARIZE) is refused before it runs. As a second
    guard the query runs in a transaction that is always rolled back, and the
    CLI opens the bank read-only as well.

    Raises:
        QueryError: not exactly one statement, not a query, or DuckDB rejects it.
    """
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as e:
        raise QueryError(f"cannot parse the query: {e}") from e
    if len(statements) != 1:
        raise QueryError(f"give exactly one SELECT statement, got {len(statements)}")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        raise QueryError(
            f"refused: {kind.name} statement; `qbank sql` is read-only and runs only queries "
            "(SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE); nothing was changed"
        )
    cur = store.cursor()
    cur.execute("BEGIN TRANSACTION")
    try:
        cur.execute(sql, list(params) if params else None)
        columns = [d[0] for d in cur.description or ()]
        rows = cur.fetchall()
    except duckdb.Error as e:
        raise QueryError(f"query failed: {e}") from e
    finally:
        cur.execute("ROLLBACK")
    return columns, rows


# -- headline numbers -------------------------------------------------------------

def stats(store: Store) -> dict[str, int | float | None]:
    """Headline numbers of a bank, flat and in a fixed order (for `qbank stats` and flow artifacts).

    Ratios are fractions in [0, 1] rounded to 4 places; they are None when
    their denominator is 0. Exam and response counts appear once those tables exist.
    """
    cur = store.cursor()

    def one(sql: str, *params: object) -> Any:
        return cur.execute(sql, list(params)).fetchone()

    decks, = one("SELECT count(*) FROM decks")
    cards, cards_covered = one("SELECT count(*), count(*) FILTER (WHERE covered) FROM coverage_by_card")
    facts, facts_covered, subjects = one(
        "SELECT count(*), count(*) FILTER (WHERE covered), count(DISTINCT subject) FILTER (WHERE subject <> ?) "
        "FROM fact_coverage", NO_SUBJECT)
    services, = one("SELECT count(DISTINCT service) FROM service_mentions")
    questions, accepted, rejected, types, difficulty = one(
        "SELECT count(*), count(*) FILTER (WHERE status = 'accepted'), count(*) FILTER (WHERE status = 'rejected'), "
        "count(DISTINCT type) FILTER (WHERE status = 'accepted'), "
        "round(avg(difficulty) FILTER (WHERE status = 'accepted'), 4) FROM questions")
    out: dict[str, int | float | None] = {
        "decks": decks,
        "cards": cards,
        "cards_covered": cards_covered,
        "card_coverage": _ratio(cards_covered, cards),
        "facts": facts,
        "facts_covered": facts_covered,
        "fact_coverage": _ratio(facts_covered, facts),
        "subjects": subjects,
        "services": services,
        "questions": questions,
        "accepted": accepted,
        "rejected": rejected,
        "acceptance_rate": _ratio(accepted, questions),
        "question_types": types,
        "mean_difficulty": difficulty,
    }
    # tables and views alike
    present = {r[0] for r in cur.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if "exam_sets" in present:
        out["exam_sets"] = one("SELECT count(*) FROM exam_sets")[0]
    if "responses" in present:
        out["responses"] = one("SELECT count(*) FROM responses")[0]
    if "item_quality" in present:
        out["items_flagged"] = one("SELECT count(*) FROM item_quality WHERE flagged")[0]
    return out


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
