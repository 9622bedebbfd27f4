"""The synthetic decks the build benchmark measures: valid, varied, reproducible, edited as said."""
from __future__ import annotations

import random
from pathlib import Path

from synth import SOURCES, edit_card, edit_deck, perturb_numbers, read_cards, source_cards, synth_cards, write_deck

from pipeline.decks import read_deck


def test_source_cards_are_every_card_of_the_three_decks() -> None:
    assert len(source_cards()) == sum(len(read_deck(path).cards) for path in SOURCES)


def test_a_synthetic_deck_reads_as_its_size_in_distinct_cards(tmp_path: Path) -> None:
    path = tmp_path / "deck.txt"
    assert write_deck(path, synth_cards(500, seed=3)) == 500
    deck = read_deck(path)
    assert not deck.issues
    assert len(deck.cards) == 500
    assert len({card.card_id for card in deck.cards}) == 500
    assert len({card.title for card in deck.cards}) == 500


def test_same_size_and_seed_give_the_same_deck_and_a_smaller_one_is_a_prefix() -> None:
    assert list(synth_cards(200, seed=1)) == list(synth_cards(200, seed=1))
    assert list(synth_cards(200, seed=1))[:50] == list(synth_cards(50, seed=1))
    assert list(synth_cards(200, seed=1)) != list(synth_cards(200, seed=2))


def test_numbers_change_their_leading_digit_and_keep_shape_and_unit() -> None:
    text = ("Memory: 128MB - 3008 MB, $0.20 per 1,000,000 requests, 14% or 100% of EC2, P1V2, 100-500 ms, "
            "Microsoft 365, ISO-8601, version 1.x, 10.1.0.0/16, at 10:30 on 2017-07-29, in 2016, card #12")
    sevens = dict.fromkeys("123456789", "7")
    assert perturb_numbers(text, sevens) == (
        "Memory: 728MB - 7008 MB, $0.70 per 7,000,000 requests, 74% or 100% of EC2, P1V2, 700-700 ms, "
        "Microsoft 365, ISO-8601, version 1.x, 10.1.0.0/16, at 10:30 on 2017-07-29, in 2016, card #12")


def test_a_range_keeps_its_order() -> None:
    for card in synth_cards(300, sources=["Latency\nA:\n- 100-500 ms"]):
        low, high = card.rsplit("- ", 1)[1].removesuffix(" ms").split("-")
        assert int(low) <= int(high)


def test_edit_deck_changes_the_chosen_fraction_of_cards_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "deck.txt"
    write_deck(path, synth_cards(1000, seed=5))
    before = list(read_cards(path))
    edited = edit_deck(path, fraction=0.01, seed=5)
    after = list(read_cards(path))
    assert len(edited) == 10
    assert [i for i, (a, b) in enumerate(zip(before, after)) if a != b] == edited
    assert len(read_deck(path).cards) == 1000 and not read_deck(path).issues

    again = tmp_path / "again.txt"
    write_deck(again, synth_cards(1000, seed=5))
    edit_deck(again, fraction=0.01, seed=5)
    assert again.read_bytes() == path.read_bytes()


def test_a_card_without_quantities_is_edited_by_a_word() -> None:
    card = "Which service queues messages?\nA:\nAmazon SQS"
    assert edit_card(card, random.Random(0)) == card + " revised"


def test_cards_read_back_as_written(tmp_path: Path) -> None:
    cards = list(synth_cards(300, seed=9))
    write_deck(tmp_path / "deck.txt", cards)
    assert list(read_cards(tmp_path / "deck.txt")) == cards

