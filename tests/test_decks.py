"""The deck reader: native format, tab-separated and CSV exports, bad input."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pipeline.deck_cards import MAX_CARD_CHARS
from pipeline.decks import open_deck, parse_deck, read_deck
from pipeline.errors import DeckError
from pipeline.markup import unmarked
from pipeline.types import Line

GOOD = """\ufeffFirst card title
second title line
A:
- answer one
 - - nested bullet   

-----------
Quiz card?\r
A:\r
Answer: false\r
Note: because\r
it continues\r
---
Last card without separator
A:
- only line"""


def test_native_cards_keep_lines_and_numbers() -> None:
    deck = parse_deck(GOOD, path="d.txt")
    assert deck.issues == ()
    assert [c.index for c in deck.cards] == [0, 1, 2]
    first = deck.cards[0]
    assert first.title == "First card title second title line"
    assert [line.number for line in first.title_lines] == [1, 2]
    assert [(line.number, line.text) for line in first.answer_lines] == [(4, "- answer one"), (5, " - - nested bullet")]
    assert deck.cards[2].answer_lines[0].number == 16


def test_quiz_parts_are_kept_apart() -> None:
    card = parse_deck(GOOD, path="d.txt").cards[1]
    assert card.quiz_answer == "false"
    assert card.quiz_note == "because it continues"


def test_malformed_chunks_are_reported_with_line_and_keep_indexes() -> None:
    text = ("Good\nA:\nyes\n---\nOnly a title\n---\nEmpty answer\nA:\n\n---\nA:\norphan answer\n---\nAfter\nA:\nok\n"
            "---\n\nNotes title\n- first note\n\n- second note\n")
    deck = parse_deck(text, path="bad.txt")
    assert [c.index for c in deck.cards] == [0, 4, 5]
    assert [str(i).split(": ", 1)[0] for i in deck.issues] == ["bad.txt:5", "bad.txt:8", "bad.txt:11"]
    assert "only a title" in deck.issues[0].reason
    assert "empty answer" in deck.issues[1].reason
    assert "no question" in deck.issues[2].reason
    notes = deck.cards[2]      # no 'A:' line: the first line is the title, the lines under it the notes
    assert notes.title == "Notes title" and [ln.number for ln in notes.answer_lines] == [20, 22]


def test_card_ids_survive_inserting_a_card() -> None:
    before = parse_deck("One\nA:\n1\n---\nTwo\nA:\n2\n", path="x.txt")
    after = parse_deck("New\nA:\n0\n---\nOne\nA:\n1\n---\nTwo\nA:\n2\n", path="x.txt")
    assert [c.card_id for c in before.cards] == [c.card_id for c in after.cards[1:]]
    assert len({c.card_id for c in after.cards}) == 3


def test_not_utf8_and_empty_files_are_refused(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9\nA:\nok\n".encode("latin-1"))
    with pytest.raises(DeckError, match=r"latin.txt:1: not UTF-8"):
        read_deck(latin)
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n", encoding="utf-8")
    with pytest.raises(DeckError, match=r"empty.txt:1: empty deck"):
        read_deck(empty)
    with pytest.raises(DeckError, match="no such deck file"):
        read_deck(tmp_path / "missing.txt")


def test_anki_plain_text_export_with_headers(tmp_path: Path) -> None:
    path = tmp_path / "anki.txt"
    path.write_text(
        "#separator:tab\n#html:true\nMax Lambda timeout?\t900 seconds<br>(15&nbsp;minutes)\n"
        '"Two-line\nfront"\tback\nno back here\n',
        encoding="utf-8",
    )
    deck = read_deck(path)
    assert [c.title for c in deck.cards] == ["Max Lambda timeout?", "Two-line front"]
    assert [line.text for line in deck.cards[0].answer_lines] == ["900 seconds", "(15 minutes)"]  # &nbsp; is a space
    assert deck.cards[0].title_lines[0].number == 3
    assert deck.cards[1].answer_lines[0].number == 5
    assert len(deck.issues) == 1 and deck.issues[0].line == 6


def test_quizlet_tsv_and_csv_with_header(tmp_path: Path) -> None:
    tsv = tmp_path / "cards.tsv"
    tsv.write_text("S3 max object size\t5 TB\nSQS retention\t14 days\n", encoding="utf-8")
    assert [c.answer for c in read_deck(tsv).cards] == ["5 TB", "14 days"]
    csv_path = tmp_path / "cards.csv"
    csv_path.write_text('Question,Answer,Note\n"Is DAX a cache?",true,"fronts DynamoDB, caches reads"\n', encoding="utf-8")
    card = read_deck(csv_path).cards[0]
    assert (card.title, card.quiz_answer, card.quiz_note) == ("Is DAX a cache?", "true", "fronts DynamoDB, caches reads")
    assert card.title_lines[0].number == 2


def test_csv_without_known_columns_names_the_valid_ones(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("x,y\n1,2\n", encoding="utf-8")
    with pytest.raises(DeckError, match="odd.csv:1: .*question.*answer"):
        read_deck(path)


def test_shared_decks_parse_completely(shared_dir: Path) -> None:
    for name, cards in (("serverless-aws", 36), ("og-aws-gotchas", 68)):
        deck = read_deck(shared_dir / "decks" / f"{name}.txt")
        assert len(deck.cards) == cards and deck.issues == ()


line_text = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30).filter(
    # "#…:" at the top of a .txt is Anki's export header, which selects the tab-separated reader
    lambda s: s.strip() and not s.strip().startswith(("A:", "---", "Answer:", "Note:", "answer:", "note:", "#")) and s == s.rstrip()
    and not s.lstrip().lower().startswith(("answer", "note")) and s.strip("-")
    # markup pasted into notes ("<br>", "&nbsp;", "*(me)*") is read for what it means (tests/test_rubric.py round AK)
    and unmarked([Line(1, s)]) == [Line(1, s)] and " | " not in s      # (and pipe lists, drills, grids, underlines:)
    and not re.match(r"\s*Q\s*:|\s*\+[-=:+]+\s*$|\s*([=~^-])\1{2,}\s*$", s)
)


@given(st.lists(st.tuples(st.lists(line_text, min_size=1, max_size=3), st.lists(line_text, min_size=1, max_size=4)), min_size=1, max_size=6))
def test_render_then_parse_round_trips(cards: list[tuple[list[str], list[str]]]) -> None:
    # notations that span lines ("a=0" / "a=0" is notes kept as INI config) are read for what they mean
    assume(all(unmarked([Line(i, t) for i, t in enumerate(answers)]) == [Line(i, t) for i, t in enumerate(answers)]
               for _, answers in cards))
    text = "\n---\n".join("\n".join(titles) + "\nA:\n" + "\n".join(answers) for titles, answers in cards)
    deck = parse_deck(text, path="gen.txt")
    assert deck.issues == ()
    assert [([t.text for t in c.title_lines], [a.text for a in c.answer_lines]) for c in deck.cards] == cards


MARKDOWN_NOTES = """Workers notes
repaso, empezado en octubre

