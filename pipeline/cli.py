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
from .settings import default_db
from .types import QUESTION_TYPES

F = TypeVar("F", bound=Callable[..., Any])


class QbankGroup(click.Group):
    """Turns library errors into `Error: …` lines (exit 1) instead of tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PipelineError as e:
            raise click.ClickException(str(e)) from e


def _default_db() -> Path:
    import os

    return default_db(os.environ, Path.home())


def db_option(fn: F) -> F:
    """The shared `--db PATH` option of every command that touches a bank."""
    return click.option(
        "--db", type=click.Path(dir_okay=False, path_type=Path), default=_default_db,
        show_default="$QBANK_DB, `db` in ~/.config/qbank/config.toml, or the project's data/processed/qbank.duckdb",
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
@click.option("--batch-size", type=click.IntRange(1), default=500, show_default=True, help="Cards per batch task.")
@click.option("--workers", type=click.IntRange(1), default=None,
              help="Processes for the batches, the build's own among them (default: one per CPU core).")
@click.option("--task-runner", "runner", type=click.Choice(["process", "dask"]), default="process", show_default=True,
              help="Run the batches in worker processes here, or on a Dask cluster (prefect-dask).")
@click.option("--dask-address", default=None,
              help="Scheduler of an existing Dask cluster, e.g. tcp://10.0.0.5:8786 (default: a local cluster).")
@click.option("--strict", is_flag=True, help="Refuse a deck with malformed cards instead of skipping them.")
@click.option("--force", is_flag=True, help="Process every card again, even when nothing changed.")
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Coverage report written after the build (a flow-run artifact links it) "
                   "[default: beside the bank, BANK-report.html].")
@click.option("--no-report", is_flag=True, help="Skip the coverage report.")
def build(paths: tuple[Path, ...], db: Path, deck_format: str | None, seed: int, batch_size: int,
          workers: int | None, runner: str, dask_address: str | None, strict: bool, force: bool,
          report: Path | None, no_report: bool) -> None:
    """Build or refresh the bank from deck files or folders (runs the Prefect flow).

    Only what changed is processed again: edited and new cards are extracted and
    generated, the rest keep their questions, IDs and revisions; a deck that has
    not changed at all is reported as unchanged before any Prefect server starts,
    and one with at most 1,000 changed cards is built in this process without one
    (unless PREFECT_API_URL names a running server).
    Malformed cards are reported as FILE:LINE and skipped (or refused with
    --strict). What a build added, changed and removed is stored: see `qbank diff`.

    Example:

    \b
        qbank build data/raw/serverless-aws.txt --db data/processed/qbank.duckdb
        qbank build decks/ --seed 7 --workers 2
        qbank build decks/ --task-runner dask --dask-address tcp://scheduler:8786
    """
    import os

    from .preflight import preflight
    from .settings import Settings

    settings = Settings(seed=seed, batch_size=batch_size, strict=strict, deck_format=deck_format)
    plan = preflight(paths, db, settings, force=force)
    rows: list[dict[str, Any]] = []
    # a few edited cards are built here: a server start would cost more than the work (unless one is running,
    # where the run shows up)
    here = {} if os.environ.get("PREFECT_API_URL") else plan.small
    flow_paths = [p for p in plan.to_build if p not in here]
    if here:
        rows += _build_here(here, db, settings, report=report, with_report=not no_report and not flow_paths)
    if flow_paths:
        spec = {"paths": [str(p) for p in flow_paths], "db": str(db), "seed": seed, "batch_size": batch_size,
                "strict": strict, "deck_format": deck_format, "force": force,
                "workers": workers or os.cpu_count() or 1, "report": None if no_report else str(report or ""),
                "runner": "dask" if dask_address else runner, "dask_address": dask_address}
        rows = _supervised_build(spec)
    rows += [{"deck_id": p.stem, "path": str(p), "status": "unchanged", "cards": n} for p, n in plan.unchanged]
    rows += [{"deck_id": p.stem, "path": str(p), "status": "failed", "message": m} for p, m in plan.failed]
    _build_summary(rows, db)
    if any(r["status"] == "built" for r in rows) and not no_report:
        from .settings import report_path

        click.echo(f"coverage report: {report or report_path(db)}")
    if any(r["status"] == "failed" for r in rows):
        raise SystemExit(1)


def _build_summary(rows: list[dict[str, Any]], db: Path) -> None:
    """One line per deck, then (for several decks) a table that says which were built, unchanged or failed."""
    for row in rows:
        if row["status"] == "unchanged":
            click.echo(f"{row['path']}: unchanged since its last build ({row['cards']} cards); use --force to rebuild")
        elif row["status"] == "failed":
            click.echo(f"Error: {row['message']}", err=True)
        else:
            skipped = f", {row['skipped']} malformed card(s) skipped (see warnings above)" if row["skipped"] else ""
            click.echo(f"{row['deck_id']}: {row['cards']} cards{skipped}, {row['facts']} facts, "
                       f"{row['questions']} questions ({row['accepted']} accepted) → {db}")
            click.echo(f"  changes: {row['added']} added, {row['changed']} changed, {row['removed']} removed "
                       f"({row['processed']} of {row['cards']} cards processed); see `qbank diff --deck {row['deck_id']}`")
    if len(rows) > 1:
        _print_rows(["deck", "status", "cards", "questions", "accepted", "note"], [
            (r["deck_id"], r["status"], r.get("cards", ""), r.get("questions", ""), r.get("accepted", ""),
             "see the error above" if r["status"] == "failed" else "") for r in rows], "table")


def _build_here(paths: dict[Path, Any], db: Path, settings: Any, *, report: Path | None,
                with_report: bool) -> list[dict[str, Any]]:
    """Build decks with few changed cards (`paths`: their scans) in this process (no Prefect), with the
    flow's messages and report.

    Ctrl-C or SIGTERM discards the deck being written: the bank stays as it was.
    """
    import signal
    from dataclasses import asdict
    from functools import partial

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .build import BuildSummary, build_deck, load_deck
    from .store import Store

    def stop(signum: int, frame: Any) -> None:
        raise _Interrupted(signum)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    rows: list[dict[str, Any]] = []
    current = ""
    try:
        with Store(db) as store, Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                          TimeElapsedColumn(), console=Console(stderr=True), transient=True) as bar:
            for path, scan in paths.items():
                try:
                    deck = load_deck(path, settings)
                    current = deck.deck_id
                    task = bar.add_task(deck.deck_id, total=None)
                    summary = build_deck(deck, settings, store, progress=partial(bar.advance, task), scan=scan,
                                         warn=lambda issue: click.echo(f"skipped card: {issue}", err=True))
                except PipelineError as e:
                    store.discard_staged()
                    summary = BuildSummary(path.stem, str(path), "failed", message=str(e))
                rows.append(asdict(summary))
            current = ""
            if with_report and any(r["status"] == "built" for r in rows):
                from .report import write_report
                from .settings import report_path

                write_report(store, report or report_path(db))
    except (_Interrupted, KeyboardInterrupt) as e:
        click.echo(f"interrupted: {current or 'no deck'} not written; the bank is as it was", err=True)
        raise SystemExit(128 + (e.signum if isinstance(e, _Interrupted) else signal.SIGINT)) from None
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return rows


class _Interrupted(Exception):
    def __init__(self, signum: int) -> None:
        self.signum = signum


def _supervised_build(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Run the build flow in a child process of its own session, and stop it cleanly on Ctrl-C or SIGTERM.

    The child holds the Prefect server, the worker processes and the bank's one
    writing connection; on a signal its whole process group is stopped (SIGTERM,
    then SIGKILL after a grace period), so nothing lingers and the deck being
    written is never committed: the bank stays as it was.
    """
    import signal
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(prefix="qbank-build-") as tmp:
        spec = {**spec, "result": str(Path(tmp) / "result.json"), "status": str(Path(tmp) / "status")}
        (Path(tmp) / "spec.json").write_text(json.dumps(spec), encoding="utf-8")

        def stop(signum: int, frame: Any) -> None:
            raise _Interrupted(signum)

        previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
        child = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "build-worker", str(Path(tmp) / "spec.json")],
                                 start_new_session=True)
        try:
            code = child.wait()
        except _Interrupted as e:
            _stop_group(child)
            status = Path(spec["status"])
            deck = status.read_text(encoding="utf-8").strip() if status.exists() else ""
            click.echo(f"interrupted: {deck or 'no deck'} not written; the bank is as it was", err=True)
            raise SystemExit(128 + e.signum) from None
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        result = Path(spec["result"])
        if code != 0 or not result.exists():
            raise SystemExit(code or 1)
        rows: list[dict[str, Any]] = json.loads(result.read_text(encoding="utf-8"))
        return rows


