"""Delimited decks: Anki's plain-text export headers, quoting, CSV headers, line numbers."""
from __future__ import annotations

import pytest

from pipeline.deck_rows import split_rows
from pipeline.decks import parse_deck
from pipeline.errors import DeckError
from pipeline.types import Origin

ANKI = (
    "#separator:tab\n#html:true\n#tags:exported\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n"
    "g1\tBasic\tAWS::Lambda\tMax <b>timeout</b>?\t900 seconds<br>- (15&nbsp;minutes)\tlambda limits\n"
    'g2\tCloze\tAWS::SQS\t"Retention is {{c1::14 days::max}},\nby default {{c2::4 days}}"\tExtra\t\n'
)


def test_anki_headers_pick_the_fields_and_the_note() -> None:
    deck = parse_deck(ANKI, path="notes.txt")
    lambda_, sqs = deck.cards
    assert (lambda_.title, [a.text for a in lambda_.answer_lines]) == ("Max timeout?", ["900 seconds", "- (15 minutes)"])
    assert lambda_.origin == Origin(guid="g1", note_type="Basic", deck="AWS::Lambda", tags=("exported", "lambda", "limits"))
    assert [line.number for line in lambda_.lines] == [8, 8, 8]        # one file line: the row's
    assert sqs.title_lines == ()                                        # a cloze note: its text is the answer
    assert [(a.number, a.text) for a in sqs.answer_lines] == [(9, "Retention is 14 days, by default 4 days"), (10, "Extra")]
    assert sqs.origin is not None and sqs.origin.tags == ("exported",)


def test_separators_by_name_or_character_and_plain_text_fields() -> None:
    deck = parse_deck("#separator:Semicolon\n#html:false\nS3 <max>;5 TB &amp more\n", path="semi.txt")
    assert [(c.title, c.answer) for c in deck.cards] == [("S3 <max>", "5 TB &amp more")]    # not HTML: as written
    deck = parse_deck("#separator:|\nS3|5 TB\n", path="pipe.txt")
    assert deck.cards[0].answer == "5 TB"


@pytest.mark.parametrize(("header", "message"), [
    ("#separator:tabs", "notes.txt:1: '#separator:tabs' is not a separator"),
    ('#separator:"', "is not a separator"),
    ("#separator:tab\n#html:yes", "notes.txt:2: '#html:yes': write true or false"),
    ("#separator:tab\n#deck column:0", "notes.txt:2: '#deck column:0' is not a column number"),
])
def test_bad_headers_are_refused_with_their_line(header: str, message: str) -> None:
    with pytest.raises(DeckError, match=message):
        parse_deck(header + "\nQ\tA\n", path="notes.txt")


def test_quoted_fields_keep_separators_quotes_and_line_numbers() -> None:
    rows = list(split_rows('a\t"b\t""c""\nd"x\te\nf\tg', "\t", first_line=3, path="p"))
    assert rows == [(3, [("a", 3), ('b\t"c"\ndx', 3), ("e", 4)]), (5, [("f", 5), ("g", 5)])]


def test_an_unclosed_quote_is_refused_at_its_line_instead_of_eating_the_deck() -> None:
    with pytest.raises(DeckError, match=r"d.tsv:2: a quoted field starts here and never ends"):
        parse_deck('Q1\tA1\n"Q2\tA2\nQ3\tA3\n', path="d.tsv")


def test_quizlet_rows_that_are_not_cards_are_reported() -> None:
    deck = parse_deck("S3 max object\t5 TB\n\n\t14 days\nlonely\nSQS\t14 days\tthird column\n", path="q.tsv")
    assert [str(i) for i in deck.issues] == ["q.tsv:3: row has an empty front (question); fill its first field",
                                             "q.tsv:4: row has no back (answer); write the answer in its second field"]
    assert [c.answer for c in deck.cards] == ["5 TB", "14 days\nthird column"]   # nothing dropped
    assert [c.index for c in deck.cards] == [0, 3]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_delimiter_is_whichever_makes_a_known_header(delimiter: str) -> None:
    text = f"Term{delimiter}Definition{delimiter}Notes\nS3 max{delimiter}5 TB{delimiter}per object\n"
    card = parse_deck(text, path="cards.csv").cards[0]
    assert (card.title, card.quiz_answer, card.quiz_note) == ("S3 max", "5 TB", "per object")
    assert [line.number for line in card.lines] == [2, 2, 2]


def test_a_csv_of_only_bad_rows_is_refused_naming_the_first() -> None:
    with pytest.raises(DeckError, match=r"short.csv: no card could be read; 1 malformed card\(s\), the first: "
                                        r"short.csv:4: row has no back"):
        parse_deck("\n\nquestion,answer\nQ1\n", path="short.csv")
