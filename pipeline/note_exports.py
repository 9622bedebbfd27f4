"""Notes saved by an editor or a notes app in its own text format, read as the Markdown notes they stand for.

A Rich Text file (TextEdit's and WordPad's format, renamed `.txt`) and TiddlyWiki tiddlers exported as `.tid`
text are line transforms like `note_sections.org_lines`: each gives the (number, line)s of plain Markdown notes,
every line at its place in the file, and `note_sections.note_breaks` then finds the cards in them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Final

__all__ = ["is_rtf", "is_tiddlywiki", "rtf_lines", "tiddlywiki_lines"]


# -- Rich Text ----------------------------------------------------------------------------------------------------

def is_rtf(sample: Sequence[str]) -> bool:
    """Whether notes are an RTF file's source: it opens with "{\\rtf1"."""
    return bool(sample) and sample[0].lstrip("\ufeff").startswith("{\\rtf")


_RTF_TOKEN: Final = re.compile(r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}]+)|\\$")
# groups whose text is no part of the document: fonts, colours, styles, lists' templates, the file's info, pictures
_RTF_SKIPPED: Final = frozenset("fonttbl colortbl stylesheet info listtable listoverridetable pict object header "
                                "footer footnote field fldinst themedata datastore latentstyles generator".split())
_RTF_TEXT: Final = {"tab": "\t", "emdash": "—", "endash": "–", "bullet": "•", "lquote": "‘", "rquote": "’",
                    "ldblquote": "“", "rdblquote": "”", "emspace": " ", "enspace": " ", "qmspace": " ", "cell": " | "}
_RTF_SYMBOL: Final = {"~": " ", "-": "", "_": "-", "\\": "\\", "{": "{", "}": "}", "\t": "\t"}


@dataclass
class _Group:
    skip: bool = False      # text in it is not the document's
    bold: bool = False
    fallback: int = 1       # characters after a "\uN" that stand in for it (`\ucN`)
    first: bool = True      # no token read in it yet: a destination's control word would come now


@dataclass
class _Paragraph:
    number: int = 0
    parts: list[str] = field(default_factory=list)
    bold: int = 0           # letters written in bold
    plain: int = 0          # letters written otherwise

    def add(self, text: str, bold: bool, number: int) -> None:
        if not self.parts:
            self.number = number
        self.parts.append(text)
        letters = sum(ch.isalnum() for ch in text)
        self.bold, self.plain = self.bold + letters * bold, self.plain + letters * (not bold)

    def line(self, number: int) -> tuple[int, str]:
        """The paragraph as a line of Markdown: a bold one (TextEdit's title) a heading."""
        text = "".join(self.parts).rstrip()
        return (self.number or number), (f"## {text.strip()}" if self.bold and not self.plain else text)


