"""`build_bank`: decks → facts → questions → DuckDB bank, as a Prefect flow.

Coarse tasks only — read and scan a deck, process one batch of cards, write —
never a task per card. Batches run on the flow's task runner (worker
processes by default, or a Dask cluster), with a bounded number in flight, so
memory does not grow with the deck; the flow's own process is the bank's one
writer: it stages each batch as it arrives and commits the deck in one
transaction. Task arguments are plain values; no connection crosses a task.
"""
from __future__ import annotations

import logging
from collections import deque
from pathlib import Path
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.futures import PrefectFuture
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from flows.runners import task_runner
from pipeline.analytics import stats
from pipeline.errors import PipelineError
from pipeline.build import (Batch, BuildSummary, DeckScan, build_mode, deck_paths, deck_row, load_deck, plan_batches,
                            process_batch, scan_deck, summarise)
from pipeline.decks import DeckSource
from pipeline.report import write_report
from pipeline.rows import BatchTables
from pipeline.types import DeckIssue, Known
from pipeline.settings import DEFAULT_DB, PROJECT, Settings, report_path
from pipeline.store import Store

PROGRESS_LOGGER = "qbank.progress"
# Progress events are for listeners such as the CLI's bar, not for the run log.
logging.getLogger(PROGRESS_LOGGER).propagate = False
IN_FLIGHT_PER_WORKER = 2     # batches submitted ahead of the writer: enough to keep workers busy, bounded memory


@task(cache_policy=NO_CACHE)
def read_deck_task(path: str, settings: Settings) -> DeckSource:
    """Open the deck (its content hash now, its cards as they are read)."""
    return load_deck(path, settings)


@task(cache_policy=NO_CACHE)
def scan_task(source: DeckSource, settings: Settings, known: Known | None = None) -> DeckScan:
    """One pass over the deck: its terms, its Q&A cards' options and each card's input hash (with `known`, what the
    bank holds of the deck: the cards it holds are not parsed again, and the ones a rebuild processes are kept)."""
    scan = scan_deck(source, settings, known=known)
    logger = get_run_logger()
    for issue in scan.issues:
        logger.warning("skipped card: %s", issue)
    logger.info("%s: %d cards, %d skipped", source.path, scan.scan.num_rows, len(scan.issues))
    return scan


@task(cache_policy=NO_CACHE, retries=1)
def batch_task(batch: Batch) -> BatchTables:
    """Extract, generate, gate and score one batch of cards (in a worker process)."""
    tables = process_batch(batch)
    get_run_logger().info("batch %d: %d cards, %d facts, %d questions", batch.number, tables.n_cards,
                          tables.n_facts, tables.n_questions)
    return tables


def _results(batches: Iterator[Batch], window: int, *, here_every: int) -> Iterator[tuple[Batch, BatchTables]]:
    """Each batch's rows, in batch order, with at most `window` batches taken and not yet written.

    Every `here_every`-th batch runs in the flow's own process (1: all of them, 0: none): with local
    worker processes the flow is one of the workers, so a build holds one copy of the pipeline fewer.
    """
    pending: deque[tuple[Batch, PrefectFuture[BatchTables] | None]] = deque()
    for n, batch in enumerate(batches):
        here = here_every > 0 and n % here_every == 0
        pending.append((batch, None if here else batch_task.submit(batch)))
        if len(pending) >= window:
            yield _result(*pending.popleft())
    while pending:
        yield _result(*pending.popleft())


def _result(batch: Batch, future: PrefectFuture[BatchTables] | None) -> tuple[Batch, BatchTables]:
    """A batch's rows: from its worker, or made here while the workers go on with the batches behind it."""
    return batch, batch_task(batch) if future is None else future.result()


def _here_every(workers: int, n_todo: int, batch_size: int) -> int:
    """How often a batch runs in the flow's process: see `_results` and `flows.runners.task_runner`."""
    runner = FlowRunContext.get().task_runner  # type: ignore[union-attr]  # always set inside a flow run
    if n_todo <= batch_size or isinstance(runner, ThreadPoolTaskRunner):
        return 1          # one batch, or no worker processes: starting workers would cost more than it saves
    return workers if isinstance(runner, ProcessPoolTaskRunner) else 0


@task(cache_policy=NO_CACHE)
def report_task(db: str, report: str) -> tuple[dict[str, Any], str]:
    """The bank's headline numbers and its HTML report, published as artifacts."""
    with Store(db, read_only=True) as store:
        numbers = stats(store)
        path = write_report(store, report).resolve()
    create_markdown_artifact(
        key="bank-headline", description="Headline numbers of the bank",
        markdown="\n".join(["| measure | value |", "|---|---|"] + [f"| {k} | {v} |" for k, v in numbers.items()]),
    )
    create_link_artifact(key="coverage-report", link=path.as_uri(), link_text=f"Coverage report ({path.name})")
    return numbers, str(path)


