"""A corpus of malformed, hostile and huge decks, each with what a user must be told.

Reusable: `CASES` lists every deck with the message fragment it must give;
`case.make(folder)` writes it (large ones are generated here, never committed).
A build-level test can loop over the same cases.

Outcomes:
- "refused": the reader raises `DeckError`; the message is `FILE<where> …<message>…`.
- "skipped": the deck is read, and one card is skipped with a `DeckIssue` `FILE<where> …<message>…`.
- "read":    the deck is read without issues; `text` is in its cards and `absent` is not.
"""
from __future__ import annotations

import codecs
import io
import json
import sqlite3
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import zstandard

from pipeline.anki_package import MAX_COLLECTION_BYTES
from pipeline.deck_cards import MAX_CARD_CHARS, MAX_LINE_CHARS

GOOD = "What is the max Lambda timeout?\nA:\n900 seconds\n"
MiB = 2**20
# Where the reader's tests let a package write: nothing may appear outside the folder.
ESCAPED = "qbank-escaped-media.txt"


@dataclass(frozen=True)
class Hostile:
    name: str
    filename: str
    content: Callable[[Path], bytes]       # given the folder the deck goes in
    outcome: Literal["refused", "skipped", "read"]
    where: str = ""                        # after the path: ":3:", ":note 1700000000002:", ":collection.anki2:", ":"
    message: str = ""                      # fragment of the one message a user sees
    text: str = ""                         # for "read": in the cards' text
    absent: str = ""                       # for "read": not in it

    def make(self, folder: Path) -> Path:
        path = folder / self.filename
        path.write_bytes(self.content(folder))
        return path


def _text(text: str, encoding: str = "utf-8") -> Callable[[Path], bytes]:
    return lambda _: text.encode(encoding)


def _raw(data: bytes) -> Callable[[Path], bytes]:
    return lambda _: data


# -- packages ----------------------------------------------------------------------

_NOTE_TYPES = {"1700000000000": {"name": "Basic", "type": 0, "flds": [{"name": "Front"}, {"name": "Back"}]},
               "1700000000001": {"name": "Cloze", "type": 1, "flds": [{"name": "Text"}, {"name": "Back Extra"}]}}


