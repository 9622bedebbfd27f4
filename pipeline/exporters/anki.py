"""Anki .apkg (genanki): a cloze note type and a basic/multiple-choice note type.

Every note's GUID is `genanki.guid_for(question_id)`: importing a regenerated
deck updates the notes (and keeps their review history) instead of adding
duplicates; reviews map back to questions through the same GUID. Model and
deck IDs derive from their names. The package is written with a fixed clock
and fixed zip entry dates, so the same questions give the same bytes.

Type mapping: cloze/term_cloze/multi_cloze → Cloze note ({{c1::…}}, one card
per group); multichoice and truefalse → MC note with the options on the
front; numerical, calculated (the stem's own instance), shortanswer → MC note
without options (a basic front/back card).
"""
from __future__ import annotations

import hashlib
import html
import itertools
import os
import re
import sqlite3
import tempfile
from collections.abc import Sequence

import genanki

from ..difficulty import band
from ..types import CLOZE_TYPES, Question
from .base import Blank, Export, Unmappable, choices, cloze_parts, map_questions, numeric_answer, plain_number, subject_of, tf_answer, zip_bytes

__all__ = ["to_anki", "stable_anki_id", "note_guid", "CLOZE_MODEL", "MC_MODEL", "note_tags"]

CSS = ".card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }\n" \
      ".cloze { font-weight: bold; color: blue; }\n.extra { font-size: 14px; color: #555; }\n" \
      "ol.choices { display: inline-block; text-align: left; }\n"


def stable_anki_id(name: str) -> int:
    """An Anki model/deck ID from a name: same name, same ID, in genanki's suggested range."""
    digest = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big")
    return (1 << 30) + digest % (1 << 30)


def note_guid(question_id: str) -> str:
    """The note GUID of a question: the key that maps Anki notes (and reviews) back to the bank."""
    return str(genanki.guid_for(question_id))


CLOZE_MODEL = genanki.Model(
    stable_anki_id("qbank cloze v1"), "qbank cloze",
    fields=[{"name": "Text"}, {"name": "Extra"}, {"name": "QuestionID"}],
    templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}",
                "afmt": "{{cloze:Text}}<br><div class=extra>{{Extra}}</div>"}],
    css=CSS, model_type=genanki.Model.CLOZE,
)
MC_MODEL = genanki.Model(
    stable_anki_id("qbank multiple choice v1"), "qbank multiple choice",
    fields=[{"name": "Question"}, {"name": "Choices"}, {"name": "Answer"}, {"name": "Extra"}, {"name": "QuestionID"}],
    templates=[{"name": "Card 1",
                "qfmt": "{{Question}}{{#Choices}}<br><ol class=choices type=A>{{Choices}}</ol>{{/Choices}}",
                "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}<br><div class=extra>{{Extra}}</div>"}],
    css=CSS,
)


def _h(text: str, *, strip: bool = True) -> str:
    """Plain text as an Anki field: HTML-escaped, line breaks kept, no accidental {{…}}."""
    s = "<br>".join(html.escape(line, quote=False) for line in (text.strip() if strip else text).split("\n"))
    return s.replace("{{", "{&#123;").replace("}}", "}&#125;")


def _cloze_answer(text: str) -> str:
    """A cloze deletion's answer: `::` would start a hint, so it is broken up."""
    return _h(text).replace("::", ":&#58;")


def _tag(text: str) -> str:
    return re.sub(r"\s+", "_", text.strip()) or "none"


def note_tags(q: Question) -> list[str]:
    """Hierarchical tags: deck, subject, type and difficulty band."""
    return [f"deck::{_tag(q.deck_id)}", f"subject::{_tag(subject_of(q))}", f"type::{q.type}",
            f"difficulty::{band(q.difficulty)}"]


def _extra(q: Question) -> str:
    where = " · ".join(x for x in (q.deck_id, q.subject) if x)
    return _h(f"{where} · card {q.card_index}, line {q.line}")


def _note(q: Question) -> list[tuple[str, tuple[str, genanki.Note]]]:
    guid, tags = note_guid(q.question_id), note_tags(q)
    if q.type in CLOZE_TYPES:
        parts = cloze_parts(q)
        text = "".join("{{c%d::%s%s}}" % (p.group, _cloze_answer(p.answer), f"::{_cloze_answer(p.hint)}" if p.hint else "")
                       if isinstance(p, Blank) else _h(p, strip=False) for p in parts)
        if not any(isinstance(p, Blank) and p.answer.strip() for p in parts):
            raise Unmappable("cloze with an empty blank would make a note without cards")
        note = genanki.Note(model=CLOZE_MODEL, fields=[text, _extra(q), q.question_id], tags=tags, guid=guid)
        return [("cloze", (q.deck_id, note))]
    if not q.stem.strip():
        raise Unmappable("empty stem")
    opts_html = ""
    if q.type == "multichoice":
        opts = choices(q)
        correct = [t for t, ok in opts if ok]
        if not correct:
            raise Unmappable("multiple choice without a correct option")
        opts_html = "".join(f"<li>{_h(t)}</li>" for t, _ in opts)
        answer, kind = "<br>".join(_h(t) for t in correct), "multiple choice"
    elif q.type == "truefalse":
        opts_html = "<li>True</li><li>False</li>"
        answer, kind = ("True" if tf_answer(q) else "False"), "multiple choice"
    elif q.type in ("numerical", "calculated"):
        num = numeric_answer(q)
        tol = f" (± {plain_number(num.tolerance)})" if num and num.tolerance else ""
        answer, kind = _h(q.answer) + tol, "basic"
    else:
        if not q.answer.strip():
            raise Unmappable("empty answer")
        answer, kind = _h(q.answer), "basic"
    note = genanki.Note(model=MC_MODEL, fields=[_h(q.stem), opts_html, answer, _extra(q), q.question_id],
                        tags=tags, guid=guid)
    return [(kind, (q.deck_id, note))]


def to_anki(questions: Sequence[Question], *, title: str = "qbank") -> Export:
    """One Anki deck per bank deck, under `title` (`title::deck`)."""
    notes, skipped, native = map_questions(questions, _note)
    deck_ids = list(dict.fromkeys(d for d, _ in notes))

    def render(timestamp: float) -> bytes:
        decks = []
        for deck_id in deck_ids:
            name = f"{title}::{deck_id}"
            deck = genanki.Deck(stable_anki_id(name), name)
            for d, note in notes:
                if d == deck_id:
                    deck.add_note(note)
            decks.append(deck)
        return _apkg(genanki.Package(decks), timestamp)

    return Export("anki", len(questions), len(notes), skipped, native, render)


def _apkg(package: genanki.Package, timestamp: float) -> bytes:
    """genanki's `write_to_file` without its clock: the sqlite file and zip entry dates are fixed."""
    fd, db = tempfile.mkstemp(suffix=".anki2")
    os.close(fd)
    try:
        conn = sqlite3.connect(db)
        try:
            package.write_to_db(conn.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
            conn.commit()
        finally:
            conn.close()
        with open(db, "rb") as f:
            data = f.read()
    finally:
        os.unlink(db)
    return zip_bytes([("collection.anki2", data), ("media", b"{}")], timestamp=timestamp)
