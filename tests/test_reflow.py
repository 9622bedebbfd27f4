"""Hard-wrapped prose is read as whole sentences, each value keeping its own file line."""
from __future__ import annotations

from pipeline.decks import parse_deck
from pipeline.reflow import reflow
from pipeline.types import Line

WRAPPED = [
    Line(10, "Explicit context caching: you create a CachedContent resource with the big part of the prompt and reference it in"),
    Line(11, "later requests. Minimum size was 32,769 tokens for Gemini 1.5 models (so small prompts cannot be cached), and you"),
    Line(12, "can set another TTL."),
]


def test_a_wrapped_paragraph_becomes_one_line_whose_offsets_keep_their_file_lines() -> None:
    (line,) = reflow(WRAPPED)
    assert line.number == 10 and "reference it in later requests." in line.text and "and you can set" in line.text
    assert line.number_at(line.text.index("CachedContent")) == 10
    assert line.number_at(line.text.index("32,769")) == 11
    assert line.number_at(line.text.index("another TTL")) == 12
    assert line.holds(11) and line.holds(12) and not line.holds(13)


def test_notes_that_end_where_their_writer_ended_them_keep_their_lines() -> None:
    notes = [
        Line(1, "- Standard workflows: up to one year per execution, exactly-once, priced per state transition"),
        Line(2, "- Express workflows: up to 5 minutes, at-least-once, priced per request and duration"),  # a list item
        Line(3, "Gotcha: the history limit of 25,000 events applies to Standard workflows and their executions."),
        Line(4, "max payload 256 KB"),                      # the line before it ends a statement
        Line(5, "used to be lower, raised at some point"),  # short: a note of its own
        Line(6, "the redrive window is 14 days"),
        Line(8, "and this line is not next to the one above it, so it starts its own paragraph"),
    ]
    assert reflow(notes) == notes


def test_code_and_tables_are_never_joined() -> None:
    rows = [
        Line(1, "| model | context window | max output tokens | notes on the model and on how it is priced in each region |"),
        Line(2, "| gpt-4o | 128K | 16K | the default choice for most chat workloads in the exam scenarios |"),
        Line(3, "cbt -project my-project-4417 -instance ts-lab set sensor dev-0042#20241103 m:temp=21.7 and then"),
        Line(4, "cbt -project my-project-4417 -instance ts-lab read sensor"),
    ]
    assert reflow(rows) == rows


def test_a_deck_card_of_wrapped_prose_gives_facts_on_their_own_lines() -> None:
    from pipeline.facts import extract

    text = "Context caching\n" + "\n".join(line.text for line in WRAPPED) + "\n"
    card = parse_deck(text, path="d.txt").cards[0]
    assert len(card.answer_lines) == 1
    (cf,) = extract([card])
    lines = {f.text: f.line for f in cf.facts}
    assert lines["32,769 tokens"] == 3   # the file's line 3: the card's title is line 1


def test_rows_of_a_list_that_open_on_a_value_or_a_term_keep_their_lines() -> None:
    """Round X (api #10): "300 s — … default TTL" and "3600 s — max for both of those" were joined into one line."""
    rows = [
        Line(1, "300 s — API GW cache default TTL AND Lambda authorizer cache default TTL"),
        Line(2, "3600 s — max for both of those"),
        Line(3, "usage plan — throttle and quota per API key, attached to stages and methods alike"),
        Line(4, "stage variables — like env vars per stage"),
    ]
    assert reflow(rows) == rows


def test_round_z_a_wrapped_paragraph_runs_on_past_labels_open_words_and_a_colon() -> None:
    """Round Z (gcp prose #1, #2, #3, #6, #12, #17): "… deletes, plus" / "1 GiB stored …", "… Custom metadata on an" /
    "object: total size 8 KiB …", "… Max depth of nested" / "maps/arrays: 20 levels." and "… 270 s. Retention:" /
    "Pub/Sub sub 7 days …" were cut at the line break: a label or a colon inside a wrapped paragraph does not end it."""
    text = [
        "Free quota per day: 50,000 document reads, 20,000 writes, 20,000 deletes, plus",
        "1 GiB stored and 10 GiB network egress per month. It applies to one database.",
    ]
    (joined,) = reflow([Line(n, t) for n, t in enumerate(text, 1)])
    assert "deletes, plus 1 GiB stored" in joined.text and joined.number_at(joined.text.index("10 GiB")) == 2
    paragraph = [
        "V4 signed URLs can be valid for max 7 days (604,800 seconds). V2 signatures had",
        "no such cap as far as I remember but they're legacy now. Custom metadata on an",
        "object: total size 8 KiB for all the custom key/value pairs together. Timeouts:",
        "Cloud Run 60 min, BigQuery 6 h, Cloud Run jobs 24 h, Firestore 270 s. Retention:",
        "Pub/Sub sub 7 days, topic 31 days, BQ time travel 7 days + 7 fail-safe, GCS soft",
    ]
    (joined,) = reflow([Line(n, t) for n, t in enumerate(paragraph, 1)])
    assert "on an object: total size 8 KiB" in joined.text and "Retention: Pub/Sub sub 7 days" in joined.text
    terse = [   # definitions of a terse list keep their lines, however long
        Line(1, "flex-start = request GPUs/TPUs, get them when available, run up to 7 days, cheaper"),
        Line(2, "calendar mode = reserve fixed future window (like AWS Capacity Blocks)"),
    ]
    assert reflow(terse) == terse


def test_rows_of_keys_at_one_indent_and_commented_lines_keep_their_lines() -> None:
    """Round AF: `  default: 1000   # total hits reachable by paging` ran on into `  max: 20000` (its last word an
    -ing word, both rows about as long as the card's width); a commented line is config, not wrapped prose."""
    rows = [Line(1, "paginationLimitedTo:"),
            Line(2, "  default: 1000   # total hits reachable by going through the pages, paging"),
            Line(3, "  max: 20000 with the engine's own caps on deep pagination beyond that, too"),
            Line(4, "  note: only applies to the search endpoint, not to the browse one, which")]
    assert reflow(rows) == rows


def test_a_line_that_lists_short_items_ends_where_its_list_does() -> None:
    """Round BX (api gateway runbook #3, #5: "…, 32 KB frame, 128 KB message lead time for throttle raises was 2-5
    business days"): a long line of short comma-separated items is a list, not a wrapped sentence; a list that
    ends on an open word still runs on."""
    lines = [Line(1, "adjustable: account throttle RPS, resources per API, stages, authorizers, APIs per region, custom domains"),
             Line(2, "NOT adjustable: 10 MB payload, 29 s timeout for edge-optimized, 30 s HTTP API timeout, WS 2h duration, "
                     "10 min idle, 32 KB frame, 128 KB message"),
             Line(3, "lead time for throttle raises was 2-5 business days last time (Nov 2024). plan ahead for Black Friday!")]
    assert reflow(lines) == lines
    open_list = [Line(1, "regions that support it: us-east-1, us-west-2, eu-west-1, eu-central-1, ap-south-1, and"),
                 Line(2, "sa-east-1 since the 2024 launch of the service in South America, in preview")]
    assert len(reflow(open_list)) == 1
