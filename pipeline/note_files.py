"""Notes kept as a data file rather than written as notes: a YAML list of cards, a Jupyter notebook's JSON,
flashcards exported as XML or kept as JSON Lines, an Evernote export, a Moodle XML question bank, an Obsidian
Canvas, a TOML file of tables, an Anki deck exported by CrowdAnki (its `deck.json`), Google Keep notes from a
Takeout export, a Roam Research graph exported as JSON, an outliner's OPML export.

Each reader turns the file into the (number, line)s of plain notes, with a `BREAK` where a card begins
(`yaml_lines` gives titles after blank lines instead, for `note_sections.note_breaks`), so that every line
keeps its place in the file and the markup of the notes inside is read card by card as usual.
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Final

from .cloze import ClozeError, has_cloze, reveal_cloze
from .note_fields import field_text
from .note_sections import BREAK, CODE_COMMENT

__all__ = ["crowdanki_breaks", "data_file_reader", "is_crowdanki", "is_keep", "is_roam", "roam_breaks", "is_opml", "opml_breaks", "is_yaml_cards", "keep_breaks", "yaml_lines", "is_ipynb", "ipynb_breaks", "is_canvas", "canvas_breaks", "is_xml_cards", "xml_breaks", "is_moodle",
           "moodle_breaks", "is_json_lines", "json_lines_breaks", "is_toml", "toml_breaks"]


# A deck kept as a YAML list of cards: "cards:", "  - topic: "Item size limit"", "    notes: |" and its block
_YAML_ITEM: Final = re.compile(r"^(\s*)-\s+([A-Za-z_][\w-]{0,30})\s*:\s*(.*)$")
_YAML_KEY: Final = re.compile(r"^(\s*)([A-Za-z_][\w-]{0,30})\s*:(?:\s+(.*))?$")
_YAML_BLOCK: Final = re.compile(r"^[|>][+-]?\d?$")
_YAML_TITLES: Final = frozenset({"topic", "title", "name", "question", "front", "term", "q", "heading", "subject", "card"})
_YAML_NOTES: Final = frozenset({"notes", "note", "answer", "back", "a", "text", "body", "description", "content"})
_YAML_META: Final = frozenset({"tags", "tag", "source", "sources", "id", "created", "updated", "due", "deck", "labels",
                               "ref", "refs", "url", "urls", "links", "reviewed", "box", "ease", "interval"})


def is_yaml_cards(sample: Sequence[str]) -> bool:
    """Whether notes are a YAML list of cards: two items or more, at one indentation, opened by a title's key."""
    items = [m.group(1) for text in sample if (m := _YAML_ITEM.match(text)) and m.group(2).lower() in _YAML_TITLES]
    return len(items) >= 2 and len(set(items)) == 1


