"""Exports read back with the targets' own readers: anki, gift-pegjs, the IMS XSDs, openpyxl."""
from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import genanki
import pytest
from lxml import etree
from openpyxl import load_workbook

from pipeline.errors import ExportError
from pipeline.exporters import FORMATS, export
from pipeline.exporters.anki import note_guid
from pipeline.exporters.base import DEFAULT_TIMESTAMP, cloze_parts
from pipeline.exporters.gift import escape
from question_fixtures import NASTY, all_types, changed, q

HERE = Path(__file__).parent
SCHEMAS = HERE / "schemas" / "qti"
NODE_DIR = HERE / "node"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_twice_gives_identical_bytes(fmt: str) -> None:
    first = export(fmt, all_types(), title="T").to_bytes()
    again = export(fmt, list(all_types()), title="T").to_bytes()
    assert first == again
    assert first


@pytest.mark.parametrize("fmt", ["anki", "qti", "kahoot"])
def test_zip_formats_take_the_clock_from_the_caller(fmt: str) -> None:
    e = export(fmt, all_types(), title="T")
    assert e.to_bytes(timestamp=DEFAULT_TIMESTAMP) == e.to_bytes()
    assert e.to_bytes(timestamp=DEFAULT_TIMESTAMP + 86400) != e.to_bytes()
    with zipfile.ZipFile(io.BytesIO(e.to_bytes())) as z:
        assert {i.date_time for i in z.infolist()} == {(2024, 1, 1, 0, 0, 0)}


def test_unknown_format_and_empty_export_are_errors() -> None:
    with pytest.raises(ExportError, match="choose one of"):
        export("pdf", all_types())
    with pytest.raises(ExportError, match="nothing to export"):
        export("gift", [])


def test_cli_lists_every_registered_format() -> None:
    from pipeline.cli import EXPORT_FORMATS

    assert set(EXPORT_FORMATS) == set(FORMATS)


def test_every_format_reports_what_it_cannot_map() -> None:
    bad = q("q0", "truefalse", "Is it?", "maybe")
    for fmt in ("anki", "gift", "moodle-xml", "qti", "qti12", "quizlet", "kahoot"):
        e = export(fmt, [bad, *all_types()])
        assert [s.question_id for s in e.skipped][:1] == ["q0"], fmt
        assert "neither true nor false" in e.skipped[0].reason


# -- Anki ------------------------------------------------------------------------

def _import(col_dir: Path, apkg: Path, name: str) -> object:
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    col = Collection(str(col_dir / "collection.anki2"))
    try:
        log = col.import_anki_package(ImportAnkiPackageRequest(
            package_path=str(apkg), options=ImportAnkiPackageOptions(with_scheduling=False))).log
        notes = {col.get_note(n).guid: col.get_note(n) for n in col.find_notes("")}
        return log, {g: (list(n.fields), sorted(n.tags), len(n.cards())) for g, n in notes.items()}
    finally:
        col.close()


def test_anki_reimport_of_a_regenerated_deck_updates_notes_without_duplicates(tmp_path: Path) -> None:
    pytest.importorskip("anki")
    first, second = tmp_path / "v1.apkg", tmp_path / "v2.apkg"
    export("anki", all_types(), title="T").write(first)
    # A regeneration changed one value; the store bumped that question's revision
    # (tests/test_store.py), which moves the default clock, so Anki's "update if newer" applies.
    regenerated = [replace(x, revision=1) if x.question_id == "q1" else x for x in changed(all_types())]
    export("anki", regenerated, title="T").write(second)
    log1, notes1 = _import(tmp_path, first, "v1")
    assert len(log1.new) == len(all_types()) == len(notes1)  # type: ignore[attr-defined]
    assert set(notes1) == {note_guid(x.question_id) for x in all_types()}
    assert note_guid("q1") == genanki.guid_for("q1")
    assert all(cards >= 1 for _, _, cards in notes1.values())
    assert notes1[note_guid("q3")][2] == 3          # multi_cloze: one card per group
    assert "deck::deck-α" in notes1[note_guid("q1")][1] and "difficulty::easy" in notes1[note_guid("q1")][1]
    log2, notes2 = _import(tmp_path, second, "v2")
    assert len(notes2) == len(notes1)                # no duplicates
    assert len(log2.new) == 0 and len(log2.updated) >= 1  # type: ignore[attr-defined]
    assert "20 minutes" in notes2[note_guid("q1")][0][0]
    assert notes2[note_guid("q4")] == notes1[note_guid("q4")]