# WORKERS

## Free plan limits
- 100,000 requests per day
- 10 ms CPU per invocation

### gotchas
- the daily counter resets at midnight UTC

## Paid plan limits
```bash
# not a heading: a comment in a code block
wrangler deploy
```
- 30 s CPU by default

# KV

## KV limits
- 25 MiB per value
"""


def test_markdown_notes_without_separators_are_a_card_per_heading() -> None:
    deck = parse_deck(MARKDOWN_NOTES, path="notes.txt")
    assert deck.issues == ()
    # a section's heading titles the cards under it, unless their title names it already ("## KV limits")
    assert [c.title for c in deck.cards] == ["Workers notes", "## WORKERS › Free plan limits", "## WORKERS › Paid plan limits",
                                             "## KV limits"]
    free = deck.cards[1]
    assert free.title_lines[0].number == 6
    # a deeper heading stays in its card; a section's heading ("# KV") is no card and no line of one
    assert [line.number for line in free.answer_lines if line.text.strip()] == [7, 8, 10, 11]
    assert "# KV" not in [line.text for card in deck.cards for line in card.answer_lines]
    assert [line.text for line in deck.cards[3].answer_lines] == ["- 25 MiB per value"]


PARAGRAPH_NOTES = """Exam format
- 100 questions, 115 minutes