def yaml_lines(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """A YAML list of cards as plain notes: an item's title ("- topic: "Item size limit"") a title after a blank line,
    its notes ("notes: |" and the block under it) its lines, another key's value a labelled line ("gotcha: …", an
    "example:" block under an "Example:" heading); tags, sources, a record given as an example, top-level keys
    ("cards:"), comments and blank lines nothing (an item is a card by itself)."""
    block: int | None = None        # the indentation of the block's key (None: outside a block)
    shift = 0                       # the block's own indentation, taken off its lines
    for number, text in lines:
        indent = len(text) - len(text.lstrip())
        if block is not None and (not text.strip() or indent > block):
            if text.strip():
                shift = shift or indent
                yield number, text[min(shift, indent):]
            continue
        block, shift = None, 0
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        item = _YAML_ITEM.match(text)
        if item is not None and item.group(2).lower() in _YAML_TITLES:
            yield number, ""
            yield number, _unquoted(item.group(3))
            continue
        key = _YAML_KEY.match(text[2:] if item is not None else text)
        if key is None:
            yield number, text.strip()
            continue
        name, value = key.group(2), (key.group(3) or "").strip()
        example = name.lower() in ("example", "examples", "eg")
        if _YAML_BLOCK.match(value):
            block = indent
            if example:
                yield number, "Example:"        # (its lines are an example's: `quality._EXAMPLE_HEAD`)
        elif name.lower() in _YAML_META or (indent == 0 and not value) or (example and value[:1] in "{["):
            continue                            # (an example written as code: a record, no note)
        elif value:
            yield number, _unquoted(value) if name.lower() in _YAML_NOTES else f"{name}: {_unquoted(value)}"


def _unquoted(value: str) -> str:
    """A YAML scalar as written, without the quotes around it."""
    value = value.strip()
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'" else value


# A Jupyter notebook saved as its JSON: "cells", each with its "cell_type" and its "source" lines (one JSON string a line)
_IPYNB_CELLS: Final = re.compile(r'^\s*"cells"\s*:\s*\[')
_IPYNB_TYPE: Final = re.compile(r'^\s*"cell_type"\s*:\s*"(\w+)"')
_IPYNB_SOURCE: Final = re.compile(r'^\s*"source"\s*:\s*(\[|"(?:[^"\\]|\\.)*")\s*,?\s*$')


def is_ipynb(sample: Sequence[str]) -> bool:
    """Whether notes are a Jupyter notebook's JSON (an .ipynb file saved under another name)."""
    return bool(sample) and sample[0].strip() == "{" and any(_IPYNB_CELLS.match(text) for text in sample[1:4])


def ipynb_breaks(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str] | None]:
    """A notebook's JSON read as its cells, a card each: a markdown cell's source its lines (JSON strings decoded), a
    code cell's comments its notes; outputs, metadata and the JSON around them nothing."""
    kind, typed, source = "markdown", False, False
    cell: list[tuple[int, str]] = []        # the lines of the cell being read
    for number, text in chain(lines, [(0, '"cell_type": "end"')]):
        if source:
            if re.match(r"^\s*\]", text):
                source = typed = False
            else:
                cell += _cell_lines(number, text.strip().rstrip(","), kind, not cell)
            continue
        opens = _IPYNB_TYPE.match(text)
        listed = _IPYNB_SOURCE.match(text) if opens is None else None
        if opens is not None or (listed is not None and not typed):
            if len(cell) >= 2 or (cell and kind != "code"):     # (a code cell of one comment is no card)
                yield BREAK
                yield from cell
            cell, kind, typed = [], opens.group(1) if opens else kind, opens is not None
        if listed is not None:
            if listed.group(1) == "[":
                source = True
            else:
                cell += _cell_lines(number, listed.group(1), kind, not cell)
                typed = False


_LEAD_IN: Final = re.compile(r"^\*\*([^*]{1,60}?):?\*\*:?\s+(?=\S)")     # "**Capacity modes:** Provisioned = …"


def _cell_lines(number: int, literal: str, kind: str, first: bool) -> list[tuple[int, str]]:
    """The lines of one JSON string of a cell's source (a code cell's: its comments, as list items); a cell that
    opens on a bold lead-in ("**Capacity modes:** …") is titled by it."""
    try:
        value = json.loads(literal)
    except ValueError:
        return []
    out: list[tuple[int, str]] = []
    for text in str(value).removesuffix("\n").split("\n"):
        if kind == "code":
            if (comment := CODE_COMMENT.search(text)) is not None:
                out.append((number, f"- {comment.group(1)}"))
            continue
        if first and (lead := _LEAD_IN.match(text)) is not None:
            out.append((number, lead.group(1)))
            text = text[lead.end():]
        first = False
        out.append((number, text))
    return out


# Flashcards exported as XML: "<card …>" elements with "<front>" and "<back>" (or question/answer, term/definition)
_XML_CARD: Final = re.compile(r"<(?:card|note|flashcard|item|entry)\b[^>]*>", re.IGNORECASE)
_XML_SIDE: Final = re.compile(r"<(/?)(front|question|term|prompt|title|back|answer|definition|response|content)\b[^>]*>",
                              re.IGNORECASE)
_XML_FRONTS: Final = frozenset({"front", "question", "term", "prompt", "title"})
# markup kept in a CDATA section (Evernote's "<content><![CDATA[<?xml …?><!DOCTYPE en-note …><en-note><div>…"): its
# declarations and wrapper go, its HTML is the notes' (read as pasted HTML is)
_MARKUP_WRAPPER: Final = re.compile(r"<!\[CDATA\[(?=\s*<)|\]\]>|<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|</?en-note\b[^>]*>", re.IGNORECASE)
_XML_COMMENT: Final = re.compile(r"<!--.*?-->")
_CDATA: Final = re.compile(r"<!\[CDATA\[(.*?)\]\]>")


