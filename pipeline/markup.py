"""Markup left in plain-text notes: HTML pasted from a wiki, asterisk emphasis, LaTeX, MediaWiki and
reStructuredText, JSON objects, code comments and chat mentions.

Notes copied from a wiki or a web page keep `<br>`, `&nbsp;` and `*(me)*` in plain text. Read as
written, they end up in stems ("… per 10,000 <br>HTTP: _____"); read as what they mean, a `<br>` ends
a line, an entity is its character, an HTML table's rows are pipe rows and its list items bullets,
emphasis is the text it emphasises, LaTeX is the text it typesets, a JSON object's pairs are lines,
MediaWiki's "== Limits ==", bold quotes and "; term : definition" and reStructuredText's fields,
directives and underlined titles read as rendered, a `//` comment is a clause of its own ("10 MB; incl.
attributes"), a value set in code type is a value ("`30 GB`"), a "▸" toggle is a bullet, and hashtags
closing a line and the "@channel" that opens a pasted chat message are dropped: neither says anything.
"""
from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Final

from .types import Line

__all__ = ["unmarked"]

_BREAK: Final = re.compile(r"<br\s*/?>", re.IGNORECASE)
_ENTITY: Final = re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,5}|[A-Za-z]{2,8});")
# "*(me)*", "*wiki*": one asterisk each side, hugging the text; not "**bold**", "* item" or "0.5GB * 3s"
_EMPHASIS: Final = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,200}?)(?<=[^\s*])\*(?![\w*])")
_LEAD: Final = re.compile(r"^\s*(?:[-*•]\s+)*")
# a code comment ("10 MB // incl. attributes") or a `//` between notes is a clause of its own; "https://" is not
_SLASHES: Final = re.compile(r"(?<=[^\s:/])\s+//+(?=\s|$)")
_BLOCK_COMMENT: Final = re.compile(r"\s*/\*\s*([^*]*?)\s*\*/")
# a value set in code type ("`30 GB`", "~`$0.0075`", "`2,000,000`") is a value, not code; "`max-age=0`" stays code
_CODE_VALUE: Final = re.compile(r"`\s*([~≈]?[$€£]?\d[\d,.]*(?:\s?[A-Za-z%/µ]{1,12}){0,2})\s*`")
# a bullet drawn with a glyph (Notion's toggle "▸ CachingOptimized", "◦", "➤") is a bullet
_GLYPHS: Final = "▸▹►▶‣◦▪▫➤➢"
_GLYPH_SET: Final = frozenset(_GLYPHS)
_GLYPH_BULLET: Final = re.compile(rf"^(\s*)[{_GLYPHS}](?:\s+|$)")
# reStructuredText: a field list's ":Default: 15s", a directive's ".. note:: …", ``literals``, a :kbd:`role`, and a
# title underlined with "====" or "----" (a heading, as "## Title" reads)
_FIELD: Final = re.compile(r"^(\s*(?:[-*•]\s+)?):([A-Za-z][^:`\n]{0,60}):(?=\s|$)")
_DIRECTIVE: Final = re.compile(r"^(\s*)\.\.\s+(note|warning|tip|hint|important|caution|attention|danger|seealso)::\s*",
                               re.IGNORECASE)
_ROLE: Final = re.compile(r":[a-z]+:(`[^`]+`)")
# "Example::" or a lone "::" opens a literal block, as ".. code-block:: yaml" does ("Example:" stays a label)
_LITERAL: Final = re.compile(r"(?<=\S)(::)\s*$|^\s*(?:\.\.\s+(?:code-block|code|sourcecode)::.*|::\s*)$")
_UNDERLINE: Final = re.compile(r"^\s*([=\-~^])\1{2,}\s*$")
# a footnote's asterisk after a word or value ("timeout*", "~5 RU*", "(size unit*)"); not "0.5 GB * 3 s" or "**"
_FOOTNOTE_STAR: Final = re.compile(r"(?<=[\w%)])\*(?=[\s,.;:)]|$)")
# hashtags closing a line ("… more than once #gcp #pubsub"): a post's tags, not its words
_HASHTAGS: Final = re.compile(r"(?:\s+#[A-Za-z][\w-]*)+\s*$")
# MediaWiki: "== Limits ==" is a heading, '''bold''' and ''italic'' their words, "; term : definition" a label and
# "{{note|…}}" a note
_WIKI_HEADING: Final = re.compile(r"^\s*(={2,6})\s*([^=].*?)\s*\1\s*$")
_WIKI_QUOTES: Final = re.compile(r"'{2,3}([^'\n]+?)'{2,3}")
_WIKI_TERM: Final = re.compile(r"^(\s*);\s*([^:;]+?)\s*(?::\s*|$)")
_WIKI_TEMPLATE: Final = re.compile(r"\{\{\s*([A-Za-z][\w ]{0,20})\s*\|\s*([^{}|]*?)\s*\}\}")
# JSON notes: "cloudRun": { "maxTimeout": "60 min" }, "concurrency": { "max": 1000 }  // set 1 for old PHP
_JSON_KEY: Final = re.compile(r'"[\w .$/-]{1,60}"\s*:')
_JSON_COMMENT: Final = re.compile(r'^((?:[^"/]|"[^"]*"|/(?!/)|(?<=\S)//)*?)(?:(?<=\s)|^)//')   # not "https://"
_JSON_TOKEN: Final = re.compile(r'"(?P<key>[\w .$/-]{1,60})"\s*:\s*(?:(?P<open>\{)|(?P<value>\[[^\]]*\]|"[^"]*"|[^,{}\[\]"]+))'
                                r'|(?P<close>\})')
