"""Markup left in plain-text notes: HTML pasted from a wiki, asterisk emphasis, LaTeX, MediaWiki, code
comments, a transcript's fillers and chat mentions.

Notes copied from a wiki or a web page keep `<br>`, `&nbsp;` and `*(me)*` in plain text. Read as
written, they end up in stems ("… per 10,000 <br>HTTP: _____"); read as what they mean, a `<br>` ends
a line, an entity is its character, emphasis is the text it emphasises, LaTeX is the text it typesets,
MediaWiki's "== Limits ==", bold quotes and "; term : definition" read as rendered, a `//` comment is a
clause of its own ("10 MB; incl. attributes"), a value set in code type is a value ("`30 GB`"), a "▸"
toggle is a bullet, and hashtags closing a line, fillers ("um,"), a forum post's "(64 votes)" and the
"@channel" that opens a pasted chat message are dropped: none says anything. Notations that span lines (HTML tables, JSON objects,
reStructuredText) are read first, by `notations.block_notations`.
"""
from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Final

from .notations import block_notations
from .types import Line

__all__ = ["CROSSES", "unmarked"]

_BREAK: Final = re.compile(r"<br\s*/?>", re.IGNORECASE)
_ENTITY: Final = re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,5}|[A-Za-z]{2,8});")
# "*(me)*", "*wiki*": one asterisk each side, hugging the text; not "**bold**", "* item" or "0.5GB * 3s"
_EMPHASIS: Final = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,200}?)(?<=[^\s*])\*(?![\w*])")
# a value set in bold ("**80** data nodes", "**1,002**"): its words; a bold label ("**4096-bit SSL certificates:**") stays
_STRONG_VALUE: Final = re.compile(r"\*\*([~≈<>$€£]?\d[^*\n]{0,40}?)(?<![:\s])\*\*")
_LEAD: Final = re.compile(r"^\s*(?:[-*•]\s+)*")
# a code comment ("10 MB // incl. attributes") or a `//` between notes is a clause of its own; "https://" is not
_SLASHES: Final = re.compile(r"(?<=[^\s:/])\s+//+(?=\s|$)")
_BLOCK_COMMENT: Final = re.compile(r"\s*/\*\s*([^*]*?)\s*\*/")
_DOUBLE_DASH_RANGE: Final = re.compile(r"(?<=\d)--(?=\d)")      # "1--256 chars" (LaTeX's en dash, typed as notes)
# a Google Doc's comment anchor ("64 TB[a]"): a reader questioned what it marks; its sub-bullet "   o "
COMMENT_ANCHOR: Final = re.compile(r"(?<=[^\s\[(])\[([a-z]{1,2})\](?=[\s.,;:)]|$)")
_DOC_BULLET: Final = re.compile(r"^(\s{2,})[o▪■]\s+(?=\S)")
# a value set in code type ("`30 GB`", "~`$0.0075`", "`2,000,000`") is a value, not code; "`max-age=0`" stays code
_CODE_VALUE: Final = re.compile(r"`\s*([~≈]?[$€£]?\d[\d,.]*(?:\s?[A-Za-z%/µ]{1,12}){0,2})\s*`")
# a bullet drawn with a glyph (Notion's toggles "▸ CachingOptimized" and "▾ Settings", "◦", "➤", a dash "— Hot") is a
# bullet
# … a title's mark ("■ OSS 업로드 제한"), Korean notes' sub-item "ㄴ", and a bullet journal's signifiers: – note, ○ event,
# × done, ! insight; a middle dot ("· màx. 1 MB")
_GLYPHS: Final = "▸▹►▶▾▿▼‣◦▪▫➤➢■□●◆◇★☆ㄴ–—○×!·"
_CIRCLED: Final = "".join(map(chr, range(0x2460, 0x2474)))     # "① shard write 1 MB/s": a numbered item (①-⑳)
_GLYPH_SET: Final = frozenset(_GLYPHS + "・" + _CIRCLED)
# (Japanese "・" and a circled number need no space after them)
_GLYPH_BULLET: Final = re.compile(rf"^(\s*)(?:[{_GLYPHS}](?:\s+|$)|[・{_CIRCLED}]\s*)")
# an emphasis of the writer's own: "29 s (!!)", "(wichtig!!)", "(암)", a line's leading "!! " (a bullet journal's one "!" is
# a signifier: a bullet)
_BANGS: Final = re.compile(r"\s*\(\s*!{1,3}\s*\)|!{2,}(?=\s*\))|(?<=\S)!{2,}|^(\s*(?:[-*•]\s+)?)!{2,}\s*"
                           r"|\s*\((?:암기?|암기\s*필수|중요)\)"      # Korean "(암)" / "(암기)": "learn this by heart"
                           r"|(?<=[^\W\d_])\s+\*{1,3}\s*$", re.IGNORECASE)     # a bullet journal's priority: "QUOTAS *"