def collection(notes: Sequence[tuple[object, object]], *, models: object = None) -> bytes:
    """A schema-11 Anki collection (as `collection.anki2`) with `notes` as (fields, note type ID) rows;
    fields are joined with Anki's \\x1f, or given as bytes or None as they are."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "c.anki2"
        con = sqlite3.connect(path)
        con.executescript("""
            CREATE TABLE col (id INTEGER PRIMARY KEY, ver INTEGER, models TEXT, decks TEXT);
            CREATE TABLE notes (id INTEGER PRIMARY KEY, guid TEXT, mid INTEGER, mod INTEGER, usn INTEGER,
                                tags TEXT, flds TEXT, sfld TEXT, csum INTEGER, flags INTEGER, data TEXT);
            CREATE TABLE cards (id INTEGER PRIMARY KEY, nid INTEGER, did INTEGER, ord INTEGER, odid INTEGER);
        """)
        decks = {"1": {"name": "Default"}, "1700000000100": {"name": "AWS::Lambda"}}
        con.execute("INSERT INTO col VALUES (1, 11, ?, ?)",
                    [models if isinstance(models, str) else json.dumps(models or _NOTE_TYPES), json.dumps(decks)])
        for i, (fields, mid) in enumerate(notes):
            nid = 1700000000001 + i
            flds = "\x1f".join(fields) if isinstance(fields, (list, tuple)) else fields
            con.execute("INSERT INTO notes VALUES (?, ?, ?, 0, 0, ' aws ', ?, '', 0, 0, '')",
                        [nid, f"guid{i}", mid, flds])
            con.execute("INSERT INTO cards VALUES (?, ?, 1700000000100, 0, 0)", [nid, nid])
        con.commit()
        con.close()
        return path.read_bytes()


def package(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def _apkg(notes: Sequence[tuple[object, object]]) -> Callable[[Path], bytes]:
    return lambda _: package({"collection.anki2": collection(notes), "media": b"{}"})


BASIC, CLOZE = 1700000000000, 1700000000001
GOOD_NOTE = (["What is the max Lambda timeout?", "900 seconds"], BASIC)


def deflate_bomb(size: int) -> bytes:
    """A zip whose `collection.anki2` inflates to `size` zero bytes from about size/1000 bytes.

    The deflate stream repeats one fully flushed block (each block inflates to
    1 MiB of zeros without reference to the ones before), so making it costs no
    compression of `size` bytes; the sizes and CRC in the headers are true.
    """
    block = zlib.compressobj(9, zlib.DEFLATED, -15)
    one = block.compress(bytes(MiB)) + block.flush(zlib.Z_FULL_FLUSH)
    tail = block.flush(zlib.Z_FINISH)
    assert size % MiB == 0
    data = one * (size // MiB) + tail
    crc = 0
    zeros = bytes(MiB)
    for _ in range(size // MiB):
        crc = zlib.crc32(zeros, crc)
    name = b"collection.anki2"
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size, len(name), 0) + name
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(data), size, len(name),
                          0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    return local + data + central + end


def zstd_bomb(size: int) -> bytes:
    """A modern .colpkg whose `collection.anki21b` is `size` zero bytes, zstd-compressed to a few KB."""
    compressor = zstandard.ZstdCompressor(level=1).compressobj()
    zeros = bytes(MiB)
    packed = b"".join(compressor.compress(zeros) for _ in range(size // MiB)) + compressor.flush()
    return package({"collection.anki21b": packed, "collection.anki2": collection([GOOD_NOTE]), "meta": b"\x08\x03"},
                   compression=zipfile.ZIP_STORED)


def _truncated(_: Path) -> bytes:
    whole = package({"collection.anki2": collection([GOOD_NOTE] * 20), "media": b"{}"})
    return whole[: len(whole) // 2]


def _encrypted(_: Path) -> bytes:
    """A package whose collection is flagged encrypted (zipfile cannot write encryption; the flag is set by hand)."""
    data = bytearray(package({"collection.anki2": collection([GOOD_NOTE])}, compression=zipfile.ZIP_STORED))
    data[6] |= 1                                       # local header: general purpose flags
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 1                             # central directory: the same flags
    return bytes(data)


def _corrupt_zstd(_: Path) -> bytes:
    packed = zstandard.ZstdCompressor().compress(collection([GOOD_NOTE]))
    broken = packed[:12] + bytes(b ^ 0x5A for b in packed[12:200]) + packed[200:]
    return package({"collection.anki21b": broken, "meta": b"\x08\x03"}, compression=zipfile.ZIP_STORED)


def _other_schema() -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "other.db"
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE invoices (id INTEGER, total REAL)")
        con.execute("INSERT INTO invoices VALUES (1, 9.5)")
        con.commit()
        con.close()
        return path.read_bytes()


def _traversal(folder: Path) -> bytes:
    """Media names that climb out of any folder a careless reader would unpack into."""
    escape = "../" * (len(folder.parts) + 2) + str(folder.relative_to(folder.anchor) / ESCAPED)
    return package({"collection.anki2": collection([GOOD_NOTE]), "media": json.dumps({"0": escape}).encode(),
                    "0": b"owned", escape: b"owned"})


def _empty_cards(n: int) -> str:
    return "Question\nA:\n\n---\n" * n


# -- the corpus --------------------------------------------------------------------

FIVE_MB = 5 * MiB
CASES: tuple[Hostile, ...] = (
    # encodings and binary data
    Hostile("binary", "image.txt", _raw(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))), "refused",
            ":3:", "binary data (a NUL byte), not a text deck"),
    Hostile("utf16-le-no-bom", "utf16.txt", _text(GOOD, "utf-16-le"), "refused", ":1:",
            "looks like UTF-16 text without a byte-order mark; save the deck as UTF-8"),
    Hostile("utf16-be-no-bom", "utf16be.txt", _text(GOOD, "utf-16-be"), "refused", ":1:",
            "looks like UTF-16 text without a byte-order mark"),
    Hostile("utf16-with-bom", "utf16bom.tsv", lambda _: codecs.BOM_UTF16_LE + "S3 max object\t5 TB\n".encode("utf-16-le"),
            "read", text="5 TB"),
    Hostile("latin-1", "latin1.txt", _text("Caf\xe9 limits\nA:\nR\xe9sum\xe9: 5 GB\n", "latin-1"), "refused", ":1:",
            "not UTF-8 text (byte 0xe9); save the deck as UTF-8"),
    Hostile("windows-1252-quotes", "cp1252.txt", _text(GOOD + "---\nQ\nA:\n\u201cquoted\u201d\n", "cp1252"), "refused",
            ":7:", "not UTF-8 text (byte 0x93)"),
    Hostile("nul-bytes", "nul.txt", _text(GOOD + "---\nQ\x00\nA:\nx\n"), "refused", ":5:", "binary data (a NUL byte)"),
    Hostile("lone-cr-line-ends", "mac.txt", _text(GOOD.replace("\n", "\r") + "---\rQ2\rA:\r5 GB\r"), "read",
            text="5 GB"),
    Hostile("ansi-escapes", "ansi.txt", _text("Limit \x1b[31mred\x1b[0m\nA:\n5 GB\n"), "read", text="5 GB"),
    # size
    Hostile("5MB-single-line", "long-line.txt", _text(GOOD + "---\nQ\nA:\n" + "9 GB;" * (FIVE_MB // 5) + "\n"),
            "skipped", ":7:", f"line is {FIVE_MB:,} characters long, over the limit of {MAX_LINE_CHARS:,} characters per line"),
    Hostile("5MB-line-no-newline", "one-line.txt", _text("x" * FIVE_MB), "refused", ":1:",
            f"line is {FIVE_MB:,} characters long, over the limit of {MAX_LINE_CHARS:,}"),
    Hostile("10MB-single-card", "big-card.txt", _text(GOOD + "---\nQ\nA:\n" + ("- 5 GB of storage\n" * (10 * MiB // 18))),
            "skipped", ":5:", f"over the limit of {MAX_CARD_CHARS:,} characters per card; split it into several cards"),
    Hostile("100k-empty-cards", "empty-cards.txt", _text(_empty_cards(100_000)), "refused", ":2:",
            "no card could be read; 100,000 malformed card(s), the first:"),
    Hostile("separators-only", "dashes.txt", _text("---\n-----------\n\n---\n" * 1000), "refused", ":1:",
            "no cards in the deck; a card is a question line, a line 'A:' and answer lines"),
    Hostile("empty-file", "empty.txt", _raw(b""), "refused", ":1:", "empty deck"),
    Hostile("bom-and-blanks", "blank.txt", _raw(codecs.BOM_UTF8 + b"\n \n\t\n"), "refused", ":1:", "empty deck"),
    Hostile("title-only", "title-only.txt", _text(GOOD + "---\nJust a title\n"), "skipped", ":5:",
            "card has only a title"),
    Hostile("deeply-nested-bullets", "nested.txt", _text("Limits\nA:\n" + "- " * 3000 + "up to 5 GB per object\n"),
            "read", text="up to 5 GB"),
    Hostile("too-deeply-nested", "nested-deep.txt", _text(GOOD + "---\nLimits\nA:\n" + "- " * 6000 + "5 GB\n"),
            "skipped", ":7:", f"over the limit of {MAX_LINE_CHARS:,} characters per line"),
    Hostile("unbalanced-brackets", "brackets.txt", _text("Lambda (limits [[ {{\nA:\n- Timeout: 900 seconds )) ]\n"),
            "read", text="900 seconds"),
    # delimited text
    Hostile("html-script-in-fields", "script.txt",
            _text("#separator:tab\n#html:true\nS3 <b>max</b> object<script>alert(1)</script>\t5&nbsp;TB<style>b{}</style>\n"),
            "read", text="5 TB", absent="alert"),
    Hostile("field-only-script", "only-script.txt",
            _text("#separator:tab\n#html:true\nS3 max object\t5 TB\n<script>alert(1)</script>\tsecret\n"),
            "skipped", ":4:", "row has an empty front (question)"),
    Hostile("hostile-html-tags", "tags.txt", _text("#separator:tab\n#html:true\nLimits\t" + "<a" * 4000 + " 5 GB\n"),
            "read", text="5 GB"),
    Hostile("unclosed-html-comment", "comment.txt",
            _text("#separator:tab\n#html:true\nLimits\t5 GB <!-- never closed\nQ2\t7 days\n"), "read", text="5 GB"),
    Hostile("csv-without-header", "noheader.csv", _text("What is the max Lambda timeout?,900 seconds\n"), "refused",
            ":1:", "has no question/answer columns; start the file with a header naming one of question"),
    Hostile("csv-wrong-header", "wrong.csv", _text("foo,bar\n1,2\n"), "refused", ":1:",
            "CSV header ['foo', 'bar'] has no question/answer columns"),
    Hostile("csv-header-only", "header.csv", _text("question,answer\n"), "refused", ":1:", "no cards in the deck"),
    Hostile("csv-unclosed-quote", "quote.csv", _text('question,answer\nQ1,5 GB\n"Q2,7 days\nQ3,1 MB\n'), "refused",
            ":3:", "a quoted field starts here and never ends"),
    Hostile("ragged-tsv", "ragged.tsv", _text("S3 max object\t5 TB\nlonely front\nSQS retention\t14 days\textra\n"),
            "skipped", ":2:", "row has no back (answer)"),
    Hostile("5MB-tsv-field", "huge-field.tsv", _text('S3\t5 TB\nbig\t"' + "7 GB\n" * (FIVE_MB // 5) + '"\n'),
            "skipped", ":2:", f"over the limit of {MAX_CARD_CHARS:,} characters per card"),
    Hostile("bad-separator-header", "sep.txt", _text("#separator:foo\nQ\tA\n"), "refused", ":1:",
            "'#separator:foo' is not a separator; use one of tab, comma"),
    Hostile("bad-column-header", "col.txt", _text("#separator:tab\n#tags column:zero\nQ\tA\n"), "refused", ":2:",
            "'#tags column:zero' is not a column number"),
    # packages
    Hostile("zip-bomb-apkg", "bomb.apkg", lambda _: deflate_bomb(MAX_COLLECTION_BYTES + MiB), "refused",
            ":collection.anki2:", f"unpacks to {MAX_COLLECTION_BYTES + MiB:,} bytes, over the limit of "
            f"{MAX_COLLECTION_BYTES:,} bytes for a collection"),
    Hostile("zstd-bomb-colpkg", "bomb.colpkg", lambda _: zstd_bomb(MAX_COLLECTION_BYTES + MiB), "refused",
            ":collection.anki21b:", f"unpacks to more than {MAX_COLLECTION_BYTES:,} bytes, the limit for a collection"),
    Hostile("truncated-apkg", "truncated.apkg", _truncated, "refused", ":",
            "truncated or damaged zip archive (its table of contents is missing)"),
    Hostile("corrupt-zstd-colpkg", "corrupt.colpkg", _corrupt_zstd, "refused", ":collection.anki21b:",
            "damaged data"),
    Hostile("other-sqlite-schema", "invoices.apkg", lambda _: package({"collection.anki2": _other_schema()}),
            "refused", ":collection.anki2:", "not an Anki collection (no 'notes' table; tables: invoices)"),
    Hostile("bare-sqlite-as-apkg", "bare.apkg", lambda _: _other_schema(), "refused", ":",
            "an SQLite database, not an Anki package"),
    Hostile("text-as-apkg", "text.apkg", _text(GOOD), "refused", ":", "not a zip archive, so not an Anki package"),
    Hostile("zip-without-collection", "nocol.apkg", lambda _: package({"notes.txt": GOOD.encode()}), "refused", ":",
            "no Anki collection inside (found: notes.txt)"),
    Hostile("collection-not-a-database", "garbage.apkg", lambda _: package({"collection.anki2": b"\x01" * 5000}),
            "refused", ":collection.anki2:", "not a readable Anki collection (file is not a database)"),
    Hostile("encrypted-apkg", "encrypted.apkg", _encrypted, "refused", ":collection.anki2:", "encrypted"),
    Hostile("broken-note-types-json", "json.apkg",
            lambda _: package({"collection.anki2": collection([GOOD_NOTE], models="{not json")}), "refused",
            ":collection.anki2:", "not an Anki collection (col.models is not Anki's JSON"),
    Hostile("package-without-notes", "nonotes.apkg", lambda _: package({"collection.anki2": collection([])}),
            "refused", ":collection.anki2:", "the collection has no notes"),
    Hostile("media-path-traversal", "traversal.apkg", _traversal, "read", text="900 seconds"),
    Hostile("note-empty-front", "emptyfront.apkg", _apkg([GOOD_NOTE, (["", "5 GB"], BASIC)]), "skipped",
            ":note 1700000000002:", "note has an empty front (question)"),
    Hostile("note-only-image", "image.apkg", _apkg([GOOD_NOTE, (['<img src="lambda.png">', "5 GB"], BASIC)]),
            "skipped", ":note 1700000000002:", "note's front is only media (lambda.png); qbank reads text only"),
    Hostile("note-unclosed-cloze", "cloze.apkg", _apkg([GOOD_NOTE, (["Timeout {{c1::900 seconds", ""], CLOZE)]),
            "skipped", ":note 1700000000002:", "cloze deletion '{{c1::' is never closed; close it with '}}'"),
    Hostile("note-not-utf8", "latin1.apkg", _apkg([GOOD_NOTE, (b"Caf\xe9\x1f5 GB", BASIC)]), "skipped",
            ":note 1700000000002:", "note's fields are not UTF-8 text"),
    Hostile("note-5MB-field", "bignote.apkg", _apkg([GOOD_NOTE, (["Big", "8 GB " * (FIVE_MB // 5)], BASIC)]),
            "skipped", ":note 1700000000002:", f"over the limit of {MAX_CARD_CHARS:,} characters per card"),
    Hostile("image-occlusion-note", "occlusion.apkg",
            _apkg([GOOD_NOTE, (["{{c1::image-occlusion:rect:left=.1:top=.2}}", "<img src='a.png'>"], CLOZE)]),
            "skipped", ":note 1700000000002:", "image occlusion note"),
)
