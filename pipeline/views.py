"""The bank's documented views: plain SQL over the base tables, part of the bank's schema.

Views, not copies: every view is current the moment a build commits.
`store.Store` applies them on every read-write open (`apply_views`); a view
whose tables this bank does not have yet (exam sets, responses) is left out
until they exist. Column by column documentation: `docs/analytics.md`.

A fact is *covered* when at least one **accepted** question asks about it (its
`fact_id`, or one of the `fact_ids` of a multi-fact question);
a card is covered when it has at least one accepted question.
"""
from __future__ import annotations

from dataclasses import dataclass

import duckdb

__all__ = ["View", "VIEWS", "apply_views", "NO_SUBJECT", "NO_FACT", "NO_REASON", "FLAG_NEGATIVE", "FLAG_EASY",
           "FLAG_HARD", "EASY_FACILITY", "HARD_FACILITY"]

NO_SUBJECT = "(no subject)"
NO_FACT = "(no fact)"
NO_REASON = "(no reason given)"
# Item flags. Moodle reads a negative discrimination index as an item to review,
# and facility outside 5–95% as an item that tells learners apart poorly.
FLAG_NEGATIVE = "negative discrimination"
FLAG_EASY = "too easy"
FLAG_HARD = "too hard"
EASY_FACILITY = 0.95
HARD_FACILITY = 0.05


@dataclass(frozen=True)
class View:
    """A named view and the tables it reads (it is created only when they all exist)."""

    name: str
    sql: str
    requires: tuple[str, ...]


# The fact's subject, or NO_SUBJECT: one spelling for "unknown" in every view.
_FACT_SUBJECT = f"coalesce(nullif(trim(f.subject), ''), '{NO_SUBJECT}')"

# An exam item's subject as `exams.py` stores it: the question's subject, else its card.
_EXAM_SUBJECT = "coalesce(nullif(q.subject, ''), q.deck_id || ':card ' || q.card_index)"

