"""Question generation from hand-built facts (no extractor needed)."""
from __future__ import annotations

import math
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.decks import parse_deck
from pipeline.generators.distractors import distractors, plausible
from pipeline.generators.quantities import accepted_forms, display
from pipeline.facts import locate
from pipeline.generators.qa import pick_all, qa_cards
from pipeline.questions import generate
from pipeline.types import Card, CardFacts, Fact, Question, ServiceMention

MB = 1024.0**2

DECK = """\
AWS Lambda Limits
A:
Execution:
- Memory allocation: 128MB - 3008 MB (64 MB increments)
- Maximum execution time: {timeout} seconds ( 15 minutes )
- Easy monitoring through AWS CloudWatch for every function you run
---
AWS Lambda Pricing
A:
- Pay per calls:
 - - First 1,000,000 requests are free
 - - $0.20 per 1 million requests thereafter
- Pay per duration:
 - - 400,000 GB-seconds of compute time per month if FREE
 - - == 3,200,000 seconds if function is 128MB RAM
 - - After that $1.00 for 600,000 GB-seconds
---
DynamoDB - DAX
A:
- DAX = DynamoDB Accelerator
- 5 minutes TTL for cache by default
---
To make a serverless API, I should integrate API Gateway with
A:
Answer: Lambda
Note: Lambda is a serverless technology
---
You would like to provide a Facebook login before your users call your API. You will use
A:
Answer: Cognito User Pools
---
We have to provision the instance type for our DynamoDB database
A:
Answer: false
---
Which service stores objects?
A:
Answer: Amazon S3
---
Which service queues messages?
A:
Answer: Amazon SQS
"""


def _fact(card: Card, line_no: int, text: str, value: float, unit: str | None, kind: str, src: float, src_unit: str | None,
          *, role: str = "value", group: str | None = None, attribute: str = "", occurrence: int = 0) -> Fact:
    line = next(ln for ln in card.lines if ln.number == line_no)
    start = -1
    for _ in range(occurrence + 1):
        start = line.text.index(text, start + 1)
    return Fact(fact_id=f"{card.card_id}:{line_no}:{start}:{role}", card_id=card.card_id, card_index=card.index,
                line=line_no, text=text, value=value, unit=unit, kind=kind, start=start, end=start + len(text),  # type: ignore[arg-type]
                source_value=src, source_unit=src_unit, role=role, group=group, attribute=attribute)  # type: ignore[arg-type]


def deck_facts(timeout: int = 900) -> list[CardFacts]:
    deck = parse_deck(DECK.replace("{timeout}", str(timeout)), path="lambda.txt")
    c = deck.cards
    limits, pricing, dax = c[0], c[1], c[2]
    cw_line = limits.answer_lines[3]
    out = [
        CardFacts(limits, facts=(
            _fact(limits, 4, "128MB - 3008 MB", 128 * MB, "B", "size", 128, "MB", role="range_low", group="g",
                  attribute="Memory allocation"),
            _fact(limits, 4, "128MB - 3008 MB", 3008 * MB, "B", "size", 3008, "MB", role="range_high", group="g",
                  attribute="Memory allocation"),
            _fact(limits, 4, "64 MB", 64 * MB, "B", "size", 64, "MB", role="increment", group="g"),
            _fact(limits, 5, f"{timeout} seconds", timeout, "s", "duration", timeout, "seconds",
                  attribute="Maximum execution time"),
        ), services=(
            ServiceMention(limits.card_id, 0, limits.title_lines[0].number, "AWS Lambda", "AWS Lambda", 0, 10),
            ServiceMention(limits.card_id, 0, cw_line.number, "AWS CloudWatch", "Amazon CloudWatch",
                           cw_line.text.index("AWS CloudWatch"), cw_line.text.index("AWS CloudWatch") + 14),
        )),
        CardFacts(pricing, facts=(
            _fact(pricing, 11, "1,000,000 requests", 1e6, "count", "count", 1e6, "requests"),
            _fact(pricing, 12, "$0.20", 0.2, "USD", "price", 0.2, "$"),
            _fact(pricing, 14, "400,000 GB-seconds", 4e5, "GB-s", "other", 4e5, "GB-seconds"),
            _fact(pricing, 15, "3,200,000 seconds", 3.2e6, "s", "duration", 3.2e6, "seconds"),
            _fact(pricing, 15, "128MB", 128 * MB, "B", "size", 128, "MB"),
            _fact(pricing, 16, "$1.00", 1.0, "USD", "price", 1.0, "$"),
            _fact(pricing, 16, "600,000 GB-seconds", 6e5, "GB-s", "other", 6e5, "GB-seconds"),
        )),
        CardFacts(dax, facts=(_fact(dax, 21, "5 minutes", 300, "s", "duration", 5, "minutes"),),
                  services=(ServiceMention(dax.card_id, 2, dax.answer_lines[0].number, "DAX",
                                           "Amazon DynamoDB Accelerator (DAX)", 2, 5),),
                  terms=(("DAX", "DynamoDB Accelerator"),)),
    ]
    return [locate(cf) for cf in out + [CardFacts(card) for card in c[3:]]]