def test_anki_cloze_fields_escape_template_syntax() -> None:
    weird = q("q5", "term_cloze", "x", "a::b}}", extra=(("cloze", "Use {{c1::a::b}} with {{x}} braces"),))
    parts = cloze_parts(weird)
    assert [p.answer for p in parts if not isinstance(p, str)] == ["a"]   # the `::b` is Anki's hint syntax
    e = export("anki", [weird])
    assert e.n_items == 1 and not e.skipped


# -- GIFT ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def gift_parse(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the GIFT tests need node and `npm ci` in tests/node")
    if not (NODE_DIR / "node_modules" / "gift-pegjs").is_dir():
        pytest.skip("gift-pegjs is not installed: run `make test` (or `npm ci` in tests/node)")
    tmp = tmp_path_factory.mktemp("gift")

    def parse(text: bytes) -> dict:  # type: ignore[type-arg]
        src, out = tmp / "in.gift", tmp / "out.json"
        src.write_bytes(text)
        subprocess.run([node, str(NODE_DIR / "gift_parse.js"), str(src), str(out)], check=True, cwd=NODE_DIR)
        return json.loads(out.read_text())

    return parse


def test_gift_parses_with_gift_pegjs_and_keeps_every_special_character(gift_parse) -> None:  # type: ignore[no-untyped-def]
    result = gift_parse(export("gift", all_types(), title="T/1").to_bytes())
    assert result["ok"], result
    qs = {x["title"]: x for x in result["questions"] if x["type"] != "Category"}
    assert set(qs) == {"q1", "q2", "q3-c1", "q3-c2", "q3-c3", "q4", "q5", "q6", "q7", "q8", "q9"}
    assert NASTY in qs["q4"]["stem"]["text"]
    assert [c["text"]["text"] for c in qs["q4"]["choices"]] == ["54 = x", "56", "#58 {a}", "~64: b\\"]
    assert [c["isCorrect"] for c in qs["q4"]["choices"]] == [False, True, False, False]
    assert qs["q5"]["type"] == "Numerical" and qs["q5"]["choices"] == {"type": "range", "number": 3, "range": 0.5}
    assert qs["q7"]["type"] == "TF" and qs["q7"]["isTrue"] is True
    assert qs["q8"]["choices"][0]["text"]["text"] == "AWS Lambda {λ}"
    assert [c["weight"] for c in qs["q9"]["choices"]] == [50, 50, -100]
    cats = [x["title"] for x in result["questions"] if x["type"] == "Category"]
    assert "$course$/T//1/deck-α/Storage" in cats


def test_gift_escape_round_trips_through_the_parser(gift_parse) -> None:  # type: ignore[no-untyped-def]
    text = "::t::" + escape(NASTY + " // not a comment") + " {=" + escape("x=5 ~ y#") + "}\n"
    result = gift_parse(text.encode())
    assert result["ok"], result
    parsed = result["questions"][0]
    assert parsed["stem"]["text"] == NASTY + " // not a comment"
    assert parsed["choices"][0]["text"]["text"] == "x=5 ~ y#"


# -- Moodle XML ------------------------------------------------------------------