Warehouse billing
- billed per second, 60-second minimum

- suspended warehouse = 0 credits
Resizing bills only the extra resources, again with
a one-minute minimum.

Query profile – what to look for
- remote spilling means the warehouse is too small
Snowflake bills storage by the average compressed TB per month, and the notes
on it follow in the next paragraph because this one is prose.

More prose of the same card, which ends with a full stop.
"""


def test_paragraph_notes_without_separators_are_a_card_per_titled_paragraph() -> None:
    deck = parse_deck(PARAGRAPH_NOTES, path="notes.txt")
    assert [c.title for c in deck.cards] == ["Exam format", "Warehouse billing", "Query profile – what to look for"]
    # a list or prose after a blank line stays with the card above it
    assert [line.number for line in deck.cards[1].answer_lines if line.text.strip()] == [5, 7, 8]   # 8-9: one sentence
    assert deck.cards[1].answer_lines[-1].text.startswith("Resizing bills")
    assert deck.cards[2].answer_lines[-1].number == 16


def test_a_deck_with_one_separator_keeps_its_blank_lines_inside_cards() -> None:
    deck = parse_deck(PARAGRAPH_NOTES + "---\nLast card\n- 1 note\n", path="notes.txt")
    assert [c.title for c in deck.cards] == ["Exam format", "Last card"]


def test_long_unseparated_notes_are_all_read(tmp_path: Path) -> None:
    """Past the size one card may have, notes without separators are still split where their cards begin."""
    cards = [f"Limit number {i}\n- {i} MB per item of kind {i}, over and above the other limits\n" for i in range(3000)]
    text = "\n".join(cards)
    assert len(text) > 2 * MAX_CARD_CHARS
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    streamed = list(open_deck(path).items())
    for cards in (read_deck(path).cards, streamed):
        assert [c.title for c in cards] == [f"Limit number {i}" for i in range(3000)]


def test_framed_titles_open_cards_in_paragraph_notes() -> None:
    text = ("saved threads\nformat: Q / accepted / my takeaway\n\n=== #1 [vercel] [plans] ===\nQ: is Hobby free?\n"
            "Pro = $20 per member per month\n\n=== #2 [netlify] [functions] ===\nsynchronous functions: 60 s\n")
    deck = parse_deck(text, path="threads.txt")
    assert len(deck.cards) == 3
    assert [c.title_lines[0].number for c in deck.cards] == [1, 4, 8]


LEITNER = """AWS NETWORKING — Leitner box, typed up from the shoebox
Boxes: 1 = every day, 2 = every 3 days

=============== BOX 1 (daily) ===============

[Box 1] next review: 2026-02-04 — card #47
FRONT: NAT Gateway — how much bandwidth?
BACK:
- starts at 5 Gbps and scales up automatically to 100 Gbps
wrong last time: I said 45 Gbps
history: ✗ ✓ ✗

[Box 1] next review: 2026-02-04 — card #13
FRONT: How many IPs does AWS reserve in each subnet?
BACK: 5, always — first four + last one.
history: ✓ ✗ ✓ ✗
"""


def test_typed_up_flashcards_and_section_banners() -> None:
    """Leitner cards: a FRONT is the question, a BACK the answer; the filing line, the review history and the
    writer's earlier wrong answer are no part of either, and a "=== BOX 1 ===" banner is no card."""
    deck = parse_deck(LEITNER, path="leitner.txt")
    assert deck.issues == ()
    assert [c.title for c in deck.cards[1:]] == ["NAT Gateway — how much bandwidth?",
                                                 "How many IPs does AWS reserve in each subnet?"]
    assert [line.text for line in deck.cards[1].answer_lines] == ["- starts at 5 Gbps and scales up automatically to 100 Gbps"]
    assert [(line.number, line.text) for line in deck.cards[2].answer_lines] == [(15, "5, always — first four + last one.")]