def gen(cfs: list[CardFacts], seed: int) -> list[Question]:
    """`generate` with the Q&A cards' wrong options picked from these cards, as a build picks them."""
    qas = [(qa.card.card_id, qa.question, qa.answer) for qa in qa_cards(cf.card for cf in cfs)]
    return generate(cfs, seed=seed, picks=pick_all(qas, seed))


def test_every_type_is_produced_where_the_input_allows() -> None:
    types = {q.type for q in gen(deck_facts(), seed=1)}
    assert types == {"cloze", "term_cloze", "multi_cloze", "multichoice", "numerical", "calculated", "truefalse",
                     "shortanswer"}


def test_numeric_cloze_blanks_the_value_and_its_restatement_and_keeps_context() -> None:
    qs = [q for q in gen(deck_facts(), seed=1) if q.type == "cloze" and q.answer == "900 seconds"]
    assert len(qs) == 1
    stem = qs[0].stem
    assert "_____" in stem and "900" not in stem and "15 minutes" not in stem
    assert stem.startswith("AWS Lambda Limits › Execution")
    assert qs[0].answer_value == 900 and qs[0].answer_unit == "s"
    assert qs[0].get("cloze").endswith("{{c1::900 seconds}}")


def test_multichoice_options_in_source_unit_distinct_and_never_equivalent() -> None:
    for q in gen(deck_facts(), seed=3):
        if q.type != "multichoice" or q.answer_value is None:
            continue
        assert sum(o.is_correct for o in q.options) == 1
        wrong = [o for o in q.options if not o.is_correct]
        assert len(wrong) == 3
        assert all(not math.isclose(o.value, q.answer_value, rel_tol=1e-9) for o in wrong)  # type: ignore[arg-type]
        assert len({o.value for o in q.options}) == 4
    memory = next(q for q in gen(deck_facts(), seed=3) if q.type == "multichoice" and q.answer == "128MB"
                  and q.line == 4)
    # on the 64 MB grid, written like the source ("NNNMB")
    assert all(o.text.endswith("MB") and (o.value / MB) % 64 == 0 for o in memory.options)  # type: ignore[operator]


def test_same_seed_same_bank_and_other_seed_other_distractors() -> None:
    a, b = gen(deck_facts(), seed=7), gen(deck_facts(), seed=7)
    assert a == b
    c = gen(deck_facts(), seed=8)
    assert [q.question_id for q in a] == [q.question_id for q in c]
    options = lambda qs: [[o.text for o in q.options] for q in qs if q.type == "multichoice"]  # noqa: E731
    assert options(a) != options(c)


def test_question_ids_do_not_depend_on_card_order_or_the_value() -> None:
    cfs = deck_facts()
    ids = {q.question_id for q in gen(cfs, seed=1)}
    assert ids == {q.question_id for q in gen(list(reversed(cfs)), seed=1)}
    ids_after = {q.question_id for q in gen(deck_facts(timeout=600), seed=1)}
    assert ids_after == ids


def test_numerical_accepts_equivalent_units() -> None:
    q = next(q for q in gen(deck_facts(), seed=1) if q.type == "numerical" and q.answer == "900 seconds")
    assert {"900 seconds", "900 s", "15 minutes", "15 min"} <= set(q.get("accepted"))  # type: ignore[arg-type]
    assert q.get("tolerance") == 0


def test_truefalse_gives_one_statement_per_sentence_true_or_falsified() -> None:
    qs = [q for q in gen(deck_facts(), seed=1) if q.type == "truefalse" and q.generator == "numeric"]
    sentences = [(q.card_id, q.get("sentence")) for q in qs]
    assert len(sentences) == len(set(sentences)) > 3
    assert {q.answer for q in qs} == {"true", "false"}          # some of each in a deck
    for q in qs:
        written = str(q.get("source_text"))
        assert (written in q.stem) == (q.answer == "true"), q.stem
    again = [q for q in gen(deck_facts(), seed=2) if q.type == "truefalse" and q.generator == "numeric"]
    assert [(q.question_id, q.answer) for q in again] == [(q.question_id, q.answer) for q in qs]  # not the seed


