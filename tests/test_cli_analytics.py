"""`qbank sql`, `qbank stats` and `qbank report` through click's test runner, on the hand-made bank."""
from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import cli


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_sql_refuses_delete_and_the_bank_is_unchanged(hand_bank: Path) -> None:
    db_path = hand_bank
    digest = hashlib.sha256(db_path.read_bytes()).hexdigest()
    code, out, err = invoke("sql", "DELETE FROM questions", "--db", str(db_path))
    assert code == 1
    assert "refused: DELETE statement" in err and "read-only" in err and "Traceback" not in err
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == digest
    code, out, _ = invoke("sql", "SELECT count(*) AS n FROM questions", "--db", str(db_path), "--format", "json")
    assert code == 0 and json.loads(out) == [{"n": 10}]


def test_sql_formats(hand_bank: Path) -> None:
    db_path = hand_bank
    query = "SELECT card_index, title, covered FROM coverage_by_card WHERE deck_id = 'd1' AND NOT covered"
    code, out, _ = invoke("sql", query, "--db", str(db_path), "--format", "csv")
    assert code == 0 and list(csv.reader(io.StringIO(out))) == [["card_index", "title", "covered"], ["3", "Empty", "False"]]
    code, out, err = invoke("sql", query, "--db", str(db_path))
    assert code == 0 and "Empty" in out and "1 row(s)" in err


def test_sql_on_a_missing_bank_is_one_clear_line(tmp_path: Path) -> None:
    code, _, err = invoke("sql", "SELECT 1", "--db", str(tmp_path / "none.duckdb"))
    assert code == 1 and "no bank here" in err and not (tmp_path / "none.duckdb").exists()


def test_stats_json(hand_bank: Path) -> None:
    db_path = hand_bank
    code, out, _ = invoke("stats", "--db", str(db_path), "--format", "json")
    numbers = json.loads(out)
    assert code == 0 and numbers["facts_covered"] == 4 and numbers["fact_coverage"] == 0.6667


def test_report_writes_the_file_it_names(hand_bank: Path, tmp_path: Path) -> None:
    db_path = hand_bank
    out = tmp_path / "r" / "bank.html"
    code, stdout, _ = invoke("report", "--db", str(db_path), "--out", str(out))
    assert code == 0 and str(out) in stdout and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