VIEWS: tuple[View, ...] = (
    # Which facts each question asks about: its own fact_id, and for questions over
    # several facts (multi-cloze) the `fact_ids` list in `extra`. Each pair once: the
    # second part leaves out the question's own fact, so no de-duplication over every row
    # is needed, and only rows that hold a list are parsed.
    View("question_facts", """
SELECT deck_id, question_id, fact_id, type, status FROM questions WHERE fact_id IS NOT NULL
UNION ALL
SELECT DISTINCT q.deck_id, q.question_id, f.fact_id, q.type, q.status
FROM questions q, unnest(CAST(json_extract(q.extra, '$.fact_ids') AS VARCHAR[])) AS f(fact_id)
WHERE contains(q.extra, '"fact_ids"') AND json_type(q.extra, '$.fact_ids') = 'ARRAY'
  AND f.fact_id IS DISTINCT FROM q.fact_id
""", ("questions",)),

    # Questions are counted per fact first, then joined to the facts: a grouping on one key.
    View("fact_coverage", f"""
WITH asked AS (
    SELECT fact_id, count(*) AS n_questions,
           count(*) FILTER (WHERE status = 'accepted') AS n_accepted,
           count(*) FILTER (WHERE status = 'rejected') AS n_rejected,
           list(DISTINCT type ORDER BY type) FILTER (WHERE status = 'accepted') AS accepted_types
    FROM question_facts GROUP BY fact_id)
SELECT f.deck_id, f.card_id, f.card_index, f.line, f.fact_id, f.text, f.value, f.unit, f.kind,
       {_FACT_SUBJECT} AS subject, f.attribute,
       coalesce(a.n_questions, 0) AS n_questions,
       coalesce(a.n_accepted, 0) AS n_accepted,
       coalesce(a.n_rejected, 0) AS n_rejected,
       CASE WHEN a.n_accepted > 0 THEN a.accepted_types END AS accepted_types,
       coalesce(a.n_accepted, 0) > 0 AS covered
FROM facts f LEFT JOIN asked a USING (fact_id)
ORDER BY f.deck_id, f.card_index, f.line, f.fact_id
""", ("facts", "questions")),

    View("coverage_by_card", """
WITH fc AS (
    SELECT card_id, count(*) AS n_facts, count(*) FILTER (WHERE covered) AS n_facts_covered
    FROM fact_coverage GROUP BY card_id),
sc AS (SELECT card_id, count(DISTINCT service) AS n_services FROM service_mentions GROUP BY card_id),
qc AS (
    SELECT card_id, count(*) AS n_questions,
           count(*) FILTER (WHERE status = 'accepted') AS n_accepted,
           count(*) FILTER (WHERE status = 'rejected') AS n_rejected
    FROM questions GROUP BY card_id)
SELECT c.deck_id, c.card_id, c.card_index, c.title,
       coalesce(fc.n_facts, 0) AS n_facts,
       coalesce(fc.n_facts_covered, 0) AS n_facts_covered,
       coalesce(sc.n_services, 0) AS n_services,
       coalesce(qc.n_questions, 0) AS n_questions,
       coalesce(qc.n_accepted, 0) AS n_accepted,
       coalesce(qc.n_rejected, 0) AS n_rejected,
       coalesce(qc.n_accepted, 0) > 0 AS covered
FROM cards c
LEFT JOIN fc USING (card_id) LEFT JOIN sc USING (card_id) LEFT JOIN qc USING (card_id)
ORDER BY c.deck_id, c.card_index
""", ("cards", "service_mentions", "questions", "facts")),

    View("coverage_by_subject", f"""
WITH fs AS (
    SELECT deck_id, subject, count(DISTINCT card_id) AS n_cards, count(*) AS n_facts,
           count(*) FILTER (WHERE covered) AS n_facts_covered
    FROM fact_coverage GROUP BY deck_id, subject),
fact_subject AS (
    SELECT qf.question_id, min(nullif(trim(f.subject), '')) AS subject
    FROM question_facts qf JOIN facts f USING (fact_id) GROUP BY qf.question_id),
qs AS (
    SELECT q.deck_id, coalesce(nullif(trim(q.subject), ''), fs.subject, '{NO_SUBJECT}') AS subject,
           count(*) AS n_questions, count(*) FILTER (WHERE q.status = 'accepted') AS n_accepted
    FROM questions q LEFT JOIN fact_subject fs USING (question_id)
    GROUP BY ALL)
SELECT deck_id, subject,
       coalesce(fs.n_cards, 0) AS n_cards,
       coalesce(fs.n_facts, 0) AS n_facts,
       coalesce(fs.n_facts_covered, 0) AS n_facts_covered,
       CASE WHEN fs.n_facts > 0 THEN round(fs.n_facts_covered / fs.n_facts, 4) END AS fact_coverage,
       coalesce(qs.n_questions, 0) AS n_questions,
       coalesce(qs.n_accepted, 0) AS n_accepted
FROM fs FULL OUTER JOIN qs USING (deck_id, subject)
ORDER BY deck_id, n_facts DESC, n_accepted DESC, subject
""", ("facts", "questions")),

    # A question over facts of two kinds (a multi-cloze) counts in both kinds' rows.
    View("coverage_by_kind", f"""
WITH qk AS (
    SELECT DISTINCT qf.deck_id, qf.question_id, f.kind, qf.type, qf.status, qf.fact_id
    FROM question_facts qf JOIN facts f USING (fact_id)
    UNION ALL
    SELECT q.deck_id, q.question_id, '{NO_FACT}', q.type, q.status, NULL
    FROM questions q WHERE q.question_id NOT IN (SELECT question_id FROM question_facts)),
kinds AS (
    SELECT deck_id, kind, count(*) AS n_facts FROM facts GROUP BY ALL
    UNION ALL
    SELECT DISTINCT deck_id, kind, 0 FROM qk WHERE kind = '{NO_FACT}'),
types AS (SELECT DISTINCT deck_id, type FROM questions),
cells AS (
    SELECT deck_id, kind, type, count(DISTINCT question_id) AS n_questions,
           count(DISTINCT question_id) FILTER (WHERE status = 'accepted') AS n_accepted,
           count(DISTINCT question_id) FILTER (WHERE status = 'rejected') AS n_rejected,
           count(DISTINCT fact_id) FILTER (WHERE status = 'accepted') AS n_facts_covered
    FROM qk GROUP BY ALL)
SELECT k.deck_id, k.kind, t.type, k.n_facts,
       coalesce(c.n_facts_covered, 0) AS n_facts_covered,
       coalesce(c.n_questions, 0) AS n_questions,
       coalesce(c.n_accepted, 0) AS n_accepted,
       coalesce(c.n_rejected, 0) AS n_rejected
FROM kinds k JOIN types t USING (deck_id)
LEFT JOIN cells c ON c.deck_id = k.deck_id AND c.kind = k.kind AND c.type = t.type
ORDER BY k.deck_id, k.kind, t.type
""", ("facts", "questions")),

    View("difficulty_distribution", """
SELECT deck_id, type, status,
       -- least() skips NULLs, so the unscored are kept NULL explicitly; 1.0 joins the last bin
       CASE WHEN difficulty IS NOT NULL THEN round(least(floor(difficulty * 10), 9) / 10, 1) END AS bin_low,
       CASE WHEN difficulty IS NOT NULL THEN round(least(floor(difficulty * 10), 9) / 10 + 0.1, 1) END AS bin_high,
       count(*) AS n_questions,
       round(avg(difficulty), 4) AS mean_difficulty
FROM questions
GROUP BY ALL
ORDER BY deck_id, type, status, bin_low NULLS LAST
""", ("questions",)),

    # Examples come from distinct source lines: the cloze, multiple choice and numerical
    # question over one fact fail alike, and three copies of one failure teach nothing.
    View("rejections", f"""
WITH r AS (
    SELECT deck_id, question_id, card_id, card_index, line, type, stem, reject_reason,
           coalesce(nullif(trim(split_part(reject_reason, ':', 1)), ''), '{NO_REASON}') AS reason
    FROM questions WHERE status = 'rejected'),
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY deck_id, reason, card_id, line ORDER BY question_id) AS nth FROM r)
SELECT deck_id, reason,
       count(*) AS n_questions,
       count(DISTINCT card_id) AS n_cards,
       list(DISTINCT type ORDER BY type) AS types,
       list(question_id ORDER BY card_index, line, question_id) FILTER (WHERE nth = 1)[1:3] AS example_ids,
       list(coalesce(reject_reason, '{NO_REASON}') || ' | ' || stem
            ORDER BY card_index, line, question_id) FILTER (WHERE nth = 1)[1:3] AS examples
FROM ranked
GROUP BY deck_id, reason
ORDER BY deck_id, n_questions DESC, reason
""", ("questions",)),

    View("uncovered_facts", """
SELECT fc.deck_id, fc.card_id, fc.card_index, c.title AS card_title, fc.line, fc.fact_id, fc.text,
       fc.value, fc.unit, fc.kind, fc.subject, fc.attribute, fc.n_rejected,
       coalesce((SELECT list(DISTINCT q.reject_reason ORDER BY q.reject_reason)
                 FROM question_facts qf JOIN questions q USING (question_id)
                 WHERE qf.fact_id = fc.fact_id AND q.status = 'rejected' AND q.reject_reason IS NOT NULL),
                []::VARCHAR[]) AS reject_reasons
FROM fact_coverage fc LEFT JOIN cards c USING (card_id)
WHERE NOT fc.covered
ORDER BY fc.deck_id, fc.card_index, fc.line, fc.fact_id
""", ("facts", "questions", "cards")),

    # One row per exam × dimension (difficulty band, question type, subject) × value,
    # against the exam's blueprint and the pool of accepted questions it drew from.
    View("exam_coverage", f"""
WITH e AS (SELECT * FROM exam_sets),
items AS (
    SELECT i.exam_id, i.question_id, coalesce(i.band, '(no band)') AS band, i.subject, q.type
    FROM exam_items i LEFT JOIN questions q USING (question_id)),
totals AS (SELECT exam_id, count(*) AS total FROM items GROUP BY exam_id),
pool AS (   -- accepted questions of the exam's decks; subject spelled as exams.py spells it
    SELECT e.exam_id, q.question_id, q.type, {_EXAM_SUBJECT} AS subject
    FROM e JOIN questions q ON q.status = 'accepted'
     AND (len(coalesce(e.deck_ids, [])) = 0 OR list_contains(e.deck_ids, q.deck_id))),
mix AS (
    SELECT e.exam_id, j.key AS value, j.value::DOUBLE / sum(j.value::DOUBLE) OVER (PARTITION BY e.exam_id) AS share
    FROM e, json_each(e.difficulty_mix) j),
dims AS (
    SELECT exam_id, 'difficulty' AS dimension, band AS value FROM items
    UNION SELECT exam_id, 'difficulty', value FROM mix
    UNION SELECT exam_id, 'type', type FROM items
    UNION SELECT exam_id, 'type', type FROM pool
    UNION SELECT exam_id, 'subject', subject FROM items
    UNION SELECT exam_id, 'subject', subject FROM pool),
counted AS (
    SELECT d.exam_id, d.dimension, d.value,
           (SELECT count(*) FROM items i WHERE i.exam_id = d.exam_id AND d.value = CASE d.dimension
                WHEN 'difficulty' THEN i.band WHEN 'type' THEN i.type ELSE i.subject END) AS n_items,
           (SELECT count(*) FROM pool p WHERE p.exam_id = d.exam_id AND d.value = CASE d.dimension
                WHEN 'type' THEN p.type WHEN 'subject' THEN p.subject END) AS available
    FROM dims d WHERE d.value IS NOT NULL)
SELECT c.exam_id, e.name AS exam, c.dimension, c.value, c.n_items,
       CASE WHEN t.total > 0 THEN round(c.n_items / t.total, 4) END AS actual_share,
       round(m.share, 4) AS target_share,
       CASE WHEN m.share IS NOT NULL THEN CAST(round(m.share * coalesce(t.total, 0)) AS INTEGER) END AS target_items,
       CASE WHEN c.dimension = 'subject' THEN e.per_subject END AS max_items,
       CASE WHEN c.dimension = 'difficulty' THEN NULL ELSE c.available END AS available,
       CASE c.dimension
           -- a band the mix names: within one item of its share; else only if the exam has no mix
           WHEN 'difficulty' THEN coalesce(abs(c.n_items - m.share * coalesce(t.total, 0)) < 1,
                                           NOT EXISTS (SELECT 1 FROM mix WHERE mix.exam_id = c.exam_id))
           WHEN 'type' THEN len(coalesce(e.types, [])) = 0 OR list_contains(e.types, c.value) OR c.n_items = 0
           ELSE e.per_subject IS NULL OR c.n_items <= e.per_subject
       END AS within_blueprint
FROM counted c JOIN e USING (exam_id) LEFT JOIN totals t USING (exam_id)
LEFT JOIN mix m ON c.dimension = 'difficulty' AND m.exam_id = c.exam_id AND m.value = c.value
ORDER BY exam, c.dimension, c.n_items DESC, c.value
""", ("exam_sets", "exam_items", "questions")),

    # Items with learner evidence: raw counts from `responses`, calibrated numbers from `item_stats`.
    View("item_quality", f"""
WITH r AS (
    SELECT question_id, count(*) AS n_responses, count(correct) AS n_graded,
           count(*) FILTER (WHERE correct) AS n_correct
    FROM responses GROUP BY question_id),
items AS (
    SELECT q.deck_id, q.question_id, q.card_index, q.type, q.status, q.difficulty,
           coalesce(r.n_responses, 0) AS n_responses, coalesce(r.n_graded, 0) AS n_graded,
           coalesce(r.n_correct, 0) AS n_correct,
           CASE WHEN r.n_graded > 0 THEN round(r.n_correct / r.n_graded, 4) END AS raw_facility,
           s.facility, s.discrimination, s.discriminative_efficiency, s.b, s.b_se, s.band, s.flag
    FROM questions q LEFT JOIN r USING (question_id) LEFT JOIN item_stats s USING (question_id)
    WHERE r.question_id IS NOT NULL OR s.question_id IS NOT NULL),
flagged AS (
    SELECT *, list_sort(list_distinct(list_filter([
               nullif(trim(flag), ''),
               CASE WHEN discrimination < 0 THEN '{FLAG_NEGATIVE}' END,
               CASE WHEN coalesce(facility, raw_facility) > {EASY_FACILITY} THEN '{FLAG_EASY}' END,
               CASE WHEN coalesce(facility, raw_facility) < {HARD_FACILITY} THEN '{FLAG_HARD}' END],
           lambda x: x IS NOT NULL))) AS flags
    FROM items)
SELECT deck_id, question_id, card_index, type, status, n_responses, n_graded, n_correct, raw_facility,
       facility, discrimination, discriminative_efficiency, b, b_se, difficulty, band, flags,
       len(flags) > 0 AS flagged
FROM flagged
ORDER BY deck_id, flagged DESC, card_index, question_id
""", ("questions", "responses", "item_stats")),
)


def apply_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Create or replace every view whose tables exist; return the names created.

    Views are re-created on each read-write open, so a bank built by an older
    qbank gets the current definitions, and the exam and response views appear
    as soon as their tables do.
    """
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
    ).fetchall()}
    created = []
    for view in VIEWS:
        if set(view.requires) <= tables:
            con.execute(f"CREATE OR REPLACE VIEW {view.name} AS {view.sql}")
            created.append(view.name)
        else:
            con.execute(f"DROP VIEW IF EXISTS {view.name}")
    return created
