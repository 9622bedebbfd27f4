"""The whole build without Prefect: determinism, batches, incremental regeneration, provenance."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.build import build_deck, deck_paths, load_deck, preflight
from pipeline.decks import open_deck, parse_deck, read_deck
from pipeline.errors import DeckError, StrictModeError
from pipeline.settings import Settings
from pipeline.store import Store
from tests.conftest import DECK


def snapshot(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            "questions": con.execute("SELECT question_id, card_index, line, type, stem, answer, status, reject_reason, "
                                     "difficulty, revision FROM questions ORDER BY 1").fetchall(),
            "options": con.execute("SELECT question_id, position, text, value FROM options ORDER BY 1, 2").fetchall(),
            "facts": con.execute("SELECT fact_id, card_index, line, text, value, unit FROM facts ORDER BY 1").fetchall(),
            "cards": con.execute("SELECT card_id, card_index, first_line, line_numbers FROM cards ORDER BY 1").fetchall(),
        }


def build(db: Path, deck_text: str, settings: Settings = Settings(), *, force: bool = False):
    with Store(db) as store:
        return build_deck(parse_deck(deck_text, path="serverless.txt"), settings, store, force=force)


def test_build_twice_gives_the_same_bank_whatever_the_batch_size(tmp_path: Path) -> None:
    text = DECK.read_text(encoding="utf-8")
    build(tmp_path / "a.duckdb", text)
    again = build(tmp_path / "a.duckdb", text, force=True)
    build(tmp_path / "b.duckdb", text, Settings(batch_size=7))   # batching must not change the result
    a, b = snapshot(tmp_path / "a.duckdb"), snapshot(tmp_path / "b.duckdb")
    assert a == b
    assert a["questions"] and len({q[0] for q in a["questions"]}) == len(a["questions"])
    assert (again.added, again.changed, again.removed) == (0, 0, 0)


def test_a_rebuild_processes_only_the_edited_cards_and_equals_a_full_build(tmp_path: Path) -> None:
    text = DECK.read_text(encoding="utf-8")
    edited = text.replace("Maximum execution time: 900 seconds ( 15 minutes )",
                          "Maximum execution time: 600 seconds ( 10 minutes )")
    assert edited != text
    build(tmp_path / "inc.duckdb", text)
    summary = build(tmp_path / "inc.duckdb", edited)
    full = build(tmp_path / "full.duckdb", edited)
    assert summary.processed == 1 and full.processed == full.cards
    assert summary.changed > 0 and summary.added == summary.removed == 0
    inc, ref = snapshot(tmp_path / "inc.duckdb"), snapshot(tmp_path / "full.duckdb")
    strip = lambda rows: [r[:-1] for r in rows]  # noqa: E731  (revisions differ: the edit is a new revision)
    assert strip(inc["questions"]) == strip(ref["questions"])
    assert inc["options"] == ref["options"] and inc["facts"] == ref["facts"] and inc["cards"] == ref["cards"]
    changed = [q for q in inc["questions"] if q[-1] == 1]
    assert changed and all("execution time" in q[4] or q[3] == "calculated" for q in changed)


def test_inserting_a_card_moves_the_others_without_processing_them(tmp_path: Path) -> None:
    text = DECK.read_text(encoding="utf-8")
    new_card = "Amazon SQS basics\nA:\n- Messages are kept for up to 14 days\n---\n"
    build(tmp_path / "inc.duckdb", text)
    summary = build(tmp_path / "inc.duckdb", new_card + text)
    build(tmp_path / "full.duckdb", new_card + text)
    assert summary.processed == 1 and summary.removed == 0 and summary.added > 0
    assert snapshot(tmp_path / "inc.duckdb") == snapshot(tmp_path / "full.duckdb")


def test_the_changes_of_a_build_are_stored_question_by_question(tmp_path: Path) -> None:
    text = DECK.read_text(encoding="utf-8")
    first = build(tmp_path / "bank.duckdb", text)
    second = build(tmp_path / "bank.duckdb", text.replace("900 seconds", "600 seconds"))
    with Store(tmp_path / "bank.duckdb", read_only=True) as store:
        assert store.question_changes(first.build_id).empty      # a first build: every question is new
        rows = store.question_changes(second.build_id)
        latest = store.last_build("serverless")
    assert latest is not None and latest.build_id == second.build_id and latest.mode == "incremental"
    assert len(rows) == second.added + second.changed + second.removed > 0
    changed = rows[rows.change == "changed"].iloc[0]
    assert changed.stem_before != changed.stem_after or changed.status_before != changed.status_after


def test_every_fact_and_question_records_its_card_and_line(db_path: Path) -> None:
    deck = read_deck(DECK)
    with Store(db_path) as store:
        build_deck(deck, Settings(), store)
        cur = store.cursor()
        facts = cur.execute("SELECT card_id, line, fact_id FROM facts").fetchall()
        questions = cur.execute("SELECT card_id, line, fact_id FROM questions").fetchall()
    lines = {c.card_id: {line.number for line in c.lines} for c in deck.cards}
    assert facts and all(line in lines[card] for card, line, _ in facts)
    assert all(line in lines[card] for card, line, _ in questions)
    assert all(fact in {f for _, _, f in facts} for _, _, fact in questions if fact)


def test_different_seed_changes_distractors_not_ids(tmp_path: Path) -> None:
    text = DECK.read_text(encoding="utf-8")
    build(tmp_path / "one.duckdb", text, Settings(seed=1))
    build(tmp_path / "two.duckdb", text, Settings(seed=2))
    one, two = snapshot(tmp_path / "one.duckdb"), snapshot(tmp_path / "two.duckdb")
    assert [q[0] for q in one["questions"]] == [q[0] for q in two["questions"]]
    assert one["options"] != two["options"]


def test_strict_refuses_malformed_deck(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("Good\nA:\n- 5 minutes TTL\n---\nNo answer marker\n", encoding="utf-8")
    assert len(read_deck(bad).issues) == 1
    with pytest.raises(StrictModeError, match=r"bad.txt:5: card has only a title"):
        load_deck(bad, Settings(strict=True))


def test_preflight_sorts_decks_before_any_build(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("Lambda\nA:\n- Timeout up to 900 seconds\n", encoding="utf-8")
    bad.write_bytes(b"\x00\x01\x02 not a deck")
    plan = preflight([good, bad, tmp_path / "missing.txt"], tmp_path / "bank.duckdb", Settings())
    assert plan.to_build == [good] and plan.unchanged == []
    assert [(p.name, "binary" in m or "no such file" in m) for p, m in plan.failed] == [
        ("missing.txt", True), ("bad.txt", True)]
    with Store(tmp_path / "bank.duckdb") as store:
        build_deck(load_deck(good, Settings()), Settings(), store)
    again = preflight([good], tmp_path / "bank.duckdb", Settings())
    assert again.to_build == [] and again.unchanged == [(good, 1)]
    assert preflight([good], tmp_path / "bank.duckdb", Settings(seed=9)).to_build == [good]


def test_preflight_finds_decks_with_few_changed_cards_and_scans_them_once(tmp_path: Path) -> None:
    from pipeline.preflight import SMALL_CHANGE

    db, deck = tmp_path / "bank.duckdb", tmp_path / "serverless-aws.txt"
    deck.write_text(DECK.read_text(encoding="utf-8"), encoding="utf-8")
    assert preflight([deck], db, Settings()).small == {}           # a deck the bank does not hold: a full build
    with Store(db) as store:
        build_deck(load_deck(deck, Settings()), Settings(), store)
    deck.write_text(DECK.read_text(encoding="utf-8").replace("900 seconds", "901 seconds"), encoding="utf-8")
    plan = preflight([deck], db, Settings())
    assert plan.to_build == [deck] and list(plan.small) == [deck]
    assert plan.small[deck].scan.num_rows == 36
    assert preflight([deck], db, Settings(), force=True).small == {}   # --force processes every card
    assert SMALL_CHANGE >= 200                                      # a 1% edit of 20,000 cards


def test_the_preflight_stops_scanning_a_deck_once_its_change_is_not_small(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A large change is built by the flow, which scans the deck itself: the preflight stops reading as soon as
    more cards than `SMALL_CHANGE` are new (issue 11: it read all of a 200,000-card deck for nothing)."""
    from pipeline import preflight as preflight_module
    from pipeline.build import ManyChanges, scan_deck
    from pipeline.decks import DeckSource

    db, deck = tmp_path / "bank.duckdb", tmp_path / "serverless-aws.txt"
    deck.write_text(DECK.read_text(encoding="utf-8"), encoding="utf-8")
    with Store(db) as store:
        build_deck(load_deck(deck, Settings()), Settings(), store)
        known = store.known("serverless-aws", Settings().fingerprint())
    text = DECK.read_text(encoding="utf-8")
    deck.write_text(text.replace("900 seconds", "901 seconds").replace("128MB", "256MB"), encoding="utf-8")
    assert scan_deck(load_deck(deck, Settings()), Settings(), known=known, at_most=2).scan.num_rows == 36
    with pytest.raises(ManyChanges):
        scan_deck(load_deck(deck, Settings()), Settings(), known=known, at_most=1)
    read: list[object] = []
    items = DeckSource.items
    monkeypatch.setattr(DeckSource, "items", lambda self, known=None: (read.append(item) or item for item in items(self, known)))
    monkeypatch.setattr(preflight_module, "SMALL_CHANGE", 1)
    plan = preflight([deck], db, Settings())
    assert plan.to_build == [deck] and plan.small == {}
    assert len(read) < 36                                           # it stopped at the second new card