def test_moodle_xml_has_native_cloze_numerical_units_and_calculated_dataset() -> None:
    root = etree.fromstring(export("moodle-xml", all_types(), title="T").to_bytes())
    by_name = {x.findtext("name/text"): x for x in root.iter("question") if x.get("type") != "category"}
    assert {n: x.get("type") for n, x in by_name.items()} == {
        "q1": "cloze", "q2": "cloze", "q3": "cloze", "q4": "multichoice", "q5": "numerical", "q6": "calculated",
        "q7": "truefalse", "q8": "shortanswer", "q9": "multichoice"}
    assert "{1:NUMERICAL:=15:0} minutes" in by_name["q1"].findtext("questiontext/text")
    assert by_name["q3"].findtext("questiontext/text").count("{1:NUMERICAL:") == 3
    assert "{1:SHORTANSWER:=DynamoDB}" in by_name["q2"].findtext("questiontext/text")
    assert [u.findtext("unit_name") for u in by_name["q5"].iter("unit")] == ["seconds", "s"]
    assert by_name["q5"].findtext("answer/tolerance") == "0.5"
    calc = by_name["q6"]
    assert calc.findtext("answer/text") == "{m} / 1024 * {t}"
    assert {d.findtext("name/text"): [v.text for v in d.iter("value")] for d in calc.iter("dataset_definition")} == {
        "m": ["512", "1024", "256"], "t": ["2", "3", "4"]}
    assert [a.get("fraction") for a in by_name["q9"].iter("answer")] == ["50", "50", "-100"]
    cats = [c.findtext("category/text") for c in root.iter("question") if c.get("type") == "category"]
    assert cats[0] == "$course$/top/T/deck-α/Lambda"


# -- QTI -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def qti_schemas() -> dict[str, etree.XMLSchema]:
    return {"qti": etree.XMLSchema(etree.parse(str(SCHEMAS / "qtiv2p1" / "imsqti_v2p1.xsd"))),
            "cp": etree.XMLSchema(etree.parse(str(SCHEMAS / "imscp_v1p1.xsd")))}


def test_qti21_package_validates_against_the_ims_schemas(qti_schemas: dict[str, etree.XMLSchema]) -> None:
    data = export("qti", all_types(), title="T").to_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        manifest = etree.fromstring(z.read("imsmanifest.xml"))
        qti_schemas["cp"].assertValid(manifest)
        hrefs = [f.get("href") for f in manifest.iter("{*}file")]
        assert set(hrefs) <= set(names)
        for name in names:
            if name.endswith(".xml") and name != "imsmanifest.xml":
                qti_schemas["qti"].assertValid(etree.fromstring(z.read(name)))
        multi = etree.fromstring(z.read("items/q3.xml"))
    assert len(multi.findall(".//{*}textEntryInteraction")) == 3
    assert len(names) == 2 + len(all_types())


def test_qti12_is_a_canvas_zip_whose_manifest_validates_and_names_the_assessment(
        qti_schemas: dict[str, etree.XMLSchema]) -> None:
    data = export("qti12", all_types(), title="T").to_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        manifest = etree.fromstring(z.read("imsmanifest.xml"))
        qti_schemas["cp"].assertValid(manifest)
        (resource,) = manifest.iter("{*}resource")
        assert resource.get("type") == "imsqti_xmlv1p2"      # what Canvas's importer looks up
        root = etree.fromstring(z.read(resource.get("href")))
        assert sorted(z.namelist()) == sorted(["imsmanifest.xml", resource.get("href")])
    ns = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
    types = {i.get("ident"): i.findtext(".//q:qtimetadatafield[q:fieldlabel='question_type']/q:fieldentry", namespaces=ns)
             for i in root.iterfind(".//q:item", ns)}
    assert types == {"q1": "fill_in_multiple_blanks_question", "q2": "fill_in_multiple_blanks_question",
                     "q3": "fill_in_multiple_blanks_question", "q4": "multiple_choice_question",
                     "q5": "numerical_question", "q6": "numerical_question", "q7": "true_false_question",
                     "q8": "short_answer_question", "q9": "multiple_answers_question"}
    flat = export("qti12", all_types(), title="T", flat_xml=True).to_bytes()
    assert etree.tostring(etree.fromstring(flat)) == etree.tostring(root)
    with pytest.raises(ExportError, match="--flat-xml is for --format qti12"):
        export("qti", all_types(), flat_xml=True)


