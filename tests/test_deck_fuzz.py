"""Property tests of the readers: any input gives a deck or a `DeckError`, never another exception;
and cards written in a format read back as the same cards."""
from __future__ import annotations

import html
import io
import re
import tempfile
import zipfile
from pathlib import Path

import genanki
import zstandard
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from deck_formats import to_delimited, to_text
from hostile_decks import BASIC, CLOZE, collection, package
from pipeline.deck_cards import MAX_CARD_CHARS, MAX_LINE_CHARS
from pipeline.decks import parse_deck, read_deck
from pipeline.errors import DeckError
from pipeline.markup import unmarked
from pipeline.types import Deck, DeckIssue, Line

# Characters that mean something to some reader, mixed into arbitrary text.
SYNTAX = st.sampled_from(["\n", "\r", "\t", ",", ";", "|", '"', "A:", "---", "#separator:", "#html:true", "<br>",
                          "<div>", "</li>", "&amp;", "&", "<", ">", "{{c1::", "::", "}}", "\x1f", "\ufeff", "Answer:"])
DECK_TEXT = st.lists(st.one_of(SYNTAX, st.text(max_size=8)), max_size=40).map("".join)
SUFFIXES = (".txt", ".tsv", ".csv", ".apkg", ".colpkg")
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(deck: Deck, path: str) -> None:
    """What every deck read must satisfy, whatever it was read from."""
    assert deck.cards
    for card in deck.cards:
        assert card.answer_lines and all(line.text.strip() for line in card.lines)
        assert all(len(line.text) <= MAX_LINE_CHARS for line in card.lines)
        assert sum(len(line.text) + 1 for line in card.lines) <= MAX_CARD_CHARS
    assert all(str(issue).startswith(f"{path}:") for issue in deck.issues)


def _read(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            deck = read_deck(path)
        except DeckError as e:
            assert str(e).startswith(str(path)) and "\n" not in str(e)
            return
        _check(deck, str(path))


@FUZZ
@given(text=DECK_TEXT, fmt=st.sampled_from(["text", "tsv", "csv", None]))
@example(text=",\n<br>", fmt="text")                    # notes that are markup alone keep their text
@example(text="<b>\nA:\n{\n}", fmt="text")
def test_any_text_gives_a_deck_or_a_deck_error(text: str, fmt: str | None) -> None:
    try:
        deck = parse_deck(text, path="fuzz.txt", fmt=fmt)
    except DeckError:
        return
    _check(deck, "fuzz.txt")


@FUZZ
@given(data=st.one_of(st.binary(max_size=300), DECK_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))),
       suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_in_any_deck_file_give_a_deck_or_a_deck_error(data: bytes, suffix: str) -> None:
    _read(data, suffix)


def _valid_packages() -> list[bytes]:
    notes = [(["What is the max Lambda <b>timeout</b>?", "900 seconds<br>15 minutes"], BASIC),
             (["SQS keeps messages {{c1::14 days::max}}", "extra"], CLOZE)]
    legacy = collection(notes)
    modern = zstandard.ZstdCompressor().compress(legacy)
    return [package({"collection.anki2": legacy, "media": b"{}"}),
            package({"collection.anki21b": modern, "meta": b"\x08\x03"}, compression=zipfile.ZIP_STORED)]


VALID_PACKAGES = _valid_packages()
MUTATIONS = st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=8)


def _mutate(data: bytes, mutations: list[tuple[float, int]], cut: float) -> bytes:
    out = bytearray(data)
    for where, value in mutations:
        out[int(where * len(out))] = value
    return bytes(out[: max(1, int(cut * len(out)))])


@FUZZ
@given(which=st.sampled_from([0, 1]), mutations=MUTATIONS, cut=st.one_of(st.just(1.0), st.floats(0, 1)))
def test_damaged_packages_give_a_deck_or_a_deck_error(which: int, mutations: list[tuple[float, int]], cut: float) -> None:
    _read(_mutate(VALID_PACKAGES[which], mutations, cut), ".apkg")


COLLECTION = collection([(["Q", "900 seconds"], BASIC)] * 30)


@FUZZ
@given(mutations=MUTATIONS)
def test_damaged_collections_give_a_deck_or_a_deck_error(mutations: list[tuple[float, int]]) -> None:
    """The zip is sound, the SQLite database inside it is not."""
    db = _mutate(COLLECTION, mutations, 1.0)
    _read(package({"collection.anki2": db}), ".apkg")


# -- round trips ---------------------------------------------------------------------

