"""The coverage report: one self-contained HTML file with headline numbers, charts and gap tables.

Charts are Vega-Lite specs made with Altair; the vega / vega-lite / vega-embed
JavaScript comes inline from the `vl-convert-python` wheel, so the file opens
without a network. The same bank always gives the same bytes: no clock, no
paths, sorted JSON, and chart data in a fixed order.
"""
from __future__ import annotations

import html
import json
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import altair as alt

from .analytics import run_sql, stats
from .errors import ExportError
from .settings import cache_dir, report_path
from .store import Store

__all__ = ["render_report", "write_report"]

TABLE_LIMIT = 200          # rows shown per gap table; the view behind it has the rest
# Charts take their panel's width (Vega-Lite "container" sizing, refitted when the window
# resizes), so they fit a 1280 px screen and a 390 px phone alike; long axis labels get
# at most this share of the panel and are cut with an ellipsis beyond it.
CHART_WIDTH = "container"
LABEL_LIMIT = alt.ExprRef("clamp(containerSize()[0] * 0.38, 70, 260)")
TYPE_COLORS = alt.Scale(scheme="tableau10")
STATUS_COLORS = alt.Scale(domain=["accepted", "rejected"], range=["#4c78a8", "#e45756"])
COUNT_AXIS = alt.Axis(tickMinStep=1)   # counts: no 0.5 ticks
COVER_COLORS = alt.Scale(domain=["covered", "uncovered"], range=["#54a24b", "#bab0ac"])
FIT = alt.AutoSizeParams(type="fit-x", contains="padding", resize=True)   # axes and legends inside the width

Records = list[dict[str, Any]]


def write_report(store: Store, out: str | Path | None = None) -> Path:
    """Write the report to `out` (default: beside the bank, `settings.report_path`) and return its path.

    Raises:
        ExportError: the file cannot be written (no permission, a file where a folder should be ...).
    """
    path = Path(out) if out is not None else report_path(store.path)
    page = render_report(store)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
    except OSError as e:
        raise ExportError(f"{path}: cannot write the report ({e.strerror or e}); choose another --out") from e
    return path


def render_report(store: Store) -> str:
    """The report as one HTML document."""
    headline = stats(store)
    charts = {
        "chart-subjects": ("Fact coverage per subject", "coverage_by_subject", _subject_chart(store)),
        "chart-types": ("Questions per type", "questions", _type_chart(store)),
        "chart-difficulty": ("Difficulty of accepted questions", "difficulty_distribution", _difficulty_chart(store)),
        "chart-rejections": ("Rejection reasons", "rejections", _rejection_chart(store)),
        "chart-kinds": ("Accepted questions by fact kind × question type", "coverage_by_kind", _kind_chart(store)),
        "chart-exams": ("Exam-set coverage", "exam_coverage", _exam_chart(store)),
    }
    specs = {cid: chart.configure(autosize=FIT).to_dict() for cid, (_, _, chart) in charts.items() if chart is not None}
    sections = "\n".join(
        _chart_section(cid, title, view, cid in specs) for cid, (title, view, _) in charts.items()
    )
    body = f"""
<header>
  <h1>Question bank coverage</h1>
  <p class="decks">{_decks_line(store)}</p>
  <p class="summary">{_summary(headline)}</p>
</header>
<section class="tiles">{_tiles(headline)}</section>
<section class="charts">{sections}</section>
<section class="gaps">
  <h2>Gaps</h2>
  {_gap_tables(store)}
</section>
<footer>Every number comes from the bank's views; <code>qbank sql "SELECT * FROM &lt;view&gt;"</code> shows the rows
behind a chart and <code>docs/analytics.md</code> documents each column.</footer>"""
    return _page(body, specs)


# -- data ---------------------------------------------------------------------

def _records(store: Store, sql: str) -> Records:
    columns, rows = run_sql(store, sql)
    return [dict(zip(columns, row)) for row in rows]


