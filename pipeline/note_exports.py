"""Notes saved by an editor or a notes app in its own text format, read as the Markdown notes they stand for.

A Rich Text file (TextEdit's and WordPad's format, renamed `.txt`), TiddlyWiki tiddlers exported as `.tid`
text, a notes page exported as an HTML document, a mailbox of notes mailed to oneself (mbox), a wiki page in
Textile (Redmine's markup), a DokuWiki or Zim page, a Logseq page, a pandoc Markdown document and a lecture's captions (WebVTT or SubRip, with the student's NOTE blocks) are line transforms like `note_sections.org_lines`: each gives the (number, line)s of plain Markdown notes,
every line at its place in the file, and `note_sections.note_breaks` then finds the cards in them.
"""
from __future__ import annotations

import binascii
import quopri
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from dataclasses import dataclass, field
from email.header import decode_header, make_header
from email.errors import HeaderParseError
from typing import Final

__all__ = ["caption_lines", "html_lines", "is_captions", "is_dokuwiki", "is_html", "is_mbox", "is_rtf", "is_textile", "is_tiddlywiki",
           "mbox_lines", "rtf_lines", "textile_lines", "tiddlywiki_lines", "dokuwiki_lines", "is_logseq", "logseq_lines",
           "is_pandoc", "pandoc_lines", "jira_lines"]


def _list_item(marks: str, text: str) -> str:
    """A wiki's list item ("** sub-item", "# numbered") as a Markdown one, indented by its depth."""
    return "  " * (len(marks) - 1) + "- " + text


def _header_row(number: int, cells: Sequence[str]) -> Iterator[tuple[int, str]]:
    """A wiki table's header row ("|!Node|!vCPU|", "|_. Mode|") as a Markdown one, with the separator under it."""
    yield number, "| " + " | ".join(cells) + " |"
    yield number, "|" + "---|" * len(cells)


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
            yield number, _list_item(item.group(1), item.group(2))
        elif text.startswith("|") and "|!" in text:
            yield from _header_row(number, [cell.strip().lstrip("!").strip() for cell in text.strip().strip("|").split("|")])
        else:
            yield number, text


# -- an HTML document -------------------------------------------------------------------------------------------

_HTML_START: Final = re.compile(r"^\s*<(?:!DOCTYPE\s+html|html)\b", re.IGNORECASE)
_HTML_HIDDEN: Final = re.compile(r"<(head|style|script|template|nav)\b", re.IGNORECASE)     # no text the page shows
_HTML_HEADING: Final = re.compile(r"<h([1-6])\b[^<>]*>(.*?)</h\1\s*>", re.IGNORECASE)
_HTML_FRAME: Final = re.compile(r"</?(?:!DOCTYPE|html|body|meta|link|ul|ol|table|thead|tbody|tfoot|div|section|article|main"
                                r"|header|footer|aside|figure)\b[^<>]*>", re.IGNORECASE)
_HTML_MARKUP: Final = re.compile(r"<[^<>]+>")
_HTML_BREAK: Final = re.compile(r"<br\s*/?>", re.IGNORECASE)


def is_html(sample: Sequence[str]) -> bool:
    """Whether notes are a whole HTML document (a notes app's export): its first line opens one, and it has a body
    or headings."""
    first = next((text for text in sample if text.strip()), "")
    return bool(_HTML_START.match(first)) and any(re.search(r"<(?:body|h[1-6])\b", text, re.IGNORECASE) for text in sample)