def rtf_lines(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """An RTF file's (number, line)s as its text: a paragraph a line (at the file line where its text starts), a
    paragraph written all in bold a "## " heading, a list item's bullet "- " (two spaces a level deeper), "\\'e9"
    and "\\u8211" the characters they stand for; fonts, colours, list templates and other control words nothing."""
    stack = [_Group()]
    paragraph = _Paragraph()
    codec, skip_chars, level = "cp1252", 0, 0
    for number, text in lines:
        for m in _RTF_TOKEN.finditer(text if text.endswith("\\") else text + "\n"):
            group = stack[-1]
            word, arg, hexa, symbol, brace, chars = m.groups()
            first, group.first = group.first, False
            if brace == "{":
                stack.append(_Group(skip=group.skip, bold=group.bold, fallback=group.fallback))
            elif brace == "}":
                if len(stack) > 1:
                    stack.pop()
            elif word is not None:
                word = word.lower()
                if first and (word in _RTF_SKIPPED or word.startswith("expanded")):
                    group.skip = True
                elif first and word == "listtext":
                    group.skip = True
                    if not stack[-2].skip:
                        paragraph.add("  " * level + "- ", False, number)
                elif word == "b":
                    group.bold = arg != "0"
                elif word == "uc":
                    group.fallback = int(arg or 1)
                elif word == "ilvl":
                    level = int(arg or 0)
                elif word == "pard":
                    level = 0
                elif word == "ansicpg" and arg:
                    codec = f"cp{arg}"
                elif word == "u" and arg and not group.skip:
                    paragraph.add(chr(int(arg) % 65536), group.bold, number)
                    skip_chars = group.fallback
                elif word in ("par", "line", "row") and not group.skip:
                    yield paragraph.line(number)
                    paragraph = _Paragraph()
                elif word in _RTF_TEXT and not group.skip:
                    paragraph.add(_RTF_TEXT[word], group.bold, number)
            elif first and symbol == "*":
                group.skip = True
            elif m.group(0) == "\\" or symbol == "\n":      # a backslash ending the line: TextEdit's paragraph end
                if not group.skip:
                    yield paragraph.line(number)
                    paragraph = _Paragraph()
            elif group.skip:
                continue
            elif hexa is not None:
                if skip_chars:
                    skip_chars -= 1
                    continue
                paragraph.add(bytes([int(hexa, 16)]).decode(codec, errors="replace"), group.bold, number)
            elif symbol is not None:
                paragraph.add(_RTF_SYMBOL.get(symbol, ""), group.bold, number)
            elif chars:
                chars = chars.replace("\n", "").replace("\r", "")
                if skip_chars:
                    cut = min(skip_chars, len(chars))
                    chars, skip_chars = chars[cut:], skip_chars - cut
                if chars:
                    paragraph.add(chars, group.bold, number)
    if paragraph.parts:
        yield paragraph.line(0)


# -- TiddlyWiki ---------------------------------------------------------------------------------------------------

# a tiddler's header: "created: 20240311094512000", "tags: ElastiCache [[Exam Prep]]", "title: Cluster Mode"
_TID_FIELD: Final = re.compile(r"^([a-z][\w.-]{0,30}):\s?(.*)$")
_TID_STAMP: Final = re.compile(r"^(?:created|modified):\s*\d{14,17}\s*$")
_TID_HEADING: Final = re.compile(r"^(!{1,6})\s*(.*)$")
_TID_LIST: Final = re.compile(r"^([*#]+)\s*(.*)$")
_TID_LINK: Final = re.compile(r"\[\[([^\]|]+)(?:\|[^\]]*)?\]\]")
_TID_TRANSCLUSION: Final = re.compile(r"\{\{[^{}]*\}\}")
_TID_MARKS: Final = re.compile(r"''(.+?)''|(?<![:\w])//(\S(?:.*?\S)?)//|@@(.+?)@@|__(.+?)__")


def is_tiddlywiki(sample: Sequence[str]) -> bool:
    """Whether notes are TiddlyWiki tiddlers exported as text: two headers' "created:"/"modified:" stamps or
    "title:" fields, with a "type: text/vnd.tiddlywiki" or a stamp among them."""
    titles = sum(1 for text in sample if text.startswith("title: "))
    stamps = sum(1 for text in sample if _TID_STAMP.match(text))
    return titles >= 2 and (stamps >= 2 or any(text.startswith("type: text/vnd.tiddlywiki") for text in sample))


def tiddlywiki_lines(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """Tiddlers as Markdown notes: a tiddler's title a "# " heading (its other header fields nothing), "! Heading"
    a heading one level below it, "*"/"#" list items "- " items, a table's "|!Header|" cells its header, a link
    its text, ''bold'' "**bold**", //italic// its words; transclusions and "<<<" quote marks nothing."""
    header = True               # at a tiddler's header: the file's start, or a field after a blank line
    fenced = False
    for number, text in lines:
        if text.startswith("```"):
            fenced = not fenced
        if fenced or text.startswith("```"):
            yield number, text
            continue
        if not text.strip():
            header = False
            yield number, text
            continue
        field_line = _TID_FIELD.match(text)
        if field_line is not None and (header or _TID_STAMP.match(text) or text.startswith("title: ")):
            header = True
            if field_line.group(1) == "title":
                yield number, f"# {field_line.group(2).strip()}"
            continue
        header = False
        if text.startswith("<<<"):
            continue
        text = _TID_MARKS.sub(lambda m: f"**{m.group(1)}**" if m.group(1) else m.group(m.lastindex or 0),
                              _TID_LINK.sub(r"\1", _TID_TRANSCLUSION.sub("", text)))
        if not text.strip():
            continue
        if heading := _TID_HEADING.match(text):
            yield number, f"{'#' * min(len(heading.group(1)) + 1, 6)} {heading.group(2).strip()}"
        elif item := _TID_LIST.match(text):
            yield number, "  " * (len(item.group(1)) - 1) + "- " + item.group(2)
        elif text.startswith("|") and "|!" in text:
            cells = [cell.strip().lstrip("!").strip() for cell in text.strip().strip("|").split("|")]
            yield number, "| " + " | ".join(cells) + " |"
            yield number, "|" + "---|" * len(cells)
        else:
            yield number, text