def is_xml_cards(sample: Sequence[str]) -> bool:
    """Whether notes are flashcards exported as XML: two card elements or more, with a front or question in them."""
    return (sum(1 for text in sample if _XML_CARD.search(text)) >= 2
            and any((side := _XML_SIDE.search(text)) is not None and side.group(2).lower() in _XML_FRONTS for text in sample))


def xml_breaks(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str] | None]:
    """XML flashcards read as cards: a card element a card, its front its title, its back its notes (after "A:"),
    entities and CDATA their text; the XML around them, comments and other elements ("<stats …/>") nothing."""
    side = ""                   # the side being read ("" outside both)
    cdata = False               # inside a CDATA section of several lines: a listing (a fence)
    markup = False              # inside a CDATA section of HTML (the notes themselves)
    for number, text in lines:
        if not cdata and re.search(r"<!\[CDATA\[\s*<", text):
            text = _MARKUP_WRAPPER.sub("", text)
            markup = "]]>" not in text
        elif markup:
            markup = "]]>" not in text
            text = _MARKUP_WRAPPER.sub("", text)
        if cdata or "<![CDATA[" in text and "]]>" not in text:
            opened, cdata = not cdata, "]]>" not in text
            before, _, rest = text.partition("<![CDATA[") if opened else ("", "", text)
            if opened:
                yield number, "```"
            listing = rest.partition("]]>")[0] if not cdata else rest
            if listing.strip():
                yield number, listing
            if not cdata:
                yield number, "```"
            continue
        text = _CDATA.sub(lambda m: html.escape(m.group(1), quote=False), _XML_COMMENT.sub("", text))
        if not side and _XML_CARD.search(text):
            yield BREAK
        parts = _XML_SIDE.split(text)        # text, then ("/" or "", tag, text) for each tag
        kept = parts[0] if side else ""
        for closing, tag, after in zip(parts[1::3], parts[2::3], parts[3::3]):
            if closing:
                side = ""
            else:
                side = "front" if tag.lower() in _XML_FRONTS else "back"
                if side == "back":
                    if kept.strip():        # the front's text on the back's line: "<front>X</front><back>Y"
                        yield number, html.unescape(kept).strip()
                    kept = ""
                    yield number, "A:"
            if side:
                kept += after
        if kept.strip():
            yield number, html.unescape(kept).strip()


# An Obsidian Canvas (".canvas" JSON): "nodes", a text node's "text" a card's Markdown (groups, links, edges no notes)
_CANVAS_NODES: Final = re.compile(r'^\s*\{?\s*"nodes"\s*:\s*\[')
_CANVAS_TEXT: Final = re.compile(r'"text"\s*:\s*("(?:[^"\\]|\\.)*")')


def is_canvas(sample: Sequence[str]) -> bool:
    """Whether notes are an Obsidian Canvas: its JSON's "nodes" in its first lines, and text nodes."""
    return any(_CANVAS_NODES.match(text) for text in sample[:3]) and any('"text"' in text for text in sample)


def canvas_breaks(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str] | None]:
    """A canvas read as cards: a text node a card, its Markdown its lines."""
    for number, text in lines:
        if (node := _CANVAS_TEXT.search(text)) is None:
            continue
        try:
            markdown = str(json.loads(node.group(1)))
        except ValueError:
            continue
        yield BREAK
        for line in markdown.split("\n"):
            yield number, line


# A question bank exported as Moodle XML: "<question type="multichoice">" with its "<questiontext>", "<answer
# fraction="100">" and "<generalfeedback>" (the teacher's explanation), each element's text in "<text>…</text>"
_MOODLE_QUESTION: Final = re.compile(r'<question\s+type="(\w+)"')
_MOODLE_PART: Final = re.compile(r'<(questiontext|generalfeedback|answer)\b([^>]*)>')
_MOODLE_TEXT: Final = re.compile(r"<text>(.*?)</text>", re.DOTALL)
_MOODLE_RIGHT: Final = re.compile(r'fraction="(?:100|[1-9]\d?(?:\.\d+)?)"')