_ICONS: Final = re.compile(r"\s*\[(?:flag|star|prio(?:rity)?[- ]?\d)\]", re.IGNORECASE)     # a mind map's icons, as text
# a Markdown image ("![bg right:40%](img/cover.png)", a slide's background): a picture, no text
_IMAGE: Final = re.compile(r"\s*!\[[^\]]*\]\([^()\s]*(?:\s+\"[^\"]*\")?\)")
# a notebook's pointer to another page: "(… role inline policy -> p.11)", "see pp. 20-29"
_PAGE_POINTER: Final = re.compile(r"\s*(?:->|→|see)\s*pp?\.\s?\d{1,4}(?:\s?[-–]\s?\d{1,4})?\b", re.IGNORECASE)
CROSSES: Final = "✗✘✕✖❌🚫"      # cross marks: before a word it reads "not" (`sites.strip_marks`)
# ... but over a check's label ("❌ validation: …", a bot's failed check) it is the check's status: it goes
_STATUS_MARK: Final = re.compile(rf"^(\s*)[{CROSSES}]\ufe0f?\s*(?=[\w-]+:\s)")
_O_BULLET: Final = re.compile(r"^(\s+)o {2,}(?=\S)")      # a word processor's hollow bullet exported as "   o  job level: …"
# a sticky note's colour tag ("[yellow] overage = $0.01 per GiB"), a scribbled "(circled 3x)" and struck-out text
# ("~~$40~~ $4": the value written over it is the one meant)
_COLOUR_TAG: Final = re.compile(r"^(\s*)\[(?:yellow|pink|blue|green|orange|purple|red|white|grey|gray|violet|lilac|mint)\]\s*",
                                re.IGNORECASE)
_SCRIBBLE: Final = re.compile(r"\s*\((?:circled|underlined|starred|highlighted)(?:\s+\d+x)?\)", re.IGNORECASE)
_STRUCK: Final = re.compile(r"~~[^~\n]+~~\s*")
# an academic citation: "[3]", "[12, p. 4]", "[3, §Query limits]" (not an array "[1, 2, 3]" nor "arr[3]"), "(ibid.)"
# (a citation closes a sentence or a clause: "[30] attempts" is a value in brackets)
_CITATION: Final = re.compile(r"\s*(?<![\w\]])\[\d{1,3}(?:\s*,\s*(?:pp?\.\s*[\d–-]+|§[^\]]{1,80}))?\]"
                              r"(?:\s*,(?=\s*\[\d)|(?=\s*(?:$|[.,;:)]|\[\d|\(\s*ibid)))"
                              r"|\s*\(\s*ibid\.?\s*\)", re.IGNORECASE)
# where the writer read it: "[docs]", "[pricing page]", "[re:Invent talk]", "[XKS spec]" (not a link's "[docs](…)")
_SOURCE_TAG: Final = re.compile(r"\s*\[(?:[\w:.-]+\s){0,2}(?:docs?|documentation|pricing\s+page|faq|talk|spec|blog|whitepaper"
                                r"|source|ref|video|course|book)\](?![(\[])", re.IGNORECASE)
_CF_LEFT: Final = re.compile(r"[;,]?\s*\bcf\.\s*(?=[,;.)]|$)", re.IGNORECASE)   # "cf. [2]" once its citation is gone
_STRUCK_VERDICT: Final = re.compile(r"\W*(?:wrong|outdated|old|obsolete|nope|no|incorrect|superseded|not\s+anymore|x)?\W*",
                                    re.IGNORECASE)