def html_lines(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """An HTML document's (number, line)s as Markdown notes: `<h2>` a "## " heading, `<br>` a line break, the
    exporter's indentation none; its head, styles, scripts and comments nothing, nor the lines that only frame its
    content (`<body>`, `<ul>`, `<div>`). (Lists, tables, code and entities are read card by card, as HTML pasted
    into notes is; a `<pre>` block's lines lose their indentation too.)"""
    hidden: str | None = None          # the element whose content is being passed over
    comment = False
    for number, text in lines:
        if comment:
            if "-->" not in text:
                continue
            text, comment = text[text.index("-->") + 3:], False
        text = re.sub(r"<!--.*?-->", "", text)
        if "<!--" in text:
            text, comment = text[:text.index("<!--")], True
        if hidden is not None:
            end = re.search(rf"</{hidden}\s*>", text, re.IGNORECASE)
            if end is None:
                continue
            text, hidden = text[end.end():], None
        opened = _HTML_HIDDEN.search(text)
        if opened is not None:
            end = re.search(rf"</{opened.group(1)}\s*>", text[opened.end():], re.IGNORECASE)
            if end is None:
                text, hidden = text[:opened.start()], opened.group(1).lower()
            else:
                text = text[:opened.start()] + text[opened.end() + end.end():]
        text = _HTML_HEADING.sub(lambda m: "#" * int(m.group(1)) + " " + _HTML_MARKUP.sub("", m.group(2)).strip(), text)
        framed = _HTML_FRAME.sub("", text)
        for part in _HTML_BREAK.split(framed):
            if part.strip():
                yield number, part.strip()       # (an exporter's indentation is no indentation of the notes)


# -- a mailbox ----------------------------------------------------------------------------------------------------

_MBOX_FROM: Final = re.compile(r"^From \S+ +\w{3} \w{3} +\d{1,2} \d{1,2}:\d{2}(?::\d{2})? \d{4}\s*$")  # "From a@b Tue Mar  5 …"
_MAIL_HEADER: Final = re.compile(r"^([A-Za-z][\w-]{0,40}):\s*(.*)$")
_SUBJECT_TAG: Final = re.compile(r"^(?:(?:re|fwd?|aw|sv|vs)\s*:\s*)*(?:\[([^\]]{1,30})\]\s*)?", re.IGNORECASE)
_ATTRIBUTION: Final = re.compile(r"^On .{6,80} wrote:\s*$|^Le .{6,80} a écrit\s*:\s*$|^Am .{6,80} schrieb .{1,60}:\s*$")


def is_mbox(sample: Sequence[str]) -> bool:
    """Whether notes are a mailbox (mbox): messages each opening on a "From sender date" line, with a Subject."""
    return (bool(sample) and _MBOX_FROM.match(sample[0]) is not None
            and sum(1 for text in sample if _MBOX_FROM.match(text)) >= 2 and any(text.startswith("Subject:") for text in sample))


@dataclass
class _Message:
    subject: tuple[int, str] | None = None
    encoding: str = ""
    in_headers: bool = True
    signed: bool = False        # past the "-- " line that opens a signature
    held: list[tuple[int, str]] = field(default_factory=list)     # a quoted-printable line continued by "=", or base64


def mbox_lines(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """A mailbox of notes as Markdown notes: each message a card, its subject the "## " heading ("[SES] sending
    quotas" is "## SES › sending quotas"), its body the notes, quoted-printable and base64 decoded; the envelope
    line, the other headers, the signature after "-- ", and a reply's quote of an earlier message ("On … wrote:" and
    its "> " lines) nothing."""
    message: _Message | None = None
    for number, text in lines:
        if _MBOX_FROM.match(text):
            if message is not None:
                yield from _flushed(message)
            message = _Message()
            continue
        if message is None:
            continue
        if message.in_headers:
            header = _MAIL_HEADER.match(text)
            if not text.strip():
                message.in_headers = False
                if message.subject is not None:
                    yield message.subject[0], ""
                    yield message.subject
            elif header is not None:
                name, value = header.group(1).lower(), header.group(2).strip()
                if name == "subject":
                    message.subject = number, "## " + _subject(value)
                elif name == "content-transfer-encoding":
                    message.encoding = value.lower()
            continue
        if message.encoding == "base64":
            message.held.append((number, text))
            continue
        if message.encoding == "quoted-printable":
            message.held.append((number, text))
            if text.endswith("=") and not text.endswith("=="):
                continue
            number, text = message.held[0][0], _unquoted("\n".join(t for _, t in message.held))
            message.held = []
        yield from _body_line(message, number, text)
    if message is not None:
        yield from _flushed(message)


def _subject(value: str) -> str:
    """A subject as a card's title: encoded words decoded, "Re:" gone, a leading "[SES]" tag its section."""
    try:
        value = str(make_header(decode_header(value)))
    except (HeaderParseError, UnicodeError, LookupError):
        pass
    tag = _SUBJECT_TAG.match(value)
    rest = value[tag.end():].strip() if tag else value
    return f"{tag.group(1).strip()} › {rest}" if tag and tag.group(1) and rest else rest or value


def _unquoted(text: str) -> str:
    """Quoted-printable lines (soft breaks "=" at their ends) as the text they encode."""
    return quopri.decodestring(text.encode("utf-8", "surrogateescape")).decode("utf-8", errors="replace").replace("\n", "")


def _body_line(message: _Message, number: int, text: str) -> Iterator[tuple[int, str]]:
    if message.signed or text.startswith(">") and not text.startswith(">From ") or _ATTRIBUTION.match(text):
        return
    if text in ("-- ", "--"):
        message.signed = True
        return
    yield number, text[1:] if text.startswith(">From ") else text


def _flushed(message: _Message) -> Iterator[tuple[int, str]]:
    """What a message held back at its end: a base64 body decoded (at its first line), or a last soft-broken line."""
    if not message.held:
        return
    first = message.held[0][0]
    joined = "\n".join(t for _, t in message.held)
    if message.encoding == "base64":
        try:
            text = binascii.a2b_base64("".join(t.strip() for _, t in message.held)).decode("utf-8", errors="replace")
        except binascii.Error:
            text = joined
        message.held = []
        for line in text.splitlines():
            yield from _body_line(message, first, line)
        return
    message.held = []
    yield from _body_line(message, first, _unquoted(joined))


# -- a Textile wiki page ------------------------------------------------------------------------------------------

_TEXTILE_HEADING: Final = re.compile(r"^h([1-6])(?:\([^)]*\)|\{[^}]*\}|[<>=]+)*\.\s+(.*)$")
_TEXTILE_BLOCK: Final = re.compile(r"^(?:p|bq|fn\d+)(?:\(([^)]*)\)|\{[^}]*\}|[<>=]+)*\.\s+")     # "p(note). ", "bq. "
_TEXTILE_LIST: Final = re.compile(r"^([*#]+)\s+(.*)$")
_TEXTILE_LINK: Final = re.compile(r'"([^"]+)":\S+?(?=[\s,;)]|[.!?](?:\s|$)|$)')
_TEXTILE_SPAN: Final = re.compile(r"%\{[^}]*\}(.*?)%|(?<![\w*])\*(\S(?:[^*]*?\S)?)\*(?![\w*])|(?<![\w@])@([^@]+)@(?!\w)"
                                  r"|(?<![\w_])_(\S(?:[^_]*?\S)?)_(?![\w_])")
_TEXTILE_MACRO: Final = re.compile(r"\{\{[^{}]*\}\}")
_TEXTILE_WIKI_LINK: Final = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]*))?\]\]")


