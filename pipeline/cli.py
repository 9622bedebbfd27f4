"""The `qbank` command: a thin layer over the library.

Each command parses its options, makes one library call and formats the
output. Library errors (`PipelineError`) become one line on stderr and exit
code 1; nothing reaches the user as a traceback.
"""
from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from .errors import PipelineError
from .settings import DEFAULT_DB
from .types import QUESTION_TYPES

F = TypeVar("F", bound=Callable[..., Any])


class QbankGroup(click.Group):
    """Turns library errors into `Error: …` lines (exit 1) instead of tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PipelineError as e:
            raise click.ClickException(str(e)) from e


def db_option(fn: F) -> F:
    """The shared `--db PATH` option of every command that touches a bank."""
    return click.option(
        "--db", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB, show_default=True,
        help="DuckDB bank file.",
    )(fn)


# `pipeline.decks.FORMATS` (kept literal so `qbank --help` does not import the readers; a test checks it).
DECK_FORMATS = ("text", "tsv", "csv", "apkg")


def deck_format_option(fn: F) -> F:
    return click.option(
        "--deck-format", "deck_format", type=click.Choice(DECK_FORMATS), default=None,
        help="Deck format (default: by extension; .txt with an Anki '#separator:' header is tsv; "
             "apkg reads .apkg and .colpkg packages).",
    )(fn)


@click.group(cls=QbankGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="qbank")
def cli() -> None:
    """qbank: turn flashcard decks into a question bank.

    Example:

    \b
        qbank build data/raw/serverless-aws.txt
        qbank questions --type multichoice --limit 5
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@deck_format_option
@click.option("--seed", type=int, default=42, show_default=True, help="Seed for distractors and sampling.")
@click.option("--batch-size", type=click.IntRange(1), default=500, show_default=True, help="Cards per extraction task.")
@click.option("--strict", is_flag=True, help="Refuse a deck with malformed cards instead of skipping them.")
@click.option("--force", is_flag=True, help="Rebuild decks even when content and settings are unchanged.")
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path), default=Path("reports/qbank-report.html"),
              show_default=True, help="Coverage report written after the build (a flow-run artifact links it).")
