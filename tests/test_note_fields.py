"""Fields as card lines: Anki's HTML, cloze deletions, front and back."""
from __future__ import annotations

import pytest

from pipeline.deck_cards import CardMaker
from pipeline.cloze import ClozeError, reveal_cloze
from pipeline.note_fields import NoteProblem, field_text, note_card
from pipeline.types import Card, Line


def lines(raw: str) -> list[str]:
    return [text for _, text in field_text(raw, is_html=True).lines if text.strip()]


def test_html_breaks_blocks_lists_and_entities_become_lines() -> None:
    assert lines("<div>SNS &amp; SQS</div><div>up to 256&nbsp;KB<br/>per message</div>") == \
        ["SNS & SQS", "up to 256 KB", "per message"]
    assert lines("Limits:<ul><li>5 GB<ul><li>per <b>part</b></li></ul></li><li>10,000 parts</li></ul>") == \
        ["Limits:", "- 5 GB", "- - per part", "- 10,000 parts"]


def test_scripts_styles_comments_and_declarations_leave_no_text() -> None:
    raw = "<!DOCTYPE html><style>b {color: red}</style>5 GB<script>alert('x')</script><!-- note --> max"
    assert lines(raw) == ["5 GB max"]
    assert lines("5 GB <!-- never closed") == ["5 GB"]
    assert lines("5 GB <script>never closed") == ["5 GB"]


def test_a_bare_angle_bracket_is_text() -> None:
    assert lines("1 < 2 and 5 <= 6; a<b") == ["1 < 2 and 5 <= 6; a<b"]   # no `>`: not a tag
    assert lines("<a" * 3 + " x") == ["<a<a<a x"]


def test_media_names_are_kept_for_messages() -> None:
    text = field_text('<img src="lambda.png"> [sound:intro.mp3] <img src=\'b.jpg\'>', is_html=True)
    assert text.media == ("lambda.png", "intro.mp3", "b.jpg")
    assert [t for _, t in text.lines if t.strip()] == []


def test_html_lines_know_the_source_line_they_start_on() -> None:
    text = field_text("first<br>\nsecond\ncontinues<div>\n\nthird</div>", is_html=True)
    assert [(offset, t) for offset, t in text.lines if t.strip()] == [(0, "first"), (1, "second continues"), (4, "third")]
    plain = field_text("a\n\nb  ", is_html=False)
    assert plain.lines == ((0, "a"), (1, ""), (2, "b"))


@pytest.mark.parametrize(("cloze", "filled"), [
    ("Lambda times out after {{c1::900 seconds}}", "Lambda times out after 900 seconds"),
    ("{{c1::900 seconds::a duration}} or {{c2::15 minutes}}", "900 seconds or 15 minutes"),
    ("nested {{c1::outer {{c2::inner}} done::hint}}", "nested outer inner done"),
    ("a::b and }} stay", "a::b and }} stay"),
    ("{{c1::x::hint\nwith a line}} end", "x\n end"),
])
def test_cloze_deletions_are_filled_in(cloze: str, filled: str) -> None:
    assert reveal_cloze(cloze) == filled


def test_an_unclosed_cloze_names_its_opening() -> None:
    with pytest.raises(ClozeError, match=r"'\{\{c2::' is never closed"):
        reveal_cloze("{{c1::a}} and {{c2::b {{c3::c}}")


def numbered(*fields: list[str]) -> list[list[Line]]:
    n = iter(range(1, 100))
    return [[Line(next(n), t) for t in f] for f in fields]


def test_a_cloze_note_has_no_title_and_its_filled_text_leads_the_answer() -> None:
    card = note_card(CardMaker("d"), 0, numbered(["Timeout: {{c1::900 seconds}}"], ["Back extra"]), [(), ()])
    assert isinstance(card, Card)
    assert card.title_lines == ()
    assert [(line.number, line.text) for line in card.answer_lines] == [(1, "Timeout: 900 seconds"), (2, "Back extra")]
    again = note_card(CardMaker("d"), 5, numbered(["Timeout: {{c1::900 seconds}}"], []), [(), ()])
    assert isinstance(again, Card) and again.card_id == card.card_id       # the ID follows the text, not the position


@pytest.mark.parametrize(("fields", "media", "reason"), [
    ([[], ["5 GB"]], [("x.png",), ()], "row's front is only media (x.png)"),
    ([[], ["5 GB"]], [(), ()], "row has an empty front"),
    ([["Q"], []], [(), ("a.mp3",)], "row's back is only media (a.mp3)"),
    ([["Q"]], [()], "row has no back (answer)"),
    ([["{{c1::image-occlusion:rect:left=.2}}"]], [()], "image occlusion note"),
])
def test_notes_that_are_not_cards_say_why(fields: list[list[str]], media: list[tuple[str, ...]], reason: str) -> None:
    made = note_card(CardMaker("d"), 0, numbered(*fields), media)
    assert isinstance(made, NoteProblem) and reason in made.reason
