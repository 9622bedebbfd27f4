"""Facts stage end to end: lines and offsets, attribute and subject, ids, rows, scoring against gold."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.decks import parse_deck, read_deck
from pipeline.evaluation import evaluate, norm_service, read_gold
from pipeline.facts import extract, fact_rows

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD_DECKS = ("serverless-aws", "og-aws-gotchas", "azure-limits-notes")
FLOOR = 0.97

DECK = """AWS Lambda Limits to Know
A:
- Memory allocation: 128MB - 3008 MB (64 MB increments)
- Maximum execution time: 900 seconds ( 15 minutes )
- Lambda function deployment size ( compressed .zip ): 50 MB
-----------
DynamoDB - Basics
A:
- Maximum size of a item is 400KB
- Transaction (new from Nov 2018)
"""


@pytest.fixture(scope="module")
def cards():
    return parse_deck(DECK, path="limits.txt").cards


def test_facts_are_located_and_described(cards) -> None:
    lam, ddb = list(extract(cards))
    by_text = {f.text: f for f in lam.facts}
    assert [f.role for f in lam.facts] == ["range_low", "range_high", "increment", "value", "value"]
    timeout = by_text["900 seconds"]
    assert (timeout.line, timeout.value, timeout.unit, timeout.kind) == (4, 900, "s", "duration")
    assert cards[0].lines[2].text[timeout.start:timeout.end] == "900 seconds"
    assert (timeout.source_value, timeout.source_unit) == (900, "seconds")
    assert timeout.attribute == "Maximum execution time"
    assert by_text["50 MB"].attribute == "Lambda function deployment size (compressed .zip)"
    assert timeout.subject == "AWS Lambda"  # from the card title
    item = ddb.facts[0]
    assert (item.line, item.value, item.attribute, item.subject) == (9, 409600, "Maximum size of a item", "Amazon DynamoDB")
    assert len(ddb.facts) == 1  # "Nov 2018" is a date
    assert {s.service for s in lam.services} >= {"AWS Lambda"}


def test_fact_ids_depend_on_content_not_position(cards) -> None:
    first = [f.fact_id for cf in extract(cards) for f in cf.facts]
    moved = [replace(c, index=c.index + 7) for c in reversed(cards)]
    again = [f.fact_id for cf in extract(moved) for f in cf.facts]
    assert sorted(first) == sorted(again) and len(set(first)) == len(first)


def test_rows_are_the_scorer_format(cards) -> None:
    rows = list(fact_rows(extract(cards)))
    numeric = [r for r in rows if "value" in r]
    services = [r for r in rows if "service" in r]
    assert numeric[0] == {"card": 0, "line": 3, "text": "128MB - 3008 MB", "value": 134217728.0, "unit": "B",
                          "kind": "size", "attribute": "Memory allocation", "subject": "AWS Lambda",
                          "bound": "exact", "role": "range_low", "group": numeric[0]["group"]}
    assert all(set(r) == {"card", "line", "service", "text"} for r in services)
    assert len({(r["card"], r["service"]) for r in services}) == len(services)  # one row per service per card


def test_evaluation_matches_like_the_gold_scorer() -> None:
    gold = [{"card": 0, "value": 1024.0, "unit": "B", "text": "1 KB"}, {"card": 0, "value": 10, "unit": "count"},
            {"card": 0, "value": 10, "unit": "count"}]
    rows = [{"card": 0, "value": 1024.0000001, "unit": "B"}, {"card": 0, "value": 10, "unit": "count"},
            {"card": 0, "value": 2018, "unit": "count", "text": "2018"}, {"card": 1, "value": 10, "unit": "count"},
            {"card": 0, "service": "S3"}, {"card": 0, "service": "Lambda"}]
    result = evaluate(rows, gold, [{"card": 0, "service": "Amazon S3", "text": "S3"}],
                      [{"card": 0, "text": "Nov 2018", "reason": "date"}])
    assert (result.facts.hits, result.facts.found, result.facts.gold) == (2, 4, 3)
    assert [m["value"] for m in result.misses] == [10]
    assert [t["reason"] for _, t in result.traps] == ["date"]
    assert (result.services.hits, result.services.found, result.services.gold) == (1, 2, 1)
    assert norm_service("Amazon CloudFront") == norm_service("cloud-front") == "cloudfront"


@pytest.mark.parametrize("deck", GOLD_DECKS)
def test_gold_floors(deck: str) -> None:
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"shared gold folder not found at {SHARED / 'gold'} (CI clones shared/ beside the repo)")
    rows = fact_rows(extract(read_deck(SHARED / "decks" / f"{deck}.txt").cards))
    result = evaluate(rows, *read_gold(SHARED / "gold", deck))
    summary = result.summary(deck)
    assert result.facts.precision >= FLOOR, summary
    assert result.facts.recall >= FLOOR, summary
    assert result.traps == (), summary
    assert result.services.recall >= 0.95, summary


SUBJECTS = """Multi-AZ deployments
A:
- Outages usually hit one zone. The great EBS failure is a famous exception.
- Deploy across at least 3 zones.
-----------
Storage queues and Service Bus queues
A:
- Service Bus queues allow a 24 day receive timeout. REST calls time out after 55 seconds.
- Storage queues hold messages up to 64 KB.
-----------
Notes
A:
- DynamoDB items are small. DynamoDB scales well, and S3 is cheaper.
- Tables allow up to 20 indexes.
-----------
Queue tiers
A:
| Limit | Azure Service Bus | Storage queues |
|---|---|---|
| Max message size | 100 MB | 64 KB |
| Cool tier | 30 days | 7 days |
"""


@pytest.fixture(scope="module")
def subject_cards():
    return {cf.card.index: cf for cf in extract(parse_deck(SUBJECTS, path="subjects.txt").cards)}


def test_a_service_named_in_passing_is_nobodys_subject(subject_cards) -> None:
    (zones,) = subject_cards[0].facts
    assert (zones.value, zones.subject) == (3, None)


def test_subject_is_the_sentence_service_then_the_line_one_when_the_title_compares(subject_cards) -> None:
    by_text = {f.text: f.subject for f in subject_cards[1].facts}
    assert by_text == {"24 day": "Azure Service Bus", "55 seconds": "Azure Service Bus", "64 KB": "Azure Queue Storage"}


def test_without_a_title_service_the_dominant_one_is_the_subject(subject_cards) -> None:
    assert [(f.value, f.subject) for f in subject_cards[2].facts] == [(20, "Amazon DynamoDB")]


def test_table_cells_take_attribute_and_subject_from_their_headers(subject_cards) -> None:
    rows = [(f.text, f.attribute, f.subject) for f in subject_cards[3].facts]
    assert rows == [("100 MB", "Max message size", "Azure Service Bus"),
                    ("64 KB", "Max message size", "Azure Queue Storage"),
                    ("30 days", "Cool tier", "Azure Service Bus"),
                    ("7 days", "Cool tier", "Azure Queue Storage")]


def test_eval_facts_command(tmp_path: Path) -> None:
    deck = tmp_path / "tiny.txt"
    deck.write_text("Limits\nA:\n- Up to 10 nodes, 400KB items, since 2018\n", encoding="utf-8")
    (tmp_path / "tiny.gold.jsonl").write_text(
        '{"card": 0, "text": "10 nodes", "value": 10, "unit": "count", "kind": "count"}\n'
        '{"card": 0, "text": "5 minutes", "value": 300, "unit": "s", "kind": "duration"}\n', encoding="utf-8")
    runner = CliRunner()
    ok = runner.invoke(cli, ["eval-facts", str(deck), "--gold", str(tmp_path)])
    assert ok.exit_code == 0, ok.output
    assert "miss   card   0: '5 minutes'" in ok.output and "extra  card   0: '400KB'" in ok.output
    assert "tiny: facts P=0.500 R=0.500" in ok.output
    low = runner.invoke(cli, ["eval-facts", str(deck), "--gold", str(tmp_path), "--min-recall", "0.9", "--quiet"])
    assert low.exit_code == 1 and low.output.count("\n") == 1
