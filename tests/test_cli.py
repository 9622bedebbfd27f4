"""The CLI through click's test runner: help, errors as one line, facts output."""
from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from tests.conftest import DECK


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    found = []
    for name, command in group.commands.items():
        found.append((prefix + (name,), command))
        if isinstance(command, click.Group):
            found.extend(all_commands(command, prefix + (name,)))
    return found


@pytest.mark.parametrize("path,command", all_commands(cli), ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_every_command_has_help_with_an_example(path: tuple[str, ...], command: click.Command) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output, f"`qbank {' '.join(path)} --help` shows no example"


def test_facts_jsonl_has_provenance_and_gold_units() -> None:
    result = CliRunner().invoke(cli, ["facts", str(DECK)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    numeric = [r for r in rows if "value" in r]
    assert {"card", "line", "text", "value", "unit", "kind"} <= set(numeric[0])
    deck_lines = DECK.read_text(encoding="utf-8").split("\n")
    assert all(r["text"] in deck_lines[r["line"] - 1] for r in rows)
    timeout = next(r for r in numeric if r["text"].startswith("900 seconds"))
    assert (timeout["value"], timeout["unit"], timeout["kind"]) == (900.0, "s", "duration")


def test_user_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["facts", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1
    assert missing.output.startswith("Error: ") and "Traceback" not in missing.output
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"caf\xe9\nA:\nx\n")
    bad = runner.invoke(cli, ["facts", str(latin)])
    assert bad.exit_code == 1 and "latin.txt:1: not UTF-8" in bad.output
    nodeck = runner.invoke(cli, ["build", str(tmp_path / "none.txt"), "--db", str(tmp_path / "b.duckdb")])
    assert nodeck.exit_code == 1 and "no such file or folder" in nodeck.output


def test_facts_reports_skipped_cards_on_stderr(tmp_path: Path) -> None:
    deck = tmp_path / "d.txt"
    deck.write_text("Lambda\nA:\n- timeout 900 seconds\n---\nbroken card\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["facts", str(deck)])
    assert result.exit_code == 0
    assert "d.txt:5: card has only a title" in result.output


@pytest.mark.parametrize("args", [
    ["questions"], ["stats"], ["sql", "SELECT 1"], ["report"], ["grade"], ["calibrate"],
    ["responses", "import", "answers.csv"], ["exam", "create", "quiz", "--count", "3"],
    ["export", "--format", "csv", "--out", "out.csv"],
], ids=lambda a: a[0] if a[0] not in ("responses", "exam") else " ".join(a[:2]))
def test_commands_on_a_missing_bank_say_so_and_create_nothing(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "typo.duckdb"
    (tmp_path / "answers.csv").write_text("learner_id,question_id,correct\n", encoding="utf-8")
    result = CliRunner().invoke(cli, [*args, "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "no bank here" in result.output and "Traceback" not in result.output
    assert not db.exists()


def test_unwritable_outputs_and_junk_models_are_one_line_errors(tmp_path: Path, hand_bank: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    runner = CliRunner()
    for args in (["export", "--format", "json", "--out", str(blocker / "bank.json")],
                 ["report", "--out", str(blocker / "report.html")],
                 ["calibrate", "--model", str(blocker)]):
        result = runner.invoke(cli, [*args, "--db", str(hand_bank)], catch_exceptions=False)
        assert result.exit_code == 1, result.output
        assert result.output.startswith("Error: ") and str(blocker) in result.output


def test_eval_facts_names_the_bad_line_of_a_gold_file(tmp_path: Path) -> None:
    deck = tmp_path / "d.txt"
    deck.write_text("Lambda\nA:\n- timeout 900 seconds\n", encoding="utf-8")
    (tmp_path / "d.gold.jsonl").write_text('{"card": 0, "value": 900, "unit": "s"}\n{broken\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval-facts", str(deck), "--gold", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "d.gold.jsonl:2: not a JSON object" in result.output


def test_run_logs_keep_tracebacks_only_for_real_failures() -> None:
    import io
    import logging

    from pipeline.cli import _quiet_user_errors
    from pipeline.errors import DeckError

    stream = io.StringIO()
    logger = logging.getLogger("qbank.test.runlog")
    logger.addHandler(logging.StreamHandler(stream))
    _quiet_user_errors("qbank.test.runlog")
    for error in (DeckError("deck.txt:3: card has no 'A:' line"), RuntimeError("a real bug")):
        try:
            raise error
        except Exception:
            logger.exception("Task run failed")
    text = stream.getvalue()
    assert text.count("Traceback") == 1 and "RuntimeError: a real bug" in text