# ... so is a "+ " (markdown's third bullet; not "+ 5%", an addition) and a tree's branch ("├── 7.0+ -> 1", "│   └── …")
_PLUS_BULLET: Final = re.compile(r"^(\s*)\+\s+(?=[^\d\s$€£~])")
_TREE_BULLET: Final = re.compile(r"^(\s*(?:│\s*)*)[├└]──*\s*")
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
# a transcript's fillers and stage directions ("so, um, it's", "[inaudible]", "[laughter]")
# dot leaders between a label and its value, as in a printed table: "INT64 ........ 8 bytes", "TIMESTAMP ... 8 bytes"
# (three dots only after a name that opens the line: "(32, 40, ... 120)" and "500 MB Free ... 50 GB" are ellipses)
_LEADER: Final = re.compile(r"(?<=\S)\s*\.{4,}\s*(?=\S)|^(?=\s*[A-Z][\w /]*?\s+\.{3}\s+[$\d])(\s*[A-Z][\w /]*?)\s+\.{3}\s+")
_FILLER: Final = re.compile(r"(?<![\w-])(?:u+m+|u+h+|erm|uhm)(?:,|\.\.\.|…)\s*|\s*\[(?:inaudible|laughter|laughs|crosstalk|pause)\]",
                            re.IGNORECASE)
# a forum post's score ("Accepted answer (64 votes):", "(12 upvotes)"): the thread's, not the subject's
_VOTES: Final = re.compile(r"\s*\(\d[\d,]*\s+(?:votes?|upvotes?|points?)\)", re.IGNORECASE)
# a daily log's date heading alone ("12/03 Tue", "Mon 2024-12-02"): when the author wrote, not what the notes say
_DAY_STARTS: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAY: Final = rf"(?:{'|'.join(_DAY_STARTS)})[a-z]*\.?"
_DAY_DATE: Final = r"\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?"
_DATE_LINE: Final = re.compile(rf"^\s*(?:{_DAY},?\s+)?(?:{_DAY_DATE}|\d{{4}}-\d{{2}}-\d{{2}})(?:,?\s+{_DAY})?\s*:?\s*$"
                               # a page's stamp (OneNote: "Monday, 4 March 2024    19:42"), a clipping's ("Screen
                               # clipping taken: 04/03/2024 19:55") and its source ("Pasted from <https://…>")
                               rf"|^\s*{_DAY},?\s+\d{{1,2}}\s+[A-Z][a-z]+\s+\d{{4}}\s+\d{{1,2}}:\d{{2}}\s*$"
                               r"|^\s*Screen\s+clipping\s+taken:.*$|^\s*Pasted\s+from\s+<[^<>]+>\s*$")
_DATE_LEAD: Final = re.compile(rf"^(\s*)(?:{_DAY},?\s+)?{_DAY_DATE}(?:,?\s+{_DAY})?\s+[—–-]\s+(?=\S)")
# chat addressing at a line's start: "@channel heads up:", "@maria,"; not a decorator ("@app.route(")
_MENTION: Final = re.compile(r"^(?P<lead>\s*(?:[-*•]\s+)*)(?:@[\w.-]+[,:]?\s+)+")
# LaTeX written in notes: "$p_{\\text{task}} = \\$0.30$", "40 $\\times$ 10", "\\%"; a math span holds a command, a
# sub- or superscript or a brace, or is a variable's one or two letters ("$S$") or a minus ("$-$", "$-1$");
# "$0.20 and $0.30" is money, and so is "F4 $0.20, F4_1G $0.30" (a "$" before a number closes no span)
_MATH: Final = re.compile(r"(?<!\\)\${1,2}(?!\s)((?:[^$\\]|\\.){0,200}?(?:\\[A-Za-z%$_&#,]|[\^_{])(?:[^$\\]|\\.){0,200}?"
                          r"|[A-Za-z]{1,2}|-\d*)(?<!\\)\${1,2}(?![\d.])")
_LATEX_SYMBOLS: Final = {"times": "×", "approx": "≈", "Rightarrow": "⇒", "rightarrow": "→", "to": "→", "le": "≤",
                         "leq": "≤", "ge": "≥", "geq": "≥", "cdot": "·", "sim": "~", "pm": "±", "mu": "µ", "neq": "≠",
                         "ne": "≠", "infty": "∞", "ll": "≪", "gg": "≫", "propto": "∝", "quad": " ", "left": "", "right": "",
                         "textasciitilde": "~", "dots": "…", "ldots": "…", "%": "%", "$": "$", "_": "_", "&": "&", "#": "#",
                         ",": " ", " ": " ", "{": "{", "}": "}"}
_LATEX_COMMAND: Final = re.compile(r"\\(?:text|mathrm|mathbf|textbf|emph|operatorname)\{([^{}]*)\}|\\([A-Za-z]+|[%$_&#, {}])")