def is_moodle(sample: Sequence[str]) -> bool:
    """Whether notes are a Moodle XML question bank: a "<quiz>" of two questions or more."""
    return any("<quiz" in text for text in sample[:5]) and sum(1 for text in sample if _MOODLE_QUESTION.search(text)) >= 2


def moodle_breaks(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str] | None]:
    """A Moodle question bank read as cards: a question a card, its text the title, its right answers ("fraction=100")
    its answer and the teacher's general feedback its notes; wrong answers, their feedback, categories and settings
    nothing."""
    part, kept = "", ""             # the part being read (its text may run over lines) and its text so far
    card: dict[str, list[tuple[int, str]]] = {}
    for number, text in chain(lines, [(0, '<question type="end">')]):
        if (question := _MOODLE_QUESTION.search(text)) is not None:
            if card.get("questiontext"):
                yield from _moodle_card(card)
            card, part = {}, "category" if question.group(1) == "category" else ""
        if part == "category":
            continue
        for found in _MOODLE_PART.finditer(text):
            kind, attributes = found.group(1), found.group(2)
            part = kind if kind != "answer" or _MOODLE_RIGHT.search(attributes) else "wrong"
            kept = ""
        if part in ("", "wrong"):
            continue
        kept += text
        if "</text>" not in kept:
            continue
        body = _MOODLE_TEXT.search(kept)
        shown = html.unescape(_CDATA.sub(lambda m: m.group(1), body.group(1))).strip() if body else ""
        if shown:
            card.setdefault(part, []).append((number, shown))
        part, kept = "", ""


def _moodle_card(card: dict[str, list[tuple[int, str]]]) -> Iterator[tuple[int, str] | None]:
    """One question's card: its text, "A:" with its right answers, then the general feedback."""
    yield BREAK
    for number, text in card["questiontext"]:
        yield number, re.sub(r"</?p>", " ", text).strip()
    answers = card.get("answer", [])
    first = answers[0][0] if answers else card["questiontext"][-1][0]
    yield first, "A: " + "; ".join(text for _, text in answers)
    yield from card.get("generalfeedback", [])


# Flashcards kept as JSON Lines: one object a line, {"front": "…", "back": "…\n- …", "tags": […], …}
_JSON_FRONTS: Final = ("front", "question", "q", "term", "title", "topic", "name", "prompt")
_JSON_BACKS: Final = ("back", "answer", "a", "definition", "notes", "note", "text", "body", "explanation", "extra")
_JSON_LINE: Final = re.compile(r"^\s*\{.*\}\s*,?\s*$")


def is_json_lines(sample: Sequence[str]) -> bool:
    """Whether notes are flashcards kept as JSON Lines: their first lines are objects with a front or question."""
    lines = [text for text in sample if text.strip()][:5]
    return len(lines) >= 2 and all(_JSON_LINE.match(text) and any(f'"{key}"' in text for key in _JSON_FRONTS)
                                   for text in lines)


def json_lines_breaks(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str] | None]:
    """JSON Lines flashcards read as cards: an object a card, its front its title, "A:" and its back's lines (then an
    "extra" or "notes" field's), a mnemonic a labelled line; ids, tags, dates, sources and wrong answers nothing. A
    line that is no object is kept as it is (it is reported or read as notes)."""
    for number, text in lines:
        try:
            item = json.loads(text.strip().rstrip(","))
        except ValueError:
            item = None
        if not isinstance(item, dict):
            if text.strip():
                yield number, text
            continue
        front = next((str(item[k]) for k in _JSON_FRONTS if item.get(k)), "")
        backs = [str(item[k]) for k in _JSON_BACKS if item.get(k) and isinstance(item[k], (str, int, float))]
        if not front or not backs:
            continue
        yield BREAK
        yield number, " ".join(front.split())
        yield number, "A:"
        for back in backs:
            for part in back.split("\n"):
                yield number, part
        if isinstance(item.get("mnemonic"), str):
            yield number, f"Mnemonic: {item['mnemonic']}"