_JSON_QUOTES: Final = re.compile(r'"([^"]*)"')
# HTML pasted into notes: a table's rows, list items and inline tags ("<tr><td>Invocation timeout</td><td>60 s</td></tr>")
_HTML_TAG: Final = re.compile(r"</?(?:table|thead|tbody|tfoot|tr|td|th|ul|ol|li|b|i|em|strong|u|code|span|p|div|small|sup|sub)\b[^<>]*>",
                              re.IGNORECASE)
_HTML_CELL_GAP: Final = re.compile(r"\s*</t[dh]>\s*<t[dh]\b[^<>]*>\s*", re.IGNORECASE)
_HTML_ROW: Final = re.compile(r"<tr\b[^<>]*>\s*<t[dh]\b[^<>]*>\s*(.*?)\s*</t[dh]>\s*(?:</tr>|$)", re.IGNORECASE)
_HTML_PART: Final = re.compile(r"<li\b[^<>]*>|<tr\b", re.IGNORECASE)
# a transcript's fillers and stage directions ("so, um, it's", "[inaudible]", "[laughter]")
_FILLER: Final = re.compile(r"(?<![\w-])(?:u+m+|u+h+|erm|uhm)(?:,|\.\.\.|…)\s*|\s*\[(?:inaudible|laughter|laughs|crosstalk|pause)\]",
                            re.IGNORECASE)
# chat addressing at a line's start: "@channel heads up:", "@maria,"; not a decorator ("@app.route(")
_MENTION: Final = re.compile(r"^(?P<lead>\s*(?:[-*•]\s+)*)(?:@[\w.-]+[,:]?\s+)+")
# LaTeX written in notes: "$p_{\\text{task}} = \\$0.30$", "40 $\\times$ 10", "\\%"; a math span holds a command, a
# sub- or superscript or a brace, or is a variable's one or two letters ("$S$"); "$0.20 and $0.30" is money
_MATH: Final = re.compile(r"(?<!\\)\${1,2}(?!\s)((?:[^$\\]|\\.){0,200}?(?:\\[A-Za-z%$_&#,]|[\^_{])(?:[^$\\]|\\.){0,200}?"
                          r"|[A-Za-z]{1,2})(?<!\\)\${1,2}")
_LATEX_SYMBOLS: Final = {"times": "×", "approx": "≈", "Rightarrow": "⇒", "rightarrow": "→", "to": "→", "le": "≤",
                         "leq": "≤", "ge": "≥", "geq": "≥", "cdot": "·", "sim": "~", "pm": "±", "mu": "µ", "neq": "≠",
                         "ne": "≠", "infty": "∞", "ll": "≪", "gg": "≫", "propto": "∝", "quad": " ", "left": "", "right": "",
                         "%": "%", "$": "$", "_": "_", "&": "&", "#": "#", ",": " ", " ": " "}
_LATEX_COMMAND: Final = re.compile(r"\\(?:text|mathrm|mathbf|textbf|emph|operatorname)\{([^{}]*)\}|\\([A-Za-z]+|[%$_&#, ])")