def test_a_small_edit_is_built_without_a_prefect_server_and_equals_a_full_rebuild(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    db, deck = tmp_path / "bank.duckdb", tmp_path / "serverless-aws.txt"
    deck.write_text(DECK.read_text(encoding="utf-8"), encoding="utf-8")
    with Store(db) as store:
        build_deck(load_deck(deck, Settings()), Settings(), store)
    deck.write_text(DECK.read_text(encoding="utf-8").replace("900 seconds", "901 seconds")
                    + "\n-----\nno marker card\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "build", str(deck), "--db", str(db)],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "(1 of 36 cards processed)" in done.stdout and "1 malformed card(s) skipped" in done.stdout
    assert "skipped card: " in done.stderr and ":" in done.stderr.split("skipped card: ")[1]
    assert (tmp_path / "bank-report.html").exists()                   # the report, beside the bank
    assert not (tmp_path / "prefect-home").exists()                   # no server was started
    full = tmp_path / "full.duckdb"
    with Store(full) as store:
        build_deck(load_deck(deck, Settings()), Settings(), store)
    mine = [q[:9] for q in snapshot(db)["questions"]]                # all but the revision
    assert mine == [q[:9] for q in snapshot(full)["questions"]]     # as if the whole deck were built again


def test_a_small_rebuild_reads_the_deck_once_and_equals_a_full_rebuild(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The preflight's scan keeps the cards a small rebuild may process (new content, Q&A cards), so the build
    does not read the deck a second time to find them (issue 11: a 1% edit of 20,000 cards read it twice)."""
    from pipeline.decks import DeckSource

    db, deck = tmp_path / "bank.duckdb", tmp_path / "serverless-aws.txt"
    deck.write_text(DECK.read_text(encoding="utf-8"), encoding="utf-8")
    with Store(db) as store:
        build_deck(load_deck(deck, Settings()), Settings(), store)
    edited = DECK.read_text(encoding="utf-8").replace("900 seconds", "901 seconds")
    deck.write_text(edited, encoding="utf-8")
    scan = preflight([deck], db, Settings()).small[deck]
    assert scan.kept is not None and 1 <= len(scan.kept) < scan.scan.num_rows
    reads: list[int] = []
    items = DeckSource.items
    monkeypatch.setattr(DeckSource, "items", lambda self, known=None: (reads.append(1), items(self, known))[1])
    with Store(db) as store:
        summary = build_deck(load_deck(deck, Settings()), Settings(), store, scan=scan)
    assert reads == [] and summary.processed == 1
    monkeypatch.undo()
    with Store(tmp_path / "full.duckdb") as store:
        build_deck(load_deck(deck, Settings()), Settings(), store)
    mine = [q[:9] for q in snapshot(db)["questions"]]
    assert mine == [q[:9] for q in snapshot(tmp_path / "full.duckdb")["questions"]]


QA_DECK = "\n-----\n".join(
    ["Lambda limits\n- timeout 900 seconds (15 minutes) max",
     "What is the largest SQS message?\nA:\n256 KB",
     "How long does SQS keep a message by default?\nA:\n4 days",
     "What is the longest SQS retention?\nA:\n14 days",
     "What is the default visibility timeout?\nA:\n30 seconds",
     "How long may a Step Functions standard workflow run?\nA:\n1 year",
     "DynamoDB limits\n- Max item size 400 KB\n- 20 GSIs per table by default",
     "Kinesis shard\n- 1 MB/s in, 2 MB/s out\n- 1,000 records per second in",
     "What is the largest Lambda deployment package (zipped)?\nA:\n50 MB",
     "What hides a received SQS message from other consumers?\nA:\nVisibility timeout",
     "Where do messages go after too many failed receives?\nA:\nDead-letter queue",
     "What cuts the empty responses of ReceiveMessage?\nA:\nLong polling",
     "What keeps FIFO messages in order?\nA:\nMessage group ID"]) + "\n"


def test_a_rebuild_parses_only_the_cards_whose_text_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A card whose text the bank holds is recognised by its hash, not parsed again (issue 11: parsing was most of
    a 1% rebuild's scan). An edited answer changes other Q&A cards' wrong options, so cards the bank holds are
    processed again: the deck is read again, parsing only those. The bank equals a full build's. (A quantity
    answer's wrong options are variants of its own value: editing one moves no other card's.)"""
    from pipeline.build import scan_deck
    from pipeline.deck_cards import CardMaker

    db, deck = tmp_path / "bank.duckdb", tmp_path / "limits.txt"
    deck.write_text(QA_DECK, encoding="utf-8")
    with Store(db) as store:
        build_deck(load_deck(deck, Settings()), Settings(), store)
    deck.write_text(QA_DECK.replace("A:\n4 days", "A:\n5 days").replace("A:\nLong polling", "A:\nLong polling mode"),
                    encoding="utf-8")
    parsed: list[int] = []
    card = CardMaker.card
    monkeypatch.setattr(CardMaker, "card", lambda self, index, *a, **k: (parsed.append(index), card(self, index, *a, **k))[1])
    with Store(db) as store:
        scan = scan_deck(load_deck(deck, Settings()), Settings(), known=store.known("limits", Settings().fingerprint()))
        assert parsed == [0, 2, 11]     # the first card (the deck's header may sit over it) and the two edited
        todo = store.plan("limits", scan.scan)
        assert todo is not None and len(todo) > 2                      # other names' wrong options changed
        parsed.clear()
        build_deck(load_deck(deck, Settings()), Settings(), store, scan=scan)
    assert sorted(parsed) == [0, *sorted(i for i, c in zip(scan.scan.column("card_index").to_pylist(),
                                                           scan.scan.column("card_id").to_pylist()) if c in todo)]
    monkeypatch.undo()
    with Store(tmp_path / "full.duckdb") as store:
        build_deck(load_deck(deck, Settings()), Settings(), store)
    mine, full = snapshot(db), snapshot(tmp_path / "full.duckdb")
    assert [q[:9] for q in mine["questions"]] == [q[:9] for q in full["questions"]]
    assert (mine["options"], mine["facts"], mine["cards"]) == (full["options"], full["facts"], full["cards"])


def test_a_card_is_parsed_again_when_qbank_or_its_settings_change(tmp_path: Path) -> None:
    """The bank's texts stand for what this qbank, with these settings, read from them: other settings (or
    another qbank, whose code is in the fingerprint) read every card again."""
    db, deck = tmp_path / "bank.duckdb", tmp_path / "limits.txt"
    deck.write_text(QA_DECK, encoding="utf-8")
    with Store(db) as store:
        build_deck(load_deck(deck, Settings()), Settings(), store)
        assert len(store.known("limits", Settings().fingerprint()).texts) == QA_DECK.count("-----")
        assert store.known("limits", Settings(seed=7).fingerprint()).texts == {}
        assert store.known("limits", Settings().fingerprint()).contents      # contents are kept whatever
    # an AsciiDoc attribute ("{lt}") changes the cards after its entry: none of them is recognised unparsed
    deck.write_text(QA_DECK.replace("Lambda limits\n- timeout", ":lt: Lambda timeout\nLambda limits\n- {lt}"),
                    encoding="utf-8")
    with Store(db) as store:
        build_deck(load_deck(deck, Settings()), Settings(), store)
        assert store.known("limits", Settings().fingerprint()).texts == {}


def test_deck_paths_expand_folders(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("x\nA:\ny\n", encoding="utf-8")
    (tmp_path / "a.csv").write_text("front,back\nx,y\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert [p.name for p in deck_paths([tmp_path])] == ["a.csv", "b.txt"]
    with pytest.raises(DeckError, match="no such file or folder"):
        deck_paths([tmp_path / "missing"])


def test_deck_paths_refuse_two_decks_with_one_name(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "intro.txt").write_text("Q\nA:\nx\n", encoding="utf-8")
    with pytest.raises(DeckError, match="another deck is named 'intro'"):
        deck_paths([tmp_path])


def test_a_text_deck_is_streamed_and_gives_what_reading_it_whole_gives(tmp_path: Path) -> None:
    deck = tmp_path / "crlf.txt"
    deck.write_bytes(b"\xef\xbb\xbf" + DECK.read_bytes().replace(b"\n", b"\r\n") + b"---\r\nNo answer here\r\n")
    source, whole = open_deck(deck), read_deck(deck)
    items = list(source.items())
    assert source.content_hash == whole.content_hash
    assert [i for i in items if i in whole.cards] == list(whole.cards) and len(items) == len(whole.cards) + 1
    assert [str(i) for i in items if i not in whole.cards] == [str(i) for i in whole.issues]
    with Store(tmp_path / "a.duckdb") as a, Store(tmp_path / "b.duckdb") as b:
        assert build_deck(source, Settings(), a).questions == build_deck(whole, Settings(), b).questions > 0
    assert snapshot(tmp_path / "a.duckdb") == snapshot(tmp_path / "b.duckdb")


def test_a_deck_of_no_readable_card_fails_and_strict_lists_every_issue(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("No marker\n---\nStill none\n", encoding="utf-8")
    with Store(tmp_path / "bank.duckdb") as store, pytest.raises(DeckError, match="no card could be read"):
        build_deck(open_deck(bad), Settings(), store)
    bad.write_text("Good\nA:\n- 5 minutes TTL\n---\nNo marker\n---\nStill none\n", encoding="utf-8")
    with pytest.raises(StrictModeError, match=r"2 malformed card\(s\)(.|\n)*bad.txt:5(.|\n)*bad.txt:7"):
        load_deck(bad, Settings(strict=True))


def test_a_card_that_breaks_processing_is_reported_and_left_out_and_the_rest_is_built(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unforeseen error on one card's text (a rule bug) costs that card, not the deck, and is reported."""
    import pipeline.build

    real = pipeline.build.generate

    def generate(card_facts, **kwargs):   # a bug that only this card's text triggers
        if any("Kaboom" in cf.card.title for cf in card_facts):
            raise ValueError("a rule broke")
        return real(card_facts, **kwargs)

    monkeypatch.setattr(pipeline.build, "generate", generate)
    text = ("SQS\nA:\n- Messages are kept for 4 days by default\n---\nKaboom limits\nA:\n- Up to 1 MBps per key\n---\n"
            "Lambda\nA:\n- Timeout up to 900 seconds\n")
    summary = build(tmp_path / "bank.duckdb", text, Settings(batch_size=2))
    assert summary.status == "built" and summary.skipped == 1 and summary.cards == 3
    with duckdb.connect(str(tmp_path / "bank.duckdb"), read_only=True) as con:
        answers = {a for (a,) in con.execute("SELECT answer FROM questions WHERE type = 'cloze'").fetchall()}
        issues = con.execute("SELECT n_skipped, issues FROM decks").fetchone()
    assert {"4 days", "900 seconds"} <= answers and "1 MBps" not in answers
    assert issues[0] == 1 and issues[1][0].startswith("serverless.txt:5: qbank could not process this card (ValueError")
    before = snapshot(tmp_path / "bank.duckdb")
    with pytest.raises(StrictModeError, match=r"serverless.txt:5: qbank could not process"):
        build(tmp_path / "bank.duckdb", text, Settings(batch_size=2, strict=True), force=True)
    assert snapshot(tmp_path / "bank.duckdb") == before       # a refused build leaves the bank as it was


def test_new_code_reprocesses_every_card(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule changed in the library reaches a bank built before it: no card's stored questions are reused
    (the code's hash is part of every card's input hash, and of the fingerprint that skips unchanged decks)."""
    text = DECK.read_text(encoding="utf-8")
    build(tmp_path / "bank.duckdb", text)
    assert build(tmp_path / "bank.duckdb", text).processed == 0
    before = Settings().fingerprint()
    monkeypatch.setattr("pipeline.settings.PIPELINE_VERSION", "another-code-version")
    again = build(tmp_path / "bank.duckdb", text)
    assert again.processed == again.cards and Settings().fingerprint() != before
