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