def test_canvas_profile_has_one_interaction_per_item_and_keeps_every_blank(
        qti_schemas: dict[str, etree.XMLSchema]) -> None:
    cloze = q("q0", "cloze", "Memory ____ to 10,240 MB, in 1 MB steps #1 {x}.", "128 MB", card_index=3,
              extra=(("cloze", "Memory {{c1::128 MB}} to 10,240 MB, in 1 MB steps #1 {x}."),))
    e = export("canvas", [cloze, *all_types()], title="T")
    with zipfile.ZipFile(io.BytesIO(e.to_bytes())) as z:
        qti_schemas["cp"].assertValid(etree.fromstring(z.read("imsmanifest.xml")))
        items = {n: etree.fromstring(z.read(n)) for n in z.namelist() if n.startswith("items/")}
    for name, item in items.items():
        qti_schemas["qti"].assertValid(item)
        interactions = [x for x in item.iter() if isinstance(x.tag, str) and x.tag.endswith("Interaction")]
        assert len(interactions) == 1, name                  # Instructure's qti raises UnsupportedSchema on more
    # q3's three blanks became three items; its first repeats q0 word for word and is merged into it
    assert sorted(n for n in items if "q3" in n) == ["items/q3-b2.xml", "items/q3-b3.xml"]
    assert dict(e.changes) == {"duplicate(s) merged": 1}
    answers = [x.findtext(".//{*}correctResponse/{*}value") for n, x in sorted(items.items()) if "q3" in n]
    assert answers == ["10,240 MB", "1 MB"]
    assert "128 MB to" in "".join(items["items/q3-b2.xml"].find(".//{*}itemBody").itertext())
    generic = export("qti", [cloze, *all_types()], title="T")
    assert generic.n_items == len(all_types()) + 1 and dict(generic.changes) == {"duplicate(s) merged": 0}


# -- Kahoot, Quizlet, CSV/JSON ------------------------------------------------------

def test_kahoot_opens_in_openpyxl_with_the_template_layout_and_limits(tmp_path: Path) -> None:
    long = replace(all_types()[3], question_id="q10", stem="x" * 121)
    too_many = replace(all_types()[3], question_id="q6", options=all_types()[3].options * 2)
    e = export("kahoot", [*all_types(), long, too_many])
    path = e.write(tmp_path / "k.xlsx")
    ws = load_workbook(path).worksheets[0]
    assert ws.cell(row=8, column=2).value == "Question - max 120 characters"
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=9, min_col=2, max_col=8)]
    assert len(rows) == 4                               # q4, q7, q9 and the 8-option question cut to 4
    assert rows[1][:3] == [f"S3 is object storage: {NASTY}", "True", "False"] and rows[1][6] == "1"
    assert rows[2][6] == "1,2"
    assert all(r[5] in (5, 10, 20, 30, 60, 90, 120, 240) for r in rows)
    assert len([r for r in rows[3][1:5] if r]) == 4
    reasons = {s.question_id: s.reason for s in e.skipped}
    assert "only multiple choice and true/false" in reasons["q1"]
    assert "121 characters" in reasons["q10"]


def test_quizlet_is_one_card_per_line_with_one_tab() -> None:
    lines = export("quizlet", all_types()).to_bytes().decode().split("\n")
    assert lines[-1] == "" and all(line.count("\t") == 1 for line in lines[:-1])
    assert "Memory ____ to 10,240 MB, in 1 MB steps #1 {x}.\t128 MB" in lines


def test_quizlet_and_gift_write_a_repeated_question_once_and_count_it() -> None:
    from pipeline.types import Option

    stem = "Lambda › Timeout is _____ at most"
    same_fact = [
        q("c1", "cloze", "x", "15 minutes", extra=(("cloze", "Lambda › Timeout is {{c1::15 minutes}} at most"),)),
        q("m1", "multichoice", stem + "\nWhich value fills the blank?", "15 minutes",
          options=(Option(0, "15 minutes", True), Option(1, "5 minutes", False))),
        q("n1", "numerical", stem + "\nType the value with its unit.", "15 minutes"),
        q("k1", "multi_cloze", "x", "", extra=(("cloze", "Lambda › Timeout is {{c1::15 minutes}} at most, "
                                                          "memory {{c2::10 GB}}"),)),
    ]
    quizlet = export("quizlet", same_fact)
    cards = quizlet.to_bytes().decode().splitlines()
    assert cards == ["Lambda › Timeout is ____ at most\t15 minutes",
                     "Lambda › Timeout is ____ at most, memory 10 GB\t15 minutes",
                     "Lambda › Timeout is 15 minutes at most, memory ____\t10 GB"]
    assert dict(quizlet.changes) == {"duplicate(s) merged": 2}
    twice = [same_fact[0], replace(same_fact[0], question_id="c2")]
    gift = export("gift", twice)
    assert gift.n_items == 1 and dict(gift.changes) == {"duplicate(s) merged": 1}


