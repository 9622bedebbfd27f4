"""The deck reader: native format, tab-separated and CSV exports, bad input."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.decks import parse_deck, read_deck
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
    text = "\n---\n".join("\n".join(titles) + "\nA:\n" + "\n".join(answers) for titles, answers in cards)
    deck = parse_deck(text, path="gen.txt")
    assert deck.issues == ()
    assert [([t.text for t in c.title_lines], [a.text for a in c.answer_lines]) for c in deck.cards] == cards