@click.option("--no-report", is_flag=True, help="Skip the coverage report.")
def build(paths: tuple[Path, ...], db: Path, deck_format: str | None, seed: int, batch_size: int, strict: bool,
          force: bool, report: Path, no_report: bool) -> None:
    """Build or refresh the bank from deck files or folders (runs the Prefect flow).

    A deck whose content and settings have not changed since its last build is
    skipped and reported as unchanged. Malformed cards are reported as
    FILE:LINE and skipped (or refused with --strict).

    Example:

    \b
        qbank build data/raw/serverless-aws.txt --db data/processed/qbank.duckdb
        qbank build decks/ --seed 7
    """
    from .build import deck_paths

    deck_paths(paths)  # fail fast, before Prefect starts, on a path that does not exist
    from flows.build_bank import PROGRESS_LOGGER, build_bank
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    _quiet_user_errors("prefect", "prefect.flow_runs", "prefect.task_runs")
    console = Console(stderr=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as progress:
        handler = _ProgressHandler(progress)
        logger = logging.getLogger(PROGRESS_LOGGER)
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        try:
            rows = build_bank(
                paths=[str(p) for p in paths], db=str(db), seed=seed, batch_size=batch_size,
                strict=strict, deck_format=deck_format, force=force,
                report=None if no_report else str(report),
            )
        finally:
            logger.removeHandler(handler)
    for row in rows:
        if row["status"] == "unchanged":
            click.echo(f"{row['deck_id']}: unchanged since its last build ({row['cards']} cards); use --force to rebuild")
        else:
            skipped = f", {row['skipped']} malformed card(s) skipped (see warnings above)" if row["skipped"] else ""
            click.echo(
                f"{row['deck_id']}: {row['cards']} cards{skipped}, {row['facts']} facts, "
                f"{row['questions']} questions ({row['accepted']} accepted) → {db}"
            )
    if not no_report:
        click.echo(f"coverage report: {report}")


class _NoTracebackForUserErrors(logging.Filter):
    """Prefect logs a failed run with its traceback; for a user error the one line says it all."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], PipelineError):
            record.exc_info = None
            record.exc_text = None
        return True


def _quiet_user_errors(*logger_names: str) -> None:
    for name in logger_names:
        for handler in logging.getLogger(name).handlers:
            if not any(isinstance(f, _NoTracebackForUserErrors) for f in handler.filters):
                handler.addFilter(_NoTracebackForUserErrors())


class _ProgressHandler(logging.Handler):
    """Feeds the flow's progress events into a rich progress bar."""

    def __init__(self, progress: Any) -> None:
        super().__init__()
        self.progress = progress
        self.tasks: dict[str, Any] = {}

    def emit(self, record: logging.LogRecord) -> None:
        deck, total, advance = (getattr(record, k, None) for k in ("qbank_deck", "qbank_total", "qbank_advance"))
        if deck is None:
            return
        if deck not in self.tasks:
            self.tasks[deck] = self.progress.add_task(f"extracting {deck}", total=total)
        if advance:
            self.progress.advance(self.tasks[deck], advance)


@cli.command()
@click.argument("deck", type=click.Path(path_type=Path))
@deck_format_option
@click.option("--format", "output", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="jsonl: one JSON object per fact or service (the gold scorer's input); table: for reading.")
def facts(deck: Path, deck_format: str | None, output: str) -> None:
    """Print the facts and services found in a deck (no bank needed).

    Numeric facts: {"card", "line", "text", "value", "unit", "kind", ...};
    services: {"card", "line", "service", "text"}. Units and kinds follow the
    gold conventions (binary bytes, seconds, USD, per-second rates).

    Example:

    \b
        qbank facts data/raw/serverless-aws.txt > facts.jsonl
        qbank facts notes.txt --deck-format tsv --format table
    """
    from .decks import read_deck

    parsed = read_deck(deck, fmt=deck_format)
    for issue in parsed.issues:
        click.echo(f"warning: {issue} (card skipped)", err=True)
    from .facts import extract, fact_rows   # spaCy loads only for a deck that reads

    rows = fact_rows(extract(parsed.cards))
    if output == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("card", "line", "text", "value", "unit", "kind / service")
    for row in rows:
        table.add_row(str(row["card"]), str(row["line"]), row["text"], str(row.get("value", "")),
                      str(row.get("unit") or ""), row.get("kind") or row.get("service", ""))
    Console().print(table)


@cli.command()
@db_option
@click.option("--deck", "deck_id", default=None, help="Only this deck (its file name without extension).")
@click.option("--type", "qtype", default=None,
              type=click.Choice(QUESTION_TYPES), help="Only this question type.")
@click.option("--status", type=click.Choice(["accepted", "rejected", "all"]), default="accepted", show_default=True,
              help="Gate verdict to list; rejected ones show their reason.")
@click.option("--subject", default=None, help="Only questions whose subject contains this text (any case).")
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many questions.")
@click.option("--format", "output", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True,
              help="table: for reading; jsonl: one question with its options per line; csv: one row per question.")
def questions(db: Path, deck_id: str | None, qtype: str | None, status: str, subject: str | None,
              limit: int | None, output: str) -> None:
    """List the bank's questions, filtered by deck, type, gate status and subject.

    Example:

    \b
        qbank questions --type multichoice --limit 5
        qbank questions --status rejected --format csv > rejected.csv
        qbank questions --deck serverless-aws --subject lambda --format jsonl
    """
    from dataclasses import asdict

    from .store import Store

    with Store(db, read_only=True) as store:
        found = store.load_questions(deck_id=deck_id, status=None if status == "all" else status, qtype=qtype,
                                     subject=subject, limit=limit)
    if output == "jsonl":
        for q in found:
            row = asdict(q)
            row["extra"] = dict(q.extra)
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return
    columns = ["question_id", "deck_id", "card_index", "line", "type", "status", "subject", "stem", "answer",
               "options", "reject_reason"]
    rows: list[tuple[Any, ...]] = [(q.question_id, q.deck_id, q.card_index, q.line, q.type, q.status, q.subject, q.stem, q.answer,
             " | ".join(("*" if o.is_correct else "") + o.text for o in q.options), q.reject_reason) for q in found]
    if output == "table":   # the columns a reader scans; jsonl and csv carry everything
        columns = ["question_id", "card_index", "type", "status", "stem", "answer", "reject_reason"]
        rows = [(r[0], r[2], r[4], r[5], _tail(r[7].replace("\n", " "), 70), r[8], r[10]) for r in rows]
    _print_rows(columns, rows, output)


@cli.command("eval-facts")
@click.argument("deck", type=click.Path(path_type=Path))
@click.option("--gold", "gold_dir", type=click.Path(file_okay=False, exists=True, path_type=Path), required=True,
              help="Folder with NAME.gold.jsonl, NAME.services.jsonl and NAME.nonfacts.jsonl.")
@deck_format_option
@click.option("--min-precision", type=float, default=0.0, help="Exit 1 when facts precision is below this.")
@click.option("--min-recall", type=float, default=0.0, help="Exit 1 when facts recall is below this.")
@click.option("--quiet", is_flag=True, help="Print only the summary line.")
def eval_facts(deck: Path, gold_dir: Path, deck_format: str | None, min_precision: float, min_recall: float,
               quiet: bool) -> None:
    """Score the facts and services extracted from DECK against its gold files.

    Matching follows the gold scorer: (card, unit, value) as a multiset with a
    relative tolerance of 1e-6; services by normalised name; traps are false
    alarms on listed non-facts. Misses, extras and traps are listed first.

    Example:

    \b
        qbank eval-facts ../shared/decks/serverless-aws.txt --gold ../shared/gold
        qbank eval-facts deck.txt --gold gold/ --min-precision 0.97 --min-recall 0.97 --quiet
    """
    from .decks import deck_name, read_deck
    from .evaluation import evaluate, read_gold
    from .facts import extract, fact_rows

    name = deck_name(deck)
    result = evaluate(fact_rows(extract(read_deck(deck, fmt=deck_format).cards)), *read_gold(gold_dir, name))
    if not quiet:
        for g in result.misses:
            click.echo(f"miss   card {g['card']:>3}: {g.get('text')!r} = {g['value']} {g.get('unit')}")
        for f in result.false_alarms:
            click.echo(f"extra  card {f.get('card')!s:>3}: {f.get('text', '')!r} = {f.get('value')} {f.get('unit')}")
        for f, t in result.traps:
            click.echo(f"trap   card {f.get('card')!s:>3}: {f.get('text')!r} ({t.get('reason')})")
        for card, service in result.missed_services:
            click.echo(f"miss service card {card:>3}: {service}")
    click.echo(result.summary(name))
    if result.facts.precision < min_precision or result.facts.recall < min_recall:
        sys.exit(1)


@cli.group()
def responses() -> None:
    """Learners' answers: import them for grading and calibration.

    Example:

    \b
        qbank responses import answers.csv --db data/processed/qbank.duckdb
    """


@responses.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@click.option("--learner", "learner_id", default=None,
              help="Learner ID for an Anki collection's reviews (default: the file name).")
def responses_import(file: Path, db: Path, learner_id: str | None) -> None:
    """Import responses from a CSV or an Anki collection reviewed from our .apkg.

    CSV columns: learner_id, question_id, and correct (1/0) or a raw response
    (graded later by `qbank grade`), optionally answered_at (ISO 8601). Bad rows
    are reported as FILE:LINE: reason and skipped. Anki: .anki2/.anki21, or a
    .colpkg exported with "Support older Anki versions"; the first graded review
    of each card counts, ease >= 2 is correct. Importing twice adds nothing.

    Example:

    \b
        qbank responses import answers.csv
        qbank responses import collection.anki2 --learner alice --db bank.duckdb
    """
    from .responses import import_responses
    from .store import Store

    with Store(db, create=False) as store:
        result, added = import_responses(store, file, learner_id=learner_id)
    for issue in result.issues:
        click.echo(f"warning: {issue} (row skipped)", err=True)
    foreign = f", {result.foreign} review(s) of notes not from this bank ignored" if result.foreign else ""
    click.echo(f"{file}: {len(result.responses)} responses read, {added} new, "
               f"{len(result.issues)} bad row(s) skipped{foreign} → {db}")


@cli.command()
@db_option
@click.option("--regrade", is_flag=True, help="Grade every raw response again, not only ungraded ones.")
@click.option("--show", type=click.Choice(["summary", "items", "learners"]), default="summary", show_default=True,
              help="Also list per-item or per-learner results.")
def grade(db: Path, regrade: bool, show: str) -> None:
    """Grade raw responses: numbers with units and tolerance, text with aliases, options.

    `15 minutes` is accepted for a 900-second answer and `15 seconds` is not.

    Example:

    \b
        qbank grade --db data/processed/qbank.duckdb --show items
    """
    from .grading import grade_bank, item_results, learner_results
    from .store import Store

    with Store(db, create=False) as store:
        graded = grade_bank(store, regrade=regrade)
    n_correct = int(graded["correct"].sum()) if len(graded) else 0
    click.echo(f"{len(graded)} responses graded, {n_correct} correct → {db}")
    if show != "summary" and len(graded):
        table = item_results(graded) if show == "items" else learner_results(graded)
        click.echo(table.to_string(index=False))


@cli.command()
@db_option
@click.option("--model", "model_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="A trained difficulty model to use as the prior (default: the heuristic prior).")
@click.option("--train", "train_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="After calibrating, train a difficulty model on the calibrated items and save it here.")
def calibrate(db: Path, model_path: Path | None, train_path: Path | None) -> None:
    """Fit Rasch difficulties and Moodle item statistics from the responses.

    Writes item_stats (facility, discrimination index, discriminative
    efficiency, b ± SE, flag) and blends prior and calibrated b by the amount
    of evidence into questions.difficulty. Items with negative discrimination
    are flagged for review.

    Example:

    \b
        qbank calibrate --db data/processed/qbank.duckdb
        qbank calibrate --train data/processed/difficulty.joblib
    """
    from .calibration import calibrate_bank, train_scorer
    from .difficulty import load_artifact
    from .store import Store

    model = load_artifact(model_path) if model_path else None
    with Store(db, create=False) as store:
        stats = calibrate_bank(store, model=model)
        artifact = train_scorer(store, train_path) if train_path else None
    flagged = stats[stats["flag"].notna()]
    bands = stats["band"].value_counts().to_dict()
    click.echo(f"{len(stats)} items calibrated from {int(stats['n_responses'].sum())} responses "
               f"(median {stats['n_responses'].median():g} per item); bands: "
               + ", ".join(f"{k} {bands.get(k, 0)}" for k in ("easy", "medium", "hard")) + f" → {db}")
    for qid in flagged["question_id"]:
        click.echo(f"flag: {qid}: negative discrimination, review the key and the distractors", err=True)
    if artifact is not None:
        cv = artifact.cv
        click.echo(f"difficulty model → {train_path}: Spearman ρ {cv['rho']:.2f} "
                   f"(95% CI {cv['rho_low']:.2f}–{cv['rho_high']:.2f}) by card, RMSE {cv['rmse']:.2f} "
                   f"vs mean-only {cv['baseline_rmse']:.2f}; snapshot {artifact.snapshot_id}")
        if cv["rmse"] >= cv["baseline_rmse"]:
            click.echo("warning: the model predicts difficulty no better than the mean of the calibrated items; "
                       "keep using the heuristic prior (omit --model) until more items are calibrated", err=True)


# -- analytics ---------------------------------------------------------------------

@cli.command()
@click.argument("query")
@db_option
@click.option("--format", "output", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="table: for reading; csv: with a header; json: a list of objects.")
def sql(query: str, db: Path, output: str) -> None:
    """Run one read-only SQL query against the bank (views documented in docs/analytics.md).

    Only queries run (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE): a write is
    refused and changes nothing. The bank is opened read-only too.

    Example:

    \b
        qbank sql "SELECT subject, n_facts, fact_coverage FROM coverage_by_subject"
        qbank sql "SELECT * FROM uncovered_facts" --format csv > gaps.csv
    """
    from .analytics import run_sql
    from .store import Store

    with Store(db, read_only=True) as store:
        columns, rows = run_sql(store, query)
    _print_rows(columns, rows, output)
    if output == "table":
        click.echo(f"{len(rows)} row(s)", err=True)


@cli.command()
@db_option
@click.option("--format", "output", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(db: Path, output: str) -> None:
    """Print the bank's headline numbers: coverage of cards and facts, questions, acceptance.

    Example:

    \b
        qbank stats --db data/processed/qbank.duckdb
        qbank stats --format json
    """
    from .analytics import stats as bank_stats
    from .store import Store

    with Store(db, read_only=True) as store:
        numbers = bank_stats(store)
    if output == "json":
        click.echo(json.dumps(numbers, indent=2))
    else:
        _print_rows(["metric", "value"], list(numbers.items()), "table")


@cli.command()
@db_option
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="HTML file to write [default: reports/qbank-report.html].")
def report(db: Path, out: Path | None) -> None:
    """Write the coverage report: one self-contained HTML file (opens offline).

    Headline numbers, charts (coverage per subject, question types, difficulty,
    rejection reasons, fact kind × type, exam sets) and tables of the gaps.

    Example:

    \b
        qbank report
        qbank report --db /tmp/x.duckdb --out reports/x.html
    """
    from .report import write_report
    from .store import Store

    with Store(db, read_only=True) as store:
        path = write_report(store, out)
    click.echo(f"report → {path}")


# `pipeline.exporters.FORMATS` (kept literal so `qbank --help` does not import the exporters; a test checks it).
EXPORT_FORMATS = ("anki", "gift", "moodle-xml", "qti", "qti12", "quizlet", "kahoot", "csv", "json")


@cli.group()
def exam() -> None:
    """Exam sets: questions picked from the bank by a blueprint, stored for export.

    Example:

    \b
        qbank exam create midterm --deck serverless-aws --count 20 --seed 1
        qbank export --format gift --out midterm.gift --exam midterm
    """


@exam.command("create")
@click.argument("name")
@db_option
@click.option("--deck", default=None, help="Pick from this deck only (default: the whole bank).")
@click.option("--count", type=click.IntRange(1), required=True, help="How many questions.")
@click.option("--types", default=None, help="Comma-separated question types, e.g. multichoice,numerical.")
@click.option("--difficulty", "mix", default=None, help="Shares per band, e.g. easy:0.3,medium:0.5,hard:0.2.")
@click.option("--per-subject", type=click.IntRange(1), default=None, help="At most K questions per subject.")
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same exam.")
def exam_create(name: str, db: Path, deck: str | None, count: int, types: str | None, mix: str | None,
                per_subject: int | None, seed: int) -> None:
    """Pick an exam by blueprint and store it (an exam of the same name is replaced).

    Picks spread over subjects and cards, take at most one question per fact,
    and follow the difficulty mix; a short band or pool is filled or shrunk
    with a warning.

    Example:

    \b
        qbank exam create quiz1 --deck serverless-aws --count 10
        qbank exam create final --deck serverless-aws --count 30 --types multichoice,truefalse \\
            --difficulty easy:0.3,medium:0.5,hard:0.2 --per-subject 3 --seed 7
    """
    import warnings

    from .exams import create_exam, parse_mix
    from .exporters import select_questions
    from .store import Store

    wanted = [t.strip() for t in types.split(",") if t.strip()] if types else None
    for t in wanted or ():
        if t not in QUESTION_TYPES:
            raise click.BadParameter(f"{t!r} is not a question type; choose from {', '.join(QUESTION_TYPES)}",
                                     param_hint="--types")
    with Store(db, create=False) as store:
        _, questions = select_questions(store, deck=deck)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            made = create_exam(questions, name=name, count=count, types=wanted,
                               difficulty_mix=parse_mix(mix) if mix else None, per_subject=per_subject, seed=seed)
        store.save_exam(made)
    for w in caught:
        click.echo(f"warning: {w.message}", err=True)
    bands = ", ".join(f"{b} {sum(i.band == b for i in made.items)}" for b in ("easy", "medium", "hard"))
    subjects = len({i.subject for i in made.items})
    click.echo(f"exam {name!r}: {len(made.items)} questions ({bands}) over {subjects} subjects → {db}")


@cli.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="Target format.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="File to write.")
@click.option("--exam", "exam_name", default=None, help="Export this stored exam, in its order.")
@click.option("--deck", default=None, help="Export this deck's accepted questions (default: the whole bank).")
@click.option("--timestamp", type=float, default=None,
              help="Clock written into the file (seconds since 1970) [default: a fixed date plus one second per "
                   "content revision: exports repeat byte for byte, and Anki updates notes after a rebuild that "
                   "changed them].")
def export_cmd(db: Path, fmt: str, out: Path, exam_name: str | None, deck: str | None, timestamp: float | None) -> None:
    """Export questions for Anki, Moodle, Canvas/QTI, Quizlet, Kahoot, or as CSV/JSON.

    Each question type maps to the closest native type of the target; what the
    target cannot hold is listed as a warning. Anki notes keep their GUIDs
    across rebuilds, so re-importing updates notes instead of duplicating them.

    Example:

    \b
        qbank export --format anki --out serverless.apkg --deck serverless-aws
        qbank export --format gift --out midterm.gift --exam midterm
        qbank export --format json --out bank.json
    """
    from .exporters import export, select_questions
    from .store import Store

    with Store(db, read_only=True) as store:
        title, questions = select_questions(store, exam=exam_name, deck=deck)
    result = export(fmt, questions, title=title)
    result.write(out, timestamp=timestamp)
    _echo_skipped(result.skipped, fmt)
    mapping = ", ".join(f"{n} {a}→{b}" for a, b, n in result.native)
    click.echo(f"{out}: {result.n_items} item(s) from {result.n_questions - len(result.skipped)} of "
               f"{result.n_questions} question(s) ({mapping}); {len(result.skipped)} not mappable")


def _tail(text: str, width: int) -> str:
    """The end of a stem (where its blank is), cut at a word and marked with an ellipsis."""
    if len(text) <= width:
        return text
    cut = text[-width:]
    return "…" + (cut.split(" ", 1)[1] if " " in cut else cut)


def _echo_skipped(skipped: Sequence[Any], fmt: str, *, shown: int = 5) -> None:
    """What an export could not hold: counts per reason, with a few question IDs each."""
    by_reason: dict[str, list[str]] = {}
    for s in skipped:   # "question has 169 characters" and "… 150 characters" are one reason
        by_reason.setdefault(re.sub(r"\d+", "N", s.reason), []).append(s.question_id)
    for reason, ids in sorted(by_reason.items(), key=lambda kv: -len(kv[1])):
        more = f" … and {len(ids) - shown} more" if len(ids) > shown else ""
        click.echo(f"warning: {len(ids)} question(s) not exported to {fmt}: {reason} ({', '.join(ids[:shown])}{more})",
                   err=True)


def _print_rows(columns: list[str], rows: list[tuple[Any, ...]], output: str) -> None:
    """Query rows as a rich table, CSV or JSON on stdout."""
    if output == "json":
        click.echo(json.dumps([dict(zip(columns, r)) for r in rows], indent=2, default=str, ensure_ascii=False))
    elif output == "csv":
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        Console().print(table)