def test_numbered_titles_and_photographed_slides() -> None:
    text = ("NOTATKI GCP\nlegenda: (!) = było w teście\n\n[1] Pub/Sub – co to jest\n- SLA: 99,95% miesięcznie\n\n[2] Maks. rozmiar wiadomości (!)\n"
            "- maks. 10 MB na wiadomość\n\nSlide 5 / 42\nCONSUMPTION PLAN - KEY LIMITS\n• Default timeout 5 min\n"
            "Click to add notes\n")
    deck = parse_deck(text, path="notes.txt")
    assert [c.title for c in deck.cards] == ["NOTATKI GCP", "[1] Pub/Sub – co to jest", "[2] Maks. rozmiar wiadomości",
                                             "CONSUMPTION PLAN - KEY LIMITS"]
    assert [line.text for line in deck.cards[3].answer_lines] == ["• Default timeout 5 min"]   # "Click to add notes" goes


def test_a_sections_name_heads_the_titles_of_its_cards() -> None:
    """A banner or a shallower heading names the section its cards are in ("whose" they are): a short name heads
    each card's title, without the part's number; a long one (a remark, not a name) heads nothing."""
    text = ("IBM notes\nwritten on the train\n\n=========== BAGIAN A: CODE ENGINE ===========\n\n[3] Default resource app\n"
            "- timeout default 300 detik\n\n[4] Code Engine jobs\n- max 24 jam\n\n"
            "=========== Prices are USD list prices from whenever I wrote them ===========\n\n[9] Pricing\n- $0.01 per GB\n")
    deck = parse_deck(text, path="ibm.txt")
    assert [c.title for c in deck.cards] == ["IBM notes", "CODE ENGINE › [3] Default resource app", "[4] Code Engine jobs",
                                             "[9] Pricing"]


def test_spaced_dashes_separate_cards_and_a_readmes_rules_part_sections() -> None:
    """Round CJ: Thai notes separated by "- - - - -" read as three cards; a study-notes README whose "---" rules part
    sections of several "###" cards read as a card per section; a Kindle clippings file as a card per dozen."""
    spaced = parse_deck("L01 Lambda — Timeout\n- สูงสุด 15 นาที\n- - - - -\nL02 Lambda — Memory\n- 128 MB – 10,240 MB\n",
                        path="th.txt")
    assert [c.title for c in spaced.cards] == ["L01 Lambda — Timeout", "L02 Lambda — Memory"]
    readme = parse_deck("# Kafka notes\n\n---\n\n## Message size\n\n### message.max.bytes\n- default 1 MB\n\n"
                        "### Large messages\n- use claim check\n\n### Compression\n- lz4 or zstd\n\n---\n\n## Retention\n\n"
                        "### Time-based\n- 7 days\n\n### Size-based\n- unlimited by default\n\n### Segments\n- 1 GiB\n\n---\n",
                        path="README.txt")
    assert [c.title for c in readme.cards] == [
        "### Message size › message.max.bytes", "### Message size › Large messages", "### Message size › Compression",
        "### Retention › Time-based", "### Retention › Size-based", "### Retention › Segments"]


CLIPPINGS = """\ufeffThe DynamoDB Guide (A. Author)
- Your Highlight on page 12 | Location 171-174 | Added on Monday, 6 January 2025 21:13:22

DynamoDB replicates a table across three Availability Zones in a Region.
==========
The DynamoDB Guide (A. Author)
- Your Bookmark on page 15 | Location 200 | Added on Monday, 6 January 2025 21:15:00


==========
The DynamoDB Guide (A. Author)
- Your Note on page 19 | Location 262 | Added on Monday, 6 January 2025 21:19:24

400 KB max item size, attribute names included
==========
"""


def test_kindle_clippings_are_a_card_per_highlight_or_note() -> None:
    deck = parse_deck(CLIPPINGS, path="My Clippings.txt")
    assert deck.issues == ()
    assert [c.title for c in deck.cards] == ["The DynamoDB Guide (A. Author)"] * 2      # the bookmark is no card
    assert [[line.text for line in c.answer_lines] for c in deck.cards] == [
        ["DynamoDB replicates a table across three Availability Zones in a Region."],
        ["400 KB max item size, attribute names included"]]
    assert deck.cards[1].answer_lines[0].number == 14