def _has(store: Store, view: str) -> bool:
    return bool(run_sql(store, f"SELECT 1 FROM duckdb_views() WHERE view_name = '{view}'")[1])


# -- charts -------------------------------------------------------------------

def _subject_chart(store: Store) -> alt.Chart | None:
    data = _records(store, """
        WITH s AS (SELECT subject, sum(n_facts) AS n_facts, sum(n_facts_covered) AS covered
                   FROM coverage_by_subject GROUP BY subject HAVING sum(n_facts) > 0)
        SELECT subject, 'covered' AS status, covered AS n_facts, n_facts AS total FROM s
        UNION ALL SELECT subject, 'uncovered', n_facts - covered, n_facts FROM s
        ORDER BY total DESC, subject, status""")
    if not data:
        return None
    order = list(dict.fromkeys(r["subject"] for r in data))
    return alt.Chart(alt.Data(values=data)).mark_bar().encode(
        y=alt.Y("subject:N", sort=order, title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        x=alt.X("n_facts:Q", title="facts", stack=True, axis=COUNT_AXIS),
        color=alt.Color("status:N", scale=COVER_COLORS, title=None, legend=alt.Legend(orient="bottom")),
        order=alt.Order("status:N"),
        tooltip=["subject:N", "status:N", "n_facts:Q", alt.Tooltip("total:Q", title="facts in subject")],
    ).properties(width=CHART_WIDTH, height=alt.Step(16))


def _type_chart(store: Store) -> alt.Chart | None:
    data = _records(store, "SELECT type, status, count(*) AS n FROM questions GROUP BY ALL ORDER BY type, status")
    if not data:
        return None
    return alt.Chart(alt.Data(values=data)).mark_bar().encode(
        y=alt.Y("type:N", title=None, sort="-x", axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        x=alt.X("n:Q", title="questions", axis=COUNT_AXIS),
        color=alt.Color("status:N", scale=STATUS_COLORS, title=None, legend=alt.Legend(orient="bottom")),
        order=alt.Order("status:N"),
        tooltip=["type:N", "status:N", "n:Q"],
    ).properties(width=CHART_WIDTH, height=alt.Step(22))


def _difficulty_chart(store: Store) -> alt.Chart | None:
    data = _records(store, """
        SELECT type, bin_low, bin_high, sum(n_questions) AS n
        FROM difficulty_distribution WHERE status = 'accepted' AND bin_low IS NOT NULL
        GROUP BY ALL ORDER BY bin_low, type""")
    if not data:
        return None
    return alt.Chart(alt.Data(values=data)).mark_bar(stroke="#fff", strokeWidth=0.5).encode(
        x=alt.X("bin_low:Q", bin="binned", scale=alt.Scale(domain=[0, 1]), title="difficulty (0 easy – 1 hard)",
                axis=alt.Axis(values=[i / 10 for i in range(11)], format=".1f")),
        x2="bin_high:Q",
        y=alt.Y("n:Q", title="accepted questions", stack=True, axis=COUNT_AXIS),
        color=alt.Color("type:N", scale=TYPE_COLORS, title="type", legend=alt.Legend(orient="bottom", columns=alt.ExprRef("containerSize()[0] < 480 ? 3 : 4"))),
        order=alt.Order("type:N"),
        tooltip=["bin_low:Q", "bin_high:Q", "type:N", "n:Q"],
    ).properties(width=CHART_WIDTH, height=220)


def _rejection_chart(store: Store) -> alt.Chart | None:
    data = _records(store, """
        SELECT reason, sum(n_questions) AS n FROM rejections GROUP BY reason ORDER BY n DESC, reason""")
    if not data:
        return None
    return alt.Chart(alt.Data(values=data)).mark_bar(color="#e45756").encode(
        y=alt.Y("reason:N", sort=[r["reason"] for r in data], title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        x=alt.X("n:Q", title="rejected questions", axis=COUNT_AXIS),
        tooltip=["reason:N", "n:Q"],
    ).properties(width=CHART_WIDTH, height=alt.Step(20))


def _kind_chart(store: Store) -> alt.LayerChart | None:
    # Every kind × type cell, 0 where no deck has that pair: an empty cell would read as missing data.
    data = _records(store, """
        WITH c AS (SELECT kind, type, sum(n_accepted) AS n_accepted, sum(n_facts_covered) AS n_facts_covered
                   FROM coverage_by_kind GROUP BY ALL)
        SELECT k.kind, t.type, coalesce(c.n_accepted, 0) AS n_accepted,
               coalesce(c.n_facts_covered, 0) AS n_facts_covered
        FROM (SELECT DISTINCT kind FROM c) k CROSS JOIN (SELECT DISTINCT type FROM c) t
        LEFT JOIN c USING (kind, type)
        ORDER BY kind, type""")
    if not data:
        return None
    base = alt.Chart(alt.Data(values=data)).encode(
        x=alt.X("type:N", title=None, axis=alt.Axis(labelAngle=-30)), y=alt.Y("kind:N", title=None))
    cells = base.mark_rect().encode(
        color=alt.Color("n_accepted:Q", scale=alt.Scale(scheme="blues"), title="accepted"),
        tooltip=["kind:N", "type:N", "n_accepted:Q", "n_facts_covered:Q"],
    )
    labels = base.mark_text(fontSize=11).encode(
        text="n_accepted:Q",
        color=alt.condition("datum.n_accepted > 0", alt.value("#1b1b1b"), alt.value("#9a9a9a")),
    )
    return (cells + labels).properties(width=CHART_WIDTH, height=alt.Step(26))


def _exam_chart(store: Store) -> alt.LayerChart | None:
    if not _has(store, "exam_coverage"):
        return None
    data = _records(store, """
        SELECT exam, dimension, value, exam || ' · ' || value AS row, n_items, actual_share, target_share,
               row_number() OVER (ORDER BY exam, dimension, value) AS rank FROM exam_coverage
        WHERE dimension IN ('difficulty', 'type') AND (n_items > 0 OR target_share > 0)
        ORDER BY exam, dimension, value""")
    if not data:
        return None
    # One row per exam and value (not a facet per exam): a facet cannot take its panel's width.
    base = alt.Chart(alt.Data(values=data)).encode(
        y=alt.Y("row:N", title=None, sort=alt.EncodingSortField(field="rank", op="min"),
                axis=alt.Axis(labelLimit=LABEL_LIMIT)))
    bars = base.mark_bar().encode(
        x=alt.X("actual_share:Q", title="share of the exam's items (tick: blueprint)", axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("dimension:N", scale=alt.Scale(domain=["difficulty", "type"], range=["#f58518", "#4c78a8"]),
                        title=None, legend=alt.Legend(orient="bottom")),
        tooltip=["exam:N", "value:N", "n_items:Q", alt.Tooltip("actual_share:Q", format=".0%"),
                 alt.Tooltip("target_share:Q", format=".0%")],
    )
    targets = base.mark_tick(color="#1b1b1b", thickness=2, size=14).encode(x="target_share:Q")
    return (bars + targets).properties(width=CHART_WIDTH, height=alt.Step(18))


# -- HTML ---------------------------------------------------------------------

def _summary(s: dict[str, Any]) -> str:
    if not s["facts"] and not s["questions"]:
        return "The bank is empty: build a deck first with <code>qbank build DECK</code>."
    return (f"{s['facts_covered']} of {s['facts']} facts ({_pct(s['fact_coverage'])}) and "
            f"{s['cards_covered']} of {s['cards']} cards ({_pct(s['card_coverage'])}) have an accepted question; "
            f"uncovered facts: {s['facts'] - s['facts_covered']}; rejected questions: {s['rejected']}.")


def _tiles(s: dict[str, Any]) -> str:
    tiles = [
        ("Fact coverage", _pct(s["fact_coverage"]), f"{s['facts_covered']} / {s['facts']} facts"),
        ("Card coverage", _pct(s["card_coverage"]), f"{s['cards_covered']} / {s['cards']} cards"),
        ("Accepted questions", f"{s['accepted']}", f"of {s['questions']} generated"),
        ("Acceptance rate", _pct(s["acceptance_rate"]), f"{s['rejected']} rejected"),
        ("Question types", f"{s['question_types']}", "with accepted questions"),
        ("Mean difficulty", "–" if s["mean_difficulty"] is None else f"{s['mean_difficulty']:.2f}",
         "accepted, 0 easy – 1 hard"),
        ("Subjects", f"{s['subjects']}", f"{s['services']} services named"),
        ("Decks", f"{s['decks']}", "in this bank"),
    ]
    if "exam_sets" in s:
        tiles.append(("Exam sets", f"{s['exam_sets']}", "stored"))
    if "responses" in s:
        flagged = f", {s['items_flagged']} items flagged" if "items_flagged" in s else ""
        tiles.append(("Responses", f"{s['responses']}", f"recorded{flagged}"))
    return "".join(
        f'<div class="tile"><div class="label">{_e(label)}</div><div class="value">{_e(value)}</div>'
        f'<div class="note">{_e(note)}</div></div>'
        for label, value, note in tiles
    )


def _chart_section(cid: str, title: str, view: str, drawn: bool) -> str:
    inner = (f'<div id="{cid}" class="chart"></div>' if drawn
             else '<p class="empty">Nothing to show yet.</p>')
    return (f'<figure class="panel"><figcaption>{_e(title)} <span class="src">{_e(view)}</span></figcaption>'
            f"{inner}</figure>")


def _decks_line(store: Store) -> str:
    decks = _records(store, "SELECT name, n_cards, n_skipped FROM decks ORDER BY name")
    if not decks:
        return "No decks."
    return "Decks: " + ", ".join(
        f"<b>{_e(d['name'])}</b> ({d['n_cards']} cards" + (f", {d['n_skipped']} skipped)" if d["n_skipped"] else ")")
        for d in decks
    )


def _gap_tables(store: Store) -> str:
    parts = []
    for title, view, sql in (
        ("Facts without an accepted question", "uncovered_facts",
         "SELECT deck_id AS deck, card_index AS card, line, text, kind, subject, "
         "CASE WHEN n_rejected = 0 THEN 'no question generated' ELSE array_to_string(reject_reasons, '; ') END "
         "AS why FROM uncovered_facts"),
        ("Cards without an accepted question", "coverage_by_card",
         "SELECT deck_id AS deck, card_index AS card, title, n_facts AS facts, n_questions AS questions, "
         "n_rejected AS rejected FROM coverage_by_card WHERE NOT covered"),
        ("Rejection reasons with examples", "rejections",
         "SELECT deck_id AS deck, reason, n_questions AS questions, n_cards AS cards, "
         "array_to_string(types, ', ') AS types, array_to_string(list_transform(examples, lambda e: "
         "CASE WHEN length(e) > 180 THEN e[1:180] || '…' ELSE e END), ' ⏎ ') AS examples FROM rejections"),
        ("Exam sets off their blueprint", "exam_coverage",
         "SELECT exam, dimension, value, n_items AS items, target_items, max_items, available "
         "FROM exam_coverage WHERE NOT within_blueprint"),
        ("Subjects below full coverage", "coverage_by_subject",
         "SELECT deck_id AS deck, subject, n_facts AS facts, n_facts_covered AS covered, "
         "printf('%.0f%%', 100 * fact_coverage) AS coverage FROM coverage_by_subject "
         "WHERE n_facts > n_facts_covered ORDER BY fact_coverage, n_facts DESC, deck, subject"),
    ):
        if not _has(store, view):
            continue
        columns, rows = run_sql(store, sql)
        parts.append(f'<h3>{_e(title)} <span class="count">{len(rows)}</span> <span class="src">{view}</span></h3>'
                     + _table(columns, rows))
    return "\n".join(parts)


def _table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    if not rows:
        return '<p class="empty">None.</p>'
    head = "".join(f"<th>{_e(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{_e(_cell(v))}</td>" for v in row) + "</tr>" for row in rows[:TABLE_LIMIT])
    more = (f'<p class="more">… and {len(rows) - TABLE_LIMIT} more rows: query the view with <code>qbank sql</code>.</p>'
            if len(rows) > TABLE_LIMIT else "")
    return f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>{more}'


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.0f}%"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


@cache
def _vega_bundle() -> str:
    """vega + vega-lite + vega-embed, for the Vega-Lite version Altair writes (e.g. v6.4.1 → 'v6_4').

    Bundling takes about 2 s, every build writes a report, and the bundle depends only on the versions: it
    is kept in the user's cache folder (made again when missing, unreadable or not writable).
    """
    import vl_convert

    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    from importlib.metadata import version

    path = cache_dir(os.environ, Path.home()) / f"vega-bundle-{version('vl-convert-python')}-v{major}_{minor}.js"
    try:
        cached = path.read_text(encoding="utf-8")
        if cached:
            return cached
    except (OSError, UnicodeDecodeError):
        pass
    # No snippet: the default one puts vegaEmbed, vegaLite and vega on `window` (the stub wrongly requires it).
    bundle: str = vl_convert.javascript_bundle(vl_version=f"v{major}_{minor}")  # type: ignore[call-arg]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_text(bundle, encoding="utf-8")
        partial.replace(path)      # readers see no file or a whole one
    except OSError:
        pass
    return bundle


def _script_json(obj: object) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(obj, sort_keys=True, ensure_ascii=False).replace("</", "<\\/")


def _page(body: str, specs: dict[str, Any]) -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>qbank coverage report</title>
<style>{CSS}</style>
<script>{_vega_bundle()}</script>
</head>
<body>
{body}
<script>
const SPECS = {_script_json(specs)};
for (const [id, spec] of Object.entries(SPECS)) {{
  const el = document.getElementById(id);
  vegaEmbed(el, spec, {{actions: false, renderer: "svg"}})
    .then(() => {{ el.dataset.rendered = "true"; }})
    .catch((err) => {{ el.dataset.rendered = "error"; el.textContent = "chart failed: " + err; }});
}}
</script>
</body>
</html>
"""


CSS = """
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b;
       margin: 0 auto; padding: 24px 32px; max-width: 1240px; background: #fafafa; }
h1 { margin: 0 0 4px; font-size: 26px; }
h2 { margin: 32px 0 8px; font-size: 20px; }
h3 { margin: 24px 0 6px; font-size: 16px; }
.decks, .summary { margin: 4px 0; color: #444; }
.summary { font-size: 15px; color: #1b1b1b; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 12px; margin: 20px 0; }
.tile { background: #fff; border: 1px solid #e3e3e3; border-radius: 8px; padding: 12px 14px; }
.tile .label { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #666; }
.tile .value { font-size: 28px; font-weight: 600; margin: 2px 0; }
.tile .note { font-size: 12px; color: #666; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(560px, 100%), 1fr)); gap: 16px; }
.panel { margin: 0; background: #fff; border: 1px solid #e3e3e3; border-radius: 8px; padding: 12px; min-width: 0; }
.chart { width: 100%; }
.scroll { overflow-x: auto; }
@media (max-width: 600px) { body { padding: 12px; } .tiles { grid-template-columns: repeat(2, 1fr); } }
figcaption { font-weight: 600; margin-bottom: 8px; }
.src { font: 11px ui-monospace, monospace; color: #888; font-weight: normal; margin-left: 6px; }
.count { background: #eee; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: normal; }
.empty, .more { color: #777; font-style: italic; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 13px; }
th, td { border-bottom: 1px solid #eee; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f2f2f2; position: sticky; top: 0; }
footer { margin-top: 32px; color: #777; font-size: 12px; }
code { font: 12px ui-monospace, monospace; background: #f0f0f0; padding: 1px 4px; border-radius: 3px; }
"""
