"""`build_bank`: decks → facts → questions → DuckDB bank, as a Prefect flow.

Coarse tasks only — read a deck, extract one batch of cards, assemble the deck,
store it — never a task per card. Task arguments are plain values; the one
writer task opens the bank itself, so no connection crosses a task boundary.
"""
from __future__ import annotations

import logging
from dataclasses import asdict
from datetime import timedelta
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import TaskRunContext

from pipeline.analytics import stats
from pipeline.build import BuildSummary, Terms, assemble, batches, deck_paths, extract_batch, load_deck, terms_of
from pipeline.ids import stable_id
from pipeline.report import DEFAULT_REPORT, write_report
from pipeline.settings import DEFAULT_DB, Settings
from pipeline.store import DeckBuild, Store
from pipeline.types import Card, CardFacts, Deck

PROGRESS_LOGGER = "qbank.progress"
# Progress events are for listeners such as the CLI's bar, not for the run log.
logging.getLogger(PROGRESS_LOGGER).propagate = False


@task(cache_policy=NO_CACHE)
def read_deck_task(path: str, settings: Settings) -> Deck:
    deck = load_deck(path, settings)
    logger = get_run_logger()
    for issue in deck.issues:
        logger.warning("skipped card: %s", issue)
    logger.info("%s: %d cards, %d skipped", path, len(deck.cards), len(deck.issues))
    _progress(deck.deck_id, total=len(deck.cards))
    return deck


@task(cache_policy=NO_CACHE)
def unchanged_task(db: str, deck_id: str, content_hash: str, fingerprint: str) -> bool:
    if not Path(db).exists():
        return False
    with Store(db) as store:
        return store.deck_fingerprint(deck_id) == (content_hash, fingerprint)


def _batch_key(context: TaskRunContext, parameters: dict[str, Any]) -> str:
    """Same deck content, same cards in the batch and same settings → same facts: reuse them."""
    cards = stable_id(*(card.card_id for card in parameters["cards"]))
    return f"extract-{parameters['content_hash']}-{cards}-{parameters['fingerprint']}"


@task(cache_key_fn=_batch_key, cache_expiration=timedelta(days=1), persist_result=True, retries=1)
def extract_task(cards: tuple[Card, ...], terms: Terms, content_hash: str, batch_no: int, fingerprint: str) -> list[CardFacts]:
    facts = extract_batch(cards, terms)
    _progress(cards[0].deck_id, advance=len(cards))
    get_run_logger().info("batch %d: %d cards, %d facts", batch_no, len(cards), sum(len(cf.facts) for cf in facts))
    return facts


@task(cache_policy=NO_CACHE)
def assemble_task(deck: Deck, card_facts: list[CardFacts], settings: Settings) -> DeckBuild:
    return assemble(deck, card_facts, settings)


@task(cache_policy=NO_CACHE, retries=3, retry_delay_seconds=2)
def store_task(db: str, build: DeckBuild) -> dict[str, int]:
    with Store(db) as store:
        return store.write_build(build)


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


@flow(name="build-bank", log_prints=True)
def build_bank(
    paths: list[str],
    db: str = str(DEFAULT_DB),
    seed: int = 42,
    batch_size: int = 500,
    strict: bool = False,
    deck_format: str | None = None,
    force: bool = False,
    report: str | None = str(DEFAULT_REPORT),
) -> list[dict[str, Any]]:
    """Build or refresh the bank from deck files or folders (batch regeneration).

    A deck whose content and settings are unchanged since its last build is
    skipped and reported as unchanged, unless `force`, which also extracts
    again instead of reusing cached batches (the cache key cannot see a
    change in the extraction code). With `report`, the
    coverage report is written there and linked, with the headline numbers,
    as flow-run artifacts.
    """
    logger = get_run_logger()
    settings = Settings(seed=seed, batch_size=batch_size, strict=strict, deck_format=deck_format)
    fingerprint = settings.fingerprint()
    summaries: list[BuildSummary] = []
    for path in deck_paths(paths):
        deck = read_deck_task(str(path), settings)
        if not force and unchanged_task(db, deck.deck_id, deck.content_hash, fingerprint):
            logger.info("%s: unchanged since its last build, skipped", path)
            summaries.append(BuildSummary(deck.deck_id, str(path), "unchanged", cards=len(deck.cards)))
            continue
        terms = terms_of(deck)
        extract = extract_task.with_options(refresh_cache=True) if force else extract_task
        futures = [
            extract.submit(batch, terms, deck.content_hash, n, fingerprint)
            for n, batch in enumerate(batches(deck.cards, settings.batch_size))
        ]
        card_facts = [cf for future in futures for cf in future.result()]
        build = assemble_task(deck, card_facts, settings)
        written = store_task(db, build)
        summary = BuildSummary.of(build)
        logger.info("%s: %s", path, written)
        summaries.append(summary)
    rows = [asdict(s) for s in summaries]
    create_table_artifact(key="build-summary", table=rows, description=f"Decks built into {db}")
    create_markdown_artifact(key="build-bank", markdown=_headline(rows, db), description="qbank build")
    if report:
        report_task(db, report)
    return rows


def _progress(deck_id: str, *, total: int | None = None, advance: int = 0) -> None:
    """A progress event for listeners such as the CLI's progress bar."""
    logging.getLogger(PROGRESS_LOGGER).info(
        "%s: +%d cards", deck_id, advance, extra={"qbank_deck": deck_id, "qbank_total": total, "qbank_advance": advance}
    )


def _headline(rows: list[dict[str, Any]], db: str) -> str:
    lines = [f"# qbank build → `{db}`", "", "| deck | status | cards | skipped | facts | questions | accepted |", "|---|---|---|---|---|---|---|"]
    lines += [f"| {r['deck_id']} | {r['status']} | {r['cards']} | {r['skipped']} | {r['facts']} | {r['questions']} | {r['accepted']} |" for r in rows]
    return "\n".join(lines)