def unmarked(lines: Sequence[Line]) -> list[Line]:
    """`lines` without that markup: a line holding `<br>` becomes a line per part (same file line, the
    first part's bullet on each), parts left empty are dropped."""
    out: list[Line] = []
    for line in _restructured(_json(_html(lines))):
        text = line.text
        if "*" in text:
            text = _EMPHASIS.sub(r"\1", text)
        if "\\" in text or text.count("$") > 1:
            text = _latex(text)
        if "/" in text and ("//" in text or "/*" in text):
            text = _BLOCK_COMMENT.sub(lambda m: f" ({m.group(1)})" if m.group(1) else "", text)
            text = _SLASHES.sub(";", text).rstrip("; ")
        if "`" in text:
            text = _CODE_VALUE.sub(r"\1", text)
        if "*" in text:
            text = _FOOTNOTE_STAR.sub("", text)
        if text.lstrip()[:1] in _GLYPH_SET:
            text = _GLYPH_BULLET.sub(r"\1- ", text)
        if "#" in text:
            text = _HASHTAGS.sub("", text)
        if "''" in text or "{{" in text or text.lstrip()[:1] == ";" or text.lstrip()[:2] == "==":
            text = _wiki(text)
        if "u" in text or "[" in text:
            text = _FILLER.sub("", text) if _FILLER.search(text) else text
        if "@" in text:
            text = _MENTION.sub(r"\g<lead>", text)
        if "&" in text:
            text = _ENTITY.sub(lambda m: html.unescape(m.group()).replace("\xa0", " "), text)
        if "<" not in text or not _BREAK.search(text):
            out.append(line if text == line.text else Line(line.number, text, line.wraps))
            continue
        parts = _BREAK.split(text)
        lead = _LEAD.match(parts[0]).group()    # type: ignore[union-attr]
        for n, part in enumerate(parts):
            words = (part[len(lead):] if n == 0 else part).strip()
            if words:
                out.append(Line(line.number, part.rstrip() if n == 0 else lead + words))
    return out


def _wiki(text: str) -> str:
    """MediaWiki's marks read as rendered: "== Limits ==" → "## Limits", '''bold''' → bold, "; term : def" →
    "term: def", "{{note|x}}" → "Note: x"."""
    heading = _WIKI_HEADING.match(text)
    if heading:
        return "#" * len(heading.group(1)) + " " + heading.group(2)
    text = _WIKI_TEMPLATE.sub(lambda m: f"{m.group(1).strip().capitalize()}: {m.group(2)}", _WIKI_QUOTES.sub(r"\1", text))
    return _WIKI_TERM.sub(lambda m: f"{m.group(1)}{m.group(2)}:" + (" " if m.end() < len(text) else ""), text)


def _json(lines: Sequence[Line]) -> Sequence[Line]:
    """Notes written as JSON objects, read as the facts they list: each `"key": value` is a line `path key:
    value` (the keys of the objects around it first), arrays their items, a `// comment` the note after it;
    braces alone go. Each line keeps its file line."""
    if not any(_JSON_KEY.search(line.text) for line in lines):
        return lines
    out: list[Line] = []
    path: list[str] = []
    for line in lines:
        text, _, comment = _JSON_COMMENT.sub(lambda m: m.group(1) + "\0", line.text).partition("\0")
        comment = comment.strip()
        pairs: list[str] = []
        for m in _JSON_TOKEN.finditer(text):
            if m.group("close"):
                del path[-1:]
            elif m.group("open"):
                path.append(m.group("key"))
            elif m.group("key") is not None:
                value = _JSON_QUOTES.sub(r"\1", m.group("value").strip().strip(","))
                pairs.append(" ".join([*path, m.group("key"), ""]).rstrip() + ": " + value.strip("[] "))
        if not pairs and not _JSON_KEY.search(text) and text.strip(" {}[],"):
            out.append(line if not comment else Line(line.number, text.rstrip() + "; " + comment, line.wraps))
            continue
        if pairs and comment:
            pairs[-1] += "; " + comment
        elif comment:
            pairs.append(comment)
        out += [Line(line.number, pair, line.wraps) for pair in pairs]
    return out


def _html(lines: Sequence[Line]) -> Sequence[Line]:
    """HTML pasted into plain notes, read as rendered: each table row a markdown pipe row (a row of `<th>`
    cells a header, with its separator), each `<li>` a "- " item, `<code>` a code span, other tags their text.
    A row or item written across lines is joined onto its first file line."""
    if not any("<" in line.text and _HTML_TAG.search(line.text) for line in lines):
        return lines
    out: list[Line] = []
    pending: Line | None = None           # a table row opened and not yet closed
    for line in lines:
        text = line.text
        if pending is not None:
            text, line = pending.text + " " + text.strip(), pending
            pending = None
        if re.search(r"<tr\b", text, re.IGNORECASE) and not re.search(r"</tr>", text[text.lower().rfind("<tr"):], re.IGNORECASE):
            pending = Line(line.number, text, line.wraps)
            continue
        for part in _HTML_PART.sub(lambda m: "\0" + m.group(), text).split("\0"):
            out += _html_part(Line(line.number, part, line.wraps))
    if pending is not None:
        out += _html_part(pending)
    return out