@flow(name="build-bank", log_prints=True,
      task_runner=task_runner())  # the flow's process and one worker process
def build_bank(
    paths: list[str],
    db: str = str(PROJECT / DEFAULT_DB),
    seed: int = 42,
    batch_size: int = 500,
    strict: bool = False,
    deck_format: str | None = None,
    force: bool = False,
    report: str | None = "",
    workers: int = 2,
) -> list[dict[str, Any]]:
    """Build or refresh the bank from deck files or folders (batch regeneration).

    Only what changed is processed again: a card whose content and deck-level
    inputs are stored already keeps its questions, IDs and revisions; an
    unchanged deck is skipped. `force` processes every card again. The
    coverage report is written to `report` ("" for beside the bank, None for
    none) and linked, with the headline numbers, as flow-run artifacts.
    """
    logger = get_run_logger()
    settings = Settings(seed=seed, batch_size=batch_size, strict=strict, deck_format=deck_format)
    summaries: list[BuildSummary] = []
    with Store(db) as store:
        for path in deck_paths(paths):
            try:
                summaries.append(_build_one(store, str(path), settings, force=force, workers=workers))
            except PipelineError as e:       # one bad deck does not stop the others
                store.discard_staged()
                logger.error("%s: %s", path, e)
                summaries.append(BuildSummary(Path(path).stem, str(path), "failed", message=str(e)))
    rows = [asdict(s) for s in summaries]
    create_table_artifact(key="build-summary", table=rows, description=f"Decks built into {db}")
    create_markdown_artifact(key="build-bank", markdown=_headline(rows, db), description="qbank build")
    if report is not None:
        report_task(db, report or str(report_path(Path(db))))
    return rows


def _build_one(store: Store, path: str, settings: Settings, *, force: bool, workers: int) -> BuildSummary:
    """One deck: read, skip if unchanged, scan, process the changed cards in batches, commit."""
    logger = get_run_logger()
    deck = read_deck_task(path, settings)
    stored = store.stored_deck(deck.deck_id)
    if not force and stored is not None and stored[:2] == (deck.content_hash, settings.fingerprint()):
        logger.info("%s: unchanged since its last build, skipped", path)
        return BuildSummary(deck.deck_id, path, "unchanged", cards=stored[2])
    scan = scan_task(deck, settings, None if force or stored is None else store.known(deck.deck_id, settings.fingerprint()))
    todo = store.plan(deck.deck_id, scan.scan, force=force)
    n_todo = scan.scan.num_rows if todo is None else len(todo)
    _progress(deck.deck_id, total=n_todo)
    batches = plan_batches(deck, scan, todo, settings)
    left_out: list[DeckIssue] = []
    here_every = _here_every(workers, n_todo, settings.batch_size)
    for batch, tables in _results(batches, IN_FLIGHT_PER_WORKER * workers, here_every=here_every):
        store.stage(tables)
        for issue in tables.issues:
            logger.warning("skipped card: %s", issue)
        left_out += tables.issues
        _progress(deck.deck_id, advance=len(batch.cards))
    row = deck_row(scan, left_out, settings)
    changes = store.replace_deck(row, scan.scan, mode=build_mode(todo, scan))
    logger.info("%s: %d cards processed; questions %d added, %d changed, %d removed", path,
                changes.n_processed, changes.n_added, changes.n_changed, changes.n_removed)
    return summarise(store, row, changes, path)


def _progress(deck_id: str, *, total: int | None = None, advance: int = 0) -> None:
    """A progress event for listeners such as the CLI's progress bar."""
    logging.getLogger(PROGRESS_LOGGER).info(
        "%s: +%d cards", deck_id, advance, extra={"qbank_deck": deck_id, "qbank_total": total, "qbank_advance": advance}
    )


def _headline(rows: list[dict[str, Any]], db: str) -> str:
    lines = [f"# qbank build → `{db}`", "",
             "| deck | status | cards | processed | questions | accepted | added | changed | removed |",
             "|---|---|---|---|---|---|---|---|---|"]
    lines += [f"| {r['deck_id']} | {r['status']} | {r['cards']} | {r['processed']} | {r['questions']} | {r['accepted']} "
              f"| {r['added']} | {r['changed']} | {r['removed']} |" for r in rows if r["status"] != "failed"]
    lines += [f"\n**{r['deck_id']} failed:** {r['message']}" for r in rows if r["status"] == "failed"]
    return "\n".join(lines)