def test_calculated_questions_combine_facts_and_store_formula_dataset_and_answers() -> None:
    calc = {q.get("rule"): q for q in gen(deck_facts(), seed=1) if q.type == "calculated"}
    assert set(calc) == {"gb_seconds", "free_tier_cost"}    # no bare unit conversion ("How many seconds is 5 min?")
    gbs = calc["gb_seconds"]
    assert gbs.answer_value == 3_200_000 and "128 MB" in gbs.stem
    for row in gbs.get("dataset"):  # type: ignore[union-attr]
        assert math.isclose(row["answer"], row["gb_seconds"] / (row["memory_mb"] / 1024))
    cost = calc["free_tier_cost"]
    for row in cost.get("dataset"):  # type: ignore[union-attr]
        assert math.isclose(row["answer"], max(0, row["n"] - row["free"]) / row["per"] * row["price"])


def test_term_cloze_blanks_a_service_and_a_defined_term() -> None:
    terms = [q for q in gen(deck_facts(), seed=1) if q.type == "term_cloze"]
    cloudwatch = next(q for q in terms if q.subject == "Amazon CloudWatch")
    assert "CloudWatch" not in cloudwatch.stem and "_____" in cloudwatch.stem
    assert cloudwatch.answer == "AWS CloudWatch"                          # as the card writes it
    assert cloudwatch.get("accepted") == ["AWS CloudWatch", "Amazon CloudWatch"]
    dax = next(q for q in terms if q.answer == "DynamoDB Accelerator")
    assert dax.stem.endswith("What does DAX stand for?")


def test_deck_qa_cards_give_short_answer_multichoice_and_truefalse() -> None:
    qs = [q for q in gen(deck_facts(), seed=1) if q.generator == "qa"]
    short = {q.answer for q in qs if q.type == "shortanswer"}
    assert {"Lambda", "Amazon S3", "Amazon SQS"} <= short and "Cognito User Pools" not in short
    sqs = next(q for q in qs if q.type == "shortanswer" and q.answer == "Amazon SQS")
    assert sqs.get("accepted") == ["Amazon SQS", "SQS"]
    tf = next(q for q in qs if q.type == "truefalse")
    assert tf.answer == "false"
    mc = next(q for q in qs if q.type == "multichoice" and q.answer == "Lambda")
    assert len(mc.options) == 4 and all(len(o.text.split()) <= 4 for o in mc.options)


@settings(max_examples=200, deadline=None)
@given(
    mantissa=st.integers(min_value=1, max_value=999),
    exponent=st.integers(min_value=-3, max_value=6),
    unit=st.sampled_from([("MB", MB, "B"), ("minutes", 60.0, "s"), ("seconds", 1.0, "s"), ("$", 1.0, "USD"),
                          ("GB", 1024.0**3, "B"), ("hours", 3600.0, "s")]),
    seed=st.integers(min_value=0, max_value=10_000),
)
def test_distractors_are_never_equivalent_to_the_answer_after_conversion(mantissa: int, exponent: int,
                                                                          unit: tuple[str, float, str],
                                                                          seed: int) -> None:
    written, size, canonical = unit
    source = mantissa * 10.0**exponent
    text = f"${source:g}" if written == "$" else f"{source:g} {written}"
    fact = Fact("f", "c", 0, 1, text, source * size, canonical, "size", 0, len(text), source, written)
    values = distractors(source, rng=random.Random(seed), unit=canonical)
    assert len(values) == len(set(values))
    for v in values:
        assert not math.isclose(v * size, source * size, rel_tol=1e-9)
        assert plausible(source, v)
        assert display(fact, v) != display(fact, source)
    assert display(fact, source) in accepted_forms(fact)


def test_a_fact_in_a_long_paragraph_is_asked_in_its_own_sentence() -> None:
    from pipeline.facts import extract

    line = ("- Queues are a common way to decouple producers from consumers in distributed systems. "
            "Messages can be retained for up to 14 days before they expire. "
            "Consumers poll the queue and delete each message after processing it successfully.")
    deck = parse_deck(f"SQS retention\nA:\n{line}\n", path="sqs.txt")
    cfs = list(extract(deck.cards))
    clozes = [q for q in gen(cfs, seed=1) if q.type == "cloze"]
    assert clozes and all("decouple" not in q.stem and "poll" not in q.stem for q in clozes)
    assert any("retained for up to _____ before they expire." in q.stem for q in clozes), [q.stem for q in clozes]


def test_a_stem_is_its_context_and_body_and_the_parts_are_kept() -> None:
    for q in gen(deck_facts(), seed=1):
        context, body, prompt = q.get("context"), q.get("body"), q.get("prompt")
        assert q.stem == (f"{context} › {body}" if context else body) + (f"\n{prompt}" if prompt else "")