def _html_part(line: Line) -> list[Line]:
    """One row or item of `_html`, or a line without either."""
    text = line.text
    row = _HTML_ROW.search(text)
    if row:
        cells = [_HTML_TAG.sub("", cell).strip() for cell in _HTML_CELL_GAP.split(row.group(1))]
        piped = [Line(line.number, "| " + " | ".join(cells) + " |", line.wraps)]
        if re.search(r"<th\b", text, re.IGNORECASE):
            piped.append(Line(line.number, "|" + "---|" * len(cells)))
        return piped
    item = re.match(r"\s*<li\b[^<>]*>", text, re.IGNORECASE)
    text = re.sub(r"<code\b[^<>]*>(.*?)</code>", r"`\1`", text, flags=re.IGNORECASE)
    text = _HTML_TAG.sub("", text).strip()
    if not text:
        return []
    return [Line(line.number, ("- " if item else "") + text, line.wraps)]


def _restructured(lines: Sequence[Line]) -> Sequence[Line]:
    """`lines` with reStructuredText's marks read: a field or directive name is a label, a double-backtick
    literal a code span, an underlined title a heading (its underline goes), and the indented block after
    "::" or ".. code-block::" a fenced code block (its numbers are a listing's, not facts)."""
    if not any(":" in line.text or "``" in line.text or _UNDERLINE.match(line.text) for line in lines):
        return lines
    out: list[Line] = []
    headed = False          # the line before was made a heading: this one is its underline
    literal: int | None = None   # inside a literal block: the indent of the line that opened it
    for k, line in enumerate(lines):
        text = line.text
        if literal is not None:
            if not text.strip() or _indent(text) > literal:
                out.append(line)
                continue
            out.append(Line(out[-1].number, "```"))
            literal = None
        if headed:
            headed = False
            continue
        below = lines[k + 1].text if k + 1 < len(lines) else ""
        if _UNDERLINE.match(below) and _underlined(text, below):
            text, headed = "## " + text.strip(), True
        opens = _LITERAL.search(text)
        if opens:                   # "Example::" keeps "Example:"; a lone "::" or a directive is only the fence
            literal, text = _indent(text), text[:opens.start()] + (":" if opens.group(1) else "")
            if not text.strip():
                out.append(Line(line.number, "```"))
                continue
        if ":" in text:
            text = _DIRECTIVE.sub(lambda m: f"{m.group(1)}{m.group(2).capitalize()}: ", _FIELD.sub(r"\1\2:", text))
            text = _ROLE.sub(r"\1", text)
        if "``" in text:
            text = text.replace("``", "`")
        out.append(line if text == line.text else Line(line.number, text, line.wraps))
        if opens:
            out.append(Line(line.number, "```"))
    if literal is not None:
        out.append(Line(out[-1].number, "```"))
    return out


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _underlined(title: str, underline: str) -> bool:
    """Whether `underline` ("=======") underlines `title` as reStructuredText and Markdown headings do."""
    words = title.strip()
    return bool(words) and not title.lstrip().startswith(("-", "*", "•")) and "|" not in words \
        and len(underline.strip()) >= len(words) - 2


def _latex(text: str) -> str:
    """Math spans and escapes as the plain text they stand for: "$\\approx \\$12{,}120$" → "≈ $12,120"."""
    text = _MATH.sub(lambda m: _plain(m.group(1)), text)
    # outside math only the commands known here: "C:\\Users" is a path
    return _LATEX_COMMAND.sub(lambda m: _symbol(m) if m.group(2) in _LATEX_SYMBOLS else m.group(0), text) \
        if "\\" in text else text


def _plain(math: str) -> str:
    math = math.replace("{,}", ",")
    math = re.sub(r"\^\{([^{}]*)\}", r"^\1", re.sub(r"_\{([^{}]*)\}", r"_\1", math))
    math = re.sub(r"\\frac\{([^{}]*)\}\{([^{}]*)\}", r"(\1)/(\2)", re.sub(r"\\sqrt\{([^{}]*)\}", r"√\1", math))
    math = _LATEX_COMMAND.sub(_symbol, math)
    return math.replace("{", "").replace("}", "").strip()


def _symbol(m: re.Match[str]) -> str:
    if m.group(1) is not None:
        return m.group(1)
    return _LATEX_SYMBOLS.get(m.group(2), m.group(2))     # (an unknown command: its name, "\\Lambda" → Lambda)
