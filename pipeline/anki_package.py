"""Anki packages (`.apkg` decks, `.colpkg` collections), read with the standard library and zstandard.

A package is a zip archive holding the collection, an SQLite database:
`collection.anki21b` (zstd-compressed, schema 18: the default since Anki
2.1.50), `collection.anki21` or `collection.anki2` (schema 11). A modern
package also holds a stub `collection.anki2` whose one note asks to update
Anki, so the newest member present is read. Schema 18 keeps note types and
decks in tables (`notetypes`, `decks`, names nested with `\\x1f`); schema 11
keeps them as JSON in `col.models` and `col.decks`. A note's fields are HTML,
joined by `\\x1f`.

Media files and the `media` map are not read: qbank reads text, so a
package's file names (which may hold `../`) never reach the disk. The
collection is unpacked to a temporary file with a cap on its size, so a zip
or zstd bomb is refused after at most `MAX_COLLECTION_BYTES`.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import sqlite3
import tempfile
import zipfile
import zlib
from pathlib import Path
from typing import IO, Any, Final

import zstandard

from .deck_cards import CardMaker
from .errors import DeckError
from .note_fields import NoteProblem, field_text, note_card, raw_too_long
from .types import Card, DeckIssue, Line, Origin

__all__ = ["MEMBERS", "MAX_COLLECTION_BYTES", "read_package", "unpack_collection"]

MEMBERS: Final = ("collection.anki21b", "collection.anki21", "collection.anki2")
MAX_COLLECTION_BYTES: Final = 2**30
_CHUNK: Final = 2**20
_SQLITE_MAGIC: Final = b"SQLite format 3\x00"
# What a damaged archive or stream raises from zipfile and its decompressors.
_ARCHIVE_ERRORS: Final = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, zstandard.ZstdError, OSError,
                          EOFError, ValueError, NotImplementedError, RuntimeError)
# A damaged database raises sqlite3.Error, or UnicodeDecodeError when its error message is not UTF-8.
_DB_ERRORS: Final = (sqlite3.Error, UnicodeDecodeError)


def read_package(path: Path, *, deck_id: str) -> tuple[list[Card], list[DeckIssue], str]:
    """A package's notes as cards, the notes it had to skip, and a digest of its notes' content.

    The digest covers what the cards are made of, not the archive's bytes, which
    change with every export (timestamps) even when no note did.

    Raises:
        DeckError: not a zip archive, truncated, no collection inside, a collection over
            `MAX_COLLECTION_BYTES`, corrupt compressed data, or not an Anki collection.
    """
    with tempfile.TemporaryDirectory(prefix="qbank-package-") as tmp:
        db, member = unpack_collection(path, Path(tmp))
        return _read_collection(db, f"{path}:{member}", str(path), deck_id)


def unpack_collection(path: Path, into: Path) -> tuple[Path, str]:
    """Write the package's collection, decompressed, to a file in `into`; return it and the member's name.

    Raises:
        DeckError: as `read_package`.
    """
    try:
        archive = zipfile.ZipFile(path)
    except _ARCHIVE_ERRORS as e:
        raise DeckError(f"{path}: {_not_a_zip(path)}") from e
    with archive:
        names = archive.namelist()
        member = next((m for m in MEMBERS if m in names), None)
        if member is None:
            # (a member's name is the archive's to choose: shown escaped, the message stays one line)
            found = ", ".join(name.encode("unicode_escape").decode("ascii") for name in sorted(names)[:10]) or "nothing"
            raise DeckError(f"{path}: no Anki collection inside (found: {found}); "
                            "export the deck from Anki again as .apkg")
        where = f"{path}:{member}"
        info = archive.getinfo(member)
        if info.flag_bits & 0x1:
            raise DeckError(f"{where}: encrypted; qbank reads packages as Anki writes them, unencrypted")
        if info.file_size > MAX_COLLECTION_BYTES and not member.endswith("b"):
            raise DeckError(_too_big(where, info.file_size))
        out = into / "collection.db"
        try:
            with archive.open(info) as packed, out.open("wb") as sink:
                if member.endswith("b"):
                    reader = zstandard.ZstdDecompressor().stream_reader(packed, read_across_frames=True)
                    _copy(reader, sink, where)
                else:
                    _copy(packed, sink, where)
        except DeckError:
            raise
        except _ARCHIVE_ERRORS as e:
            raise DeckError(f"{where}: damaged data ({e}); export the deck from Anki again") from e
    return out, member


def _not_a_zip(path: Path) -> str:
    with path.open("rb") as f:
        head = f.read(16)
    if head.startswith(_SQLITE_MAGIC):
        return ("an SQLite database, not an Anki package; if it is an Anki collection, "
                "export the deck from Anki as .apkg")
    if head.startswith(b"PK"):
        return "truncated or damaged zip archive (its table of contents is missing); export or download it again"
    return "not a zip archive, so not an Anki package (.apkg, .colpkg); export the deck from Anki as .apkg"


def _too_big(where: str, size: int | None = None) -> str:
    said = (f"unpacks to {size:,} bytes, over the limit of {MAX_COLLECTION_BYTES:,} bytes" if size is not None
            else f"unpacks to more than {MAX_COLLECTION_BYTES:,} bytes, the limit")
    return f"{where}: {said} for a collection (a zip bomb, or a collection too large to read)"


def _copy(source: IO[bytes], sink: IO[bytes], where: str) -> None:
    total = 0
    while chunk := source.read(_CHUNK):
        total += len(chunk)
        if total > MAX_COLLECTION_BYTES:
            raise DeckError(_too_big(where))
        sink.write(chunk)


# -- the collection --------------------------------------------------------------

def _read_collection(db: Path, where: str, path: str, deck_id: str) -> tuple[list[Card], list[DeckIssue], str]:
    try:
        con = sqlite3.connect(f"{db.as_uri()}?mode=ro&immutable=1", uri=True)
    except _DB_ERRORS as e:
        raise DeckError(f"{where}: cannot be opened as a database ({e})") from e
    con.text_factory = bytes
    try:
        tables = {_text(name) for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "notes" not in tables:
            listing = ", ".join(sorted(t for t in tables if t)[:10]) or "none"
            raise DeckError(f"{where}: not an Anki collection (no 'notes' table; tables: {listing})")
        note_types, decks = _names(con, tables, where)
        deck_of: dict[Any, Any] = {}
        if "cards" in tables:
            deck_of = {nid: did for nid, did, _ in con.execute(
                "SELECT nid, CASE WHEN odid THEN odid ELSE did END, MIN(ord) FROM cards GROUP BY nid")}
        digest = hashlib.sha256()
        maker = CardMaker(deck_id)
        cards: list[Card] = []
        issues: list[DeckIssue] = []
        rows = con.execute("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id")
        for index, (nid, guid, mid, tags, flds) in enumerate(rows):
            if not isinstance(nid, int):
                raise DeckError(f"{where}: note ID {nid!r} is not a number; not an Anki collection")
            deck = decks.get(deck_of.get(nid))
            origin = Origin(note_id=nid, guid=_text(guid), note_type=note_types.get(mid), deck=deck,
                            tags=tuple((_text(tags) or "").split()))
            digest.update(repr((nid, origin, flds)).encode("utf-8"))
            made = _note(maker, index, flds, origin)
            if isinstance(made, NoteProblem):
                issues.append(DeckIssue(path, made.line or 0, made.reason, note=nid))
            else:
                cards.append(made)
    except _DB_ERRORS as e:
        raise DeckError(f"{where}: not a readable Anki collection ({e})") from e
    finally:
        con.close()
    if not cards and not issues:
        raise DeckError(f"{where}: the collection has no notes; export a deck that holds cards")
    return cards, issues, digest.hexdigest()


def _note(maker: CardMaker, index: int, flds: object, origin: Origin) -> Card | NoteProblem:
    """A note's card: its fields' lines, numbered within the note (a package has no file lines)."""
    if flds is None:
        return NoteProblem("note has no fields")
    text = _text(flds)
    if text is None:
        return NoteProblem("note's fields are not UTF-8 text")
    raw = text.split("\x1f")
    too_long = raw_too_long(raw)
    if too_long:
        return NoteProblem(too_long)
    texts = [field_text(value, is_html=True) for value in raw]
    numbers = itertools.count(1)
    fields = [[Line(next(numbers), line) for _, line in ft.lines if line.strip()] for ft in texts]
    return note_card(maker, index, fields, [ft.media for ft in texts], origin, what="note")


def _names(con: sqlite3.Connection, tables: set[str | None], where: str) -> tuple[dict[Any, str], dict[Any, str]]:
    """Note type names and deck names by ID (schema 18 tables, else schema 11's JSON in `col`)."""
    if "notetypes" in tables and "decks" in tables:
        note_types = {i: _text(n) or "" for i, n in con.execute("SELECT id, name FROM notetypes")}
        decks = {i: (_text(n) or "").replace("\x1f", "::") for i, n in con.execute("SELECT id, name FROM decks")}
        return note_types, decks
    if "col" not in tables:
        return {}, {}
    row = con.execute("SELECT models, decks FROM col").fetchone()
    if row is None:
        return {}, {}
    return _json_names(row[0], where, "col.models"), _json_names(row[1], where, "col.decks")


def _json_names(blob: object, where: str, column: str) -> dict[Any, str]:
    try:
        entries = json.loads(_text(blob) or "{}")
        return {int(key): str(value["name"]) for key, value in entries.items()}
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as e:
        raise DeckError(f"{where}: not an Anki collection ({column} is not Anki's JSON: {e})") from e


def _text(value: object) -> str | None:
    """A column as text: SQLite keeps any type in any column, and text may not be valid UTF-8."""
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return None
    return None if value is None else str(value)
