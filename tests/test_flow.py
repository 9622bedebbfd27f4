"""The build-bank flow run for real under Prefect's test harness, and `qbank build` through it."""
from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from tests.conftest import DECK

pytestmark = pytest.mark.prefect


@pytest.fixture(scope="module", autouse=True)
def prefect_harness() -> Iterator[None]:
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=300):
        yield


def question_ids(db: Path) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return [r[0] for r in con.execute("SELECT question_id FROM questions ORDER BY 1").fetchall()]


def artifact_keys() -> set[str]:
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        return {a.key for a in client.read_artifacts() if a.key}


def test_flow_builds_then_skips_unchanged_deck(tmp_path: Path) -> None:
    from flows.build_bank import build_bank

    db = tmp_path / "bank.duckdb"
    report = tmp_path / "report.html"
    first = build_bank(paths=[str(DECK)], db=str(db), batch_size=10, report=str(report))
    assert [r["status"] for r in first] == ["built"]
    assert "<svg" in report.read_text(encoding="utf-8") or "vega" in report.read_text(encoding="utf-8")
    assert {"build-summary", "bank-headline", "coverage-report"} <= artifact_keys()
    assert first[0]["cards"] == 36 and first[0]["accepted"] > 0
    ids = question_ids(db)
    second = build_bank(paths=[str(DECK)], db=str(db), batch_size=10, report=None)
    assert [r["status"] for r in second] == ["unchanged"]
    forced = build_bank(paths=[str(DECK)], db=str(db), force=True, report=None)
    assert forced[0]["questions"] == first[0]["questions"]
    assert question_ids(db) == ids


def test_a_flow_rebuild_reads_the_deck_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The flow's scan keeps the cards the bank lacks, so the batches are made from them, not from a second read
    of the deck (issue 11: a 1% edit of 200,000 cards read the deck three times)."""
    from flows.build_bank import build_bank
    from pipeline.decks import DeckSource

    db, deck = tmp_path / "bank.duckdb", tmp_path / "serverless-aws.txt"
    deck.write_text(DECK.read_text(encoding="utf-8"), encoding="utf-8")
    build_bank(paths=[str(deck)], db=str(db), batch_size=10, report=None)
    deck.write_text(DECK.read_text(encoding="utf-8").replace("900 seconds", "901 seconds"), encoding="utf-8")
    reads: list[int] = []
    items = DeckSource.items
    monkeypatch.setattr(DeckSource, "items", lambda self, known=None: (reads.append(1), items(self, known))[1])
    rebuilt = build_bank(paths=[str(deck)], db=str(db), batch_size=10, report=None)
    assert rebuilt[0]["processed"] == 1 and reads == [1]


@pytest.fixture
def harness_api(monkeypatch: pytest.MonkeyPatch) -> None:
    """`qbank build` runs the flow in a child process: point it at the harness's server."""
    from prefect.settings import get_current_settings

    monkeypatch.setenv("PREFECT_API_URL", str(get_current_settings().api.url))


def test_cli_build_reports_and_keeps_bank_on_strict_failure(tmp_path: Path, harness_api: None) -> None:
    db = tmp_path / "bank.duckdb"
    runner = CliRunner()
    ok = runner.invoke(cli, ["build", str(DECK), "--db", str(db), "--report", str(tmp_path / "r.html")])
    assert ok.exit_code == 0, ok.output
    assert "serverless-aws: 36 cards" in ok.output
    before = question_ids(db)
    bad = tmp_path / "serverless-aws.txt"   # same deck name, one malformed card
    bad.write_text(DECK.read_text(encoding="utf-8") + "\n-----\nno marker card\n", encoding="utf-8")
    refused = runner.invoke(cli, ["build", str(bad), "--db", str(db), "--strict", "--no-report"])
    assert refused.exit_code == 1
    assert "only a title" in refused.output and "Traceback" not in refused.output
    assert question_ids(db) == before
    skipped = runner.invoke(cli, ["build", str(bad), "--db", str(db), "--no-report"])
    assert skipped.exit_code == 0 and "1 malformed card(s) skipped" in skipped.output


def test_a_folder_build_keeps_going_past_bad_decks(tmp_path: Path, harness_api: None) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "good.txt").write_text(DECK.read_text(encoding="utf-8"), encoding="utf-8")
    (decks / "binary.txt").write_bytes(b"\x00\x01\x02 not a deck")
    (decks / "empty.csv").write_text("", encoding="utf-8")
    out = CliRunner().invoke(cli, ["build", str(decks), "--db", str(tmp_path / "bank.duckdb"), "--no-report"])
    assert out.exit_code == 1
    assert "good: 36 cards" in out.output and "Traceback" not in out.output
    assert out.output.count("binary.txt:1:") == 1 and out.output.count("empty.csv:1:") == 1
    table = out.output[out.output.index("┏"):]
    assert all(name in table for name in ("good", "binary", "empty")) and table.count("failed") == 2
    assert question_ids(tmp_path / "bank.duckdb")


def bank_rows(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            "questions": con.execute("SELECT question_id, card_index, line, type, stem, answer, status, reject_reason, "
                                     "difficulty, quality FROM questions ORDER BY 1").fetchall(),
            "options": con.execute("SELECT question_id, position, text, value, is_correct FROM options ORDER BY 1, 2").fetchall(),
            "facts": con.execute("SELECT * EXCLUDE (deck_id) FROM facts ORDER BY fact_id").fetchall(),
        }


def test_serial_process_pool_and_dask_builds_give_the_same_bank(tmp_path: Path) -> None:
    from flows.build_bank import build_bank
    from flows.runners import task_runner

    banks = {}
    for kind, workers in (("thread", 1), ("process", 2), ("dask", 2)):
        db = tmp_path / f"{kind}.duckdb"
        runner = task_runner(kind, workers=workers)
        rows = build_bank.with_options(task_runner=runner)(paths=[str(DECK)], db=str(db), batch_size=8,
                                                           report=None, workers=workers)
        assert rows[0]["status"] == "built" and rows[0]["processed"] == 36
        banks[kind] = bank_rows(db)
    assert banks["thread"]["questions"] and banks["thread"] == banks["process"] == banks["dask"]


def test_the_scheduled_deployment_exists_and_runs_once(tmp_path: Path) -> None:
    from prefect.client.orchestration import get_client
    from prefect.deployments import run_deployment
    from prefect.runner import Runner

    from flows.deploy import deployment

    db = tmp_path / "bank.duckdb"
    runner = Runner(name="qbank-test", limit=1)
    runner.add_deployment(deployment([str(DECK)], str(db), name="nightly-test", cron="0 2 * * *", workers=1,
                                     report=None))
    with get_client(sync_client=True) as client:
        found = client.read_deployment_by_name("build-bank/nightly-test")
    assert found.parameters["paths"] == [str(DECK)] and found.schedules[0].schedule.cron == "0 2 * * *"
    run = run_deployment("build-bank/nightly-test", timeout=0)   # a run due now, as the schedule would make it
    asyncio.run(runner.start(run_once=True))
    with get_client(sync_client=True) as client:
        state = client.read_flow_run(run.id).state
    assert state is not None and state.is_completed(), state
    assert question_ids(db)
