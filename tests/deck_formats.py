"""Write a deck's cards in every format qbank reads, for tests that compare formats.

Delimited formats are written with the `csv` module; Anki's formats with Anki
itself (the `anki` package): notes added to a fresh collection, then Anki's
own plain-text, `.apkg` and `.colpkg` exporters, legacy and modern.
"""
from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence
from pathlib import Path

from pipeline.types import Card

# name -> file suffix; the Anki ones need the `anki` package.
PLAIN_FORMATS = {"text": ".txt", "tsv": ".tsv", "csv": ".csv"}
ANKI_FORMATS = {"anki-text": ".txt", "apkg-legacy": ".apkg", "apkg": ".apkg", "colpkg-legacy": ".colpkg",
                "colpkg": ".colpkg"}

Shape = tuple[list[str], list[str]]   # (title lines, answer lines) as text


def shapes(cards: Sequence[Card]) -> list[Shape]:
    return [([line.text for line in c.title_lines], [line.text for line in c.answer_lines]) for c in cards]


def to_text(cards: Sequence[Shape]) -> str:
    return "\n---\n".join("\n".join(titles) + "\nA:\n" + "\n".join(answers) for titles, answers in cards) + "\n"


def to_delimited(cards: Sequence[Shape], *, delimiter: str, header: Sequence[str] = ()) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    if header:
        writer.writerow(header)
    writer.writerows(["\n".join(titles), "\n".join(answers)] for titles, answers in cards)
    return out.getvalue()


def write_plain(cards: Sequence[Shape], fmt: str, path: Path) -> Path:
    text = {"text": lambda: to_text(cards), "tsv": lambda: to_delimited(cards, delimiter="\t"),
            "csv": lambda: to_delimited(cards, delimiter=",", header=("question", "answer"))}[fmt]()
    path.write_text(text, encoding="utf-8")
    return path


def write_anki(cards: Sequence[Shape], folder: Path, stem: str, *, tags: Sequence[str] = ("aws",)) -> dict[str, Path]:
    """Every Anki format of the cards, each as Anki exports it: {format name: path}."""
    from anki.collection import Collection, ExportAnkiPackageOptions

    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: folder / name / f"{stem}{suffix}" for name, suffix in ANKI_FORMATS.items()}
    for p in paths.values():
        p.parent.mkdir(exist_ok=True)
    col = Collection(str(folder / f"{stem}.anki2"))
    try:
        basic = col.models.by_name("Basic")
        deck_id = col.decks.id(f"qbank::{stem}")
        for titles, answers in cards:
            note = col.new_note(basic)
            note["Front"] = "<br>".join(html.escape(t, quote=False) for t in titles)
            note["Back"] = "<br>".join(html.escape(a, quote=False) for a in answers)
            note.tags = list(tags)
            col.add_note(note, deck_id)
        col.export_note_csv(out_path=str(paths["anki-text"]), limit=None, with_html=True, with_tags=True,
                            with_deck=True, with_notetype=True, with_guid=True)
        for legacy in (True, False):
            options = ExportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False, with_media=True,
                                               legacy=legacy)
            col.export_anki_package(out_path=str(paths["apkg-legacy" if legacy else "apkg"]), options=options,
                                    limit=None)
        col.export_collection_package(str(paths["colpkg-legacy"]), include_media=True, legacy=True)
    finally:
        col.close()
    col = Collection(str(folder / f"{stem}.anki2"))   # exporting a .colpkg closes the collection
    try:
        col.export_collection_package(str(paths["colpkg"]), include_media=True, legacy=False)
    finally:
        col.close()
    return paths