STOP_GRACE_SECONDS = 3.0


def _stop_group(child: Any) -> None:
    """SIGTERM the child's process group, then SIGKILL whatever outlives a grace period (workers, the server)."""
    import os
    import signal
    import subprocess

    try:
        os.killpg(child.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        child.wait(timeout=STOP_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    child.wait()


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@db_option
@click.option("--cron", default="0 2 * * *", show_default=True, help="When to rebuild (cron, the server's time zone).")
@click.option("--name", default="nightly", show_default=True, help="The deployment's name.")
@click.option("--workers", type=click.IntRange(1), default=2, show_default=True, help="Worker processes per run.")
def serve(paths: tuple[Path, ...], db: Path, cron: str, name: str, workers: int) -> None:
    """Rebuild the bank from decks on a schedule: serve the build flow as a Prefect deployment.

    Runs until stopped (Ctrl-C). Point PREFECT_API_URL at a running Prefect
    server (`prefect server start`) so the runs, their logs and artifacts show
    in its UI. Each run rebuilds only what changed.

    Example:

    \b
        prefect server start &
        export PREFECT_API_URL=http://127.0.0.1:4200/api
        qbank serve data/raw --db data/processed/qbank.duckdb --cron "0 2 * * *"
    """
    from flows.deploy import deployment
    from prefect import serve as prefect_serve

    prefect_serve(deployment([str(p.resolve()) for p in paths], str(db.resolve()), name=name, cron=cron,
                             workers=workers))


@cli.command("build-worker", hidden=True)
@click.argument("spec_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def build_worker(spec_file: Path) -> None:
    """Run the build flow for `qbank build` (internal: the parent supervises it).

    Example:

    \b
        (started by `qbank build`; not for direct use)
    """
    from .settings import Settings

    spec = json.loads(spec_file.read_text(encoding="utf-8"))
    settings = Settings(seed=spec["seed"], batch_size=spec["batch_size"], strict=spec["strict"],
                        deck_format=spec["deck_format"])
    rows = _run_build_flow([Path(p) for p in spec["paths"]], Path(spec["db"]), settings, force=spec["force"],
                           workers=spec["workers"], report=spec["report"], runner=spec["runner"],
                           dask_address=spec["dask_address"],
                           status=Path(spec["status"]))
    Path(spec["result"]).write_text(json.dumps(rows, default=str), encoding="utf-8")


def _run_build_flow(paths: list[Path], db: Path, settings: Any, *, force: bool, workers: int,
                    report: str | None, runner: str = "process", dask_address: str | None = None,
                    status: Path | None = None) -> list[dict[str, Any]]:
    """Run the build flow with a progress bar; batches go to `workers` processes or a Dask cluster."""
    from flows.build_bank import PROGRESS_LOGGER, build_bank
    from flows.runners import task_runner
    from flows.server import prefect_api
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    _quiet_user_errors("prefect", "prefect.flow_runs", "prefect.task_runs")
    console = Console(stderr=True)
    with prefect_api(), Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), console=console, transient=True) as progress:
        handler = _ProgressHandler(progress, status)
        logger = logging.getLogger(PROGRESS_LOGGER)
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        try:
            return build_bank.with_options(task_runner=task_runner(runner, workers=workers, address=dask_address))(
                paths=[str(p) for p in paths], db=str(db), seed=settings.seed, batch_size=settings.batch_size,
                strict=settings.strict, deck_format=settings.deck_format, force=force,
                report=report, workers=workers,
            )
        finally:
            logger.removeHandler(handler)


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
    """Feeds the flow's progress events into a rich progress bar (and names the deck being built in `status`)."""

    def __init__(self, progress: Any, status: Path | None = None) -> None:
        super().__init__()
        self.progress = progress
        self.status = status
        self.tasks: dict[str, Any] = {}

    def emit(self, record: logging.LogRecord) -> None:
        deck, total, advance = (getattr(record, k, None) for k in ("qbank_deck", "qbank_total", "qbank_advance"))
        if deck is None:
            return
        if deck not in self.tasks:
            self.tasks[deck] = self.progress.add_task(f"building {deck}", total=total)
            if self.status is not None:
                self.status.write_text(deck, encoding="utf-8")
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
@click.option("--min-quality", type=click.FloatRange(0, 1), default=None,
              help="Only questions whose quality score (0-1, the gate's soft signals) is at least this.")
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many questions.")
@click.option("--format", "output", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True,
              help="table: for reading; jsonl: one question with its options per line; csv: one row per question.")
def questions(db: Path, deck_id: str | None, qtype: str | None, status: str, subject: str | None,
              min_quality: float | None, limit: int | None, output: str) -> None:
    """List the bank's questions, filtered by deck, type, gate status, subject and quality score.

    Example:

    \b
        qbank questions --type multichoice --limit 5
        qbank questions --status rejected --format csv > rejected.csv
        qbank questions --deck serverless-aws --subject lambda --min-quality 0.9 --format jsonl
    """
    from dataclasses import asdict

    from .store import Store

    with Store(db, read_only=True) as store:
        found = store.load_questions(deck_id=deck_id, status=None if status == "all" else status, qtype=qtype,
                                     subject=subject, min_quality=min_quality, limit=limit)
    if output == "jsonl":
        for q in found:
            row = asdict(q)
            row["extra"] = dict(q.extra)
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return
    if output == "table":   # what a reader scans, wrapped to the terminal; jsonl and csv carry everything
        _questions_table(found, reasons=status != "accepted")
        return
    columns = ["question_id", "deck_id", "card_index", "line", "type", "status", "subject", "stem", "answer",
               "options", "reject_reason"]
    rows: list[tuple[Any, ...]] = [(q.question_id, q.deck_id, q.card_index, q.line, q.type, q.status, q.subject, q.stem, q.answer,
             " | ".join(("*" if o.is_correct else "") + o.text for o in q.options), q.reject_reason) for q in found]
    _print_rows(columns, rows, output)


@cli.command()
@db_option
@click.option("--deck", "deck_id", default=None, help="The newest build of this deck (default: the newest build).")
@click.option("--build", "build_id", default=None, help="A build by its ID (printed by `qbank build`).")
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many changed questions.")
@click.option("--format", "output", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def diff(db: Path, deck_id: str | None, build_id: str | None, limit: int | None, output: str) -> None:
    """Show what a build added, changed and removed, question by question: review a regeneration.

    A question changed when what a learner sees (stem, answer, options) or its
    gate verdict changed. A deck's first build adds every question and lists none.

    Example:

    \b
        qbank diff --deck serverless-aws
        qbank diff --build 3f9c2a1b0d4e5f67 --format csv > changes.csv
    """
    from .store import Store

    with Store(db, read_only=True) as store:
        found = store.last_build(deck_id=deck_id, build_id=build_id)
        if found is None:
            what = f"build {build_id}" if build_id else f"deck {deck_id}" if deck_id else "any deck"
            raise click.ClickException(f"{db}: no build of {what} is recorded; run `qbank build` first")
        changes = store.question_changes(found.build_id)
    click.echo(f"build {found.build_id} of {found.deck_id} ({found.mode}): {found.n_processed} of {found.n_cards} "
               f"cards processed; {found.n_added} added, {found.n_changed} changed, {found.n_removed} removed, "
               f"{found.n_unchanged} unchanged", err=output != "table")
    columns = ["change", "question_id", "type", "card_index", "line", "stem_before", "stem_after",
               "answer_before", "answer_after", "status_before", "status_after"]
    rows = [tuple(r) for r in changes[columns].itertuples(index=False)][:limit]
    if output == "table":
        rows = [(r[0], r[1], r[2], _head(_sentence(r[5]), 60), _head(_sentence(r[6]), 60), f"{r[7] or ''} → {r[8] or ''}",
                 f"{r[9] or ''} → {r[10] or ''}") for r in rows]
        columns = ["change", "question_id", "type", "sentence before", "sentence after", "answer", "status"]
    _print_rows(columns, rows, output)


def _sentence(stem: str | None) -> str:
    """The part of a stem after its context (`Title › Parent › sentence`), without the prompt line."""
    return (stem or "").split("\n")[0].split(" › ")[-1]


STEM_SHOWN = 200   # characters of a stem the table shows: its start, where the context and the sentence are


def _questions_table(found: Sequence[Any], *, reasons: bool) -> None:
    """Questions as a rich table: the start of each stem, the answer and the options (correct ones starred)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=True, expand=True)
    table.add_column("id", no_wrap=True, min_width=16)
    for name in ("type", "stem", "answer", "options", *(["status"] if reasons else [])):
        table.add_column(name, overflow="fold", ratio=3 if name == "stem" else 1)
    for q in found:
        options = "\n".join(("* " if o.is_correct else "  ") + o.text for o in sorted(q.options, key=lambda o: o.position))
        extra = [q.status + (f": {q.reject_reason}" if q.reject_reason else "")] if reasons else []
        table.add_row(q.question_id, q.type, _head(" ".join(q.stem.split()), STEM_SHOWN), q.answer, options, *extra)
    Console().print(table)


def _head(text: str, width: int) -> str:
    """The start of a text, cut at a word and marked with an ellipsis."""
    if len(text) <= width:
        return text
    return text[:width].rsplit(" ", 1)[0] + " …"


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
              help="HTML file to write [default: beside the bank, BANK-report.html].")
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
EXPORT_FORMATS = ("anki", "gift", "moodle-xml", "qti", "canvas", "qti12", "quizlet", "kahoot", "csv", "json")


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
@click.option("--target", type=click.Choice(EXPORT_FORMATS), default=None,
              help="Pick only questions this export format holds (kahoot: multiple choice and true/false that fit "
                   "its 120/75-character limits).")
def exam_create(name: str, db: Path, deck: str | None, count: int, types: str | None, mix: str | None,
                per_subject: int | None, seed: int, target: str | None) -> None:
    """Pick an exam by blueprint and store it (an exam of the same name is replaced).

    Picks spread over subjects and cards, take at most one question per fact
    and per source line (a stem shows its line's other facts), and follow the
    difficulty mix; a short band or pool is filled or shrunk
    with a warning. With --target, only questions that export to that format
    without being skipped are picked.

    Example:

    \b
        qbank exam create quiz1 --deck serverless-aws --count 10
        qbank exam create live --count 20 --target kahoot
        qbank exam create final --deck serverless-aws --count 30 --types multichoice,truefalse \\
            --difficulty easy:0.3,medium:0.5,hard:0.2 --per-subject 3 --seed 7
    """
    import warnings

    from .exams import create_exam, parse_mix
    from .exporters import exportable, select_questions
    from .store import Store

    wanted = [t.strip() for t in types.split(",") if t.strip()] if types else None
    for t in wanted or ():
        if t not in QUESTION_TYPES:
            raise click.BadParameter(f"{t!r} is not a question type; choose from {', '.join(QUESTION_TYPES)}",
                                     param_hint="--types")
    with Store(db, create=False) as store:
        _, questions = select_questions(store, deck=deck)
        if target is not None:
            questions = exportable(target, questions)
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
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="Target format (canvas: QTI 2.1 as Canvas imports it; qti12: a QTI 1.2 zip for Canvas).")
@click.option("--target", type=click.Choice(["ims", "canvas"]), default=None,
              help="Profile of --format qti: ims (default, every item the IMS schema allows) or canvas (the same as "
                   "--format canvas).")
@click.option("--flat-xml", is_flag=True, help="With --format qti12: write the bare assessment XML, not a zip.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="File to write.")
@click.option("--exam", "exam_name", default=None, help="Export this stored exam, in its order.")
@click.option("--deck", default=None, help="Export this deck's accepted questions (default: the whole bank).")
@click.option("--timestamp", type=float, default=None,
              help="Clock written into the file (seconds since 1970) [default: a fixed date plus one second per "
                   "content revision: exports repeat byte for byte, and Anki updates notes after a rebuild that "
                   "changed them].")
def export_cmd(db: Path, fmt: str, target: str | None, flat_xml: bool, out: Path, exam_name: str | None,
               deck: str | None, timestamp: float | None) -> None:
    """Export questions for Anki, Moodle, Canvas/QTI, Quizlet, Kahoot, or as CSV/JSON.

    Each question type maps to the closest native type of the target; what the
    target cannot hold is listed as a warning, and the summary line counts what
    was merged (a repeated item) or dropped. Anki notes keep their GUIDs across
    rebuilds, so re-importing updates notes instead of duplicating them.

    Example:

    \b
        qbank export --format anki --out serverless.apkg --deck serverless-aws
        qbank export --format gift --out midterm.gift --exam midterm
        qbank export --format qti12 --out quiz.zip          # Canvas: Import Course Content, QTI .zip file
        qbank export --format qti --target canvas --out quiz.zip
    """
    from .exporters import export, select_questions
    from .store import Store

    if target is not None:
        if fmt not in ("qti", "canvas"):
            raise click.BadParameter(f"profiles are for --format qti, not {fmt}", param_hint="--target")
        fmt = "canvas" if target == "canvas" else "qti"
    with Store(db, read_only=True) as store:
        title, questions = select_questions(store, exam=exam_name, deck=deck)
    result = export(fmt, questions, title=title, flat_xml=flat_xml)
    result.write(out, timestamp=timestamp)
    _echo_skipped(result.skipped, fmt)
    mapping = ", ".join(f"{n} {a}→{b}" for a, b, n in result.native)
    changes = "".join(f"; {n} {what}" for what, n in result.changes)
    click.echo(f"{out}: {result.n_items} item(s) from {result.n_questions - len(result.skipped)} of "
               f"{result.n_questions} question(s) ({mapping}){changes}; {len(result.skipped)} not mappable")


def _echo_skipped(skipped: Sequence[Any], fmt: str, *, shown: int = 5) -> None:
    """What an export could not hold: counts per reason, with a few question IDs each."""
    by_reason: dict[str, list[Any]] = {}
    for s in skipped:   # "question has 169 characters" and "… 150 characters" are one reason
        by_reason.setdefault(re.sub(r"\d+", "N", s.reason), []).append(s)
    for group in sorted(by_reason.values(), key=lambda g: -len(g)):
        more = f" … and {len(group) - shown} more" if len(group) > shown else ""
        click.echo(f"warning: {len(group)} question(s) not exported to {fmt}: "
                   f"{_number_ranges([s.reason for s in group])} "
                   f"({', '.join(s.question_id for s in group[:shown])}{more})", err=True)


def _number_ranges(reasons: Sequence[str]) -> str:
    """Reasons that differ only in their numbers, as one: each number as it is, or its range ("121–260")."""
    pieces = [re.split(r"(\d+)", r) for r in reasons]
    out = []
    for i, piece in enumerate(pieces[0]):
        if i % 2 == 0:
            out.append(piece)
            continue
        values = sorted({int(p[i]) for p in pieces})
        out.append(str(values[0]) if len(values) == 1 else f"{values[0]}–{values[-1]}")
    return "".join(out)


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


if __name__ == "__main__":   # `python -m pipeline.cli`: how `qbank build` starts its supervised worker
    cli()
