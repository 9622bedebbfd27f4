"""Markup left in plain-text notes: HTML line breaks and entities pasted from a wiki, asterisk emphasis, LaTeX,
code comments and chat mentions.

Notes copied from a wiki or a web page keep `<br>`, `&nbsp;` and `*(me)*` in plain text. Read as
written, they end up in stems ("… per 10,000 <br>HTTP: _____"); read as what they mean, a `<br>` ends
a line, an entity is its character, emphasis is the text it emphasises, LaTeX is the text it typesets,
a `//` comment is a clause of its own ("10 MB; incl. attributes") and the "@channel" that opens a
pasted chat message addresses people, it says nothing.
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
    for line in lines:
        text = line.text
        if "*" in text:
            text = _EMPHASIS.sub(r"\1", text)
        if "\\" in text or text.count("$") > 1:
            text = _latex(text)
        if "/" in text and ("//" in text or "/*" in text):
            text = _BLOCK_COMMENT.sub(lambda m: f" ({m.group(1)})" if m.group(1) else "", text)
            text = _SLASHES.sub(";", text).rstrip("; ")
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