def _textile_spans(text: str) -> str:
    """Textile's (and Jira's) inline marks as Markdown: "%{…}text%" its text, "*bold*" "**bold**", "@code@" a code
    span, "_italic_" its text."""
    return _TEXTILE_SPAN.sub(lambda m: m.group(1) if m.group(1) is not None else f"**{m.group(2)}**"
                             if m.group(2) is not None else f"`{m.group(3)}`" if m.group(3) is not None
                             else m.group(4), text)


def is_textile(sample: Sequence[str]) -> bool:
    """Whether notes are a Textile wiki page: three "h2." / "h3." headings or more."""
    return sum(1 for text in sample if _TEXTILE_HEADING.match(text)) >= 3


def textile_lines(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """A Textile page as Markdown notes: "h3. Title" a "### " heading, "*"/"#" items "- " items, a table's "|_. Header|"
    cells its header, "*bold*" "**bold**", "@code@" a code span, a link its text, "p(note). " a "Note: " line, "bq. "
    its text; macros ("{{toc}}") nothing, a "<pre>" block a fenced block."""
    pre = False
    for number, text in lines:
        if re.match(r"^\s*</?pre\b[^>]*>\s*$", text, re.IGNORECASE):
            pre = not text.lstrip().startswith("</")
            yield number, "```"
            continue
        if pre:
            yield number, text
            continue
        header = text.startswith("|") and "|_." in text
        text = re.sub(r"\|_\.\s*", "|", _TEXTILE_MACRO.sub("", text)) if header else _TEXTILE_MACRO.sub("", text)
        text = _TEXTILE_WIKI_LINK.sub(lambda m: m.group(2) or m.group(1), _TEXTILE_LINK.sub(r"\1", text))
        text = _textile_spans(text)
        if heading := _TEXTILE_HEADING.match(text):
            yield number, f"{'#' * int(heading.group(1))} {heading.group(2).strip()}"
        elif block := _TEXTILE_BLOCK.match(text):
            label = (block.group(1) or "").strip().capitalize()
            yield number, (f"{label}: " if label else "") + text[block.end():]
        elif item := _TEXTILE_LIST.match(text):
            yield number, _list_item(item.group(1), item.group(2))
        elif header:
            yield from _header_row(number, [cell.strip() for cell in text.strip().strip("|").split("|")])
        elif text.strip() or not text:
            yield number, text



# -- a DokuWiki or Zim page ---------------------------------------------------------------------------------------

_FRAMED: Final = re.compile(r"^\s*(={2,6})\s*(\S.*?)\s*\1\s*$")      # "====== Page ======" (DokuWiki's and Zim's h1)
_ZIM_HEADER: Final = re.compile(r"^(?:Content-Type: text/x-zim-wiki|Wiki-Format: zim\b.*|Creation-Date: .*)$")
_ZIM_CREATED: Final = re.compile(r"^Created \w+ \d{1,2} \w+ \d{4}\s*$")        # the line Zim writes under a new page's title
_WIKI_INDENTED_ITEM: Final = re.compile(r"^((?: {2})+|\t+)([*-])\s+(.*)$")     # DokuWiki's "  * item", Zim's "\t* item"
_WIKI_CHECKBOX: Final = re.compile(r"^(\s*)\[[ *xX><]\]\s+")                  # Zim's "[ ] todo", "[*] done"
_WIKI_LINK: Final = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")
_WIKI_ITALIC: Final = re.compile(r"(?<![:\w/])//(?=\S)(.+?)(?<=[^\s:])//(?![\w/])")
_WIKI_VERBATIM: Final = re.compile(r"''(?=\S)(.+?)(?<=\S)''")
_WIKI_TAG: Final = re.compile(r"(?<!\S)@[A-Za-z][\w-]*")              # Zim's tags ("@exam")
_WIKI_MARKUP: Final = re.compile(r"~~[A-Z]+~~|</?(?:note|wrap|WRAP)\b[^>]*>|%%|\s*\\\\(?=\s|$)")
_WIKI_CODE: Final = re.compile(r"^\s*</?(?:code|file)\b[^>]*>\s*$")


def is_dokuwiki(sample: Sequence[str]) -> bool:
    """Whether notes are a DokuWiki or Zim page, whose headings count down: "====== Page ======" the page's title,
    "==== Topic ====" under it (Zim's header lines say so; DokuWiki's first heading has the most marks)."""
    if any(text.startswith("Content-Type: text/x-zim-wiki") for text in sample[:3]):
        return True
    marks = [len(m.group(1)) for text in sample if (m := _FRAMED.match(text))]
    return len(marks) >= 3 and marks[0] >= 4 and marks[0] > Counter(marks).most_common(1)[0][0]


def dokuwiki_lines(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """A DokuWiki or Zim page as Markdown notes: "====== Title ======" a "# " heading, "==== Topic ====" a "### " one,
    indented "  * " items and Zim's checkboxes "- " items, a "^ Header ^" row a table's header, "''code''" a code span,
    "//italic//" its text, a link its text (or its page's name), a "<code>" block a fenced one; Zim's header lines
    and tags ("@exam"), macros ("~~NOTOC~~"), "<note>" tags and forced breaks ("\\\\") nothing."""
    titled = False
    for number, text in lines:
        if _ZIM_HEADER.match(text) or (titled and _ZIM_CREATED.match(text)):
            continue
        if _WIKI_CODE.match(text):
            yield number, "```"
            continue
        text = _WIKI_TAG.sub("", _WIKI_MARKUP.sub("", text)).rstrip()
        if not text.strip() and text != "":
            continue        # (a line of tags only)
        text = _WIKI_LINK.sub(lambda m: (m.group(2) or m.group(1).rsplit(":", 1)[-1]).strip(), text)
        text = _WIKI_VERBATIM.sub(r"`\1`", _WIKI_ITALIC.sub(r"\1", text))
        if heading := _FRAMED.match(text):
            titled = True
            yield number, f"{'#' * max(1, 7 - len(heading.group(1)))} {heading.group(2)}"
        elif text.lstrip().startswith("^") and text.rstrip().endswith(("^", "|")):
            yield from _header_row(number, [cell.strip() for cell in re.split(r"[\^|]", text.strip().strip("^|"))])
        elif item := _WIKI_INDENTED_ITEM.match(text):
            depth = len(item.group(1)) // 2 if item.group(1).startswith(" ") else len(item.group(1)) + 1
            yield number, _list_item("*" * max(depth, 1), item.group(3))
        else:
            yield number, _WIKI_CHECKBOX.sub(r"\1- ", text)


# -- a Logseq page ------------------------------------------------------------------------------------------------

_LOGSEQ_PROPERTY: Final = re.compile(r"^\s*[A-Za-z][\w-]*::(?:\s|$)")       # "title:: …", "  id:: 6612…", "card-last-score:: 5"
_LOGSEQ_BLOCK: Final = re.compile(r"^(\t*)- (.*)$")
_LOGSEQ_MARKER: Final = re.compile(r"^(?:TODO|DONE|LATER|NOW|DOING|WAITING|CANCELED|CANCELLED)\s+")
_LOGSEQ_TAG: Final = re.compile(r"(?<!\S)#(?:\[\[[^\]]*\]\]|[A-Za-z][\w/-]*)")
_LOGSEQ_MACRO: Final = re.compile(r"\{\{cloze\s+([^{}]*)\}\}|\{\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\}|\s*\(\([\w-]{8,40}\)\)")
_LOGSEQ_LINK: Final = re.compile(r"\[\[([^\[\]]*)\]\]")


def is_logseq(sample: Sequence[str]) -> bool:
    """Whether notes are a Logseq page: every line a block ("- …", children tab-indented), with "key:: value"
    properties."""
    blocks = sum(1 for text in sample if _LOGSEQ_BLOCK.match(text))
    return sum(1 for text in sample if _LOGSEQ_PROPERTY.match(text)) >= 3 and blocks >= 5 \
        and any(text.startswith("\t-") for text in sample)


def logseq_lines(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """A Logseq page as Markdown notes: its "title::" a "# " heading, each top-level block a "## " card (its first
    line the title), nested blocks "- " items indented by depth, a block's other lines its text; properties
    ("id::", "collapsed::", a flashcard's "card-…::"), tags ("#card"), TODO markers, block references and macros
    nothing, "{{cloze …}}" its words, a page link its name; a task ("TODO re-check prices", "DONE split the page")
    and the blocks under it nothing."""
    task: int | None = None         # the depth of the task block being passed over
    for number, text in lines:
        if _LOGSEQ_PROPERTY.match(text):
            title = re.match(r"^title::\s*(.+)$", text)
            if title:
                yield number, "# " + _logseq_text(title.group(1))
            continue
        block = _LOGSEQ_BLOCK.match(text)
        if block is None:
            if text.strip():
                yield number, _logseq_text(text.strip())
            continue
        depth = len(block.group(1))
        if task is not None and depth > task:
            continue
        task = depth if _LOGSEQ_MARKER.match(block.group(2).strip()) else None
        words = _logseq_text(block.group(2).strip())
        if task is not None or not words:
            continue
        if depth == 0:
            yield number, ""
            yield number, "## " + words
        else:
            yield number, "  " * (depth - 1) + "- " + words


def _logseq_text(text: str) -> str:
    text = _LOGSEQ_MACRO.sub(lambda m: m.group(1) or "", text)
    return " ".join(_LOGSEQ_LINK.sub(r"\1", _LOGSEQ_TAG.sub("", text)).split())

# -- a lecture's captions -----------------------------------------------------------------------------------------

_CUE_TIMING: Final = re.compile(r"^\s*(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}\s+-->\s+(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}")
_WEBVTT: Final = re.compile(r"^\ufeff?WEBVTT(?:[ \t].*)?$")
_CUE_TAG: Final = re.compile(r"</?(?:[a-z]+(?:\.[\w.-]+)?(?:\s[^>]*)?|\d{1,2}:\d{2}(?::\d{2})?[.,]\d{3})>", re.IGNORECASE)
# what a speaker says before the point: "okay so um, …", "uh", "you know"
_FILLER: Final = re.compile(r"(?:(?<=^)|(?<=[\s,.]))(?:um+|uh+|erm|er|hmm+|you know)(?:,|\.{3}|…)?(?=\s|$)\s*", re.IGNORECASE)
_OPENER: Final = re.compile(r"^(?:(?:okay|ok|alright|all right|so|right|now|well)\b[,.]?\s*)+", re.IGNORECASE)
# a lecturer announcing the card's topic: "next topic: message size." / "let's talk about retention"
_TOPIC: Final = re.compile(r"\b(?:next|new|first|last|final) topic\s*[:,-]?\s*|\bmoving on to\s+|\blet'?s (?:talk|move on) (?:about|to)\s+",
                           re.IGNORECASE)
CAPTION_CARD_CUES: Final = 8     # cues a card holds when nothing else ends it (captions with neither notes nor topics)


def is_captions(sample: Sequence[str]) -> bool:
    """Whether notes are a video's captions: a WebVTT file ("WEBVTT" its first line), or SubRip cues (a number,
    then "00:00:02,000 --> 00:00:11,100") from the first line on."""
    lines = [text for text in sample if text.strip()]
    if not lines:
        return False
    if _WEBVTT.match(lines[0]):
        return True
    return (len(lines) > 1 and lines[0].strip().lstrip("\ufeff").isdigit() and bool(_CUE_TIMING.match(lines[1]))
            and sum(1 for text in lines if _CUE_TIMING.match(text)) >= 2)


def caption_lines(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """Captions as plain notes: a cue's words a line (its number, timing, settings and tags nothing, a speaker's
    "um" and opening "okay so" gone), a NOTE block's lines the student's own notes, an item each; a card ends after the notes
    that follow its cues, or where the lecturer announces the next topic (the topic its title), or after
    `CAPTION_CARD_CUES` cues. The file's header, the NOTE blocks before the first cue, STYLE and REGION blocks
    are nothing."""
    block: list[tuple[int, str]] = []
    cues = 0                # cues in the card so far (0: no card open)
    noted = False           # the open card has notes: a cue after them starts the next card
    started = False         # a cue has been read
    for number, text in chain(lines, [(-1, "")]):
        if text.strip():
            block.append((number, text))
            continue
        if not block:
            continue
        first = block[0][1].lstrip("\ufeff").strip()
        timing = next((i for i, (_, t) in enumerate(block[:2]) if _CUE_TIMING.match(t)), None)
        if timing is not None:
            words = " ".join(_spoken(t) for _, t in block[timing + 1:]).strip()
            topic = _TOPIC.search(words)
            title = _topic_title(words[topic.end():]) if topic else ""
            if topic and title:       # the announcement's sentence is the title: the words after it are the card's
                rest = words[topic.end() + len(title):]
                end = re.search(r"[.!?;](?:\s|$)", rest)
                words = rest[end.end():].strip() if end else ""
            if cues and (noted or title or cues >= CAPTION_CARD_CUES):
                yield block[0][0], ""
                cues, noted = 0, False
            if title:
                yield block[timing + 1][0], f"## {title}"
            if words:
                yield block[timing + 1][0], words
            cues, started = cues + 1, True
        elif first == "NOTE" or first.startswith(("NOTE ", "NOTE\t")):
            if started:     # (each of its lines a note of its own: an item)
                notes = [(block[0][0], first[4:])] + block[1:]
                yield from ((n, "- " + t.strip()) for n, t in notes if t.strip())
                noted = noted or cues > 0
        elif not _WEBVTT.match(first) and not first.startswith(("STYLE", "REGION")) and started:
            yield from block     # the student's own lines between cues
        block = []


def _spoken(text: str) -> str:
    """A caption line's words: tags, fillers and a leading "okay so" gone."""
    words = _FILLER.sub("", _CUE_TAG.sub("", text)).strip()
    return _OPENER.sub("", words).strip(" ,")


def _topic_title(rest: str) -> str:
    """The topic a lecturer announces ("message size. one message, …" → "message size"), if short enough to title
    a card."""
    title = re.split(r"[.!?;]\s|[.!?;]$|,\s", rest, maxsplit=1)[0].strip()
    return title if 0 < len(title.split()) <= 8 else ""


# -- a pandoc Markdown document ------------------------------------------------------------------------------------

_GRID_BORDER: Final = re.compile(r"^\+(?:[-=:]+\+)+\s*$")         # "+------+-----+", "+======+=====+"
_DEFINITION: Final = re.compile(r"^:\s{1,4}(\S.*)$")               # ":   the definition of the term above"
_FENCED_DIV: Final = re.compile(r"^:{3,}")                          # "::: note", ":::"
_FOOTNOTE: Final = re.compile(r"^\[\^[^\]]+\]:\s*")                 # "[^storage]: the note's text"
_FOOTNOTE_REF: Final = re.compile(r"\[\^[^\]]+\]|\^\[[^\]]*\]")     # "limit[^storage]", an inline note "^[…]"
_SETEXT: Final = re.compile(r"^(=+|-+)\s*$")
_MATH: Final = re.compile(r"(?<![\\$\w])\$(?=\S)([^$]*?\S)\$(?![\w$])")
_STRUCK_ITEM: Final = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+~~")
_PANDOC_ITEM: Final = re.compile(r"^\s*(?:[-*+]|\d+[.)]|#\.)\s+")


def is_pandoc(sample: Sequence[str]) -> bool:
    """Whether notes are a pandoc Markdown document: two of its own marks (grid tables, definition lists, fenced
    divs, footnotes, setext titles, a metadata block closed by "...")."""
    kinds = {"grid" if _GRID_BORDER.match(text) else "definition" if _DEFINITION.match(text)
             else "div" if _FENCED_DIV.match(text) else "footnote" if _FOOTNOTE.match(text)
             else "setext" if re.match(r"^={3,}\s*$", text) else "metadata" if text.rstrip() == "..." else ""
             for text in sample}
    return len(kinds - {""}) >= 2


def pandoc_lines(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """A pandoc document as Markdown notes, a block (lines between blank ones) at a time: its metadata, fenced divs,
    display math and footnotes nothing; setext titles "# "/"## " headings; a grid table a pipe table with its header;
    a definition list's "Term" over ":   text" one "- Term: text" item; a hard-wrapped paragraph or list item one line
    (at its first line's number), and a paragraph that goes on in lower case after display math part of the one
    before it; inline math its text (LaTeX nothing), a struck-out item nothing."""
    block: list[tuple[int, str]] = []
    pending: list[tuple[int, str]] = []     # the block before, kept until the next shows whether it goes on
    fence = meta = footnote = math = continued = False
    for number, text in chain(lines, [(0, "")]):
        if meta:
            meta = text.rstrip() not in ("---", "...")
            continue
        if number == 1 and text.rstrip() == "---":
            meta = True
            continue
        if fence or (not block and text.lstrip().startswith(("```", "~~~"))):
            fence = fence != text.lstrip().startswith(("```", "~~~"))
            yield from _pandoc_block(pending)
            pending = []
            yield number, text
            continue
        if math or text.lstrip().startswith("$$"):
            math = math != (text.count("$$") % 2 == 1)
            continued = bool(pending)
            continue
        if footnote and text.startswith((" ", "\t")) and text.strip():
            continue
        footnote = bool(_FOOTNOTE.match(text))
        if footnote or _FENCED_DIV.match(text):
            continue
        if text.strip():
            block.append((number, text))
            continue
        if block:
            if pending and (_DEFINITION.match(block[0][1]) and len(pending) == 1 and _term(pending[0][1])
                            or continued and block[0][1][:1].islower()):
                pending += block
            else:
                yield from _pandoc_block(pending)
                pending = block
            block, continued = [], False
        if number:
            yield number, ""
    yield from _pandoc_block(pending)


def _term(text: str) -> bool:
    """Whether a line alone may be a definition list's term: short, no heading, list item or table row."""
    return len(text) <= 80 and not text.startswith(("#", "|")) and not _PANDOC_ITEM.match(text)


def _pandoc_block(block: list[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """The (number, line)s a block of a pandoc document gives (see `pandoc_lines`)."""
    if not block:
        return
    first = block[0][1]
    if len(block) >= 2 and _SETEXT.match(block[1][1]) and len(block[1][1].strip()) >= 3:
        yield block[0][0], ("# " if block[1][1].startswith("=") else "## ") + block[0][1].strip()
        yield from _pandoc_block(block[2:])
        return
    if _GRID_BORDER.match(first):
        yield from _grid_table(block)
        return
    if first.lstrip().startswith("|") or first.startswith("#"):
        yield from ((number, _inline(text)) for number, text in block)
        return
    joined: list[tuple[int, str]] = []
    for i, (number, text) in enumerate(block):
        if definition := _DEFINITION.match(text):
            if i and _term(block[i - 1][1]) and not _DEFINITION.match(block[i - 1][1]) and joined and joined[-1][0] == block[i - 1][0]:
                joined[-1] = (joined[-1][0], f"- {joined[-1][1].strip().rstrip(':')}: {definition.group(1)}")
            else:
                joined.append((number, definition.group(1)))      # (a table's caption)
        elif _PANDOC_ITEM.match(text) or not joined or (i and _term(text) and i + 1 < len(block) and _DEFINITION.match(block[i + 1][1])):
            joined.append((number, text.rstrip()))
        else:
            joined[-1] = (joined[-1][0], f"{joined[-1][1]} {text.strip()}")
    yield from ((number, _inline(text)) for number, text in joined
                if not _STRUCK_ITEM.match(text) and not any("\\" in m.group(1) for m in _MATH.finditer(text)))


def _inline(text: str) -> str:
    """A line without footnote references, with inline math as its text. (A line with a LaTeX formula, a worked
    example's, is left out whole: its words without the formula say nothing.)"""
    return _MATH.sub(lambda m: m.group(1), _FOOTNOTE_REF.sub("", text))


def _grid_table(block: list[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """A grid table's rows as a pipe table's: the row over the "+===+" border its header (a table without one takes
    its first row as header), each row's wrapped cells joined, at the row's first line."""
    edges = [i for i, c in enumerate(block[0][1].rstrip()) if c == "+"]
    rows: list[tuple[int, list[str]]] = []
    header = 0
    current: list[tuple[int, str]] = []
    for number, text in block[1:]:
        if _GRID_BORDER.match(text):
            if current:
                cells = [" ".join(t[a + 1:b].strip() for _, t in current if t[a + 1:b].strip()) for a, b in zip(edges, edges[1:])]
                rows.append((current[0][0], cells))
            current = []
            header = len(rows) if "=" in text and not header else header
        else:
            current.append((number, text))
    header = header or 1
    for i, (number, cells) in enumerate(rows):
        if i == header - 1:
            yield from _header_row(number, [_inline(c) for c in cells])
        else:
            yield number, "| " + " | ".join(_inline(c) for c in cells) + " |"


# -- Jira's wiki markup (an issue's description) --------------------------------------------------------------------

_JIRA_BLOCK: Final = re.compile(r"^\s*\{(?:noformat|code)(?::[^}]*)?\}\s*$")          # "{noformat}", "{code:json}"
_JIRA_MACRO: Final = re.compile(r"\{(?:quote|panel|color|noformat|code)(?::[^}]*)?\}|![^!\s][^!]*!")   # "{color:red}", "!a.png!"
_JIRA_LINK: Final = re.compile(r"\[(?:([^|\]]+)\|)?([^\]]+)\]")
_JIRA_MONO: Final = re.compile(r"\{\{(.+?)\}\}")
_JIRA_LIST: Final = re.compile(r"^\s*([*#-]+)\s+(.*)$")


def jira_lines(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """Jira wiki markup as Markdown notes: "h3. Title" a "### " heading, "*"/"#"/"-" items "- " items, a "||Header||"
    row a table's header, "*bold*" "**bold**", "{{code}}" a code span, a link its text, a "{noformat}" or "{code}"
    block a fenced one; "{quote}", "{color}" and images nothing, a "----" rule nothing."""
    block = False
    for number, text in lines:
        if _JIRA_BLOCK.match(text):
            block = not block
            yield number, "```"
            continue
        if block:
            yield number, text
            continue
        if re.match(r"^\s*-{4,}\s*$", text):
            continue
        header = text.lstrip().startswith("||")
        text = _JIRA_MONO.sub(r"`\1`", _JIRA_MACRO.sub("", text))
        text = _JIRA_LINK.sub(lambda m: m.group(1) or m.group(2), text) if "[" in text else text
        text = _textile_spans(text)
        if heading := _TEXTILE_HEADING.match(text):
            yield number, f"{'#' * int(heading.group(1))} {heading.group(2).strip()}"
        elif header:
            yield from _header_row(number, [cell.strip() for cell in text.strip().strip("|").split("||")])
        elif text.startswith("bq. "):
            yield number, text[4:]
        elif item := _JIRA_LIST.match(text):
            yield number, _list_item(item.group(1), item.group(2))
        else:
            yield number, text