def test_json_and_csv_carry_every_field() -> None:
    doc = json.loads(export("json", all_types()).to_bytes())
    rec = {r["question_id"]: r for r in doc["questions"]}
    assert rec["q6"]["extra"]["formula"] == "{m} / 1024 * {t}"
    assert rec["q4"]["options"][1] == {"position": 1, "text": "56", "is_correct": True, "value": 56.0}
    assert rec["q1"]["band"] == "easy"
    rows = list(csv.DictReader(io.StringIO(export("csv", all_types()).to_bytes().decode())))
    assert len(rows) == len(all_types())
    assert json.loads(rows[3]["options"])[3]["text"] == "~64: b\\"
    assert rows[0]["stem"] == all_types()[0].stem


def _kahoot_rows(e: object, tmp_path: Path) -> list[tuple[object, ...]]:
    path = e.write(tmp_path / "k.xlsx")  # type: ignore[attr-defined]
    return list(load_workbook(path).active.iter_rows(min_row=9, values_only=True))


def test_kahoot_cuts_the_context_not_the_sentence_and_keeps_the_subject(tmp_path: Path) -> None:
    from pipeline.types import Option

    opts = tuple(Option(i, t, t == "3") for i, t in enumerate(["2", "3", "4", "6"]))
    long_stem = ("DynamoDB high availability and its many replicas in detail › Overview of the replication model › "
                 "Global tables › Replication happens across _____ AZ\nWhich value fills the blank?")
    tf = ("True or false? Amazon DynamoDB › Limits to know for every table and every index › A single item can hold at most "
          "400 KB of attributes, names included")
    e = export("kahoot", [q("q5", "multichoice", long_stem, "3", options=opts, subject="Amazon DynamoDB"),
                          q("q6", "truefalse", tf, "true", subject="Amazon DynamoDB")])
    assert not e.skipped and dict(e.changes) == {"shortened to fit (context cut)": 2}
    rows = _kahoot_rows(e, tmp_path)
    # the outer crumb gives way to the subject's name; the crumbs nearest the sentence stay as far as they fit
    assert rows[0][1] == ("Amazon DynamoDB › Overview of the replication model › Global tables › "
                          "Replication happens across _____ AZ")
    assert rows[1][1] == "Amazon DynamoDB › A single item can hold at most 400 KB of attributes, names included"
    assert all(len(r[1]) <= 120 for r in rows)


def test_kahoot_skips_what_cannot_fit_and_says_by_how_much() -> None:
    from pipeline.types import Option

    sentence = "A " + "very " * 30 + "long sentence with a _____"
    e = export("kahoot", [
        q("q1", "multichoice", f"Ctx › {sentence}", "x", options=(Option(0, "x", True), Option(1, "y", False))),
        q("q2", "multichoice", "Short?", "x", options=(Option(0, "x" * 80, True), Option(1, "y", False))),
    ])
    reasons = {s.question_id: s.reason for s in e.skipped}
    assert reasons["q1"] == (f"question has {len(sentence) + len('Lambda › ')} characters with its context cut to the "
                             "subject, Kahoot allows 120")
    assert reasons["q2"].startswith("an answer has 80 characters, Kahoot allows 75")


def test_stem_parts_prefers_the_generators_keys_and_otherwise_reads_the_stem_contract() -> None:
    from pipeline.exporters.base import StemParts, stem_parts

    def parts(stem: str, **extra: object) -> StemParts:
        return stem_parts(q("q1", "multichoice", stem, "x", extra=tuple(sorted(extra.items()))))

    assert parts("Lambda › Limits › Timeout is _____\nWhich value fills the blank?") == StemParts(
        "Lambda › Limits", "Timeout is _____", "Which value fills the blank?")
    assert parts("True or false? Lambda › Timeout is 900 s") == StemParts("Lambda", "Timeout is 900 s", "True or false?")
    assert parts("What does RCU stand for?") == StemParts("", "What does RCU stand for?", "")
    given = parts("anything › at all", context="Card › Part", body="X is _____", prompt="Type the number.")
    assert given == StemParts("Card › Part", "X is _____", "Type the number.")
    assert given.crumbs == ["Card", "Part"]