LINE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\xa0\ufeff"),
               min_size=1, max_size=30).filter(
    lambda s: s.strip() != "" and s == s.rstrip() and not s.lstrip().startswith(("#", "A:", "-", "\ufeff"))
    and not s.lstrip().lower().startswith(("answer", "note")) and "{{c" not in s and "[sound:" not in s
    # markup ("&#0;", "<br>", "*x*", LaTeX), a drill's "Q: …?  A: …", a grid border, a title underline
    # ("=====") and pipes between a list's items ("a | b") are read for what they mean, and so are two
    # "key=value" lines (notes kept as config)
    and unmarked([Line(1, s)]) == [Line(1, s)] and " | " not in s
    and not re.match(r"\s*Q\s*:|\s*\+[-=:+]+\s*$|\s*([=~^-])\1{2,}\s*$|\s*[a-z][a-z0-9]*(?:[_.-][A-Za-z0-9]+)*\s*=", s))
CARDS = st.lists(st.tuples(st.lists(LINE, min_size=1, max_size=3), st.lists(LINE, min_size=1, max_size=4)),
                 min_size=1, max_size=6)


def _shape(deck: Deck) -> list[tuple[list[str], list[str]]]:
    return [([t.text for t in c.title_lines], [a.text for a in c.answer_lines]) for c in deck.cards]


def _anki_text(cards: list[tuple[list[str], list[str]]]) -> str:
    """Anki's plain-text export: headers, then HTML fields, `<br>` between lines."""
    fields = [(["<br>".join(html.escape(x) for x in t)], ["<br>".join(html.escape(x) for x in a)]) for t, a in cards]
    return "#separator:tab\n#html:true\n" + to_delimited([(t, a) for t, a in fields], delimiter="\t")


@FUZZ
@given(cards=CARDS, fmt=st.sampled_from(["text", "tsv", "csv", "anki-text"]))
def test_cards_written_in_a_format_read_back_the_same(cards: list[tuple[list[str], list[str]]], fmt: str) -> None:
    text = {"text": lambda: to_text(cards), "tsv": lambda: to_delimited(cards, delimiter="\t"),
            "csv": lambda: to_delimited(cards, delimiter=",", header=("question", "answer")),
            "anki-text": lambda: _anki_text(cards)}[fmt]()
    deck = parse_deck(text, path=f"round.{'tsv' if fmt == 'anki-text' else fmt}")
    assert deck.issues == ()
    assert _shape(deck) == cards


MODEL = genanki.Model(1607392319, "Basic", fields=[{"name": "Front"}, {"name": "Back"}],
                      templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{Back}}"}])


@settings(max_examples=20, deadline=None)
@given(cards=CARDS)
def test_cards_written_as_a_package_read_back_the_same(cards: list[tuple[list[str], list[str]]]) -> None:
    deck = genanki.Deck(2059400110, "Round trip")
    for i, (titles, answers) in enumerate(cards):
        deck.add_note(genanki.Note(model=MODEL, guid=f"n{i}", fields=[
            "<br>".join(html.escape(t) for t in titles), "<br>".join(html.escape(a) for a in answers)]))
    out = io.BytesIO()
    genanki.Package(deck).write_to_file(out)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "round.apkg"
        path.write_bytes(out.getvalue())
        read = read_deck(path)
    assert read.issues == ()
    assert _shape(read) == cards
    assert [c.origin.guid for c in read.cards if c.origin] == [f"n{i}" for i in range(len(cards))]



@FUZZ
@given(data=st.one_of(DECK_TEXT.map(lambda t: t.encode("utf-8")), st.binary(max_size=200)))
@example(data=b"\xef\xbb\xbf\x00")                  # a UTF-8 byte-order mark, then a NUL byte: not UTF-16 text
@example(data=b"\xef\xbb\xbf\x00\xc2\x80\xc2\x80")      # one wording for a NUL, however it was found
def test_a_streamed_text_deck_reads_as_the_whole_file_does(data: bytes) -> None:
    """`open_deck` streams a native deck line by line; it must give what `read_deck` gives, or the same error."""
    from pipeline.build import scan_deck
    from pipeline.decks import open_deck
    from pipeline.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deck.txt"
        path.write_bytes(data)
        try:
            whole = read_deck(path)
        except DeckError as e:
            expected = str(e)
            try:
                source = open_deck(path)
                scan_deck(source, Settings())
            except DeckError as streamed:
                assert str(streamed) == expected
            else:
                raise AssertionError(f"streamed without error; read whole: {expected}")
            return
        source = open_deck(path)
        items = list(source.items())
        assert source.content_hash == whole.content_hash
        assert [i for i in items if not isinstance(i, DeckIssue)] == list(whole.cards)
        assert [i for i in items if isinstance(i, DeckIssue)] == list(whole.issues)
