"""The quantities rules: numbers as people write them, structure around them, and non-facts."""
from __future__ import annotations

import pytest

from pipeline.nlp import load_nlp
from pipeline.quantities import FACTORY, find_quantities


def found(text: str) -> list[tuple[float, str | None]]:
    return [(pytest.approx(q.value, rel=1e-9), q.unit) for q in find_quantities(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Free tier of 1,00,000 AWS lambda requests", [(100_000, "count")]),        # Indian grouping
    ("First 1,000,000 requests are free", [(1_000_000, "count")]),
    ("A single gp2 EBS volume allows 16k IOPS max", [(16_000, "count/s")]),       # k on a count = 1000
    ("There is also a 32k storage overhead per file.", [(32 * 1024, "B")]),      # k on bytes = 1024
    ("A standard block size is 16kb.", [(16 * 1024, "B")]),
    ("revenue was $37.549 billion as of Q1 2020", [(3.7549e10, "USD")]),
    ("at a cost of 4.5¢ as a fee", [(0.045, "USD")]),
    ("costs roughly a thousand dollars per month", [(1000, "USD")]),
    ("2.5x more expensive", [(2.5, None)]),
    ("it's in the ballpark of three times as much", [(3, None)]),
    ("This can reduce costs by 2/3.", [(2 / 3, None)]),
    ("durability (99.99%, so just four nines) than standard", [(99.99, "percent")]),  # restatement merged
    ("AWS provides a two-minute warning", [(120, "s")]),
    ("with 1-second resolution", [(1, "s")]),
    ("a 40-character string", [(40, "count")]),
    ("there was a 100-bucket limit per account", [(100, "count")]),
    ("latency of less than one second", [(1, "s")]),
    ("If you're running fewer than two backend instances", [(2, "count")]),
    ("There are three types of instances", [(3, "count")]),
    ("These are two strings, one the id", []),                                     # not a limit
    ("The smallest is 0.25 vCPU and 0.5 GB of memory", [(0.25, "count"), (0.5 * 2**30, "B")]),
    ("Credits are earned at a rate of 50 KiB/s per GiB", [(50 * 1024, "B/s")]),
    ("1 Gbps or 10 Gbps per link", [(1e9, "bit/s"), (1e10, "bit/s")]),
    ("a default limit of 3 requests per minute", [(0.05, "count/s")]),               # rate per second
    ("Step Functions are free up to 4000 transitions per month", [(4000, "count")]),  # quota per period
    ("FIFO Queues are limited to 300 API calls per second.", [(300, "count/s")]),
    ("you'll need to make sure it's 2048 bits", [(2048, None)]),                    # key length
    ("pick unique ports ... and your Postgres instances the usual 5432.", [(5432, None)]),  # a port
    ("the default port 80 on a backend server", [(80, None)]),
    ("- Concurrency executions: 1000 (can be increased)", [(1000, "count")]),
    ("limits number of resources to 300, as described", [(300, "count")]),
    ("The maximum number of domains per certificate is 10.", [(10, "count")]),
    ("a domain costs $12/year.", [(12, "USD")]),                                 # "/year" is no operand
    ("Revenue of $1.2M in 2020 and 10k users.", [(1.2e6, "USD"), (10_000, "count")]),  # a year links to nothing
    ("S3 allows 3,500 PUT and 5,500 GET requests per prefix", [(3500, "count"), (5500, "count")]),
    ("Supports tens of thousands of connections and a few hundred rules.", []),  # vague magnitudes
    ("time out after 60 seconds by default (max 540 seconds)", [(60, "s"), (540, "s")]),
])
def test_numbers_as_written(text: str, expected: list[tuple[float, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "Transaction (new from Nov 2018)",
    "As of 2016, this was raised",
    "as of 1/12/2018 and 2017-06 and the 2018-2019 timeframe",
    "Handle API versioning (v1, v2...) and Sig v4",
    "Aurora 1.x is based on MySQL 5.6.x; it lacks most 5.7 features introduced in 5.6.17",
    "Currently based on PostgreSQL 9.6.",
    "Route 53, gp2, t2.small, AES-256, SHA-256, IPv4, us-east-1a, F4_1G, amd64, i386",
    "The P3 series offers NVIDIA Tesla V100 GPUs",
    "API Gateway returns a 504 status code",
    "This will cause 503s if the last instance fails",
    "1. Send the message",
    "total = hours / 3600 * 24 * 30 when (X > 60)",
    "allow 130.211.0.0/22 through the firewall",
    "Helps to use OAuth / 3rd party authentication",
    "trillions of rows, 100s of TB of storage, the 1000s",
    "as mentioned in slide 14 and Layer 7 and layer 4 load balancing",
    "32 bit vs 64 bit: use 64-bit or 32-bit instances; use 32.",
    "your web frontend might use 3010, your backend services 3020 and 3021",
    "adding ECS_ENGINE_TASK_CLEANUP_WAIT_DURATION=10m to the config",
    "if you request a cert with 42 different domains",
    "Stores data in the S3 One Zone-IA class",
    "- - 1 RCU = 2 eventually consistent",
])
def test_non_facts(text: str) -> None:
    reported = [q for q in find_quantities(text) if q.value != 2]  # the "2 eventually consistent" count is a fact
    assert reported == []


def test_range_with_increment_gives_three_facts() -> None:
    qs = find_quantities("- Memory allocation: 128MB - 3008 MB (64 MB increments)")
    assert [(q.value, q.role) for q in qs] == [(128 * 2**20, "range_low"), (3008 * 2**20, "range_high"),
                                               (64 * 2**20, "increment")]
    assert qs[0].group == qs[1].group and qs[0].text == "128MB - 3008 MB"


@pytest.mark.parametrize(("text", "values", "unit"), [
    ("names must be 3-63 characters long", [3, 63], "count"),
    ("a pre-established time frame (1 or 3 years)", [31_536_000, 94_608_000], "s"),
    ("objects of almost any size, from 0 to 5TB.", [0, 5 * 2**40], "B"),
    ("lets you file tickets with 12 to 24 hour turnaround", [43_200, 86_400], "s"),
    ("could vary between 2-10 mins depending", [120, 600], "s"),
    ("give anywhere between 45-60% cost optimizations", [45, 60], "percent"),
    ("NVIDIA Tesla M60 GPUs in 1, 2, or 4 GPU configurations", [1, 2, 4], "count"),
])
def test_ranges_and_lists_keep_every_end(text: str, values: list[float], unit: str) -> None:
    qs = find_quantities(text)
    assert [q.value for q in qs] == values and {q.unit for q in qs} == {unit}
    assert len({q.group for q in qs}) == 1 and qs[0].group is not None


def test_restatement_is_one_fact() -> None:
    qs = find_quantities("- Maximum execution time: 900 seconds ( 15 minutes )")
    assert [(q.value, q.unit, q.source_value, q.source_unit) for q in qs] == [(900, "s", 900, "seconds")]


def test_same_value_of_different_things_is_kept() -> None:
    text = "A DynamoDB table has been provisioned with 10 RCU and 10 WCU."
    assert [q.text for q in find_quantities(text)] == ["10 RCU", "10 WCU"]


def test_anaphoric_mention_is_not_a_new_fact() -> None:
    text = ("If you have 5 consuming applications reading data, each of the 5 consumers polls.\n"
            "If that customer had 20 instances running ... all 20 instances would go offline.")
    assert [q.value for q in find_quantities(text)] == [5, 20]


@pytest.mark.parametrize(("text", "bound"), [
    ("Up to 10 nodes in the cluster", "max"),
    ("Multi AZ (3 nodes minimum recommended)", "min"),
    ("at least 2 replicas", "min"),
    ("generally below ~1000 per account", "approx"),
    ("in < 1 second", "max"),
    ("deploy in two or more availability zones", "min"),
    ("Steam has 24 hours of data retention", "exact"),
    ("by default (max 540 seconds)", "max"),
])
def test_bounds(text: str, bound: str) -> None:
    assert [q.bound for q in find_quantities(text)] == [bound]


def test_price_keeps_its_denominator_as_context() -> None:
    qs = find_quantities("- - $0.20 per 1 million requests thereafter ($0.0000002 per request)")
    assert [(q.value, q.unit, q.context) for q in qs] == [
        (0.2, "USD", "per 1 million requests thereafter"), (2e-07, "USD", "per request")]


def test_size_of_each_operation_is_not_a_rate() -> None:
    qs = find_quantities("- - 1 WCU = 1 write of 1 KB per second")
    assert [(q.value, q.unit) for q in qs] == [(1, "count"), (1024, "B")]


def test_component_sets_doc_extension_and_spans() -> None:
    nlp = load_nlp()
    assert FACTORY in nlp.pipe_names
    doc = nlp("Maximum size of an item is 400KB.\nUp to 10 nodes.")
    assert [(q.value, q.unit) for q in doc._.quantities] == [(409600, "B"), (10, "count")]
    assert [(s.text, s.label_) for s in doc.spans["quantities"]] == [("400KB", "size"), ("10 nodes", "count")]


def test_rules_come_from_the_versioned_registry() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe(FACTORY, config={"rules": {"@misc": "qbank.quantities.v2", "merge_restatements": False}})
    doc = nlp("Maximum execution time: 900 seconds ( 15 minutes )")
    assert [q.value for q in doc._.quantities] == [900, 900]
    assert nlp.get_pipe_config(FACTORY)["rules"]["@misc"] == "qbank.quantities.v2"


def test_a_word_count_set_against_another_count_of_the_same_thing_is_a_fact() -> None:
    from pipeline.quantities import find_quantities

    contrast = "Most classes keep copies in a minimum of three Availability Zones (AZs), this one keeps data in a single AZ."
    assert [(q.value, q.unit) for q in find_quantities(contrast) if q.value == 1.0] == [(1.0, "count")]
    assert [q for q in find_quantities("This one keeps data in a single AZ.") if q.value == 1.0] == []
    # a digit inside a word ("base64-style string") is no count of strings
    assert [q for q in find_quantities("These are two strings, one a base64-style string.") if q.value == 2.0] == []


# -- documentation prose and other authors' spellings (issue 10) ------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # rates in any spelling, normalised per second
    ("Throughput of 2,000 msg/s per partition", [(2000, "count/s")]),
    ("the gateway handles 300 req/sec", [(300, "count/s")]),
    ("bursts up to 1000/sec", [(1000, "count/s")]),
    ("a container needs at least 400 RU/s", [(400, "count/s")]),
    ("allows 6,000 requests in 60 seconds per account", [(100, "count/s")]),
    ("- API calls per 10 minutes: 1,200", [(2, "count/s")]),                # the label's time base
    ("- Data transfer per minute: 60 MB", [(2**20, "B/s")]),
    ("up to 10 reads/s / 5 writes/s", [(10, "count/s"), (5, "count/s")]),
    # paired quotas and sizes per unit
    ("supports 3,500 PUTs / 5,500 GETs per prefix", [(3500, "count"), (5500, "count")]),
    ("up to 4 MB per column", [(4 * 2**20, "B")]),
    # word numbers that state limits
    ("allows one scheduler per cluster", [(1, "count")]),
    ("A single writer per shard", [(1, "count")]),
    ("each project gets two default rules", [(2, "count")]),
    ("each namespace has two default consumer groups", [(2, "count")]),   # the counted noun comes third
    ("Two nodes are provisioned by default", [(2, "count")]),
    ("pick one of the three pricing tiers", [(3, "count")]),
    ("a job is retried three times before failing", [(3, "count")]),       # how often: a count
    ("it costs three times the price", [(3, None)]),                      # a multiplier
    ("costs one-half of the on-demand price", [(0.5, None)]),
    ("a 2-to-1 oversubscription ratio", [(2, None)]),
    ("durability of 99.999999999% (11 9s)", [(99.999999999, "percent")]),  # one fact, written twice
    ("opens ports 1024-65535 for clients", [(1024, None), (65535, None)]),
    # a unit given only by the context
    ("- retentionDays (integer): the retention in days. Valid values are between 7 and 90.",
     [(7 * 86400, "s"), (90 * 86400, "s")]),
    ("- Timeout: set in seconds; the value is always 30.", [(30, "s")]),
])
def test_prose_spellings(text: str, expected: list[tuple[float, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a worked example that shows its arithmetic: its numbers are not limits
    ("Blocks cost $0.10 per hour. For example, 3 blocks for 2 hours cost 3 * 2 * $0.10 = $0.60.", [(0.1, "USD")]),
    ("Deleting early is billed. For example, moving out after 10 days bills 20 (30 minus 10) days.", []),
    # ... unless the example states a limit
    ("For example, writes are limited to 5,000 transactions in 10 seconds.", [(500, "count/s")]),
    # a coefficient in a formula is a fact, a bare divisor is not
    ("- Minimum: storage in GB * 10 RU/s", [(10, "count/s")]),
    ("- Highest RU/s provisioned / 100", []),
    ("Set the TTL to -1 to never expire; the default is 3600 seconds", [(3600, "s")]),   # a sentinel
    ("If you have six accounts, use an organization.", []),                             # a scenario
    ("keeps logs for 400 days (about 13 months)", [(400 * 86400, "s")]),                  # a rounded restatement
    ("call it with api-version 2023-05-01-preview", []),
    ("use Standard_D2s_v3 or P2v3 sizes in the S0, S1 and S2 tiers", []),
    ("throttled with HTTP 429; the (JMS) 2.0 client", []),
    ("stored within a single data center", []),                                          # a place, not a limit
])
def test_prose_non_facts(text: str, expected: list[tuple[float, str | None]]) -> None:
    assert found(text) == expected


def test_a_repeated_value_is_a_new_fact_when_it_qualifies_something_else() -> None:
    assert len(find_quantities("The maximum TTL is 14 days. The default TTL is 14 days.")) == 2
    assert len(find_quantities("Timeouts range from 4 to 30 minutes. The default timeout is 4 minutes.")) == 3
    assert len(find_quantities("- Small (2 vCPU, 4 GiB)\n- Large (2 vCPU, 8 GiB)")) == 4
    assert len(find_quantities("Objects up to 5 GB. A single PUT holds 5 GB.")) == 1          # the same limit again
    assert len(find_quantities("- Size (4KB)\n- Size of the variables: 4KB")) == 1


def test_table_cells_are_facts_with_the_header_unit_and_never_restatements() -> None:
    text = ("| Limit | Basic | Standard |\n|---|---|---|\n| Max connections | 100 | 1,000 |\n"
            "| Max queues | 100 | 100 |\n| Retention (days) | 1 | 7 |")
    assert found(text) == [(100, "count"), (1000, "count"), (100, "count"), (100, "count"),
                           (86400, "s"), (7 * 86400, "s")]


def test_digits_inside_a_product_name_are_not_quantities() -> None:
    doc = load_nlp()("Assign the policy to at most 500 Microsoft 365 groups.")   # the services component names it
    assert [q.value for q in doc._.quantities] == [500]
    text = "Microsoft 365 groups expire after 180 days"
    assert [q.value for q in find_quantities(text)] == [365, 180 * 86400]       # a name the rules cannot see
    name = (0, text.index(" expire"))
    assert [q.value for q in find_quantities(text, names=[name])] == [180 * 86400]