# Notes kept as a TOML file: "[cluster.scale]" tables (and "[[gotchas]]" arrays of them) of "max_nodes = 15_000  # …"
_TOML_TABLE: Final = re.compile(r'^\s*\[\[?\s*([\w.\-" ]+?)\s*\]\]?\s*(?:#.*)?$')
_TOML_KEY: Final = re.compile(r'^\s*([\w\-"]+(?:\.[\w\-"]+)*)\s*=\s*(.*)$')
_TOML_COMMENTED_KEY: Final = re.compile(r"^\s*#\s*[\w\-]+\s*=\s*\S")
_TOML_MULTILINE: Final = re.compile(r'^("""|\'\'\')(.*)$')


def is_toml(sample: Sequence[str]) -> bool:
    """Whether notes are a TOML file: three tables or more, and keys set in them."""
    return (sum(1 for text in sample if _TOML_TABLE.match(text)) >= 3
            and sum(1 for text in sample if _TOML_KEY.match(text)) >= 5)


def toml_breaks(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str] | None]:
    """A TOML file read as notes, a table a card: "[cluster.scale]" the title "cluster scale", "max_nodes = 15_000  #
    the big one" the line "max nodes: 15,000; the big one", a multi-line string its lines, a "# …" comment a note; a
    commented-out key (an old value kept), and the keys above the first table (the file's own settings) nothing."""
    started = False
    quote = ""                      # the delimiter of the multi-line string being read
    title: tuple[int, str] | None = None     # the table's name, until its first key may name it better
    for number, text in lines:
        if quote:
            body, closed, _ = text.partition(quote)
            if body.strip():
                yield number, body.strip()
            quote = "" if closed else quote
            continue
        if (table := _TOML_TABLE.match(text)) is not None:
            started = True
            yield BREAK
            title = number, table.group(1).replace('"', "").replace(".", " ").replace("_", " ")
            continue
        if not started or not text.strip() or _TOML_COMMENTED_KEY.match(text):
            continue
        key = _TOML_KEY.match(text)
        if title is not None:           # an array of tables' item may be titled by its "title" or "name" key
            named = key is not None and key.group(1).lower() in ("title", "name", "topic")
            yield (number, _toml_value(key.group(2))[0]) if named and key else title
            title = None
            if named:
                continue
        if text.lstrip().startswith("#"):
            yield number, text.lstrip().lstrip("#").strip()
            continue
        if key is None:
            yield number, text.strip()
            continue
        value, comment = _toml_value(key.group(2))
        if (many := _TOML_MULTILINE.match(value)) is not None:
            body, closed, _ = many.group(2).partition(many.group(1))
            quote = "" if closed else many.group(1)
            value = body.strip()
        words = key.group(1).replace('"', "").replace(".", " ").replace("_", " ")
        shown = "; ".join(part for part in (value, comment) if part)
        if shown or not many:           # ("note = \"\"\"" opens its text: the key names nothing)
            yield number, f"{words}: {shown}" if shown else words


def _toml_value(raw: str) -> tuple[str, str]:
    """A TOML value as notes write it, and the comment after it: "15_000  # the big one" is ("15,000", "the big one");
    strings lose their quotes, arrays and inline tables their brackets."""
    value, comment, quoted = "", "", ""
    for k, char in enumerate(raw):          # the comment starts at a "#" outside a string
        if quoted:
            quoted = "" if char == quoted else quoted
        elif char in "\"'":
            quoted = char
        elif char == "#":
            value, comment = raw[:k], raw[k + 1:]
            break
    else:
        value = raw
    value = value.strip()
    if not value.startswith(('"""', "'''")):
        value = re.sub(r"(?<![\w.])\d{1,3}(?:_\d{3})+(?![\w])", lambda m: f"{int(m.group().replace('_', '')):,}", value)
        value = re.sub(r"\s*=\s*", ": ", value.strip("[]{} ")) if value[:1] in "[{" else value
        value = value.replace('"', "")
    return value, comment.strip()


Reader = Callable[[Iterable[tuple[int, str]]], Iterator[tuple[int, str] | None]]


