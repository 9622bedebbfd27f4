"""Importing responses: CSV with bad rows, and an Anki round trip through our .apkg."""
from __future__ import annotations

import pytest
from assessment_data import deck_of, small_bank
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.errors import ResponsesError
from pipeline.exporters.anki import to_anki
from pipeline.responses import anki_guids, read_anki_collection, read_responses, read_responses_csv
from pipeline.store import DeckBuild, Store

CFS, QUESTIONS = small_bank()
IDS = [q.question_id for q in QUESTIONS]


def _bank(db_path):
    with Store(db_path) as store:
        store.write_build(DeckBuild(deck=deck_of(CFS), settings_hash="s", card_facts=tuple(CFS), questions=tuple(QUESTIONS)))


def test_csv_bad_rows_are_reported_with_line_and_reason(tmp_path):
    path = tmp_path / "answers.csv"
    path.write_text(
        "learner_id,question_id,correct,response,answered_at\n"
        f"ann,{IDS[0]},1,,2024-05-01T10:00:00Z\n"          # line 2: good
        f"ann,{IDS[1]},,15 minutes,\n"                       # line 3: good, raw, graded later
        f",{IDS[0]},1,,\n"                                   # line 4: no learner
        "bob,nope,1,,\n"                                     # line 5: unknown question
        f"bob,{IDS[0]},maybe,,\n"                            # line 6: bad flag
        f"bob,{IDS[1]},,,\n"                                 # line 7: nothing to grade
        f"bob,{IDS[2]},0,,yesterday\n",                      # line 8: bad time
        encoding="utf-8",
    )
    result = read_responses_csv(path, question_ids=IDS)
    assert [(r.learner_id, r.correct, r.response) for r in result.responses] == [("ann", True, None), ("ann", None, "15 minutes")]
    assert result.responses[0].answered_at.isoformat() == "2024-05-01T10:00:00"
    assert [(i.line, i.reason) for i in result.issues] == [
        (4, "empty learner_id"),
        (5, "question_id 'nope' is not in the bank"),
        (6, "correct 'maybe' is not one of 1/0, true/false, yes/no"),
        (7, "neither correct nor response given"),
        (8, "answered_at 'yesterday' is not an ISO 8601 date/time"),
    ]
    assert str(result.issues[0]) == f"{path}:4: empty learner_id"


def test_csv_without_required_columns_is_refused(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("learner,question_id\nann,x\n", encoding="utf-8")
    with pytest.raises(ResponsesError, match=r"bad.csv:1: header lacks learner_id, correct or response"):
        read_responses(path, question_ids=IDS)
    with pytest.raises(ResponsesError, match="file type '.txt' is not valid"):
        (tmp_path / "x.txt").write_text("a", encoding="utf-8")
        read_responses(tmp_path / "x.txt", question_ids=IDS)


def test_import_command_reports_bad_rows_and_is_idempotent(db_path, tmp_path):
    _bank(db_path)
    path = tmp_path / "answers.csv"
    path.write_text(f"learner_id,question_id,correct\nann,{IDS[0]},1\nann,missing,0\nbob,{IDS[0]},0\n", encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(cli, ["responses", "import", str(path), "--db", str(db_path)])
    assert first.exit_code == 0, first.output
    assert f"{path}:3: question_id 'missing' is not in the bank" in first.output
    assert "2 responses read, 2 new, 1 bad row(s) skipped" in first.output
    again = runner.invoke(cli, ["responses", "import", str(path), "--db", str(db_path)])
    assert "2 responses read, 0 new" in again.output
    missing = runner.invoke(cli, ["responses", "import", str(tmp_path / "none.csv"), "--db", str(db_path)])
    assert missing.exit_code == 1 and "Error:" in missing.output and "Traceback" not in missing.output


def _review_in_anki(apkg, collection_path):
    """Import our .apkg into a fresh Anki collection and review every card; return the first ease per note GUID."""
    anki_collection = pytest.importorskip("anki.collection")
    col = anki_collection.Collection(str(collection_path))
    try:
        col.import_anki_package(anki_collection.ImportAnkiPackageRequest(
            package_path=str(apkg), options=anki_collection.ImportAnkiPackageOptions()))
        foreign = col.new_note(col.models.by_name("Basic"))
        foreign["Front"], foreign["Back"] = "not from qbank", "x"
        col.add_note(foreign, col.decks.id_for_name("Default"))
        first: dict[str, int] = {}
        for name in sorted(d.name for d in col.decks.all_names_and_ids()):
            col.decks.select(col.decks.id_for_name(name))
            for turn in range(40):   # learning cards come back: later reviews must not count
                card = col.sched.getCard()
                if card is None:
                    break
                guid = card.note().guid
                ease = 1 if len(first) % 3 == 0 and guid not in first else 3
                first.setdefault(guid, ease)
                col.sched.answerCard(card, ease)
        legacy = collection_path.with_suffix(".colpkg")
        col.export_collection_package(str(legacy), include_media=False, legacy=True)
    finally:
        col.close()
    return first, legacy


def test_anki_round_trip_maps_reviews_to_question_ids(db_path, tmp_path):
    _bank(db_path)
    apkg = to_anki(QUESTIONS).write(tmp_path / "bank.apkg", timestamp=1_700_000_000)  # (timestamp=0 gives note id 0, which Anki cannot open)
    first, colpkg = _review_in_anki(apkg, tmp_path / "alice.anki2")
    guids = anki_guids(IDS)
    expected = {guids[g]: ease >= 2 for g, ease in first.items() if g in guids}
    assert len(expected) >= 4 and set(expected.values()) == {True, False}

    result = read_anki_collection(tmp_path / "alice.anki2", guids=guids, learner_id="alice")
    assert {r.question_id: r.correct for r in result.responses} == expected
    assert result.foreign == 1 and all(r.source == "anki" and r.answered_at for r in result.responses)

    from_package = read_anki_collection(colpkg, guids=guids, learner_id="alice")
    assert {r.question_id: r.correct for r in from_package.responses} == expected
    from anki.collection import Collection

    modern = tmp_path / "alice-modern.colpkg"   # Anki's default: zstd-compressed collection.anki21b
    Collection(str(tmp_path / "alice.anki2")).export_collection_package(str(modern), include_media=False, legacy=False)
    from_modern = read_anki_collection(modern, guids=guids, learner_id="alice")
    assert {r.question_id: r.correct for r in from_modern.responses} == expected

    out = CliRunner().invoke(cli, ["responses", "import", str(tmp_path / "alice.anki2"), "--db", str(db_path)])
    assert out.exit_code == 0, out.output
    assert "1 review(s) of notes not from this bank ignored" in out.output
    with Store(db_path) as store:
        stored = store.load_responses()
    assert set(stored["learner_id"]) == {"alice"}
    assert dict(zip(stored["question_id"], stored["correct"])) == expected


def test_not_a_collection_is_refused(tmp_path):
    bad = tmp_path / "x.anki2"
    bad.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(ResponsesError, match="not an Anki collection"):
        read_anki_collection(bad, guids={}, learner_id="x")
