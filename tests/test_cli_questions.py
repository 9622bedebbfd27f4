"""`qbank questions` over a small bank written through the store."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner
from test_questions import DECK, deck_facts

from pipeline.cli import cli
from pipeline.decks import parse_deck
from pipeline.quality import gate
from pipeline.questions import generate
from pipeline.store import DeckBuild, Store


def _bank(db_path: Path) -> list:
    cfs = deck_facts()
    questions = gate(generate(cfs, seed=1), card_facts=cfs)
    deck = parse_deck(DECK.replace("{timeout}", "900"), path="lambda.txt")
    with Store(db_path) as store:
        store.write_build(DeckBuild(deck=deck, settings_hash="s", card_facts=tuple(cfs), questions=tuple(questions)))
    return questions


def test_questions_lists_and_filters(db_path: Path) -> None:
    questions = _bank(db_path)
    runner = CliRunner()
    out = runner.invoke(cli, ["questions", "--db", str(db_path), "--type", "multichoice", "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines()]
    want = [q for q in questions if q.type == "multichoice" and q.status == "accepted"]
    assert len(rows) == len(want) > 0 and all(len(r["options"]) == 4 for r in rows)

    out = runner.invoke(cli, ["questions", "--db", str(db_path), "--status", "all", "--subject", "cloudwatch",
                              "--format", "csv"])
    assert out.exit_code == 0, out.output
    table = list(csv.DictReader(io.StringIO(out.output)))
    assert table and all("cloudwatch" in r["subject"].lower() for r in table)

    out = runner.invoke(cli, ["questions", "--db", str(db_path), "--limit", "2", "--format", "jsonl"])
    assert len(out.output.splitlines()) == 2

    scores = sorted(q.quality for q in questions if q.status == "accepted")
    cut = scores[len(scores) // 2]
    out = runner.invoke(cli, ["questions", "--db", str(db_path), "--min-quality", str(cut), "--format", "jsonl"])
    kept = [json.loads(line)["quality"] for line in out.output.splitlines()]
    assert kept and all(k >= cut for k in kept) and len(kept) == sum(s >= cut for s in scores) < len(scores)


def test_questions_without_a_bank_is_one_clear_error(tmp_path: Path) -> None:
    out = CliRunner().invoke(cli, ["questions", "--db", str(tmp_path / "none.duckdb")])
    assert out.exit_code == 1 and "Error:" in out.output and "Traceback" not in out.output


def test_questions_table_shows_the_start_of_the_stem_answer_and_options_within_the_terminal(db_path: Path) -> None:
    questions = _bank(db_path)
    mc = next(q for q in questions if q.type == "multichoice" and q.status == "accepted")
    for width in (80, 140):
        out = CliRunner().invoke(cli, ["questions", "--db", str(db_path), "--type", "multichoice"],
                                 env={"COLUMNS": str(width)})
        assert out.exit_code == 0, out.output
        assert max(len(line) for line in out.output.splitlines()) <= width
        cells = " ".join(out.output.split())     # wrapped cells, read back as one text
        assert mc.question_id in cells
        first_words = " ".join(mc.stem.split()[:3])
        assert all(w in cells for w in first_words.split())
        correct = next(o.text for o in mc.options if o.is_correct)
        assert f"* {correct.split()[0]}" in cells