# An Anki deck exported by the CrowdAnki add-on: a "Deck" object whose "notes" hold "fields" arrays of HTML
_CROWDANKI: Final = re.compile(r'^\s*"__type__"\s*:\s*"Deck"')
_CROWDANKI_FIELDS: Final = re.compile(r'^\s*"fields"\s*:\s*(\[.*)$')


def is_crowdanki(sample: Sequence[str]) -> bool:
    """Whether notes are a CrowdAnki `deck.json`: a "Deck" object with CrowdAnki's ids, near the file's start."""
    return any(_CROWDANKI.match(text) for text in sample[:10]) and any('"crowdanki_uuid"' in text for text in sample[:50])


def crowdanki_breaks(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str] | None]:
    """A CrowdAnki deck read as cards: a note a card, its first field (HTML, as Anki keeps it) its title and the
    others its answer, each at the file line its string starts on; the deck's settings, note models, tags and ids
    nothing."""
    held: list[tuple[int, str]] = []        # the lines of a "fields" array not yet closed
    for number, text in lines:
        if not held:
            opened = _CROWDANKI_FIELDS.match(text)
            if opened is None:
                continue
            text = opened.group(1)
        held.append((number, text))
        try:
            fields = json.loads("\n".join(t for _, t in held).strip().rstrip(","))
        except ValueError:
            continue
        starts = [n for n, t in held if t.lstrip().startswith('"')] if len(held) > 1 else []
        held_first, held = held[0][0], []
        if not isinstance(fields, list) or len(fields) < 2:
            continue
        yield BREAK
        for k, value in enumerate(str(field) for field in fields):
            if has_cloze(value):
                try:
                    value = reveal_cloze(value)
                except ClozeError:
                    pass
            at = starts[k] if k < len(starts) else held_first
            if k == 1:
                yield at, "A:"
            for _, line in field_text(value, is_html=True).lines:
                yield at, line


# Google Keep notes from a Takeout export (one JSON file a note, or merged into one array): "title", "textContent"
# or a checklist's "listContent", with flags, labels and microsecond timestamps
_KEEP_KEYS: Final = ('"textContent"', '"listContent"')


def is_keep(sample: Sequence[str]) -> bool:
    """Whether notes are Google Keep notes as Takeout writes them: two or more with a body and an edit stamp."""
    return (sum(1 for text in sample if '"userEditedTimestampUsec"' in text) >= 2
            and any(key in text for text in sample for key in _KEEP_KEYS))


def keep_breaks(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str] | None]:
    """Keep notes read as cards: a note a card, its title the title (its body's first line if it has none), its text
    or checklist items ("- …") the answer, at the lines their keys stand on; trashed notes, flags, colours, labels,
    timestamps and link annotations nothing."""
    held: list[tuple[int, str]] = []        # the lines of the note object being read
    for number, text in lines:
        stripped = text.strip()
        if not held and not stripped.startswith("{"):
            continue
        held.append((number, text))
        if not stripped.startswith("}") and not (len(held) == 1 and stripped.rstrip(",").endswith("}")):
            continue
        try:
            note = json.loads("\n".join(t for _, t in held).strip().rstrip(","))
        except ValueError:
            opening = held[0][1]
            if len(held) > 1 and len(text) - len(text.lstrip()) <= len(opening) - len(opening.lstrip()):
                held = []           # (its own closing brace, and its JSON does not read: nothing to make of it)
            continue
        at = {key: next((n for n, t in held if f'"{key}"' in t), held[0][0]) for key in ("title", "textContent", "listContent")}
        held = []
        if not isinstance(note, dict) or note.get("isTrashed"):
            continue
        body = [(at["textContent"], line) for line in str(note.get("textContent") or "").split("\n")]
        body += [(at["listContent"], f"- {item.get('text', '')}") for item in note.get("listContent") or []
                 if isinstance(item, dict)]
        body = [(n, line) for n, line in body if line.strip()]
        title = str(note.get("title") or "").strip()
        if not title and body:
            (at["title"], title), body = body[0], body[1:]
        if not title or not body:
            continue
        yield BREAK
        yield at["title"], title
        yield at["title"], "A:"
        yield from body