def unmarked(lines: Sequence[Line], *, mail: bool = False) -> list[Line]:
    """`lines` without that markup: a line holding `<br>` becomes a line per part (same file line, the
    first part's bullet on each), parts left empty are dropped; `mail`: they are a mail's body (`is_mail`)."""
    out: list[Line] = []
    for line in block_notations(lines, mail=mail):
        text = line.text
        lead = text.lstrip()[:3]
        if text[:1].isdigit() or lead in _DAY_STARTS or lead[:1] in ("S", "P"):    # (a stamp, "Screen …", "Pasted …")
            if _DATE_LINE.match(text):
                continue
            text = _DATE_LEAD.sub(r"\1", text)       # "01/07 Tue — comparison …": the day it was written goes
        if "*" in text:
            text = _STRONG_VALUE.sub(r"\1", _EMPHASIS.sub(r"\1", text))
        if "\\" in text or text.count("$") > 1:
            text = _latex(text)
        if "--" in text:
            text = _DOUBLE_DASH_RANGE.sub("–", text)
        if "[" in text:
            text = COMMENT_ANCHOR.sub("?", text)        # (a value a question mark follows is not asked)
        if text[:2] == "  ":
            text = _DOC_BULLET.sub(r"\1- ", text)
        if text.lstrip().startswith("//") and not text.lstrip().startswith("///"):
            text = text[:len(text) - len(text.lstrip())] + text.lstrip()[2:].strip()   # a line comment is a note
        if "/" in text and ("//" in text or "/*" in text):
            text = _BLOCK_COMMENT.sub(lambda m: f" ({m.group(1)})" if m.group(1) else "", text)
            text = _SLASHES.sub(";", text).rstrip("; ")
        if "`" in text:
            text = _CODE_VALUE.sub(r"\1", text)
        if "*" in text:
            text = _FOOTNOTE_STAR.sub("", text)
        if "[" in text[:12]:
            text = _COLOUR_TAG.sub(r"\1- ", text)
        if "[" in text or "ibid" in text:
            cited = _SOURCE_TAG.sub("", _CITATION.sub("", text))
            cited = _CF_LEFT.sub("", cited) if cited != text and "cf." in cited.lower() else cited
            if cited != text and not cited.strip(" ,;:-"):
                continue        # "[9], [3, §Backup limits]": a line that only cites
            text = cited
        if "~~" in text or "(" in text:
            kept = _SCRIBBLE.sub("", _STRUCK.sub("", text))
            if kept != text and _STRUCK_VERDICT.fullmatch(kept):
                continue        # "~~R23 … $0.01/GB~~  WRONG": the struck line and the writer's verdict on it go
            text = kept
        if text.lstrip()[:3] == ">> ":       # the writer's own comment under a pasted page (a mail's quotes are read before)
            text = text.lstrip()[3:]
        if text.lstrip()[:1] in _GLYPH_SET:
            text = _GLYPH_BULLET.sub(r"\1- ", text)
        elif text.lstrip()[:2] == "o ":
            text = _O_BULLET.sub(r"\1- ", text)
        elif text.lstrip()[:1] in "+├└│":
            text = _TREE_BULLET.sub(lambda m: m.group(1).replace("│", " ") + "- ", _PLUS_BULLET.sub(r"\1- ", text))
        if "#" in text:
            text = _HASHTAGS.sub("", text)
        if "''" in text or "{{" in text or text.lstrip()[:1] == ";" or text.lstrip()[:2] == "==":
            text = _wiki(text)
        text = _FILLER.sub("", text)
        if "..." in text:
            text = _LEADER.sub(lambda m: (m.group(1) or "") + ": ", text)
        if "vote" in text or "point" in text:
            text = _VOTES.sub("", text)
        if "@" in text:
            text = _MENTION.sub(r"\g<lead>", text)
        if "!!" in text or "(!)" in text or "(암" in text or "(중요)" in text or text.rstrip().endswith("*"):
            text = _BANGS.sub(lambda m: m.group(1) or "", text)
        if "[" in text:
            text = _ICONS.sub("", text)
        if "p." in text:
            text = _PAGE_POINTER.sub("", text)
        if "![" in text:
            text = _IMAGE.sub("", text)
        if text.lstrip()[:1] in CROSSES:
            text = _STATUS_MARK.sub(r"\1", text)
        if "&" in text:
            text = _ENTITY.sub(lambda m: html.unescape(m.group()).replace("\xa0", " "), text)
        if "<" not in text or not _BREAK.search(text):
            out.append(line.retext(text))
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
