"""Exam blueprints, their storage, and the exam/export commands."""
from __future__ import annotations

import json
import warnings
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.errors import ExamError
from pipeline.exams import create_exam, fact_keys, parse_mix
from pipeline.store import DeckBuild, Store
from pipeline.types import Card, Deck, Line, Question
from question_fixtures import all_types


def bank(n_cards: int = 12, per_card: int = 3) -> list[Question]:
    """Questions over `n_cards` cards and 4 subjects; two per fact, difficulties spread over the bands."""
    out = []
    for c in range(n_cards):
        for k in range(per_card):
            out.append(Question(
                question_id=f"q{c:02d}{k}", deck_id="d", card_id=f"c{c}", card_index=c, line=k, type="cloze",
                stem="x ____", answer="1", fact_id=f"f{c}-{k // 2}", subject=f"s{c % 4}",
                difficulty=((c * per_card + k) % 9) / 9 + 0.05))
    return out


def test_same_seed_same_exam_other_seed_other_exam() -> None:
    qs = bank()
    a = create_exam(qs, name="e", count=8, seed=1)
    assert a == create_exam(qs, name="e", count=8, seed=1)
    shuffled = create_exam(list(reversed(qs)), name="e", count=8, seed=1)   # same picks, in the input's order
    assert sorted(shuffled.question_ids) == sorted(a.question_ids)
    assert any(create_exam(qs, name="e", count=8, seed=s).question_ids != a.question_ids for s in range(2, 6))


def test_one_question_per_fact_and_spread_over_subjects_and_cards() -> None:
    qs = bank()
    by_id = {q.question_id: q for q in qs}
    exam = create_exam(qs, name="e", count=12, seed=3)
    picked = [by_id[i] for i in exam.question_ids]
    assert len(set().union(*(fact_keys(q) for q in picked))) == 12
    assert len({q.card_id for q in picked}) == 12            # 12 cards, 12 questions: one each
    assert {q.subject for q in picked} == {"s0", "s1", "s2", "s3"}
    assert [q.question_id for q in picked] == [q.question_id for q in qs if q.question_id in exam.question_ids]


def test_two_facts_of_one_line_never_share_an_exam() -> None:
    """A stem shows its line's other facts: a question on each would give the other's answer away."""
    qs = [replace(q, line=0) for q in bank(n_cards=4, per_card=4)]     # two facts per card, all on one line
    exam = create_exam(qs, name="e", count=8, seed=1)
    by_id = {q.question_id: q for q in qs}
    lines = [(by_id[i].card_id, by_id[i].line) for i in exam.question_ids]
    assert len(lines) == len(set(lines)) == 4
    apart = create_exam(bank(n_cards=4, per_card=4), name="e", count=8, seed=1)   # on their own lines: both fit
    assert len(apart.question_ids) == 8


def test_higher_quality_questions_are_preferred_where_coverage_ties() -> None:
    qs = [replace(q, quality=0.9 if q.line == 2 else 0.5) for q in bank()]   # the third question of each card scores best
    exam = create_exam(qs, name="e", count=12, seed=3)
    assert all(i.endswith("2") for i in exam.question_ids)
    low = create_exam([replace(q, quality=0.5) for q in bank()], name="e", count=12, seed=3)
    assert not all(i.endswith("2") for i in low.question_ids)   # without the scores the seed decides


def test_difficulty_mix_and_per_subject_cap() -> None:
    exam = create_exam(bank(), name="e", count=10, seed=0, difficulty_mix=parse_mix("easy:0.3,medium:0.5,hard:0.2"))
    assert [sum(i.band == b for i in exam.items) for b in ("easy", "medium", "hard")] == [3, 5, 2]
    with pytest.warns(UserWarning, match="only 8 of 10"):
        capped = create_exam(bank(), name="e", count=10, seed=0, per_subject=2)
    assert len(capped.items) == 8   # 4 subjects × 2
    assert max(sum(i.subject == s for i in capped.items) for s in {i.subject for i in capped.items}) == 2


def test_short_band_and_short_pool_warn() -> None:
    qs = [replace(q, difficulty=0.1) for q in bank(4)]
    with pytest.warns(UserWarning, match=r"short of \d+ hard question\(s\) for the difficulty mix"):
        exam = create_exam(qs, name="e", count=4, seed=0, difficulty_mix={"hard": 1.0})
    assert len(exam.items) == 4
    with pytest.warns(UserWarning, match="only 8 of 20"):
        create_exam(qs, name="e", count=20, seed=0)


def test_bad_blueprints_are_errors() -> None:
    with pytest.raises(ExamError, match="choose one of: easy, medium, hard"):
        parse_mix("easy:0.5,tricky:0.5")
    with pytest.raises(ExamError, match="not a number"):
        parse_mix("easy:lots")
    with pytest.raises(ExamError, match="no accepted question of type numerical"):
        create_exam(bank(), name="e", count=3, types=["numerical"], seed=0)
    with pytest.raises(ExamError, match="at least 1"):
        create_exam(bank(), name="e", count=0, seed=0)


def test_store_replaces_an_exam_by_name(db_path: Path) -> None:
    qs = bank()
    with Store(db_path) as store:
        store.save_exam(create_exam(qs, name="mid", count=5, seed=1, types=["cloze"]))
        second = create_exam(qs, name="mid", count=7, seed=2, difficulty_mix={"easy": 1.0})
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            store.save_exam(second)
        assert store.load_exam("mid") == second
        assert store.cursor().execute("SELECT count(*) FROM exam_items").fetchone() == (7,)
        assert store.exam_names() == ["mid"]
        with pytest.raises(ExamError, match="choose one of: mid"):
            store.load_exam("final")


