"""One test per defect class of the review rubric (../shared/review/RUBRIC.md): a question of that class is
rejected or repaired, and a good question next to it passes. Decks are small and made up, so the rules are
pinned in general, not for the shared decks' lines."""
from __future__ import annotations

import json
import math
import random
import re
from dataclasses import replace

from pipeline.decks import detect_format, parse_deck
from pipeline.exporters.gift import to_gift
from pipeline.facts import extract
from pipeline.generators.distractors import STATUS_CODES, distractors
from pipeline.generators.qa import pick_all, qa_cards
from pipeline.note_fields import field_text
from pipeline.quality import gate
from pipeline.quantities import find_quantities
from pipeline.reflow import reflow
from pipeline.questions import generate
from pipeline.types import Line, Question


def bank(text: str, seed: int = 1, path: str = "rubric.txt") -> list[Question]:
    deck = parse_deck(text, path=path)
    cfs = list(extract(deck.cards))
    qas = [(qa.card.card_id, qa.question, qa.answer) for qa in qa_cards(deck.cards)]
    return gate(generate(cfs, seed=seed, picks=pick_all(qas, seed)), card_facts=cfs)


def accepted(questions: list[Question], qtype: str | None = None) -> list[Question]:
    return [q for q in questions if q.status == "accepted" and (qtype is None or q.type == qtype)]


def reasons(questions: list[Question]) -> set[str]:
    return {(q.reject_reason or "").split(":")[0] for q in questions if q.status == "rejected"}


def test_number_agreement_distractors_and_false_values_agree_with_their_noun() -> None:
    qs = bank("SQS visibility\nA:\n- The default visibility timeout of a queue is 1 minute\n"
              "- A message can stay in flight for up to 12 hours\n", seed=3)
    shown = [o.text for q in accepted(qs, "multichoice") for o in q.options]
    shown += [str(q.get("shown")) for q in accepted(qs, "truefalse")]
    assert shown
    for text in shown:
        number, noun = text.split()[0], text.split()[-1]
        assert (noun in ("minute", "hour")) == (number == "1"), text


def test_singular_giveaway_is_rejected_and_a_plural_noun_never_gets_one() -> None:
    qs = bank("DynamoDB capacity\nA:\n- Each WCU allows 1 write per second\n"
              "- A table can have up to 20 global secondary indexes\n", seed=2)
    one = [q for q in qs if q.answer == "1" and q.type in ("cloze", "multichoice", "numerical")]
    assert one and all(q.reject_reason and q.reject_reason.startswith("giveaway") for q in one)
    twenty = next(q for q in accepted(qs, "multichoice") if q.answer == "20")
    assert all(o.text != "1" for o in twenty.options)


def test_no_bare_unit_conversion_is_a_calculated_question_but_combined_facts_are() -> None:
    qs = bank("Lambda\nA:\n- The maximum timeout is 15 minutes\n- Memory can be set up to 10 GB\n")
    assert not [q for q in qs if q.type == "calculated"]
    priced = bank("Lambda pricing\nA:\n- The first 1,000,000 requests per month are free\n"
                  "- Then $0.20 per 1 million requests\n")
    calc = accepted(priced, "calculated")
    assert [q.get("rule") for q in calc] == ["free_tier_cost"]
    stem = calc[0].stem
    assert "charge for" in stem and stem.startswith("Lambda pricing › ")
    assert "1,000,000" not in stem and "$0.20" not in stem     # recalled and applied, not read off the stem
    assert calc[0].answer_value == (calc[0].get("dataset")[0]["n"] - 1_000_000) / 1_000_000 * 0.20  # type: ignore[index]


def test_stems_quote_the_card_and_a_rewritten_stem_is_rejected() -> None:
    qs = bank("Support plans\nA:\n- Developer support answers tickets within 12 to 24 hours\n")
    for q in accepted(qs, "cloze"):
        assert q.stem.replace("_____", q.answer) == q.stem.split(" › ")[0] + " › " + \
            "Developer support answers tickets within 12 to 24 hours"
    from dataclasses import replace

    from pipeline.quality import check
    q = accepted(qs, "cloze")[0]
    deck = parse_deck("Support plans\nA:\n- Developer support answers tickets within 12 to 24 hours\n", path="rubric.txt")
    cfs = list(extract(deck.cards))
    rewritten = replace(q, extra=tuple((k, v.replace("tickets", "cases") if k == "body" else v) for k, v in q.extra))
    assert (check(rewritten, card_facts=cfs) or "").startswith("rewritten")


def test_trivia_about_the_notes_is_rejected() -> None:
    qs = bank("GPU instances\nA:\n- There are three types of GPU-enabled instances\n"
              "- The G3 series comes in 1, 2 or 4 GPU configurations\n"
              "- An SNS topic has one or more subscribers\n"
              "- For half an hour it costs $0.10/2 = $0.05\n"
              "- A P3 instance can have up to 8 GPUs\n")
    assert {"trivia"} <= reasons(qs)
    rejected = {q.answer for q in qs if (q.reject_reason or "").startswith("trivia")}
    assert {"three", "2", "one", "$0.05"} <= rejected
    assert any(q.answer == "8 GPUs" or q.answer == "8" for q in accepted(qs, "cloze"))


def test_worked_scenarios_are_not_asked_but_limits_stated_by_example_are() -> None:
    qs = bank("Key Vault\nA:\n- If you have five apps, each in two regions, then we recommend 10 vaults\n"
              "- For example, secret transactions per vault are limited to 4,000 transactions in 10 seconds\n")
    assert not [q for q in accepted(qs) if q.answer in ("five apps", "10")]
    assert any(q.answer == "4,000" for q in accepted(qs, "cloze"))


def test_a_table_cell_is_asked_with_its_headers_never_with_pipes() -> None:
    qs = bank("Access tiers\nA:\n| | Hot | Cool |\n|--|--|--|\n| Availability | 99.9% | 99% |\n"
              "- Data moved out of the Cool tier early is charged for at least 30 days\n")
    assert accepted(qs) and all("|" not in q.stem for q in accepted(qs))
    clozes = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert clozes["99%"] == "Access tiers › Availability (Cool): _____"
    assert clozes["99.9%"] == "Access tiers › Availability (Hot): _____"
    assert clozes["30 days"].endswith("charged for at least _____")    # the line after the table has no table parent


def test_true_false_is_false_because_of_what_the_sentence_states() -> None:
    qs = bank("Support\nA:\n- Business support answers within 1 hour (it adds a 10% surcharge on the bill)\n", seed=4)
    false = [q for q in accepted(qs, "truefalse") if q.answer == "false"]
    assert false and all("10%" in q.stem and "1 hour" not in q.stem for q in false)


def test_a_term_cloze_in_a_paragraph_shows_only_its_sentence() -> None:
    paragraph = ("- API Gateway returns a 504 status code for any network or low level transport issue. For such "
                 "errors you may see a message in Amazon CloudWatch Logs for the request. One possible reason is a "
                 "backend that does not send well-formed chunked messages, which you can test with curl.")
    qs = bank(f"API Gateway gotchas\nA:\n{paragraph}\n")
    terms = accepted(qs, "term_cloze")
    assert terms and all("504" not in q.stem and "curl" not in q.stem for q in terms)


def test_a_question_card_scenario_is_not_asked_but_its_numeric_answer_is() -> None:
    qs = bank("A function runs for 25 minutes and times out after 3 seconds. What is the maximum timeout?\n"
              "A:\nAnswer: 15 minutes\n")
    assert not [q for q in accepted(qs) if q.answer in ("25 minutes", "3 seconds")]
    numerical = accepted(qs, "numerical")
    assert [q.answer for q in numerical] == ["15 minutes"] and numerical[0].stem.startswith("A function runs")
    assert "900 seconds" in numerical[0].get("accepted")  # type: ignore[operator]
    assert {q.type for q in accepted(qs)} >= {"numerical", "multichoice", "truefalse"}


def test_a_case_set_up_by_if_or_for_example_is_not_asked() -> None:
    qs = bank("EC2 tenancy\nA:\n- If a customer had 20 instances running, only one would go offline\n"
              "- For example, on a 16 node cluster an empty table with 20 columns will occupy 640MB on disk\n"
              "- When your process is using 160 MB, you're charged for 256 MB\n"
              "- When you create a queue, messages are kept for 4 days by default\n")
    asked = {q.answer for q in accepted(qs) if q.type in ("cloze", "numerical")}
    assert not asked & {"20", "16", "160 MB"}
    assert "4 days" in asked                                  # the main clause states a default


def test_a_sentence_about_the_one_before_it_is_not_asked_alone() -> None:
    qs = bank("EBS tips\nA:\n- Switch old volumes to cold storage\n- This can in many cases reduce costs by 2/3\n"
              "- When this happens, you may see up to 5 retries in Amazon CloudWatch\n"
              "- gp3 volumes support up to 16,000 IOPS\n")
    assert not [q for q in accepted(qs) if "reduce costs" in q.stem or "this happens" in q.stem]
    assert [q for q in accepted(qs, "cloze") if q.answer == "16,000 IOPS" or q.answer == "16,000"]


def test_a_thing_or_pronoun_the_question_does_not_name_is_not_asked() -> None:
    qs = bank("Limits\nA:\n- This quota can be raised to 50 per region\n"
              "- It expires after 30 days\n"
              "- Amazon SQS keeps messages for 4 days by default\n")
    asked = {q.answer for q in accepted(qs) if q.type in ("cloze", "numerical")}
    assert not asked & {"50", "30 days"}
    assert "4 days" in asked
    reasons_by_answer = {q.answer: q.reject_reason or "" for q in qs if q.type == "cloze"}
    assert reasons_by_answer["50"].startswith("unanswerable")
    assert reasons_by_answer["30 days"].startswith("unanswerable")


def test_a_term_that_is_one_example_among_others_is_not_the_answer() -> None:
    qs = bank("Mobile\nA:\n- Amazon SNS sends push notifications to devices (iOS, Android, etc.)\n"
              "- Use a managed queue like Amazon SQS to decouple services\n"
              "- AWS Lambda runs code for up to 15 minutes\n")
    terms = {q.answer for q in accepted(qs, "term_cloze")}
    assert not terms & {"Amazon SQS", "Android"}


def test_a_price_restated_in_brackets_and_a_lower_bound_of_one_are_not_asked() -> None:
    qs = bank("Pricing\nA:\n- Requests cost $0.20 per 1 million requests ($0.0000002 per request)\n"
              "- Memory can be set between 1 and 10 GB\n")
    rejected = {q.answer: q.reject_reason or "" for q in qs if q.type == "cloze"}
    assert rejected.get("$0.20", "").startswith("answer_leak")
    assert rejected.get("1", rejected.get("1 GB", "")).startswith("trivia")
    assert any(q.answer in ("10 GB", "10") for q in accepted(qs, "cloze"))


def test_a_count_its_own_sentence_repeats_is_a_giveaway() -> None:
    qs = bank("Event Hubs\nA:\n- Azure Event Hubs runs all three instances in three availability zones\n"
              "- Azure Event Hubs allows 20 consumer groups per namespace and 5 readers per group\n")
    leaked = {q.answer for q in qs if q.type == "cloze" and (q.reject_reason or "").startswith("answer_leak")}
    assert "three" in leaked
    assert {"20", "5"} <= {q.answer for q in accepted(qs, "cloze")}


def test_the_lines_of_a_worked_example_are_not_asked() -> None:
    qs = bank("GKE pricing\nA:\n- cluster management fee $0.10 per cluster per hour\n- WAL size: set it, e.g. 50GB\n"
              "- each minor gets 14 months of support (12 months + 2 month upgrade period)\n- e.g. replicas: 10\n\n"
              "e.g. 3 clusters running a full month (730 h)\n- minus $74.40 credit = $144.60 mgmt fee\n"
              "- requests cost 3 x 730 x $0.10 = $219\n"
              "- memory tiers: 128MB, 256MB (default), 512MB, 1GB, 2GB\n- startup: failureThreshold 40 x periodSeconds 10\n")
    asked = {q.answer for q in accepted(qs) if q.type in ("cloze", "numerical", "multichoice")}
    assert asked == {"$0.10"}
    assert not [q for q in accepted(qs, "truefalse") if "$0.10" not in q.stem]
    reasons_by_answer = {q.answer: q.reject_reason or "" for q in qs if q.type == "cloze"}
    assert reasons_by_answer["$144.60"].startswith("trivia: a line of a worked example")
    assert reasons_by_answer["$219"].startswith("trivia: ")
    assert reasons_by_answer["50GB"].startswith("trivia: an example value")
    assert reasons_by_answer["1GB"]       # (a list of options, or an option no item of it labels)
    assert not [q for q in accepted(qs) if "failureThreshold" in q.stem]


def test_a_question_card_asks_its_question_only_of_the_lines_that_answer_it() -> None:
    qs = bank("How long is a PostgreSQL major version supported?\nA:\nAnswer: 5 years from its initial release.\n"
              "Note: minor releases come out at least every 3 months.\n")
    five = next(q for q in accepted(qs, "cloze") if q.answer == "5 years")
    assert five.stem == "How long is a PostgreSQL major version supported? › _____ from its initial release."
    note = next(q for q in accepted(qs, "cloze") if q.answer == "3 months")   # a note: the question is not its
    assert note.stem == "PostgreSQL › minor releases come out at least every _____."
    qs = bank("What PBKDF2 iteration counts does OWASP recommend?\nA:\nPBKDF2-HMAC-SHA256: 600,000 iterations\n"
              "PBKDF2-HMAC-SHA512: 210,000 iterations\n"
              "NIST SP 800-63B only asked for at least 10,000 iterations, which is not the same number.\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["600,000"].startswith("What PBKDF2 iteration counts does OWASP recommend? › ")
    assert stems["210,000"].startswith("What PBKDF2 iteration counts does OWASP recommend? › ")
    assert not [q for q in qs if q.answer.startswith("10,000") and "OWASP" in q.stem]


def test_a_scene_before_a_question_heads_none_of_its_answer_and_its_answer_is_not_asked_alone() -> None:
    """Round E: "Run your code somewhere else than Lambda - the maximum timeout is _____" says whose timeout only
    through the scenario it no longer shows; a note under the answer still stands on its own."""
    qs = bank("You have a Lambda function that runs for 25 minutes. It fails with a timeout after 3 seconds. "
              "What should you do?\nA:\nRun your code somewhere else than Lambda - the maximum timeout is 15 minutes\n"
              "---\nYou need to react to new items in a DynamoDB table. How can you achieve that?\nA:\n"
              "Answer: Enable DynamoDB Streams so the Lambda function receives the events\n\n"
              "Note: A DynamoDB stream keeps each change record for 24 hours\n")
    answer_line = [q for q in qs if q.answer in ("15 minutes", "DynamoDB Streams") and q.generator != "qa"]
    assert answer_line and all(q.reject_reason and "without the question" in q.reject_reason for q in answer_line)
    assert not [q for q in qs if "25 minutes" in q.stem and q.answer == "15 minutes"]
    assert [q for q in accepted(qs) if q.answer == "24 hours"]


def test_a_sentence_that_points_back_or_names_no_limit_is_not_asked() -> None:
    """A sentence cut from a long line; a short line is shown whole, with the sentence it points back to."""
    qs = bank("VPN tips\nA:\n- For a cheap VPN to reach private AWS resources, consider a point-to-site software VPN such as "
              "OpenVPN, which many teams already know well. It limits you to 2 concurrent users on the free license.\n"
              "- For many years S3 had a notorious 100-bucket limit per account, which could not be raised and caused "
              "much pain. You can ask to increase the limit, but it stays capped (below ~1000 per account).\n"
              "- Amazon S3 objects can be up to 5 TB in size\n"
              "- Use WireGuard for small teams. It supports up to 50 peers per interface.\n")
    reasons = {(q.answer, q.line): q.reject_reason or "" for q in qs if q.type == "cloze"}
    assert reasons[("2", 3)].startswith("unanswerable") and reasons[("1000", 4)].startswith("unanswerable")
    assert reasons[("5 TB", 5)] == "" and reasons[("50", 6)] == ""


def test_wrong_values_keep_their_side_of_the_sentences_other_numbers() -> None:
    qs = bank("Ports\nA:\n- etcd listens on ports 2379-2380\n"
              "- Logs are kept 31 days when the purge flag is unset, after a 30-day retention\n", seed=3)
    for q in accepted(qs, "multichoice"):
        values = [o.value for o in q.options]
        if q.answer == "2380":
            assert all(v > 2379 for v in values)
        if q.answer == "31 days":
            assert all(v > 30 * 86400 for v in values)
    false = [q for q in accepted(qs, "truefalse") if q.answer == "false" and "purge" in q.stem]
    assert all(int(q.get("shown").split()[0]) > 30 for q in false)  # type: ignore[union-attr]


def test_a_number_typed_next_to_its_unit_is_asked_as_a_number() -> None:
    qs = bank("Spot instances\nA:\n- AWS gives a two-minute warning before it stops a Spot instance\n")
    typed = next(q for q in accepted(qs, "numerical"))
    assert typed.answer == "2" and typed.stem.endswith("Type the number.")
    assert "two" in typed.get("accepted")  # type: ignore[operator]


def test_copied_link_words_and_long_clauses_stay_out_of_the_stem() -> None:
    qs = bank("S3 tips\nA:\n- If a bucket is deleted, it can take up to 10 hours before the name can be used again. (discussion)\n")
    assert accepted(qs) and all("discussion" not in q.stem for q in qs)


def test_one_is_never_offered_before_a_plural_noun_behind_an_adjective() -> None:
    qs = bank("OpenVPN\nA:\n- The free license of OpenVPN allows 2 concurrent users\n", seed=1)
    shown = [o.text for q in qs if q.type == "multichoice" for o in q.options]
    shown += [q.get("shown") for q in qs if q.type == "truefalse"]
    assert shown and "1" not in shown


def test_a_step_the_card_repeats_with_other_values_and_only_one_are_not_asked() -> None:
    qs = bank("Key Vault throttling\nA:\n1. Wait 1 second, retry request\n2. If still throttled wait 2 seconds, retry request\n"
              "3. If still throttled wait 4 seconds, retry request\n\nLimits:\n"
              "- Only one expiration policy can be configured per Azure AD organization\n"
              "- Azure Key Vault allows 4,000 transactions per 10 seconds per vault\n")
    reasons = {q.answer: q.reject_reason or "" for q in qs if q.type == "cloze"}
    assert all(reasons[step] for step in ("1 second", "2 seconds", "4 seconds"))   # steps (round M: the first too)
    assert reasons["one expiration policy"].startswith("giveaway")
    assert reasons["4,000"] == ""


def test_a_term_is_blanked_only_where_it_is_the_point_and_keyed_as_written() -> None:
    qs = bank("Kafka notes\nA:\n- linger.ms defaults to 0, changed to 5 ms in Kafka 4.0 for better batching\n"
              "- Users can write objects to S3 using Facebook Login and temporary credentials\n"
              "- A LoadBalancer Service (on GKE creates a passthrough Network LB) exposes the pods\n"
              )
    terms = {q.answer: q for q in accepted(qs, "term_cloze")}
    assert not {"Kafka", "Facebook Login", "GKE", "Apache Kafka", "Google Kubernetes Engine"} & set(terms)
    s3 = next(q for q in accepted(qs, "term_cloze") if "objects" in q.stem)
    assert s3.answer == "S3" and s3.get("accepted") == ["S3", "Amazon S3"]


def test_values_the_stem_states_otherwise_and_values_of_commands_are_not_asked() -> None:
    qs = bank("Redis persistence\nA:\n- save 900 1 (after 900 sec if at least 1 key changed)\n"
              "- RabbitMQ max message size is 128 MiB (max_message_size = 134217728) by default\n"
              "- Worked example, 5 shards, 1,000 records/s of 3 KB each\n"
              "- start it with `kafka-server-start.sh --port 9092 config/server.properties`\n"
              "- Redis keeps at most 10,000 clients by default\n")
    rejected = {q.answer: q.reject_reason or "" for q in qs if q.type == "cloze"}
    assert rejected["900 sec"].startswith("answer_leak") and rejected["134217728"].startswith("answer_leak")
    assert rejected["5"].startswith("trivia") and rejected["9092"].startswith("trivia")
    assert rejected["10,000"] == ""


def test_lines_that_lean_on_the_notes_around_them_are_not_asked() -> None:
    qs = bank("Postgres timeouts\nA:\n- These all default to 0, meaning disabled\n"
              "- The pacing delay (in step 2c) is 5 seconds\n\n1 LCU = the max of:\n- 25 new connections per second\n"
              "- 1 GB per hour of processed bytes\n\nLimits:\n- statement_timeout can be set up to 2147483647 ms\n")
    asked = {q.answer for q in accepted(qs)}
    assert not asked & {"0", "5 seconds", "25", "1 GB"}
    assert "2147483647 ms" in asked


def test_a_heading_that_states_the_value_gives_a_true_false_away() -> None:
    qs = bank('Firestore "500/50/5" rule\nA:\n- start at max 500 ops/sec on a new collection\n'
              "- a document can be up to 1 MiB in size\n", seed=2)
    tf = {q.get("source_text"): q.reject_reason or "" for q in qs if q.type == "truefalse"}
    assert tf["500"].startswith("answer_leak") and tf["1 MiB"] == ""


def test_a_question_card_offers_no_option_its_question_rules_out_and_types_back_only_names() -> None:
    qs = bank("A job runs for 25 minutes and Lambda times it out. What is the maximum timeout?\nA:\nAnswer: 15 minutes\n"
              "---\nWhich DynamoDB option cuts read latency to microseconds?\nA:\nAnswer: Create a DAX cluster\n"
              "---\nWhich service runs code without servers?\nA:\nAnswer: AWS Lambda\n"
              "---\nWhich user directory signs users in with Facebook?\nA:\nAnswer: Cognito User Pools\n")
    mc = next(q for q in qs if q.type == "multichoice" and q.answer == "15 minutes")
    assert all(o.text != "25 minutes" for o in mc.options)
    # round E: a name of several words has forms a grader cannot list ("Cognito User Pool", "Amazon Cognito")
    assert {q.answer for q in qs if q.type == "shortanswer"} == {"AWS Lambda"}


def test_former_and_hedged_values_are_not_asked_the_current_one_is() -> None:
    qs = bank("CloudWatch retention\nA:\n- Metric data is kept for 15 months (used to be 14 days)\n"
              "- The older docs said 5,000 rules; the quota is 10,000 rules per region now\n"
              "- managed policies per role: I think it's 25 now\n"
              "- AWS TTM revenue was $37.549 billion in Q1 2020\n")
    reason = {q.answer: q.reject_reason or "" for q in qs if q.type == "cloze"}
    assert reason["14 days"].startswith("trivia: a former value") and reason["5,000"].startswith("trivia: a former value")
    assert reason["25"].startswith("trivia: a value the notes are unsure of")
    assert reason["15 months"] == "" and reason["10,000"] == "" and reason["$37.549 billion"] == ""


def test_a_day_of_a_month_is_a_date_not_a_fact() -> None:
    qs = bank("Entra ID tokens\nA:\n- Configurable refresh token lifetimes were retired on 30 January 2021.\n"
              "- An access token lives 60 to 90 minutes by default\n- 5 may be raised by support\n")
    assert not [q for q in qs if "January" in q.stem or q.answer.startswith("30")]
    assert [q for q in accepted(qs) if "90 minutes" in q.answer or q.get("source_text") == "90 minutes"]


def test_a_count_the_sentence_spells_out_and_a_value_relative_to_another_line_are_not_asked() -> None:
    qs = bank("Cosmos DB\nA:\n- 5 consistency levels, strongest -> weakest: Strong, Bounded Staleness, Session, "
              "Consistent Prefix, Eventual\n- serverless costs 1.5x that per 100 RU/s\n"
              "- a logical partition holds up to 20 GB\n")
    reason = {q.answer: q.reject_reason or "" for q in qs if q.type == "cloze"}
    assert reason["5"].startswith("giveaway: the sentence lists the items it counts")
    assert reason["1.5x"].startswith("unanswerable: '… that per'")
    assert reason["20 GB"] == ""


def test_a_number_with_irregular_digit_groups_is_never_a_typed_key() -> None:
    qs = bank("Lambda limits\nA:\n- Free tier: 1,00,000 requests per month\n- Concurrency: 1,000 executions per region\n")
    odd = [q for q in qs if q.answer == "1,00,000" and q.type in ("cloze", "numerical", "multichoice")]
    assert odd and all((q.reject_reason or "").startswith("unanswerable: '1,00,000' groups its digits") for q in odd)
    assert [q for q in accepted(qs, "numerical") if q.answer_value == 1000]


def test_a_true_false_statement_judges_one_value() -> None:
    qs = bank("Spanner\nA:\n- rough numbers: ~10,000 reads/s or ~2,000 writes/s per node, ~1,000 per 100 PU, "
              "older docs 5,000\n- storage per node is 10 TB\n"
              "---\nService Bus quotas\nA:\n| quota | Service Bus queues |\n|---|---|\n"
              "| Maximum number of queues | 10,000 (Standard tier) 1000 / Messaging Unit (Premium tier) |\n"
              "| Maximum message size | 256 KB |\n")
    tf = {str(q.get("source_text")): q.reject_reason or "" for q in qs if q.type == "truefalse" and q.card_index == 0}
    assert tf["10,000"].startswith("side_remark: the statement carries 3 or more other values")
    assert tf["10 TB"] == ""
    cells = {str(q.get("source_text")): q.reject_reason or "" for q in qs if q.type == "truefalse" and q.card_index == 1}
    assert cells["10,000"].startswith("side_remark: a table cell of several values") and cells["256 KB"] == ""


def test_a_setting_the_line_does_not_name_is_not_asked() -> None:
    qs = bank("Configure TCP reset and idle timeout for Azure Load Balancer\nA:\n"
              "- You can set the idle timeout from 4 to 100 minutes.\n- The default setting is 4 minutes for all rule types.\n"
              "---\nAzure Load Balancer\nA:\nIdle timeout:\n- The default value is 4 minutes\n")
    reason = [q.reject_reason or "" for q in qs if q.type == "cloze" and "default" in q.stem]
    assert any(r.startswith("unanswerable: 'The default setting is' does not say which setting") for r in reason)
    assert "" in reason       # under "Idle timeout", the default value is named


def test_the_lines_of_a_worked_example_card_are_not_asked() -> None:
    qs = bank("RCU worked example\nA:\n- 80 reads/sec, items 6 KB, strongly consistent\n"
              "- 6 KB / 4 KB = 1.5 -> round UP -> 2 RCU per read\n"
              "---\nDynamoDB capacity\nA:\n- 1 RCU = one strongly consistent read per second of an item up to 4 KB\n")
    assert not [q for q in accepted(qs) if q.card_index == 0]
    assert [q for q in accepted(qs) if q.card_index == 1]


def test_a_multi_blank_whose_value_the_sentence_states_again_is_rejected() -> None:
    qs = bank("Event Hubs\nA:\n- Throughput units can grow up to 40 TUs (you can select up to 20 TUs in the portal, "
              "and raise a support ticket to raise it to 40 TUs)\n")
    multi = [q for q in qs if q.type == "multi_cloze"]    # the bracket's values stay shown: no blanks of them
    assert all((q.reject_reason or "").startswith("answer_leak: the stem states '40'") for q in multi)


def test_an_acronym_is_asked_only_with_something_to_say_whose_it_is() -> None:
    qs = bank("AWS Cognito User Pools (CUP)\nA:\n- serverless database of users\n"
              "---\nDynamoDB - DAX\nA:\n- DAX = DynamoDB Accelerator\n- 5 minutes TTL for cache by default\n")
    asked = {q.stem for q in qs if q.type == "term_cloze" and q.stem.endswith("stand for?")}
    assert not [s for s in asked if "CUP" in s]
    assert [s for s in asked if "DAX" in s]


def test_a_title_naming_its_service_is_not_headed_by_a_service_named_in_passing() -> None:
    qs = bank("Azure App Service plan overview\nA:\n- Shared compute: Free and Shared, the two base tiers, run an app "
              "on the same Azure VM as other App Service apps.\n"
              "---\nCertificate Transparency\nA:\n- A cert valid for 180 days or less needs 2 SCTs and a longer one needs 3.\n")
    stems = [q.stem for q in qs if q.card_index in (0, 1)]
    assert stems and not [s for s in stems if "Virtual Machines" in s or "Schema Conversion" in s]


def test_a_sentence_that_opens_on_what_came_before_is_not_asked() -> None:
    qs = bank("Tags\nA:\n- For many years, there was a notorious 10 tag limit per resource, which could not be raised and caused "
              "many companies significant pain. As of 2016, this was raised to 50 tags per resource.\n"
              "---\nLambda pricing\nA:\n- First 400,000 GB-seconds are free\n- After that $1.00 for 600,000 GB-seconds\n")
    asked = {q.answer for q in accepted(qs)} | {str(q.get("source_text")) for q in accepted(qs, "truefalse")}
    assert "50" not in asked and "$1.00" not in asked and "600,000 GB-seconds" not in asked
    assert "400,000 GB-seconds" in asked


def test_a_true_false_falsified_inside_brackets_is_rejected_even_when_the_claim_has_no_number() -> None:
    qs = bank("GitHub Actions\nA:\n- GITHUB_TOKEN expires when the job finishes (max 24 h)\n- a job can run for 6 hours\n", seed=4)
    false = {str(q.get("source_text")): q.reject_reason or "" for q in qs if q.type == "truefalse" and q.answer == "false"}
    assert false["24 h"].startswith("side_remark: falsified inside a bracketed side remark")
    assert false.get("6 hours", "") == ""


def test_an_aside_in_the_notes_own_voice_is_not_asked() -> None:
    qs = bank("CodeBuild compute\nA:\n- general1.small (2-core/std, as I learned them) costs $0.005 per minute\n")
    reason = {q.answer: q.reject_reason or "" for q in qs if q.type == "cloze"}
    assert reason["2"].startswith("trivia: a value the notes are unsure of") or reason["2"].startswith("unanswerable")


def test_a_multi_blank_whose_singular_noun_says_one_is_rejected() -> None:
    qs = bank("DynamoDB RCU\nA:\n- 1 RCU = 1 Strongly consistent read of 4 KB per second\n")
    multi = [q for q in qs if q.type == "multi_cloze"]
    assert multi and all((q.reject_reason or "").startswith("giveaway: 'read' after blank (1)") for q in multi)


def test_an_acronym_met_in_passing_is_not_asked() -> None:
    qs = bank("Service Bus large messages\nA:\n- Use the Java Message Service (JMS) 2.0 client SDK for messages up to 100 MB\n"
              "---\nAWS Cognito User Pools (CUP)\nA:\n- Cognito User Pools (CUP) is a serverless database of users for web apps\n")
    assert not [q for q in qs if q.stem.endswith("stand for?") and "JMS" in q.stem]


def test_the_items_of_a_long_lead_in_that_takes_their_maximum_are_not_asked_alone() -> None:
    qs = bank("Cosmos DB - Minimum throughput on container\nA:\n- To estimate the minimum throughput required of a container "
              "with manual throughput, find the maximum of:\n- - 400 RU/s\n- - Current storage in GB * 10 RU/s\n"
              "- A container can hold up to 20 GB per logical partition\n")
    assert not [q for q in accepted(qs) if q.answer in ("400", "400 RU/s")]
    assert [q for q in accepted(qs) if q.answer == "20 GB"]


def test_a_generic_value_column_is_not_named_in_the_stem() -> None:
    qs = bank("Kubernetes scalability thresholds\nA:\n| limit | value |\n|---|---|\n| nodes per cluster | 5,000 |\n"
              "| pods per node | 110 |\n")
    stems = [q.stem for q in accepted(qs)]
    assert stems and not [s for s in stems if "(value)" in s or "value (" in s]


def test_a_value_that_says_not_what_it_measures_or_counts_is_not_asked() -> None:
    qs = bank("Lambda limits\nA:\n- Environment variables (4KB)\n- Memory allocation: 128MB - 3008 MB (64 MB increments)\n"
              "---\nDynamoDB RCU\nA:\n- 1 RCU = 2 eventually consistent\n- Up to 10 nodes in the cluster\n")
    reason = {q.answer: q.reject_reason or "" for q in qs if q.type == "cloze"}
    assert reason["4KB"].startswith("unanswerable: the value is a bracketed note on a name")
    assert reason["2"].startswith("unanswerable: the count is followed by no noun")
    assert reason["3008 MB"] == "" and reason["10"] == ""


def test_a_multi_blank_of_words_is_rejected() -> None:
    qs = bank("Functions Premium plan\nA:\n- Premium instance sizes: one core, two core, and four core instances.\n"
              "- Event Hubs allows a single partition reader per consumer group and four partitions by default.\n")
    multi = [q for q in qs if q.type == "multi_cloze"]
    assert multi and all((q.reject_reason or "").startswith("giveaway: blank (") for q in multi)


def test_round_e_prices_per_unit_in_brackets_and_rough_ranges_are_not_asked() -> None:
    """"$0.20 per 1 million requests (_____ per request)" is the price beside it divided out; "_____-12
    connections" and "45-_____%" are one end of an estimate the other end gives away. A wide range stays."""
    qs = bank("Lambda pricing\nA:\n- $0.20 per 1 million requests thereafter ($0.0000002 per request)\n"
              "- Memory: 128MB - 3008 MB (64 MB increments)\n"
              "---\nAzure Bastion instances\nA:\n- Each instance can support 10-12 concurrent RDP/SSH connections.\n")
    reason = {q.answer: q.reject_reason or "" for q in qs if q.type == "cloze"}
    assert reason["$0.0000002"].startswith("trivia: a price restated in brackets")
    assert reason["10"].startswith("trivia: one end of a rough range (12)")
    assert reason["128MB"] == "" and reason["3008 MB"] == ""
    # the statement of the whole range is one claim a learner can judge
    assert [q for q in accepted(qs, "truefalse") if "concurrent RDP" in q.stem]


def test_round_e_a_made_up_case_is_not_asked_a_stated_limit_after_for_instance_is() -> None:
    qs = bank("EFS performance\nA:\n- Throughput scales with storage. For instance, a file system storing 5 TiB would be "
              "able to burst at a rate of 500 MiB/s.\n- For instance, API Gateway's CreateDeployment API has a default "
              "limit of 3 requests per minute.\n")
    assert not [q for q in accepted(qs) if q.answer in ("5 TiB", "500 MiB/s") or "5 TiB" in q.answer]
    assert [q for q in accepted(qs) if q.answer == "3"]


def test_round_e_a_false_statement_that_still_states_its_true_value_is_rejected() -> None:
    """Changing one of two mentions of a value leaves a statement that contradicts itself."""
    qs = bank("Event Hubs throughput units\nA:\n- On a multi-tenant offering, throughput units can grow up to 40 TUs "
              "(you can select up to 20 TUs in the portal, and raise it to 40 TUs by a support request).\n")
    false = [q for q in qs if q.type == "truefalse" and q.answer == "false" and q.get("source_text") == "40"]
    assert false and all((q.reject_reason or "").startswith("side_remark: the false statement still states '40'")
                         for q in false)
    assert [q for q in accepted(qs) if q.answer == "20"]


def test_round_e_a_label_that_states_its_value_is_left_out_and_the_sentence_is_asked() -> None:
    """"**4096-bit SSL certificates:** CloudFront does not support 4096-bit …": round E's true/false changed the label
    and kept the sentence true; now the label is left out of the stem, and the sentence's value is the fact."""
    qs = bank("CloudFront gotchas\nA:\n- **4096-bit SSL certificates:** CloudFront does not support 4096-bit SSL "
              "certificates as of late 2016.\n- Max 25 origins: a distribution can have up to 25 origins.\n")
    asked = [q for q in accepted(qs) if q.answer in ("4096", "25") or q.get("source_text") in ("4096", "25")]
    assert {q.type for q in asked} >= {"cloze", "truefalse"}
    assert all("certificates:" not in q.stem and "Max 25" not in q.stem for q in asked)


def test_round_e_a_count_of_the_names_just_before_it_is_a_giveaway() -> None:
    qs = bank("App Service plans\nA:\n- Shared compute: Free and Shared, the two base tiers, run an app on the same VM "
              "as other apps.\n- Dedicated compute runs apps on up to 30 instances.\n")
    reason = {q.answer: q.reject_reason or "" for q in qs if q.type in ("cloze", "multichoice")}
    assert reason["two"].startswith("giveaway: the sentence lists the items it counts")
    assert reason["30"] == ""


def test_round_e_a_port_gets_other_well_known_ports_and_a_version_is_no_fact() -> None:
    """"listens on port 1433" against 1075, 1791, 2866: random numbers next to a port; "Spark 3.4 runtime" is a
    version, not a limit."""
    qs = bank("Managed databases\nA:\n- Azure SQL Managed Instance listens on port 1433\n- Spark 3.4 runtime (older 3.1/3.2 "
              "runtimes EOS)\n- Spark pools scale to at most 200 nodes\n")
    mc = next(q for q in accepted(qs, "multichoice") if q.answer == "1433")
    assert {o.value for o in mc.options if not o.is_correct} <= {1521.0, 2049.0, 2181.0, 2375.0, 2376.0, 2379.0,
                                                                 3000.0, 3306.0, 3389.0, 995.0, 993.0}
    assert not [q for q in qs if q.answer in ("3.4", "3.1", "3.2")]
    assert [q for q in accepted(qs) if q.answer == "200"]


def test_round_e_a_table_caption_says_what_its_cells_are_per() -> None:
    qs = bank("Datadog infra pricing\nA:\n(list prices, per host per month, 2024)\n| plan | annual | on-demand |\n"
              "|---|---|---|\n| Pro | $15 | $18 |\n")
    cloze = next(q for q in accepted(qs, "cloze") if q.answer == "$15")
    assert "per host per month, 2024 › Pro (annual): _____" in cloze.stem


def test_round_e_list_items_hedges_restatements_and_abbreviations_after_the_blank_are_not_asked() -> None:
    qs = bank("Firehose and friends\nA:\n- Firehose destinations: S3, Redshift (via S3 + COPY), OpenSearch, Splunk, "
              "HTTP endpoint, Snowflake\n- Spectrum: $5 per TB scanned, 10 MB min per query\n"
              "- points can't be written older than 25 hours (something like that)\n"
              "- Kinesis Data Streams keeps records for 24 hours by default\n"
              "- metric alerts: evaluation frequency 1 min min, can be multi-resource\n"
              "---\nSLA downtime\nA:\n| SLA | downtime per month |\n|---|---|\n| 99.99% | 4.32 min (~4 min 19 s) |\n")
    assert not [q for q in accepted(qs, "term_cloze") if q.answer in ("Splunk", "Snowflake", "OpenSearch")]
    assert not [q for q in accepted(qs) if q.answer in ("10 MB", "25 hours", "19 s", "1 min") and q.type != "multichoice"]
    assert [q for q in accepted(qs, "multichoice") if q.answer == "10 MB"]    # its options are written in MB
    assert not [q for q in accepted(qs, "truefalse") if "1 min min" in q.stem]
    assert [q for q in accepted(qs) if q.answer == "24 hours"] and [q for q in accepted(qs) if q.answer == "$5"]


def test_round_e_a_service_named_in_passing_or_as_what_it_is_not_is_no_subject() -> None:
    """"… they can only do SNS/SSM actions, not EC2 or ASG. Anomaly detection … needs ~2 weeks": the stem was
    headed "Amazon EC2 Auto Scaling"; a sentence that opens with its service still lends it to the next."""
    qs = bank("Alarm actions\nA:\n- Auto Scaling policy\nComposite alarms are good for cutting noise; they can only do "
              "SNS/SSM actions, not EC2 or ASG. Anomaly detection models need ~2 weeks of data to be useful.\n"
              "---\nFunctions\nA:\n- Lambda supports up to 10 GB of memory. Timeout max is 15 minutes.\n")
    weeks = next(q for q in qs if q.answer == "2 weeks" and q.type == "cloze")
    assert weeks.subject is None and "Auto Scaling" not in weeks.stem and "Systems Manager" not in weeks.stem
    assert next(q for q in qs if q.answer == "15 minutes" and q.type == "cloze").subject == "AWS Lambda"


def test_round_f_values_worked_out_from_their_sentence_are_not_asked() -> None:
    """"8x A100 _____ (320 GB total)", "200 Gb/s per GPU (1.6 Tb/s per VM), _____ GPUs", "200K tokens ≈ _____ words at
    0.75 words per token", "~4,000 per minute, which is ~_____ per month": each is the others multiplied out. Counts
    side by side ("4 vCPUs, 2 GPUs and 8 disks") are not."""
    qs = bank("GPU notes\nA:\n- 8x A100 40 GB (p4d, 320 GB total)\n- ND A100 v4: 200 Gb/s InfiniBand per GPU (1.6 Tb/s "
              "per VM), 8 GPUs\n- Claude context 200K tokens ≈ 150K words at 0.75 words per token\n"
              "- Premium SKU: ~4,000 action executions per minute, which is ~160 million per month\n"
              "- A VM gets up to 4 vCPUs, 2 GPUs and 8 disks\n")
    cloze = {q.answer: q.reject_reason or "" for q in qs if q.type == "cloze"}
    for answer in ("40 GB", "320 GB", "1.6 Tb/s", "150K", "160 million"):
        assert cloze[answer].startswith("trivia: "), answer
    assert cloze["4"] == cloze["2"] == ""


def test_round_f_labels_versions_plans_pictures_and_bracketed_cells() -> None:
    qs = bank("Storage and models\nA:\n- FSx for Windows File Server: SMB, NTFS, integrates with AD, DFS namespaces, "
              "Single-AZ or Multi-AZ deployments for every team. SSD 32 GiB - 64 TiB, HDD 2 TiB - 64 TiB\n"
              "- Gemini 2.0 Flash: 1M tokens in, 8,192 out\n"
              "- Azure Cache for Redis supports up to 120 GB. In the future, it will provide 500 GB tiers.\n"
              "- Multiple AZs: use at least two AZs as in this AWS diagram\n"
              "---\nS3 classes\nA:\n| class | min billable size |\n|---|---|\n| Standard-IA | 128KB |\n"
              "| Intelligent-Tiering | (objects <128KB never tiered) |\n"
              "---\nS3 versioning\nA:\nThree states: unversioned (default), enabled, suspended.\n")
    hdd = next(q for q in accepted(qs, "cloze") if q.answer == "2 TiB")
    assert "FSx for Windows File Server › SSD 32 GiB" in hdd.stem
    assert not [q for q in qs if "2.0" in (q.answer, q.get("source_text"))]
    assert not [q for q in accepted(qs) if {q.answer, str(q.get("source_text"))} & {"500 GB", "two", "Three"}]
    assert not [q for q in accepted(qs) if "never tiered" in q.stem]
    assert [q for q in accepted(qs) if q.answer == "120 GB"] and [q for q in accepted(qs) if q.answer == "128KB"]


def test_round_f_a_why_line_of_a_scenario_card_is_not_asked_alone() -> None:
    qs = bank("A company keeps backups for 7 years and moves them to Deep Archive after a year. Which retention should "
              "the Deep Archive rule have?\nA:\nAnswer: 6 years in Deep Archive\nWhy: the rule keeps them for 6 years "
              "after the first year in S3 Standard\n")
    assert not [q for q in accepted(qs) if q.generator != "qa" and "6 years" in q.answer]


def test_round_f_worked_calc_cards_own_labels_and_unnamed_settings() -> None:
    """A card titled "(worked calc)" states no facts; "NVadsA10 v5: …" is headed by its own name, not by the card's
    most-named product (NVIDIA A100); "For a Basic Logs table, the value is always _____" names no setting."""
    qs = bank("Azure GPU VM families\nA:\n- NC A100 v4: 1, 2 or 4x A100 80 GB PCIe\n- ND A100 v4: 8x A100 80 GB, NVLink\n"
              "- NVadsA10 v5: A10, partial GPU slices (1/6, 1/3, 1/2, full) mostly for VDI\n"
              "---\nLLM memory sizing (worked calc)\nA:\nweights only, fp16 = 2 bytes/param:\n- 70B -> 140 GB -> min 2x H100\n"
              "---\nLog Analytics retention\nA:\n- For a Basic Logs table, the value is always 8.\n"
              "- Analytics tables keep data for 30 days by default.\n")
    slices = [q for q in qs if q.answer == "1/3"]
    assert slices and all(q.subject is None and "A100" not in q.stem for q in slices)
    assert not [q for q in accepted(qs) if q.answer in ("140 GB", "2 bytes", "8")]
    assert [q for q in accepted(qs) if q.answer == "30 days"] and [q for q in accepted(qs) if q.answer == "80 GB"]


def test_round_g_a_lower_bound_is_falsified_upwards_and_small_counts_get_near_neighbours() -> None:
    """"over 60 edge locations" stated as "over 50" is still true; "at least two AZs" against 16 and 32 is no choice."""
    text = ("CloudFront basics\nA:\n- CloudFront has over 60 global edge locations.\n"
            "- Each Region has at least 3 Availability Zones.\n- A cluster spans 2 AZs by default.\n")
    for seed in range(1, 6):
        qs = bank(text, seed)
        for q in qs:
            shown = q.get("shown")
            if q.type == "truefalse" and q.answer == "false" and "over" in q.stem and isinstance(shown, str):
                assert float(shown) > 60
        for q in qs:
            if q.type == "multichoice" and q.answer in ("2", "3"):
                assert all(o.value is not None and o.value <= 8 for o in q.options)


def test_round_g_headings_captions_and_cells_say_only_what_the_notes_state() -> None:
    """Half a sentence ("but there are …", "including …") heads nothing; a remark of the author's is no caption; a
    name in another table cell is not the row's subject; a line's own "X:" label is not put under another's."""
    qs = bank("S3 Tips\nA:\n- S3 Reduced Redundancy and Infrequent Access: Most people use the Standard storage class "
              "in S3, but there are other storage classes with lower cost:\n- - One Zone-IA is 20% cheaper than Standard-IA\n"
              "---\nSubnets\nA:\nQuick compare table I made after getting this wrong on a practice test:\n"
              "| cloud | reserved per subnet | notes |\n|---|---|---|\n| Azure | 5 | .2/.3 = Azure DNS |\n"
              "---\nDirect Connect\nA:\n- Dedicated connections: 1, 10 or 100 Gbps ports. Hosted connections through a "
              "partner: 50 Mbps up to 10 Gbps\n")
    stems = [q.stem for q in accepted(qs)]
    assert not [s for s in stems if "but there are" in s or "practice test" in s or "Dedicated connections › Hosted" in s]
    one_zone = next(q for q in accepted(qs) if q.answer == "20%")
    assert "S3 Tips › S3 Reduced Redundancy and Infrequent Access › One Zone-IA is _____" in one_zone.stem
    reserved = [q for q in qs if q.answer == "5" and q.type == "cloze"]
    assert reserved and all(q.subject != "Azure DNS" for q in reserved)


def test_round_g_answers_that_leak_are_two_values_a_typo_or_a_config_example_are_not_asked() -> None:
    qs = bank("Route 53 pricing\nA:\n- $0.50 per hosted zone for the first 25 zones, $0.10 for zones 26 to 100,000, "
              "$0.03 above 100k\n- Use at least two or three AZs for high availability\n"
              "- Free tier of 1,00,000 requests\n- app.yaml: max_instances: 20\n"
              "- Docker images run on ECS / Fargate\n- Functions scale out to 200 instances (so ~4 per core?)\n")
    assert not [q for q in accepted(qs) if q.answer in ("100k", "two or three AZs", "20", "Fargate", "200")]
    assert not [q for q in accepted(qs, "truefalse") if "1,00,000" in q.stem]
    assert [q for q in accepted(qs) if q.answer == "$0.50"]


def test_round_g_a_labelled_parent_heads_by_its_label_and_a_crowded_cell_is_not_asked() -> None:
    qs = bank("High Availability Tips\nA:\n- Multiple AZs: Using AZs wisely is the primary tool for high availability!\n"
              "- - A second AZ should improve availability; the SLA needs at least 2 AZs.\n"
              "---\nService Bus quotas\nA:\n| quota | value |\n|---|---|\n| Maximum number of queues | 10,000 (Standard tier) "
              "1000 / Messaging Unit (Premium tier) |\n| Maximum message size | 256 KB |\n")
    two = next(q for q in qs if q.answer == "2" and q.type == "cloze")
    assert "Multiple AZs › A second AZ" in two.stem and "primary tool" not in two.stem
    assert not [q for q in accepted(qs) if q.answer in ("10,000", "1000")]
    assert [q for q in accepted(qs) if q.answer == "256 KB"]


def test_round_g_a_cell_lead_is_not_repeated_as_an_attribute() -> None:
    qs = bank("Subnet quirks - AWS vs GCP\nA:\n| cloud | reserved per subnet |\n|---|---|\n| AWS | 5 |\n| GCP | 4 |\n")
    cell = next(q for q in accepted(qs, "cloze") if q.answer == "5")
    assert cell.stem == "Subnet quirks - AWS vs GCP › AWS (reserved per subnet): _____"


def test_round_h_plans_past_values_remarks_negatives_and_unnamed_limits_are_not_asked() -> None:
    qs = bank("Notes\nA:\n- In the coming months, new settings will enable retaining data for up to 12 years.\n"
              "- Adaptive capacity is instant now; it used to take 5-30 minutes back in 2017.\n"
              "- I did the practice test twice and got 68% lol\n"
              "- Important: Docker is not for Lambda, it is for ECS / Fargate\n"
              "- AWS Cognito Sync: store data in datasets (up to 1MB)\n"
              "- Revenue was $37.549 billion (slide 14 in the linked deck)\n"
              "- Default quota is usually low, like ~ 12 per region\n"
              "---\nAWS Config retention\nA:\nConfig items kept 7 years by default (2557 days). Retention configurable "
              "from 30 days up to 2557 days.\n---\nCognito\nA:\n"
              "- Cognito Sync keeps at most 20 datasets per identity.\n")
    assert not [q for q in accepted(qs) if q.answer in ("12 years", "5", "30 minutes", "68%", "Docker", "1MB",
                                                        "$37.549 billion", "12", "7 years")]
    assert not [q for q in accepted(qs, "multi_cloze") if "7 years" in q.answer]
    assert [q for q in accepted(qs) if q.answer == "20"] and [q for q in accepted(qs) if q.answer == "30 days"]


def test_round_h_nearby_availability_percentages_are_no_restatement() -> None:
    qs = bank("Cosmos DB SLA\nA:\n- SLA: 99.99% single region; 99.999% read+write availability with multi-region writes\n")
    assert [q for q in accepted(qs) if q.answer == "99.99%" and q.type in ("cloze", "numerical")]


def test_round_i_a_term_blanked_before_another_name_is_not_asked() -> None:
    qs = bank("AWS SAM\nA:\n- SAM can use CodeDeploy Lambda functions\n- SAM deploys through AWS CloudFormation stacks\n")
    assert not [q for q in accepted(qs, "term_cloze") if q.answer == "CodeDeploy"]


def test_round_i_examples_scenarios_bold_marks_and_restatements_after_the_blank() -> None:
    qs = bank("HPA math\nA:\n- Ex2: ratio 1.04 x target 50% = 52% desired utilization\n"
              "- Checkpoints go out in waves (e.g. 50% of the fleet first)\n"
              "- PROBLEM: the function fails with an internal error while the service is under heavy load and the "
              "invocation is throttled by the account's concurrency quota for the whole region. This usually just "
              "means a retry after 30 seconds.\n"
              "- Premium SKU: ~4,000 action executions per minute, which is ~160 million per month\n"
              "- Dataproc bills per second with a **minimum** of 1 minute\n"
              "- The default activity timeout changed from 7 days to 12 hours in 2022\n"
              "---\nScenario: nightly Glue job\nA:\n- The job runs 10 workers for 2 hours every night\n"
              "---\nEMR pricing example\nA:\n- EC2 $0.192/hr + EMR $0.048/hr = $0.240/hr\n"
              "---\nWorked cost: nightly Glue ETL job\nA:\n- Job: G.2X workers, 12 workers, runs 18 mins each night\n")
    assert not [q for q in accepted(qs) if q.answer in ("52%", "50%", "30 seconds", "4,000", "10", "$0.192", "$0.048",
                                                        "12", "18 mins", "7 days")]
    assert [q for q in accepted(qs) if q.answer == "12 hours"]
    minimum = next(q for q in accepted(qs) if q.answer == "1 minute")
    assert "**" not in minimum.stem


def test_round_j_lowercase_paragraphs_are_cut_captions_carry_their_scope_and_versions_are_names() -> None:
    """Notes written in lower case are still cut to the sentence of the blank; a caption line states a table's
    unit and scope; "TLS 1.3" is a version; "only port _____ (https)" names its answer; "(worked)" cards and
    "~_____/min? unsure" values are not asked."""
    qs = bank("google cloud kms - can you delete a key?\nA:\n- no. key rings and keys can't be deleted (names reserved "
              "forever, also no charge for empty key rings/keys). you can only DESTROY key versions. destroy is "
              "scheduled: default 30 days in DESTROY_SCHEDULED state, restorable in that time. configurable per key at "
              "creation, min 24 hours, max 120 days.\n"
              "---\nazure key vault throttling limits\nA:\nper vault per region, per 10 second window (from service "
              "limits page ~2023):\n| key type | CREATE key |\n|---|---|\n| RSA 2048 HSM | 5 |\n| RSA 2048 software | 10 |\n"
              "---\nTLS notes\nA:\n- ACM certs use TLS 1.3 where the client allows it\n- the ACME challenge needs only "
              "port 443 (https) open\n- token endpoint quota is lower, ~3,000/min? unsure\n"
              "---\nCloudHSM cost (worked)\nA:\n- 2 HSMs x 730 h = 1,460 HSM-hours a month\n")
    max_days = next(q for q in accepted(qs, "cloze") if q.answer == "120 days")
    assert max_days.stem.endswith("configurable per key at creation, min 24 hours, max _____.")
    create = next(q for q in accepted(qs, "cloze") if q.answer == "5")
    assert "per vault per region, per 10 second window ›" in create.stem
    assert not [q for q in accepted(qs) if q.answer in ("1.3", "443", "3,000", "1,460 HSM-hours", "730 h")]


def test_round_j_rough_ranges_each_and_ports_named_in_passing() -> None:
    """"usually ~10-20 ms" marks its range rough, and so does "typically 200-500 ms" (round J took it for a stated
    range; round AF's reviewer found 300 or 400 ms as right, see `test_round_af_typical_ranges…`); "the default
    limit for each is 20" cut from its line says not each what; "Postgres listens on port _____" asks the port of a
    named engine, which is fair."""
    qs = bank("Latency\nA:\n- Multi-AZ commit latency is usually ~10-20 ms over a single-AZ write.\n"
              "- Cold starts are now typically in the range of 200-500 ms for a simple function.\n"
              "- ALBs, CLBs and NLBs are counted separately as different resource types by the quota system of each "
              "account and region, which catches many teams out. The default limit for each is 20 per region.\n"
              "- Postgres listens on port 5432 by default.\n")
    assert not [q for q in accepted(qs) if q.answer in ("10", "20 ms", "20 per region", "200", "500 ms")]
    assert [q for q in accepted(qs) if q.answer == "5432"]


def test_round_j_a_price_restated_in_brackets_gives_no_statement_and_no_multi_blank() -> None:
    qs = bank("Lambda pricing\nA:\n- $0.20 per 1 million requests thereafter ($0.0000002 per request)\n"
              "- tls 1.3 session ticket lifetime max 7 days\n")
    assert not [q for q in accepted(qs) if "$0.20" in q.stem or "$0.20" in q.answer]
    assert not [q for q in qs if q.answer in ("1.3",)] and [q for q in accepted(qs) if q.answer == "7 days"]


def test_round_k_negative_claims_unit_symbols_swallowed_qualifiers_and_connectives() -> None:
    """"does not support 8192-bit" is as true as 4096; "6 mibs" is no unit; "_____ integration account" keyed "One
    Free tier" gives itself away; "However, …" and "Also, …" lean on a sentence not shown; "4XXError" is a name."""
    text = ("Notes\nA:\n- CloudFront does not support 4096-bit SSL certificates as of late 2016.\n"
            "- metric filter limit 1 mib per event\n- One Free tier integration account per Azure region\n"
            "- However, the platform waits 60 minutes before scale-in.\n- 4XXError and 5XXError are separate metrics\n")
    for seed in range(1, 4):
        qs = bank(text, seed)
        assert not [q for q in accepted(qs, "truefalse") if q.answer == "false" and "does not support" in q.stem]
        assert all("mibs" not in o.text for q in qs for o in q.options)
        assert not [q for q in accepted(qs) if q.answer in ("One Free tier", "60 minutes", "4")]


def test_round_l_scenario_lines_doubted_headings_note_pointers_list_counts_and_terms_beside_values() -> None:
    qs = bank("Migration exam practice\nA:\nQ: A company needs 7-year retention and a 15 min downtime window.\n"
              "Answer: AWS DMS with ongoing replication\n"
              "---\nSizing\nA:\nScale targets I noted, from memory, check before trusting:\n- Amplify allows 30 RPS per app\n"
              "---\nVPC\nA:\n- You can raise the limit of 350 ENIs per VPC by asking AWS Support\n"
              "- EBS snapshots are stored in S3 as described here\n- S3 gives 99.99% availability. See notes on high "
              "availability below.\n- Three feature tiers are offered now: Free, Pro, Enterprise\n"
              "- I am not 100% sure on RAM: 64 GB per host\n")
    assert not [q for q in accepted(qs) if q.answer in ("7-year", "15 min", "30", "99.99%", "Three", "100%", "64 GB")]
    assert not [q for q in accepted(qs, "term_cloze") if q.answer == "AWS Support"]
    assert [q for q in accepted(qs) if q.answer == "350"]


def test_round_l_a_why_line_of_an_exam_scenario_card_and_a_blanked_hedge() -> None:
    qs = bank("Exam scenario: get rid of physical tapes\nA:\nQ: A company keeps tapes offsite for 7-year retention.\n"
              "Answer: Tape Gateway\nWhy: Deep Archive is the cheapest class for rarely-restored 7-year retention.\n"
              "---\nDataSync agent\nA:\n- agent sizing: 4 vCPU, 16 GiB RAM, 80 GB disk (not 100% sure on RAM)\n"
              "- DataSync tasks transfer up to 10 Gbps per agent\n")
    assert not [q for q in accepted(qs) if q.answer in ("7", "7-year", "100%", "16 GiB", "80 GB")]
    assert [q for q in accepted(qs) if q.answer in ("10", "10 Gbps")]


def test_round_m_a_term_is_asked_only_as_the_one_name_its_clause_needs() -> None:
    """Round M: a blanked name that modifies the next word ("an _____ bucket"), that is one item of a list
    ("EventBridge, SNS or _____"), part of a longer word ("SSE-_____") or of a code span has many right answers."""
    qs = bank("Storage notes\nA:\n"
              "- Snapshots are stored in Amazon S3 behind the scenes, you cannot see the bucket\n"
              "- Gateway endpoints exist only for S3 and DynamoDB in every region today\n"
              "- Interface endpoints reach your own NLB-backed endpoint services over private IPs\n"
              "- Lifecycle hooks notify EventBridge, SNS or SQS when an instance launches\n"
              "- Alarms watch the `AWS/Usage CallCount` metric of each KMS key in the account\n"
              "- Route 53 alias records have a fixed TTL that you cannot change\n"
              "- User pools can be integrated with Amazon API Gateway for authentication\n")
    terms = {q.answer: q.stem for q in accepted(qs, "term_cloze")}
    assert "Amazon S3" in terms and "Snapshots are stored in _____ behind" in terms["Amazon S3"]
    assert not {"DynamoDB", "NLB", "SQS", "SNS", "Route 53", "KMS", "Amazon API Gateway"} & set(terms)
    reasons = {q.answer: q.reject_reason or "" for q in qs if q.type == "term_cloze"}
    assert "list" in reasons["SQS"] and "longer word" in reasons["NLB"] and "kind of 'alias'" in reasons["Route 53"]


def test_round_m_one_value_of_a_long_enumeration_is_not_asked() -> None:
    """Round M: "Allowed values (days): _____, 3, 5, 7, 14" asks which item opens a list, and "1,000" must not
    swallow the comma of "3, 5" when the series is counted."""
    qs = bank("Log retention\nA:\n- Allowed retention values (days): 1, 3, 5, 7, 14, 30, 60, 90\n"
              "- Hosted connection speeds: 50 Mbps, 100, 200, 300, 400 Mbps\n"
              "- Default retention is never expire, the minimum paid retention is 1 day\n")
    assert not [q for q in accepted(qs) if q.answer in ("1", "3", "50 Mbps", "100", "200")]
    assert [q for q in accepted(qs) if q.answer == "1 day"]


def test_round_m_steps_captions_old_values_and_instructions_are_not_asked() -> None:
    """Round M: a step of a numbered procedure, a table's caption, the old side of a change ("54% -> 66%" under
    "used to be"), a word in a series ("one core, _____ core, and four core"), a value glued to letters no unit
    reads ("(3y)") and an instruction as a true/false statement are not facts a learner can be asked."""
    qs = bank("Key Vault throttling\nA:\nOn HTTP error 429, back off exponentially:\n1. Wait 1 second, retry request\n"
              "2. If still throttled wait 2 seconds, retry request\n---\nKey Vault limits\nA:\n- A vault allows 4,000 transactions per 10 seconds\n"
              "---\nEgress pricing\nA:\n| tier | $/GB |\n|---|---|\n| first 10 TB | 0.09 |\n"
              "caption: other regions pricier (APAC up to ~0.15)\n"
              "---\nBilling changes (used to be)\nA:\n- Convertible RI max discount 54% -> 66%\n"
              "---\nPremium plan\nA:\n- Premium instance sizes: one core, two core, and four core instances.\n"
              "- memory-optimized commitments give up to 70% off (3y)\n"
              "---\nDirect Connect\nA:\n- Use for more consistent network performance (1 Gbps or 10 Gbps per link).\n")
    asked = {q.answer for q in accepted(qs)}
    assert not asked & {"1 second", "2 seconds", "0.15", "54%", "(1) 54%; (2) 66%", "two", "four", "one core", "3"}
    assert {"4,000", "70%"} <= asked
    assert not [q for q in accepted(qs, "truefalse") if "Use for" in q.stem]


def test_round_m_a_range_says_of_what() -> None:
    qs = bank("Load Balancer TCP reset and idle timeout\nA:\n- Outbound rules have a configurable range of 4 to 120 minutes.\n"
              "---\nLoad Balancer\nA:\n- The idle timeout has a configurable range of 4 to 100 minutes.\n"
              "---\nLambda\nA:\n- Cold starts are now typically in the range of 200-500 ms for a simple function.\n")
    reasons = {q.answer: q.reject_reason or "" for q in qs if q.type == "cloze"}
    assert "range of what" in reasons["120 minutes"] and "range of what" not in reasons.get("100 minutes", "")
    assert "range of what" not in reasons.get("500 ms", "")


def test_round_m_a_switch_value_is_not_asked() -> None:
    """Round M: "automated snapshot retention 1-35 days (0 disables)" asks a 0 the next word explains."""
    qs = bank("Redshift snapshots\nA:\n- automated snapshot retention: 1-35 days (0 disables, provisioned only)\n"
              "- spot max price: -1 = don't evict on price\n- query timeout default 0 seconds\n")
    assert not [q for q in accepted(qs) if q.answer_value in (0.0, -1.0) and ("disables" in q.stem or "evict" in q.stem)]
    reasons = {q.answer: q.reject_reason or "" for q in qs if q.type == "cloze"}
    assert "switch value" in reasons["0"] and "switch value" not in reasons.get("0 seconds", "")


def test_round_m_values_in_code_calls_and_values_in_doubt_are_not_asked() -> None:
    qs = bank("Redshift pause\nA:\n- Good for dev clusters via scheduled actions (e.g. cron(0 19 ? * MON-FRI *)).\n"
              "---\nTraffic Manager\nA:\n- MultiValue: max records in response default 2? Only IPv4/IPv6 endpoints\n"
              "- DNS TTL default 60 seconds for each profile\n")
    asked = {q.answer for q in accepted(qs)}
    assert not asked & {"0", "19", "2"} and "60 seconds" in asked


def test_round_n_doubts_quotes_made_up_values_and_references_are_not_asked() -> None:
    """Round N: a line the notes doubt anywhere ("per hub? (not sure)"), a value inside a quotation, a line of
    made-up numbers, an ID, a value set against one not shown ("_____ instead"), a multiple typed as a number."""
    qs = bank("IoT Hub\nA:\n- Max 100 automatic deployments per hub? (not sure)\n"
              "- Cold storage use case: compliance \"must keep 1 yr, query maybe once a quarter\"\n"
              "- Policy ARN arn:aws:iot:us-east-1:123456789012:topic/x (example ARN, account ID made up)\n"
              "- Messages bill in 5 KB increments. For shadow operations the increment is 1 KB instead.\n"
              "- IoT Hub S1 allows 400,000 messages per day per unit\n"
              "- 2 resources: Email Communication Service (domains) + Communication Services resource\n"
              "- Higher throughput (up to 3x with similar hardware).\n"
              "- SMTP STARTTLS: 25, 587, 2587 ; TLS wrapper: 465, 2465\n"
              "mosquitto_pub --cafile root.pem -q 1 -i lab-01 -t dt/lab/temp -m '{\"t\":21.5}'\n"
              "---\nProvisioned concurrency\nA:\n- Provisioned concurrency is about 2.5x more expensive than on-demand per GB-second\n")
    asked = {q.answer for q in accepted(qs)}
    assert not asked & {"100", "1 yr", "123456789012", "1 KB", "2", "21.5", "1", "465", "3x"} and "400,000" in asked
    assert not [q for q in accepted(qs, "numerical") if q.answer == "2.5x"]
    assert [q for q in accepted(qs) if q.answer == "2.5x"]        # the cloze and the choices still ask it
    assert [q for q in accepted(qs) if q.answer == "2.5x" and "than" not in q.stem] == []    # (it says than what)


def test_round_n_statements_that_judge_themselves_are_not_asked() -> None:
    """Round N: a false threshold ("greater than 36 hours are for replay") still reads true; a count of a list
    the statement spells out is judged by counting; "(_____, so just four nines)" leaks 99.99%; blanks in one
    slot of a list can be swapped; an instruction is no claim."""
    qs = bank("Event Hubs\nA:\n- Retention periods greater than 24 hours are intended for replay scenarios\n"
              "- A device twin has three sections: tags, desired properties and reported properties\n"
              "- The SLA is 99.99% (so just four nines) for the standard tier\n"
              "- Supported vCPU-to-memory ratios include 8-to-1 and 4-to-1 for memory optimized sizes\n"
              "- Change the bootstrap.servers setting to point at port 9093 of the namespace\n")
    statements = accepted(qs, "truefalse")
    assert not [q for q in statements if q.answer == "false" and "greater than" in q.stem]
    assert not [q for q in statements if "sections" in q.stem or "bootstrap" in q.stem]
    assert not [q for q in accepted(qs) if q.answer == "99.99%" and "four nines" in q.stem]
    assert not [q for q in accepted(qs, "multi_cloze") if "-to-1" in q.stem]


def test_round_n_a_table_column_names_its_own_product_even_when_unknown() -> None:
    """Round N: under "| | SES | SendGrid | ACS Email |" the ACS cell is not Amazon SES's, though the card names SES
    most: a column's own header says whose its cells are."""
    qs = bank("Email svc comparison\nA:\n| | SES | SendGrid | ACS Email |\n|---|---|---|---|\n"
              "| price/1k | $0.10 | plan-based | $0.25 |\n| recipients/msg | 50 | 1,000 | 50 |\n"
              "- Pick SES for email delivery from AWS workloads; SES needs a sandbox exit first\n")
    acs = [q for q in accepted(qs) if q.answer == "$0.25"]
    assert acs and all("ACS Email" in q.stem and "Amazon SES" not in q.stem for q in acs)
    assert [q for q in accepted(qs) if q.answer == "$0.10" and "SES" in q.stem]


def test_round_o_scenarios_worked_lines_restatements_and_trivial_bounds_are_not_asked() -> None:
    """Round O: lines of an "Exam scenario - …" card, a "Worked:" sub-list, "_____ vCPU (8192)", "_____-90 days",
    and a sentence that says "also" about one the question cut away."""
    qs = bank("Exam scenario - brute force on a login page\nA:\nScenario: 2,000 attempts a minute from ~300 IPs.\n"
              "Answer: Rate-based rule, window 5 minutes, limit 20 (or lower).\n"
              "---\nEKS pod IPs\nA:\n- max pods per node is 110 by default\n- Worked:\n- - /17 pod range -> 512 nodes\n"
              "---\nFargate sizes\nA:\n- largest task: 16 vCPU (16384), 120 GB memory\n- attachments per TGW: 5000 (5k)\n"
              "- soft delete policy (preview, 1-90 days, default 7 days)\n"
              "---\nFunctions\nA:\n- These values assume that the Azure Functions host process starts and runs correctly. There's a "
              "maximum timeout of 60 seconds for the language-specific worker process to also start. The worker process "
              "startup timeout isn't currently configurable.\n")
    asked = {q.answer for q in accepted(qs)}
    assert not asked & {"20", "512", "16", "1", "60 seconds", "5000"}
    assert {"110", "120 GB", "7 days"} <= asked


def test_round_o_a_parent_the_title_ends_with_is_not_repeated() -> None:
    qs = bank("S3 Tips - S3 Reduced Redundancy and Infrequent Access\nA:\n"
              "- S3 Reduced Redundancy and Infrequent Access: there are storage classes with lower cost:\n"
              "- - One Zone-IA stores data in a single AZ and costs 20% less than Standard-IA.\n")
    stems = [q.stem for q in accepted(qs) if q.answer == "20%"]
    assert stems and all(s.count("Reduced Redundancy") == 1 for s in stems)


def test_round_o_machine_sizes_get_distractors_in_doublings() -> None:
    """Round O: "P1v3 (_____ vCPU, 8 GiB of memory)" offered 5 and 6 vCPU, sizes no machine comes in."""
    qs = bank("App Service PremiumV3\nA:\n- P1v3 instances have 2 vCPU and 8 GiB of memory\n"
              "- A zone-redundant plan needs at least 3 instances\n")
    options = {q.answer: [o.value for o in q.options] for q in accepted(qs, "multichoice")}
    assert set(options["2"]) <= {1.0, 2.0, 4.0, 8.0, 16.0} and len(options["2"]) == 4
    assert set(options["3"]) - {1.0, 2.0, 4.0, 8.0, 16.0}     # a count of instances is no machine size


def test_round_o_a_typed_compute_amount_accepts_its_unit_spelled_out() -> None:
    """Round O: the key "400,000 GBs" (the notes' shorthand) must also take "400,000 GB-seconds"."""
    qs = bank("Lambda pricing\nA:\n- Free tier of 1,000,000 requests and 400,000 GBs of compute time per month\n")
    typed = next(q for q in accepted(qs, "numerical") if q.answer == "400,000 GBs")
    assert {"400000 GB-seconds", "400000 GB-s"} <= set(typed.get("accepted"))  # type: ignore[arg-type]


def test_round_p_examples_recaps_leaks_and_counted_acronyms() -> None:
    """Round P: a YAML/code example's value, a recap card's shorthand, "(16 9's)" beside the percentage, "one EFA"
    among "two EFA" options, and "10-12 concurrent RDP/SSH connections" cut inside "RDP"."""
    qs = bank("Azure Pipelines timeouts\nA:\n- timeoutInMinutes default 60, max 360 on hosted agents\n"
              "- example:\n- - timeoutInMinutes: 120\n"
              "---\nquick recall dump\nA:\n- gha job 6h, workflow 35d, cache 10GB\n"
              "---\nEvent Hubs durability\nA:\n- Capture gives 99.99999999999999% (16 9's) durability for stored data\n"
              "---\nEFA\nA:\n- The number of EFAs per instance is tied to network cards: usually one EFA per network card.\n"
              "---\nAzure Bastion\nA:\n- Each instance can support 10-12 concurrent RDP/SSH connections.\n")
    asked = {q.answer for q in accepted(qs)}
    assert "60" in asked and not asked & {"120", "6h", "35d", "10GB", "99.99999999999999%"}
    efa = next(q for q in accepted(qs, "multichoice") if q.answer == "one EFA")
    assert all(o.text == "one EFA" or o.text.endswith("EFAs") for o in efa.options)
    assert not [q for q in qs if q.stem.endswith(" R") or " R_____" in q.stem or "concurrent R" in q.answer]


def test_round_q_cases_comparisons_plurals_and_bare_acronyms() -> None:
    """Round Q: "If _____ jobs are submitted at once" sets up a case; "like MediaConvert" is not the card's
    subject; "2 millions" is never an option; "What does DAX stand for?" says whose acronym it asks."""
    qs = bank("MediaConvert queues\nA:\n- If 500 jobs are submitted at once, the rest wait in the queue.\n"
              "- Pattern: 4 podcast hosts share one queue\n- A queue runs up to 100 concurrent jobs per account\n"
              "---\nTranscoder API pricing?\nA:\n- SD output costs $0.015 per minute, HD $0.030 (per-minute billing like MediaConvert)\n"
              "- Same 100 hr ladder as the MediaConvert card: about 2x MediaConvert basic\n"
              "---\nGlue Data Catalog\nA:\n- first 1 million objects stored are free each month\n"
              "---\nDynamoDB - DAX\nA:\n- DAX = DynamoDB Accelerator\n- DAX caches reads for 5 minutes by default\n")
    asked = {q.answer for q in accepted(qs)}
    assert not asked & {"500", "4"} and "100" in asked
    assert not [q for q in qs if q.answer == "$0.015" and "MediaConvert ›" in q.stem]
    million = next(q for q in accepted(qs, "multichoice") if "million" in q.answer)
    assert not [o for o in million.options if "millions" in o.text]
    assert [q.stem for q in accepted(qs, "term_cloze") if q.answer == "DynamoDB Accelerator"] == [
        "AWS › What does DAX stand for?"]


def test_round_r_document_numbers_and_lab_values_are_not_asked() -> None:
    """Round R: "RFC 7642, 7643 and 7644" are document numbers (7643 follows by elimination), a value the notes
    call their own lab's is no limit, and "05:_____ UTC" is part of a clock time."""
    qs = bank("SCIM\nA:\nSCIM 2.0 is an IETF standard from 2015: RFC 7643 defines the core schema, RFC 7644 the REST "
              "protocol, and RFC 7642 the concepts. Bulk requests are capped at 1,000 operations per request.\n"
              "---\nVault Lock timeline\nA:\n- cooling-off period set to 3 days (from my lab)\n"
              "- Vault names, times and retentions are from my lab, not facts.\n"
              "---\nVault Lock worked timeline (my lab)\nA:\n- the storage bill lasts 3650 days in compliance mode\n"
              "---\nAWS Backup schedules\nA:\n- e.g. cron(0 5 ? * * *) = 05:00 UTC every day\n"
              "- backup windows start within 8 hours by default\n")
    asked = {q.answer for q in accepted(qs)}
    assert not asked & {"7642", "7643", "7644", "3 days", "3650 days", "00", "05"}
    assert {"1,000", "8 hours"} <= asked


def test_round_s_a_typed_cloze_accepts_the_value_in_other_units() -> None:
    """Rounds P and S: "Maximum execution time: _____" keyed "900 seconds" must take "15 minutes" too, as the card
    itself writes it; GIFT lists every accepted form as a right answer of the gap."""
    qs = bank("Lambda limits\nA:\n- Maximum execution time: 900 seconds ( 15 minutes )\n")
    cloze = next(q for q in accepted(qs, "cloze") if q.answer == "900 seconds")
    assert {"15 minutes", "15 min"} <= set(cloze.get("accepted"))  # type: ignore[arg-type]
    gift = to_gift([cloze]).to_bytes().decode("utf-8")
    assert "{=900 seconds =" in gift and "=15 minutes" in gift


def test_round_t_a_sentence_wrapped_over_file_lines_is_asked_whole() -> None:
    """Round T (genai, 8 of 10 rejections): prose hard-wrapped at a fixed width gave stems that began and ended
    mid-sentence ("later requests. Minimum size …, and you"). The wrapped lines are one sentence again."""
    qs = bank("Context caching on Vertex AI\n"
              "Explicit context caching: you create a CachedContent resource with the big part of the prompt and reference it in\n"
              "later requests. Minimum size was 32,769 tokens for Gemini 1.5 models (so small prompts cannot be cached), default\n"
              "TTL 60 minutes, and you can set another TTL or expiry time.\n")
    cloze = next(q for q in accepted(qs, "cloze") if q.answer == "60 minutes")
    assert "Minimum size was 32,769 tokens" in cloze.stem and cloze.stem.endswith("expiry time.")
    assert "later requests" not in cloze.stem and cloze.line == 4


def test_round_t_digits_of_a_product_or_standard_name_are_not_values() -> None:
    """Round T (vdi #9, #12, #17, #20): "Windows _____", "Microsoft _____" and "SAML _____" blanked the names'
    own digits, with distractors such as 292 and SAML 5.0."""
    qs = bank("Windows 365 plans\nA:\n- Alternative: SAML 2.0 federation (Okta, Entra ID) with MFA at the IdP\n"
              "- Windows 365 Business: small biz, max 300 users\n- supports Windows 10/11 Enterprise multi-session\n"
              "- Microsoft 365 Apps need 4 GB RAM\n")
    answers = {q.answer for q in accepted(qs) if q.type in ("cloze", "numerical", "multichoice")}
    assert {"300", "4 GB"} <= answers
    assert not answers & {"2.0", "365", "10/11", "10"}


def test_round_t_worked_values_and_ruled_out_values_are_not_asked() -> None:
    """Round T (genai #2, #4, #14; workflow #1): a value a "So …" sentence works out, one side of a worked equation,
    a bracket that restates the value before it, the "one" of a unit's definition, and "not _____"."""
    qs = bank("Azure OpenAI and Bedrock quotas\n"
              "For most chat models, Azure sets the RPM limit proportional to TPM: 6 RPM per 1,000 TPM. So a deployment with 60K TPM has 360 RPM.\n"
              "Billing is per text unit, where one text unit is up to 1,000 characters (a request with 2,500 characters = 3 text units).\n"
              "Training jobs: MaxRuntimeInSeconds default is 86,400 (24 h), and can be set up to 28 days.\n"
              "- Step Functions free tier 4,000 ST/month (always free, not 12-mo)\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"1,000", "28 days"} <= asked
    assert not asked & {"360", "60K", "6", "2,500", "3", "24 h", "12", "one text unit"}
    assert not [q for q in accepted(qs, "truefalse") if "text unit" in q.stem and "one text unit" not in q.stem]


def test_round_t_a_checklist_box_is_markup_not_text() -> None:
    """Round T (vdi #13): "[x] FSLogix default size _____" showed the checklist box. (The card's title was "Things to
    double check"; since round AM such a list is the notes' own doubts, like "things to re-check".)"""
    qs = bank("VDI checklist\n- [x] FSLogix profile containers default size 30 GB\n")
    cloze = next(q for q in accepted(qs, "cloze") if q.answer == "30 GB")
    assert "[x]" not in cloze.stem and "FSLogix profile containers default size _____" in cloze.stem


def test_round_t_the_authors_own_study_record_is_not_asked() -> None:
    """Round T (vdi #2, genai #15): "Motivation / vent" (a practice-test score) and "Lab log …" (one run's latency)."""
    for title in ("Motivation / vent", "Lab log 30.11.2024 - Azure OpenAI quota test", "Study plan (week by week)"):
        qs = bank(f"{title}\n- practice test score went from 62% to 81% after 3 weeks\n- average latency was 0.8 s per request\n")
        assert not accepted(qs), title
    assert accepted(bank("Event Grid limits\n- max event size is 1 MB\n"))     # "Event" is no "vent"


def test_round_t_a_numerical_key_is_a_number() -> None:
    """Round T (azure #16): "Type the number." keyed "four"; the key is 4, the card's word still accepted."""
    qs = bank("Event Hubs\n- A namespace in the Premium tier holds up to four processing units per zone by default.\n")
    numerical = next(q for q in accepted(qs, "numerical"))
    assert numerical.answer == "4" and "four" in numerical.get("accepted")  # type: ignore[operator]


def test_round_t_a_defined_term_without_a_heading_names_its_cloud() -> None:
    """Round T (serverless #13): "What does DAX stand for?" with no heading at all (a quiz card's note)."""
    qs = bank("DynamoDB - DAX\n- DAX = DynamoDB Accelerator\n- Writes go through DAX to DynamoDB\n---\n"
              "You are about to enter the Christmas sale and a few items will be read often. What should you do?\nA:\n"
              "Answer: Create a DAX cluster\n\n"
              "Note: A DynamoDB Accelerator (DAX) cluster is a cache that fronts your DynamoDB tables.\n")
    terms = [q for q in qs if q.type == "term_cloze" and "stand for" in q.stem]
    assert terms and all(q.stem.startswith("AWS › ") for q in terms)


def test_round_t_fragments_the_notes_leave_unfinished_are_not_asked() -> None:
    """Round T (timeseries #9, #15): a table row "... up to 16xlarge" continuing the row above, and a bracket that
    trails off ("maxmemoryconsumptionperiterator ..."). "etc..." ends a list, not a thought."""
    qs = bank("Timestream for InfluxDB - instances\n| class | vCPU | mem |\n|---|---|---|\n| db.influx.medium | 1 | 8 GiB |\n"
              "| ... up to 16xlarge | 64 | 128 GiB |\n---\nADX query limits\n"
              "- per-query memory per node limit (~5 GB default, maxmemoryconsumptionperiterator ...)\n"
              "- result set max 500,000 records (etc...)\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"8 GiB", "500,000"} <= asked and not asked & {"128 GiB", "64", "5 GB"}


def test_round_t_a_size_ending_a_spec_list_says_what_it_sizes() -> None:
    """Round T (workflow #7): "WS3: 4 vCPU, _____" (14 GB of what: memory or disk?); "3.5 GB RAM" says it."""
    qs = bank("Logic Apps Standard hosting plans\n- WS1: 1 vCPU, 3.5 GB RAM\n- WS2: 2 vCPU, 7 GB\n- WS3: 4 vCPU, 14 GB\n")
    asked = {q.answer for q in accepted(qs) if q.type != "truefalse"}
    assert {"3.5 GB", "4"} <= asked and not asked & {"7 GB", "14 GB"}
    assert not [q for q in accepted(qs, "multi_cloze") if q.stem.rstrip().endswith("(2)")]


def test_round_t_a_feature_names_its_service() -> None:
    """Round T (workflow #5): a "Distributed Map details" card got Amazon S3, named in passing, as its subject."""
    qs = bank("Distributed Map details\nA:\n- ItemReader -> S3 ListObjectsV2, CSV file, JSON file, S3 Inventory manifest\n"
              "- ItemBatcher -> MaxItemsPerBatch / MaxInputBytesPerBatch (256 KB) -> fewer child execs = cheaper\n")
    cloze = next(q for q in accepted(qs, "cloze") if q.answer == "256 KB")
    assert cloze.subject == "AWS Step Functions" and "Amazon S3" not in cloze.stem


def test_round_t_a_name_in_a_flow_or_relation_is_not_the_one_answer() -> None:
    """Round T (vdi #16): "looks local to _____" (Windows? the OS? the apps?); a step of "A -> _____ -> B"."""
    qs = bank("Patterns\n- typical: API Gateway -> StartSyncExecution -> validate -> DynamoDB -> response\n"
              "- User profile put inside a VHDX on an SMB share, attached at sign-in, looks local to Windows\n"
              "- Volumes are encrypted optionally with KMS (pick at launch!!)\n")
    terms = {q.answer for q in accepted(qs, "term_cloze")}
    assert "AWS Key Management Service" in terms or "KMS" in terms
    assert not terms & {"DynamoDB", "Amazon DynamoDB", "API Gateway", "Amazon API Gateway", "Windows", "Microsoft Windows"}


def test_round_u_a_heading_heads_nothing_past_a_blank_line() -> None:
    """Round U (serverless #7): "Easy Pricing:" headed the card's later bullets, after the blank line that ended it."""
    qs = bank("Benefits of AWS Lambda\nA:\nEasy Pricing:\n- pay per request and compute time\n"
              "- Free tier of 1,000,000 requests and 400,000 GBs of compute time\n\n"
              "- Integrated with the whole AWS suite of services\n- Easy to get more resources per function ( up to 3GB of RAM! )\n")
    ram = [q for q in accepted(qs) if "RAM" in q.stem]
    free = [q for q in accepted(qs) if "Free tier" in q.stem]
    assert ram and all("Easy Pricing" not in q.stem for q in ram)
    assert free and all("Easy Pricing" in q.stem for q in free)


def test_round_u_a_false_statement_never_moves_one_end_of_a_range() -> None:
    """Round U (og-aws #12): "typically in the range of 300-500 ms" for 200-500 ms still lies inside the card's range."""
    for seed in range(1, 6):
        qs = bank("Lambda Tips\n- cold start is now typically in the range of 200-500 ms for most runtimes\n"
                  "- Names of Storage queues can be 3-63 characters long\n", seed=seed)
        tfs = [q for q in qs if q.type == "truefalse"]
        assert tfs and all(q.answer == "true" for q in tfs)


def test_round_u_the_notes_own_choices_reminders_and_doubts_are_not_asked() -> None:
    """Round U (k8s #4, #12, #16, #17; storage #9, #10; security #3, #11): "what we landed on", "Rule for myself",
    "Time budget", a card about the deck itself, "(TODO verify)", "was _____/day before", a week plan, a drill card."""
    qs = bank("EC2/VPC limits that bite EKS\n- subnet size: /19 per AZ for pods is what we landed on = 8,187 usable "
              "(AWS reserves 5 per subnet)\n- targets per AZ per NLB: 500 (TODO verify)\n"
              "- dedicated cluster commitment: 100 GB/day now (was 500 GB/day before)\n- NLBs per region: 50\n---\n"
              "Why does this deck exist? (read first)\n- Rule for myself: if an answer needs more than 3 lines it becomes a "
              "comparison card.\n- Time budget: 45 min/day weekdays, 2 hrs Sat.\n---\n"
              "Final week plan\n- Friday: full practice exam, aim > 80%\n---\n"
              "Quick numbers drill (cover the right half)\n- Detective history = 1 year\n")
    asked = {q.answer for q in accepted(qs)}
    assert "50" in asked and "100 GB" in asked
    assert not asked & {"5", "8,187", "500", "500 GB", "3", "2 hrs", "45 min", "80%", "1 year"}
    kept = bank("GuardDuty pricing (approx., us-east-1, my notes)\n- GuardDuty offers a 30-day free trial per account\n"
                "---\nPercentages cheat sheet\n- Savings Plans: up to 72% off On-Demand\n")
    assert {"30", "72%"} <= {q.get("source_text") for q in accepted(kept)}


def test_round_u_a_line_with_no_heading_and_no_name_is_not_asked() -> None:
    """Round U (storage #18, #20): the notes under a question title ("Filters: prefix, tags. _____ per bucket.")
    showed no heading and named nothing: whose value it is, the stem did not say."""
    qs = bank("What is the max number of lifecycle rules per bucket?\nA: 1,000 rules per lifecycle configuration.\n"
              "Filters: prefix, object tags (AND), object size. One config per bucket.\n")
    assert not [q for q in accepted(qs) if " › " not in q.stem and q.generator != "qa"]


def test_round_u_sums_json_values_and_bare_blanks_are_not_asked() -> None:
    """Round U (storage #6, #8; cost #10): the total of "32 KB … + 8 KB …", a value of a JSON snippet, and an answer
    line that is nothing but its values ("1 yr or 3 yr")."""
    qs = bank("What is the per-object overhead in Glacier Flexible Retrieval?\nA: 40 KB per object: 32 KB billed at the "
              "Glacier rate (index) + 8 KB billed at S3 Standard rate (name + metadata).\n---\n"
              "Intelligent-Tiering archive config\n- put-bucket-intelligent-tiering-configuration '{\"Id\":\"old\","
              "\"Tierings\":[{\"Days\":180,\"AccessTier\":\"ARCHIVE_ACCESS\"}]}'\n"
              "- S3 Intelligent-Tiering archive access tier needs at least 90 days\n---\n"
              "Azure Reservations - basics\n- 1 yr or 3 yr\n- Reservations: up to 72% off pay-as-you-go\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"90 days", "72%"} <= asked
    assert not asked & {"40 KB", "32 KB", "180 days", "180", "1 yr", "3 yr"}
    assert not [q for q in accepted(qs, "truefalse") if "per object" in q.stem]


def test_round_u_paragraph_answers_make_no_multiple_choice() -> None:
    """Round U (storage #4): "How many buckets per AWS account?" offered whole sentences of other cards as options."""
    cards = [("How many buckets per AWS account?", "Used to be 100 (soft limit, raise to 1,000). Since Nov 2024 the default "
              "quota is 10,000 and you can request up to 1 million."),
             ("What is GCS Object Retention Lock?", "Per-object retention (retain-until time) instead of bucket-wide, modes "
              "Unlocked and Locked. Must be enabled on the bucket at creation."),
             ("What are the early deletion periods for Azure Cool, Cold and Archive?", "Cool 30 days, Cold 90 days, Archive "
              "180 days and Hot none, so moving a Cool blob early is charged for the rest of the period."),
             ("What keeps objects for 7 years in each cloud?", "AWS: Object Lock Compliance mode, retention 7 years. Azure: "
              "locked time-based retention policy 2,555 days. GCP: locked retention policy on bucket.")]
    qs = bank("\n---\n".join(f"{q}\nA:\n{a}" for q, a in cards) + "\n")
    assert not [q for q in accepted(qs, "multichoice") if q.generator == "qa"]


def test_round_v_project_stories_and_client_numbers_are_not_asked() -> None:
    """Round V (edge, 13 of 16 rejections; lakehouse #10, #15, #16): "STORY: … — OUR numbers" cards, "values are
    MINE", and a client's own figures ("client is at ~6.1M already")."""
    qs = bank("STORY: our first Outposts rack (plant 3, 2023) — OUR numbers\n- MES app needed < 10 ms to the PLC network; "
              "region was ~18 ms away\n---\nGlue lab setup (values are MINE, not defaults)\n- 2-8 workers, G.1X\n---\n"
              "Glue quotas\n| Quota | Value | Notes |\n|---|---|---|\n| Partitions per account | 20,000,000 | client is at ~6.1M already |\n"
              "---\nGlue versions\n- Client runs 14 jobs on Glue 3.0 still\n- Glue job timeout default is 480 minutes\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"20,000,000", "480 minutes"} <= asked
    assert not asked & {"10 ms", "18 ms", "2", "8", "~6.1M", "6.1M", "14"}


def test_round_v_markdown_marks_stay_out_of_the_stem() -> None:
    """Round V (containers #1, #9, #11, #13, #14, #20): "› # Concurrency ›" headings and "[1]" footnote marks."""
    qs = bank("Azure Container Apps\n# Concurrency (per replica)\n- default 10 concurrent requests per replica, max 1,000 [2][3]\n"
              "## Scale\n- max replicas per app is 300 [4]\n")
    stems = [q.stem for q in accepted(qs)]
    assert any("300" in s or "_____" in s for s in stems) and {q.answer for q in accepted(qs)} >= {"10", "1,000", "300"}
    assert not [s for s in stems if "#" in s or "[2]" in s or "[4]" in s]


def test_round_v_size_names_and_units_cut_in_two_give_nothing_away() -> None:
    """Round V (containers #14, #15, #18): "E8 (vCPU): _____" is 8; "_____-seconds" keyed "360,000 GiB"."""
    qs = bank("ACA workload profiles\n| profile | vCPU | memory |\n|---|---|---|\n| E8 | 8 | 64 GiB |\n"
              "| NC24-A100 | 24 | 220 GiB |\n---\nACA free tier\n- first 180,000 vCPU-seconds and 360,000 GiB-seconds free per month\n"
              "---\nSpot\n- AWS gives a two-minute warning before it stops a Spot instance\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"64 GiB", "220 GiB", "180,000", "two"} <= asked
    assert not asked & {"8", "24", "360,000 GiB"}
    assert not [q for q in accepted(qs, "multi_cloze") if "-seconds" in q.stem.split("(2)")[-1][:12]]


def test_round_v_a_fact_told_for_a_client_is_still_a_fact() -> None:
    """Round V's re-gate: "Key point for client: All-Purpose is ~2x the Jobs rate" states a price, not the client's."""
    qs = bank("Databricks\n- Key point for client: All-Purpose compute is ~2x the Jobs compute rate per DBU\n")
    assert [q for q in accepted(qs) if q.get("source_text") == "2x"]


def test_round_v_a_missing_full_stop_ends_the_sentence_and_an_example_multiple_is_not_asked() -> None:
    """Round V (og-aws #17, messaging #4): "… 16k IOPS max To get the maximum performance …" ran two sentences
    into one stem; "so a sudden _____ spike can still throttle" asked an example as if it were a limit."""
    qs = bank("EBS Tips\n- A single gp2 EBS volume allows 16k IOPS max To get the maximum performance out of a gp2 EBS "
              "volume, it has to be of a maximum size and attached to an EBS-optimized EC2 instance.\n---\n"
              "Kinesis on-demand vs provisioned\n- It scales up to double the previous peak in the last 30 days, so a "
              "sudden 10x spike can still throttle.\n")
    cloze = next(q for q in accepted(qs, "cloze") if q.answer == "16k")
    assert cloze.stem.endswith("IOPS max")
    assert not [q for q in accepted(qs) if q.get("source_text") == "10x"]


def test_round_v_a_tables_unit_column_says_what_a_value_counts() -> None:
    """Round V (lakehouse #13, #18): "DML query timeout (Default): _____" keyed 30 lost its "Unit" column (minutes)."""
    qs = bank("Athena - service quotas (defaults)\n| Quota | Default | Unit | Notes |\n|---|---|---|---|\n"
              "| DML query timeout | 30 | minutes | adjustable |\n| Active DDL queries | 20 | queries | |\n")
    cloze = next(q for q in accepted(qs, "cloze") if q.answer == "30")
    assert "DML query timeout (Default, minutes): _____" in cloze.stem
    assert "30 minutes" in cloze.get("accepted")  # type: ignore[operator]


def test_round_w_former_values_study_mistakes_and_worked_brackets_are_not_asked() -> None:
    """Round W (nosql #1, #8, #15; cdn #5, #18): "250 (was _____)", a "Things I got wrong" card, "_____ (1 d)" and
    "86400 s (_____ d)" restating each other, and "_____ IPs (2944 / 199 = 14.8)"."""
    qs = bank("Cosmos DB account limits\n- accounts per subscription: 250 (was 50)\n---\n"
              "Things I got wrong on practice tests\n- DynamoDB Streams retention is 24 hours, not 7 days\n---\n"
              "CloudFront\n- CloudFront default TTL 86400 s (1 d)\n---\nAzure DDoS\n"
              "- per-IP plan break-even is at about 15 IPs (2944 / 199 = 14.8)\n- Network Protection covers 100 public IPs\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"250", "100"} <= asked
    assert not asked & {"50", "24 hours", "7 days", "1", "86400 s", "15"}


def test_round_x_emoji_arrows_summaries_tricks_and_calculation_cards() -> None:
    """Round X (pki #10, #11, #12; streams #16, #20; support #8, #11, #13): "✅", "💰" and a leading "→" stayed in
    stems; a "Truco" memory trick was asked; a "Cálculo — …" card's numbers were asked. A "TL;DR:" line still states
    its facts (the re-gate lost three accepted questions to a rule against it)."""
    qs = bank("ACM certificates\n- → renewal starts 60 days before expiry ✅\n- 💰 Private CA costs $400/month per CA\n"
              "- TL;DR: 90 d default for Certificate Manager\n---\nCálculo — SLA credit for a 30-day month\n"
              "- 99.95% SLA allows 21.6 min downtime per month\n---\nResponse times\n- Truco: 24-12-4-1 hours, cuenta atrás\n"
              "- Business plan production system down: 1 hour response\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"60 days", "$400", "1 hour"} <= asked
    assert "90" in asked and not asked & {"21.6 min", "99.95%", "24", "12"}
    assert not [q for q in accepted(qs) if any(ch in q.stem for ch in "✅💰→")]


def test_round_y_section_numbers_are_numbering_not_values() -> None:
    """Round Y (vpc #12, #15, #17): "1.1 Allowed CIDR block sizes", "3.9 …", "1.6 Secondary CIDR blocks" gave their
    section numbers as answers, and "1.19 MTU ›" headed the stems. "1.5 Gbps per flow" is still a value."""
    qs = bank("1.14 VPC peering\n- max 50 peering connections per VPC by default\n---\n1.19 MTU\n- MTU inside a VPC is 9001 bytes\n"
              "---\n1.12.1 NAT gateway cost\n- NAT gateway costs $0.045 per hour\n---\nThroughput notes\n"
              "1.5 Gbps per flow outside a placement group\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"50", "9001 bytes", "$0.045"} <= asked and ("1.5" in asked or "1.5 Gbps" in asked)
    assert not asked & {"1.14", "1.19", "1.12.1", "1.12"}
    assert not [q for q in accepted(qs) if re.search(r"\b1\.1[249]\b", q.stem)]


def test_round_u_a_bracketed_term_after_a_percentage_is_no_restatement() -> None:
    """The re-gate of rounds U–Y: "discounts: ~28% (1 yr), ~_____ (3 yr)" names the term, it does not restate 46%."""
    qs = bank("GCP flexible (spend-based) CUDs for Compute\n- discounts: ~28% (1 yr), ~46% (3 yr)\n---\n"
              "CloudFront\n- CloudFront default TTL 86400 s (1 d)\n")
    asked = {q.answer for q in accepted(qs)}
    assert "46%" in asked and "86400 s" not in asked


def test_round_z_the_authors_own_sums_and_estimates_are_not_facts() -> None:
    """Round Z (gpu #1, #18; secrets #7, #10): a card titled "memory rough math (not cloud facts …)" and the sentence
    "My estimate for the lab (50 Lambda functions …)" gave their sums as questions. The same line's own facts stay."""
    qs = bank("mixed precision / memory rough math (not cloud facts, helps w/ sizing Qs)\n"
              "inference 70B fp16 = 140 GB => 2x A100 80 or 8x A10G-ish w/ tensor parallel\n---\n"
              "AppConfig pricing\nA: The hosted configuration store is free and deployments can take 10 minutes to bake. "
              "My estimate for the lab (50 Lambda functions, poll every 45 s for a month): roughly 2.9 million requests.\n")
    asked = {q.answer for q in accepted(qs)}
    assert "10 minutes" in asked
    assert not asked & {"140 GB", "80", "2x", "50", "45 s", "2.9 million"}


def test_round_z_a_number_the_author_doubts_in_the_stem_rejects_the_stem() -> None:
    """Round Z (gcp #14, gpu #20): "parallelism can go up to... I had 1,000?" and "(scale to zero = newer preview
    feature, hedge)" stayed in stems beside the blank."""
    qs = bank("Cloud Run jobs\nA job execution can have up to 10,000 tasks, and parallelism can go up to... I had 1,000? "
              "but it's limited by your instance quota.\n---\nVertex AI prediction (online)\n"
              "- min replicas >= 1 for public endpoints (scale to zero = newer preview feature, hedge)\n"
              "- request size limit 1.5 MB for public shared endpoints\n")
    asked = {q.answer for q in accepted(qs)}
    assert "1.5 MB" in asked and not asked & {"10,000", "1,000", "1"}


def test_round_z_distractors_of_calendar_durations_and_off_ladder_values_keep_their_shape() -> None:
    """Round Z (azure #13, og #9): 365 days got 274/456/548 days (the key the only natural value), and ~$11 got
    $15/$20/$25 (the key the only one off the round ladder)."""
    rng = random.Random(3)
    year = distractors(365, rng=rng, unit="s", seconds=86_400)
    assert set(year) <= {30, 60, 90, 180, 730, 1095, 1825, 2555} and len(year) == 3
    assert set(distractors(168, rng=rng, unit="s", seconds=3_600)) <= {48, 72, 96, 120, 336, 720}
    for seed in range(10):
        eleven = distractors(11, rng=random.Random(seed), unit="USD", min_gap=0.3)
        assert len(eleven) == 3 and not all(v in (5, 6, 7.5, 15, 20, 25, 30, 40, 50) for v in eleven)


def test_round_z_an_http_status_code_gets_other_status_codes() -> None:
    """Round Z (lb #12): "expected status codes configurable, default 200" offered 150, 250 and 300."""
    qs = bank("Traffic Manager health probes\n- expected status codes configurable, default 200\n"
              "- probing interval 30 s by default\n")
    (mc,) = [q for q in accepted(qs, "multichoice") if q.answer == "200"]
    assert {o.text for o in mc.options if not o.is_correct} <= {str(c) for c in STATUS_CODES}


def test_round_z_a_multi_cloze_leaves_bracketed_values_shown() -> None:
    """Round Z (lb #5, secrets #1): "default 1 day (_____ s)" blanked the bracket's restatement, and "Soft delete
    _____–_____ days (default _____)" hid the unit in one of three blanks."""
    qs = bank("Cookie stickiness\n- duration 1 second to 7 days, default 1 day (86400 s) for the ALB cookie\n---\n"
              "Key Vault soft delete\n- Soft delete 7–90 days (default 90)\n")
    multi = [q for q in qs if q.type == "multi_cloze"]
    assert all("86400" not in q.answer and "(default" not in q.answer for q in multi)


def test_round_z_a_max_depth_in_levels_is_a_limit_and_a_label_with_its_value_heads_nothing() -> None:
    """Round Z (gcp #3, #6, #19): "Max depth of nested maps/arrays: _____ levels" was taken for a count of the notes'
    list, and "Max partitions per partitioned table: 10,000 (…)" headed the next sentence's stem."""
    qs = bank("Firestore document limits\nMax depth of nested maps/arrays: 20 levels. Max subcollection depth: 100.\n---\n"
              "partitioning + clustering limits\nMax partitions per partitioned table: 10,000 (it was 4,000 when I "
              "started learning this, they raised it around 2023, so old practice questions may still say the old "
              "value). Partition expiration can be set per table or as a default per dataset. Clustering supports up "
              "to 4 clustering columns, order matters.\n")
    assert "20" in {q.answer for q in accepted(qs)}
    four = [q for q in accepted(qs, "cloze") if q.answer == "4"]
    assert four and all("Max partitions per partitioned table ›" not in q.stem for q in four)
    assert "levels" in " ".join(q.stem for q in accepted(qs) if q.answer == "20")


def test_round_z_what_a_value_leads_to_is_not_its_subject() -> None:
    """Round Z (gpu #17): "partition = up to 7 partitions per AZ -> HDFS/Cassandra-ish" was headed "Apache Hadoop"."""
    (cf,) = extract(parse_deck("placement groups for training\nspread = max 7 running inst per AZ per group\n"
                               "partition = up to 7 partitions per AZ -> HDFS/Cassandra-ish\n", path="d.txt").cards)
    assert all(f.subject != "Apache Hadoop" for f in cf.facts if f.line == 3)


def test_round_z_azure_app_config_is_not_aws_appconfig() -> None:
    """Round Z (secrets #13): a row "Azure App Config Standard" was headed "AWS AppConfig"."""
    (cf,) = extract(parse_deck("App config notes\n- Azure App Config Standard costs $1.20 per store per day\n", path="d.txt").cards)
    assert {f.subject for f in cf.facts if f.value} == {"Azure App Configuration"}


def test_round_aa_a_dated_log_entry_and_last_years_class_are_not_the_subject() -> None:
    """Round AA (transfer #6, #16, #18; email #19): "2024-03-19 21:45 datasync first run" and "2024-06-14 23:50 cutover"
    (the author's project log), "… MY numbers." and "Common mistakes from last year's class" gave questions."""
    qs = bank("2024-03-19 21:45 datasync first run\nprepare phase (scanning) took 2h+ before a single byte moved\n---\n"
              "datasync limits\n- max 50 million files per task in basic mode\n- got ~310 MB/s peak on one agent. MY numbers.\n"
              "---\n8.9 Common mistakes from last year's class\n1. Writing \"Firebase\" when the question asks for "
              "Google Cloud Pub/Sub.\n")
    asked = {q.answer for q in accepted(qs)}
    assert "50 million" in asked
    assert not asked & {"2h+", "2h", "310 MB/s", "Firebase"}


def test_round_aa_a_question_title_heads_the_notes_under_its_answer() -> None:
    """Round AA (workflows #5, #10, #13): under "How are Pipes billed? how many per account?" the answer line "$0.40 per
    million requests …" headed the bullets, and "event subscriptions per topic: 500" named no service at all."""
    qs = bank("How are Pipes billed? how many per account?\n$0.40 per million requests, counted AFTER filtering\n"
              "- 1000 pipes per account per region (default)\n---\nEvent Grid topic quotas?\nA:\n"
              "- custom topics per Azure subscription (per region): 100\n- event subscriptions per topic: 500\n")
    (pipes,) = [q for q in accepted(qs, "cloze") if q.answer == "1000"]
    assert pipes.stem.startswith("How are Pipes billed? how many per account? › ")
    (topic,) = [q for q in accepted(qs, "cloze") if q.answer == "500"]
    assert "Event Grid" in topic.stem


def test_round_aa_lowercase_words_that_spell_a_name_are_not_the_service() -> None:
    """Round AA (hpc #13): a card titled "Big table -- Lustre-ish across clouds" was headed "Cloud Bigtable"."""
    (cf,) = extract(parse_deck("Big table -- Lustre-ish across clouds\n- FSx for Lustre: up to 1,000 GB/s\n", path="d.txt").cards)
    assert "Cloud Bigtable" not in {m.service for m in cf.services}
    (cf,) = extract(parse_deck("Dynamo DB limits\n- item size max 400 KB\n", path="d.txt").cards)
    assert "Amazon DynamoDB" in {m.service for m in cf.services}


def test_round_aa_one_before_a_singular_abbreviation_gives_the_answer_away() -> None:
    """Round AA (hpc #16): "HA in _____ AZ" offered 2, 5 and 6 beside the only grammatical 1."""
    qs = bank("FSx for Lustre -- deployment types\n- Persistent 2: HA in 1 AZ, SSD only\n- Multi-AZ spans 2 AZs\n")
    assert not [q for q in accepted(qs) if q.type in ("cloze", "multichoice", "numerical") and q.answer == "1"]
    assert "2" in {q.answer for q in accepted(qs)}


def test_round_aa_ethernet_speeds_and_pronoun_sentences() -> None:
    """Round AA (transfer #3, og #3): "100 GbE" was falsified as "60 GbE"; "Those usually resolve within seconds; … the
    issue lingered for 20-30 hours" said nothing of what "those" are."""
    qs = bank("azure data box family\n- data box next gen has a 100 GbE interface for copying\n---\nS3 consistency\n"
              "Those usually resolve within seconds; however, we have seen isolated cases when the issue lingered "
              "for 20-30 hours.\n")
    for q in [q for q in qs if q.type in ("multichoice", "truefalse") and "GbE" in q.stem]:
        shown = {o.text for o in q.options} | set(re.findall(r"(\d+) GbE", q.stem))
        assert shown <= {"1", "10", "25", "40", "50", "100", "200", "400", "800"}
    assert not [q for q in accepted(qs) if "Those usually" in q.stem]


def test_round_aa_a_blank_restated_before_a_full_stop_leaks() -> None:
    """Round AA (workflows #14): "timeout _____ (1) … Design the sync path for <29 s." states blank (1)."""
    qs = bank("API Gateway -> StartSyncExecution -- what's the catch?\nA: APIGW integration timeout 29 s while Express "
              "can run 5 min. Design the sync path for <29 s.\n")
    assert not [q for q in accepted(qs) if q.type == "multi_cloze"]


def test_round_aa_a_rate_per_shard_says_whether_it_is_written_or_read() -> None:
    """Round AA (og #19): "How many shards are needed for 2.5 MB/s?" from "1MB/s of write capacity and 2MB/s of read
    capacity": writes or reads?"""
    qs = bank("Kinesis Streams Basics\n- Each shard provides 1MB/s of write capacity and 2MB/s of read capacity.\n")
    calc = [q for q in accepted(qs, "calculated") if "shards are needed" in q.stem]
    assert calc and all(re.search(r"MB/s of (?:write|read) capacity\?", q.stem) for q in calc)
    bare = bank("Kinesis Streams Basics\n- Each shard provides 1MB/s in and 2MB/s out.\n")
    assert not [q for q in accepted(bare, "calculated") if "shards are needed" in q.stem]


def test_round_aa_rows_that_share_a_label_are_told_apart_by_their_second_cell() -> None:
    """Round AA (hpc #6, #11): two "Basic HDD" rows (1 - 10 TiB and 10+ TiB) gave "Basic HDD (read MiB/s): _____"."""
    qs = bank("Filestore Basic -- performance\n| tier | capacity | read MiB/s |\n|---|---|---|\n"
              "| Basic HDD | 1 - 10 TiB | 100 |\n| Basic HDD | 10+ TiB | 180 |\n| Basic SSD | 2.5+ TiB | 1,200 |\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert "Basic HDD, 10+ TiB (read MiB/s)" in stems["180"] and "Basic HDD, 1 - 10 TiB" in stems["100"]
    assert "Basic SSD (read MiB/s)" in stems["1,200"]


def test_round_ab_a_table_aligned_with_spaces_names_its_columns() -> None:
    """Round AB (block storage: 9 of 12 rejections): "P15   256GiB    1100    125    credit" under "tier  size  IOPS
    MB/s  burst?" gave "P15 _____ 1100 125 credit": a row without its header. Aligned columns are a table."""
    qs = bank("Azure Premium SSD tiers\ntier  size      IOPS    MB/s   burst?\nP10   128GiB    500     100    credit\n"
              "P15   256GiB    1100    125    credit\nP20   512GiB    2300    150    credit\n---\n"
              "st1 vs sc1 quick cmp\n           bl/TiB     burst/TiB   cap\nst1        40MiB/s    250MiB/s    500MiB/s\n"
              "sc1        12MiB/s    80MiB/s     250MiB/s\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert "P15 (IOPS): _____" in stems["1100"] and "sc1 (burst/TiB): _____" in stems["80MiB/s"]
    assert not [q for q in accepted(qs) if "|" in q.stem or re.search(r"\d\s{2,}\d", q.stem)]


def test_round_ab_a_pipe_table_without_its_separator_row_still_has_a_header() -> None:
    """The same tables written with pipes but no `|---|` row: the first row, all words, heads the others."""
    qs = bank("Azure Managed Disks overview\n| type | max size | max IOPS |\n| Std HDD | 32TiB | 2000 |\n"
              "| Prem SSD | 32TiB | 20000 |\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert "Prem SSD (max IOPS): _____" in stems["20000"]


def test_round_ab_a_one_digit_duration_gets_calendar_neighbours() -> None:
    """Round AB (og #8): "1 minute" offered 4 and 6 minutes, which no service uses."""
    for seed in range(5):
        assert set(distractors(1, rng=random.Random(seed), unit="s", seconds=60)) <= {2, 3, 5}


def test_round_ab_a_value_after_an_arrow_so_is_a_worked_result_and_spanish_doubt_is_a_hedge() -> None:
    """Round AB (db #1, mobile #8): "grace period … default 1 hour → so RTO "1 hour", RPO 5 seconds" and
    "… o 500,000 users per job? no estoy segura" gave questions."""
    qs = bank("Failover groups (Azure SQL DB + MI)\n- grace period with data loss default 1 hour → so RPO 5 seconds in the SLA\n"
              "---\nCognito import\n- user import jobs: max 100 MB file o 500,000 users per job? no estoy segura\n")
    asked = {q.answer for q in accepted(qs)}
    assert "1 hour" in asked and not asked & {"5 seconds", "100 MB", "500,000"}


def test_round_ac_the_teams_own_thresholds_and_tickets_are_not_the_service() -> None:
    """Round AC (caching #2, #6, #8, #15): "TEAM alert: warn CurrConnections > 20k per node" and "TEAM: we hit 300 …
    ticket CASE-1738201 took 2 days" gave questions; the deck said TEAM values are not vendor limits."""
    qs = bank("ElastiCache connections\n- max 65,000 connections per node\n- TEAM alert: warn CurrConnections > 20k "
              "per node, page > 40k\n- TEAM: we hit 300 in us-east-1 during the load test. ticket CASE-1738201 took 2 days\n"
              "- CacheHitRate (hits / (hits+misses)) - TEAM SLO hit ratio >= 0.92\n"
              "- multi-key cmds across slots -> CROSSSLOT error. use hash tags {user:123}:cart\n")
    asked = {q.answer for q in accepted(qs)}
    assert "65,000" in asked and not asked & {"20k", "40k", "300", "2 days", "0.92", "123"}
    assert not [q for q in accepted(qs) if "{user:" in q.stem]


def test_round_ac_references_struck_values_and_non_factual_cards_give_no_questions() -> None:
    """Round AC (compliance #3, #5, #18, #20, #10; ai #19): "(164.406)", "45 CFR 164.312(b)", "log file validation
    (2.7)", a card titled "Lab configuration (non-factual numbers)", "(reviewer's recollection, TBC)" and the notes'
    correction "~~$16~~ $15" reached the stems."""
    qs = bank("6.1.2 HIPAA breach notification\nBreaches affecting 500+ residents: notify media outlets (164.406); "
              "audit controls at 45 CFR 164.312(b). Notify within 60 days.\n---\n8.2 Exam tip\n- trail to S3 + log file "
              "validation (2.7) + Object Lock (2.17), retain logs 7 years\n---\nAppendix A.1 Lab configuration "
              "(non-factual numbers)\nretention set to 120 days.\n---\n2.5 CloudTrail Insights\nbaseline takes up to 36 "
              "hours to build after enabling (reviewer's recollection, TBC).\n---\nAzure TTS pricing\n- Azure neural TTS "
              "~~$16~~ $15 / M characters\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"60 days", "7 years", "$15"} <= asked
    assert not asked & {"164.406", "164.312", "2.7", "2.17", "120 days", "36 hours", "$16"}
    assert not [q for q in accepted(qs) if "~~" in q.stem or "$16" in q.stem]


def test_round_ac_a_multi_cloze_of_conversions_and_a_question_title_over_a_table() -> None:
    """Round AC (caching #12, dns #3, #13): "Default TTL 86400 (24 h), Max TTL 31536000 (365 days)" blanked the
    conversions; "Traffic Manager (default): _____" under "Comparison: health check intervals …?" named nothing."""
    qs = bank("CloudFront TTL defaults\n- Legacy cache settings: Min TTL 0, Default TTL 86400 (24 h), Max TTL 31536000 "
              "(365 days)\n---\nComparison: health check intervals across providers?\n| provider | default | fast |\n"
              "|---|---|---|\n| Route 53 | 30 s | 10 s |\n| Traffic Manager | 30 s | 10 s |\n")
    assert not accepted(qs, "multi_cloze")
    table = [q for q in accepted(qs, "cloze") if "Traffic Manager (default)" in q.stem]
    assert table and all(q.stem.startswith("Comparison: health check intervals across providers? › ") for q in table)


def test_round_ac_a_subject_named_by_its_initials_is_not_put_before_the_stem() -> None:
    """Round AC (dns #6): "VNet links per private zone: _____" was headed "Azure Virtual Network ›", which the
    row's "VNet" names already (and which made the row look like a Virtual Network limit)."""
    qs = bank("Azure Private DNS zone limits?\n| item | limit |\n|---|---|\n| private zones per subscription | 1000 |\n"
              "| VNet links per private zone | 1000 |\n")
    vnet = [q for q in accepted(qs, "cloze") if "VNet links" in q.stem]
    assert vnet and all("Azure Virtual Network" not in q.stem for q in vnet)


def test_round_ac_model_versions_embedding_sizes_and_mood_cards() -> None:
    """Round AC (ai #11, #5) and AD (windows #2): "Claude _____ Haiku" asked a model's version, 1,536 dimensions got
    1,229 and 2,304, and a "Mood / plan check" card gave questions."""
    qs = bank("Bedrock models\n- Claude 3 Haiku and Gemini 2 Flash are the cheap ones; max 5 Nodes per cluster\n"
              "- Azure text-embedding-3-small makes 1,536 dims vectors\n---\nMood / plan check\n"
              "- exam two weeks after wave 1, so 14 days of revision\n")
    asked = {q.answer for q in accepted(qs)}
    assert "5 Nodes" in asked or "5" in asked
    assert not asked & {"3", "2", "14 days", "two weeks"}
    for q in [q for q in accepted(qs, "multichoice") if q.answer == "1,536"]:
        assert {o.text for o in q.options} <= {"768", "1,024", "1,536", "2,048", "3,072", "4,096"}


def test_round_ad_code_blocks_arrow_chains_and_bench_tests_give_no_questions() -> None:
    """Round AD (warehouse #9, #13-#15, #20; iot #3, #4, #8, #9, #12, #15-#17, #19): the numbers of a fenced SQL
    snippet, of rows like "- max msg: 256 MB --> 128 KB --> 256 KB" and "QoS 0 → 1 → 2", and of the author's
    "bench test" were asked."""
    qs = bank("Snowflake resource monitors\n- account-level monitor: only 1 per account\n```\nCREATE RESOURCE MONITOR "
              "rm_bi WITH CREDIT_QUOTA = 500\n  TRIGGERS ON 80 PERCENT DO NOTIFY ON 100 PERCENT DO SUSPEND;\n```\n"
              "- monitors reset every 1 month by default\n---\nMQTT vs clouds\n- max msg: 256 MB --> 128 KB --> 256 KB\n"
              "- QoS levels 0 → 1 → 2 in the spec\n---\nShadow sizes\n- device shadow max 8 KB per document\n"
              "- bench test: my shadow doc was 180 bytes\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"1 month", "8 KB"} <= asked
    assert not asked & {"500", "80", "100", "256 MB", "128 KB", "256 KB", "2", "180 bytes"}


def test_round_ad_a_conversion_between_units_and_idk_are_not_asked() -> None:
    """Round AD (warehouse #16, #19): "TiB vs TB matters a bit: 1 TiB = 1.0995 TB" was a true/false, and a line
    ending "idk" a question. "1 RCU = 4 KB" defines a capacity unit (a count, not a size) and stays a fact."""
    qs = bank("BigQuery on-demand pricing\n- $6.25 per TiB scanned\n- TiB vs TB matters a bit: 1 TiB = 1.0995 TB\n"
              "- Snowsight download max 100 MB idk\n---\nDynamoDB capacity\n- 1 RCU = 4 KB per strongly consistent read\n")
    asked = {q.answer for q in accepted(qs)}
    statements = {q.stem for q in accepted(qs, "truefalse")}
    assert "$6.25" in asked and [s for s in statements if "1 RCU = 4 KB" in s]
    assert not asked & {"1.0995 TB", "1.0995", "100 MB"} and not [s for s in statements if "1.0995" in s]


def test_round_ae_sla_options_our_settings_and_a_line_ending_on_a_participle() -> None:
    """Round AE (vpn #7, azure #7, k8s #8, backup #17): "Azure ER circuit = 99.95" offered 49.98, 59.97 and 79.96,
    a 99.95% SLA 99.99999%; a "# ours:" setting was asked; "… every 5 minutes, giving" / "PITR. Retention …" was
    cut at the line break."""
    for seed in range(5):
        assert set(distractors(99.95, rng=random.Random(seed), unit="percent")) <= {99.0, 99.5, 99.9, 99.99, 99.995}
    qs = bank("Direct Connect SLA\n- SLA: 99.99 needs 2 locations. Azure ER circuit = 99.95.\n---\nKarpenter\n"
              "- consolidation waits 30 seconds by default\n- expireAfter: 168h  # ours: weekly AMI refresh\n")
    for q in [q for q in accepted(qs, "multichoice") if q.answer == "99.95"]:
        assert {float(o.text) for o in q.options} <= {99.0, 99.5, 99.9, 99.95, 99.99, 99.995, 99.999}
    asked = {q.answer for q in accepted(qs)}
    assert "30 seconds" in asked and "168h" not in asked
    lines = [Line(1, "Daily snapshot during the backup window + transaction logs shipped to S3 every 5 minutes, giving"),
             Line(2, "PITR. Retention 0 disables automated backups (not allowed for Aurora or read replica sources)."),
             Line(3, "Key numbers: one long line the author never wrapped, as notes have them, about snapshots, copies "
                     "and 35 days of retention")]   # the card's longest line: not its width
    assert len(reflow(lines)) == 2


def test_round_af_indented_children_hang_from_their_key_or_bullet() -> None:
    """Round AF (search #2, #6, #7, #17): `  s3: 256 MB` under `blob_extraction_max_size:` and `  retention: 14 days`
    under `automated:` lost the key that says what they are; so did `  - max 900 seconds` under `- Timeout`.
    Rows with one masked text under different keys are told apart by their key."""
    qs = bank("Azure AI Search indexers\nblob_extraction_max_size:\n  free: 16 MB\n  basic: 160 MB\n"
              "data_sources: Blob, ADLS Gen2\n---\nAlgolia paging\nhitsPerPage:\n  default: 20\n  max: 1000\n"
              "paginationLimitedTo:\n  default: 5000\n  max: 20000\n---\nLambda notes\n- Memory\n"
              "  - min 128 MB, max 10,240 MB\n- Timeout\n  - max 900 seconds\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert "blob_extraction_max_size › basic: _____" in stems["160 MB"]
    assert "hitsPerPage › max: _____" in stems["1000"] and "paginationLimitedTo › max: _____" in stems["20000"]
    assert "Memory › min 128 MB, max _____" in stems["10,240 MB"] and "Timeout › max _____" in stems["900 seconds"]
    slip = bank("DynamoDB capacity\n- Read Capacity Units (RCU): for reads\n"
                "- - 1 RCU = 1 strongly consistent read of 4 KB per second\n - - 1 RCU = 2 eventually consistent reads\n")
    assert all("RCU): for reads › 1 RCU = " in q.stem for q in slip if "eventually" in q.stem)   # a space is a slip


def test_round_af_a_comment_reads_as_an_aside_and_its_numbers_are_not_asked() -> None:
    """Round AF (search #5, #7, #10, #12): `default: 1000   # total hits reachable by paging` ran on into the next
    row, a comment's `#` stood in the stem and a number inside a comment was blanked. A single-spaced `# tasks`
    is a count, not a comment."""
    qs = bank("OpenSearch quotas\ndomains_per_region_per_account: 100   # soft\ndata_nodes_per_domain:\n"
              "  raised: 200   # via quota request, never holds 2 copies\n  newest: 1000\n"
              "---\nFargate networking\n- each task = 1 ENI in your subnet, so subnet size limits # tasks\n")
    asked = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert asked["100"].endswith("domains_per_region_per_account: _____ (soft)")
    assert asked["200"].endswith("data_nodes_per_domain › raised: _____ (via quota request, never holds 2 copies)")
    assert "2" not in asked and not [s for s in asked.values() if "#" in s.replace("# tasks", "")]
    assert [q for q in accepted(qs, "truefalse") if "limits # tasks" in q.stem]


def test_round_af_no_facts_cards_a_value_stated_twice_and_a_case_for_a_remark() -> None:
    """Round AF (spot #3, #4, #14, #19): a "My study-plan card (no facts)" was asked; a false statement changed
    "24 hours" but kept "after 24h"; "For a _____-node batch cluster they …" asked the case a remark is about."""
    qs = bank("My study-plan card (no facts)\nWeek 1: fleet with 4 instance types, target 85%.\n---\n"
              "Preemptible VMs\n- hard max runtime of 24 hours - Compute Engine always stops them after 24h\n"
              "- 30 seconds notice before preemption\n---\nWhy spot is not free money\n"
              "- Interruptions cost time. For a 300-node batch cluster they absolutely are worth it.\n")
    asked = {q.answer for q in accepted(qs)}
    assert not asked & {"4", "85%", "300"} and "30 seconds" in asked
    statements = [q for q in accepted(qs, "truefalse") if "hard max runtime" in q.stem]
    assert statements and all(q.answer == "true" and "24 hours" in q.stem for q in statements)


def test_round_af_memory_sizes_get_sizes_memory_comes_in_and_a_point_groups_thousands() -> None:
    """Round AF (paas #4, #16): 3072 MB offered 2458 and 1843 MB; "services per project per region: 1.000" was read
    as 1.0."""
    for seed in range(5):
        options = distractors(3072, rng=random.Random(seed), unit="B")
        assert set(options) <= {1024, 1536, 2048, 4096, 5120, 6144}, options
    qs = bank("Cloud Run limits\n- services per project per region: 1.000\n")
    typed = next(q for q in accepted(qs, "numerical"))
    assert typed.answer_value == 1000


def test_round_af_former_doubted_and_restated_values_are_not_asked() -> None:
    """Round AF (file #4, #13, #17): "(old ONTAP was _____)"; "HDD: _____ to 65,536 GiB (HDD has min 2 TB!)", whose
    bracket gives 2,000 GiB away; and a price under "rough - double check" made false by $0.017 → $0.015."""
    qs = bank("ONTAP data protection\n- snapshots - up to 1,023 per volume (old ONTAP was 255)\n---\nFSx Windows sizes\n"
              "- HDD: 2,000 to 65,536 GiB (HDD has min 2 TB!)\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"1,023", "65,536 GiB"} <= asked
    assert not asked & {"255", "2,000"}
    for n in range(12):     # the false statements of a dozen lines (which lines are made false follows the text)
        qs = bank(f"ONTAP pricing (rough - double check)\n- extra SSD IOPS for volume {n}: $0.017/IOPS-mo\n")
        for q in accepted(qs, "truefalse"):
            shown = float(q.get("statement_value"))  # type: ignore[arg-type]
            assert q.answer == "true" or abs(shown - 0.017) >= 0.5 * 0.017 - 1e-9, q.stem


def test_round_af_typical_ranges_and_counting_on_from_ordinals_are_not_asked() -> None:
    """Round AF (og #19, #20): "typically 200-_____ ms" has no one right end; "a second or third AZ …, but _____ or
    more" counts on to 4. A range the notes set ("128 MB - 10,240 MB") keeps its ends."""
    qs = bank("Multi-AZ\n- Use a second or third AZ for HA, but 4 or more AZs rarely help.\n"
              "- Lambda cold starts are typically 200-500 ms for Python\n- Lambda memory is 128 MB - 10,240 MB\n"
              "- Init is now typically in the range of 50-300 ms for Node\n")
    asked = {q.answer for q in accepted(qs) if q.type != "truefalse"}
    assert not asked & {"4", "200", "500 ms", "50", "300 ms"}
    assert {"128 MB", "10,240 MB"} <= asked


def test_round_af_a_bare_list_item_is_no_statement_and_a_phrase_is_no_typed_answer() -> None:
    """Round AF (azure #3, #16; paas #8): "P1mv3 (2 vCPU, 16 GiB of memory)" was a true/false statement, and
    "a single partition reader" and "one temp app" typed answers. Their values are still asked."""
    qs = bank("App Service PremiumV3\nA:\n- Sizes:\n- - P1mv3 (2 vCPU, 16 GiB of memory)\n---\nHeroku review apps\n"
              "- review apps: one temp app per PR (app.json), destroyed after 5 days\n"
              "- Event Hubs allows a single partition reader per consumer group\n")
    assert not [q for q in accepted(qs, "truefalse") if "P1mv3" in q.stem]
    assert {"16 GiB", "5 days"} <= {q.answer for q in accepted(qs, "cloze")}
    typed = {q.answer for q in accepted(qs) if q.type in ("cloze", "numerical")}
    assert not typed & {"one temp app", "a single partition reader"}


def test_round_ag_section_headings_in_capitals_head_the_lines_below_them() -> None:
    """Round AG (observability #4, #8, #13): `start = 100 GB/day` under `COMMITMENT TIERS` and `first 5 GB per
    billing account` under `FREE` lost the heading that says what they are; a `key = value with a unit` line of notes
    is no config setting."""
    qs = bank("Log Analytics pricing\nFREE\nfirst 5 GB per billing account per month (verified)\nCOMMITMENT TIERS\n"
              "start = 100 GB/day (verified)\ncommitment_period = 31 days (verified)\n---\nLambda basics\n"
              "Lambda runs code without servers.\nIt scales to 1,000 concurrent executions by default.\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert "› FREE › first _____ per billing account" in stems["5 GB"]
    assert "› COMMITMENT TIERS › start: _____/day" in stems["100 GB"]          # (read as config since round BE)
    assert "› COMMITMENT TIERS › commitment period: _____" in stems["31 days"]
    assert stems["1,000"] == "Lambda basics › It scales to _____ concurrent executions by default."


def test_round_ag_sla_cells_calc_cards_own_tips_and_names_that_say_one() -> None:
    """Round AG (storage #1, #2, #3, #6, #15; observability #1, #7; og #2; api #8, #20): SLA cells under "GCS SLA
    (monthly uptime %)" got 60.0 and 200.0; "S3 early deletion - calc" and "(assumptions mine)" cards were asked;
    "One Zone-IA stores data in _____" and "OZ-IA (AZs): _____" say one; "Azure ARM" was read as Azure Arc."""
    qs = bank("GCS SLA (monthly uptime %)\n| class | multi/dual-region | region |\n|---|---|---|\n"
              "| Standard | 99.95 | 99.9 |\n| Coldline | 99.9 | 99.0 |\n---\nS3 early deletion - calc\n"
              "- 1 TB (1024 GB) in GFR, deleted after 30 days\n---\nLog Analytics tier calc (assumptions mine)\n"
              "- 200 GB/day at 15% off saves ~$47.60/day\n---\nS3 storage classes\n"
              "- S3 One Zone-IA stores data in a single AZ and costs 20% less than Standard-IA.\n"
              "| class | AZs |\n|---|---|\n| Std | >=3 |\n| OZ-IA | 1 |\n---\nAzure ARM throttling\n"
              "- ARM refills 10 tokens per second per subscription\n")
    for q in accepted(qs, "multichoice"):
        if q.answer in ("99.9", "99.0"):
            assert all(99 <= float(o.text) < 100 for o in q.options), q.options
    asked = {q.answer for q in accepted(qs) if q.type != "truefalse"}
    assert {"99.9", "20%", "10"} <= asked
    assert not asked & {"1 TB", "30 days", "200 GB", "$47.60", "a single AZ", "1"}
    assert all("Azure Arc" not in q.stem for q in qs)


def test_round_ag_examples_remarks_and_a_handout_plan_are_not_asked() -> None:
    """Round AG (observability #10, #18; vm #1, #11): "numbers like _____", "e.g. max 5 VMs (or 10%) in _____", a
    "Unit 6 handout plan" card, and "payload = 1 MB <- was 40 KB", whose arrow was left in the stem."""
    qs = bank("CW METRICS - PutMetricData limits\npayload = 1 MB (verified) <- was 40 KB\n---\nCW LOGS - retention\n"
              "- you cannot pick arbitrary numbers like 45 days, it must be one of the list in the console.\n"
              "- max retention 10 years\n---\nScale-in controls (GCE)\n- Key fact 2: Scale-in controls limit how "
              "many VMs can be removed in a time window, e.g. max 5 VMs (or 10%) in 20 minutes.\n"
              "- Key fact 3: The stabilization period is 10 minutes.\n---\nUnit 6 handout plan: VM images and autoscaling\n"
              "This unit covers machine images and the three autoscaling services.\n")
    asked = {q.answer for q in accepted(qs) if q.type != "truefalse"}
    assert {"1 MB", "10 years", "10 minutes"} <= asked
    assert not asked & {"45 days", "20 minutes", "5 VMs", "three", "40 KB"}
    assert not [q for q in qs if "<-" in q.stem] and not [q for q in accepted(qs, "multi_cloze") if "was" in q.stem]


def test_round_af_a_term_in_a_quoted_cue_and_a_remark_on_a_yes_no_cell_are_not_asked() -> None:
    """Round AF (spot #8, paas #13): '"_____ must not lose disks on eviction" -> eviction policy Deallocate' blanked
    the quoted cue, and "Immutable (extra cost): yes (_____)" a cell's remark."""
    qs = bank("Exam tip - keyword mapping\n- \"Azure VM must not lose disks on eviction\" -> eviction policy Deallocate\n"
              "---\nEB deployment policies\n| policy | extra cost |\n|---|---|\n| Immutable | yes (2x) |\n"
              "| All at once | no |\n")
    assert not [q for q in accepted(qs, "term_cloze") if q.answer == "Azure VM"]
    assert not [q for q in accepted(qs) if q.answer == "2x"]


def test_round_ah_a_clients_figures_meeting_decisions_lab_runs_and_drawn_trees_are_not_asked() -> None:
    """Round AH (governance #10, #13, #14, #16, #18, #19; registries #7): a consultant's "[client]" figures,
    "Decision: max 3 OU levels", a "lab run", a line of an ASCII tree and a fact the notes tag "(trivia)"."""
    qs = bank("AWS Organizations\n- OUs per org: 1,000 (max)\n- [client] NW currently 214 accounts, forecasting ~350 by FY26\n"
              "Decision: max 3 OU levels for NW, leaves room for 2 more later\n---\nAccount vending\n"
              "- lab run 2024-10-20: provisioned 7 accounts via AFT, avg 27 min each\n- vending takes up to 60 minutes\n"
              "---\nCAF MG layout\n- max depth is 6 levels of management groups\n\n└ org top-level MG - that's 2 levels deep\n"
              "---\nDocker Hub\n- image retention for inactive free accounts: 6 months (trivia)\n- pulls: 100 per 6 hours\n")
    asked = {q.answer for q in accepted(qs) if q.type != "truefalse"}
    assert {"1,000", "60 minutes", "6", "100"} <= asked
    assert not asked & {"214", "350", "3", "7", "27 min", "2", "6 months"}


def test_round_ah_rough_ranges_contrasts_spelt_leaks_and_brackets_wrapped_open() -> None:
    """Round AH (governance #4, #11; registries #9; private #6, #8): "roughly _____-15 min", "(not just _____)",
    "three AZs is _____ ENIs", and "8500 bytes (not the 9001 you" cut at a line break inside its bracket."""
    qs = bank("Azure Policy timing\n- new assignment: roughly 5-15 min before enforcement starts\n---\nECR Public\n"
              "- 50 GB free storage per month forever (not just 12 months)\n---\nInterface endpoints\n"
              "- The per-AZ part sneaks up on you: an endpoint in three AZs is three ENIs and three hourly charges.\n"
              "---\nMTU for PrivateLink\nA: Maximum MTU through an interface endpoint is 8500 bytes (not the 9001 you\n"
              "get inside a VPC), and TCP flows are idled out after 350 seconds (~6 mins). The 350 s idle timeout is not\n"
              "configurable, so long-lived connections need keepalives shorter than that, which is easy to forget.\n")
    asked = {q.answer for q in accepted(qs) if q.type != "truefalse"}
    assert "50 GB" in asked and not asked & {"5", "15 min", "12 months", "3", "three"}
    mtu = [q for q in accepted(qs, "cloze") if q.answer == "8500 bytes"]
    assert mtu and all("get inside a VPC)" in q.stem for q in mtu)


def test_round_ah_a_topic_opening_the_line_and_a_condition_on_this_thing() -> None:
    """Round AH (azure #16, #18): "With Storage queues, … . If you Base64-encode the message, … 48 KB" lost whose
    payload it is under a title naming two services; "If this parameter is omitted, … _____ days" points back."""
    qs = bank("Storage queues and Service Bus queues - quotas\nA:\n- With Storage queues, if the content of the message "
              "isn't XML-safe, then it must be Base64 encoded. If you Base64-encode the message, the user payload can be "
              "up to 48 KB, instead of 64 KB.\n---\nAzure Queue Storage\nA:\n- Message: A message, in any format, of up to "
              "64 KB. Before version 2017-07-29, the maximum time-to-live allowed is seven days. For version 2017-07-29 "
              "or later, the maximum time-to-live can be any positive number, or -1 indicating that the message doesn't "
              "expire. If this parameter is omitted, the default time-to-live is seven days.\n")
    payload = [q for q in accepted(qs, "cloze") if q.answer == "64 KB" and "Base64" in q.stem]
    assert payload and all("quotas › Storage queues › If you Base64-encode" in q.stem for q in payload)
    assert not [q for q in accepted(qs) if "If this parameter" in q.stem]


def test_round_ai_a_count_of_the_versions_the_sentence_lists_is_a_giveaway() -> None:
    """Round AI (azure #4): "supports _____ versions of the TLS protocol: 1.0, 1.1, and 1.2" is counted off the
    stem; the list's version numbers hid it from the rule for listed items."""
    qs = bank("Azure Storage TLS\n- Azure Storage currently supports three versions of the TLS protocol: 1.0, 1.1, and 1.2.\n"
              "- max 250 storage accounts per region per subscription\n")
    asked = {q.answer for q in accepted(qs)}
    assert "250" in asked and "three" not in asked


def test_round_ai_legends_to_do_lists_company_numbers_free_prices_and_a_spelt_zero() -> None:
    """Round AI (hybrid #6, #10, #18; identity #7, #12; serverless-db #4): a "legend / how i write these" card,
    a "(lab example, NOT real pricing advice)" card, "things to re-check before exam", "MY company numbers",
    "Free (price): _____" and "Must scale to zero? -> v2 with _____ ACU min"."""
    qs = bank("legend / how i write these\nTA = Transfer Appliance (80 TB)\n---\n"
              "SGW cost calc (lab example, NOT real pricing advice)\n- 2TB/day upload for 30 days\n---\n"
              "things to re-check before exam\n- SBE SO 210TB usable\n---\nCost calc (MY company numbers)\n"
              "- 80 users x $3 = +$240 / month\n---\nEntra ID tiers\n| tier | price |\n|---|---|\n| Free | $0 |\n"
              "| P1 | $6 |\n| P2 | $9 |\n---\nAurora Serverless v2\n- Must scale to zero? -> v2 with 0 ACU min (auto-pause)\n")
    asked = {q.answer for q in accepted(qs) if q.type != "truefalse"}
    assert {"$6", "$9"} <= asked
    assert not asked & {"80 TB", "2TB", "30 days", "210TB", "80", "$240", "$0", "0"}
    assert not [q for q in accepted(qs, "truefalse") if "Free (price)" in q.stem]


def test_round_aj_sql_lines_glosses_formula_tables_and_the_other_zone() -> None:
    """Round AJ (analytics #14, #15, #20; dr-drills #6, #7, #12, #15, #16, #20; serverless #14): a line of SQL as a
    statement, "default _____ (= no limit)", a "(my formula, not official)" table, "synchronous across _____ zones
    … a VM in the other zone", and "1 RCU = 6 eventually consistent" (of what?) as a statement."""
    qs = bank("Synapse serverless cost control\nEXEC sp_set_data_processed_limit @type = N'daily', @limit_tb = 4;\n"
              "- the daily limit applies to data processed, max 10 TB\n---\nSnowflake query knobs\n"
              "- STATEMENT_QUEUED_TIMEOUT_IN_SECONDS default 0 (= no limit)\n---\n"
              "DNS failover time calc (my formula, not official)\n| setup | TTL | interval |\n|---|---|---|\n"
              "| default | 60 s | 30 s |\n| fast | 15 s | 10 s |\n---\nZone-redundant storage\n"
              "- ZRS writes are synchronous across 3 zones in the region\n- a zonal VM replicates across 2 zones, failing over "
              "to a VM in the other zone\n---\nDynamoDB capacity\n- Read Capacity Units (RCU): for reads\n"
              "- - 1 RCU = 2 eventually consistent\n---\nLatency targets cheat sheet (general, not provider limits)\n"
              "| genre | RTT target |\n|---|---|\n| MOBA | < 80 ms |\n| card | < 500 ms |\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"10 TB", "3"} <= asked
    assert not asked & {"4", "0", "60 s", "15 s", "30 s", "10 s", "2", "80 ms", "500 ms"}
    assert not [q for q in accepted(qs) if q.stem.startswith("Synapse serverless cost control › EXEC") and "4" in q.stem
                and q.type == "truefalse" and "daily limit" not in q.stem]


def test_round_aj_a_lists_lead_in_is_not_asked_without_its_list() -> None:
    """Round AJ (azure #17): "… including _____-to-1 and 8-to-1 memory-to-core ratios:" ends on the colon of a list
    the question does not show; the list's own rows are asked."""
    qs = bank("App Service - PremiumV3 pricing tier\nA:\n- Multiple VM sizes are available for this tier, including "
              "4-to-1 and 8-to-1 memory-to-core ratios:\n- - P1v3 (2 vCPU, 8 GiB of memory)\n")
    asked = {q.answer for q in accepted(qs)}
    assert "8 GiB" in asked and not asked & {"4", "8"}


def test_round_ak_an_advice_threshold_is_not_asked() -> None:
    """Round AJ (og-aws #9): "If you're running fewer than _____ backend instances per AZ, you almost certainly want
    …" asks for a rule of thumb; a limit stated in a condition ("if a function needs more than 15 minutes, use …")
    is still asked."""
    qs = bank("CLB gotchas\n- If you're running fewer than 10 backend instances per AZ, you almost certainly want to "
              "enable cross-zone load balancing.\n---\nLambda timeout\n- If a job needs more than 15 minutes, "
              "you should use Step Functions instead of Lambda.\n")
    asked = {q.answer for q in accepted(qs)}
    assert "15 minutes" in asked and "10" not in asked


def test_round_ak_ipv6_addresses_and_clock_times_hold_no_facts() -> None:
    """Round AK (ip-addressing #5): "IMDS (IPv6: fd00:ec2::254)" asked for 254; a clock time "10:30:00" was asked
    part by part in a multi-cloze."""
    qs = bank("Special addresses in AWS VPC\nA:\n- 169.254.169.254 → IMDS (IPv6: fd00:ec2::254)\n"
              "- 2001:db8::/32 is for docs\n- max 5 elastic IPs per region, change window at 10:30:00\n")
    asked = {q.answer for q in accepted(qs)}
    assert "5" in asked and not asked & {"254", "32", "10", "30", "00"}
    assert not [q for q in accepted(qs) if q.type == "multi_cloze"]


def test_round_ak_wiki_markup_is_read_for_what_it_means() -> None:
    """Round AK (edge #1, #2, #6, #9, #13, #14, #18): notes pasted from a wiki kept `<br>`, `&nbsp;` and `*(me)*`
    in their stems; a `<br>` ends a line, an entity is its character, emphasis is its text."""
    qs = bank("CloudFront pricing refs\n- HTTPS requests: **$0.0100 per 10,000** <br>HTTP: $0.0075 per 10,000\n---\n"
              "AFD Rules engine — limits *(Std/Premium, wiki)*\n- match conditions per rule: 10<br>\n"
              "- Origin request ❌ &nbsp;/&nbsp; max 25 rules per rule set\n")
    stems = [q.stem for q in accepted(qs)]
    assert stems and not [s for s in stems if re.search(r"<br|&nbsp;|\*\(", s)]
    http = [q for q in accepted(qs) if q.answer == "$0.0075" and q.type == "cloze"]
    assert http and "HTTPS" not in http[0].stem.split("›")[-1]
    assert http[0].line == 2          # provenance: the file line the part came from


def test_round_ak_the_authors_cost_examples_and_growing_counts_are_not_asked() -> None:
    """Round AK (edge #8, #15, #20; schedulers #16): "cost example (me, invented traffic)", "pricing example
    (me, assumptions)", "(300+ cities)" and "270+ services" as typed answers."""
    qs = bank("Cloudflare Workers — cost example (me, invented traffic)\n- 50M requests/mo, avg 4 ms CPU\n---\n"
              "AFD pricing example\n- 2 TB egress to client\n---\nWorkers runtime (me, assumptions)\n- 7 ms per call\n---\n"
              "Cloudflare Workers — runtime\n- runs in every Cloudflare PoP (300+ cities)\n- max 10 ms CPU per request\n")
    asked = {q.answer for q in accepted(qs)}
    assert "10 ms" in asked and not asked & {"50M", "4 ms", "2 TB", "7 ms", "300"}


def test_round_ak_counts_spelt_out_in_brackets_multipliers_and_verbless_bounds() -> None:
    """Round AK (ip #10, #20; azure #16): "_____ (first two + last)" adds the count up, "roughly _____ instances"
    blanks a multiplier ("2x"), and "A maximum of 100 … at tenant scope." is no claim to judge true or false."""
    qs = bank("OCI VCN (quick)\n- reserved per subnet: 3 (first two + last)\n---\nDirect VPC egress\n"
              "- uses IPs from subnet (roughly 2x instances)\n---\nAzure AD limits\nA:\n"
              "- A maximum of 100 custom role assignments for a single principal at tenant scope.\n"
              "- A maximum of 30 custom roles can be created in an organization.\n")
    good = accepted(qs)
    assert not [q for q in good if q.answer == "3" or (q.answer == "2x" and q.type in ("cloze", "numerical"))]
    statements = [q.stem for q in good if q.type == "truefalse"]
    assert [s for s in statements if "can be created" in s] and not [s for s in statements if "tenant scope" in s]


def test_round_ak_outline_sections_versions_and_value_pairs() -> None:
    """Round AK (ip #14, model #1, #3, #20, og #15): an Org `* kubenet` line heads the `- ` items below it; Cornell
    `NOTES:` is no breadcrumb; "1.5 Flash" is a model, and "$0.075 in / $0.30 out" a pair, not a division; "16k
    IOPS" is typed as a number."""
    qs = bank("AKS IP planning\nA:\n* kubenet — pods from an overlay\n- max 400 nodes\n* Azure CNI (classic)\n"
              "- max 250 pods per node\n---\nContainer timeouts\nNOTES:\n- ModelDataDownloadTimeoutInSeconds => up to 3600\n"
              "---\nGemini pricing (per 1M tokens)\n- 1.5 Flash => $0.075 in / $0.30 out\n---\nEBS Tips\n"
              "- A single gp2 EBS volume allows 16k IOPS max\n")
    good = accepted(qs)
    assert [q for q in good if q.answer == "400" and "kubenet" in q.stem]
    assert [q for q in good if q.answer == "250" and "Azure CNI" in q.stem and "kubenet" not in q.stem]
    assert not [q for q in good if "NOTES" in q.stem] and [q for q in good if q.answer == "3600"]
    assert {"$0.075", "$0.30"} <= {q.answer for q in good} and not [q for q in good if q.answer == "1.5"]
    assert all("1.5 Flash" in q.stem for q in good if q.answer in ("$0.075", "$0.30"))
    iops = [q for q in good if q.type == "numerical" and "IOPS" in q.stem]
    assert iops and iops[0].answer == "16000" and iops[0].stem.endswith("Type the number.")


def test_round_al_drill_cards_head_each_answer_with_its_question() -> None:
    """Round AL (bigtable #4, #8, #10, #14): a card of many `Q:`/`A:` drills put its first question in the title,
    so every answer was asked under "reads per sec per node, SSD?"; pairs on one line kept their `A:` mid-stem."""
    qs = bank("Bigtable node throughput (per node, SSD cluster)\nQ: reads per sec per node, SSD?\nA: 10,000 rows/s\n"
              "Q: HDD reads?\nA: 500 rows/s per node\nNB-ish: these are rough numbers, assume ~1 KB rows\n---\n"
              "Bigtable: storage per node\nQ: max data per node HDD?  A: 16 TB\n")
    good = accepted(qs)
    hdd = [q for q in good if q.answer == "500" and q.type == "cloze"]
    assert hdd and "HDD reads?" in hdd[0].stem and "SSD?" not in hdd[0].stem
    ssd = [q for q in good if q.answer == "10,000" and q.type == "cloze"]
    assert ssd and "reads per sec per node, SSD?" in ssd[0].stem
    storage = [q for q in good if q.answer == "16 TB" and q.type == "cloze"]
    assert storage and "max data per node HDD? ›" in storage[0].stem and "A:" not in storage[0].stem
    assert "1 KB" not in {q.answer for q in good}


def test_round_al_numbering_status_codes_flags_and_restatements() -> None:
    """Round AL (residency #3, #4, #7, #8, #11, #14; push #8, #11, #16; bigtable #20): "1.1 S3 RTC" is a list
    number, "429 TooManyRequests" a status code with status codes for options, "content-available:1" a flag,
    "i.e. approx. 5 µs per km" and "(approx. 480 km)" restate the value, "fcm basics" spells out Firebase Cloud
    Messaging, and "PITR: yes, 35 days" names no attribute."""
    qs = bank("§6.2 AWS replication\n1.1 S3 RTC: 99.99% of objects replicated within 15 minutes\n---\n"
              "apns error cheat sheet\n- 429 TooManyRequests -> too many to the same device token\n---\n"
              "silent push\n- silent push = apns content-available:1 (no alert)\n---\nFibre\n"
              "- light in fibre is approx. 200,000 km/s, i.e. approx. 5 microseconds per km\n"
              "- region pairs at least 300 miles (approx. 480 km) apart\n---\nfcm basics\n"
              "- Firebase Cloud Messaging is free (no charge per message)\n---\nKeyspaces checklist\n- PITR: yes, 35 days\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert "99.99%" in asked and not asked & {"1.1", "1", "200,000", "5 microseconds", "300 miles", "35 days"}
    codes = [q for q in good if q.answer == "429" and q.type == "multichoice"]
    assert codes and all(100 <= int(o.text) <= 599 for o in codes[0].options)
    assert not [q for q in good if q.type == "term_cloze" and q.stem.startswith("fcm basics")]


def test_round_al_a_free_tier_cost_names_its_charge_and_errata_are_not_asked() -> None:
    """Round AL (serverless #20, residency #20): "What do 4,000,000 requests cost in total?" read as the whole bill
    (duration is charged too), round AN (serverless #7) found "At this price, …" pointing at a price the stem does
    not show, and round AO (serverless #2) "the charge for 4,000,000 requests, after the free tier" read as 4,000,000
    billable requests; a section of the notes' own discrepancies is not a source of facts."""
    qs = bank("Lambda pricing\n- Pay per calls:\n- - First 1,000,000 requests are free\n"
              "- - $0.20 per 1 million requests thereafter\n---\n§11.3 Discrepancies noted during review\n"
              "- GCP KMS destruction default: 24 hours previously, 30 days currently\n")
    cost = [q for q in accepted(qs) if q.type == "calculated" and "free tier" in q.stem]
    assert cost and all("in total" not in q.stem and "What is the charge for" in q.stem and "this price" not in q.stem
                        and "in all, once the free tier is deducted" in q.stem for q in cost)
    assert not {"24 hours", "30 days"} & {q.answer for q in accepted(qs)}


def test_round_al_a_pasted_terminal_sessions_output_holds_no_facts() -> None:
    """Round AL (cloud-shell #12): "(reached max retries: 2)" in the output of a pasted `$ aws …` command was asked;
    the notes' own comment below the output still is."""
    qs = bank("AWS CLI throttling looks like this\n$ for i in $(seq 1 300); do aws ec2 describe-instances; done\n"
              "An error occurred (RequestLimitExceeded) (reached max retries: 2): Request limit exceeded.\n"
              "# standard retry mode makes 3 attempts\n")
    asked = {q.answer for q in accepted(qs)}
    assert "3" in asked and not asked & {"2", "300", "1"}


def test_round_am_latex_in_notes_reads_as_the_text_it_typesets() -> None:
    """Round AM (quantum #3, #4, #12): "$\\approx 99.8$–$99.9\\%$", "$\\times$" and "\\$0.30" stayed in stems, and a
    blank split a math span (key "$99.9")."""
    qs = bank("IonQ Forte\n- 2q gate fidelity $\\approx 99.8$–$99.9\\%$\n- $p_{\\text{task}} = \\$0.30$ per task, "
              "any QPU\n- logical error rate ~800$\\times$ below physical\n- cd C:\\Users\\me holds 36 qubits\n")
    good = accepted(qs)
    assert good and not [q for q in good if re.search(r"\\\\[a-z%$]|\$\\|\$\d[\d.]*\$", q.stem + q.answer)]
    assert "$0.30" in {q.answer for q in good}
    assert [q for q in qs if "C:\\Users" in q.stem]         # a path is not LaTeX


def test_round_am_bounded_ratios_team_data_trivial_range_starts_and_standards() -> None:
    """Round AM (carbon #2, #11, #15; vector #9; quota #6, #13; azure #3): a PUE's options below 1.0 and a recall's
    above it; "(our data only!)" and "what I've seen"; "between _____ (1) and _____ (2)" keyed 1; ISO/IEC 30134-2."""
    qs = bank("PUE figures by provider\n| provider | PUE |\n|---|---|\n| AWS global | 1.15 |\n---\nHNSW eval\n"
              "- recall@10 at ef_search 100 is 0.95\n---\nAzure approval times (our data only!)\n- median 3 days\n---\n"
              "GCP default quotas (what I've seen)\n- CPUs per region: 24\n---\nEvent Hubs partitions\n"
              "- The number of partitions must be between 1 and 32.\n---\nPUE standard\n- ISO/IEC 30134-2 defines it\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"1.15", "0.95"} <= asked and not asked & {"3 days", "24", "2", "30134"}
    pue = [q for q in good if q.answer == "1.15" and q.type == "multichoice"]
    recall = [q for q in good if q.answer == "0.95" and q.type == "multichoice"]
    assert pue and all(float(o.text) > 1 for o in pue[0].options)
    assert recall and all(float(o.text) < 1 for o in recall[0].options)
    assert not [q for q in good if q.type == "multi_cloze" and "between" in q.stem]


def test_round_an_an_ascii_grid_tables_cells_get_their_headers() -> None:
    """Round AN (edge-5g): 224 questions of one deck were rejected for table pipes in the stem; its tables were
    drawn with "+----+" borders."""
    qs = bank("5G usage scenarios\n+------+--------+\n| type | target |\n+------+--------+\n| URLLC | 1 ms user plane |\n"
              "| mMTC | 1,000,000 devices / km2 |\n+------+--------+\n")
    good = [q for q in accepted(qs) if q.answer == "1,000,000"]
    assert good and all("mMTC (target)" in q.stem and "|" not in q.stem for q in good)


def test_round_an_arrows_enumerators_recap_titles_and_bracketed_values() -> None:
    """Round AN (edge-5g #1, #6, #9-#18; ipaas #2, #10, #12, #16, #18-#20): "-> ~1 ms RTT" lost its "-" as a bullet
    and read "> ~1 ms" (greater than); "(1) …, (2) …, (3) …" enumerators were asked; "Final cheat sheet", "Quick
    numbers to burn in" and "(AR example)" cards were asked; "[24 h] / [30] attempts" lost "[30]" as a footnote."""
    qs = bank("Why edge at all\nlight in fiber ~200,000 km/s\n-> ~1 ms RTT per 100 km of fiber\n---\nCarrier discovery\n"
              "- options: (1) app-level discovery, (2) Route 53 geoproximity records, (3) Verizon Edge Discovery API\n---\n"
              "Final cheat sheet\n- Outposts: your DC, 42U rack, 3-yr term\n---\nQuick numbers to burn in\n"
              "- LA retention [90 d]\n---\nLatency budget chain (AR example)\n- WL processing 5 ms\n---\nWebhooks\n"
              "- retries for [24 h] / [30] attempts by default\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert "1 ms" in asked and not asked & {"1", "2", "3", "3-yr", "90 d", "5 ms"}
    assert not [q for q in good if ">" in q.stem.split("›")[-1].split("\n")[0]]
    assert [q for q in good if q.answer == "24 h" and "[30] attempts" in q.stem]


def test_round_an_spelt_counts_of_a_camel_case_unit_agree_in_the_options() -> None:
    """Round AN (azure #2): "less than one vCore" had the options "six vCore", "two vCore": only the key read right.
    (Since round CI a claimed "less than _____" gets no options at all: the agreement is pinned on an exact value.)"""
    qs = bank("Azure SQL Database - DTU tiers\n- The Basic, S0, S1 and S2 service objectives provide at most one vCore "
              "(CPU).\n")
    options = [o.text for q in accepted(qs, "multichoice") for o in q.options]
    assert "one vCore" in options and all(o.endswith("vCores") for o in options if o != "one vCore")


def test_round_an_a_port_in_a_for_example_should_you_aside_is_not_asked() -> None:
    """Round AN (og-aws #10, #17): "For example, should you accidentally have an extra Apache server running on the
    default port _____ …" asked for an example's port."""
    qs = bank("Port hygiene\n- For example, should you accidentally have an extra Apache server running on the default "
              "port 80 on a backend server, it will not be exposed.\n- Security groups allow max 60 inbound rules.\n")
    asked = {q.answer for q in accepted(qs)}
    assert "60" in asked and "80" not in asked


def test_round_ao_letter_footnotes_check_markers_and_size_names_with_suffixes() -> None:
    """Round AO (gpu #2, #6, #18; email #4, #13, #14): "[b]" footnotes stayed in stems, "— CHECK" marks a value the
    notes doubt, and "NC24ads_A100_v4 (vCPU): _____" is 24 by its name."""
    qs = bank("Azure GPU sizes\n| size | vCPU | GPU |\n|---|---|---|\n| NC24ads_A100_v4 | 24 | 1 |\n| ND96asr_v4 | 96 | 8 |\n"
              "---\nEC2 quotas\n- P instances: max 192 vCPU per region [b]\n- attachment limit 40 MB vs 10 MB SES size "
              "limit — CHECK\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert "192" in asked and not asked & {"24", "96", "40 MB", "10 MB"}
    assert not [q for q in good if "[b]" in q.stem]


def test_round_ap_the_teams_own_plan_is_not_a_fact() -> None:
    """Round AP (iot #2): "Rollout strategy (our plan, not a rule)" asked the team's canary share."""
    qs = bank("Rollout strategy (our plan, not a rule)\n- canary 10% of the fleet first, then 50%\n---\nIoT Jobs limits\n"
              "- max 100 concurrent jobs per account\n")
    asked = {q.answer for q in accepted(qs)}
    assert "100" in asked and not asked & {"10%", "50%"}


def test_round_ap_code_comments_and_chat_mentions_are_not_stem_text() -> None:
    """Round AP (iot, gpu-inference): "10 MB // incl. attributes" kept its `//` and "@channel heads up: …" its
    mention in the stem; a `//` is a clause break and a mention at a line's start is addressing, not content."""
    qs = bank("Pub/Sub limits\n- Max message size is 10 MB // incl. attributes\n- Max 100 topics // 10,000 subscriptions\n"
              "- @channel heads up: ack deadline max is 600 seconds\n- docs: https://cloud.example/pubsub\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"10 MB", "600 seconds", "100"} <= asked
    assert not [q for q in good if "//" in q.stem or "@channel" in q.stem]


def test_round_aq_a_threads_line_numbers_and_hashtags_are_markup() -> None:
    """Round AQ (pubsub, 0/20): a tweet thread's "2/ HTTP targets: default 10 min" was asked for its "2", the
    other questions kept "2/" and "#gcp" in their stems."""
    qs = bank("Cloud Tasks: dispatch deadlines\nA:\n1/ dispatch deadline = how long Tasks waits for the handler\n"
              "2/ HTTP targets: default 10 min, range 15 s to 30 min\n3/ App Engine basic scaling: up to 24 h #gcp #tasks\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"10 min", "24 h"} <= asked and not asked & {"1", "2", "3"}
    assert not [q for q in good if re.search(r"\d/ |#gcp", q.stem)]


def test_round_aq_restructuredtext_fields_directives_headings_and_literal_blocks() -> None:
    """Round AQ (k8s, 1/20): ":Sync period: 15s" kept its colon, a "-------" title underline ended the card, a
    "::" block of the author's YAML was asked, and "15s" was no duration at all."""
    qs = bank("HPA control loop basics\nA:\n:Sync period: 15s (``--horizontal-pod-autoscaler-sync-period``)\n"
              ":API: ``autoscaling/v2`` -- GA in 1.23\n\n.. note:: 1.33 alpha ``HPAConfigurableTolerance`` per HPA\n"
              "-----------\nHPA downscale stabilization\nA:\nScale-down window\n-----------------\n"
              ":Default: 300s for scale-down\n:Max: 3600s per HPA\n\nMy go-to values::\n\n"
              "    scaleDown: {stabilizationWindowSeconds: 600}\n\nPods 100s of times a day\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"15s", "300s", "3600s"} <= asked and not asked & {"1.23", "1.33", "600", "100s"}
    assert not [q for q in good if re.search(r"(?:^|› ):|``|\.\. note|-----", q.stem)]
    assert next(q for q in good if q.answer == "300s").card_index == 1     # the underline ended no card


def test_round_aq_notion_toggles_and_values_in_code_type() -> None:
    """Round AQ (cdn #3, #7, #17): a Notion toggle kept its "▸" in the stem, and a value set in code type
    ("`30 GB`") was taken for code and never asked."""
    qs = bank("CloudFront limits\nA:\n▸ CachingOptimized\n    - default TTL `1 day`\n"
              "- Max file size (GET/POST/PUT): `30 GB`\n- cache key: `max-age=0` disables caching\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"1 day", "30 GB"} <= asked
    assert not [q for q in good if "▸" in q.stem or "`30" in q.stem]


def test_round_aq_the_authors_own_settings_are_not_asked() -> None:
    """Round AQ (warehouse #16): "I set 60 s on ad-hoc WHs, 300-600 s on BI WHs" asked the author's setting."""
    qs = bank("Snowflake auto-suspend\nA:\n- default auto-suspend is 600 s\n"
              "UI wizard used to default to 10 min too. I set 60 s on ad-hoc WHs, 300-600 s on BI WHs (keep local disk "
              "cache warm)\n")
    asked = {q.answer for q in accepted(qs)}
    assert "600 s" in asked and not asked & {"60 s", "300"}


def test_round_aq_a_tab_table_with_a_units_row_and_names_with_digits_gets_its_headers() -> None:
    """Round AQ (warehouse #15, #19): "edition / $/slot-hour PAYG / 1-yr commit" has digits but names columns
    (it was asked for the "1" of "1-yr"); a units row under the header ("	credits	servers") was taken for the
    header, and rows labelled "2X-Large" lost their labels."""
    qs = bank("BigQuery editions\nA:\nedition\t$/slot-hour PAYG\t1-yr commit\nStandard\t0.04\tn/a\n"
              "Enterprise\t0.06\t0.048\n---\nSnowflake sizes\nA:\nsize\tcredits/hr\tnodes\n\tcredits\tservers\n"
              "X-Small\t1\t1\nSmall\t2\t2\n2X-Large\t32\t16\n3X-Large\t64\tn/a\n")
    good = accepted(qs)
    assert not [q for q in good if q.answer == "1" and "yr" in q.stem]
    commit = [q for q in good if q.answer == "0.048"]
    assert commit and all("Enterprise (1-yr commit)" in q.stem for q in commit)
    big = [q for q in good if q.answer == "32" and q.type == "cloze"]
    assert big and all("2X-Large" in q.stem and "credits" not in q.stem.split("(")[0].split("›")[-1] for q in big)


def test_round_aq_a_titled_noun_agrees_and_a_question_with_its_answer_is_no_claim() -> None:
    """Round AQ (k8s #17; cdn #20): "One Job per event batch" was falsified as "Four Job"; the self-quiz line
    "524 error → which CDN and what timeout? → Cloudflare, 100 s" was a statement to judge true or false."""
    qs = bank("KEDA ScaledJob\nA:\n- One Job per event batch, up to 100 Jobs in parallel\n---\nCDN self-test\nA:\n"
              "- 524 error → which CDN and what timeout? → Cloudflare, 100 s\n- Origin timeout max is 180 s\n")
    good = accepted(qs)
    options = [o.text for q in good if q.answer == "One Job" for o in q.options]
    assert options and all(o.endswith("Jobs") for o in options if o != "One Job")
    judged = [q.stem for q in accepted(qs, "truefalse")]
    assert [s for s in judged if "180 s" in s or "Origin" in s] and not [s for s in judged if "which CDN" in s]


def test_round_ar_a_decimal_comma_is_read_and_german_markers_are_understood() -> None:
    """Round AR (cdc #4, #12, #16, #19): "$0,08/GB" was asked as "$0,_____/GB" (key 08) and "1,5 MB" read as 5 MB;
    "[unsicher, Doku prüfen]" doubts its value, "Rechenbeispiel (eigene Zahlen)" is the author's worked example
    and "z.B. bei uns: …" the author's own setup."""
    qs = bank("Kinesis – Rechenbeispiel (eigene Zahlen)\nA:\n- 800 GB Änderungen pro Monat\n---\nDatastream limits\nA:\n"
              "- max. Eventgröße 20 MB ? [unsicher, Doku prüfen]\n- z.B. bei uns: On-Prem Oracle mit 400 GB WAL\n"
              "- Preis: $0,08 pro GB geschrieben\n- max. 1,5 MB pro Record\n- 1,00,000 requests free\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"$0,08", "1,5 MB"} <= asked and not asked & {"800 GB", "20 MB", "400 GB", "Oracle", "08", "5 MB"}
    record = next(q for q in good if q.answer == "1,5 MB" and q.type == "numerical")
    assert record.get("accepted") and "1.5 MB" in record.get("accepted")
    assert not [q for q in good if q.type == "truefalse" and "1,00,000" in q.stem]


def test_round_ar_derived_values_header_samples_example_and_cheat_list_cards() -> None:
    """Round AR (secrets #8, #18, #20; registries #5, #7): "$3.20/hr ⇒ approx. _____/mo" is worked out from the
    hourly price, "ratelimit-remaining: 76;w=21600" is a sample header, and "[example]" and "Exam-day cheat list"
    cards restate or invent values."""
    qs = bank("CloudHSM\nA:\n- approx. $3.20/hr per HSM pool ⇒ approx. $2,300/mo\n- max 28 HSMs per cluster\n---\n"
              "Quiz – DMS\nA:\nF5: Datastream Preis erste 2,5 TB? ⇒ ca. $0,50/GB\n---\n"
              "Docker Hub headers\nA:\n- ratelimit-remaining: 76;w=21600\n- anonymous pulls: 100 per 6 hours\n---\n"
              "[ECR] lifecycle — [example]\nA:\n- Rule 2: expire untagged, sinceImagePushed 7 days\n---\n"
              "AWS KMS — Exam-day cheat list\nA:\n- 7–30 d waiting period\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"$3.20", "28", "100", "$0,50"} <= asked and not asked & {"$2,300", "76", "7 days", "7", "30"}   # (a quiz's
    # answer after "? ⇒ ca." is no figure worked out: re-gate of AR cdc #6)


def test_round_as_mediawiki_markup_is_read_as_rendered() -> None:
    """Round AS (observability, 2/20): stems kept "== Custom metrics ==", "'''_____'''", "; term :" and
    "{{note|…}}" from a wiki page pasted into the notes."""
    qs = bank("Google Cloud Monitoring\nA:\n== Custom metrics ==\n* '''Pro''' tier: 500 custom metrics per project\n"
              "; CloudWatch Logs Insights : '''15 min''' query timeout\n{{note|log retention is 15 months}}\n")
    good = accepted(qs)
    assert {"500", "15 min", "15 months"} <= {q.answer for q in good}
    assert not [q for q in good if re.search(r"==|''|^;|› ;|\{\{", q.stem)]
    assert [q for q in good if q.answer == "500" and "Custom metrics" in q.stem]


def test_round_as_asides_of_the_listener_glosses_mistakes_and_padded_nines() -> None:
    """Round AS (dns #2, #13, #14; iot #2, #5; batch #8; og #11): "{me: … thought it was 10.}", "(he said ~7 hours)",
    "395 days (13 months)", "= 0 (off)" and "Common mistake: setting a 30s timeout" were asked; S3's
    durability had the options "99.990000000%"."""
    qs = bank("Route 53 (podcast)\nA:\n[12:40] JB: records per zone: 10,000 {me: missed the 15. thought it was 10.}\n"
              "[13:10] JB: authz reuse drops to hours eventually (he said ~7 hours)\n"
              "[14:00] JB: a hosted zone costs $0.50 per month (he said ~)\n- ACM public certs — 395 days (13 months)\n"
              "- incoming-bandwidth-throttling = 0 (off)\n- Common mistake: setting a 30s timeout.\n---\nRoute 53 quotas\nA:\n"
              "- max 500 hosted zones per account\n---\nS3 durability\nA:\n- the durability rate of 99.999999999%\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"500", "$0.50"} <= asked and not asked & {"10", "7 hours", "395 days", "0", "30s"}
    options = [o.text for q in good if q.answer == "99.999999999%" for o in q.options]
    assert options and not [o for o in options if o.endswith("0%")]


def test_round_as_pipes_between_a_lines_items_and_a_worked_equation_of_blanks() -> None:
    """Round AS (iot #1, and 234 of its questions rejected for pipes): "connect_rate=500/s (big regions) | 100/s
    others" is a list on one line, not a table row; "_____ (1) msg = _____ (2) msgs billed" blanks an equation."""
    qs = bank("AWS IoT Core - connect limits\nA:\nconnect_rate=500/s per acct (big regions) | 100/s others\n"
              "QoS0 | QoS1 | no QoS2\n---\nAWS IoT Core - msg size\nA:\nbilled per 5KB chunk\n6KB msg = 2 msgs billed\n"
              "---\nTiers\nA:\n| tier | msgs/day |\n|---|---|\n| F1 | 8,000 |\n| S1 | 400,000 |\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"100", "8,000"} <= asked and not [q for q in good if q.answer.startswith("(1) 6KB")]
    assert not [q for q in good if "|" in q.stem]


def test_round_at_footnote_stars_ratio_ones_quoted_rules_and_example_listings() -> None:
    """Round AT (nosql #8, #9, #20; search #9, #12, #16; hpc #20): "~5 RU*" kept its footnote star, "≈ _____:190"
    blanked the 1 of a ratio, "(don't quote this …)" marks a rough rule, and an "example nodeset block" card is a
    listing to copy, not limits."""
    qs = bank("Cosmos DB RU costs\nA:\n- point read of a 1 KB item = 1 RU\n- write 1 KB item ~5 RU*\n"
              "- warm / cold ≈ 1:190 nodes\n- rough rule from a talk: ~25 QPS per S1 replica (don't quote this)\n---\n"
              "## gcp cluster toolkit example nodeset block\nA:\n#   settings:\n#     node_count_dynamic_max: 16\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert "5" in asked and not asked & {"1", "25", "16"} and not [q for q in good if "*" in q.stem]


def test_round_au_notes_written_as_json_objects_are_read_as_their_pairs() -> None:
    """Round AU (serverless containers: 32 of 933 questions accepted): notes written as JSON objects had every
    value rejected as a quotation or as code; each `"key": value` is a fact under the keys around it, a `//`
    comment the note after it, and braces are no text."""
    qs = bank('Cloud Run - request timeout\nA:\n{\n  "cloudRun": { "defaultTimeout": "5 min", "maxTimeout": "60 min" }\n'
              '  // gen1 docs used to say max 250, see https://cloud.example/run\n}\n---\nCloud Run - concurrency\nA:\n'
              '{\n  "concurrency": { "default": 80, "max": 1000 }   // set 1 for non thread-safe apps\n}\n')
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"5 min", "60 min", "80", "1000"} <= asked and "250" not in asked
    assert not [q for q in good if re.search(r'["{}]|//', q.stem)]
    maximum = next(q for q in good if q.answer == "60 min" and q.type == "cloze")
    assert "cloudRun maxTimeout: _____" in maximum.stem and maximum.line == 4


def test_round_au_html_tables_lists_and_inline_tags_are_read_as_rendered() -> None:
    """Round AU (ml platforms, 1/20): stems kept `<tr><td>`, `<li>`, `<b>` and `<code>`, and table rows lost their
    header row; a row written across lines is one row, on its first file line."""
    qs = bank("SageMaker real-time endpoint\nA:\n<table><tr><th>Limit</th><th>Value</th></tr>\n"
              "<tr><td>Max request payload</td><td>6 MB</td></tr>\n<tr>\n<td>Invocation timeout</td>\n<td>60 s</td>\n"
              "</tr></table>\n---\nSageMaker health checks\nA:\n<ul><li>container must answer <code>GET /ping</code> "
              "within <b>2 s</b></li>\n<li>model download timeout max <b>3600 s</b></li></ul>\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"6 MB", "60 s", "3600 s"} <= asked
    assert not [q for q in good if re.search(r"</?\w+>|\|", q.stem)]
    timeout = next(q for q in good if q.answer == "60 s" and q.type == "cloze")
    assert "Invocation timeout" in timeout.stem and timeout.line == 5     # the "<tr>" line


def test_round_au_a_value_the_line_says_is_past_is_not_asked() -> None:
    """Round AU (containers #1, #3, #4): "was _____ in the early days", "was 300 for a while"."""
    qs = bank("Cloud Run\nA:\n- request timeout 300 s by default, was 15 min in the early days\n"
              "- maxReplicas default 10, was 300 for a while\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"300 s", "10"} <= asked and not asked & {"15 min", "300"}
    assert not [q for q in accepted(qs, "multi_cloze") if "15 min" in q.answer or "300;" in q.answer]


def test_round_au_thousands_grouped_with_spaces_are_one_number() -> None:
    """Round AU (vpc #5, #8, #20): "3 000 subnets per VNet" blanked "000", "65 536 ports" was cut in two."""
    qs = bank("Azure VNet limits\nA:\n- 3 000 subnets per VNet\n- SNAT: up to 65 536 ports per public IP\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"3 000", "65 536"} <= {a.split(" subnets")[0].split(" ports")[0] for a in asked}
    assert not asked & {"000", "536", "3", "65"}


def test_round_au_a_transcripts_fillers_and_retracted_values() -> None:
    """Round AU (data transfer #12, #16, #19): a lecture transcript kept "uh," and "[inaudible]" in its stems, and
    asked a value the lecturer took back ("10 cents — no wait, 9 cents")."""
    qs = bank("Egress pricing\nA:\nSo, um, internet egress is 10 cents — no wait, 9 cents per GB [inaudible] for the "
              "first 10 TB.\nInter-AZ transfer is, uh, 1 cent per GB in each direction.\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert "1" in asked and "10" not in asked
    assert not [q for q in good if re.search(r"\b(?:um|uh),|\[inaudible\]", q.stem)]


def test_round_au_a_bracket_that_divides_it_out_works_the_answer() -> None:
    """Round AU (vpc #16): "the limit become 62 rules per SG (1 000 / 16)" is worked out in its own bracket."""
    qs = bank("AWS SG\nA:\n- if you want 16 SG per ENI, the limit become 62 rules per SG (1 000 / 16)\n"
              "- max 5 SG per ENI by default\n")
    asked = {q.answer for q in accepted(qs)}
    assert "5" in asked and "62" not in asked


def test_round_av_a_forum_threads_labels_are_markup() -> None:
    """Round AV (devops #6, #11, #13): "Comment:", "EDIT:" and "Accepted answer (64 votes):" stayed in stems."""
    qs = bank("CodeBuild: how long can a build wait in the queue?\nA:\nAccepted answer (64 votes): builds time out "
              "after 60 minutes by default.\nComment: the queued timeout is at most 8 hours.\n"
              "EDIT: the build timeout can be set up to 36 hours.\n")
    good = accepted(qs)
    assert {"60 minutes", "8 hours", "36 hours"} <= {q.answer for q in good}
    assert not [q for q in good if re.search(r"Comment:|EDIT:|Accepted answer", q.stem)]


def test_round_av_cross_references_standup_blockers_and_my_example_cards() -> None:
    """Round AV (identity #8, #14; queues #10; streaming #4): "Cf. Entra External ID: 50,000 MAU free (III.K)"
    under Cognito, "Blockers: our batch job holds acks 45 min" and a "My example: … sizing" card were asked. (A
    standup's date names nothing: the line says whose setting it gives.)"""
    qs = bank("II. Amazon Cognito - J. Pricing\nA:\n1. Cognito: 10,000 MAU free on the Lite tier\n"
              "2. Cf. Entra External ID: 50,000 MAU free (III.K)\n---\nThu 17 Oct\nA:\nToday: RabbitMQ consumer_timeout "
              "default 30 min\nBlockers: our batch job holds acks 45 min\n---\nMy example: Event Hubs + ASA sizing\nA:\n"
              "ingress 5 MB/s -> 5 TUs\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"10,000", "30 min"} <= asked and not asked & {"50,000", "45 min", "5 MB/s", "5"}


def test_round_aw_mkdocs_admonitions_tabs_and_marks_read_as_rendered() -> None:
    """Round AW (route53 #2, #4-#6, #10, #12-#18): '!!! note "…"', '=== "NS"' and "==highlighted==" stayed in
    stems, a '??? tip' read as doubt, and an admonition's title headed lines outside its body."""
    qs = bank('Hosted zone pricing\nA:\n!!! note "Per hosted zone, per month"\n    - ==$0.50== per hosted zone for the '
              'first 25 zones\n??? tip "Delete quickly = free"\n    A zone deleted within 12 hours of creation is not '
              'charged.\nThe record limit is 10,000 records per zone.\n---\nNS records of a new zone\nA:\n=== "NS"\n'
              '    ==4== name servers, TTL 172800\n!!! warning\n    Press ++ctrl+c++ to copy the ^^1 week^^ max TTL.\n')
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"$0.50", "12 hours", "10,000", "4"} <= asked
    assert not [q for q in good if re.search(r"!!!|\?\?\?|===|==|\+\+|\^\^", q.stem)]
    assert [q for q in good if q.answer == "$0.50" and "Per hosted zone, per month" in q.stem]
    assert not [q for q in good if q.answer == "10,000" and "per month" in q.stem]   # the note's title heads its body only


def test_round_aw_a_mail_threads_headers_go_and_a_value_quoted_back_to_correct_it_is_not_asked() -> None:
    """Round AW (cloudflare #5, #10, #17, and "Date" as a heading): a reply quoting "> Paid: 1,000." to correct it
    left 1,000 asked, the quoted line itself was asked with its ">", and "Date: …" headed the lines below it."""
    qs = bank("Subrequests per request\nA:\nFrom: Priya <priya@example.org>\nDate: Tue, 21 Jan 2025 09:05\n"
              "Free: 50 subrequests per incoming request. Paid: 1,000.\n____________\nFrom: Dana <dana@example.org>\n"
              "Date: Mon, 3 Nov 2025 17:48\n> Paid: 1,000.\nThe limits page now lists 10,000 per request on Paid.\n---\n"
              "CPU time on Free?\nA:\nFrom: Marco <m@example.org>\nDate: Mon, 13 Jan 2025 10:02\n10 ms CPU per request.\n"
              "> is it 10ms or 50ms?\nFree has always been 10 ms.\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"50", "10,000", "10 ms"} <= asked and "1,000" not in asked     # a quoted question does not dispute 10 ms
    assert not [q for q in good if re.search(r"^>|› >|Quoted|Date|From", q.stem)]


def test_round_aw_b_a_question_title_heads_the_list_its_answer_opens_past_a_quote() -> None:
    """Round AW (cloudflare #7): "Durable Objects on the Free plan?" answered under a quoted mail lost its title:
    the stem read "Free limits per day › storage: _____ total"."""
    qs = bank("Durable Objects on the Free plan?\nA:\nFrom: Priya <p@example.org>\nDate: Mon, 14 Apr 2025 09:00\n"
              "> DOs need Workers Paid\nChanged Apr 2025 — SQLite-backed DOs are on Free now. Free limits per day:\n"
              "- 100,000 requests\n- storage: 5 GB total\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["5 GB"].startswith("Durable Objects on the Free plan? › Free limits per day › ")


def test_round_aw_c_a_blockquote_callout_is_its_text() -> None:
    """Outside a mail thread "> " is a markdown callout: its value is asked, without the ">"."""
    good = accepted(bank("Lambda payloads\nA:\n> **Note:** the synchronous payload limit is 6 MB.\n"))
    assert [q for q in good if q.answer == "6 MB"] and not [q for q in good if ">" in q.stem]


def test_round_aw_d_a_service_named_in_passing_twice_on_one_line_is_not_the_cards_subject() -> None:
    """Round AW (route53 #20, "Amazon VPC ›"): 'you pay for the KMS key + KMS API calls' made KMS the subject of
    "max 2 KSKs per hosted zone"; "VPCs per private hosted zone" got "Amazon VPC ›" put before it."""
    qs = bank("DNSSEC — limits and gotchas\nA:\n- max 2 KSKs per hosted zone (for rotation)\n- cost: no extra Route 53 "
              "charge, you pay for the KMS key (~$1/month) + KMS API calls\n---\nHosted zone quotas\nA:\n"
              "| Quota | Default |\n|---|---|\n| VPCs per private hosted zone | 100 (adjustable) |\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert "KMS" not in stems["2"] and not stems["100"].startswith("Amazon VPC")


def test_round_aw_e_a_textbooks_numbered_example_and_a_size_written_32k() -> None:
    """Round AW (bigquery #4, #20; og #14): "Example 3.1: Estimating an on-demand bill" was asked, and
    "a 32k storage overhead" had the numerical key 32 ("Type the number")."""
    qs = bank("Example 3.1: Estimating an on-demand bill\nA:\nA query scans 2.5 TiB at $6.25 per TiB, costing "
              "approx $15.63 in total.\n---\nGlacier gotchas\nA:\n- There is also a 32k storage overhead per file.\n")
    assert not [q for q in accepted(qs) if q.answer in ("$6.25", "$15.63", "2.5 TiB")]
    numerical = [q for q in accepted(qs, "numerical") if "overhead" in q.stem]
    assert numerical and numerical[0].answer == "32 KB" and "unit" in numerical[0].stem


def test_round_ax_a_confluence_panels_macros_tables_and_breadcrumbs_read_as_rendered() -> None:
    """Round AX (gcs #4, #7, #13, #19): "ℹ️ Info:" and "⚠️ Warning:" stayed in stems, a page's breadcrumb
    "Cloud Wiki > GCP > Storage > …" was the card's title, and "||Class||SLA||" tables were not read."""
    qs = bank("Cloud Wiki > GCP > Storage > Cloud Storage > Autoclass\nWhat is Autoclass and how does it move objects?\nA:\n"
              "Bucket-level feature:\n- Standard → Nearline after 30 days without access\n"
              "Expand: details\n(/) done\n---\nCloud Wiki > GCP > Storage > Cloud Storage > Lifecycle\nA:\n"
              "ℹ️ Info: up to 100 lifecycle rules per bucket. [STATUS: VERIFIED]\n---\n"
              "Cloud Wiki > GCP > Storage > Cloud Storage > SLA\nA:\n||Class||Region SLA||\n|Standard|99.9%|\n|Nearline|99.0%|\n")
    good = accepted(qs)
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert {"30 days", "100", "99.9%", "99.0%"} <= set(stems)
    assert stems["30 days"].startswith("What is Autoclass")
    assert "Region SLA" in stems["99.9%"] and "Cloud Storage — SLA" in stems["99.9%"]
    assert not [q for q in good if re.search(r"ℹ|Info:|STATUS|Cloud Wiki|\|\||\(/\)|Expand", q.stem)]


def test_round_ax_b_github_footnotes_task_items_and_reference_links() -> None:
    """Round AX (digitalocean #1, #2): a footnote "[^1]: half of DO's $0.01/GiB" under a Linode card was asked
    with its "[^1]:"; task boxes and reference links are markup too."""
    qs = bank("Linode transfer pool overage\nA:\n- [x] $0.005 per GB over the pooled transfer[^1]\n"
              "- [ ] see [the docs][linode-transfer] for the pool size\n\n[^1]: half of DO's $0.01/GiB, nice.\n"
              "[linode-transfer]: https://example.org/transfer\n")
    good = accepted(qs)
    assert {q.answer for q in good} >= {"$0.005"} and "$0.01" not in {q.answer for q in good}
    assert not [q for q in good if re.search(r"\[\^|\[x\]|\[ \]|Footnote|linode-transfer", q.stem)]


def test_round_ax_c_italian_notes_restated_values_if_cases_and_examples() -> None:
    """Round AX (stepfunctions #7, #10, #11): "cioè 25 $ per milione" gave the price away, "se il tuo endpoint ci
    mette 6 secondi" and "es. ~150 TPS" are a case and an example, not limits."""
    qs = bank("Prezzo: Step Functions Standard\nA:\nPrezzo: 0,025 $ ogni 1.000 transizioni di stato (us-east-1), cioè "
              "25 $ per milione.\n---\nAPI destinations: limiti\nA:\n- timeout: 5 secondi\nAttenzione: se il tuo endpoint "
              "ci mette 6 secondi, EventBridge considera fallita l'invocazione.\n- le altre API hanno quote più basse, "
              "es. ~150 TPS\n")
    asked = {q.answer for q in accepted(qs)}
    assert "5 secondi" in asked and not asked & {"0,025", "6", "6 secondi", "~150 TPS", "150 TPS"}


def test_round_ax_d_no_shards_for_a_rate_the_card_says_does_not_add_up() -> None:
    """Round AX (og #17): "How many shards are needed for 22 reads per second?" where the card says the read limit
    "will remain at 5 reads per second on aggregate" with any number of shards."""
    calc = lambda text: [q.stem for q in accepted(bank(text), "calculated") if "needed" in q.stem]  # noqa: E731
    assert calc("Kinesis\nA:\n- Shards each only permit 5 reads per second.\n")
    assert not calc("Kinesis\nA:\n- Shards each only permit 5 reads per second. Your read limit will remain at "
                    "5 reads per second on aggregate.\n")


def test_round_ax_e_no_distractor_the_card_states_for_a_like_attribute_of_the_same_subject() -> None:
    """Round AX (azure #12): "Availability (Hot tier): _____" offered 99.99%, the card's own Hot-tier availability
    with RA-GRS reads, beside the key 99.9%: two right options."""
    qs = bank("Blob Storage - Summary of access tier options\nA:\n|  | Hot tier | Cool tier | Archive tier |\n"
              "|--|--|--|--|\n| Availability | 99.9% | 99% | Offline |\n| Availability (RA-GRS reads) | 99.99% | 99.9% | Offline |\n")
    hot = [q for q in accepted(qs, "multichoice") if q.stem.startswith("Blob Storage - Summary of access tier options › "
                                                                     "Availability (Hot tier)")]
    assert hot and "99.99%" not in {o.text for o in hot[0].options}
    assert {o.text for o in hot[0].options} >= {"99.9%"} and len(hot[0].options) == 4


def test_round_ax_f_a_multiple_whose_sentence_states_its_number_and_a_long_questions_list() -> None:
    """Round AX (kafka #7, #18, #20): "not paying _____ for replication (… hold 3 copies …)" gave 3x away, true or
    false alike; under a long "Customer says: …? → Answer?" title the list's heading "Dedicated still wins when
    they need:" was lost ("private networking other than _____")."""
    qs = bank("Replication factor in Confluent Cloud\nA:\n- pricing is on pre-replication bytes → they are not paying 3x "
              "for replication (vs MSK, where their EBS volumes hold 3 copies they pay for)\n"
              "- Dedicated costs about 2x Standard per partition.\n---\nCustomer says: \"Why would I pay for Dedicated if "
              "Standard scales automatically?\" → Answer?\nA:\nDedicated still wins when they need:\n"
              "- message sizes up to 20 MB\n- more than 4,096 partitions per cluster\n")
    good = accepted(qs)
    assert "2x" in {q.answer for q in good} and not [q for q in good if "3 copies" in q.stem]
    sizes = [q.stem for q in accepted(qs, "cloze") if q.answer == "20 MB"]
    assert sizes and sizes[0].startswith("Dedicated still wins when they need › ")


def test_round_ay_a_a_saved_chats_turns_are_questions_and_answers_and_a_taken_back_turn_is_not_asked() -> None:
    """Round AY (firebase 2/20): "Assistant:" stayed in stems and headed lists ("Assistant › _____"), a user's
    remark ("36 is oddly specific") was asked, and so was the assistant's 1 MB that the user corrected to 1 MiB."""
    qs = bank("Firestore max document size?\nA:\nUser: what's the max size of a Firestore document?\nAssistant: Typically "
              "a document can be up to 1 MB, as of my knowledge.\nUser: docs say 1 MiB actually\nAssistant: You're right. "
              "The limit is 1 MiB.\n---\nCloud Functions free tier (monthly)\nA:\nUser: what's free for Functions each "
              "month?\nAssistant: Typically the no-cost tier per month is:\n- 2,000,000 invocations\n- 5 GB of outbound "
              "data transfer\nUser: 36 is oddly specific\nAssistant: and after that, invocations are $0.40 per million.\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"1 MiB", "2,000,000", "5 GB", "$0.40"} <= asked and not asked & {"1 MB", "36"}
    assert not [q for q in good if re.search(r"Assistant|User|Quoted|› A ›|^A ›", q.stem)]


def test_round_ay_b_a_quiz_answer_keys_points_wrong_answers_and_grader_notes_are_not_asked() -> None:
    """Round AY (snowflake 0/20): "(2 pts)" stayed in stems; "Common wrong answer: 16 MB", "Accept:", "Grader
    note: 1 pt for …" and "Total: 105 pts" were asked, the wrong answers as keys."""
    qs = bank("ANSWER KEY — Unit 6 Quiz\nTotal: 105 pts (+4 bonus).\n---\n12. What is the size range of a micro-partition? "
              "(2 pts)\nA:\nAnswer: 50 MB to 500 MB of uncompressed data.\nAccept: \"50-500 MB\"\nCommon wrong answer: 16 MB "
              "(students confuse it with the block size)\nGrader note: 1 pt for each end of the range.\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"50 MB", "500 MB"} <= asked and not asked & {"16 MB", "105", "1", "50-500 MB"}
    assert not [q for q in good if re.search(r"pts?\b|Accept|Grader|wrong answer", q.stem)]


def test_round_ay_c_pointers_into_the_notes_and_blank_labels_that_are_their_answers() -> None:
    """Round AY (ses-sns #4, #5, #14): "(the single-message limit of Section 3.2)" and "(Table 3)" point to notes
    the learner cannot see; "SignatureVersion _____ (1) or _____ (2)" is keyed 1 and 2."""
    qs = bank("SNS message size\nA:\nThe payload limit is 256 KB (the single-message limit of Section 3.2) for SNS.\n"
              "SNS topics allow up to 100 subscriptions per FIFO topic.\n---\nSNS signatures\nA:\nSNS signs messages with "
              "SignatureVersion 1 (SHA1) or 2 (SHA256).\n")
    asked = {q.answer for q in accepted(qs)}
    assert "100" in asked and "256 KB" not in asked
    assert not [q for q in accepted(qs, "multi_cloze") if "Signature" in q.stem]


def test_round_az_a_a_git_log_reads_as_the_notes_it_changed() -> None:
    """Round AZ (cloudrun #7, #8, #12): commit headers, "fix: …" and a reverted message stayed in stems, and a
    diff's "-" line (the old value) was asked like its "+" line."""
    qs = bank("Cloud Run request timeout — default and max?\nA:\ncommit bdf36c6\nAuthor: Dana <d@example.org>\n"
              "Date:   Tue Nov 17 21:14:58 2020 +0100\n\n    fix: cloud run max timeout is 60 min not 15\n\n"
              "--- a/cloudrun.md\n+++ b/cloudrun.md\n-timeout: default 300s, max 900s\n+timeout: default 300s, max 3600s\n"
              "---\nApp Engine F4_1G memory\nA:\ncommit 9eaa4f1\nAuthor: Dana <d@example.org>\nDate:   Mon Jan 4 2021\n\n"
              "    Revert \"F4_1G is 4 GB now\"\n    F4_1G has 3072 MB of memory.\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"3600s", "300s", "3072 MB"} <= asked and not asked & {"900s", "4 GB"}
    assert not [q for q in good if re.search(r"commit|Author|Date|fix:|Revert|a/cloudrun|^\+|› [-+]", q.stem)]


def test_round_az_b_a_requirements_documents_own_targets_and_filing_tags_are_not_the_subjects() -> None:
    """Round AZ (github-actions #9, #16, #18; paas titles): "NFR-1: Any job MUST finish in < 5 h", "Acceptance
    criteria: measured over 2 weeks" and "Rationale: our suite runs ~4h40m" were asked; titles kept "C-1:" and
    "[MACRO]", and "Internal note:" stayed in stems."""
    qs = bank("C-1: Job execution time limit\nA:\nEach job on a GitHub-hosted runner can run for 6 hours.\nNFR-1: Any job "
              "MUST finish in < 5 h (1 h safety margin below C-1).\nRationale: our nightly suite runs ~4h40m today.\n"
              "Acceptance criteria:\n- measured over 2 weeks after cutover\n---\n[MACRO] R10 Boot timeout\nA:\n"
              "Hi {{customer_name}},\nYour web dyno must bind to the port within 60 seconds of starting.\n"
              "Internal note: the router waits up to 75 s for a booting dyno.\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"6 hours", "60 seconds", "75 s"} <= asked and not asked & {"5 h", "1 h", "2 weeks"}
    assert not [q for q in good if re.search(r"C-1:|\[MACRO\]|Internal note|Rationale", q.stem)]


def test_round_ba_a_a_trello_cards_fields_and_comments_and_the_teams_own_figures() -> None:
    """Round BA (vercel #2, #14-#18): "Marco (Feb 14): we did ~180 GB last month on the VPS", "Our Gatsby build is
    ~9 min" and "Our 300 MB product video" were asked; Trello's "List:", "Labels:", "Description:" are fields."""
    qs = bank("Netlify build timeout\nA:\nList: Done\nLabels: netlify, limits\nDescription: builds fail after 15 min by "
              "default. Our Gatsby build is ~9 min so ok for now.\nChecklist (1/2):\n- [x] max single static file: 100 MB on "
              "Hobby\nComments:\nMarco (Feb 14): we did ~180 GB last month on the VPS, Hobby would blow up.\n"
              "Jo (Mar 3): the Pro plan includes 1 TB of bandwidth.\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"15 min", "100 MB", "1 TB"} <= asked and not asked & {"9 min", "180 GB"}
    assert not [q for q in good if re.search(r"List:|Labels|Description|Checklist|Marco|Jo \(", q.stem)]


def test_round_ba_b_outline_nodes_line_comments_and_examples_titled_in_other_languages() -> None:
    """Round BA (ibm #3, #10; container apps #2, #20; rds #14): tab-indented outline nodes were joined ("… on a date
    up to _____ rules per bucket"), a "//" line comment kept its slashes, and "Przykład - …" (example) was asked."""
    qs = bank("Expiration (lifecycle) rules\nA:\n\tdelete objects N days after creation or on a date\n"
              "\tup to 1000 rules per bucket\n---\nsecrets + key vault refs\nA:\n// ACA refreshes secrets within ~30 min\n"
              "---\nPrzykład - RDS MySQL db.m5.large Multi-AZ\nA:\nrazem: ok. 272,66 USD miesięcznie\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["1000"].endswith("› up to _____ rules per bucket")
    assert "30 min" in stems and "//" not in stems["30 min"]
    assert "272,66 USD" not in stems


def test_round_bb_a_a_talks_live_notes_timestamps_slides_and_quoted_speaker() -> None:
    """Round BB (pub/sub talk notes: 51 of 651 accepted): '[14:04] slide: "Max message size: 10 MB"' and a speaker's
    words quoted whole were rejected as values inside a quotation, and "[14:04]" stayed in stems."""
    qs = bank("Pub/Sub: max message size?\nA:\n[14:04] slide: \"Max message size: 10 MB\"\n[14:05] \"the ack deadline "
              "defaults to 10 s and can go up to 600 s\"\n[14:06] Q from audience: what about attributes?\n[14:06] A: max "
              "100 attributes per message\n---\nAgenda\nA:\n[14:00] Room 3B, standing room only.\n[14:01] slide: "
              "\"Agenda: 1) limits 2) pricing\"\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"10 MB", "600 s", "100"} <= asked
    assert not [q for q in good if re.search(r"\[14:|slide:|\"", q.stem)]


def test_round_bb_b_spreadsheet_rows_pasted_with_cell_references_and_formulas() -> None:
    """Round BB (k8s sheet 0/20): rows like "B4 | Max pods per node (GKE) | 110 | =MIN(110, 256/2) | …" were asked
    with their cell references, semicolons and formulas ("=_____^(32-28)"), and "#N/A" rows too."""
    qs = bank("Max pods per node on GKE Standard, default?\nA:\nCell | Item | Value | Formula | Comment\n"
              "B4 | Max pods per node (GKE Standard, default) | 110 | =MIN(110, 256/2) | default pod range is a /24\n"
              "B5 | Max pods per node (GKE Standard, configurable max) | 256 | 256 | GKE >= 1.23\n"
              "B14 | Autopilot cluster location type | #N/A | #N/A | always regional\n---\nGKE node pools\nA:\n"
              "B15 | Nodes per node pool, per zone (GKE) | 1000 | 1000 | regional pool across zones\n"
              "B16 | Regional node pool max | 3000 | =B15*3 | assumes 3 zones\n")
    good = accepted(qs)
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert {"110", "256", "1000"} <= set(stems)
    assert "› Max pods per node (GKE Standard, default): _____." in stems["110"]
    assert not [q for q in good if re.search(r"\bB\d+\b|=MIN|#N/A|\|", q.stem)]


def test_round_bb_c_a_value_restated_in_brackets_in_japanese_units() -> None:
    """Round BB (cosmos #4, #11): "720 hours (_____ 日)" asked 30 days from 720 hours, and "_____ (4 時間)" 240
    minutes with 4 hours beside it."""
    qs = bank("Periodic backup\nA:\n- retention: 8 hours 〜 720 hours (30 日)\n- backup interval: 240 minutes (4 時間) ごと\n"
              "- max item size is 2 MB\n")
    asked = {q.answer for q in accepted(qs)}
    assert "2 MB" in asked and not asked & {"30", "30 日", "4 時間"}
    # (asked with its restatement dropped from the stem: "backup interval: _____ ごと")
    assert not [q for q in accepted(qs) if q.answer in ("240 minutes", "720 hours") and re.search("日|時間", q.stem)]


def test_round_bb_d_a_cram_list_and_a_one_that_each_unit_after_it_gives_away() -> None:
    """Round BB (glue #11: "Last-minute numbers › $5/TB, _____ min") and AY (og #10: "Under _____, throughput can go up
    to 100 MiB/s. Above that, 100 MiB/s is added for each stored TiB" keyed 1 TiB)."""
    qs = bank("Last-minute numbers\nA:\n$5/TB, 10 MB min per Athena query\n---\nEFS performance\nA:\n- Under 1 TiB, "
              "throughput can go up to 100 MiB/s. Above that, 100 MiB/s is added for each stored TiB.\n"
              "- Maximum throughput per EC2 instance is 250 MiB/s.\n")
    asked = {q.answer for q in accepted(qs)}
    assert "250 MiB/s" in asked and not asked & {"10 MB", "1 TiB", "$5"}


def test_round_bc_a_cost_memos_own_assumptions_and_scenario_results() -> None:
    """Round BC (r2-vs-s3 #9, #12, #14, #17, #20): "Assumptions: (workload B) › Writes: _____/month", "Finding 1:
    Egress is ~_____ of our current S3 bill (workload A)" and the memo's computed totals were asked."""
    qs = bank("Assumptions: (workload B — backup archive)\nA:\n- Stored: 100 TB\n- Writes: 1 million/month\n---\n"
              "Finding 1: Egress is ~82% of our current S3 bill (workload A)\nA:\n- R2 charges $0 per GB of egress.\n"
              "---\nSummary table — Workload A (monthly, list price)\nA:\n| Provider | total |\n|---|---|\n| Wasabi | $69.90 |\n"
              "---\nR2 pricing\nA:\n- Class A operations: $4.50 per million\n")
    asked = {q.answer for q in accepted(qs)}
    assert "$4.50" in asked and not asked & {"100 TB", "1 million", "82%", "$69.90"}


def test_round_bd_a_an_anki_cloze_export_pasted_as_text() -> None:
    """Round BD (servicebus, 0/20): "{{c1::256 KB}}" deletions blocked every fact on them, and the "Extra:" field's
    label and a "tags: azure::servicebus limits" line showed in stems."""
    qs = bank("Service Bus - max message size per tier\nA:\nBasic / Standard: {{c1::256 KB}}<br>\n"
              "Premium: {{c2::100 MB::size}}\nExtra: Premium entity default is 1 MB, raise it per entity.\n"
              "tags: azure::servicebus limits\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert {"256 KB", "100 MB", "1 MB"} <= set(stems)
    assert stems["100 MB"] == "Service Bus - max message size per tier › Premium: _____"
    assert not [q for q in accepted(qs) if re.search(r"\{\{|::|Extra:|tags", q.stem)]


def test_round_bd_b_asciidoc_titles_blocks_tables_links_and_attributes() -> None:
    """Round BD (kinesis, 4/20): AsciiDoc's "{kds}" attribute references, "== Section" titles, "[NOTE]"/"===="
    blocks, "|===" tables, "[[anchor]]"s, "<<anchor>>" links and "+literal+" text showed raw in stems."""
    qs = bank("Kinesis notes - attributes\n:kds: Kinesis Data Streams\n:fh: Amazon Data Firehose\nSections: <<kds-limits>>.\n"
              "---\n[[kds-limits]]\nWhat is the write throughput of a {kds} shard?\nA:\n== Shard write limit\n"
              "* *1 MB/s* of data, *or*\n* *1,000 records/s*\n\n[NOTE]\n====\nGoing over returns +ProvisionedThroughputExceeded+.\n"
              "====\n---\nPutRecords batch limits\nA:\n[cols=\"1,2\"]\n|===\n|Limit |Value\n\n|Records per request |500\n"
              "|Max total request size |5 MB\n|===\nSee <<fh-buffering,buffering>> for {fh}.\n---\n"
              "{fh} record size\nA:\nTIP: a record is at most *1,000 KiB* before base64, see xref:#fh-limits[the limits].\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert {"1 MB/s", "500", "5 MB", "1,000 KiB"} <= set(stems)
    assert stems["500"] == "PutRecords batch limits › Records per request: _____"
    assert stems["1 MB/s"].startswith("What is the write throughput of a Kinesis Data Streams shard? ›")
    assert stems["1,000 KiB"].startswith("Amazon Data Firehose record size ›") and "the limits" in stems["1,000 KiB"]
    assert not [q for q in accepted(qs) if re.search(r"[{}]|==|\[\[|<<|\|===|\+\w|\[NOTE|cols=|xref", q.stem)]


def test_round_bd_c_a_question_title_led_by_its_topic_heads_the_cards_notes() -> None:
    """Round BD (servicebus #8, #18, #19): "Service Bus - sessions, what do they give you?" gave way to "Azure Service
    Bus" over a later note ("needed for request/response … SessionId max _____ chars"): sessions went unnamed."""
    qs = bank("Service Bus - sessions, what do they give you?\nA:\nFIFO ordering per SessionId + session state storage\n"
              "One receiver holds a session lock at a time\nNot in Basic tier. SessionId max 128 chars\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["128"].startswith("Service Bus - sessions › ")


def test_round_bd_d_a_title_counting_its_own_list() -> None:
    """Round BD (servicebus #5, #12): "Service Bus - _____ receive modes" asked how many items the notes list."""
    qs = bank("Service Bus - two receive modes\nA:\nPeek-lock (default): message locked for 30 seconds\n"
              "Receive-and-delete: message removed as soon as it's received\n")
    asked = {q.answer for q in accepted(qs)}
    assert "30 seconds" in asked and "two" not in asked


def test_round_bd_e_prices_beside_names_with_underscores_are_no_latex() -> None:
    """Round BD (gcp #15): "F4 $0.20, F4_1G $0.30" was read as a LaTeX span ("$0.20, F4_1G $": a subscript), and the
    stem lost its dollar signs ("F4 0.20, F4_1G0.30")."""
    qs = bank("App Engine summary\nA:\n- F1 $0.05/h (384 MB, 600 MHz), F2 $0.10, F4 $0.20, F4_1G $0.30, B8 $0.40\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert "F4 $0.20, F4_1G $0.30" in stems["$0.10"]


def test_round_bd_f_a_table_whose_classes_look_like_cells_and_whose_header_has_an_ordinal() -> None:
    """Round BD (gcp #14, #17, #18): "| B1 | 384 MB | 600 MHz |" under "| class | memory (2nd gen runtime) | CPU |"
    was read as a spreadsheet row ("384 MB: 600 MHz."): B1 and the headers were lost."""
    qs = bank("App Engine B instance classes\nA:\n| class | memory (2nd gen runtime) | CPU |\n| B1 | 384 MB | 600 MHz |\n"
              "| B2 (default) | 768 MB | 1.2 GHz |\n| B4 | 1,536 MB | 2.4 GHz |\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["600"] == "App Engine B instance classes › B1 (CPU): _____ MHz"
    assert not [q for q in accepted(qs) if re.search(r"\d MB: \d", q.stem)]


def test_round_be_a_notes_kept_as_ini_or_toml_config() -> None:
    """Round BE (apigw #2, #16, #20): "[free_tier] ; 12 months …" and "[api_gateway.rest]" sections, "key = value ;
    comment" lines and "# comment" lines showed raw or ran into the key below, and '"Too Many Requests"' after a
    status code did not stop a distractor of 644."""
    qs = bank("[api_gateway.rest] integration timeout\nA:\n[api_gateway.rest]\nintegration_timeout_max = 29 s ; hard ceiling\n"
              "protocols = [\"REST\", \"HTTP\"]\n# Lambda keeps running (up to its own timeout) - API GW just gives up waiting\n"
              "tip = \"long jobs -> return 202 + poll\"\n---\nThrottling\nA:\n[api_gateway.throttling]\n"
              "burst = 5000 ; token bucket size\nerror = 429 ; \"Too Many Requests\"\n---\nFree tier\nA:\n"
              "[free_tier] ; 12 months from account creation\nrest_calls = 1000000 ; per month\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["29 s"] == "api gateway rest integration timeout › integration timeout max: _____; hard ceiling"
    assert stems["12 months"] == "Free tier › free tier: _____ from account creation"
    assert "5000" in stems
    # "429 ; \"Too Many Requests\"": a status code (its false value in a true/false one too), and since round BH a
    # blank before its name is not asked at all
    shown = {str(q.get("shown")) for q in qs if q.type == "truefalse" and "Too Many" in q.stem}
    assert shown and all(v.isdigit() and 400 <= int(v) < 600 for v in shown)
    assert "429" not in {q.answer for q in accepted(qs)}
    assert not [q for q in accepted(qs) if re.search(r"\[\w|[a-z]_[a-z]| = |tip:", q.stem)]


def test_round_be_b_a_bullet_journals_signifiers_and_day_headings() -> None:
    """Round BE (bigtable, 0/20): "– reads: …" and "! HDD reads are 20x worse" kept their signifiers, a day's
    heading "12/03 Tue" stood over its notes, and "01/06 Mon" was asked."""
    qs = bank("Throughput per node — HDD guidance\nA:\n12/03 Tue\n– reads: ~500 rows/s per node\n"
              "– scans: ~180 MB/s per node\n! HDD writes peak at 10,000 rows/s per node\n---\n01/07 Tue — Memorystore sizes\n"
              "A:\n– capacity: 1 GB to 300 GB per instance\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["180 MB/s"] == "Throughput per node — HDD guidance › scans: ~_____ per node"
    assert stems["10,000"].startswith("Throughput per node — HDD guidance › HDD writes")
    assert stems["300 GB"].startswith("Memorystore sizes › ")
    assert not [q for q in accepted(qs) if re.search(r"[–!]|\d\d/\d\d|Tue", q.stem)]


def test_round_be_c_a_runbooks_expected_outcome_and_rollback() -> None:
    """Round BE (cloudfront #12, #14): "Rollback: _____." and "Expected: root cause identified within _____" asked
    the procedure's own undo step and target."""
    qs = bank("SOP-CF-005 — Adjust origin keep-alive timeout\nA:\n1. Origins → Edit → Keep-alive timeout.\n"
              "2. Default 5 s, range 1–60 s.\nExpected: root cause identified within 15 min.\nRollback: 5 s.\n")
    asked = {q.answer for q in accepted(qs)}
    assert "60 s" in asked and "15 min" not in asked
    assert not [q for q in accepted(qs) if "Rollback" in q.stem or "Expected" in q.stem]


def test_round_bf_a_csv_rows_under_their_header() -> None:
    """Round BF (elasticache, 6/20): rows kept as CSV ("read replicas,5,nodes,\\"up to 5, per shard\\"") under a
    "limit,value,unit,notes" header were asked raw, commas, quotes and all, with no header to say what they are."""
    qs = bank("Redis OSS cluster mode enabled - sizing\nA:\nlimit,value,unit,notes\n"
              "shards per cluster,500,shards,\"max, needs Redis OSS 5.0.6+\"\nreplicas per shard,5,nodes,\"0 to 5, per shard\"\n"
              "nodes per cluster (default quota),90,nodes,adjustable\n---\nAuto Discovery\nA:\n"
              "Clients poll the endpoint, learn the node list, and reconnect within 60 seconds.\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert {"500", "5", "90", "60 seconds"} <= set(stems)
    assert stems["90"].startswith("Redis OSS cluster mode enabled - sizing › nodes per cluster (default quota)")
    assert not [q for q in accepted(qs) if re.search(r"\w,\w|,_|_,|\"", q.stem)]


def test_round_bf_b_a_mermaid_diagrams_labels_and_a_fence_after_a_colon() -> None:
    """Round BF (dataflow, 4/20): a "```mermaid" diagram's syntax was asked raw ("S -->|max 10 MB graph| D[…]"), and
    every fence of a card with a colon lost a backtick ("```" read as an rST "``literal``"), so code was no code."""
    qs = bank("Job graph too large\nA:\n```mermaid\nflowchart LR\n  S[SDK submits pipeline] -->|max 10 MB graph| D[Dataflow service]\n"
              "  D --> W[Workers: max 2000 per job]\n```\n- usual culprits: huge number of steps\n---\nFlexRS\nA:\n```mermaid\n"
              "sequenceDiagram\n  participant U as User\n  participant Q as Dataflow queue\n  U->>Q: submit batch job\n"
              "  Note over Q: delayed start, up to 6 hours\n```\n---\nInit actions\nA:\nDefault: 10 min per action.\n```bash\n"
              "gcloud dataproc clusters create c1 --num-workers 7\n```\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["10 MB"] == "Job graph too large › SDK submits pipeline → Dataflow service: max _____ graph"
    assert stems["2000"] == "Job graph too large › Workers: max _____ per job"
    assert "6 hours" in stems and "10 min" in stems and "7" not in stems
    assert not [q for q in accepted(qs) if re.search(r"-->|\[|flowchart|Note over|`", q.stem)]


def test_round_bg_a_footnotes_marked_with_superscripts() -> None:
    """Round BG (firestore #20): "1 MiB¹" kept its mark in stems ("_____¹"), and a footnote under the table ("¹ …")
    was asked as a line of the notes."""
    qs = bank("Core document limits\nA:\n| Limit | Value |\n|---|---|\n| Max document size | 1 MiB¹ |\n"
              "| Max depth of fields | 20² |\nFootnotes:\n¹ 1,048,576 bytes, includes field names\n"
              "² each map level adds one; storing a boolean takes 1 byte\n---\nArea\nA:\n- A rack takes 2 m² of floor per 40 servers\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["1 MiB"] == "Core document limits › Max document size: _____"
    assert stems["20"] == "Core document limits › Max depth of fields: _____"
    assert not {"1,048,576 bytes", "1 byte"} & set(stems)
    assert not [q for q in accepted(qs) if q.card_index == 0 and re.search("[¹²]|Footnote", q.stem)]
    assert any("2 m²" in q.stem for q in accepted(qs) if q.card_index == 1)    # no footnote under it: an exponent stays


def test_round_bg_b_numbers_spoken_in_words() -> None:
    """Round BG (secrets #5, #7): a voice memo's "sixty-four kilobytes" and "three hundred seconds" were read word by
    word ("_____-four hours", "_____ hundred seconds, five minutes"), "half a million" gave "a million", and "_____
    days. one thousand." said its answer again."""
    qs = bank("memo — secret size\nA:\nokay so the max size of a secret value is sixty-four kilobytes.\n"
              "default cache TTL is three hundred seconds.\nversions created less than twenty-four hours ago are kept.\n"
              "five hundred thousand secrets per region. half a million.\n---\nmemo — rotation\nA:\n"
              "rotation can run every four hours at the fastest, and the upper end is a thousand days. one thousand.\n")
    facts = {(f.text, f.value) for cf in extract(parse_deck(
        "m\nA:\nthe max size is sixty-four kilobytes, TTL three hundred seconds, half a million secrets\n").cards) for f in cf.facts}
    assert ("sixty-four kilobytes", 65536.0) in facts and ("three hundred seconds", 300.0) in facts
    assert not [f for f in facts if f[1] == 1e6]
    shown = [q.stem for q in accepted(qs)]
    assert not [s for s in shown if re.search(r"_____[- ](?:four|hundred|thousand)|\b(?:sixty|three|five)[- ]_____", s)]
    assert not [q for q in accepted(qs, "cloze") if "upper end is _____" in q.stem]


def test_round_bg_c_a_slide_decks_titles_example_slides_and_speaker_notes() -> None:
    """Round BG (app service #4, #12, #13, #18, #20): "Slide 16 — Example rule set" hid that its values are an
    example, "Speaker notes:" opened a stem, and the brown-bag talk's own "~45 min" was asked."""
    qs = bank("Slide 1 — App Service intro\n- internal brown-bag talk, ~45 min + Q&A\n---\nTypical autoscale rules\nA:\n"
              "Slide 16 — Example rule set\n- scale out +1 when avg CPU > 70% over 10 min\n- min 2, max 10\n---\nFree tier\nA:\n"
              "Slide 5 — Free F1\n[image: diagram of the plans]\n- 60 CPU minutes per day\nSpeaker notes: F1 has 1 GB of RAM.\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"60 CPU minutes", "1 GB"} <= asked or {"60", "1 GB"} <= asked
    assert not asked & {"45 min", "70%", "10 min", "2", "10"}
    assert not [q for q in accepted(qs) if re.search(r"Slide \d|Speaker notes:|\[image", q.stem)]


def test_round_bf_c_a_value_its_sentence_works_out_whatever_the_units() -> None:
    """Round BF (ebs #15): "max 500 IOPS per GiB -> _____ needs at least 32 GiB" keyed 16,000 IOPS: 500 × 32, but
    the reader's canonical values of "per GiB" and "GiB" did not multiply back, so the sentence's arithmetic
    went unseen."""
    qs = bank("gp3 ratios\nA:\n- max 500 IOPS per GiB -> 16,000 IOPS needs at least 32 GiB\n"
              "- gp3 baseline is 3,000 IOPS and 125 MiB/s\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"3,000 IOPS", "125 MiB/s"} <= asked and not asked & {"16,000 IOPS", "500 IOPS", "32 GiB"}


def test_round_bh_a_latex_beamer_frames_lists_and_siunitx() -> None:
    """Round BH (cognito, 0/20): a beamer deck pasted as source kept "\\begin{frame}{…}", "\\item", "\\textbf{…}",
    "\\SI{7}{\\day}" and "\\num{1224}" in every stem."""
    qs = bank("\\begin{frame}{Token validity -- refresh token}\nA:\n\\begin{itemize}\n"
              "  \\item range \\SI{60}{\\minute} to \\alert{\\SI{10}{\\year}}\n  \\item default \\SI{1}{\\day}\n"
              "  \\item up to \\num{10000} groups per \\textbf{user pool}\n\\end{itemize}\n% checked in the console\n"
              "\\end{frame}\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["10000"] == "Token validity – refresh token › up to _____ groups per user pool"
    assert "1 day" in stems and "60 min" in stems
    assert not [q for q in accepted(qs) if re.search(r"\\\\|\{|\}|%", q.stem)]


def test_round_bh_b_a_revision_sheets_own_blanks_are_filled_with_their_answers() -> None:
    """Round BH (load balancing, 7/20): a sheet written with its own blanks ("timeout is ____ (30 s)", "(1) interval
    ____" with "Answers: 1) 5 s …") was asked with its blanks and brackets ("from ____ (_____ (1)) up to …") and its
    answers line ("Answers: 1 ___ 2 $0.010") as a sentence."""
    qs = bank("Backend service timeout\nA:\nThe default backend service timeout is ____ (30 s).\n"
              "Connection draining timeout range is ____ (0) to ____ (3,600) seconds.\n---\nHealth check defaults\nA:\n"
              "(1) check interval ____\n(2) healthy threshold ____ consecutive successes\n"
              "(3) overridden per route in the ____ (path matcher)\nAnswers: 1) 5 s 2) 2 3) URL map\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["30 s"] == "Backend service timeout › The default backend service timeout is _____."
    assert stems["3,600 seconds"].endswith("range is 0 to _____.") and stems["5 s"].endswith("check interval _____")
    assert not [q for q in accepted(qs) if re.search(r"Answers|_{5}\s*\(|_{3,}[^_]*_{3,}", q.stem.replace("_____", "", 1))]


def test_round_bh_c_an_indonesian_range_and_a_status_named_after_its_code() -> None:
    """Round BH (eventbridge #10, #18; queues #1, #16): "0 s/d 185" (Indonesian "to") was read as 0 seconds per
    day ("_____/d 185" keyed 0 s), and "-> _____ Conflict" asked 409 beside its own name."""
    qs = bank("Retry policy\nA:\n- percobaan ulang: 0 s/d 185 kali\n- jendela: 1 s/d 1440 menit\n- maksimal 5 target per rule\n"
              "---\nTable errors\nA:\n- Insert Entity on an existing key -> 409 Conflict\n- batch over 100 entities fails\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"5", "100"} <= asked and not asked & {"0 s", "1 s", "409"}
    assert not [q for q in accepted(qs) if "_____/d" in q.stem]


def test_round_bi_a_a_quiz_bank_in_moodles_gift_format() -> None:
    """Round BI (cloud tasks, 4/20): GIFT questions ("::Q01 Task size:: …", "{=1 MB ~100 KB ~10 MB}", "{#31}") were
    asked with their syntax, and their wrong options were keyed as answers."""
    qs = bank("::Q01 Task size:: What is the maximum size of a single task?\nA:\n{\n=1 MB#Correct. Same for every target.\n"
              "~100 KB#No - that was the old Task Queue limit.\n~10 MB#Too big.\n}\n---\n"
              "::Q03 Schedule ahead:: How far ahead can you set a task's scheduleTime?\nA:\n{=30 days ~31 days ~7 days ~1 year}\n"
              "---\n::Q02 Retention:: How many days can a task stay in a queue (max task retention)?\nA:\n{#31}\n"
              "#Counted from the time the task was added.\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["1 MB"] == "What is the maximum size of a single task? › _____"
    assert "30 days" in stems
    assert not {q.answer for q in accepted(qs)} & {"100 KB", "10 MB", "7 days", "1 year"}
    assert not [q for q in accepted(qs) if re.search(r"::|\{|~|=\d|#", q.stem)]


def test_round_bi_b_collapsible_answers_bold_values_and_a_hugo_page() -> None:
    """Round BI (opensearch, front door): "<summary>Answer</summary>" stood between a question and its answer (the
    title gave way to a guessed subject), "**80** data nodes" was no quantity, and a Hugo page's "+++" front matter
    and '{{< tab header="Premium" >}}' shortcodes showed in stems."""
    qs = bank("What's the default max number of data nodes in a single OpenSearch Service domain?\nA:\n"
              "<details><summary>Answer</summary>\n- **80** data nodes per domain by default\n</details>\n---\n"
              "+++\ntitle = \"Tiers\"\nweight = 10\n+++\n## What is the monthly base fee for Front Door?\nA:\n"
              "{{< tabpane >}}\n{{< tab header=\"Standard\" >}}\n- base fee $35 / month per profile\n{{< /tab >}}\n"
              "{{< tab header=\"Premium\" >}}\n- base fee $330 / month per profile\n{{< /tab >}}\n{{< /tabpane >}}\n"
              "See the [limits]({{< ref \"limits.md\" >}}) page: 25 endpoints per profile.\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["80"].startswith("What's the default max number of data nodes in a single OpenSearch Service domain? ›")
    assert stems["$330"].endswith("Front Door › Premium › base fee _____ / month per profile")
    assert not [q for q in accepted(qs) if re.search(r"\+\+\+|\{\{|\*\*|weight|Answer ›|\]\(", q.stem)]


def test_round_bj_a_a_querys_let_constants_with_comments() -> None:
    """Round BJ (log analytics #1, #2, #9, #20): KQL notes' "let paygPerGB = 2.30;   // $/GB ingested" were asked as
    code ("let paygPerGB = _____;;"), its comment run into the value."""
    qs = bank("Retention - the numbers\nA:\nlet freeAnalytics = 31;      // days included for Analytics tables\n"
              "let maxInteractive = 730;    // 2 years interactive retention\n---\nCommitment tiers\nA:\n"
              "let tierGBPerDay = 100;   // smallest commitment tier, GB per day\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["31"] == "Retention - the numbers › free analytics: _____; days included for Analytics tables"
    assert stems["100"] == "Commitment tiers › tier GB per day: _____; smallest commitment tier, GB per day"
    assert not [q for q in accepted(qs) if re.search(r"\blet\b|;;|//|[a-z][A-Z]", q.stem)]


def test_round_bk_a_a_mail_thread_with_its_subject_over_the_sender() -> None:
    """Round BK (oracle, 17 of 20 rejected): mails written "Subject:" over "From: Name <address>" showed both
    headers in every stem, the "> " lines quoting the mail replied to were asked as facts, and the "-- " signature
    stayed."""
    qs = bank("Subject: Re: the two tiny AMD VMs\nFrom: Tomasz W <tomasz@example.org>\nA:\n> 2x VM.Standard.E2.1.Micro\n"
              "> 1/8 OCPU each, 1 GB RAM\nUp to 480 Mbps network bandwidth per VM.\n-- T.\n---\n"
              "Subject: object size limits\nFrom: Priya Nair <priya@example.org>\n"
              "- single PUT upload max 50 GiB -> above that use multipart\n--\nPriya Nair | platform eng, 2 teams\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["480"] == "the two tiny AMD VMs › Up to _____ Mbps network bandwidth per VM."
    assert stems["50 GiB"].startswith("object size limits › single PUT upload max _____")
    assert not {q.answer for q in accepted(qs)} & {"2x", "1/8", "1 GB", "2"}
    assert not [q for q in accepted(qs) if re.search(r"Subject|From|Re:|@|(?<!-)>|--", q.stem)]


def test_round_bk_b_decimal_commas_a_threads_pointers_and_guessed_or_own_values() -> None:
    """Round BK (twilio #18, github #19, snowflake #14, #17, oracle #6, twilio #13): "0,0025 USD" was read as 25 USD
    ("0,_____ / min"), "(see 39/)" points at another post of a thread, "contact sales (~$6)" and "- double check,
    they change" guess, and "My own cost checklist (for work)" and "Checklist do projektu" are the author's rules."""
    qs = bank("Cennik Voice\nA:\n- nagrywanie: 0,0025 USD / min\n- carrier fee ok. 0,003 USD/SMS\n"
              "- self-hosted: free (see 39/ for the 2026 drama)\n- VPS: contact sales (~$6)\n"
              "- ECPU ~ $0.336 per ECPU-hour - double check, they change\n- Standard: $2.00 per credit\n---\n"
              "My own cost checklist (for work)\n- every WH: AUTO_SUSPEND at most 60 s except BI (600)\n---\n"
              "Checklist do projektu\n- Webhook odpowiada < 20 s\n")
    good = accepted(qs)
    assert {"0,0025 USD", "0,003 USD", "$2.00"} <= {q.answer for q in good}
    assert {round(q.answer_value or 0, 4) for q in good if q.answer.startswith("0,")} == {0.0025, 0.003}
    assert not {q.answer for q in good} & {"0025 USD", "3 USD", "39", "$6", "$0.336", "60 s", "600", "20 s"}


def test_round_bk_c_a_table_column_converted_from_another_and_a_notebooks_cells() -> None:
    """Round BK (snowflake #19): a "credits/second" column is the "credits/hour" column divided by 3,600, and a
    notebook's "In [17]:" code ("rates = {"std": 2.0}") and "Out[17]:" output were read as notes."""
    qs = bank("Warehouse sizes and credits\nA:\n| size | credits/hour | credits/second |\n|---|---|---|\n"
              "| X-Small | 1 | 0.0003 |\n| Small | 2 | 0.0006 |\n| Medium | 4 | 0.0011 |\n| Large | 8 | 0.0022 |\n---\n"
              "Instance sizes\nA:\n| size | vCPU | memory GiB |\n|---|---|---|\n| large | 2 | 8 |\n| xlarge | 4 | 16 |\n"
              "| 2xlarge | 8 | 32 |\n---\nCredit price per edition\nA:\n- Enterprise: $3.00 per credit\nIn [17]:\n"
              "rates = {\"std\": 2.0, \"ent\": 3.0}\ncredits = 4 * 8 * 22   # Medium, 8h/day\nOut[17]:\n"
              "{'std': 1408.0, 'ent': 2112.0}\n\n- Business Critical: $4.00 per credit\n")
    asked = {q.answer for q in accepted(qs, "cloze")}
    assert {"1", "2", "4", "8", "16", "32", "$3.00", "$4.00"} <= asked
    assert not asked & {"0.0003", "0.0006", "0.0011", "0.0022", "2.0", "3.0", "1408.0", "22"}


def test_round_bl_a_a_worked_equation_a_bracket_in_other_units_and_an_indented_aligned_table() -> None:
    """Round BL (kafka #1, #6, #11, #13, #14, #16; cloudflare #8): "4,096 pre-repl. = _____ replicas" works the
    value out (the abbreviation's dot hid the equation), "offset.flush.interval.ms = _____ (1 min)" and
    "before: _____ (1 d)" give it in another unit, and an aligned table indented as a whole lost its row labels ("Paid: _____" for "script size")."""
    qs = bank("CC partition limits\nA:\n- 4,096 pre-repl. = 12,288 replicas\n- Partns: 4,096 (pre-repl.) per cluster\n---\n"
              "Kafka defaults\nA:\n- delete.retention.ms = 86400000 (1 d) -> tombstones kept 24 h\n"
              "- retention minutes before 2.0: 1440 (1 d) !!\n- offset.flush.interval.ms = 60000 (1 min)\n"
              "- max 5 connectors per cluster\n---\nLimits (Free vs Paid)\nA:\n  item                Free        Paid\n"
              "  memory              128 MB      128 MB\n  script size         3 MB        10 MB\n"
              "  subrequests         50          1,000\n")
    good = accepted(qs)
    assert {"4,096", "5", "10 MB"} <= {q.answer for q in good}
    assert not {q.answer for q in good} & {"12,288", "86400000", "1440", "60000", "1 min"}
    assert not [q for q in good if q.type == "truefalse" and "=" in q.stem]
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["10 MB"] == "Limits (Free vs Paid) › script size (Paid): _____"


def test_round_bl_b_dutch_and_hearsay_hedges() -> None:
    """Round BL (stripe #15, #17, #18): "meen € 7,50" (I think), "16 MB per bestand meen ik" and "6 weken zei iemand
    op een meetup" (someone said) are values the notes doubt; a plain Dutch line is still asked."""
    qs = bank("SEPA\nA:\nLet op: SEPA DD mislukt kost extra (meen € 7,50 failure fee).\n"
              "Max bestandsgrootte: 16 MB per bestand meen ik\n(minstens 6 weken zei iemand op een meetup)\n"
              "Uitbetaling na 7 dagen na de eerste betaling.\n- someone said the limit is 25 files\n")
    asked = {q.answer for q in accepted(qs)}
    assert "7 dagen" in asked and not asked & {"7,50", "€ 7,50", "16 MB", "6", "6 weken", "25"}


def test_round_bm_a_notes_kept_as_yaml() -> None:
    """Round BM (datadog #4, #16 and 541 rejections): a YAML key's quoted value ('price_annual: "$15 per host/month"')
    is the value, not a quotation; a long snake_case key starts a row of its own, not a wrapped line of the one above."""
    qs = bank("Infrastructure plans\nA:\npro:\n  price_annual: \"$15 per host/month\"\n  metric_retention: \"15 months\"\n"
              "---\nHistogram metrics\nA:\nhistogram:                  # DogStatsD, aggregated agent-side\n"
              "  default_aggregations: [avg, count, median, 95percentile, max]\n  custom_metrics_per_tag_combo: 5\n"
              "---\nCompliance\nA:\nLegal told us compliance \"must keep 1 yr\" for audit logs\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert {"$15", "15 months"} <= set(stems)
    assert stems["5"].endswith(" › custom_metrics_per_tag_combo: _____") and "avg" not in stems["5"]
    assert "1 yr" not in {q.answer for q in accepted(qs)}


def test_round_bm_b_an_obsidian_vault() -> None:
    """Round BM (supabase #2, #4, #17): a line of tags ("#supabase/team") and a callout's "> [!warning]" mark are no
    context, a callout's "> - " items are its items, and a wikilink is its text."""
    qs = bank("Team plan\nA:\n#supabase/team #pricing\n- $599/month\n---\nEdge Functions limits\nA:\n"
              "> [!warning] memorize these\n> - max memory: **256 MB**\n> - max duration: **150 s** on Free\n"
              "---\nSpend cap\nA:\nsee [[Supabase spend cap|the spend cap note]]: egress over 250 GB is billed\n[[Pricing]]\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["$599"] == "Team plan › _____/month"
    assert stems["256 MB"] == "Edge Functions limits › max memory: _____"
    assert stems["250 GB"] == "Spend cap › see the spend cap note: egress over _____ is billed"
    assert not [q for q in accepted(qs) if "[" in q.stem or ">" in q.stem or "#" in q.stem]


def test_round_bm_c_restructuredtext_simple_tables() -> None:
    """Round BM (firestore #8, #12): a reStructuredText simple table ("====  ====" borders) gives each cell its column
    header and row label; a header-less first column stays the row labels, a row with an empty first cell goes on."""
    qs = bank("Firestore vs Realtime Database\nA:\n==========================  ==============  =================\n"
              "                            Firestore       Realtime Database\n"
              "==========================  ==============  =================\n"
              "simultaneous connections    1,000,000 / db  200,000 / db\n"
              "billing                     per op          GB stored\n"
              "free storage                1 GiB           1 GB\n"
              "==========================  ==============  =================\n---\nTime limits\nA:\n"
              "========================  ======\nthing                     time\n========================  ======\n"
              "transaction max lifetime  270 s\nidle timeout              60 s\n                          (per transaction)\n"
              "========================  ======\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["200,000"] == "Firestore vs Realtime Database › simultaneous connections (Realtime Database): _____ / db"
    assert stems["1 GiB"] == "Firestore vs Realtime Database › free storage (Firestore): _____"
    assert stems["60 s"] == "Time limits › idle timeout (time): _____ (per transaction)"
    assert not [q for q in qs if "==" in q.stem]


def test_round_bm_d_guesses_typical_ranges_glosses_and_schedules() -> None:
    """Round BM (firestore #14, #16, #17, #20; vercel #9, #12, #16): "_____ (any microsecond within last hour)" names
    the unit once, "could be ~2 MiB" is a guess, "20-_____ typical" an end of a usual range, "(= 1,048,487 bytes)"
    works the blanks out, "_____ 5 * * *" is a cron field, "800 seg = 13 min y _____ seg" a conversion and a
    line opened by "ej.:" (Spanish "e.g.") an example. Plain limits beside them are still asked."""
    qs = bank("PITR\nA:\n:Retention window: **7 days**\n:Without PITR: version retention **1 hour** (any microsecond within last hour)\n"
              "---\nTriggers\nA:\n* max event payload: 1 MiB doc before + after? (both snapshots included -> could be ~2 MiB)\n"
              "* trigger latency usually < 10 s\n---\nPagination\nA:\nPage size 20-50 typical. Max 500 per request.\n"
              "---\nMax size of a field value\nA:\n:Limit: 1 MiB - 89 bytes (= 1,048,487 bytes)\n---\nCron Jobs\nA:\n"
              "- Pro: 40 cron jobs\nse definen en vercel.json: \"crons\": [{ \"path\": \"/api/cron\", \"schedule\": \"0 5 * * *\" }]\n"
              "---\nFunctions duración\nA:\nmáx 800 seg en Pro\n800 seg = 13 min y 20 seg\n"
              "ej.: una API que tarda 90 seg en Hobby → 504\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"7 days", "500", "40", "800 seg"} <= asked
    assert not asked & {"1 hour", "2 MiB", "50", "20", "20 seg", "0", "13 min", "90", "90 seg"}
    assert not [q for q in good if q.type == "multi_cloze" and "1,048,487" in q.stem]


def test_round_bm_e_a_share_or_pairs_in_brackets_work_the_value_out() -> None:
    """Fresh sample of round BM's YAML deck (#1, #17, #18): "~7 hours (1% of 720)" works 7 hours out of a share of
    720 (none of the three is asked), and "~20% (15->18, 23->27)" lists the pairs 20% is worked out of."""
    qs = bank("Billable hosts\nA:\nhost_billing:\n  hours_dropped_per_month: \"~7 hours (1% of 720)\"\n"
              "  percentile: 99\n---\nPrices\nA:\non_demand_uplift: \"~20% (15->18, 23->27, 31->36)\"\n"
              "logs_ingest: \"$0.10/GB\"\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"99", "$0.10"} <= asked
    assert not asked & {"7 hours", "1%", "720", "20%"}


def test_round_bn_a_a_logseq_outline() -> None:
    """Round BN (netlify): in a Logseq export "[[Netlify]]" in a title is the product's name (AsciiDoc's
    "[[anchor-id]]" still goes), "note:: …" a label, "DONE" a finished task's marker, "((block refs))" and "id::"
    lines nothing, and a table typed in an item ("- | kind | timeout |") a table."""
    qs = bank("- What is the default build timeout on [[Netlify]]? #card #builds\nA:\n\t- **15 minutes** per build by default\n"
              "\t- id:: 6571a2f0-3c1e-4b9a-9d1e-2f7c1a0b9e11\n---\n- Bandwidth overage #card\nA:\n"
              "\t- DONE set usage notification at 80% in billing settings\n\t- note:: $55 per 100 GB extra\n"
              "\t- see ((6571a2f0-3c1e-4b9a-9d1e-2f7c1a0b9e11))\n---\n- Functions comparison #notes\n"
              "\t- | kind | timeout | where |\n\t\t| background | 15 min | Lambda |\n\t\t| scheduled | 30 s | Lambda, cron UTC |\n"
              "---\n[[install-steps]]\nInstall limits\nA:\nThe installer needs 2 GB of disk\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["15 minutes"].startswith("What is the default build timeout on Netlify? › ")
    assert stems["80%"] == "Bandwidth overage › set usage notification at _____ in billing settings"
    assert stems["$55"] == "Bandwidth overage › _____ per 100 GB extra"
    assert stems["30 s"] == "Functions comparison › scheduled (timeout): _____"
    assert "install-steps" not in stems["2 GB"]
    assert not [q for q in qs if "|" in q.stem or "((" in q.stem or "::" in q.stem or "DONE" in q.stem]


def test_round_bn_b_a_chat_channel_log() -> None:
    """Round BN (flyio, 0/20): a Discord log's "[10:42] dev_raj: " goes from each message, a reaction (":+1: 3")
    is no message, a quoted message ("> …") and a message of old values ("$5 was old", "i had $3.19") are not
    asked, and "actually it's $2.19 … now" makes every number said before it an earlier claim."""
    qs = bank("shared-cpu-1x prices\n[10:42] dev_raj: ok shared-cpu-1x 256MB is $1.94/mo right?\n"
              "[10:44] sam_c: actually it's $2.19 per 30 days now in iad/ewr\n[10:46] priya: :+1: 3\n"
              "---\nAdditional RAM price\n[11:20] tobi: extra RAM beyond the preset = $5 per GB per 30 days\n"
              "[11:31] mika: > extra RAM beyond the preset = $5 per GB\n[11:31] mika: actually it's $6.00/GB/month now\n"
              "[11:32] tobi: ok so $5 was old, noted\n[11:32] tobi: :white_check_mark: 1\n---\nVolumes\n"
              "[12:01] sam_c: max 500GB per volume\n[12:02] tobi: i had 250GB in my notes\n[12:03] sam_c: default size 1GB\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"$2.19", "$6.00", "500GB", "1GB"} <= asked
    assert not asked & {"$1.94", "$5", "3", "1", "250GB"}
    assert not [q for q in qs if re.search(r"\[\d\d:\d\d\]|sam_c|mika|tobi|:\+1:", q.stem)]


def test_round_bn_c_a_flashcard_set_of_term_tab_definition_lines() -> None:
    """Round BN (neon #8, #9, #11, #18, #20): a Quizlet export's "term<TAB>definition" lines are labels
    ("restore window: _____"), never one wrapped paragraph; a lone value typed on the term's side is the
    definition's ("4,000<TAB>max_connections cap" asks the cap)."""
    qs = bank("Free plan limits\nprojects\t100\nbranches\t10 per project\nrestore window\t6 hours, capped at 1 GB-month "
              "of change history, no charge\nmanual snapshots\t1\n---\nQuick review\n4,000\tmax_connections cap (9 CU+)\n"
              "90%\tdefault_pool_size as share of max_connections\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["6 hours"] == "Free plan limits › restore window: _____, capped at 1 GB-month of change history, no charge"
    assert stems["10"] == "Free plan limits › branches: _____ per project"
    assert stems["4,000"] == "Quick review › max_connections cap (9 CU+): _____"
    assert not [q for q in qs if "\t" in q.stem]


def test_round_bn_d_french_hedges() -> None:
    """Round BN (auth0 #8): "(à vérifier)", "je crois", "il me semble" and "pas sûr" doubt the line's value; a
    plain French line is still asked."""
    qs = bank("Jobs d'import\nA:\nrésultat du job consultable pendant ~24 h (à vérifier)\nmax 500 000 users par fichier, je crois\n"
              "taille max du fichier : 500 Mo\ndélai il me semble de 7 jours\n")
    asked = {q.answer for q in accepted(qs)}
    assert "500" in asked and not asked & {"24 h", "500 000", "7"}


def test_round_bo_a_a_mind_map_and_a_test_plan() -> None:
    """Round BO (elastic #2, #7, #11–13, #17, #19, #20; sendgrid #2, #4, #6, #7, #16, #19, #11): a mind map's "+ " and
    "├── " branches are bullets (their labels the context of the items below them, never stem text), "(8kb in older
    versions)" a former value; a test plan's "Given:" and "Observed:" lines set a case up or say what one run saw,
    a line of the team's own tickets ("BUG-2271") and a "legacy (pre-2025)" value are not asked."""
    qs = bank("other http limits\nA:\nhttp.*\n+ max_initial_line_length -> 4kb\n+ max_header_size -> 16kb (8kb in older versions)\n"
              "---\ndefault number of primary shards\nA:\nprimaries\n├── 7.0+ -> 1\n└── replicas default -> 1\n---\n"
              "TC-041 Messages per SMTP connection\nA:\nGiven: 150 messages on one connection\nDocumented: up to 100 messages per SMTP "
              "connection, then reconnect\nObserved: 400 after message 100\nlost 2 h of mail in staging (BUG-2271)\n"
              "legacy (pre-2025) free MC = 2,000 contacts / 6,000 emails per month\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["4kb"] == "other http limits › http.* › max_initial_line_length -> _____"
    assert stems["100"].startswith("TC-041 Messages per SMTP connection › Documented: up to _____ messages")
    assert not set(stems) & {"8kb", "150", "400", "2 h", "2,000", "6,000"}
    assert not [q for q in qs if re.search(r"› [+├└]", q.stem)]


def test_round_bo_b_the_teams_own_habits_and_portuguese_hedges() -> None:
    """Round BO (slack #6, #14; heroku #1): "We only re-publish if the view is older than 10 min" and "In our logs
    it's almost always 1–30 s" are the team's, "(pelo que li, … checar no site)" and "não tenho certeza" doubt a value."""
    qs = bank("App Home\nA:\nviews.publish is Tier 4. We only re-publish if the view is older than 10 min.\n"
              "Retry-After: In our logs it's almost always 1–30 seconds.\nMax 100 blocks per view.\n---\nGitHub Student Pack\nA:\n"
              "crédito de US$ 13/mês por 12 meses (pelo que li, depois aumentaram pra 24 meses — checar no site do pack)\n"
              "boot timeout: 60 seg (não tenho certeza)\nslug máximo: 500 MB\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"100", "500 MB"} <= asked
    assert not asked & {"10 min", "30 seconds", "12", "60 seg", "24"}


def test_round_bo_c_one_dedicated_ip_and_a_bracket_in_seconds() -> None:
    """Round BO (sendgrid #14, slack #16): "_____ dedicated IP" says one (an IP is counted and pluralised), and
    "_____ (`expires_in: 43200`)" gives 12 hours in seconds."""
    qs = bank("Pro plan\nA:\nPro includes 1 dedicated IP; Essentials = shared IPs only\nPro includes 2,500 contacts\n---\n"
              "Token rotation\nA:\nAccess tokens live **12 hours** (`expires_in: 43200`).\nRefresh tokens are kept 90 days.\n")
    asked = {q.answer for q in accepted(qs) if q.type != "truefalse"}
    assert {"2,500", "90 days"} <= asked
    assert not asked & {"1", "12 hours", "43200"}


def test_round_bp_a_a_typed_up_mock_interview() -> None:
    """Round BP (planetscale): "Interviewer:" asks ("Q: …") and corrects ("Not quite — default automatic backups are
    kept 2 days") the answers given since ("Me: 7 days" is not asked); the speakers' names go, and a "said _____"
    under "What I got wrong" is the wrong answer."""
    qs = bank("Q32. Backup retention\nA:\nInterviewer: How long are automatic backups kept?\nMe: 7 days I believe, like RDS.\n"
              "Interviewer: Not quite — default automatic backups are kept 2 days.\nInterviewer: Connections on Scaler?\n"
              "Me: Up to 10,000 concurrent connections.\nWhat I got wrong:\n- said 7 days (that's RDS default). PlanetScale default = 2 days retention.\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["10,000"] == "Q32. Backup retention › Connections on Scaler? › Up to _____ concurrent connections."
    assert "2 days" in stems and "7 days" not in stems
    assert not [q for q in qs if re.search(r"\b(?:Interviewer|Me):", q.stem)]


def test_round_bp_b_sticky_notes() -> None:
    """Round BP (digitalocean, 0/20): a sticky note's colour tag ("[yellow] ") is its bullet, "(circled 3x)" a
    scribble, and struck-out text ("~~$40~~ $4") withdrawn: the value written over it is the one asked."""
    qs = bank("Bandwidth basics\n[yellow] overage = $0.01 per GiB  (circled 3x)\n\n[blue] INBOUND is free\n---\n"
              "Reserved IPs\n[pink] unassigned → ~~$4~~ $5/mo (billed ~hourly) !!\n[green] max 3 reserved IPs per droplet team default\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["$0.01"] == "Bandwidth basics › overage = _____ per GiB"
    assert "$5" in stems and "$4" not in {q.answer for q in qs}
    assert not [q for q in qs if re.search(r"\[(?:yellow|blue|pink|green)\]|circled|~~", q.stem)]


def test_round_bp_c_a_sheet_exported_with_cell_references_and_comments() -> None:
    """Round BP (redis, 0/20): "A3: max key size | B3: 512 MB  // comment: …" rows under a "Limits!A2:C6 — …" range
    read as the sheet shows them ("max key size: _____."), formulas and a power's base ("2^32") are not asked, and a
    comment thread's names go (its questions are no claims)."""
    qs = bank("Limits!A2:C6 — key and value size\nA:\nA2: metric | B2: value | C2: notes\n"
              "A3: max key size | B3: 512 MB  // comment: keys are binary-safe strings\n"
              "A4: max keys per instance | B4: 2^32  // comment: ~4.29 billion\nB5: =B3*1024  // comment: 524288 KB\n"
              "  // Ana: can we raise it? we have a 600 MB blob\n  // Me: proto-max-bulk-len is configurable but pls no\n"
              "A6: databases | B6: 16  // comment: numbered 0..15\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["512 MB"] == "key and value size › max key size: _____. Keys are binary-safe strings"
    assert "16" in stems
    assert not set(stems) & {"2", "32", "524288 KB", "600 MB", "1024"}
    assert not [q for q in qs if re.search(r"\b[A-C]\d: |Limits!|// |Ana:", q.stem)]


def test_round_bq_a_a_verse_and_its_fact_line() -> None:
    """Round BQ (terraform, 0/20): a card that writes a verse and then "fact: …" asks the fact line (its label
    gone), never the verse's fragments ("once _____ users max,")."""
    qs = bank("Free tier users\nA:\nonce five users max,\nnow the door is open wide -\nusers: unlimited\n"
              "fact: Free tier now has unlimited users (legacy free plan was capped at 5 users).\n---\nAPI rate limit\nA:\n"
              "thirty knocks per second,\nthe gate counts every one -\nfact: HCP Terraform API = 30 requests per second per user.\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["30"] == "API rate limit › HCP Terraform API = _____ requests per second per user."
    assert not [q for q in qs if q.status == "accepted" and re.search(r"\bfact:|knocks|once|five", q.stem)]


def test_round_bq_b_values_marked_wrong_and_the_teams_policy() -> None:
    """Round BQ (cloud-run, pagerduty #18): "max request timeout is 15 min  <- (see 2024-02-14, this is WRONG)" and
    "max memory = 16 GiB  <- corrected 2024-02-20, it's 32 GiB" mark the value wrong; "every 90 days (our policy,
    not PD's)" is the team's; a sheet row whose last cells are empty keeps its header's columns."""
    qs = bank("## 2024-01-10 — timeouts\n- learned: request timeout default is 300 s (5 min)\n"
              "- learned: max request timeout is 15 min  <- (see 2024-02-14, this is WRONG)\n"
              "- learned: max memory = 16 GiB  <- corrected 2024-02-20, it's 32 GiB\n---\nAPI keys\nA:\n"
              "- rotate keys every 90 days (our policy, not PD's)\n- max 10 API keys per account\n---\n"
              "Cloud plans!A2:E6 — tiers overview\nA:\nA2: plan | B2: memory | C2: connections | D2: SLA\n"
              "A3: Essentials (free) | B3: 30 MB | C3: 30 | D3: none\nA4: Pro | B4: up to 50 TB | C4: unlimited\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"300 s", "10", "30 MB"} <= asked
    assert not asked & {"15 min", "16 GiB", "90 days"}
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["50 TB"] == "tiers overview › Pro (memory): up to _____"


def test_round_br_a_an_anki_export_pasted_over_native_cards() -> None:
    """Round BR (cloudflare, 0/20): a deck of native cards under an Anki export's header ("#separator:tab") is read
    as a text deck (not as rows, which asked for each note's tags), and a note's tags field after a tab and the
    quotes of the field before it are no part of the card."""
    deck = ("#separator:tab\n#html:true\n#tags column:3\n-----\nWorkers Free plan: how many requests per day?\nA:\n"
            '"<div><b>100,000 requests / day</b> (per account)</div>\n<div>resets at 00:00 UTC</div>"\tcf::workers free_tier\n'
            "-----\nMemory per Worker isolate = {{c1::128 MB}}\n"
            '"<div>one isolate serves ""many"" requests</div>"\tcf::workers limits cloze\n')
    assert detect_format("cf.txt", deck) == "text"
    assert detect_format("cf.txt", "#separator:tab\n#html:true\nfront\tback\n") == "tsv"
    qs = bank(deck)
    asked = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert asked["100,000"] == "Workers Free plan: how many requests per day? › _____ requests / day (per account)"
    assert [line.text for card in parse_deck(deck, path="cf.txt").cards for line in card.answer_lines][-1] == \
        'one isolate serves "many" requests'
    assert not [q for q in qs if q.status == "accepted" and re.search(r'::|"|#|\t', q.stem + q.answer)]


def test_round_br_b_html_table_cells_in_a_note_field() -> None:
    """Round BR (cloudflare, an export's D1 pricing): an HTML table in a note's field is markdown pipe rows (a row
    of <th> cells a header), not its cells run together ("rows readfirst 25 billion")."""
    lines = [text for _, text in field_text("<table><tr><th>what</th><th>included</th></tr>\n<tr><td>rows read</td>"
                                            "<td>first <b>25 billion</b></td></tr></table>no charge", is_html=True).lines]
    assert [t for t in lines if t] == ["| what | included |", "|---|---|", "| rows read | first 25 billion |", "no charge"]


def test_round_br_c_prose_wrapped_by_hand() -> None:
    """Round BR (cosmosdb, 8 of 20 cut at a line end): prose wrapped by hand breaks lines before the next word
    would fit ("… with no hourly" / "minimum. Alternatively …", "… and 25" / "GB. Periodic …"); such a line is
    joined when the card holds wrapped prose, while a notes card's own short lines stay apart."""
    prose = ["Answer: serverless, which charges about $0.25 per million RUs consumed plus storage, with no hourly",
             "minimum. Alternatively, a free tier account gives 1,000 RU/s and 25 GB free, but there is only one account",
             "per subscription. The free tier gives 1,000 RU/s and storage of 25 GB, and the periodic backup keeps 25",
             "GB. Periodic backup runs every 4 hours with 8 hours of retention by default."]
    joined = reflow([Line(n, text) for n, text in enumerate(prose, 1)])
    assert len(joined) == 1 and joined[0].text.endswith("8 hours of retention by default.")
    notes = ["Linux / Windows x64 hosted runners got upgraded in early 2024 to 4 vCPU and 16 GB of RAM.",
             "Private repos still run on the 2 vCPU / 7 GB RAM hosts with a 14 GB SSD disk",
             "larger runners cost extra"]
    assert len(reflow([Line(n, text) for n, text in enumerate(notes, 1)])) == 3


def test_round_br_d_examples_hedges_and_lead_ins_in_swedish_notes() -> None:
    """Round BR (twilio, Swedish notes, #5, #7, #14): "t.ex. max 10 per tim per IP" and "trigga på t.ex. >100 fel"
    give examples, "ca 10 sek innan... eller 3 min? kolla SDK-docs" doubts its value; and a scenario's lead-in
    ("Om vi skickar 10 000 sms/mån …:") is no true/false statement."""
    qs = bank("Verify rate limits\nA:\n- Programmable Rate Limits (Buckets, t.ex. max 10 per tim per IP).\n"
              "- Alarms: trigga på t.ex. >100 fel per tim → mail.\n- Verify-kod giltig i 15 minuter.\n---\nVoice SDK\nA:\n"
              "Förnya innan utgång (tokenWillExpire-event ca 10 sek innan... eller 3 min? kolla SDK-docs).\n"
              "---\nRäkneexempel\nA:\n"
              "Om vi skickar 10 000 sms/mån till USA à 0,0079 $/segment:\n- 1 segment: 10 000 × 0,0079 = 79 $\n")
    asked = {q.answer for q in accepted(qs)}
    assert "15 minuter" in asked
    assert not asked & {"10", "100", "3 min", "10 sek", "10 000 sms"}
    assert not [q for q in accepted(qs, "truefalse") if "Om vi skickar" in q.stem]


def test_round_br_e_durations_in_the_notes_language() -> None:
    """Round BR (twilio in Swedish, #4, #11, #13): "minst 15 min … (900 sek – 35 dagar)" restates the key in
    seconds, "24 tim (86 400 sek)" in seconds: durations written in the notes' language are durations (Swedish,
    Spanish, French, German, Japanese), so a restatement gives the key away or is dropped from the stem; and a wrong
    value agrees with its noun in that language ("3 horas", "7 jours", "7 Tage")."""
    qs = bank("Scheduled messages\nA:\nSendAt måste vara minst 15 min och max 35 dagar framåt i tiden (900 sek – 35 dagar).\n"
              "---\nAccess tokens\nA:\nMax TTL för access token: 24 tim (86 400 sek), default 1 tim (3 600 sek).\n---\n"
              "Retención de logs\nA:\n- Hobby: 1 hora\n- Pro: 3 días\n---\nRétention des logs\nA:\n- Free : 1 jour\n---\n"
              "Papierkorb\nA:\n- Admin-Restore: 1 Tag\n", seed=2)
    assert not [q for q in accepted(qs) if q.answer == "15 min" or "900 sek" in q.answer]
    ttl = next(q for q in accepted(qs, "cloze") if q.answer == "24 tim")
    assert "86 400" not in ttl.stem
    values = {q.answer_value for q in accepted(qs) if q.answer in ("1 hora", "3 días", "1 jour", "1 Tag")}
    assert values == {3600.0, 259200.0, 86400.0}
    assert [(q.value, q.unit) for q in find_quantities("Cloud Functions のタイムアウトは最大 540 秒、50 tag keys")] == \
        [(540.0, "s"), (50.0, "count")]
    wrong = [o.text for q in accepted(qs, "multichoice") for o in q.options if not o.is_correct]
    wrong += [str(q.get("shown")) for q in accepted(qs, "truefalse") if q.answer == "false"]
    for noun, singular in (("hora", "1 hora"), ("jour", "1 jour"), ("Tag", "1 Tag")):
        shown = [w for w in wrong if re.search(rf"\b{noun}", w)]
        assert shown and all(w == singular or re.search(rf"\d {noun}(?:s|e|es)\b", w) for w in shown), shown
    assert not [w for w in wrong if re.search(r"\d (?:tims|dagars|horases)\b", w)]


def test_round_bs_a_japanese_bullets_and_dates() -> None:
    """Round BS (firebase in Japanese, 2/20: 16 stems kept the "・" bullet; #18 "2024 年 10 月 90 日"): "・" is a
    bullet, with or without a space after it, and the day of a month ("10 月 30 日") is a date, not 30 days."""
    qs = bank("Cloud Storage for Firebase\nA:\n・appspot バケットは 2024 年 10 月 30 日以降 Blaze プラン必須\n"
              "・Spark プラン：ダウンロード 1 日あたり 1 GB まで\n・ Realtime Database の書き込みは最大 256 MB\n")
    good = accepted(qs)
    assert {"1 GB", "256 MB"} <= {q.answer for q in good}
    assert not [q for q in good if "・" in q.stem or q.answer in ("30", "30 日", "10", "2024")]


def test_round_bs_b_a_chat_pasted_as_cards_and_its_checked_values() -> None:
    """Round BS (atlas, a ChatGPT session pasted as cards, 4/20): a card titled "User: …?" over "Assistant:" loses
    the speakers' names, and a value a later remark corrects ("[checked docs: M10 is 1,500 not 1,000]", "[wrong.
    …]") is not asked."""
    qs = bank("User: connection limits per tier?\nA:\nAssistant:\n| Tier | Connections |\n|---|---|\n| M0 | 500 |\n"
              "| M10 | 1,000 |\n| M20 | 3,000 |\n[checked docs: M10 is 1,500 not 1,000. rest matches]\n---\n"
              "User: can i pick the version of an M0 cluster?\nA:\nAssistant:\nYes, any of the 3 supported versions.\n"
              "[wrong. M0 runs whatever Atlas gives you]\n")
    good = accepted(qs)
    assert {"500", "3,000"} <= {q.answer for q in good}
    assert not [q for q in good if re.search(r"\b(?:User|Assistant)\b", q.stem) or q.answer in ("1,000", "3")]


def test_round_bs_c_a_cram_sheets_crosses_and_worked_examples() -> None:
    """Round BS (servicebus cram sheet, #2, #5, #14): "PremTier: 1,000 per MU, ✗ billed" says they are not billed
    (the cross was dropped, reversing it), and "Std cost worked ex. 2" heads a worked example, whose inputs are
    not facts."""
    qs = bank("Brokered connections\nA:\nStd: 1,000 incl. in base charge\nPremTier: 1,000 per MU, ✗ billed\n---\n"
              "Std cost worked ex. 2\nA:\n300M ops/mo\n→ base ~$9.81 + 87M × $0.80 + 200M × $0.50\n")
    stems = [q.stem for q in accepted(qs, "cloze") if "PremTier" in q.stem]
    assert stems and all("not billed" in stem for stem in stems)
    assert not [q for q in accepted(qs) if "worked ex" in q.stem]
    from pipeline.sites import clean        # (a cross that ends a line, or stands before "no", says nothing more)
    assert [clean("msgs can expire before you process ✗"), clean("❌ no sessions")] == \
        ["msgs can expire before you process", "no sessions"]


def test_round_bt_a_an_outlines_numbers_and_an_exercises_count() -> None:
    """Round BT (github-actions outline, 4/20: "6.9.1 macOS _____-core", "_____ default retention" keyed 8.1; the
    Step Functions textbook's "Check your understanding: Name _____ valid pipe sources" keyed three): an outline's
    numbers are no part of a line, whatever follows them, and an exercise's count is not asked."""
    qs = bank("6.9 Larger runner prices\nA:\n   6.9.1  macOS 12-core (large, Intel)       $0.12 / min\n"
              "   6.9.2  macOS 6-core M1 (xlarge, arm64)    $0.16 / min\n---\n8. Retention\nA:\n"
              "   8.1  default retention 90 DAYS (artifacts and logs)\n   8.2  max retention 400 days for private repos\n"
              "---\n9.4 Pipes\nA:\nA pipe connects one source to one target.\n"
              "Check your understanding: Name three valid pipe sources for a pipe.\n")
    good = accepted(qs)
    assert {"$0.12", "90 DAYS"} <= {q.answer for q in good}
    assert not [q for q in good if re.search(r"\b(?:6\.9\.\d|8\.[12])\b", q.stem) or q.answer in ("8.1", "6.9.1", "three", "3")]


def test_round_bt_b_a_slack_thread_copied_as_text() -> None:
    """Round BT (bigquery as Slack threads, 11/20: stems kept "Jen 10:46 AM ›"): "Name  10:42 AM" headers go, each
    message is a note of its own (replies too), and a reply that says the message above gives the old price makes
    that message an earlier claim while its own new value is asked."""
    qs = bank("#data-eng: on-demand query price\nPriya  10:42 AM\nwhat are we paying per TB scanned on demand?\n"
              "Marcus  10:44 AM\n$5 per TB\n  ↳ Jen  10:47 AM\n  that's the old price. since July 2023 it's $6.25 per TiB\n"
              "  ↳ Marcus  10:48 AM\n  ugh right, thx\n")
    good = accepted(qs)
    assert "$6.25" in {q.answer for q in good} and "$5" not in {q.answer for q in good}
    assert not [q for q in good if re.search(r"\d{1,2}:\d{2}|Marcus|Jen|Priya|↳", q.stem)]


def test_round_bt_c_everyday_words_are_no_misspelt_service() -> None:
    """Round BT (stepfunctions #20: "Google Cloud Parallelstore › Parallel state"): two everyday words, not both
    capitalised, are not a misspelling of a one-word product name; a capitalised misspelling still is."""
    qs = bank("4.3 Parallel state\nA:\nA Parallel state runs branches at once; its output is an array of up to 40 items.\n"
              "---\nColdeline Storage\nA:\n- minimum storage duration is 90 days\n")
    stems = [q.stem for q in accepted(qs, "cloze")]
    assert stems and not [s for s in stems if "Parallelstore" in s]
    assert any("Coldline" in s for s in stems)


def test_round_bt_d_hollow_bullets_and_a_scenario_set_up_for_a_question() -> None:
    """Fresh sample of round BT (outline #3-#5: "o only _____ SSD"; textbook #4, #7: "A workflow must wait _____ for a
    partner's file. Standard or Express?"): a word processor's "o" bullet is a bullet, and a value set up for the
    question after it is the exercise's, not a fact."""
    qs = bank("1.1 Max job execution time\nA:\n   o  hosted runners guarantee 14 GB of SSD space\n"
              "   o  a job is stopped after 6 hours on hosted runners\n---\n2.1 Workflow types\nA:\n"
              "Express workflows run for at most 5 minutes.\n"
              "Check your understanding: A workflow must wait 3 days for a partner's file. Standard or Express?\n")
    good = accepted(qs)
    assert {"14 GB", "6 hours", "5 minutes"} <= {q.answer for q in good}
    assert not [q for q in good if re.search(r"(?:^|› )o ", q.stem) or q.answer == "3 days"]


def test_round_bu_a_faq_labels_and_circled_numbers() -> None:
    """Round BU (cloud-sql FAQ, 11/20: stems kept "› A. On Enterprise edition …"; kinesis notebook #10, #11, #20:
    "① shard write 1 MB/s"): an FAQ's "Q." and "A." labels go, and a circled number is a list item's mark."""
    qs = bank("Q. How long does planned maintenance take?\nA:\nA. On Enterprise edition, planned maintenance causes "
              "about 60 seconds of downtime.\n---\nKinesis flashcards\nA:\n① shard write 1 MB/s / 1,000 rec/s\n"
              "② shard read 2 MB/s per shard\n")
    good = accepted(qs)
    assert {"60 seconds", "1,000"} <= {q.answer for q in good}
    assert not [q for q in good if re.search(r"› A\. |[①②]", q.stem)]


def test_round_bv_a_a_teams_measurement_named_after_the_value() -> None:
    """Round BV (fargate ADRs #8: "a 1.5 GB image took ~_____ in our tests vs 8 s for 150 MB"): a value the team
    measured is its own, whether "in our tests" comes before the value or after it."""
    qs = bank("ADR-014: image size\nA:\nContext:\n- pull time ~ roughly linear in image size; a 1.5 GB image took ~40 s in our "
              "tests vs 8 s for 150 MB\n- Fargate ephemeral storage defaults to 20 GiB per task\n")
    asked = {q.answer for q in accepted(qs)}
    assert "20 GiB" in asked and not asked & {"40 s", "8 s", "1.5 GB"}


def test_round_bw_a_beamer_commands_that_share_a_line() -> None:
    """Round BW (azure functions beamer, 5/20): "\\begin{frame}{Slots} \\begin{itemize}" on one line, "\\item \\pause
    max …", a tabular's "Meter & Price \\\\ \\hline" rows and "\\textasciitilde" stayed in the stems; a "% speaker
    note" was asked ("remind them lab _____ needs a storage account"). A tabular without a header rule has no
    header: its first row is a row like the others."""
    qs = bank("Consumption plan\n\\begin{frame}{Consumption plan (Y1)} \\begin{itemize}\n"
              "    \\item max memory per instance: \\SI{1.5}{\\giga\\byte}, one core (\\textasciitilde 100 ACU)\n"
              "    \\item \\pause max instances: \\textbf{200} on Windows\n  \\end{itemize} \\end{frame}\n"
              "  % speaker notes: remind them lab 5 needs a storage account\n---\nConsumption pricing\n"
              "\\begin{frame}{Consumption -- what you pay}\n  \\begin{tabular}{l|l}\n    Meter & Price \\\\ \\hline\n"
              "    Executions & \\$0.20 per million \\\\\n  \\end{tabular}\n\\end{frame}\n---\nStorage limits per plan\n"
              "\\begin{frame}{Storage quota}\n  \\begin{tabular}{l|r}\n    Consumption & 5 TB \\\\\n"
              "    Premium & 250 GB \\\\\n  \\end{tabular}\n\\end{frame}\n")
    good = accepted(qs)
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["1.5 GB"] == "Consumption plan › Consumption plan (Y1) › max memory per instance: _____, one core (~ 100 ACU)"
    assert stems["200"].endswith("› max instances: _____ on Windows")
    assert any(q.answer == "$0.20" and "Executions" in q.stem for q in good)
    assert stems["250 GB"].endswith("Premium: _____")        # a tabular without a header rule: label and value
    assert not [q for q in good if re.search(r"\\|&|\{|\}|textasciitilde|pause|lab", q.stem) or q.answer == "5"]


def test_round_bw_b_org_mode_tags_drawers_and_marks() -> None:
    """Round BW (dynamodb org-mode, 1/20): every stem kept its heading's tags ("What does 1 WCU buy? :exam:capacity:
    ›"), one a drawer's ":END:", others "~ConsistentRead=true~" and "=B=" marks."""
    qs = bank("* What does 1 WCU buy?                                :exam:capacity:\nA:\n:PROPERTIES:\n"
              ":CHECKED:  [2024-11-18 Mon]\n:END:\n- 1 write per second of an item up to *1 KB*\n"
              "- ~ConsistentRead=true~ reads cost 2x, item sizes rounded up to =4 KB=\n---\n"
              "** DONE Table limits :limits:\nCLOSED: [2024-11-20 Wed 10:02]\n"
              "- max *5* LSIs per table, see [[https://docs.aws.amazon.com][the docs]]\n"
              "#+begin_src python\nread_units = 4 * 10\n#+end_src\n")
    good = accepted(qs)
    assert {"1 KB", "5"} <= {q.answer for q in good}
    assert not [q for q in good if re.search(r":\w+:|END|(?:^|[\s(])[=~]\w|DONE|CLOSED|\[\[|read_units|\b40\b", q.stem + q.answer)]


def test_round_bw_c_chinese_restatements_and_examples() -> None:
    """Round BW (cloud run zh #6, #12, #19): "默认最长等 _____ 秒（4 分钟）" kept the minutes that restate it in
    full-width brackets; "钉死版本号（比如 :_____）" asked an example ("比如": for example)."""
    qs = bank("Cloud Run startup probe\nA:\n默认 startup probe 是 TCP，默认最长等 240 秒（4 分钟）\n"
              "建议钉死 image version 版本号（比如 :3）\nrequest timeout 默认 300 秒 (5 minutes)\n")
    asked = {q.answer for q in accepted(qs)}
    assert "true" in asked      # the statements are asked, true or false
    assert not asked & {"240", "240 秒", "3", "4 分钟"}


def test_round_bx_a_notion_toggles_and_page_properties() -> None:
    """Round BX (aurora as a Notion export, 12/20): the open toggle "▾ Settings ›" stayed in stems, and the page's
    properties ("Tags: exam" / "Status: Reviewed") read as a section ("Failover priority tiers › Status › default
    tier")."""
    qs = bank("Failover priority tiers\nTags: exam\nStatus: Reviewed\nLast edited: March 3, 2025 4:12 PM\n"
              "- default tier = 1 (in console)\n▾ Settings\n    - scale-in cooldown 300 s by default\n")
    good = accepted(qs)
    assert {"1", "300 s"} <= {q.answer for q in good}
    assert not [q for q in good if re.search(r"▾|› (?:Status|Tags|Last edited)\b|Reviewed|2025", q.stem)]


def test_round_bx_b_dash_bullets_decimal_commas_and_nines_in_russian() -> None:
    """Round BX (azure blob in Russian, 12/20): "— " bullets stayed in stems; "99,9999999999 %" was read from its
    comma on ("ZRS ≥ 99,_____"), and "(_____ девяток)" asked the count of nines the percentage shows. An English
    false statement "99.99% (11 nines)" contradicted its own bracket. Once "дней" read as days: an example ("напр.")
    and the author's own example ("Мой пример") are not asked."""
    qs = bank("Account keys и ротация\nA:\n— 2 ключа (key1, key2), 512-bit\n— key rotation: every 90 дней recommended\n"
              "— SAS expiration policy: recommended max SAS lifetime (напр. 3 дня) for the account\n"
              "— Мой пример: Cool tier blob deleted after 10 дней → early deletion charge for 20 дней\n---\n"
              "Durability\nA:\n- ZRS ≥ 99,9999999999 % (12 девяток) durability per year\n"
              "- LRS ≥ 99.999999999% (11 nines) durability of objects per year\n")
    good = accepted(qs)
    assert {"512", "90 дней"} <= {q.answer for q in good}
    assert not [q for q in good if re.search(r"› —|99,_|девяток\)|_____ nines", q.stem) or q.answer in ("12", "3", "10", "20")]
    assert not [q for q in good if q.type == "truefalse" and q.answer == "false" and "nines" in q.stem]


def test_round_bx_c_a_runbooks_alerting_policy() -> None:
    """Round BX (api gateway runbook, 9/20): six rejections asked the team's own alarm thresholds and escalation
    rules ("APIGW_429_RATE_HIGH — 429 > _____ 5 min, Sev2", "Escalate if: sustained _____ ->", "our rule: authorizer
    must finish in <_____ p99"); the service's own limits on the same cards are asked."""
    qs = bank("Symptom: clients get 429\nA:\nLikely cause: account throttle is 10,000 requests per second (burst 5,000)\n"
              "alarm: APIGW_429_RATE_HIGH (Sev2 if >2% of Count for 5 min)\n"
              "Escalate if: sustained > 30 min -> page owning team\n"
              "our rule: authorizer must finish in <1s p99\n")
    asked = {q.answer for q in accepted(qs)}
    assert "10,000" in asked or "10,000 requests per second" in asked
    assert not asked & {"2%", "5 min", "30 min", "1s"}


def test_round_bx_d_russian_durations_agree_with_their_number() -> None:
    """Fresh sample of round BX (azure blob in Russian #4: "удаляются через 4 дней", where Russian says "4 дня"): a
    wrong value takes the Russian form its number asks for (1 день, 2-4 дня, 5-20 дней, 21 день)."""
    from pipeline.generators.grammar import agree

    assert [agree("дней", n) for n in (1, 3, 7, 11, 21, 24, 1.5)] == ["день", "дня", "дней", "дней", "день", "дня", "дня"]
    qs = bank("Block blob limits\nA:\n- uncommitted blocks are deleted after 7 дней without a Put Block List call\n"
              "- soft delete retention for blobs is 1 to 365 дней, 7 дней in the portal by default\n", seed=3)
    wrong = [o.text for q in accepted(qs, "multichoice") for o in q.options if not o.is_correct]
    wrong += [str(q.get("shown")) for q in accepted(qs, "truefalse") if q.answer == "false"]
    said = [(int(m.group(1)), m.group(2)) for w in wrong for m in re.finditer(r"(\d+) (день|дня|дней)", w)]
    assert said and all(form == agree("дней", n) for n, form in said), said


def test_round_bx_e_a_units_written_in_any_script_and_a_rate_period_before_its_count() -> None:
    """Once a unit in any script is part of the answer ("540 秒", "7 дней", not "540" before a kept "秒"), Japanese
    rates written period first ("読み取り 1 日 50,000 回": 50,000 reads a day) were asked for their "1 日"."""
    qs = bank("Firestore free quota (Spark plan)\nA:\n- Firestore reads: 1 日 50,000 回 on the free Spark plan quota\n"
              "- Cloud Functions timeout for event functions: max 540 秒 on 1st gen\n")
    asked = {q.answer for q in accepted(qs)}
    assert "540 秒" in asked and "1 日" not in asked


def test_round_by_a_code_review_comments() -> None:
    """Round BY (gke as a code review, 7/20): stems kept the comments' labels ("blocking: GKE needs …", "nit ›",
    "LGTM, notes ›"), and a bot's "❌ validation: … between 8 and _____" read "not validation"."""
    qs = bank("Maintenance window (modules/gke/maintenance.tf:12)\nA:\n"
              "@rtanaka: blocking: GKE needs at least 48 hours of availability in any 32-day rolling window\n"
              "@mkaur: done. Resolved\n---\nPods per node (modules/gke/nodepool.tf:51)\nA:\n"
              "@dev-bot: ❌ validation: max_pods_per_node must be between 8 and 256\n"
              "@rtanaka: LGTM, notes:\n- Standard default max pods per node = 110\n")
    good = accepted(qs)
    assert {"48 hours", "110"} <= {q.answer for q in good}
    assert not [q for q in good if re.search(r"blocking|Resolved|LGTM|not validation", q.stem)]


def test_round_by_b_a_practice_exams_options_and_key() -> None:
    """Round BY (event hubs practice exams, 10/20): an option line ("B ~_____ per TU per hour"), whose values are
    mostly wrong answers, was asked, and "Why:" stayed at the head of stems."""
    qs = bank("Q11 (Practice test 1): Max event retention in the Basic tier?\nA) 1 hour   B) 1 day   C) 7 days   D) 90 days\n"
              "A:\nMy answer: C ✗\nCorrect: B\nWhy: retention is 1 day on Basic, 7 days on the Standard tier.\n---\n"
              "Q3 (Practice test 2): Capture price?\nA) ~$0.05 per TU per hour\nB) ~$0.10 per TU per hour\nA:\n"
              "My answer: A ✗\nCorrect: B\nWhy: Capture costs ~$0.10 per TU per hour on Standard.\n")
    good = accepted(qs)
    assert {"7 days"} <= {q.answer for q in good}
    assert not [q for q in good if re.search(r"Why:|^A\)|\bB\)|My answer|Correct:|90 days  ", q.stem) or q.answer == "$0.05"]


def test_round_by_c_german_abbreviations_and_a_check_mark_in_brackets() -> None:
    """Round BY (cloudfront in German #18: "h. bis zu _____ Cache-Ebenen", the sentence cut after "d."; ec2 in
    Hinglish #15: "4 snapshots per region pe FSR [check]")."""
    line = ("Regional Edge Caches liegen zwischen Edge Locations und Origin, d. h. bis zu 3 Cache-Ebenen mit Origin "
            "Shield. Sie halten Objekte länger im Cache als die Edge Locations selbst, bzw. seltener abgerufene Objekte. "
            "Standard-TTL beträgt 24 Stunden, max. 365 Tage.")
    qs = bank("Edge-Architektur\nA:\n" + line + "\n---\nFast snapshot restore\nA:\n- 5 snapshots per region for FSR [check]\n")
    stems = [q.stem for q in accepted(qs, "cloze")]
    assert not [s for s in stems if "› h. bis" in s]
    assert not [q for q in accepted(qs) if "FSR" in q.stem]


def test_round_by_d_bounds_and_ratios_the_stem_works_out_and_free_in_german() -> None:
    """Round BY (ec2 #5: "$0.065 (0–_____), $0.0455 (32,001–64,000)": the next tier starts at 32,001; #14, #18:
    "1 : _____ (x1e.32xlarge = 128 vCPU, 3,904 GiB)": 3,904 / 128; cloudfront #14: "zu CloudFront: _____,
    kostenlos!" keyed 0 USD)."""
    qs = bank("EBS io2 pricing\nA:\n- IOPS tiered: $0.065 (0–32,000), $0.0455 (32,001–64,000) per provisioned IOPS-month\n"
              "---\nX1e memory ratio\nA:\n- X1e memory per vCPU ~ 1 : 30 (x1e.32xlarge = 128 vCPU, 3,904 GiB)\n---\n"
              "Datenübertragung zu CloudFront\nA:\n- Von AWS-Origins (S3, EC2) zu CloudFront: 0 USD, kostenlos!\n"
              "- Origin Shield: 0,0075 USD pro 10.000 Requests\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"$0.065", "3,904 GiB"} <= asked
    assert not asked & {"32,000", "32,001", "30", "0 USD"}


def test_round_by_e_notes_that_only_look_like_review_labels_or_exam_records() -> None:
    """The reread of round BY: "Blocking calls …" is a note, not a review's "blocking:" label, and "Correct: A record
    for the apex" is a note, not a practice exam's key."""
    from pipeline.decks import parse_deck

    text = ("Route 53 and SDK notes\nA:\n- Blocking calls in the SDK time out after 30 s by default\n"
            "Correct: A record for the apex, CNAME for www\n")
    (card,) = parse_deck(text, path="notes.txt").cards
    assert [line.text for line in card.answer_lines] == ["- Blocking calls in the SDK time out after 30 s by default",
                                                         "Correct: A record for the apex, CNAME for www"]
    assert any(q.answer == "30 s" and "Blocking calls" in q.stem for q in accepted(bank(text)))


def test_round_by_f_the_size_of_a_cidr_block_the_stem_names() -> None:
    """Fresh sample of round BY (gke code review #4, #16, #19: "/26 per node (_____ addresses)", "a /24 gives _____
    Services"): the size of a block the stem names is arithmetic (usable counts too: a /24 subnet's 251 on AWS)."""
    qs = bank("Pod IP ranges\nA:\n- each node gets a /26 per node (64 addresses) for up to 32 pods\n"
              "- a /24 gives 256 Services, control plane needs exactly a /28 (16 addresses)\n"
              "- a /24 VPC subnet has 251 usable IPs after AWS reserves its five\n- max pods per node default 110\n")
    asked = {q.answer for q in accepted(qs)}
    assert "110" in asked and not asked & {"64", "256", "16", "251"}


def test_round_bz_a_a_list_numbered_without_marks_an_answer_key_and_units_in_capitals() -> None:
    """Round BZ (elasticache mnemonics, 11/20): "_____ volatile-random" asked an item's number in a list written
    "1 volatile-lru" / "2 allkeys-lru" …; "ans: 35 days; 60; r6gd; ≤_____" asked a self-quiz's answer key; options
    "2 MINUTE", "3 MINUTE" did not agree with their number ("1 MINUTE" alone read right)."""
    qs = bank("Global Datastore\nA:\n- promote a secondary to primary in < 1 MINUTE (manual, not automatic!)\n---\n"
              "EVICTION POLICIES\nA:\n1 volatile-lru  (ElastiCache default)\n2 allkeys-lru\n3 volatile-lfu\n4 allkeys-lfu\n"
              "---\nQUIZ #1 shards and replicas\nA:\na) replicas per shard max?\nans: 5 | 500 | 90\n---\nNode sizes\nA:\n"
              "1 GB cache.t4g.micro\n2 GB cache.t4g.small\n3 GB cache.t4g.medium\n")
    good = accepted(qs)
    assert not [q for q in good if q.stem.startswith("EVICTION") or "ans:" in q.stem or "QUIZ" in q.stem]
    options = [o.text for q in accepted(qs, "multichoice") if q.answer == "1 MINUTE" for o in q.options]
    assert options and all(o == "1 MINUTE" or o.endswith("MINUTES") for o in options), options
    assert "2 GB" in {q.answer for q in good}          # a list of sizes keeps its values


def test_round_bz_b_the_writers_own_exclamation_marks() -> None:
    """Round BZ (comparison tables #5: "Lambda — _____ (!!) — shortest of all"; BY's German flashcards #16: "(!!
    Australien bleibt teuer)"): the writer's "(!!)" and "!!" are emphasis, not text of the fact."""
    qs = bank("Timeouts\nA:\n1. API Gateway REST in front of Lambda — 29 s (!!) — shortest integration timeout of all\n"
              "!! Standard-TTL beträgt 24 Stunden bei CloudFront – kommt ständig in Prüfungsfragen vor\n")
    good = accepted(qs)
    assert {"29 s", "24 Stunden"} <= {q.answer for q in good}
    assert not [q for q in good if "!" in q.stem]


def test_round_ca_a_notes_kept_as_comments_in_an_sql_file() -> None:
    """Round CA (BigQuery notes in a .sql scratch file, 2/20): 16 stems began with the "-- ===== QUOTAS: views ====="
    banner, one asked a CREATE TABLE's "partition_expiration_days = 400", one showed an ALTER statement in its
    breadcrumb; "INT64 ........ _____" kept its dot leaders and "TiB = _____ (1)^_____ (2)" asked a power's parts."""
    qs = bank("-- ===== QUOTAS: views =====\n-- max nested view levels: 16\n-----\n"
              "-- ===== PRICING: physical storage =====\n-- set at the DATASET level:\n"
              "ALTER SCHEMA mydataset SET OPTIONS (storage_billing_model = 'PHYSICAL');\n"
              "-- after switching you have to wait 14 days before you can switch back\n-----\n"
              "-- ===== PARTITIONING: DDL example =====\nCREATE TABLE mydataset.events (\n  event_ts TIMESTAMP\n)\n"
              "PARTITION BY DATE(event_ts)\nOPTIONS (\n  partition_expiration_days = 400\n);\n"
              "-- SELECT * FROM `proj.ds.events` LIMIT 10;   -- still scans every column\n"
              "--   OPTIONS (enable_refresh = true, refresh_interval_minutes = 30)\n-----\n"
              "-- ===== PRICING: data type sizes =====\n/*\n  INT64 / FLOAT64 ........ 8 bytes\n  NUMERIC ... 16 bytes\n*/\n"
              "-- billed by TiB = 2^40 bytes, not TB\n")
    good = accepted(qs)
    assert {"16", "14 days", "8 bytes", "16 bytes"} <= {q.answer for q in good}
    assert not [q for q in good if "=====" in q.stem or "ALTER" in q.stem or "...." in q.stem or "/*" in q.stem]
    assert not [q for q in good if q.answer in ("400", "10", "30", "2", "40 bytes") or "^" in q.stem]
    assert any(q.stem.startswith("QUOTAS: views") for q in good)
    assert any("INT64 / FLOAT64: " in q.stem for q in good)


def test_round_ca_b_episode_numbers_scenarios_and_the_writers_own_tests() -> None:
    """Round CA (Kinesis podcast notes 17/20, Step Functions to-do list 17/20, Cosmos DB in Turkish 18/20): "Ravi from
    ep _____ said" asked an episode's number; "scenario from mock exam: … Waits _____" and "Senaryo: …, _____ veri" a
    scenario's input; "confirmed in console by returning a _____ string" the writer's own test value."""
    qs = bank("Ep 44 - retention pricing\nA:\n- Ravi from ep 42 said LTR storage is cheap\n"
              "- extended retention: up to 7 days\n---\nExpress workflows\nA:\n"
              "- scenario from mock exam: 1M Express executions/month each Waits 4 min doing nothing\n"
              "- Express max duration is 5 minutes\n---\nÖrnek fatura\nA:\nSenaryo: 10.000 RU/s manual, tek bölge, 100 GB veri\n"
              "---\nPayload\nA:\n- max payload is 256 KB\n"
              "- confirmed in console on 2024-06-01 by returning a 300 KB string, got DataLimitExceeded\n"
              "- [ ] re-run the 300 KB Lambda test w/ JSONata\n")
    answers = {q.answer for q in accepted(qs)}
    assert {"7 days", "5 minutes", "256 KB"} <= answers
    assert not answers & {"42", "4 min", "100 GB", "300 KB"}


def test_round_ca_c_turkish_durations_examples_and_seconds_tables() -> None:
    """Round CA (Cosmos DB in Turkish): "5 saniye", "30 gün", "8 saatlik" are durations (their unit is the answer's);
    "Örnek 1: _____ RU/s, 120 GB → 3 PP" is an example; "1 dakika = 60" from a table of seconds to learn is a
    conversion, stated true or false as well as asked."""
    qs = bank("Stored procedure limitleri\nA:\n- sproc max çalışma süresi: 5 saniye\n- retention: 8 saat ile 720 saat arası\n"
              "---\nPhysical partition limitleri\nA:\n- Örnek 1: 30.000 RU/s, 120 GB → max(3, 2.4) → 3 PP\n"
              "- bir physical partition max 10.000 RU/s\n---\nTTL saniye değerleri (ezber)\nA:\n- 1 dakika = 60\n"
              "- 1 saat = 3600\n---\nTTL seconds I use often\nA:\n- 1 hour = 3600\n- 1 week = 604800\n")
    good = accepted(qs)
    answers = {q.answer for q in good}
    assert {"5 saniye", "720 saat", "10.000"} <= answers
    assert "30.000" not in answers
    assert not [q for q in good if "=" in q.stem], [q.stem for q in good if "=" in q.stem]
    wrong = [o.text for q in accepted(qs, "multichoice") if q.answer == "5 saniye" for o in q.options]
    assert wrong and all(o.endswith(" saniye") for o in wrong)


def test_round_re11_a_a_rate_is_named_by_its_label_and_targets_are_shown_as_written() -> None:
    """Fresh sample of round CA (Kinesis podcast notes, 16/20): "How many shards are needed for 5 MB/s?" was keyed
    3 from "read: 2 MB/s per shard" while the line above gave "write: 1 MB/s" (5 MB/s of writes needs 5); a rate in
    MB/s counted in binary bytes asked for "3.1999998093 MB/s"."""
    qs = bank("What is a shard\nA:\n- write: 1 MB/s OR 1,000 records/s per shard\n- read: 2 MB/s per shard, shared\n"
              "---\nHot keys\nA:\n- hot partition key = one shard maxed at 1 MiB/s while the rest idle\n")
    shards = [q for q in accepted(qs, "calculated") if "shards are needed" in q.stem]
    assert shards
    for q in shards:
        if "MB/s" in q.stem and "What is a shard" in q.stem:
            assert "of reads?" in q.stem or "of writes?" in q.stem, q.stem
            rate = 2 if "reads" in q.stem else 1
            target = float(re.search(r"for ([\d.]+) MB/s", q.stem).group(1))
            assert q.answer == f"{math.ceil(target / rate)} shards", (q.stem, q.answer)
        assert not re.search(r"\d\.\d{3,}", q.stem), q.stem


def test_round_cb_a_notes_kept_in_a_python_file() -> None:
    """Round CB (SNS and SES notes in a Python scratch file, 7/20): stems showed "PUBLISH_BATCH_MAX_TOTAL_BYTES =
    262_144 # aggregate _____", "FCM: 5 * KB", "assert sns_billed_requests(256 * KB) == _____", the helper "KB = 1024"
    stated false, and "(_____ - 1M) * 0.50/M = 9.50" asked a worked sum's operand."""
    qs = bank('# Q: max size of one SNS message?\nA:\nSNS_MAX_MESSAGE_BYTES = 262_144   # 256 KB, body + attributes\n'
              '-----\n# ===== SES sandbox =====\nSES_SANDBOX = {\n    "per_day": 200,        # emails per 24 h\n'
              '    "max_template_size": 500 * KB,\n}\n-----\n# ===== helpers =====\nKB = 1024\nONE_MILLION = 1_000_000\n'
              'def sns_billed_requests(msg_bytes):\n    """64 KB chunks."""\n    return max(1, math.ceil(msg_bytes / 65536))\n\n'
              'assert sns_billed_requests(256 * KB) == 4\n# worked ex: 10M publishes, 2 chunks each\n'
              '# publish: (20M - 1M) * 0.50/M = 9.50\n')
    good = accepted(qs)
    answers = {q.answer for q in good}
    assert {"200", "500 KB"} <= answers, answers
    assert not [q for q in good if re.search(r"[A-Z]{2,}_[A-Z]|\* ?KB|assert|def |return|\"\"\"", q.stem)]
    assert not answers & {"1024", "1,024", "4", "20M", "1M", "1,000,000"}
    # (the unit its name ends in is the value's: the comment's "256 KB" then restates it, so neither is blanked)
    assert any("SNS max message: 262,144 bytes; 256 KB" in q.stem for q in good)
    assert any("SES sandbox per day" in q.stem for q in good)


def test_round_cb_b_meeting_minutes_postmortems_and_arabic_notes() -> None:
    """Round CB (Cloud Functions study-group minutes 10/20, EFS/FSx postmortems 8/20, Service Bus in Arabic 16/20):
    "Mtg #_____ item 3b" asked a meeting's number, "Disagreement: Tomasz said _____" and "Ade's story: wrote a _____
    zip" who said what; a postmortem's "Incident:" and "Timeline" lines and "our graph" readings the team's own
    numbers; "مثال: Premium بـ _____ MU" an example's input; "_____ يوم" left its unit out of the answer."""
    qs = bank("Mtg #3 item 2b — concurrency in 2nd gen\nA:\n- max concurrency per instance = 1000\n"
              "- Disagreement: Tomasz said 60 min for everything. Lucia said events are still 9 min.\n"
              "- Ade's story: wrote a 300 MB zip to /tmp on a 256 MB function\n---\n"
              "PM-01 [SEV3] CI cache EFS went to a crawl\nA:\nIncident: build cache FS dropped from ~100 MiB/s to ~5.4 MiB/s\n"
              "Timeline:\n  08:02 nightly job kicks off (our graph: 96 MiB/s sustained)\n"
              "What the docs say:\n  - baseline = 50 KiB/s per GiB of Standard storage\n---\n"
              "حد الـ TTL في Basic\nA:\n- في Basic أقصى TTL للرسالة = 14 يوم\n- مثال: Premium بـ 2 MU → 2,000 entity\n")
    answers = {q.answer for q in accepted(qs)}
    assert {"1000", "50 KiB/s", "14 يوم"} <= answers, answers
    assert not answers & {"3", "60 min", "300 MB", "5.4 MiB/s", "96 MiB/s", "2", "2,000"}


def test_round_re12_a_beliefs_action_items_what_ifs_and_the_teams_own_systems() -> None:
    """Fresh sample of round CB (study-group minutes 14/20, postmortems 14/20, Service Bus in Arabic 14/20): a false
    statement changed what "Ade thought"; an "Action item (@Tomasz, due 24 Sep)" was stated true; "Provisioned at
    ~_____ would have been ~$600/month" and "our old FS maxed at _____" asked the team's own case; "كتبت 99.95% …
    لازم أتأكد" ("I wrote …, must check") asked a value the writer doubts."""
    qs = bank("Max event size\nA:\n- Ade thought it was 10 MB for both. Priya checked the quotas page.\n"
              "- Action item (@Tomasz, due 24 Sep): try concurrency 80 with 0.5 vCPU\n- 2nd gen: 512 KB per event\n---\n"
              "EFS throughput modes\nA:\n- Provisioned at ~100 MiB/s would have been ~$600/month for the same pattern\n"
              "- our old FS maxed at 250 MiB/s when created\n- Elastic: up to 60 GiB/s reads per file system\n---\n"
              "الـ SLA في Premium\nA:\n- Premium: كتبت 99.95% لكن لازم أتأكد من صفحة الـ SLA\n- Standard: 99.9%\n")
    answers = {q.answer for q in accepted(qs)}
    assert {"512 KB", "60 GiB/s", "99.9%"} <= answers, answers
    assert not answers & {"10 MB", "80", "0.5", "100 MiB/s", "$600", "250 MiB/s", "99.95%"}


def test_round_cc_a_a_sheet_of_decision_rules() -> None:
    """Round CC (S3 as IF/THEN rules, 4/20): stems kept "R40 IF … THEN -> …", "EXCEPT", rule numbers "R68" and a
    struck rule's "WRONG" as a heading; "ex: _____ log objects" asked an example's count."""
    qs = bank("Minimum storage duration per class\nA:\nR13 IF Std-IA OR One Zone-IA THEN min 30 days\n"
              "R14 IF Glacier IR THEN -> min 90 days\n    EXCEPT Standard -> no minimum at all\n"
              "~~R23 IF Glacier IR THEN $0.01/GB like the IA classes~~  WRONG\n"
              "R23b IF Glacier IR THEN $0.03 per GB retrieved\nex: 50,000,000 log objects -> Deep Archive\n---\n"
              "Bucket naming rules\nA:\nR68 3-63 chars\nR69 lowercase letters, numbers, dots and hyphens only\n")
    good = accepted(qs)
    assert {"30 days", "90 days", "$0.03"} <= {q.answer for q in good}
    assert not [q for q in good if re.search(r"\bR\d|\bIF\b|THEN|EXCEPT|WRONG|->", q.stem)], \
        [q.stem for q in good if re.search(r"\bR\d|\bIF\b|THEN|EXCEPT|WRONG|->", q.stem)]
    assert "50,000,000" not in {q.answer for q in good}
    assert any("If Glacier IR, then min _____" in q.stem for q in good)


def test_round_re13_a_notes_kept_in_a_terraform_file() -> None:
    """Fresh sample of round CC (AKS notes in a Terraform file, 11/20): stems kept "locals ›" and 'variable
    "max_pods" › floor = _____', and a resource block's "min_count = 2" (the writer's own config) was asked."""
    qs = bank('max pods per node\nA:\nvariable "max_pods" {\n  description = "pods per node, set at pool creation"\n'
              '  type        = number\n  default     = 30    # Azure CNI default\n  # kubenet default = 110\n}\n-----\n'
              'node limits\nA:\nlocals {\n  max_nodes_per_pool = 1000   # one pool cannot go past this\n}\n'
              'resource "azurerm_kubernetes_cluster_node_pool" "apps" {\n  min_count = 2\n  max_count = 7\n}\n')
    good = accepted(qs)
    assert {"30", "110", "1000"} <= {q.answer for q in good}, {q.answer for q in good}
    assert not [q for q in good if re.search(r"locals|variable|resource|[{}]", q.stem)]
    assert not {"2", "7"} & {q.answer for q in good}
    assert any("max pods default: _____" in q.stem for q in good)


def test_round_cd_a_citations_pdf_pages_and_a_marking_scheme() -> None:
    """Round CD (Spanner notes with citations 4/20, EventBridge pasted from a PDF 11/20, Memorystore as a teacher's
    marking scheme 1/20): stems kept "[3, §Query limits]" and "(ibid.)", a PDF's "Study Guide — Page 14" and words cut
    at their hyphen ("check FailedEntryCount in the re"), and a mark scheme's "Award 1 mark for _____" and
    "Do not accept _____ (bytes!)"."""
    qs = bank("Query limits\nA:\nMax query length: 1 MiB [3, §Query limits].\nAdmin request size: 10 MB (ibid.)\n"
              "[9], [3, §Backup and restore limits]\n---\nPutEvents\nA:\nEventBridge Study Guide — Page 14\n"
              "PutEvents accepts up to 10 entries per request; check FailedEntryCount in the re-\n"
              "sponse, entries can fail one by one.\n© 2024 Skyline Certification Press. For personal study only.\n---\n"
              "Q4. State the maximum size of a Memorystore for Redis instance. [2 marks]\nA:\nAnswer: maximum 300 GB.\n"
              "Award 1 mark for 300 GB.\nDo not accept 5 TB (that's Memcached).\n[2 marks]\n")
    good = accepted(qs)
    assert {"1 MiB", "10 MB", "10", "300 GB"} <= {q.answer for q in good}, {q.answer for q in good}
    assert not [q for q in good if re.search(r"\[\d|ibid|Page 14|©|marks?\b|Award|Accept:|not accept", q.stem)]
    assert "5 TB" not in {q.answer for q in good}
    assert any("in the response, entries" in q.stem for q in good)


def test_round_ce_a_a_changelog_manual_pages_and_the_writers_own_case() -> None:
    """Round CE (OCI notes kept as a dated changelog 0/20, DigitalOcean notes as manual pages 1/20, plain Snowflake
    notes 16/20): every stem began "2026-03-17 — v0.43 — … › Added:", a correction's old value ("Fixed: I had 30
    days …") was asked, man-page stems were headed "NAME", and "Ours: 1,500 credits/month" and "after someone's
    cross join ran 9 hours" were asked as facts."""
    qs = bank("### 2026-01-05 — v0.1 — Object Storage, first pass\nAdded: max object size = 10 TiB.\n"
              "Added: object names up to 1,024 characters.\n---\n### 2026-01-09 — v0.5.1 — IA retention fix\n"
              "Fixed: I had 30 days for the IA minimum retention, it's 31 days.\n"
              "Removed: my guess that a bucket holds at most 5 TB.\nFixed: the default volume performance is 10 VPU/GB.\n"
              "---\nDROPLET-BASIC(7)\nNAME\n       droplet-basic - Regular shared-CPU Droplet sizes\nSYNOPSIS\n"
              "       doctl compute droplet create web1 --size s-1vcpu-1gb --count 3\nLIMITS\n"
              "       --max-volumes   7 volumes per Droplet\nDESCRIPTION\n       Snapshots cost $0.06 per GiB per month.\n"
              "SEE ALSO\n       volumes(7), 25 other pages\n---\nResource monitors\n- credit quota per month or per week\n"
              "- Ours: 1,500 credits/month at account level\n- STATEMENT_TIMEOUT default is 172,800 seconds\n"
              "- We set STATEMENT_TIMEOUT to 3600 after someone's cross join ran 9 hours.\n")
    good = accepted(qs)
    answers = {q.answer for q in good}
    assert {"10 TiB", "1,024", "10", "7", "$0.06", "172,800 seconds"} <= answers, answers
    assert not {"30 days", "31 days", "5 TB", "3", "25", "1,500", "9 hours"} & answers, answers
    assert not [q for q in good if re.search(r"2026|v0\.|Added|Fixed|NAME|SEE ALSO|DROPLET-BASIC|```", q.stem)]
    assert any(q.stem.startswith("droplet-basic - Regular shared-CPU Droplet sizes") for q in good)
    assert any(q.stem.startswith("Object Storage, first pass › max object size") for q in good)


def test_round_ce_b_headerless_aligned_rows_own_trials_and_restatements_grouped_with_points() -> None:
    """Round CE: a man page's price rows aligned with spaces and no header were asked ("s-1vcpu-1gb $6/mo 1 GiB
    _____"), "Tried it: 7 GB ISO … took ~11 min" was asked, and Spanish notes' "hasta _____ (43.200 s)" kept the
    restatement that gives 12 hours away."""
    qs = bank("Droplet sizes\nA:\nmax 10 Droplets per account at first\n"
              "s-1vcpu-1gb          $6/mo    1 GiB     25 GiB    1,000 GiB\n"
              "s-1vcpu-2gb          $12/mo   2 GiB     50 GiB    2 TiB\n---\nsingle PUT\nA:\n"
              "a single PutObject maxes out at 50 GiB.\nTried it: 7 GB ISO from home took ~11 min.\n---\n"
              "Queues - limites\nA:\n- delay de entrega: hasta 12 horas (43.200 s), con delaySeconds\n")
    good = accepted(qs)
    answers = {q.answer for q in good}
    assert {"10", "50 GiB", "12 horas"} <= answers, answers
    assert not {"$6", "25 GiB", "1,000 GiB", "2 TiB", "7 GB", "11 min"} & answers, answers
    assert not [q for q in good if "43.200" in q.stem and q.type != "truefalse"]


def test_round_re15_a_a_heading_that_states_the_number_and_an_error_code_before_its_kind() -> None:
    """Fresh sample of round CE (Cloudflare notes in Spanish 18/20, OCI changelog 14/20): a heading 'Numeros "128"
    que confundo' gave away every 128 under it, and "Seeing _____ timeouts" (504) offered 756 and 378 beside it."""
    qs = bank('Numeros "128" que confundo\nA:\n- 128 KB = tamaño max de mensaje en Queues\n'
              "- 25 MiB = tamaño max de un valor en KV\n---\nFunctions memory\nA:\n"
              "Java functions should get at least 256 MB. Seeing 504 timeouts when invoking: raise memory first.\n")
    good = accepted(qs)
    answers = {q.answer for q in good}
    assert "25 MiB" in answers and "128 KB" not in answers, answers
    shown = [o.text for q in accepted(qs, "multichoice") if q.answer == "504" for o in q.options]
    assert shown and all(int(o) in STATUS_CODES for o in shown), shown


def test_round_cf_a_forum_threads_saved_as_notes() -> None:
    """Round CF (Vercel and Netlify notes saved as forum threads: every thread read as one card of the deck, 0
    questions): the asker's case ("dies after exactly 10 seconds"), an outdated other answer ("Pro max is 60
    seconds") and its comments, vote counts and the writer's own usage ("mine used 2.3 GB") are not asked; the
    accepted answer is, under the thread's tags."""
    qs = bank("=== #2 [vercel] [functions] [timeout] ===\nQ (asked by nullpointer_nina, 41 votes): My API route dies "
              "after exactly 10 seconds with a 504. How to raise it?\n✔ Accepted answer (88 votes): Without fluid compute "
              "the limits were:\n  - Pro: 15 s default, configurable up to 300 s\n  - Enterprise: 15 s default, up to 900 s\n"
              '↳ Answer (5 votes): "Pro max is 60 seconds, Enterprise 900"\n   💬 @renato.cloud: that was true in 2022, '
              "downvoted, sorry\nMy takeaway: Netlify sync functions get 60 s now; mine used 2.3 GB of bandwidth.\n")
    good = accepted(qs)
    answers = {q.answer for q in good}
    assert {"300 s", "900 s"} <= answers, answers
    assert not {"10 seconds", "60 seconds", "88", "41", "5", "2022", "2.3 GB"} & answers, answers
    assert not [q for q in good if re.search(r"votes|asked by|Accepted|↳|💬|#2|\[vercel\]", q.stem)]
    assert any(q.stem.startswith("vercel functions timeout ›") for q in good)


def test_round_cf_b_korean_notes_title_marks_words_and_examples() -> None:
    """Round CF (Alibaba Cloud notes in Korean, 16/20): every stem began with the title's "■" mark; most of the
    deck's values were rejected as "only 2 words around the blank" (Hangul was no word), and "예)" opens an example."""
    good = accepted(bank("■ OSS 업로드 제한\n- PutObject 한 번에 올릴 수 있는 객체 크기는 최대 5 GB\n"
                         "- 멀티파트 업로드: 파트 개수는 최대 10,000개까지 가능\n"
                         "- 예) 2 vCPU면 메모리 2 GB ~ 8 GB 사이만 가능\n"))
    assert good and not [q for q in good if "■" in q.stem]
    assert any(q.stem.startswith("OSS 업로드 제한 ›") for q in good)
    answers = {q.answer for q in good}
    assert "5 GB" in answers and not {"2 GB", "8 GB"} & answers, answers


def test_round_re16_a_the_writers_own_project_and_korean_marks() -> None:
    """Fresh sample of round CF (MongoDB notes 16/20, Alibaba Cloud notes in Korean 15/20): "Imported 2.4 million
    rows last sprint", "Used it for orders older than 365 days, cluster disk went from 180 GB to 60 GB" and "our
    incident … ~50 min total" were asked; Korean stems kept "(암)" ("learn by heart") and the "ㄴ" sub-item mark."""
    qs = bank("Bulk writes\n- insertMany takes at most 100,000 operations per batch\n"
              "- Imported 2.4 million rows last sprint with insertMany batches of 10k\n"
              "- Used it for orders older than 365 days, cluster disk went from 180 GB to 60 GB\n"
              "- Example from our incident on 2 Oct: restored a copy, ~50 min total\n---\n"
              "■ OSS 대역폭 (암)\n- 계정 단위 업로드 대역폭은 리전마다 다름\n  ㄴ 중국 본토 리전: 최대 10 Gbit/s 까지 가능 (암)\n")
    good = accepted(qs)
    answers = {q.answer for q in good}
    assert {"100,000", "10"} <= answers, answers
    assert not {"2.4 million", "365 days", "180 GB", "60 GB", "50 min"} & answers, answers
    assert not [q for q in good if re.search(r"\(암\)|ㄴ", q.stem)]
    # (fresh sample of round CG: "exam (ANS-C01) booked for 14 March, so ~6 weeks" was asked)
    assert not accepted(bank("AWS networking — Leitner box\nexam (ANS-C01) booked for 14 March, so ~6 weeks.\n"))


def test_round_re15_b_a_line_that_compares_with_another_product() -> None:
    """Fresh sample of round CE (Snowflake notes, 16/20): under "Data type limits", "vs Redshift: VARCHAR max 65,535
    bytes there" was asked as a statement about Snowflake."""
    qs = bank("Data type limits\n- VARCHAR max 16 MB in Snowflake\n"
              "- vs Redshift: VARCHAR max 65,535 bytes there, so our migrated JSON columns finally fit.\n")
    answers = {q.answer for q in accepted(qs)}
    assert "16 MB" in answers and "65,535 bytes" not in answers, answers
    assert not [q for q in accepted(qs) if "Redshift" in q.stem]


def test_round_cg_a_a_false_value_keeps_its_side_of_the_sentences_other_values() -> None:
    """Round CG (shared azure deck, 19/20): "a 30-day retention might keep data for 31 days" was falsified to 25 days,
    false by logic alone; its multiple choice offered 30 days. The "30-day" is no fact of its own, but a value the
    sentence states all the same: wrong values stay on the key's side of it and are never it."""
    text = ("Purge retained data\nA:\n- If you set the data retention to 30 days, you can purge older data immediately by "
            "using the immediatePurgeDataOn30Days parameter.\n- Workspaces with a 30-day retention might keep data for 31 "
            "days if you don't set the immediatePurgeDataOn30Days parameter.\n")
    for seed in range(1, 30):
        for q in bank(text, seed=seed):
            if "31 days" == q.answer and q.type == "multichoice":
                assert all(float(o.text.split()[0]) > 30 for o in q.options), [o.text for o in q.options]
            if q.type == "truefalse" and q.answer == "false":
                shown = re.search(r"keep data for (\d+) days", q.stem)
                assert shown and int(shown.group(1)) > 30, q.stem


def test_round_cg_b_ocr_bullets_and_a_slides_worked_example() -> None:
    """Round CG (Azure Functions lecture slides pasted from a phone's OCR, 6/20): stems kept the OCR's "o " bullet and
    "Slide 7 / 38", and a "FLEX WORKED EXAMPLE" slide's inputs were asked (its title was the slide number)."""
    qs = bank("Slide 20 / 42\nFLEX WORKED EXAMPLE\n1 million executions, each 400 ms, instance size 2,048 MB\n"
              "• billed as 1,000 ms each (minimum!) -> 2,000,000 GB-s\n\nSlide 22 / 42\nFLEX - LIMITATIONS\n"
              "• Blob trigger only with Event Grid source (no polling)\no Memory rounded UP to nearest 128 MB, max 1,536 MB\n")
    good = accepted(qs)
    answers = {q.answer for q in good}
    assert {"128 MB", "1,536 MB"} <= answers, answers
    assert not {"1 million", "400 ms", "2,048 MB", "2,000,000 GB-s"} & answers, answers
    assert not [q for q in good if re.search(r"Slide|^\S+ › o ", q.stem)]


def test_round_ch_a_cornell_notes_and_vietnamese_notes_history_and_hearsay() -> None:
    """Round CH (GKE/GCE as Cornell notes 0/20: every stem began "TOPIC: … Lec 8 -- Wed 28 Feb 2024, p.26 ›" and
    SUMMARY lines were asked; ECS notes in Vietnamese 10/20: "doc cũ ghi 10" (old docs said) and "(có bài ghi 52%)"
    (an article says) were asked)."""
    qs = bank("TOPIC: N1 (1st gen) -- legacy but still on the exam      Lec 1 -- 05 Feb 2024, p.3\n"
              "CUES: N1 max vCPU / mem ratios / f1-micro?\nNOTES:\n- up to 96 vCPU; n1-standard = 3.75 GB/vCPU\n"
              "SUMMARY: Old Skylake-era gen, memorise 624 GB as the N1 ceiling.\n---\n"
              "[12] Quotas ECS\n- Capacity providers per cluster: 20 (doc cũ ghi 10).\n"
              "- Savings Plans giảm khoảng tới 50% vs on-demand (có bài ghi 52%).\n"
              "- ví dụ: base 2 FARGATE, còn lại 8 FARGATE_SPOT\n")
    good = accepted(qs)
    answers = {q.answer for q in good}
    assert {"96", "20"} <= answers, answers
    assert not {"624 GB", "10", "52%", "2", "8"} & answers, answers
    assert not [q for q in good if re.search(r"TOPIC|Lec 1|p\.3|CUES|NOTES|SUMMARY", q.stem)]
    assert any(q.stem.startswith("N1 (1st gen) -- legacy but still on the exam ›") for q in good)


def test_round_ci_a_letters_pasted_help_pages_and_indonesian_doubts() -> None:
    """Round CI (Athena/Redshift notes written as letters to a friend, 9/20: the deck read as ten cards, stems began
    "Dear Sam, ›"; Twilio help pages 16/20 kept the writer's ">> math:" comments; IBM Cloud notes in Indonesian kept
    "(cek)"; App Service notes kept "Exam tip:")."""
    letters = parse_deck("Letters to Sam\n\n3 Feb\nDear Sam,\nAthena bills $5 per TB of data scanned, with a 10 MB "
                         "minimum per query.\nCheers, Priya\nP.S. DDL statements are free.\n\nDear Sam,\nRedshift "
                         "Serverless starts at 8 RPUs.\nLove, Priya\n", path="letters.txt")
    assert len(letters.cards) == 2 and letters.issues == ()
    assert not [line for c in letters.cards for line in c.answer_lines if "Cheers" in line.text or "Love," in line.text]
    qs = bank("Dear Sam,\nAmazon Athena bills $5 per TB of data scanned, with a 10 MB minimum per query.\nCheers, Priya\n"
              "---\nSMS segments\nA:\nA single SMS holds 160 GSM characters.\n>> math: 300 chars / 153 = 2 segments\n"
              "---\n[3] Code Engine app\n- timeout maksimal 600 detik\n- instance maksimal 250 per app (cek)\n---\n"
              "App Service slots\n- Exam tip: Standard tier gets 5 deployment slots\n")
    good = accepted(qs)
    answers = {q.answer for q in good}
    assert {"$5", "160", "600 detik", "5"} <= answers, answers
    assert not {"300", "153", "2", "250"} & answers, answers
    assert not [q for q in good if re.search(r"Dear Sam|Cheers|>>|math:|\(cek\)|Exam tip", q.stem)]


def test_round_ci_b_no_options_for_a_bound_the_sentence_claims() -> None:
    """Round CI's shared sample (57/60): "hosting it at over _____ global edge locations" offered 50 beside 60 (over 60
    is over 50 too), and "provide less than _____ (CPU)" offered two vCores beside one. A threshold the sentence
    defines ("VM sizes with fewer than _____ CPUs may not be used") keeps its options."""
    qs = bank("CloudFront\nA:\nIt improves latency by hosting content at over 60 global edge locations.\n---\nDTU tiers\nA:\n"
              "The Basic, S0, S1 and S2 service objectives provide less than one vCore (CPU).\n---\nAKS sizes\nA:\n"
              "VM sizes with fewer than two CPUs may not be used with AKS.\n")
    for q in accepted(qs, "multichoice"):
        assert "edge locations" not in q.stem or all(float(o.text) >= 60 for o in q.options), [o.text for o in q.options]
        assert "less than" not in q.stem, q.stem
    assert any("fewer than" in q.stem for q in accepted(qs, "multichoice"))


def test_round_re21_a_the_writers_own_lab_policy_and_cluster() -> None:
    """Fresh sample of round CJ (Key Vault / Entra notes, 16/20): "Our policy: … test vaults sit around for 90 days",
    "Lab: set access token to 30 min", "We're at ~1,100 guest MAU/month" and "Our AKS cluster … 429s at ~1,100 pods"
    were asked."""
    qs = bank("Key Vault soft delete\n- soft-delete retention is 7 to 90 days\n"
              "- Our policy: test vaults sit around for 90 days after every teardown\n"
              "- Lab: set access token to 30 min for the demo shop app\n- We're at ~1,100 guest MAU/month, well under 50,000\n"
              "- Our AKS cluster hit 429s at ~1,100 pods restarting at once\n")
    answers = {q.answer for q in accepted(qs)}
    assert "7" in answers or "90 days" in answers, answers
    assert not {"30 min", "1,100", "50,000"} & answers, answers


ORG_NOTES = """#+TITLE: Cosmos DB -- cram notes
#+TODO: TODO NEXT | DONE
# exported straight out of ~/org/dp420.org

* Meta                                                               :noexport:
- exam booked for <2026-03-10 Tue 09:00>, 80% to pass

* Request units                                                        :ru:
** DONE Burst capacity                                       :throughput:exam:
CLOSED: [2026-02-05 Thu 22:03]
- each physical partition banks unused RU/s, up to *5 minutes* worth
- can then burst to *3,000 RU/s* per physical partition
** NEXT [#A] Max item size                                    :drill:exam:
:PROPERTIES:
:ID:       1b2b-item
:END:
What is the largest item a container accepts?
*** Answer
- 2 MB per item (UTF-8 length of the JSON)
"""


def test_round_ck_a_an_org_mode_file_is_a_card_per_heading() -> None:
    """Round CK (Cosmos DB as an Org-mode file, no card to draw): an Org file without "---" lines was one card. Its
    "**" headings are cards, a "*" heading names their section, a ":noexport:" subtree, keywords, comments, drawers
    and planning lines are no text, and an org-drill card's "*** Answer" is its answer."""
    deck = parse_deck(ORG_NOTES, path="cosmos.txt")
    assert [c.title for c in deck.cards] == ["## Request units › Burst capacity",
                                             "## Request units › Max item size What is the largest item a container accepts?"]
    assert [line.text for line in deck.cards[1].answer_lines] == ["- 2 MB per item (UTF-8 length of the JSON)"]
    good = accepted(bank(ORG_NOTES))
    assert {"5 minutes", "3,000", "2 MB"} <= {q.answer for q in good}
    assert not [q for q in good if re.search(r"DONE|NEXT|\[#A\]|:\w+:|CLOSED|PROPERTIES|exam booked|80%|#\+", q.stem + q.answer)]
    # a Markdown list of "* " items, one of them ending in an emoji's code, is no Org file
    markdown = parse_deck("# Lambda\n* timeout up to 15 min :tada:\n* memory 128 MB to 10,240 MB\n", path="md.txt")
    assert len(markdown.cards) == 1 and len(markdown.cards[0].answer_lines) == 2


SLACK_EXPORT = """Slack export — #study-msging

─────────────── Tuesday, December 5th, 2023 ───────────────
[10:12 AM] priya.k: topic: SQS message size
[10:13 AM] dan_ops: 256 KB max, and that's body + attributes :eyes:
[10:14 AM] kenji: so a 300KB json just fails?
    ↳ 2 replies
    [10:15 AM] tomasz.w: yes unless you use the Extended Client Library, up to 2 GB
    [10:18 AM] dan_ops: min size is 1 byte fwiw
[10:21 AM] bea.sre: batch ops = max 10 messages
    :+1: 6   :rocket: 2
[10:23 AM] priya.k: 📌 FACT: SQS msg 1 byte – 256 KB. Batch ≤ 10 msgs. Bigger payloads → S3, up to 2 GB.

─────────────── Wednesday, December 6th, 2023 ───────────────
[7:45 PM] kenji: how long does SQS keep a message? 7 days right?
[7:49 PM] tomasz.w: max is 14 days, not 7
[7:56 PM] priya.k: 📌 FACT: SQS retention min 60 s, default 4 days, max 14 days.
"""


def test_round_ck_b_a_slack_export_by_day_with_pinned_facts() -> None:
    """Round CK (SQS/SNS/Kinesis as a Slack export, 0/20): every stem began with the day's divider ("─── Thursday,
    February 1st, 2024 ───"), reactions (":+1: 6 :rocket: 2") and reply counts ("↳ 2 replies") were asked, and the
    discussion's wrong guesses with them. A day's date names nothing; where the channel pins a summary ("📌 FACT:"),
    the summary is what is asked and the discussion before it is context."""
    good = accepted(bank(SLACK_EXPORT))
    asked = {q.answer for q in good}
    assert {"256 KB", "14 days", "4 days"} <= asked, asked
    assert not asked & {"300KB", "7 days", "6", "2"}, asked
    assert not [q for q in good if re.search(r"─|December|\d:\d\d|:\w+:|↳|FACT|priya|kenji", q.stem)]


def test_round_ck_c_german_lab_results_sums_and_nines() -> None:
    """Round CK (BigQuery in German, 14/20): the writer's practical ("Praktikum: … ging von 2 TB auf ca. 60 GB"),
    an exercise's result ("Bei Übung: … von 8 Sek. auf unter 1 Sek."), a sum the stem shows ("10.000 Std. / 24 =
    ca. _____") and the nines a percentage shows ("99,999999999 % (_____ Neunen)") were asked."""
    qs = bank("Clustering\n- max. 4 Clustering-Spalten pro Tabelle\n"
              "- Praktikum: 2 TB Tabelle, Cluster auf (country) -> Query ging von 2 TB auf ca. 60 GB runter.\n"
              "- Bei Übung: 10 GiB BI Engine für Dashboard -> Laden von 8 Sek. auf unter 1 Sek.\n"
              "- Hourly partitioning: max. 10.000 Partitionen; 10.000 Std. / 24 = ca. 416 Tage\n"
              "- GCS Durability: 99,999999999 % (11 Neunen)\n")
    asked = {q.answer for q in accepted(qs)}
    assert "4" in asked, asked
    assert not asked & {"60 GB", "8 Sek", "1 Sek", "10 GiB", "416 Tage", "11"}, asked


def test_round_ck_d_a_teams_own_migration_and_a_limit_of_many_years_ago() -> None:
    """Round CK (github-actions #12: "We replaced _____ AWS access keys with one IAM role"; og-aws #21: "For many
    years, there was a notorious _____ tag limit per resource", raised since)."""
    qs = bank("OIDC\n- no long-lived cloud creds stored as secrets\n- id tokens are valid for 5 minutes\n"
              "We replaced 3 AWS access keys with one IAM role.\n---\nTags\n"
              "- For many years, there was a notorious 10 tag limit per resource. As of 2016, this was raised to 50 tags "
              "per resource.\n")
    asked = {q.answer for q in accepted(qs)}
    assert "5 minutes" in asked, asked
    assert not asked & {"3", "10"}, asked


def test_round_re22_a_old_docs_in_brackets_and_the_writers_container() -> None:
    """Fresh sample of round CK (bigquery-de #13: "max. 20 MB (alte Doku: _____)"; cosmos #12: "On my telemetry
    container (40 props per doc), excluding everything but 3 paths dropped insert cost from ~14 RU to ~6 RU")."""
    qs = bank("Dataflow Job-Limits\n- Job-Request (JSON der Pipeline): max. 20 MB (alte Doku: 10 MB)\n"
              "- Autoscaler in Schritten von 50 Slots (früher 100)\n- older limit 10 GB (old docs: 5 GB)\n---\nIndexing\n"
              "Cutting indexed paths lowers write RU. On my telemetry container (40 props per doc), excluding everything "
              "but 3 paths dropped insert cost from ~14 RU to ~6 RU.\n- max 8 properties per composite index\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"20 MB", "50", "8"} <= asked, asked
    assert not asked & {"10 MB", "100", "5 GB", "40", "3", "14", "6"}, asked


def test_round_re22_b_a_service_a_count_qualifies_is_not_the_cards_subject() -> None:
    """Fresh sample of round CK (github-actions #4, twice: "macOS › Concurrent jobs per plan (standard hosted runners)
    › larger runners: up to _____ concurrent"): "Free: 20 total, 5 macOS" counts jobs on macOS; neither the 20
    before it nor the card's other lines are macOS's."""
    qs = bank("Concurrent jobs per plan (standard hosted runners)\n- Free: 20 total, 5 macOS\n- Team: 60 total, 5 macOS\n"
              "- Enterprise: 500 total, 50 macOS\n- larger runners: up to 1,000 concurrent, GPU jobs max 100\n")
    good = accepted(qs)
    assert {"1,000", "20"} <= {q.answer for q in good}
    assert "60" in {q.answer for q in good}     # the Team plan's line is no team's own figure
    assert not [q for q in good if q.stem.startswith("macOS")]


def test_round_cl_a_numbered_titles_and_czech_nouns() -> None:
    """Round CL (EC2/EBS in Czech, 14/20; the deck read as five cards): paragraphs titled "1) Billing EC2", "2) …"
    are cards, however a numbered list would be; a count before a Czech word ("max. 7 běžících instancí") is the
    number, never "_____ěžících" keyed "7 b"."""
    deck = parse_deck("EC2 poznámky\n\n1) Billing EC2\nPer-second billing, min. 60 s.\n\n2) Placement groups\n"
                      "Spread: max. 7 běžících instancí na AZ.\n\n3) Kroky\n1. vytvořit\n2. spustit\n\n4) gp3 (SSD)\n"
                      "- baseline 3 000 IOPS\n", path="cs.txt")
    assert [c.title for c in deck.cards] == ["Billing EC2", "Placement groups", "Kroky", "gp3 (SSD)"]
    good = accepted(bank("Placement groups\n- Spread: max. 7 běžících instancí na AZ.\n"))
    assert "7" in {q.answer for q in good} and not [q for q in good if "_____ě" in q.stem]


MIND_MAP = ("Azure Storage map\n\tStorage accounts\n\t\tScale targets per acct (!)\n\t\t\t250 accts / region / sub default\n"
            "\t\t\tmax capacity 5 PiB default\n\t\t\t20,000 requests/s per acct\n\t\t\t\tother regions: 25 Gbps\n"
            "\t\tNaming\n\t\t\t3-24 chars, lowercase letters + digits only\n\tQueues\n\t\tQueue limits\n"
            "\t\t\tmax message size 64 KB\n\t\t\tmax TTL 7 days by default\n\t\tQueue pricing\n\t\t\t$0.004 per 10,000 ops\n"
            "\tStatic website\n\t\tindex document required\n")


def test_round_cl_b_a_mind_map_exported_as_tab_indented_text() -> None:
    """Round CL (Azure Storage as a mind map, one card, nothing to draw): a tab-indented outline is a card per node at
    the depth most nodes branch from, its branch a section, its deeper nodes list items; a branch with only leaves
    under it is a card too."""
    deck = parse_deck(MIND_MAP, path="map.txt")
    assert [c.title for c in deck.cards] == ["### Storage accounts › Scale targets per acct",
                                             "### Storage accounts › Naming", "### Queues › Queue limits",
                                             "### Queues › Queue pricing", "## Static website"]
    assert [line.text for line in deck.cards[0].answer_lines][-1] == "  - other regions: 25 Gbps"
    asked = {q.answer for q in accepted(bank(MIND_MAP))}
    assert {"5 PiB", "20,000", "64 KB"} <= asked, asked


def test_round_cl_c_a_thread_of_posts_saved_as_notes() -> None:
    """Round CL (Redis as saved X threads, 0/20): blanks asked the posts' numbers ("3/4"), stems kept them and the
    hashtags, the counts under a thread were asked, and a quoted post's old claim with it."""
    qs = bank("🧵 2023-09-04 — ElastiCache shards 101\n1/3 Day 1 of learning ElastiCache 🧵 #AWS #LearnInPublic\n"
              "2/3 A shard = 1 primary + up to 5 read replicas.\n3/3 Default cap is 90 nodes per cluster. #ElastiCache\n"
              "♥ 38  ↻ 6  💬 4\n---\n🧵 2023-09-06 — QT of myself (shard limit)\n"
              "1/2 QT @kai_caches: \"ElastiCache cluster mode maxes out at 250 shards\"\n"
              "❌ wrong-ish. On 5.0.6+ it's 500 per cluster.\n2/2 thx @mina for the correction\n♥ 52  ↻ 9\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"90", "500"} <= asked, asked
    assert not asked & {"1/3", "2/3", "3/3", "38", "6", "4", "250", "52"}, asked
    assert not [q for q in good if re.search(r"\b\d/\d\b|#AWS|#ElastiCache|♥|2023|not wrong", q.stem)]


def test_round_cl_d_a_price_restated_per_month_a_czech_lab_and_a_hypothetical() -> None:
    """Round CL (Czech #5: "Moje lab ASG: … přes _____ AZ"; #6: "0,005 USD/hod. → cca _____/měsíc"; og-aws #40:
    "For example, your web frontend might use 3010, … your Postgres instances the usual _____")."""
    qs = bank("Public IPv4\n- od 1. 2. 2024 se platí KAŽDÁ public IPv4: 0,005 USD/hod. → cca 3,60 USD/měsíc\n"
              "- max. 5 Elastic IP na region\n- Moje lab ASG: min 2, desired 2, max 6, přes 3 AZ.\n---\nPort hygiene\n"
              "- For example, your web frontend might use 3010, your backend services 3020 and 3021, and your Postgres "
              "instances the usual 5432.\n- max 60 inbound rules per security group\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"0,005 USD", "5", "60"} <= asked, asked
    assert not asked & {"3,60 USD", "3", "2", "6", "5432", "3010"}, asked


def test_round_re23_a_mind_map_icons_an_office_a_rule_of_mine_and_a_trial_that_may_be_gone() -> None:
    """Fresh sample of round CL (mind map #6, #9, #13, #15, #20: "Redundancy [flag] ›"; #14: "[our branch office: 4 TB
    local cache in front of an _____ share]"; Czech #4: "Příklad mé rule: … po 14 dnech"; redis #19: "free trial: 750
    hrs/mo … for _____. … might be gone now")."""
    qs = bank("Redundancy [flag]\n- LRS = 3 copies in one datacenter\n- [our branch office: 4 TB local cache in front of an "
              "18 TB share, fine]\n---\nLifecycle\n- Příklad mé rule: smazat snapshoty po 14 dnech\n- max. 100 pravidel na politiku\n"
              "---\nMemoryDB misc\n- there was a free trial: 750 hrs/mo of db.t4g.small for 2 months. might be gone now.\n"
              "- max 500 nodes per cluster\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"3", "100", "500"} <= asked, asked
    assert not asked & {"18 TB", "4 TB", "14", "2 months", "750 hrs"}, asked
    assert not [q for q in good if "[flag]" in q.stem]


def test_round_cm_a_a_bullet_journal_by_page() -> None:
    """Round CM (IAM as a bullet journal, 12/20; the journal read as one card): "p.8 — IAM limits collection: USERS"
    starts a card titled without its page number, a priority's "*" and a pointer to another page ("-> p.11") are no
    part of a stem."""
    deck = parse_deck("~~ BUJO VOL.3 ~~\n~~ cert prep ~~\n\np.8 — IAM limits collection: USERS\n– 5,000 IAM users per account\n\n"
                      "p.2-3 — INDEX\n– IAM limits ...... 8-17\n\np.50 — IDENTITY CENTER collection: QUOTAS *\n"
                      "– inline policy size: 32,768 bytes (it becomes a role inline policy -> p.11)\n", path="bujo.txt")
    assert [c.title for c in deck.cards][-3:] == ["IAM limits collection: USERS", "INDEX", "IDENTITY CENTER collection: QUOTAS"]
    good = accepted(bank("p.50 — IDENTITY CENTER collection: QUOTAS *\n– inline policy size: 32,768 bytes (it becomes a "
                         "role inline policy -> p.11)\n– permission sets per account: 250\n"))
    assert {"32,768 bytes", "250"} <= {q.answer for q in good}
    assert not [q for q in good if re.search(r"\*|p\.\d", q.stem)]


def test_round_cm_b_html_comments_are_not_shown() -> None:
    """Round CM (Cloud Functions as Marp slides, 15/20: "<!-- CI redeploying _____ fns in a loop … -->", "<!--
    default timeout: fns _____ vs Run _____. Sneaky. -->"): speaker notes and directives in HTML comments are not
    shown on a slide, so nothing of them is asked."""
    qs = bank("<!-- _class: lead -->\n# 1st gen: API rate limits\n- 80 writes per 100 s per project\n"
              "<!-- CI redeploying 40 fns in a loop burns the 80 writes fast. Stagger. -->\n---\n# Cloud Run: core limits\n"
              "- request timeout up to 60 min\n<!--\ndefault timeout: fns 60 s vs Run 300 s.\nSneaky.\n-->\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"80", "60 min"} <= asked, asked
    assert not asked & {"40", "60 s", "300 s"}, asked
    assert not [q for q in good if "<!--" in q.stem or "_class" in q.stem]


def test_round_cm_c_a_noun_in_its_own_phrase_a_labs_tag_and_an_app_settings_flag() -> None:
    """Round CM (AKS #1: "free trial / student subs: _____ environment, 10 cores" keyed 1, the singular said so; #2:
    "AZ-104 lab: deployed nginx:_____"); an app setting's "WEBSITE_RUN_FROM_PACKAGE = 1" is a switch, while a default
    of 1 with a remark in brackets is a value."""
    qs = bank("ACA: quotas\n- free trial / student subs: 1 environment, 10 cores\n- AZ-104 lab: deployed nginx:1.25 to a /27 "
              "subnet\n- WEBSITE_RUN_FROM_PACKAGE = 1 (zip mounted read-only)\n- Pre-warmed instances: default 1 (buffer "
              "while scaling)\n")
    good = accepted(qs)
    asked = {(q.answer, "WEBSITE" in q.stem, "Pre-warmed" in q.stem) for q in good}
    assert ("1", False, True) in asked, asked
    assert not [q for q in good if q.answer in ("1", "1.25") and ("environment" in q.stem or "nginx" in q.stem or "WEBSITE" in q.stem)]
    assert "10" in {q.answer for q in good}


def test_round_re24_a_a_slide_decks_front_matter_and_images_and_a_journals_own_doings() -> None:
    """Fresh sample of round CM (Marp slides 12/20: "size: _____:9", "![bg right:_____](img/qa.png)", titles
    "<!-- _class: lead -->"; bullet journal 12/20: "o _____ EXAM 09:30", "< 12.04 full mock exam", a monthly log's
    "3 Mo  o start! IAM users/groups")."""
    deck = parse_deck("---\nmarp: true\ntheme: gaia\nsize: 16:9\n---\n\n<!-- _class: lead -->\n# Serverless on GCP\n"
                      "![bg right:40%](img/cover.png)\n- 1st gen timeout max 540 s\n---\n# Quiz\n- default timeout 60 s\n",
                      path="slides.txt")
    assert [c.title for c in deck.cards] == ["# Serverless on GCP", "# Quiz"] and not deck.issues
    good = accepted(bank("<!-- _class: lead -->\n# Serverless on GCP\n![bg right:40%](img/cover.png)\n"
                         "- 1st gen timeout max 540 s\n"))
    assert "540 s" in {q.answer for q in good}
    assert not [q for q in good if re.search(r"<!--|!\[|40%", q.stem)]
    qs = bank("FUTURE LOG\n< 12.04 full mock exam, 180 min timed\no 26.04 EXAM 09:30, test centre\n"
              "– SAP-C02 = 75 questions, pass mark 750/1000\n---\nMONTHLY LOG: MARCH\n1 Sa  –\n3 Mo  o start! IAM users/groups\n"
              "4 Di  IAM roles\n5 Mi  policies + sizes\n– 5,000 IAM users per account\n---\nIAM users\n"
              "– a user can be in max 10 groups\nx count users in sandbox acct (got 27)\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"5,000", "10"} <= asked, asked
    assert not asked & {"12.04", "180 min", "26.04", "3", "4", "5", "27"}, asked


def test_round_cn_a_framed_numbered_titles_a_notebook_source_and_terminal_sessions() -> None:
    """Round CN (Azure SQL in Romanian read as five cards: "== 3. Basic tier =="; a Databricks notebook source 0/20:
    stems began "DBTITLE 1,", its code's own settings were asked; saved terminal sessions 8/20: "# note:" lines read
    as headings, command output labels ("Size: _____") asked, a table's "-----" border ended cards)."""
    ro = parse_deck("NOTIȚE SQL\n\n== 1. Modele ==\n- DTU sau vCore\n\n== 2. Ce e un DTU? ==\n- măsură combinată\n\n"
                    "== 3. Basic tier ==\n- 5 DTU\n- max. 2 GB storage\n", path="ro.txt")
    assert len(ro.cards) == 3 and ro.cards[-1].title == "## Basic tier"
    notebook = ("# Databricks notebook source\n# MAGIC %md\n# MAGIC ## Job run history\n# MAGIC - run history kept for "
                "**60 days**\n\n# COMMAND ----------\n\n# DBTITLE 1,job settings I keep pasting\njob = {\n"
                '    "max_concurrent_runs": 1,        # default 1, max 1000\n    "max_retries": 3,   # default 0 (no retries)\n'
                '    "timeout_seconds": 7200,\n}\n')
    deck = parse_deck(notebook, path="nb.txt")
    assert [c.title for c in deck.cards] == ["## Job run history", "## job settings I keep pasting"]
    good = accepted(bank(notebook))
    asked = {q.answer for q in good}
    assert {"60 days", "1,000", "1000"} & asked and not asked & {"3", "7200"}, asked
    assert not [q for q in good if re.search(r"MAGIC|DBTITLE|COMMAND", q.stem)]
    terminal = ("#### my quotas.log\n[sandbox us-east-1] $ aws service-quotas get-service-quota --service-code lambda "
                "--quota-code L-B99A9384\n{\n    \"QuotaName\": \"Concurrent executions\",\n    \"Value\": 1000.0\n}\n"
                "# note: 1,000 concurrent executions per REGION for Lambda, shared by every function\n"
                "[sandbox us-east-1] $ aws ecs list-account-settings --output table\n--------------------------\n"
                "|  ListAccountSettings   |\n+-----------+------------+\n|  Size     |  10240     |\n"
                "+-----------+------------+\n# note: Fargate ephemeral storage max 200 GiB per task\n")
    cards = parse_deck(terminal, path="term.txt").cards
    assert [c.title for c in cards] == ["aws service-quotas get-service-quota --service-code lambda --quota-code "
                                            "L-B99A9384", "aws ecs list-account-settings --output table"]
    asked = {q.answer for q in accepted(bank(terminal))}
    assert {"1,000", "200 GiB"} <= asked and not asked & {"10240", "1000.0"}, asked


def test_round_re25_a_a_cards_number_and_a_framed_title_under_a_section() -> None:
    """Fresh sample of round CN (Romanian notes, 8/20: stems began "== 48. SQL MI – rețea ==" under the section
    banner, and two blanks asked the section number): a card's number is no part of its title, and a framed title
    under a section's banner is still a heading."""
    deck = parse_deck("NOTIȚE SQL\n\n== 3. Basic tier ==\n- 5 DTU\n- max. 2 GB storage\n\n== 4. Standard tier ==\n- S0 = 10 DTU\n\n"
                      "================ SQL MANAGED INSTANCE ================\n\n== 48. SQL MI – rețea ==\n"
                      "- subnet dedicat, min. /27\n- crearea durează aprox. 30 min\n", path="ro.txt")
    assert [c.title for c in deck.cards] == ["## Basic tier", "## Standard tier", "## SQL MANAGED INSTANCE › SQL MI – rețea"]
    good = accepted(bank("== 48. SQL MI – rețea ==\n- subnet dedicat, min. /27\n- max. 100 instanțe per subnet\n"))
    assert "100" in {q.answer for q in good}
    assert not [q for q in good if re.search(r"==|\b48\b", q.stem)]


def test_round_co_a_a_quiz_bots_reveal_is_the_fact() -> None:
    """Round CO (EKS as a Discord quiz-bot log, 0/20: stems kept "QuizBot#0420: Correct answer: B —", and users'
    guesses and banter were asked): a bot's "QuizBot#0420:" is a sender too, and its "✅ Correct answer: B — …" is
    what the round settled (the question, the guesses and the chat before it are not asked)."""
    qs = bank("──────────── Tuesday, 4 March 2025 ────────────\n[20:02] nadia_ops: !quiz eks\n"
              "[20:02] QuizBot#0420: ❓ **EKS Q#1** How much is the EKS control plane per cluster-hour? A) $0.05 B) $0.10 "
              "C) $0.20\n[20:02] sleepy_sre: d, thats $0.20 right\n"
              "[20:03] QuizBot#0420: ✅ Correct answer: B — EKS costs $0.10 per cluster per hour in standard support.\n"
              "[20:03] nadia_ops: so 3 clusters = ~$219/mo at my last job\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert "$0.10" in asked, asked
    assert not asked & {"$0.20", "$0.05", "$219"}, asked
    assert not [q for q in good if re.search(r"QuizBot|Correct answer|\d\d:\d\d", q.stem)]


def test_re26_a_a_notion_tables_limit_column_says_what_its_values_are() -> None:
    """Fresh sample of round CO (Azure Monitor as Notion tables, 9/20 and 12/20): "HTTP Data Collector API (legacy)
    (Default): _____" said nothing of what the value is; the row's "Limit" cell does ("size per POST")."""
    qs = bank("View: ingestion\n| Name | Service | Limit | Default | Max | Adjustable |\n| --- | --- | --- | --- | --- | --- |\n"
              "| HTTP Data Collector API (legacy) | Log Analytics | size per POST | 30 MB | 30 MB | No |\n"
              "| Workspace soft-delete | Log Analytics | recovery window | 14 days | 14 days | No |\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert "size per POST" in stems["30 MB"] and "recovery window" in stems["14 days"], stems


def test_round_cp_a_a_latex_parts_framed_in_comments_name_their_cards_subject() -> None:
    """Round CP (Azure messaging as LaTeX source, 13/20: "Standard tier pricing › 13M--100M ops: _____ per million"
    named no service, and "--" stayed): a "% ====" / "% PART A -- SERVICE BUS" / "% ====" banner heads the cards
    under it, as a framed banner does in plain notes, and "--" typesets as a dash."""
    qs = bank("% =====================\n% PART A  --  SERVICE BUS\n% =====================\n\n"
              "\\section{Standard tier pricing}\n\\begin{itemize}\n  \\item 13M--100M ops: \\$0.80 per million.\n"
              "\\end{itemize}\n\n% =====================\n% PART B  --  EVENT HUBS\n% =====================\n\n"
              "\\section{Event size}\n\\begin{itemize}\n  \\item Standard, Premium, Dedicated: \\SI{1}{\\mega\\byte}.\n"
              "\\end{itemize}\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["$0.80"].startswith("SERVICE BUS › Standard tier pricing › 13M–100M ops"), stems
    assert stems["1 MB"].startswith("EVENT HUBS › Event size ›"), stems


def test_round_cp_a_b_kanban_boards_cards_labels_comments_and_checklists() -> None:
    """Round CP (Cloud Run as a Trello-like board, 17/20): stems began "CARD: CR - request size › TW - 26/08/2024
    16:48: got a _____ uploading …", a checklist's "[ ] rerun the calculator at 40 rps" was asked, and a list's
    banner ("LIST: Doing - PRICING WEEK") is where a card stands, not what it is about."""
    qs = bank("==========\nLIST: Doing - PRICING WEEK\n==========\n\n"
              "CARD: CR - request size\nLabels: [exam] [limits]  ·  Due: 26/08/2024  ·  Members: PK, TW\n"
              "Description: Max HTTP/1 request size is 32 MiB.\nChecklist:\n  [x] read the limits page\n"
              "  [ ] rerun the calculator at 40 rps steady\nComments:\n"
              "  TW - 26/08/2024 16:48: got a 413 uploading a 45 MB CSV in the demo\n"
              "  PK - 27/08/2024 09:10: responses are capped at 32 MiB too\n\n"
              "CARD: CR - request timeout\nLabels: [exam]  ·  Due: 20/08/2024  ·  Members: PK\n"
              "Description: Default request timeout is 300 s, max 3600 s.\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"32 MiB", "300 s", "3600 s"} <= asked and not asked & {"40", "413", "45 MB"}, asked
    assert not [q for q in good if re.search(r"CARD:|LIST|PRICING|Labels|Due|TW -|\d\d:\d\d|Description", q.stem)]


def test_round_cp_b_a_multi_cloze_blank_its_list_does_not_label() -> None:
    """Round CP (pubsub #1, trello #12): "java defaults: _____ (1) msgs, _____ (2), _____ (3) delay" — the second
    blank (1000 bytes) says nothing of what it is, where the others do; a lead-in labels its first item."""
    qs = bank("Publisher batching\nA:\njava defaults: 100 msgs, 1000 bytes, 1 ms delay\n"
              "wall clock per consumer: 15 min; CPU 30 s by default\n")
    multi = {q.answer for q in accepted(qs, "multi_cloze")}
    assert not [a for a in multi if "1000 bytes" in a], multi
    assert any("15 min" in a and "30 s" in a for a in multi), multi


def test_round_cp_b_b_the_stem_restates_a_bound_or_names_a_status_code() -> None:
    """Round CP (trello #18, latex #14): "min _____ (1) … (you can set the range, min >= 2)" states its key, and
    "No retry on _____ Bad Request" names its status code (stdlib `HTTPStatus` phrases)."""
    qs = bank("Serverless VPC Access connector\nA:\nScales between min 2 and max 10 instances (you can set the range, "
              "min >= 2).\n---\nEvent Grid delivery\nA:\nNo retry on 400 Bad Request; retries stop after 24 hours.\n")
    good = accepted(qs)
    assert not [q for q in good if q.answer in ("2", "400") or "(1) 2;" in q.answer or "(1) 400" in q.answer], \
        [(q.stem, q.answer) for q in good]
    assert "24 hours" in {q.answer for q in good}


def test_round_cp_c_own_case_in_portuguese_a_diarys_past_and_a_share_worked_out() -> None:
    """Round CP (ptbr #5, #8, #11-#13; pubsub #10, #15): "um de _____ no meu lab levou uns 25 min", "6 cópias dos
    dados em 3 AZs (_____ por AZ)", "Tuned max_latency to 50 ms on the clickstream thing" and "both configurable
    0 to _____" (both of what?) were asked."""
    qs = bank("PITR\nA:\nRestaurar depende do tamanho, um de 500 GiB no meu lab levou uns 25 min.\n"
              "Retenção de backup: até 35 dias.\n---\nAurora storage\nA:\n6 cópias dos dados em 3 AZs (2 por AZ)\n"
              "Volume máximo de 128 TiB.\n---\nRetry policy\nA:\nminimum_backoff default 10 s, maximum_backoff default 600 s\n"
              "both configurable 0 to 600 s\nTuned max_latency to 50 ms on the clickstream thing, cut requests a lot.\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"35 dias", "128 TiB", "10 s"} <= asked, asked
    assert not asked & {"500 GiB", "25 min", "2", "6", "3", "50 ms"}, asked
    assert not [q for q in accepted(qs) if q.stem.split(" › ")[-1].startswith("both")]


def test_re27_a_a_an_ordinal_past_the_limit_a_way_of_speaking_and_an_unlabelled_item() -> None:
    """Fresh sample of round CP (RE27, 63/80): "Max _____ hops – a 5th forward goes to the DLQ" (4), "the error is
    _____ of the time you bound to 127.0.0.1", "java defaults: 100 msgs, _____, 1 ms delay" (1000 bytes), "Found out
    the hard way … came back after vacation (6 weeks)" and "Event hub name 1--_____ chars" were asked."""
    qs = bank("Auto-forwarding\nA:\nMax 4 hops – a 5th forward goes to the DLQ.\nForwarding across namespaces: not "
              "supported.\n---\nStartup probes\nA:\nStartup timeout is 240 s.\nThe port error is 90% of the time a "
              "bind to 127.0.0.1.\n---\nPublisher batching\nA:\njava defaults: 100 msgs, 1000 bytes, 1 ms delay\n---\n"
              "Subscription expiration\nA:\nDefault expiration 31 days of inactivity.\nFound out the hard way on a dev "
              "project - came back after vacation (6 weeks) and the sub was deleted.\n---\nEvent hub names\nA:\n"
              "Event hub name 1--256 chars.\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"240 s", "31 days", "100"} <= asked, asked
    assert not asked & {"4", "90%", "1000 bytes", "6 weeks"}, asked
    assert [q for q in accepted(qs, "cloze") if q.answer == "256" and "1–_____ chars" in q.stem]


def test_re27_a_b_a_false_value_after_an_article_agrees() -> None:
    """RE27 (trello #6): "Per-second billing with a 1 minute minimum" was stated false as "a 3 minutes minimum"
    (the statement as the generator writes it when it falsifies that value; "a 3 GB minimum" reads right)."""
    text = "GAE flexible pricing\nA:\nPer-second billing with a 1 minute minimum.\n"
    deck = parse_deck(text, path="rubric.txt")
    cfs = list(extract(deck.cards))
    true = next(q for q in generate(cfs, seed=1, picks={}) if q.type == "truefalse")

    def falsified(shown: str) -> Question:
        extra = dict(true.extra) | {"shown": shown, "body": str(true.get("body")).replace("1 minute", shown)}
        return replace(true, answer="false", stem=true.stem.replace("1 minute", shown), extra=tuple(extra.items()),
                       question_id=true.question_id + shown)

    judged = {q.get("shown"): q for q in gate([true, falsified("3 minutes"), falsified("3-minute")], card_facts=cfs)}
    assert judged["1 minute"].status == "accepted" and judged["3-minute"].status == "accepted"
    assert judged["3 minutes"].status == "rejected" and "article" in str(judged["3 minutes"].reject_reason)


def test_round_cq_a_a_a_yaml_list_of_cards() -> None:
    """Round CQ (DynamoDB flashcards as a YAML file, read as one card): each "- topic:" item is a card, its "notes: |"
    block its notes, "gotcha:" a labelled line, tags and sources nothing, an "example:" no fact."""
    qs = bank("# my DDB flashcards\ncards:\n\n  # ------- basics -------\n  - topic: \"Item size limit\"\n"
              "    tags: [limits, items]\n    notes: |\n      - max item size = 400 KB, names included\n\n"
              "      - bigger stuff -> S3\n    gotcha: \"400 KB not 4 MB\"\n    source: \"docs, quotas page\"\n\n"
              "  - topic: \"Streams\"\n    tags: [streams]\n    notes: |\n      Records are kept for 24 hours.\n"
              "    example: \"we read them 6 hours late once, still there\"\n"
              "    example: '{\"pk\": {\"S\": \"USER#42\"}, \"age\": {\"N\": \"37\"}}'\n")
    good = accepted(qs)
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["400 KB"].startswith("Item size limit › ") and stems["24 hours"].startswith("Streams › "), stems
    assert not {q.answer for q in good} & {"6 hours", "37"}
    assert not [q for q in good if re.search(r"topic:|notes:|tags|source|cards:", q.stem)]


def test_round_cq_b_a_italian_examples_former_values_own_runs_and_our_image() -> None:
    """Round CQ (GCS in Italian #2, #5, #18; ECS #8): "Conti veloci di confronto (_____ al mese)", "Esempio
    esercitazione del 12/02: ho cambiato 3 oggetti …, ci ha messo 2 secondi", "nb: una volta l'egress gratis era
    1 GB" and "a 52 GB layer is insane anyway, our ML image was 11 GB" were asked."""
    qs = bank("Cambiare storage class\nA:\nMinimo 30 giorni per Nearline.\nEsempio esercitazione del 12/02: ho cambiato "
              "3 oggetti con rewrite, ci ha messo 2 secondi.\n---\nFree tier GCS\nA:\nStorage Standard gratis: 5 GB al mese.\n"
              "nb: una volta l'egress gratis era 1 GB, poi alzato.\n---\nConti veloci di confronto (1 TB al mese, "
              "circa)\nA:\nStandard: circa 20 $.\n---\nECR layer limits\nA:\nMax layer size 52,000 MiB.\n"
              "our ML image was 11 GB and that was painful enough\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"30 giorni", "5 GB", "52,000 MiB"} <= asked, asked
    assert not asked & {"3", "2 secondi", "1 GB", "1 TB", "11 GB"}, asked


def test_round_cq_b_b_what_a_benchmark_once_measured() -> None:
    """Rounds CP and CQ (og-aws #32, #33): "For example, Aurora servers have been tested to produce increasing
    performance on some OLTP workloads with up to 5,000 connections" was asked as if it were a limit."""
    qs = bank("Aurora tips\nA:\n- Aurora storage grows in 10 GB increments.\n- For example, Aurora servers have been tested "
              "to produce increasing performance on some OLTP workloads with up to 5,000 connections.\n")
    asked = {q.answer for q in accepted(qs)}
    assert "10 GB" in asked and "5,000" not in asked, asked


def test_re28_a_a_notes_kept_as_a_python_module_of_constants() -> None:
    """Fresh sample of round CQ (API Gateway/Step Functions as a Python module, 12/20 and 11/20): its "# …" comments
    were read as headings (a card each), "# --- REST API integration timeout ---" titles kept their dashes, the
    "#  PART 1 -- API GATEWAY" banner named no card's service, and "…_MAX_MS = 29_000  # 29 s" asked 29,000 bare."""
    qs = bank('"""\nstudy notes, saved as .txt\n"""\n\nfrom dataclasses import dataclass\n\n# ' + "=" * 30 + "\n"
              "#  PART 1 -- API GATEWAY\n# " + "=" * 30 + "\n\n# --- REST API integration timeout ---\n"
              "REST_INTEGRATION_TIMEOUT_MIN_MS = 50\nREST_INTEGRATION_TIMEOUT_MAX_MS = 29_000  # the famous one\n"
              "# Applies to ALL integration types.\n# Lambda itself can run 15 min, API GW gives up first.\n\n"
              "# --- payload size ---\nMAX_PAYLOAD_MB = 10  # REST + HTTP API, request body. Hard limit.\n"
              "REST_TIMEOUT_CAN_BE_RAISED = True  # since June 2024\n\n# --- account-level throttling ---\n"
              "ACCOUNT_STEADY_RPS = 10_000  # per account, per region\nACCOUNT_BURST = 5_000\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["29,000 ms"].startswith("API GATEWAY › REST API integration timeout › REST integration timeout max:"), stems
    assert stems["10 MB"].startswith("API GATEWAY › payload size › max payload: _____"), stems
    assert "15 min" in stems and "10,000" in stems and "5,000" in stems, stems
    assert not [s for s in stems.values() if re.search(r"#|---|_MS\b|PART 1", s)], stems


def test_round_cr_a_a_flashcards_exported_as_xml() -> None:
    """Round CR (GCP IAM flashcards as an XML export, read as one card: 0/20, every stem began
    '<?xml version="1.0" …?> › <back> ›'): a card element is a card, its front the title, its back the notes."""
    qs = bank('<?xml version="1.0" encoding="UTF-8"?>\n<!-- exported by FlashDesk -->\n<deck name="GCP IAM">\n'
              '<description>ACE prep</description>\n<card id="1001" tags="limits">\n'
              '  <front>Folder limits (nesting depth &amp; children)</front>\n'
              '  <back><ul><li>Max nesting: <b>10 levels</b> of folders</li>\n'
              '  <li>Max <b>300 folders</b> under one parent</li></ul></back>\n  <stats reviews="9" ease="2.1"/>\n</card>\n'
              '<card id="1002" tags="sa">\n  <front>Service account keys</front>\n  <back>Max 10 keys per service account.<br/>\n'
              '  <![CDATA[\n  gcloud iam service-accounts keys list --iam-account=sa@p-4821.iam.gserviceaccount.com\n  ]]>\n'
              '  Token lifetime 1 hour by default.</back>\n</card>\n</deck>\n')
    stems = {q.stem: q.answer for q in accepted(qs, "cloze")}
    assert stems.get("Folder limits (nesting depth & children) › Max nesting: _____ levels of folders") == "10", stems
    assert {"300", "10", "1 hour"} <= set(stems.values()), stems
    assert not [s for s in stems if re.search(r"<|xml|4821|stats", s)], stems


def test_round_cr_a_b_a_jupyter_notebook_saved_as_its_json() -> None:
    """Round CR (Kinesis/MSK notes as a raw .ipynb, read as one card: 0/20, stems began 'source ›' and ended in '"'):
    a markdown cell is a card (its source's JSON strings decoded, a bold lead-in its title), a code cell's comments
    its notes, outputs nothing."""
    cells = [("markdown", ["## Shard write limit\n", "- **1 MB/s or 1,000 records/s per shard** for writes"]),
             ("markdown", ["**Retention:** default **24 h**, up to 365 days."]),
             ("code", ["import boto3\n", "k = boto3.client('kinesis')  # region us-east-1\n", "k.describe_stream_summary()"])]
    notebook = {"cells": [{"cell_type": kind, "execution_count": 3 if kind == "code" else None, "metadata": {},
                           "outputs": [{"name": "stdout", "output_type": "stream", "text": ["OpenShardCount: 4\n"]}]
                           if kind == "code" else [], "source": source} for kind, source in cells],
                "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            del cell["execution_count"], cell["outputs"]
    qs = bank(json.dumps(notebook, indent=1, sort_keys=True) + "\n")
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["24 h"].startswith("Retention › default _____"), stems
    assert "1 MB/s" in stems and stems["1 MB/s"].startswith("Shard write limit › "), stems
    assert not [s for s in stems.values() if re.search(r'source|"|\\n|OpenShardCount', s)], stems
    assert "4" not in stems


def test_round_cr_b_a_dates_in_other_languages_and_an_exam_planned() -> None:
    """Round CR (Azure load balancing in French #11, #14): "retraite le _____ mars 2027" asked a day of a month (a
    false "le 39 mars"), and "exam prévu le 18/12 à 9h" the writer's own exam time."""
    qs = bank("Front Door classic\nA:\nRetraite le 31 mars 2027.\nRègles de routage max : 500 par profil.\n---\n"
              "Fiches AZ-700\nA:\nexam prévu le 18/12 à 9h (croiser les doigts)\n")
    asked = {q.answer for q in accepted(qs)}
    assert "500" in asked and not asked & {"31", "9h", "9 h"}, asked


def test_re29_a_a_examples_in_brackets_old_numbers_and_status_codes_by_their_phrase() -> None:
    """Fresh sample of round CR (RE29, 66/80): "System limits (like _____ keys per SA)", "_____ default (old number
    but its what docs said)", "G.16X (_____ vCPU …) exist, prob not on exam" were asked, and "codes : _____ permanent,
    302 found, …" drew 150, 241 and 226 as wrong options."""
    qs = bank("Quotas\nA:\nSystem limits (like 10 keys per SA) can't be increased at all.\nMax 100 projects per "
              "billing account by default.\n---\nGlue jobs\nA:\nconcurrent job runs per account: 50 default (old number "
              "but its what docs said)\nmax retries: 10\nnewer G.16X (64 vCPU / 256 GB) exist, prob not on exam\n---\n"
              "App GW redirects\nA:\ncodes : 301 permanent, 302 found, 303 see other, 307 temporary\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"100", "10"} <= asked and not asked & {"50", "64"}, asked
    assert not [q for q in accepted(qs) if "like _____ keys" in q.stem]
    for q in accepted(qs, "multichoice"):
        if q.answer in ("301", "307"):
            assert all(int(o.text) in STATUS_CODES for o in q.options), [o.text for o in q.options]


def test_round_cs_a_a_a_whatsapp_chat_export() -> None:
    """Round CS (Lambda as a WhatsApp study group, no question accepted: each day's card was titled by its first
    message, "04/03/2024, 20:58 - Messages and calls are end-to-end encrypted…", and read as the author's dated log):
    a day is titled by its date, "Tom: …" lines are messages (a pinned summary settles the day's discussion), and the
    app's own lines, "<Media omitted>" and deleted messages are nothing."""
    qs = bank("04/03/2024, 20:58 - Messages and calls are end-to-end encrypted. Tap to learn more.\n"
              "04/03/2024, 21:03 - Priya: Q1 timeout default for a lambda fn??\n04/03/2024, 21:04 - Arjun: 6 sec\n"
              "04/03/2024, 21:04 - Tom: nope, the Lambda timeout default is 3 sec, max 900 sec\n04/03/2024, 21:05 - Arjun: <Media omitted>\n"
              "04/03/2024, 21:06 - Kwame: This message was deleted\n\n"
              "24/04/2024, 22:10 - Priya: 📌 SUMMARY Lambda limits\n• Lambda /tmp storage: up to 10,240 MB\n"
              "24/04/2024, 22:12 - Mei: ✅ add: max 5 layers per Lambda function\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"3 sec", "900 sec", "10,240 MB", "5"} <= asked and "6 sec" not in asked, asked
    assert not [q for q in good if re.search(r"\d\d/\d\d/\d{4}|\d\d:\d\d|Priya|Tom|Media|encrypted|SUMMARY", q.stem)]


def test_round_cs_a_b_a_toml_file_of_tables() -> None:
    """Round CS (GKE as a TOML file, 0/20: its "# max_nodes_per_cluster = 5_000" old values were read as headings
    over every stem): a table is a card, a key its line (its comment after it), a multi-line string its text, and a
    commented-out key (an old value kept) and the keys above the first table nothing."""
    qs = bank('# gke-limits.toml\ntitle = "GKE limits"\nexam_booked = 2024-12-09  # PCA, 09:30\n\n[cluster.scale]\n'
              "max_nodes_per_cluster = 15_000            # Standard. the big exam number\n"
              "# max_nodes_per_cluster = 5_000           # pre-1.18 value, shows up in old dumps\n"
              'max_pods_per_cluster = 200_000\nnote = """\nFor the exam still answer 15,000."""\n\n'
              "[pricing.management_fee]\ncluster_fee_usd_per_hour = 0.10   # per cluster, Standard AND Autopilot\n\n"
              '[[gotchas]]\ntitle = "pod IP exhaustion"\ndetail = "Standard node pools allow at most 110 pods per node"\n')
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["15,000"].startswith("cluster scale › max nodes per cluster: _____"), stems
    assert "200,000" in stems and "0.10" in stems and "110" in stems, stems
    assert not set(stems) & {"5,000", "5000", "2024-12-09", "09:30"}, stems
    assert not [s for s in stems.values() if re.search(r"#|_|=", s.replace("_____", ""))], stems


def test_round_cs_b_a_dutch_nines_former_values_and_own_lab() -> None:
    """Round CS (Azure Storage in Dutch #9, #13, #17, #19): "99,9999999999% (_____ negens)" counted the stem's own
    digits (and "negens" was no unit: the card could not be processed), "(vroeger _____)" asked a former value, and
    "bij mij in lab een kwartier" the writer's own timing."""
    qs = bank("Redundantie — ZRS\nA:\n- een storage account: max 5 PiB\n- durability: minstens "
              "99,9999999999% (12 negens)\n---\nBlock blob limieten\nA:\nPut Blob: max 5.000 MiB (vroeger 256 MiB)\n---\n"
              "RBAC data rollen\nA:\nRole assignment kan tot ca. 10 minuten duren (bij mij in lab een kwartier).\n"
              "Max 4.000 role assignments per subscription.\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"5 PiB", "5.000 MiB", "4.000"} <= asked, asked
    assert not asked & {"12", "256 MiB", "10 minuten"}, asked


def test_round_ct_a_a_a_moodle_xml_question_bank() -> None:
    """Round CT (VPC as a Moodle XML question bank, read as one card: 0/20, every stem began '<?xml …?> ›'): a
    question is a card, its text the title, its right answer the answer, the general feedback its notes; wrong answers
    and their feedback, categories and settings nothing."""
    qs = bank('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n<question type="category"><category><text>$course$/top/VPC'
              '</text></category></question>\n<question type="multichoice"><name><text>VPC05 secondary CIDR blocks</text></name>\n'
              '<questiontext format="html"><text><![CDATA[<p>By default, how many IPv4 CIDR blocks can a VPC have?</p>]]>'
              '</text></questiontext>\n<generalfeedback format="html"><text><![CDATA[<p>Default quota is <b>5 IPv4 CIDR '
              'blocks per VPC</b>, adjustable up to <b>50</b>.</p>]]></text></generalfeedback>\n<defaultgrade>1.0000000'
              '</defaultgrade><penalty>0.3333333</penalty>\n<answer fraction="100" format="html"><text>5</text><feedback '
              'format="html"><text>Correct.</text></feedback></answer>\n<answer fraction="0" format="html"><text>200</text>'
              '<feedback format="html"><text>No, 200 is subnets per VPC.</text></feedback></answer>\n</question>\n'
              '<question type="truefalse"><name><text>VPC06 NAT bandwidth</text></name>\n<questiontext format="html"><text>'
              '&lt;p&gt;A NAT gateway scales to 100 Gbps.&lt;/p&gt;</text></questiontext>\n<answer fraction="100"><text>true'
              '</text></answer>\n<answer fraction="0"><text>false</text></answer>\n</question>\n</quiz>\n')
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert "50" in asked and not asked & {"200", "0.3333333", "1.0000000"}, asked
    assert not [q for q in good if re.search(r"<|xml|CDATA|penalty|fraction", q.stem)]


def test_round_ct_a_b_a_google_doc_saved_as_text() -> None:
    """Round CT (Cloud SQL as a shared Google Doc downloaded as text, 15/20): comment anchors ("64 TB[a]") stayed in
    stems, the comments listed at the end ("[a]Priya Shah: … said 30 TB") were asked, and "   o " sub-bullets kept
    their "o"; a value a comment questions is not asked."""
    qs = bank("\ufeffCloud SQL numbers doc\r\n\r\n2. Storage\r\n* Max storage 64 TB[a] for all engines\r\n"
              "   o shared-core instances: max 3 TB\r\n* Storage increases are permanent\r\n\r\n3. Backups\r\n"
              "* Up to 365 automated backups per instance\r\n\r\n\r\n[a]Priya Shah: are we sure? the 2022 question said 30 TB\r\n"
              "Marcus Okafor: 64 TB now, 30 TB was the old limit\r\n_Marked as resolved_\r\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"3 TB", "365"} <= asked and not asked & {"64 TB", "30 TB"}, asked
    assert not [q for q in good if re.search(r"\[a\]|Priya|Marcus| o ", q.stem)]


def test_round_ct_b_a_norwegian_and_dutch_examples_and_own_tests() -> None:
    """Round CT (KMS/Secrets Manager in Norwegian #1, #5): "rotation window, f.eks. 3h" asked the writer's example
    and "Min test: … = 42 rotasjoner" the writer's own run."""
    qs = bank("Emne: Secrets Manager – rotasjon\nrotation window (Duration), f.eks. 3h – rotasjonen skjer i vinduet\n"
              "Min test: rate(4 hours) på en dummy-secret i en uke = 42 rotasjoner.\nSecret maks 64 KB.\n---\n"
              "Blob versioning\nA:\nlifecycle regel om oude versies te deleten, bijv. na 90 dagen\nMax 2.000 versies per blob.\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"64 KB", "2.000"} <= asked and not asked & {"3h", "42", "90 dagen"}, asked


def test_re31_a_a_a_question_mark_before_punctuation_and_a_norwegian_lab_card() -> None:
    """Fresh sample of round CT (RE31, 54/80): "usually under 60 s under _____?, connections drop" (a comment-anchored
    value) was asked, and a card titled "Mine egne labbtall (ikke pensum)" ("my own lab numbers, not curriculum")."""
    qs = bank("Maintenance downtime\nA:\n* Enterprise: usually under 30 s[h], connections drop\n* Window: 1 hour, weekly\n"
              "---\nMine egne labbtall (ikke pensum)\nA:\nGetParameter ga throttling etter 1 sekund med 200 kall.\n")
    asked = {q.answer for q in accepted(qs)}
    assert "1 hour" in asked and not asked & {"30 s", "1 sekund", "200"}, asked


def test_round_cu_a_a_a_flashcards_kept_as_json_lines() -> None:
    """Round CU (CloudWatch flashcards as JSON Lines, read as one card: no question accepted): an object a line is a
    card, its front the title, its back's "\\n" lines the notes; ids, tags, dates and wrong answers nothing."""
    cards = [{"id": 1, "deck": "cw", "front": "CloudWatch Logs retention", "back": "Default: never expire.\n- settable "
              "from 1 day to 10 years", "tags": ["logs"], "created": "2024-04-28", "wrong_answers": ["30 days"]},
             {"id": 2, "deck": "cw", "front": "Dashboards", "back": "up to 500 widgets per dashboard", "tags": [],
              "extra": "", "created": "2024-04-29", "mnemonic": "500 widgets"}]
    qs = bank("\n".join(json.dumps(card) for card in cards) + "\n")
    good = accepted(qs)
    stems = {q.answer: q.stem for q in accepted(qs, "cloze")}
    assert stems["500"].startswith("Dashboards › "), stems
    assert "10 years" in stems and not {q.answer for q in good} & {"30 days", "2024-04-28", "1", "2"}, stems
    assert not [q for q in good if re.search(r'[{}"]|\\n|tags|wrong_answers', q.stem)]


def test_round_cu_b_a_onenote_page_stamps_and_clippings() -> None:
    """Round CU (Entra as OneNote pages #5: the page's "Saturday, 18 January 2025    10:05" stamp was keyed as an
    answer): a page's stamp, "Screen clipping taken: …" and "Pasted from <https://…>" lines are no notes."""
    qs = bank("Conditional Access limits\nSaturday, 18 January 2025    10:05\n\n\tMax 195 policies per tenant\n"
              "Screen clipping taken: 18/01/2025 10:07\nPasted from <https://learn.microsoft.com/entra/ca>\n"
              "\tNamed locations: up to 2,000 IP ranges each\n")
    good = accepted(qs)
    assert {"195", "2,000"} <= {q.answer for q in good}
    assert not [q for q in good if re.search(r"2025|10:0|clipping|Pasted|https", f"{q.stem} {q.answer}")]


def test_re32_a_a_hedges_in_greek_dutch_and_norwegian() -> None:
    """Fresh sample of round CU (RE32, 59/80; the Greek notes 9/20): "(νομίζω)" ("I think") and "να το ελέγξω" ("to
    check") kept values the notes doubt, as "nog checken" and "sjekk dette" did in rounds CS and CT."""
    qs = bank("▶ Θέμα: Container Apps\n- max replicas ανά app: 300 (νομίζω)\n- job timeout: 8 ώρες, να το ελέγξω\n"
              "- max 20 containers ανά replica\n---\nQueue storage\nA:\nmax bericht 64 KB\nkosten: ca. € 0,04 (nog checken)\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"20", "64 KB"} <= asked and not asked & {"300", "8 ώρες", "€ 0,04"}, asked


def test_round_cv_a_a_an_evernote_export_and_an_obsidian_canvas() -> None:
    """Round CV (Aurora Serverless as an Evernote .enex export: one card; SQS/SNS as an Obsidian Canvas: its JSON read
    as a tab-indented outline): a note is a card (its title, its HTML content inside CDATA), a canvas's text node is a
    card (its Markdown); the export's attributes, tags, dates, groups and coordinates are nothing."""
    enex = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE en-export SYSTEM "http://xml.evernote.com/pub/evernote-export4.dtd">\n'
            '<en-export export-date="20250703T190412Z" application="Evernote">\n'
            '<note><title>ASv2 - what is an ACU</title><content><![CDATA[<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd"><en-note><div>Each ACU is about 2 GiB of RAM.</div>\n'
            '<ul><li>Aurora Serverless v2 scales in 0.5 ACU steps</li></ul>\n</en-note>]]></content><created>20240211T193005Z'
            '</created><tag>aurora</tag></note>\n<note><title>RDS Proxy limits</title><content><![CDATA[<en-note><div>RDS '
            'Proxy: max 20 proxies per account.</div></en-note>]]></content><created>20240212T071930Z</created></note>\n'
            '</en-export>\n')
    stems = {q.answer: q.stem for q in accepted(bank(enex), "cloze")}
    assert stems["2 GiB"].startswith("ASv2 - what is an ACU › ") and "20" in stems, stems
    assert not [s for s in stems.values() if re.search(r"<|CDATA|2024|aurora\b", s)], stems
    canvas = {"nodes": [{"id": "f4bb", "type": "group", "label": "SQS — queues", "x": -2200, "y": -1400, "width": 1420,
                         "height": 3000, "color": "4"},
                        {"id": "9eab", "type": "text", "text": "## SQS retention period\n- default **4 days**\n- max 14 days",
                         "x": -2160, "y": -1340, "width": 420, "height": 380}],
              "edges": [{"id": "e1", "fromNode": "9eab", "toNode": "f4bb", "label": "see also"}]}
    stems = {q.answer: q.stem for q in accepted(bank(json.dumps(canvas, indent="\t")), "cloze")}
    assert stems["4 days"].startswith("SQS retention period › "), stems
    assert not [s for s in stems.values() if re.search(r'"|nodes|2160|width', s)], stems



def test_round_cw_a_a_notes_titled_in_lower_case() -> None:
    """Round CW (Cognito/AppSync plain notes, read as 10 cards): a writer who titles every card in lower case ("token
    expiry numbers (MEMORISE)" over "- ID + access token default 1 hr") starts a card at each such title; in notes
    titled with capitals, a lower-case line after a blank line stays in its card."""
    text = ("DVA notes pt 4 -- cognito\n\ncognito big picture\n- user pool = user directory\n\n"
            "token expiry numbers (MEMORISE)\n- ID + access token default 1 hr\n- refresh token default 30 days\n"
            "All three come back from InitiateAuth.\n\nMFA\n- SMS or TOTP\n\n"
            "appsync quotas\n- request timeout 30 s\n- max 10,000 resolvers per API\n")
    titles = [card.title_lines[0].text for card in parse_deck(text, path="rubric.txt").cards]
    assert titles == ["cognito big picture", "token expiry numbers (MEMORISE)", "MFA", "appsync quotas"], titles
    stems = {q.answer: q.stem for q in accepted(bank(text), "cloze")}
    assert stems["30 days"].startswith("token expiry numbers (MEMORISE) › ") and \
        stems["30 s"].startswith("appsync quotas › "), stems
    capitals = ("Token expiry\n- refresh token default 30 days\n\nsee also\n- the SDK docs\n\nAppSync quotas\n"
                "- request timeout 30 s\n\nCognito quotas\n- 1,000 user pools per region\n")
    titles = [card.title_lines[0].text for card in parse_deck(capitals, path="rubric.txt").cards]
    assert titles == ["Token expiry", "AppSync quotas", "Cognito quotas"], titles


def test_round_cw_a_b_restructuredtext_titles_start_cards() -> None:
    """Round CW (Memorystore/Bigtable as Sphinx reStructuredText, read as 5 cards: its "~~~~" underlines toggled a
    code fence): a title adorned as reStructuredText adorns them is a heading of its style's level; the deepest
    level used most starts cards, a shallower one names their section; comments (".. TODO: …", ".. end of file --
    battery 9%"), link targets and a `:ref:` to a label are no notes; a banner framed by "====" in other notes is
    still a banner."""
    text = ("==========================\n Memorystore -- study notes\n==========================\n\n"
            ":Author: me\n:Started: 2024-02-11\n\nMemorystore for Redis\n---------------------\n\n"
            "Basic vs Standard tier\n~~~~~~~~~~~~~~~~~~~~~~\n\n**Standard** = primary + replica, 99.9% SLA.\n\n"
            "Instance limits\n~~~~~~~~~~~~~~~\n\n* 16 databases per instance; 65,000 connected clients\n\n"
            ".. note::\n   Failover takes about 30 s.\n\nCloud Bigtable\n--------------\n\nThroughput per node\n"
            "~~~~~~~~~~~~~~~~~~~\n\nAbout 10,000 reads/s per node (SSD). SLA: see :ref:`bt-sla`.\n\n"
            ".. TODO: M1 price, $0.049 or\n   $0.064 per GB-hour?\n\n.. _bt-sla:\n\n"
            ".. end of file -- last edited on the train, battery 9%\n")
    titles = [card.title_lines[0].text for card in parse_deck(text, path="rubric.txt").cards]
    assert titles == ["# Memorystore -- study notes", "### Memorystore for Redis › Basic vs Standard tier",
                      "### Memorystore for Redis › Instance limits", "### Cloud Bigtable › Throughput per node"], titles
    stems = {q.answer: q.stem for q in accepted(bank(text), "cloze")}
    assert stems["65,000"].startswith("Memorystore for Redis › Instance limits › "), stems
    assert "10,000" in stems and not {"$0.049", "$0.064", "9%"} & set(stems), stems
    assert not [s for s in stems.values() if re.search(r"~~|--|2024|bt-sla|:ref:|TODO", s)], stems
    banners = ("NOTES\n\n=======================\n PART I -- PUB/SUB\n=======================\n\n[1] Topics\n"
               "- max 10,000 topics per project\n\n[2] Messages\n- max 10 MB per message\n\n"
               "=======================\n PART II -- CLOUD RUN\n=======================\n\n[3] Services\n"
               "- max 1,000 services per region\n\n[4] Timeouts\n- request timeout up to 60 min\n")
    titles = [card.title_lines[0].text for card in parse_deck(banners, path="rubric.txt").cards]
    assert titles == ["PUB/SUB › [1] Topics", "PUB/SUB › [2] Messages", "CLOUD RUN › [3] Services",
                      "CLOUD RUN › [4] Timeouts"], titles


def test_round_cw_b_a_the_writers_stories_in_a_sentence_and_in_turkish() -> None:
    """Round CW (Cognito #12, Memorystore #18, EventBridge #19/#20, Turkish #3/#10): "tried SRP by hand in swift once,
    2 days", "My test (2024-03-02): ~20 s blip", "ran into this w/ … ~60 S3 bucket names", "cost me 20 min of CFN
    rollbacks", "Lab'da k6 ile denedim, ~110'da kesti" asked the writer's own story; a story in one sentence of a
    paragraph leaves its other sentences' facts."""
    qs = bank("Cognito notes\nA:\n- USER_SRP_AUTH is the default in amplify (tried SRP by hand in swift once, 2 days, never again)\n"
              "- DNS change for custom domain took ~40 min to work for me\n- logo upload max 100 KB\n"
              "- Failover keeps the IP. My test (2024-03-02): ~20 s blip\n"
              "- Max event pattern size 2,048 characters\nran into this w/ a pattern listing ~60 S3 bucket names\n"
              "- rate(1 minutes) = validation error, cost me 20 min of CFN rollbacks\n"

              "---\nWAF rate limiting\nA:\n- IP başına 5 dk'da 100 istek. Lab'da k6 ile denedim, ~110'da kesti.\n"
              "- Private Link origin: Lab'da bunu unuttum, 1 saat uğraştım.\n- Kural başına maks. 10 koşul\n---\n"
              "VPC MTU\nA:\n8,500 bytes between VPCs and peering attachments on TGW. Inside one VPC, instances can use jumbo "
              "frames of 9,001 bytes; traffic through an IGW is limited to 1,500. I saw an iperf test in 2023 drop to half "
              "speed because someone set 9001 and TGW dropped the big packets.\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"100 KB", "2,048", "9,001 bytes", "10"} <= asked, asked
    assert not asked & {"2 days", "40 min", "20 s", "60", "20 min", "110", "1 saat"}, asked


def test_round_cw_b_b_a_multi_cloze_holds_three_blanks_at_most() -> None:
    """Round CW (og-aws #36): "tickets with _____ (1) to _____ (2) turnaround time, it starts at _____ (3) … around
    _____ (4) … a _____ (5) surcharge" left too little of its sentence to say what each blank is: each is asked alone."""
    qs = bank("Premium support\nA:\nDeveloper support answers in 12 to 24 hours, starts at $29 per month, and past "
              "$1000 of monthly spend it is a 3% surcharge.\n---\nLimits\nA:\nUp to 10 rules per bus, 5 targets per rule.\n")
    multi = [q.answer for q in accepted(qs, "multi_cloze")]
    assert multi and all(q.count("(") <= 3 for q in multi) and not [q for q in multi if "$29" in q], multi
    assert {"$29", "3%"} <= {q.answer for q in accepted(qs, "cloze")}


def test_round_cw_b_c_a_name_inside_an_identifier_is_not_blanked() -> None:
    """Round CW (Cognito, after the fix): "groups show up in _____:groups claim" blanked the "cognito" of a claim's
    name, "aws:_____:image" the "ec2" of a data type."""
    qs = bank("User pool groups\nA:\n- groups show up in the cognito:groups claim in ID and access tokens\n"
              "- Parameter data type aws:ec2:image validates the AMI id\n"
              "- Identity pools give temporary AWS credentials through Amazon Cognito for signed-in users\n")
    terms = [q.stem for q in accepted(qs, "term_cloze")]
    assert not [s for s in terms if re.search(r"_____:|:_____", s)], terms
    assert "longer word" in next(q.reject_reason or "" for q in qs if q.type == "term_cloze" and ":_____:" in q.stem)


def test_re34_a_turkish_counted_lists_dates_error_codes_and_scores() -> None:
    """Fresh sample of round CW (RE34, the Turkish notes 16/20): "2 product: Starter ve Unlimited" was falsified as "5
    product" beside its two names; "emeklilik _____ Kasım 2025" asked a date's day; "503 = origin timeout" under a
    "hata kodları" (error codes) heading was falsified as 754; "(geçen sefer %68 aldım)" asked a practice test's score."""
    qs = bank("#46 Timeout'lar / hata kodları\nA:\nKendime: 503 = origin cevap vermedi/timeout, 504 = cache senaryosunda "
              "timeout.\n"
              "---\n#32 Product'lar\nA:\n- Classic tier'larda hazır gelen 2 product: Starter ve Unlimited.\n"
              "- Product başına maks. 100 API\n---\n#65 Azure CDN emeklilik\nA:\n"
              "- Edgio: docs'ta emeklilik 4 Kasım 2025 yazıyor.\n- Rules engine: maks. 25 kural\n---\n#66 Son\nA:\n"
              "- Whizlabs practice test #3'e geçiyorum. Hedef %80+ (geçen sefer %68 aldım).\n- URL maks. 2.048 karakter\n", seed=4)
    asked = {q.answer for q in accepted(qs)}
    assert {"100", "25", "2.048"} <= asked and not asked & {"2", "4", "%68", "68"}, asked
    codes = [q for q in accepted(qs, "multichoice") if q.answer == "503"]
    assert codes and all(int(o.text) in STATUS_CODES for q in codes for o in q.options), codes
    false = [str(q.get("shown")) for q in accepted(qs, "truefalse") if "origin" in q.stem and q.answer == "false"]
    assert all(int(shown) in STATUS_CODES for shown in false), false


def test_re34_b_a_reply_that_opens_an_answer_goes() -> None:
    """Fresh sample of round CW (RE34, the Anki export #4): "No free tier for custom events? › Right — custom/partner
    events are _____ per million" began by answering a question it did not show; a title that asks nothing keeps
    its answer's words."""
    deck = parse_deck("No free tier for custom events?\nA:\nRight — custom/partner events are $1.00 per million.\n"
                      "---\nIs Lambda@Edge in every region?\nA:\nNo, it runs in the 13 regional edge caches.\n"
                      "---\nSLA\nA:\nRight: 99.99% per month\n", path="rubric.txt")
    firsts = [card.answer_lines[0].text for card in deck.cards]
    assert firsts == ["custom/partner events are $1.00 per million.", "it runs in the 13 regional edge caches.",
                      "Right: 99.99% per month"], firsts


def test_round_cx_a_a_a_textedit_rtf_file() -> None:
    """Round CX (AWS Config/CloudTrail as TextEdit's RTF source renamed .txt: one card, every stem opening on
    "\\f0\\b\\fs28 \\cf0 …"): an RTF file reads as its text, a paragraph a line, a bold paragraph a heading that
    starts a card, a list item's bullet "- ", "\\'e9" and "\\uc0\\u8211 " their characters; the header's fonts,
    colours, list templates and page size are nothing."""
    rtf = ("{\\rtf1\\ansi\\ansicpg1252\\cocoartf2761\n"
           "\\cocoatextscaling0\\cocoaplatform0{\\fonttbl\\f0\\fswiss\\fcharset0 Helvetica;}\n"
           "{\\colortbl;\\red255\\green255\\blue255;}\n{\\*\\expandedcolortbl;;}\n"
           "{\\*\\listtable{\\list\\listtemplateid1\\listhybrid{\\listlevel\\levelnfc23{\\leveltext\\leveltemplateid1\\'01\\uc0\\u8226 ;}"
           "{\\levelnumbers;}\\fi-360\\li720\\lin720 }{\\listname ;}\\listid1}}\n"
           "\\paperw11900\\paperh16840\\margl1440\\margr1440\\vieww11520\\viewh8400\\viewkind0\n"
           "\\pard\\tx720\\tx1440\\pardirnatural\\partightenfactor0\n\n"
           "\\f0\\b\\fs28 \\cf0 Trails\\b0\\fs24 \\\n"
           "\\pard\\tx220\\tx720\\li720\\fi-720\\pardirnatural\\partightenfactor0\n"
           "\\ls1\\ilvl0\\cf0 {\\listtext\t\\uc0\\u8226 \t}5 trails per region \\uc0\\u8211  a hard limit, caf\\'e9 or not\\\n"
           "{\\listtext\t\\uc0\\u8226 \t}events bigger than 256 KB are not sent to \\b CloudWatch Logs\\b0 \\\n"
           "\\pard\\tx720\\tx1440\\pardirnatural\\partightenfactor0\n\\cf0 \\\n"
           "\\f0\\b\\fs28 Event history\\b0\\fs24 \\\n"
           "\\cf0 Last 90 days of management events, per region, free.}")
    deck = parse_deck(rtf, path="rubric.txt")
    assert [card.title_lines[0].text for card in deck.cards] == ["## Trails", "## Event history"]
    assert deck.cards[0].answer_lines[0].text == "- 5 trails per region – a hard limit, café or not"
    stems = {q.answer: q.stem for q in accepted(bank(rtf), "cloze")}
    assert stems["5"].startswith("Trails › ") and stems["90 days"].startswith("Event history › "), stems
    assert "256 KB" in stems and not {"2761", "11900", "1440", "720"} & set(stems), stems
    assert not [s for s in stems.values() if "\\" in s or "{" in s], stems


def test_round_cx_a_b_tiddlywiki_tiddlers() -> None:
    """Round CX (ElastiCache as TiddlyWiki tiddlers exported as .tid text: one card, its stems opening on "created:
    20240311094512000 ›", its tables' "(!vCPU)" headers): a tiddler's title names a section, its "! Heading"s start
    cards, its header fields are nothing, "|!Node|!vCPU|" is a table's header, a link its text."""
    tid = ("created: 20240311094512000\nmodified: 20241126193020551\ntags: ElastiCache [[Exam Prep]]\n"
           "title: ElastiCache Node Types\ntype: text/vnd.tiddlywiki\n\n! Node families\n"
           "* ''R6gd'' = data tiering with local SSD -> [[Data Tiering]]\n* every node in a cluster: same type\n"
           "! Memory per node\n|!Node|!vCPU|!Memory|\n|cache.t4g.micro|2|0.5 GiB|\n|cache.r7g.large|2|13.07 GiB|\n\n"
           "created: 20240314190211000\nmodified: 20241104195512208\ntags: ElastiCache Sharding\n"
           "title: Cluster Mode\ntype: text/vnd.tiddlywiki\n\n! Node limits\n"
           "* up to 500 shards per cluster, //if// the engine is new enough\n{{ElastiCache Pricing}}\n"
           "<<<\nServerless caches hold at most 5,000 GB.\n<<< AWS docs\n")
    deck = parse_deck(tid, path="rubric.txt")
    assert [card.title_lines[0].text for card in deck.cards] == [
        "## ElastiCache Node Types › Node families", "## ElastiCache Node Types › Memory per node",
        "## Cluster Mode › Node limits"]
    stems = {q.answer: q.stem for q in accepted(bank(tid), "cloze")}
    assert "cache.r7g.large (Memory)" in stems["13.07 GiB"] and stems["500"].startswith("Cluster Mode › Node limits › "), stems
    assert not [s for s in stems.values() if re.search(r"created|2024\d{6}|\(!|\[\[|\{\{|<<<|''|//", s)], stems


def test_round_cx_b_a_worked_divisions_practice_walkthroughs_and_swedish_stories() -> None:
    """Round CX (OpenSearch 10/20, Swedish ADF/Synapse 13/20): "4,060 GiB / 1,024 GiB per r6g.large = 3.96 -> at least
    _____ data nodes" asked a worked division's result, "(ours took ~3.5 hrs for 6 TB)" the team's own run, "sizing
    walk-through (my practice q)" and "last minute summary (night before exam)" the notes' own working and recap;
    Swedish "på jobbet", "Vår tabell hade …", "när jag skrev detta", "Siffror att plugga sista kvällen" the same."""
    qs = bank("minimum storage formula\nA:\n- 4,060 GiB / 1,024 GiB per r6g.large = 3.96 -> at least 4 data nodes\n"
              "- max 80 data nodes per domain\n---\nblue/green deployments\nA:\n- takes hours on big domains "
              "(ours took ~3.5 hrs for 6 TB)\n- at most 5 deployments in flight\n---\nsizing walk-through (my practice q)\n"
              "A:\n- 2 x medium won't do (3 TiB)\n---\nlast minute summary (night before exam, 2024-11-18)\nA:\n"
              "Serverless = OCUs $0.24/hr, 6 GiB each.\n---\nSHIR – delning\nA:\n- max 4 noder per SHIR\n"
              "- Vi har en SHIR på jobbet (version 5.3 nånting) som ingen vågar röra.\n---\nPartitionering\nA:\n"
              "- 60 distributioner per dedikerad pool\n- Vår tabell hade 40 milj rader och 36 partitioner.\n"
              "- Kurs ca 10,50 kr/$ när jag skrev detta.\n---\nSiffror att plugga sista kvällen\nA:\nADF: 80 aktiviteter per pipeline\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"80", "5", "4", "60"} <= asked, asked
    assert not asked & {"3.5 hrs", "3 TiB", "$0.24", "6 GiB", "5.3", "40", "10,50 kr"}, asked
    assert not [q for q in accepted(qs) if q.answer == "4" and "r6g" in q.stem]


def test_re35_a_prices_the_notes_say_not_to_memorize_and_a_swedish_lab() -> None:
    """Fresh sample of round CX (RE35, 71/80: OpenSearch 19, TiddlyWiki 19, RTF 18, Swedish 15): "prices vary by region,
    dont memorize exact ones" under a card of on-demand prices (the reviewer kept them only as the notes' own), and
    "Använde den i labb 4 för att loopa 12 filer" asked the writer's lab."""
    qs = bank("pricing - on demand instances (us-east-1, rough)\nA:\n- t3.small.search ~ $0.036/hr\n"
              "- r6g.large.search ~ $0.167/hr\nprices vary by region, dont memorize exact ones, just the relative order\n"
              "---\nnodes per domain\nA:\n- 80 data nodes per domain by default\n---\nGet Metadata activity\nA:\n"
              "- output max 4 MB\n- Använde den i labb 4 för att loopa 12 filer, en per månad 2023.\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"80", "4 MB"} <= asked and not asked & {"$0.036", "$0.167", "12"}, asked


def test_round_cy_a_a_a_notes_page_exported_as_an_html_document() -> None:
    """Round CY (Neptune/DocumentDB as a notes app's HTML export: one card, its head and CSS over every stem): a whole
    HTML document reads as the page it shows, an `<h2>` a card, `<br>` a line break; its head, styles, comments and
    framing tags are nothing, its indentation none."""
    page = ('<!DOCTYPE html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8">\n    <title>Neptune &amp; DocumentDB'
            '</title>\n    <style>\n      body { max-width: 840px; margin: 2em auto; }\n      h2 { font-size: 1.2em; }\n'
            '    </style>\n  </head>\n  <body>\n    <h1>Neptune &amp; DocumentDB &mdash; study notes</h1>\n'
            '    <!-- ===================== NEPTUNE ===================== -->\n    <h2>Neptune read replicas</h2>\n'
            '    <ul>\n      <li>a cluster has up to <strong>15</strong> read replicas</li>\n    </ul>\n'
            '    <h2>Neptune storage quorum</h2>\n    <p>Volume grows in 10&nbsp;GB increments.<br>\n'
            '    Max volume size <strong>128&nbsp;TiB</strong>.</p>\n    <h2>DocumentDB pricing</h2>\n    <table>\n'
            '      <thead>\n        <tr><th>class</th><th>~$/hour</th></tr>\n      </thead>\n      <tbody>\n'
            '        <tr><td>db.r5.large</td><td>$0.277</td></tr>\n      </tbody>\n    </table>\n  </body>\n</html>\n')
    deck = parse_deck(page, path="rubric.txt")
    assert [card.title_lines[0].text for card in deck.cards] == [
        "## Neptune read replicas", "## Neptune storage quorum", "## DocumentDB pricing"]
    stems = {q.answer: q.stem for q in accepted(bank(page), "cloze")}
    assert stems["15"].startswith("Neptune read replicas › ") and "128 TiB" in stems, stems
    assert "db.r5.large (~$/hour)" in stems["$0.277"], stems
    assert not [s for s in stems.values() if re.search(r"[<>{}]|840|1\.2em|&\w+;|=====", s)], stems


def test_round_cy_a_b_notes_mailed_to_oneself_as_an_mbox() -> None:
    """Round CY (SES/Pinpoint notes mailed to oneself, exported as mbox: every stem began "From notes@example.com Tue
    Mar  5 21:14:02 2024 ›" and named no service, the "[SES]" of the subject lost): a message is a card, its subject
    its title with its tag as its section, its body quoted-printable decoded; the envelope, headers, signature and a
    reply's quote of the earlier message are nothing."""
    box = ("From notes@example.com Tue Mar  5 21:14:02 2024\nFrom: Jess <notes@example.com>\nDate: Tue, 5 Mar 2024 "
           "21:14:02 +0000\nSubject: [SES] sandbox\nMIME-Version: 1.0\nContent-Type: text/plain; charset=\"utf-8\"\n"
           "Content-Transfer-Encoding: quoted-printable\n\nNew acct =3D SES sandbox. Limits: 200 msgs per 24 h, 1 msg/s=\n"
           "ec =E2=80=94 verified addresses only.\n--=20\nSent from my iPhone\n\n"
           "From notes@example.com Fri Mar 15 20:30:00 2024\nFrom: Jess <notes@example.com>\nSubject: [SES] receiving\n\n"
           "Receipt rules: 200 rules per rule set.\n\n"
           "From notes@example.com Sun Mar 17 10:02:00 2024\nFrom: Jess <notes@example.com>\nSubject: Re: [SES] receiving\n\n"
           "Update: the S3 action now takes messages up to 40 MB.\n\nOn Fri, 15 Mar 2024 at 20:30, Jess <notes@example.com> wrote:\n"
           "> Receipt rules: 200 rules per rule set.\n")
    deck = parse_deck(box, path="rubric.txt")
    assert [card.title_lines[0].text for card in deck.cards] == ["## SES › sandbox", "## SES › receiving", "## SES › receiving"]
    assert deck.cards[0].answer_lines[0].text.endswith("1 msg/sec — verified addresses only."), deck.cards[0].answer_lines
    good = accepted(bank(box))
    stems = {q.answer: q.stem for q in good if q.type == "cloze"}
    assert stems["1"].startswith("SES › sandbox › ") and stems["40 MB"].startswith("SES › receiving › "), stems
    assert not [q for q in good if re.search(r"From |notes@|=E2|=3D|iPhone|wrote:|2024", q.stem)], [q.stem for q in good]


def test_round_cy_b_a_status_codes_named_in_camel_case_and_numbers_to_just_memorize() -> None:
    """Round CY (load balancing in Japanese #14: "redirectResponseCode: MOVED_PERMANENTLY_DEFAULT (_____), FOUND (302)"
    drew 226, 150 and 181 as wrong options; Batch #9/#10: "Random numbers to just memorize" is a recap of other
    cards, its "Retry 1-10 attempts, _____ evaluateOnExit" names no service)."""
    qs = bank("【redirect (HTTP → HTTPS)】\n・redirectResponseCode: MOVED_PERMANENTLY_DEFAULT (301), FOUND (302), "
              "SEE_OTHER (303)\n---\nRandom numbers to just memorize\nA:\n- Retry 1-10 attempts, 5 evaluateOnExit\n"
              "---\nBatch job dependencies\nA:\n- max 20 dependencies per job\n", seed=3)
    codes = [q for q in accepted(qs, "multichoice") if q.answer == "301"]
    assert codes and all(int(o.text) in STATUS_CODES for q in codes for o in q.options), [q.options for q in codes]
    asked = {q.answer for q in accepted(qs)}
    assert "20" in asked and "5" not in asked, asked


def test_re36_a_hedges_in_japanese_and_danish_stories_and_an_abbreviation_inside_a_sentence() -> None:
    """Fresh sample of round CY (RE36, 62/80: HTML 17, mbox 16, Japanese 15, Batch 14): "（最近は 64 KB まで広げられる
    らしい、要確認）" ("apparently 64 KB lately, to check") kept a value the notes doubt, "(took me ~55 min)" and "(our dev
    acct had minvCpus 16 for 2 months, $~900 wasted)" the writer's own; "6,000 total incl. SSML tags" was cut at
    "incl." as if a sentence ended there."""
    qs = bank("Cloud Armor WAF\nA:\n・POST body は default で先頭 8 KB だけ（最近は 64 KB まで広げられるらしい、要確認）\n"
              "・rule の数は最大 200 個\n---\nExpressRoute\nA:\n- maks. 4 circuits pr. peering location, tror jeg\n"
              "- 10 Gbps på Standard-SKU\n---\nBatch pricing\nA:\n- pcluster build-image -> custom AMI (took me ~55 min)\n"
              "- idle minvCpus > 0 = paying 24/7 (our dev acct had minvCpus 16 for 2 months, $~900 wasted)\n"
              "- no extra charge for Batch itself\n---\nVoice limits\nA:\nIn the sandbox a voice message goes only to "
              "verified numbers, and an account can verify at most 10 of them while it stays there. Text-to-speech: "
              "3,000 billable chars, 6,000 total incl. SSML tags per message sent.\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"10", "6,000"} <= asked and not asked & {"64 KB", "4", "55 min", "$~900", "16"}, asked
    assert all(q.stem.rstrip().endswith("SSML tags per message sent.") for q in good if q.answer == "6,000" and q.type == "cloze")


def test_round_cz_a_a_an_anki_deck_exported_by_crowdanki() -> None:
    """Round CZ (CodePipeline/CodeBuild/CodeDeploy as a CrowdAnki deck.json: one card, every stem "fields ›" and no
    note's front): a note is a card, its first field (Anki's HTML) its title and the others its answer, each at the
    line its string starts on; the deck's settings, note models, tags and ids are nothing."""
    deck = {"__type__": "Deck", "children": [], "crowdanki_uuid": "566bf9d7", "deck_config_uuid": "5d96cf7f",
            "deck_configurations": [{"__type__": "DeckConfig", "maxTaken": 60, "new": {"perDay": 25}}],
            "name": "AWS::DOP-C02", "note_models": [{"__type__": "NoteModel", "css": ".card { font-size: 20px; }",
                                                    "flds": [{"name": "Front", "size": 20}], "name": "Basic"}],
            "notes": [{"__type__": "Note", "fields": ["CP: how many pipelines can I have?",
                                                       "<b>1,000</b> pipelines per Region per account<br>- polling "
                                                       "pipelines: max <b>300</b>/Region"],
                       "guid": "a1", "note_model_uuid": "5e6a", "tags": ["aws::codepipeline", "limits"]},
                      {"__type__": "Note", "fields": ["CB: max build timeout?", "up to <b>2,160</b> min (36 h)"],
                       "guid": "a2", "note_model_uuid": "5e6a", "tags": ["aws::codebuild"]}]}
    text = json.dumps(deck, indent=4)
    cards = parse_deck(text, path="rubric.txt").cards
    assert [card.title_lines[0].text for card in cards] == ["CP: how many pipelines can I have?", "CB: max build timeout?"]
    good = accepted(bank(text))
    assert {"1,000", "300", "2,160 min"} <= {q.answer for q in good}, [q.answer for q in good]
    assert not [q for q in good if re.search(r"fields|__type__|<b>|guid|perDay|20px", q.stem)], [q.stem for q in good]


def test_round_cz_a_b_a_textile_wiki_page() -> None:
    """Round CZ (Dataproc/Composer as a Redmine wiki page in Textile 3/20: "h3." cards ran together, stems kept
    "(_. Masters)" and "@--max-age@"): "h3. Title" starts a card under its "h2." section, "|_. Header|" cells are a
    table's header, "@code@" a code span, "*bold*" bold, "p(note). " a note; "{{toc}}" is nothing; "Composer _____"
    beside "Composer 1" asks a generation, and "timed 23 min on our last one" the team's own run."""
    page = ("h1. Dataproc & Composer (PDE study page)\n\n{{toc}}\n\np(note). One h3 = one flashcard.\n\n"
            "h2. Dataproc - Clusters\n\nh3. Cluster modes\n\n|_. Mode|_. Masters|_. Workers|\n|Standard|1|min *2*|\n"
            "|High Availability|*3*|min 2|\n\nh3. Scheduled deletion\n\n* @--max-idle@ min 10 min, max 14 days\n\n"
            "h2. Composer\n\nh3. Composer versions\n\nComposer 1 is legacy. Composer 3 auto-upgrades its GKE nodes.\n\n"
            "h3. Composer 2 architecture\n\n* Creation takes ~25 min (timed 23 min on our last one)\n"
            "* Workers: 1 to 100 per environment\n")
    titles = [card.title_lines[0].text for card in parse_deck(page, path="rubric.txt").cards]
    assert titles[-4:] == ["### Dataproc - Clusters › Cluster modes", "### Dataproc - Clusters › Scheduled deletion",
                           "### Composer versions", "### Composer 2 architecture"], titles
    stems = {q.answer: q.stem for q in accepted(bank(page), "cloze")}
    assert "High Availability (Masters)" in stems["3"] and stems["100"].startswith("Composer 2 architecture › "), stems
    assert not {"23 min"} & set(stems) and not [s for s in stems.values() if re.search(r"_\.|@|\{\{|h[23]\.|Composer _____", s)], stems


def test_round_cz_b_a_danish_and_turkish_example_labels() -> None:
    """Round CZ (ExpressRoute/Virtual WAN in Danish #5/#13: "Eks.: skal bruge 7.500 VMs → _____ units (8.000 VMs)"
    asked the writer's worked example; Turkish notes' "Örn:" likewise)."""
    qs = bank("Hub router units\nA:\n- hver unit = 1 Gbps, 1.000 VMs\nEks.: skal bruge 7.500 VMs → 8 units (8.000 VMs).\n"
              "- maks. 50 units pr. hub\n---\nWAF\nA:\nÖrn: login için 5 dk'da 300 istek.\n- kural başına maks. 10 koşul\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"1.000", "50", "10"} <= asked and not asked & {"8", "7.500", "8.000", "300"}, asked


def test_round_da_a_a_google_keep_notes_from_takeout() -> None:
    """Round DA (S3/Glacier as Google Keep notes merged from a Takeout export into one JSON array: one card, every
    stem began with the JSON's keys): a note is a card, its title the title, its text's lines or checklist items the
    answer; trashed notes, flags, labels, timestamps and link annotations are nothing."""
    notes = [{"color": "DEFAULT", "isTrashed": False, "isPinned": True, "isArchived": False,
              "textContent": "max object = 5 TB\nmax 10,000 parts per upload", "title": "object size limits",
              "userEditedTimestampUsec": 1708979930679000, "createdTimestampUsec": 1708585644431000,
              "labels": [{"name": "aws-saa"}]},
             {"color": "DEFAULT", "isTrashed": False, "isPinned": False, "isArchived": False,
              "listContent": [{"text": "Standard-IA: 30 days", "isChecked": True},
                              {"text": "Glacier Deep Archive: 180 days", "isChecked": False}],
              "title": "min storage duration", "userEditedTimestampUsec": 1708979930679001,
              "createdTimestampUsec": 1708585644431001, "labels": [{"name": "glacier"}],
              "annotations": [{"source": "WEBLINK", "url": "https://example.com/s3"}]},
             {"color": "DEFAULT", "isTrashed": True, "textContent": "old draft: 7 days", "title": "trash",
              "userEditedTimestampUsec": 1708979930679002}]
    text = json.dumps(notes, indent=2)
    cards = parse_deck(text, path="rubric.txt").cards
    assert [card.title_lines[0].text for card in cards] == ["object size limits", "min storage duration"]
    good = accepted(bank(text))
    assert {"5 TB", "10,000", "180 days"} <= {q.answer for q in good} and "7 days" not in {q.answer for q in good}
    assert not [q for q in good if re.search(r'"|isTrashed|Timestamp|aws-saa|WEBLINK|17089', q.stem)], [q.stem for q in good]


def test_round_da_b_a_a_framed_title_that_ends_like_a_running_sentence_and_tagalog_former_values() -> None:
    """Round DA (Azure Backup/Site Recovery as a DokuWiki page: "==== What ASR is ====" read as a sentence running on,
    so its section "===== Azure Site Recovery =====" became a card and every ASR card was filed under "Monitoring &
    ops"; Taglish "dati _____ lang!" (formerly only …) asked an old value)."""
    page = ("===== Monitoring & ops =====\n\n==== Alerts ====\n  * alerts route via action groups\n\n"
            "===== Azure Site Recovery =====\n\n==== What ASR is ====\nContinuous replication of machines.\n"
            "  * recovery points kept up to 15 days\n\n==== Multi-VM consistency ====\n  * up to 16 VMs per group\n")
    titles = [card.title_lines[0].text for card in parse_deck(page, path="rubric.txt").cards]
    assert titles[-2:] == ["### Azure Site Recovery › What ASR is", "### Azure Site Recovery › Multi-VM consistency"], titles
    qs = bank("== Log Analytics ==\n- retention 24 months na ngayon, dati 6 weeks lang!\n---\n== Alerting ==\n"
              "- halimbawa: CPU > 0.9 for 5 min, alignment 1 min\n- max 500 policies per project\n")
    asked = {q.answer for q in accepted(qs, "cloze")}
    assert "500" in asked and not asked & {"6 weeks", "5 min"}, asked      # (Tagalog "halimbawa": for example)


def test_round_db_a_a_lecture_captions_with_the_students_notes() -> None:
    """Round DB (Pub/Sub and Dataflow as a lecture's WebVTT captions with the student's NOTE blocks 0/20: a card per cue
    titled by its number, stems of "NOTE …" debris): a topic the lecturer announces is a card titled by it, the
    spoken words without "um" and "okay so", each NOTE line an item; cue numbers, timings, voice tags and the file's
    header nothing. SubRip captions are read the same way."""
    vtt = ("WEBVTT - Lecture 7 (Pub/Sub)\nKind: captions\nLanguage: en\n\nNOTE\ncut the demo cues, exam in 3 wks\n\n"
           "1\n00:00:02.000 --> 00:00:06.100\nokay so um, hi everyone. next topic: message size. one message,\n"
           "data plus attributes, max is 10 MB\n\nNOTE max msg 10 MB, publish request max 1,000 msgs\n\n"
           "14\n00:01:50.500 --> 00:01:55.100 align:start\n<v Lecturer>so next topic: ack deadlines, which matter.</v>\n"
           "the default is ten seconds\n\nNOTE ack deadline: default 10 s, max 600 s\nmodifyAckDeadline to extend it\n")
    cards = parse_deck(vtt, path="rubric.txt").cards
    assert [card.title_lines[0].text for card in cards] == ["## message size", "## ack deadlines"]
    good = accepted(bank(vtt))
    assert {"10 MB", "1,000", "600 s"} <= {q.answer for q in good}, [q.answer for q in good]
    assert not [q for q in good if re.search(r"-->|NOTE|<v|\bum\b|okay|next topic|\b14\b|wks", q.stem)], [q.stem for q in good]
    srt = ("1\n00:00:01,000 --> 00:00:04,000\nnext topic: retention. messages are kept for 7 days\n\n"
           "2\n00:00:04,500 --> 00:00:08,000\nso next topic: quotas. up to 10,000 topics per project\n")
    cards = parse_deck(srt, path="rubric.txt").cards
    assert [card.title_lines[0].text for card in cards] == ["## retention", "## quotas"]
    assert [line.text for line in cards[1].lines[1:]] == ["up to 10,000 topics per project"]


def test_round_db_b_a_a_zim_or_dokuwiki_page_counts_its_headings_down() -> None:
    """Round DB (Kinesis/MSK as a Zim wiki page 7/20: every Firehose, Flink and MSK card filed under the first
    section, "@exam" tags in stems): "====== Page ======" is the page's title and "==== Topic ====" a card under its
    "===== Section =====", even when the section has a line of its own; Zim's header lines and tags, "//italic//",
    "''verbatim''", links and checkboxes, and DokuWiki's "^ Header ^" rows read as what they mark."""
    page = ("Content-Type: text/x-zim-wiki\nWiki-Format: zim 0.6\nCreation-Date: 2025-03-14T20:41:07+01:00\n\n"
            "====== Streaming ======\nCreated Friday 14 March 2025\n\n===== Kinesis Data Streams =====\n\n"
            "==== Shard limits ====\n@exam\n* 1 MB/s or 1,000 records/s in per shard\n\n"
            "===== Amazon Data Firehose =====\nRenamed in //Feb 2024//, see https://docs.example.com/firehose\n\n"
            "==== Buffering ====\n* S3 buffer size up to 128 MiB, default ''5 MiB'' @pricing\n"
            "[*] OpenSearch buffer up to 100 MiB, see [[AWS:OpenSearch|the OS page]]\n\n==== Quotas ====\n"
            "^ Limit ^ Value ^\n| Firehose streams per region | 5,000 |\n")
    titles = [card.title_lines[0].text for card in parse_deck(page, path="rubric.txt").cards]
    assert titles == ["### Kinesis Data Streams › Shard limits", "## Amazon Data Firehose",
                          "### Amazon Data Firehose › Buffering", "### Amazon Data Firehose › Quotas"], titles
    good = accepted(bank(page))
    assert {"1,000", "128 MiB", "100 MiB", "5,000"} <= {q.answer for q in good}, [q.answer for q in good]
    assert not [q for q in good if re.search(r"@|''|\[\[|//(?!docs)|\^|Content-Type|Created", q.stem)], [q.stem for q in good]


def test_round_db_c_a_a_catalan_examples_lab_and_study_group_and_the_writers_fleet() -> None:
    """Round DB (Event Hubs/Service Bus in Catalan 11/20, IoT notes 15/20): "· " is a bullet; "p. ex." opens an
    example, "Al lab vam posar 4 particions" is the group's own lab, a "Recordatori grup" card their meetings; "-> e.g.
    abort if 10% FAILED after at least 50 devs" an example setting, "we keep 48 h … ~ 30 GB" the writer's fleet."""
    qs = bank("## Particions\n· màx. 32 particions a Standard\n· Al lab vam posar 4 particions\n"
              "· checkpoint a cada event = massa escriptures; p. ex. cada 100 events o cada 30 s\n· p. ex. limitar IncomingBytes a 2 MB/s\n\n"
              "## Recordatori grup (simulacre)\n· cadascú porta 5 preguntes\n\n"
              "## Jobs rollout\n· max 100 concurrent jobs per account\n· abort config -> e.g. abort if 10% FAILED after at least 50 devs\n\n"
              "## Stream manager\n· default stream max size 256 MB\n· we keep 48 h of vibration data on the jetsons ~ 30 GB\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"32", "100", "256 MB"} <= asked and not asked & {"4", "30 s", "2 MB/s", "5", "50", "30 GB", "48 h"}, asked
    assert not [q for q in good if "·" in q.stem], [q.stem for q in good]


def test_a_quantity_answer_takes_no_text_options_and_is_no_text_option() -> None:
    """A Q&A card answered by a quantity gets numeric variants as wrong options; on the ring of names it would be
    a give-away option for a name ("15 minutes" beside "Amazon SQS"), and every edit of a number would move the
    options of the names around it (and so reprocess their cards)."""
    cards = [("c1", "Which service stores objects?", "Amazon S3"), ("c2", "Which service runs functions?", "AWS Lambda"),
             ("c3", "Which service queues messages?", "Amazon SQS"), ("c4", "Which service sends push messages?", "Amazon SNS"),
             ("c5", "What is Lambda's maximum timeout?", "15 minutes"), ("c6", "What is the SQS message size limit?", "256 KB"),
             ("c7", "How long does SQS keep messages by default?", "4 days")]
    picks = pick_all(cards, seed=1)
    assert all(not picks[c] for c in ("c5", "c6", "c7")), picks
    names = {p for c in ("c1", "c2", "c3", "c4") for p in picks[c]}
    assert names and names <= {"Amazon S3", "AWS Lambda", "Amazon SQS", "Amazon SNS"}, picks


def test_round_re39_a_notes_that_write_thousands_with_points_write_all_of_them_so() -> None:
    """Fresh sample of round DB (Catalan notes #2: "Dedicated: 1.024 MB, 1.000 groups" read 1.024 MB, so its wrong
    options were 0.8192 MB and 0.6144 MB; Danish "28.800 sek" was 28.8 s): in notes that write "1.000" for a
    thousand or "0,5" for a half, "4.096" is a number in the thousands and "6,849" a decimal, and the wrong options
    are written with points too; notes with a decimal point keep reading "1.024" as one."""
    card = "## Schema Registry\n· Standard: 25 MB per namespace\n· Dedicated: 1.024 MB, 1.000 groups, 10.000 versions\n"
    assert [(q.text, q.value) for q in find_quantities(card)][1:] == [("1.024 MB", 1024 * 2**20)]
    assert [q.value for q in find_quantities("Timeout\n- maks. 28.800 sek, default 3,5 min\n- aprox. 6,849 USD/h per CU")] == \
        [28800, 210, 6.849]
    assert [q.value for q in find_quantities("Timeout\n- max 28,800 sec, default 3.5 min\n- about 6,849 USD/h per CU")] == \
        [28800, 210, 6849]
    assert [q.value for q in find_quantities("Fees\n- 1.024 USD per hour, min 0.5 h")][0] == 1.024
    options = [o.text for q in accepted(bank(card), "multichoice") if q.answer == "1.024 MB" for o in q.options]
    assert options and all(re.fullmatch(r"\d{1,3}(?:\.\d{3})? MB", o) for o in options), options
    qs = bank("## Exercici de classe (càlcul EH Standard)\n· Enunciat: 2.500 events/s de 2 KB cadascun\n"
              "## Throughput Units\n· 1 TU = 1 MB/s o 1.000 events/s\n")
    assert {q.answer for q in accepted(qs)} >= {"1.000"} and "2.500" not in {q.answer for q in accepted(qs)}, [q.stem for q in accepted(qs)]


def test_round_dc_a_notes_whose_titles_end_with_a_colon() -> None:
    """Round DC (Cloud Run/Functions notes in Croatian: every title ended with a colon, "Cloud Run – concurrency:", so
    the deck read as one card and its stems ran across topics): in notes that title every paragraph so, a colon ends
    the title (and leaves it); a list's lead-in ("Limits:") inside a card's paragraph stays one."""
    notes = ("GCP bilješke – Cloud Run i Cloud Functions\n\nCloud Run – concurrency:\n– default 80 zahtjeva po instanci\n"
             "– max. 1.000\n\nCloud Run – request timeout:\n– default 300 s\n– max. 3.600 s, tj. 60 min\n\n"
             "Cloud Functions – memorija:\n– default 256 MB\n– max. 32 GiB\n")
    cards = parse_deck(notes, path="rubric.txt").cards
    assert [card.title_lines[0].text for card in cards][-3:] == ["Cloud Run – concurrency", "Cloud Run – request timeout",
                                                                 "Cloud Functions – memorija"]
    stems = {q.answer: q.stem for q in accepted(bank(notes), "cloze")}
    assert stems["300 s"].startswith("Cloud Run – request timeout › ") and stems["32 GiB"].startswith("Cloud Functions"), stems
    plain = parse_deck("Lambda\n- timeout 15 min\n\nLimits:\n- 1,000 concurrent executions\n", path="rubric.txt").cards
    assert len(plain) == 1


def test_round_dc_b_a_roam_research_json_export() -> None:
    """Round DC (Cosmos DB notes as a Roam Research JSON export: one card, stems of JSON keys and uids): each
    top-level block of a page is a card, its first line the title under the page's title, its other lines and nested
    blocks its notes; page links their words, "#tags", "{{[[TODO]]}}", "__italic__", "^^highlight^^", uids and times
    nothing, a block reference the block's first line."""
    graph = [{"title": "Cosmos DB/Partitioning", "uid": "pg1", "create-time": 1712578067833, "children": [
        {"string": "Logical partitions #cosmos\nmax **20 GB** per logical partition\n__hot partition__ = throttling",
         "uid": "b1AAAAAAA", "create-time": 1712578067834, "edit-time": 1712589348695},
        {"string": "[[Physical partitions]]\n^^up to 10,000 RU/s^^ per physical partition", "uid": "b2AAAAAAA",
         "create-time": 1712578067835, "children": [
             {"string": "{{[[TODO]]}} storage: 50 GB per physical partition, see ((b1AAAAAAA))", "uid": "b3AAAAAAA",
              "create-time": 1712578067836}]}]},
        {"title": "Cosmos DB/Items", "uid": "pg2", "children": [
            {"string": "Item size\nmax 2 MB per item (UTF-8 JSON)", "uid": "b4AAAAAAA", "create-time": 1712578067837}]}]
    text = json.dumps(graph, indent=2)
    cards = parse_deck(text, path="rubric.txt").cards
    assert [card.title_lines[0].text for card in cards] == ["Cosmos DB/Partitioning › Logical partitions",
                                                            "Cosmos DB/Partitioning › Physical partitions",
                                                            "Cosmos DB/Items › Item size"]
    assert [line.text for line in cards[1].lines[1:]] == ["up to 10,000 RU/s per physical partition",
                                                          "- storage: 50 GB per physical partition, see (Logical partitions)"]
    good = accepted(bank(text))
    assert {"20 GB", "10,000", "50 GB", "2 MB"} <= {q.answer for q in good}, [q.answer for q in good]
    assert not [q for q in good if re.search(r'"|uid|create-time|#cosmos|\[\[|\{\{|\^\^|(?<!_)__(?!_)|1712', q.stem)], [q.stem for q in good]


def test_round_dc_c_croatian_asides_source_tags_and_a_title_that_states_the_value() -> None:
    """Round DC (Croatian notes #4, #8, #11, #17, #20; KMS notes #12; Vimwiki page #6): "prije je bilo _____" (it
    used to be), "Naš node_modules je bio 180 MB" (ours), "= cca _____ sati" and "1 mil. < 2 mil. (ok)" (worked), a
    "[docs]" or "[security blog]" source tag left in the stem, "429 u logovima" (in the logs) a status code, and a
    title that states the blank's value ("Serverless v2 auto-pause (0 ACU) › set min capacity = _____")."""
    qs = bank("Cloud Build:\n– free tier: 2.500 build-minuta mjesečno (prije je bilo 120 min dnevno)\n"
              "– max. 10 MB po upload-u\n– Naš node_modules je bio 180 MB, .gcloudignore je spasio stvar.\n\n"
              "Cloud Run free tier:\n– 240.000 vCPU-s mjesečno\n– 240.000 vCPU-s = cca 66 sati jedne instance\n\n"
              "Računica:\n– pozivi: 1 mil. < 2 mil. (ok)\n– timeout max. 540 s\n\n"
              "Cloud Run HTTP greške:\n– Kad vidiš 429 u logovima → digni max. instances\n")
    good = accepted(qs)
    asked = {q.answer for q in good}
    assert {"10 MB", "540 s"} <= asked and not asked & {"120 min", "180 MB", "66", "2"}, asked
    assert all(o.text in {str(c) for c in STATUS_CODES} for q in accepted(qs, "multichoice") if q.answer == "429"
               for o in q.options)
    kms = accepted(bank("KMS QUOTAS\n1. S3 Bucket Keys cut KMS requests by up to 99% [docs].\n"
                        "2. typical root CA cert validity 10 years [security blog].\n"))
    assert {"99%", "10 years"} <= {q.answer for q in kms} and not [q for q in kms if "[" in q.stem], [q.stem for q in kms]
    page = ("= RDS =\n== Aurora Serverless ==\n=== Serverless v2 auto-pause (0 ACU) ===\n"
            "* set min capacity = 0 and pick a delay\n* max capacity 256 ACU\n=== Composer 2 limits ===\n* start with 2 schedulers\n")
    asked = {q.answer for q in accepted(bank(page))}
    assert "256" in asked and "0" not in asked and "2" in asked, asked


def test_round_dd_a_a_logseq_page_and_an_opml_outline() -> None:
    """Round DD (Azure Functions as a Logseq page 4/20: one card, its flashcards' "card-ease-factor:: 2.5" asked;
    CloudFront/Route 53 as an OPML export: one card, no question): a Logseq page's top-level blocks are cards under
    its "title::", nested blocks items, properties, tags, tasks and block references nothing, "{{cloze …}}" its words;
    an OPML outline with leaves is a card under its top-level outline, its leaves (and their notes) items."""
    page = ("title:: Azure Functions\ntags:: [[AZ-204]], serverless\n- TODO re-check prices, $50 credit left\n"
            "\t- sources: my own lab sub\n- Consumption plan timeout: default {{cloze 5 min}} #card\n  card-ease-factor:: 2.5\n"
            "  card-last-interval:: 11.2\n\t- max **10 min** in `host.json`\n\t- see ((6612c9a2-77e1-4f0b-a3d5-2b8c61e9f047))\n"
            "- Premium plan scale-out #card\n  id:: 6612a0b7-1c3e-4d52-9b8a-3f0e7d21c6a4\n  collapsed:: true\n"
            "\t- max 100 instances on [[Linux]]\n\t\t- Windows: 100 too\n")
    cards = parse_deck(page, path="rubric.txt").cards
    assert [card.title_lines[0].text for card in cards] == ["## Azure Functions › Consumption plan timeout: default 5 min",
                                                            "## Azure Functions › Premium plan scale-out"]
    assert [line.text for line in cards[1].lines[1:]] == ["- max 100 instances on Linux", "  - Windows: 100 too"]
    good = accepted(bank(page))
    assert {"10 min", "100"} <= {q.answer for q in good} and not {"2.5", "11.2", "$50"} & {q.answer for q in good}
    assert not [q for q in good if re.search(r"::|#card|\(\(|\[\[|TODO", q.stem)], [q.stem for q in good]
    opml = ('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head>\n    <title>CF &amp; R53</title>\n'
            '  </head>\n  <body>\n    <outline text="Amazon CloudFront" _note="started on the train">\n'
            '      <outline text="Cache TTLs" _complete="true">\n        <outline text="Default TTL = 86,400 s"/>\n'
            '        <outline text="Maximum TTL = 31,536,000 s" _note="365 days"/>\n      </outline>\n'
            '      <outline text="Quotas">\n        <outline text="max 25 cache behaviors per distribution &amp; more"/>\n'
            '      </outline>\n    </outline>\n  </body>\n</opml>\n')
    cards = parse_deck(opml, path="rubric.txt").cards
    assert [card.title_lines[0].text for card in cards] == ["Amazon CloudFront › Cache TTLs", "Amazon CloudFront › Quotas"]
    assert [line.text for line in cards[0].lines[1:]] == ["- Default TTL = 86,400 s", "- Maximum TTL = 31,536,000 s",
                                                          "  - 365 days"]
    assert {"86,400 s", "25"} <= {q.answer for q in accepted(bank(opml))}


def test_round_dd_b_a_the_teams_own_clusters_and_worked_downtime() -> None:
    """Round DD (GKE notes 9/20: "Our clusters, for context" cards, "us: prod-euw1 peaked at 163 nodes", "used for
    the 3-day model training job", "switched batch pools to ANY => ~18% fewer node-hours", "99.95% ~ _____" of
    downtime worked out) and a Vimwiki page whose "=== gp2 ===" headings are in lower case."""
    qs = bank("Our clusters, for context (Jan snapshot)\n* prod-euw1: ~140 nodes n2-standard-8\n\n"
              "Nodes per cluster\n* 15,000 nodes per cluster max\n* us: prod-euw1 peaked at 163 nodes on 2023-11-24\n\n"
              "Extended-duration pods\n* run up to 7 days without eviction\n* used for the 3-day model training job, worked\n\n"
              "Autoscaler profiles\n* scale-down after 10 min unneeded by default\n"
              "* switched batch pools to optimize-utilization => ~18% fewer node-hours in Jan\n\n"
              "SLA\n* regional control plane 99.95%\n* 99.5% ~ 3.6 h/month of allowed downtime\n")
    asked = {q.answer for q in accepted(qs)}
    assert {"15,000", "7 days", "10 min", "99.95%"} <= asked and not asked & {"140", "163", "3", "18%", "3.6 h"}, asked
    page = ("= RDS =\n\n== Storage ==\n\n=== Size limits ===\n- max 64 TiB\n\n=== gp2 ===\n- 3 IOPS per GiB, floor of 100 IOPS\n\n"
            "=== io1 / io2 ===\n- io2 up to 256,000 IOPS\n")
    assert [card.title_lines[0].text for card in parse_deck(page, path="rubric.txt").cards][-2:] == ["## Storage › gp2",
                                                                                                    "## Storage › io1 / io2"]


def test_round_de_a_a_pandoc_document_and_a_jira_export() -> None:
    """Round DE (Spanner/Bigtable as a pandoc document 0/20: grid tables asked under their "+----+" border,
    definition lists as ": The granular unit …" under the wrong term, wrapped lines cut mid-sentence; VPC as Jira's
    CSV export 0/20: refused for want of question and answer columns): a pandoc document's grid table is a pipe
    table with its header, "Term" over ":   text" one item, a wrapped paragraph one line, its metadata, divs, math,
    footnotes and struck-out items nothing; a CSV with a title and a text column is notes, a card a row under its
    Jira epic, its wiki markup read and its comments nothing."""
    doc = ("---\ntitle: \"Spanner\"\nauthor: \"M. O.\"\n...\n\nCloud Spanner\n=============\n\n"
           "Compute capacity\n----------------\n\nCommit size\n:   **100 MB** per commit, incl. the\n"
           "    overhead.\n\nGranular instance\n:   Minimum size is **100 PUs**; you go up\n    in steps of **100 PUs**.\n\n"
           "* ~~2 TB per node~~ (old)\n* **10 TB per node** now[^s].\n\n::: note\nWorked: 23 TB needs\n:::\n\n"
           "$$ \\lceil 23 / 10 \\rceil = 3 $$\n\nso storage forces **3 nodes**.\n\nSchema limits\n-------------\n\n"
           "+-----------------+----------+\n| Limit           | Value    |\n+=================+==========+\n"
           "| Tables per      | 5,000    |\n| database        |          |\n+-----------------+----------+\n"
           "| Columns per     | 1,024    |\n| table           |          |\n+-----------------+----------+\n\n"
           "[^s]: raised twice, see\n    the docs.\n")
    cards = parse_deck(doc, path="rubric.txt").cards
    lines = [line.text for card in cards for line in card.lines]
    assert "- Commit size: 100 MB per commit, incl. the overhead." in lines, lines
    assert "- Granular instance: Minimum size is 100 PUs; you go up in steps of 100 PUs." in lines
    assert "| Tables per database | 5,000 |" in lines and "| Limit | Value |" in lines, lines
    assert not [text for text in lines if re.search(r"\+---|:::|~~|\\lceil|\[\^|title:", text)], lines
    asked = {q.answer for q in accepted(bank(doc))}
    assert {"100 MB", "10 TB", "5,000", "1,024"} <= asked and not asked & {"2 TB", "3", "23 TB"}, asked
    jira = ('Summary,Issue key,Issue id,Parent id,Issue Type,Status,Labels,Labels,Description,Custom field (Epic Link),'
            'Comment\n'
            'Transit Gateway quotas,ANS-42,10245,,Story,Done,tgw,quotas,"||Quota||Default||\r\n'
            '|Attachments per transit gateway|*5,000*|\r\n|Route tables per transit gateway|*20*|\r\n'
            '* idle timeout {{350 s}} see [docs|https://example.org]",ANS-4,"01/Feb/24 10:12 AM;rpatel;I got 40 on my mock"\n'
            'Transit Gateway,ANS-4,10204,,Epic,In Progress,tgw,,Everything about TGW.,,\n'
            'Lab: TGW + 3 VPCs,ANS-50,10250,10245,Sub-task,Done,,,"{noformat}\r\n3 x 730 x 0.05 = 109.50\r\n{noformat}",,\n')
    cards = parse_deck(jira, path="rubric.csv").cards
    assert [card.title_lines[0].text for card in cards] == ["Transit Gateway › Transit Gateway quotas", "Transit Gateway",
                                                            "Transit Gateway quotas › Lab: TGW + 3 VPCs"]
    assert [line.text for line in cards[0].lines[1:]] == ["| Quota | Default |", "|---|---|",
                                                          "|Attachments per transit gateway|5,000|",
                                                          "|Route tables per transit gateway|20|",
                                                          "- idle timeout 350 s see docs"]
    assert [line.number for line in cards[0].lines] == [2, 2, 2, 3, 4, 5]
    asked = {q.answer for q in accepted(bank(jira, path="rubric.csv"))}
    assert {"5,000", "20"} <= asked and not asked & {"40", "109.50"}, asked


def test_round_de_b_a_both_says_two_and_a_size_before_its_noun() -> None:
    """Round DE (Redshift notes 17/20: "compute in _____ AZs, both serve queries" keyed 2; a cram line's "1,600 cols
    per table, _____ identifiers" and "_____ (1) SQL statement, _____ (2) row via COPY", whose blanks read as counts):
    a size that opens its clause before its noun is not blanked there; sizes per something, a size before "storage"
    and one in brackets still are."""
    qs = bank("Redshift random limits\n- 1,600 cols per table, 127 byte identifiers\n- 16 MB SQL statement, 4 MB row via COPY\n\n"
              "Multi-AZ\n- compute in 2 AZs, both serve queries\n\nRA3 nodes\n- 128 TB managed storage per node\n"
              "- memory from 128 MB to 10 GB (64 MB increments)\n")
    asked = {q.answer for q in accepted(qs) if q.type in ("cloze", "numerical")}
    assert {"1,600", "128 TB", "64 MB"} <= asked and not asked & {"127 byte", "16 MB", "4 MB", "2"}, asked
    assert not [q for q in accepted(qs, "multi_cloze") if "SQL statement" in q.stem]