# A Roam Research graph exported as JSON: an array of pages ("title", "children"), each block a "string" with its
# "uid", times and its own "children"
_ROAM_TITLE: Final = re.compile(r'^\s*"title"\s*:')
_ROAM_STRING: Final = re.compile(r'^\s*"string"\s*:\s*(".*")\s*,?\s*$')
_ROAM_PAGE_LINK: Final = re.compile(r"#?\[\[([^\[\]]*)\]\]")
_ROAM_TAG: Final = re.compile(r"(?<!\S)#[A-Za-z][\w/-]*")
_ROAM_COMPONENT: Final = re.compile(r"\{\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\}\s*")      # "{{[[TODO]]}}", "{{embed: …}}"
_ROAM_REF: Final = re.compile(r"\s*\(\(([\w-]{6,12})\)\)")
_ROAM_MARKS: Final = re.compile(r"__(.+?)__|\^\^(.+?)\^\^")


def is_roam(sample: Sequence[str]) -> bool:
    """Whether notes are a Roam Research export: a JSON array of pages whose blocks carry a "string" and a "uid"."""
    first = next((text.strip() for text in sample if text.strip()), "")
    return (first.startswith("[") and any(_ROAM_TITLE.match(text) for text in sample)
            and sum(1 for text in sample if _ROAM_STRING.match(text)) >= 2 and any('"uid"' in text for text in sample))


def roam_breaks(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str] | None]:
    """A Roam graph read as cards: each top-level block of a page a card, its first line the title (under the page's
    title as its section), its other lines and nested blocks ("- " items, indented by depth) the notes, at the file
    lines their strings stand on; page links their words, tags, TODO boxes and other components, uids and times
    nothing, a block reference the referenced block's first line when the page holds it."""
    held: list[tuple[int, str]] = []       # the lines of the page object being read
    depth = None                            # the indentation of the page's opening brace
    for number, text in lines:
        stripped = text.strip()
        if depth is None:
            if stripped.startswith("{"):
                depth, held = len(text) - len(text.lstrip()), [(number, text)]
            continue
        held.append((number, text))
        if not (stripped.startswith("}") and len(text) - len(text.lstrip()) == depth):
            continue
        depth, page_lines, held = None, held, []
        try:
            page = json.loads("\n".join(t for _, t in page_lines).strip().rstrip(","))
        except ValueError:
            continue
        if isinstance(page, dict):
            yield from _roam_page(page, page_lines)


def _roam_page(page: dict, page_lines: list[tuple[int, str]]) -> Iterator[tuple[int, str] | None]:
    at: dict[str, list[int]] = {}           # a block's string → the file lines it stands on, in order
    for number, text in page_lines:
        if m := _ROAM_STRING.match(text):
            try:
                at.setdefault(str(json.loads(m.group(1))), []).append(number)
            except ValueError:
                pass
    blocks: dict[str, str] = {}
    _roam_index(page.get("children") or [], blocks)
    section = _roam_text(str(page.get("title") or ""), blocks).strip()
    for block in page.get("children") or []:
        if not isinstance(block, dict):
            continue
        raw = str(block.get("string") or "")
        number = (at.get(raw) or [page_lines[0][0]])[0]
        first, *rest = [line for line in _roam_text(raw, blocks).split("\n") if line.strip()] or [""]
        body = [(number, line) for line in rest] + list(_roam_children(block.get("children") or [], at, blocks, 0))
        if not first.strip() or not body:
            continue
        yield BREAK
        yield number, f"{section} › {first.strip()}" if section else first.strip()
        yield from body


def _roam_children(children: list, at: dict[str, list[int]], blocks: dict[str, str], depth: int) -> Iterator[tuple[int, str]]:
    for block in children:
        if not isinstance(block, dict):
            continue
        raw = str(block.get("string") or "")
        number = (at.get(raw) or [0])[0]
        for k, line in enumerate(line for line in _roam_text(raw, blocks).split("\n") if line.strip()):
            yield number, ("  " * depth + "- " if k == 0 else "  " * (depth + 1)) + line.strip()
        yield from _roam_children(block.get("children") or [], at, blocks, depth + 1)