def _write_bank(db: Path, questions: list[Question]) -> None:
    card = Card(card_id="c", deck_id="deck-α", index=0, title_lines=(Line(1, "t"),), answer_lines=(Line(3, "a"),))
    deck = Deck(deck_id="deck-α", name="deck-α", path="deck-α.txt", content_hash="h", cards=(card,))
    with Store(db) as store:
        store.write_build(DeckBuild(deck=deck, settings_hash="s", card_facts=(), questions=tuple(questions)))


def test_exam_create_then_export_through_the_cli(db_path: Path, tmp_path: Path) -> None:
    _write_bank(db_path, all_types())
    runner = CliRunner()
    made = runner.invoke(cli, ["exam", "create", "quiz", "--db", str(db_path), "--deck", "deck-α", "--count", "4",
                               "--types", "multichoice,truefalse,numerical", "--seed", "5"])
    assert made.exit_code == 0, made.output
    assert "exam 'quiz': 4 questions" in made.output
    out = tmp_path / "quiz.json"
    done = runner.invoke(cli, ["export", "--db", str(db_path), "--format", "json", "--exam", "quiz", "--out", str(out)])
    assert done.exit_code == 0, done.output
    doc = json.loads(out.read_text())
    assert doc["title"] == "quiz" and len(doc["questions"]) == 4
    assert {q["type"] for q in doc["questions"]} <= {"multichoice", "truefalse", "numerical"}
    kahoot = runner.invoke(cli, ["export", "--db", str(db_path), "--format", "kahoot", "--deck", "deck-α",
                                 "--out", str(tmp_path / "k.xlsx")])
    assert kahoot.exit_code == 0 and "not exported to kahoot: Kahoot's template holds only multiple choice and true/false (q1," in kahoot.output
    bad = runner.invoke(cli, ["export", "--db", str(db_path), "--format", "gift", "--deck", "nope", "--out", str(out)])
    assert bad.exit_code == 1 and "deck 'nope' is not valid; choose one of: deck-α" in bad.output


def test_exam_and_export_commands_document_an_example() -> None:
    for name in (["exam"], ["exam", "create"], ["export"]):
        result = CliRunner().invoke(cli, [*name, "--help"])
        assert "Example:" in result.output


def test_exam_for_kahoot_picks_only_what_kahoot_holds_and_warnings_carry_numbers(db_path: Path,
                                                                                  tmp_path: Path) -> None:
    from pipeline.types import Option

    long = [Question(question_id=f"long{i}", deck_id="deck-α", card_id="c", card_index=0, line=10 + i,
                     type="multichoice", stem="S › " + "word " * (30 + i) + "_____", answer="1",
                     fact_id=f"fl{i}", options=(Option(0, "1", True), Option(1, "2", False)), subject="S")
            for i in range(3)]
    _write_bank(db_path, [*all_types(), *long])
    runner = CliRunner()
    out = tmp_path / "k.xlsx"
    every = runner.invoke(cli, ["export", "--db", str(db_path), "--format", "kahoot", "--out", str(out)])
    assert every.exit_code == 0, every.output
    assert "3 question(s) not exported to kahoot: question has 155–165 characters with its context cut to the " \
           "subject, Kahoot allows 120 (long0, long1, long2)" in every.output
    made = runner.invoke(cli, ["exam", "create", "live", "--db", str(db_path), "--count", "10", "--target", "kahoot"])
    assert made.exit_code == 0, made.output
    assert "exam 'live': 3 questions" in made.output             # q4, q7, q9: the only ones Kahoot holds
    done = runner.invoke(cli, ["export", "--db", str(db_path), "--format", "kahoot", "--exam", "live", "--out", str(out)])
    assert done.exit_code == 0 and done.output.rstrip().endswith("; 0 not mappable"), done.output
    assert "3 item(s) from 3 of 3 question(s)" in done.output


def test_export_profiles_and_flat_xml_through_the_cli(db_path: Path, tmp_path: Path) -> None:
    import zipfile

    _write_bank(db_path, all_types())
    runner = CliRunner()
    out = tmp_path / "c.zip"
    done = runner.invoke(cli, ["export", "--db", str(db_path), "--format", "qti", "--target", "canvas", "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert "duplicate(s) merged" in done.output and zipfile.is_zipfile(out)
    alias = tmp_path / "alias.zip"
    assert runner.invoke(cli, ["export", "--db", str(db_path), "--format", "canvas", "--out", str(alias)]).exit_code == 0
    assert alias.read_bytes() == out.read_bytes()
    flat = tmp_path / "q.xml"
    assert runner.invoke(cli, ["export", "--db", str(db_path), "--format", "qti12", "--flat-xml",
                               "--out", str(flat)]).exit_code == 0
    assert flat.read_bytes().startswith(b"<?xml")
    bad = runner.invoke(cli, ["export", "--db", str(db_path), "--format", "gift", "--target", "canvas", "--out", str(out)])
    assert bad.exit_code == 2 and "profiles are for --format qti" in bad.output
    bad = runner.invoke(cli, ["export", "--db", str(db_path), "--format", "gift", "--flat-xml", "--out", str(out)])
    assert bad.exit_code == 1 and "--flat-xml is for --format qti12" in bad.output