def _roam_index(children: list, blocks: dict[str, str]) -> None:
    """The page's blocks by uid (a block reference shows the referenced block's first line)."""
    for block in children:
        if isinstance(block, dict):
            blocks[str(block.get("uid"))] = str(block.get("string") or "").split("\n")[0]
            _roam_index(block.get("children") or [], blocks)


def _roam_text(text: str, blocks: dict[str, str]) -> str:
    """A block's string without Roam's markup: "[[Page]]" its words, "__italic__" and "^^highlight^^" their words."""
    text = _ROAM_REF.sub(lambda m: f" ({_roam_text(blocks[m.group(1)], {}).strip()})" if m.group(1) in blocks else "", text)
    text = _ROAM_COMPONENT.sub("", text)
    text = _ROAM_PAGE_LINK.sub(lambda m: "" if m.group(0).startswith("#") else m.group(1), text)
    text = _ROAM_MARKS.sub(lambda m: m.group(1) or m.group(2), _ROAM_TAG.sub("", text))
    return re.sub(r"(?<=\S)[ \t]{2,}", " ", text.replace("::", ":"))


# An outliner's export as OPML (Dynalist, WorkFlowy, OmniOutliner): nested <outline text="…" _note="…"> elements
_OPML_OUTLINE: Final = re.compile(r"<outline\b([^>]*?)(/?)>|</outline\s*>")
_XML_ATTRIBUTE: Final = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')


def is_opml(sample: Sequence[str]) -> bool:
    """Whether notes are an OPML file: an <opml> document with outlines."""
    return any("<opml" in text for text in sample[:5]) and any("<outline" in text for text in sample)


@dataclass
class _Outline:
    number: int
    text: str
    note: str
    leaves: list[tuple[int, str, str]] = field(default_factory=list)      # its children without children of their own
    parent: bool = False        # some child has children of its own


def opml_breaks(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str] | None]:
    """An OPML outline read as cards: an outline whose children are (some of them) leaves is a card, its text the
    title under its top-level outline's as section, its leaves the notes ("- " items, each leaf's note an item under
    it), its own note a line; the head, the outlines over cards and the XML around them nothing."""
    stack: list[_Outline] = []
    for number, text in lines:
        for m in _OPML_OUTLINE.finditer(text):
            if m.group(0).startswith("</"):
                if stack:
                    yield from _closed(stack.pop(), stack)
                continue
            attributes = {k: html.unescape(v) for k, v in _XML_ATTRIBUTE.findall(m.group(1))}
            outline = _Outline(number, " ".join(attributes.get("text", "").split()), " ".join(attributes.get("_note", "").split()))
            if m.group(2):
                yield from _closed(outline, stack)
            else:
                stack.append(outline)


def _closed(outline: _Outline, stack: list[_Outline]) -> Iterator[tuple[int, str] | None]:
    """What an outline gives once closed: a card when it has leaves; a leaf of its parent when it has no children."""
    if outline.leaves:
        section = stack[0].text if stack else ""
        yield BREAK
        yield outline.number, f"{section} › {outline.text}" if section and section != outline.text else outline.text
        if outline.note:
            yield outline.number, outline.note
        for number, text, note in outline.leaves:
            yield number, f"- {text}"
            if note:
                yield number, f"  - {note}"
    if stack:
        if outline.leaves or outline.parent:
            stack[-1].parent = True
        elif outline.text:
            stack[-1].leaves.append((outline.number, outline.text, outline.note))


def data_file_reader(sample: Sequence[str]) -> Reader | None:
    """The reader of the data file whose first lines are `sample` (a CrowdAnki deck, Keep notes, a Roam graph, an OPML
    outline, a notebook's JSON, JSON Lines, a Moodle bank, XML flashcards or a TOML file, tried in that order), or None
    for notes."""
    for detect, read in ((is_crowdanki, crowdanki_breaks), (is_keep, keep_breaks), (is_roam, roam_breaks), (is_opml, opml_breaks),
                         (is_ipynb, ipynb_breaks), (is_json_lines, json_lines_breaks), (is_moodle, moodle_breaks),
                         (is_xml_cards, xml_breaks), (is_toml, toml_breaks)):
        if detect(sample):
            return read
    return None
