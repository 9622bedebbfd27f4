"""Where the cards of a native text deck written without `---` lines begin: most study notes are.

Such a file is one long page of notes, and as one card every question's subject would be the
page's first line. Its own structure says where its cards are, in this order:

0. Manual pages (`NAME` over an indented `droplet - what it is`): a card starts at each page, at its
   `DROPLET(7)` header line or else at its `NAME`; a lone `.` between pages is no line of either.
1. Markdown headings (`## Limits`): a card starts at each heading of the level the notes use most
   (and at any shallower one); deeper headings stay inside their card, and a heading with no
   notes under it (`# PART 2` over `## …`) names a section, no card of its own.
2. Paragraphs: a blank line ends a card when the next paragraph opens with a title line (short,
   capitalised, or in lower case in notes titled so (`lowercase_titles`), not a list item, not an answer
   mark, no sentence that runs on, but for a colon in notes that end every title with one (`colon_titles`)) or a letter's "Dear Sam,"; other paragraphs (a list after a blank
   line, more prose) stay with the card above them.

A line inside a fenced code block starts no card. Notes with neither stay one card, as before.
Emacs Org-mode notes (`org_lines`) are read as the Markdown notes they are: `** DONE Title  :tags:`
is `## Title`, and reStructuredText's adorned titles are headings of their style's level (`rst_lines`); so is a
mind map exported as tab-indented text (`outline_lines`): its nodes with
branches down to the depth most of them are at are headings, the rest list items. Paragraphs numbered
upwards (`numbered_titles`), notebook pages (`p.8 — …`) and, in terminal sessions, each command start
cards; a notebook exported as source (`notebook_breaks`) is a card per cell.
"""
from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from typing import Final

__all__ = ["BREAK", "MAN_HEADER", "MAN_NAME", "MAN_PAGES", "NOTEBOOK_SOURCE", "ORG_DRAWER", "ORG_DRAWER_END",
           "ORG_PLANNING", "PAGE_REF", "PROMPT", "SALUTATION", "card_level", "clipping_breaks", "is_clippings", "is_date",
           "is_org", "note_breaks", "notebook_breaks", "numbered_titles", "org_lines", "outline_depth", "outline_lines",
           "is_rst", "colon_titles", "lowercase_titles", "rst_lines", "ruled_sections", "terminal_sessions"]

BREAK: Final = None     # in `note_breaks`' output: a card ends here
_HEADING: Final = re.compile(r"^(#{1,6})\s+\S")
_FENCE: Final = re.compile(r"^\s*(?:```|~~~)")
_ANSWER: Final = re.compile(r"^\s*A:")
_WIKI_TITLE: Final = re.compile(r"^\s*(={2,6})\s*(\S.*?)\s*\1\s*$")
_NUMBERED: Final = re.compile(r"^\s*(\d{1,3})[.)]\s+(?=\S)")     # "31) gp3", "4. Free Tier"
# a shell's prompt before a command: "$ aws …", "[sandbox us-east-1] $ …", "me@box:~$ …" (in a terminal session kept as
# notes, a "# note: …" line is the shell's comment, no heading)
PROMPT: Final = re.compile(r"^\s*(?:\[[^\]]{1,40}\]\s*|[\w.-]+@[\w.-]+(?::[^$\s]*)?\s*)?\$\s+(?=\S)")
# a notebook page's number before its title: "p.8 — IAM limits collection: USERS", "pp. 2-3 – INDEX"
PAGE_REF: Final = re.compile(r"(?:^|(?<=› ))\s*(?:pp?\.|page|S\.|str\.)\s?\d{1,4}(?:\s?[-–]\s?\d{1,4})?\s*[—–:-]\s+(?=\S)", re.IGNORECASE)
_LIST: Final = re.compile(r"^(?:[-*•+>|(]|\[[ xX]\]|\d+[.)]\s)")     # not "[1] Retention": a numbered title
# a title does not run on: no line ending inside a sentence ("Limits:", "… and the") or, past a title's usual
# length, on a preposition ("… with a minimum of"; "Query profile – what to look for" is a title)
_RUNS_ON: Final = re.compile(r"(?:[.,;:(\-–—=+&/]|\b(?:a|an|the|and|or|is|are))$", re.IGNORECASE)
_RUNS_ON_LONG: Final = re.compile(r"\b(?:of|to|in|on|for|with|by|at|from|per)$", re.IGNORECASE)
_FRAME: Final = re.compile(r"^([=*~_+])\1{1,}\s*|\s*([=*~_+])\2{1,}$")    # a title set off by "===" or "***"
# a letter's greeting ("Dear Sam,"): it opens a card, whose title it is not
SALUTATION: Final = re.compile(r"^\s*(?:Dear|Hi|Hey|Hello|Hiya)\s+[^\W\d][^,]{0,30},\s*$", re.IGNORECASE)
# a date and nothing else ("Monday, December 4th, 2023", "Tue 5 Dec", "2024-01-03"): a chat export's day, a log's entry
_DATE_WORDS: Final = re.compile(r"\b(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|jan(?:uary)?|"
                                r"feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|"
                                r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|\d+(?:st|nd|rd|th)?)\b|[\s,./:-]+", re.IGNORECASE)
MAX_TITLE_CHARS: Final = 100
SHORT_TITLE_CHARS: Final = 60
# a section's part number ("BAGIAN A: CODE ENGINE", "Part 2 - Limits"), and the size of a name short enough to head
# its cards' titles
_SECTION_LABEL: Final = re.compile(r"^[^\W\d_]+\s+(?:\d{1,3}|[A-Z]{1,4})\s*(?:[:.–—]|-{1,2})\s+(?=\S)")   # ("PART A -- SQS")
# a kanban board's list ("LIST: Doing - PRICING WEEK"): where a card stands in the work, not what it is about
_KANBAN_LIST: Final = re.compile(r"^(?:list|column|lane|swimlane)\s*:", re.IGNORECASE)
# a rule above and below a name, commented out or not ("=====" / "LIST: Backlog" / "=====", "% =====" / "% PART A" / …)
_RULE: Final = re.compile(r"^\s*(%|#|//|;)?\s*([=*~_+#])\2{4,}\s*$")
MAX_SECTION_CHARS: Final = 40
MAX_SECTION_WORDS: Final = 6


MAN_PAGES: Final = -1    # `card_level` of notes kept as manual pages
MAN_HEADER: Final = re.compile(r"^[A-Z][A-Z0-9_.-]*\(\d\w*\)")     # "DROPLET-BASIC(7)    my notes    DROPLET-BASIC(7)"
MAN_NAME: Final = re.compile(r"^NAME\s*$")
_ROFF_DOT: Final = re.compile(r"^\.\s*$")


def is_date(text: str) -> bool:
    """Whether a line is a date and nothing else: it names no subject ("Monday, December 4th, 2023", "2024-01-03")."""
    return any(c.isdigit() for c in text) and not _DATE_WORDS.sub("", text)


def terminal_sessions(sample: Sequence[str]) -> bool:
    """Whether notes are terminal sessions saved as notes: two shell prompts or more."""
    return sum(1 for text in sample if PROMPT.match(text)) >= 2


# a comment framed as a title in source: "# --- REST API integration timeout ---", "// ==== Limits ===="
_COMMENT_TITLE: Final = re.compile(r"^\s*(?:#|//|;|%)\s*([-=~*])\1+\s*(?P<title>\S.*?)\s*\1{2,}\s*$")
_PY_CONSTANT: Final = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\s*(?::\s*[\w\[\], ]+)?=\s*\S")    # "MAX_PAYLOAD_MB = 10"
_PY_STATEMENT: Final = re.compile(r"^(?:from\s+[\w.]+\s+import\s|import\s+\w|class\s+\w+\s*[(:]|def\s+\w+\s*\()")


def python_source(sample: Sequence[str]) -> bool:
    """Whether notes are kept as a Python file of constants (five or more, and an import, class or function): their
    "# …" lines are comments, no headings."""
    return (sum(1 for text in sample if _PY_CONSTANT.match(text)) >= 5
            and any(_PY_STATEMENT.match(text) for text in sample))


def card_level(sample: Iterable[str]) -> int:
    """The heading level cards start at: the level used most (the shallower of two as common), if
    at least twice; 0 when the notes have no such headings, `MAN_PAGES` when they are manual pages
    (`sample`: the notes' first lines). (In terminal sessions, `terminal_sessions`, "#" lines are comments.)"""
    sample = list(sample)
    if sum(1 for text in sample if MAN_NAME.match(text)) >= 2:
        return MAN_PAGES
    counts = Counter(len(m.group(1)) for text in _unfenced(sample) if (m := _HEADING.match(text)))
    if not counts:
        return 0
    level, n = min(counts.items(), key=lambda item: (-item[1], item[0]))
    return level if n >= 2 else 0


def ruled_sections(sample: Sequence[str], level: int, rules: int) -> bool:
    """Whether the `rules` `---` lines of notes whose cards are headings of `level` are a README's rules between
    sections of several cards each (twice as many such headings as rules), not the deck's card separators."""
    if level <= 0:
        return False
    return sum(1 for text in _unfenced(sample) if (m := _HEADING.match(text)) and len(m.group(1)) == level) >= 2 * rules


def is_clippings(sample: Sequence[str]) -> bool:
    """Whether a deck is a Kindle "My Clippings" export: highlights and notes, each under a "- Your Highlight on
    page 42 | Location 630-632 | Added on …" line and over a "==========" one."""
    return sum(1 for text in sample[:200] if _CLIPPING_META.match(text)) >= 2


def clipping_breaks(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str] | None]:
    """A clippings file's (number, line)s: each clipping a card (the book's title its title, the passage or note its
    notes); the "- Your Highlight …" line is no line of it, a bookmark (no passage) no card."""
    clip: list[tuple[int, str]] = []
    for number, text in lines:
        if _CLIPPING_END.match(text):
            if not any(_CLIPPING_META.match(t) and "Bookmark" in t for _, t in clip):
                yield from ((n, t) for n, t in clip if not _CLIPPING_META.match(t))
            yield BREAK
            clip = []
        else:
            clip.append((number, text.lstrip("\ufeff")))
    yield from ((n, t) for n, t in clip if not _CLIPPING_META.match(t))


_CLIPPING_META: Final = re.compile(r"^\s*-\s*Your\s+(?:Highlight|Note|Bookmark)\b.*\|\s*Added\s+on\b", re.IGNORECASE)
_CLIPPING_END: Final = re.compile(r"^\s*={10}\s*$")


# Emacs Org-mode: "* Section" and "** DONE Card title   :exam:" headings (a TODO keyword, a priority, tags), a file's
# "#+TITLE:" and "#+TODO: TODO NEXT | DONE" keywords, "# comments", drawers (":PROPERTIES:" … ":END:") and planning
# lines ("CLOSED: [2026-02-02 Mon 21:40]"); an org-drill card's answer under its "*** Answer" heading
_ORG_HEADING: Final = re.compile(r"^(\*+)\s+(.*?)(?:\s+:((?:[\w@#%$]+:)+))?\s*$")
_ORG_PRIORITY: Final = re.compile(r"^\[#[A-Z0-9]\]\s+")
_ORG_SIGN: Final = re.compile(r"^(?:#\+\w+:|\s*:PROPERTIES:\s*$|\*{2,}\s+\S|\*+\s.*\S\s{2,}:(?:[\w@#%]+:)+\s*$)")
_ORG_STATES: Final = frozenset({"TODO", "DONE", "NEXT", "WAITING", "HOLD", "CANCELED", "CANCELLED"})
_ORG_STATE_LINE: Final = re.compile(r"^#\+(?:SEQ_|TYP_)?TODO:(.*)$", re.IGNORECASE)
_ORG_META: Final = re.compile(r"^(?:#\+(?!begin_|end_)\w+:|#(?:\s|$))", re.IGNORECASE)
ORG_DRAWER: Final = re.compile(r"^\s*:(?:PROPERTIES|LOGBOOK):\s*$")
ORG_DRAWER_END: Final = re.compile(r"^\s*:END:\s*$")
ORG_PLANNING: Final = re.compile(r"^\s*(?:(?:CLOSED|SCHEDULED|DEADLINE):\s*[\[<][^\]>]*[\]>]\s*)+$")
_ORG_ANSWER: Final = re.compile(r"(?:Answer|Back|Antwort|Réponse|Respuesta|Resposta|Odpowiedź)", re.IGNORECASE)
_ORG_UNEXPORTED: Final = frozenset({"noexport", "ARCHIVE"})


def is_org(sample: Sequence[str]) -> bool:
    """Whether notes are an Emacs Org-mode file: two "* " headings or more, and two signs only Org-mode gives (a
    "#+KEYWORD:" line, a drawer, a "** " heading, a heading's aligned ":tags:"); a Markdown list of "* " items has
    none (an item that ends in an emoji's ":tada:" one at most)."""
    return (sum(1 for text in sample if text[1:2] in "* " and _ORG_HEADING.match(text)) >= 2
            and sum(1 for text in sample if _ORG_SIGN.match(text)) >= 2)


def org_lines(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """An Org-mode file's (number, line)s as Markdown notes: a heading a Markdown heading of its level, without its
    TODO keyword, priority and tags; an org-drill "*** Answer" heading the card's "A:"; keywords, comments, drawers,
    planning lines and subtrees tagged `:noexport:` nothing. (Blocks, links and marks are read card by card.)"""
    states = set(_ORG_STATES)
    cut: int | None = None          # the level of an unexported subtree being passed over
    drawer = False
    for number, text in lines:
        heading = _ORG_HEADING.match(text) if text.startswith("*") else None
        if heading is not None and heading.group(2):
            level, title = len(heading.group(1)), heading.group(2)
            if cut is not None and level > cut:
                continue
            cut, drawer = None, False
            if _ORG_UNEXPORTED & set((heading.group(3) or "").split(":")):
                cut = level
                continue
            first, _, rest = title.partition(" ")
            title = _ORG_PRIORITY.sub("", rest.strip() if first in states and rest.strip() else title)
            yield number, ("A:" if level > 1 and _ORG_ANSWER.fullmatch(title) else f"{'#' * level} {title}")
            continue
        if cut is not None:
            continue
        if drawer or ORG_DRAWER.match(text):
            drawer = not ORG_DRAWER_END.match(text)
            continue
        if (state_line := _ORG_STATE_LINE.match(text)) is not None:
            states.update(word.split("(")[0] for word in state_line.group(1).split() if word != "|")
            continue
        if _ORG_META.match(text) or ORG_PLANNING.match(text):
            continue
        yield number, text


# reStructuredText: a title is underlined (and maybe overlined) with a line of one punctuation mark at least as long as
# it; each style ("=" over and under, "-" under, "~" under …) is a level, in the order the file first uses it
_ADORNMENT: Final = re.compile(r"""^([=\-~^"'`:+*#_<>.])\1{2,}\s*$""")
_RST_COMMENT: Final = re.compile(r"^\s*\.\.(?:\s*$|\s+(?![\w.-]+::|\[|\|))")   # a comment, or a link target's label
_RST_SIGN: Final = re.compile(r"^(?:\.\.\s+(?:[\w-]+::|_[^:]+:|\|[^|]+\|)|:[A-Za-z][\w -]*:(?:\s|$))")


def is_rst(sample: Sequence[str]) -> bool:
    """Whether notes are reStructuredText: three titles adorned as it adorns them, and a directive or field list
    (`.. note::`, `:Author:`) or an adornment Markdown has not ("~~~~" under a title would read as a code fence).
    (A banner framed by "====" rules, with neither, is read as such: `_framed`.)"""
    titles, styles = 0, set()
    for before, text, after in zip(["", *sample], sample, [*sample[1:], ""]):
        if _rst_title(before, text, after) or (_ADORNMENT.match(before) and _rst_title("", text, after, before)):
            titles += 1
            styles.add(after.strip()[0])
    return titles >= 3 and (bool(styles - {"=", "-"}) or any(_RST_SIGN.match(text) for text in sample))


def _rst_title(before: str, text: str, adornment: str, overline: str = "") -> bool:
    """Whether `text`, after `before` and over `adornment`, is a title (a blank line or its overline above it)."""
    title = text.strip()
    return (bool(title) and not before.strip() and _ADORNMENT.match(adornment) is not None
            and not _ADORNMENT.match(text) and not _LIST.match(title) and len(adornment.strip()) >= len(title)
            and (not overline or overline.strip() == adornment.strip()))


def rst_lines(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """A reStructuredText file's (number, line)s with its titles as the Markdown headings they are ("Limits" over
    "~~~~~~" is "### Limits" when "~" is the third style the file uses); their adornment lines go. (Directives,
    fields and literals are read card by card.)"""
    styles: list[tuple[str, bool]] = []
    pending: deque[tuple[int, str]] = deque()
    before = ""

    def heading(number: int, title: str, style: tuple[str, bool]) -> tuple[int, str]:
        if style not in styles:
            styles.append(style)
        return number, f"{'#' * min(styles.index(style) + 1, 6)} {title.strip()}"

    def resolved(final: bool) -> Iterator[tuple[int, str]]:
        nonlocal before
        while pending:
            first = pending[0][1]
            if len(pending) >= 3 and _rst_title(before, pending[1][1], pending[2][1], first):
                number, title = pending[1]
                yield (out := heading(number, title, (pending[2][1].strip()[0], True)))
                before = out[1]
                for _ in range(3):
                    pending.popleft()
                continue
            if not final and (len(pending) < 2 or (len(pending) < 3 and _ADORNMENT.match(first))):
                return
            if len(pending) >= 2 and _rst_title(before, first, pending[1][1]):
                yield (out := heading(pending[0][0], first, (pending[1][1].strip()[0], False)))
                before = out[1]
                pending.popleft()
                pending.popleft()
                continue
            out = pending.popleft()
            before = out[1]
            yield out

    for item in _uncommented(lines):
        pending.append(item)
        yield from resolved(final=False)
    yield from resolved(final=True)


def _uncommented(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """reStructuredText's (number, line)s without its comments (".. " and text that is no directive, footnote or
    substitution: ".. TODO: check the Memcached price", ".. end of file -- last edited …") and the lines indented
    under one, or its link targets (".. _memcached-ha:"): none of them is notes."""
    inside: int | None = None       # the indent of the comment being passed over
    for number, text in lines:
        if inside is not None and text.strip() and len(text) - len(text.lstrip()) > inside:
            continue
        inside = None
        if _RST_COMMENT.match(text):
            inside = len(text) - len(text.lstrip())
            continue
        yield number, text


# A notebook exported as a source file: Databricks' "# Databricks notebook source" with "# COMMAND ----------"
# between cells and "# MAGIC " before a markdown or SQL cell's lines; Jupytext's "# %%" cells
NOTEBOOK_SOURCE: Final = re.compile(r"^\s*#\s*(?:Databricks notebook source|%%)")
_CELL: Final = re.compile(r"^\s*#\s*(?:COMMAND\s*-{3,}|%%)")
_MAGIC: Final = re.compile(r"^\s*#\s*MAGIC(?:\s|$)")
_MAGIC_COMMAND: Final = re.compile(r"^\s*%(?:md|md-sandbox|sql|python|scala|r|sh|fs|run|pip)\b.*$")
CODE_COMMENT: Final = re.compile(r"(?:^|\s)#\s*(\S.*?)\s*$")     # "    "max_retries": 3,   # default 0 (no retries)"
_CELL_TITLE: Final = re.compile(r"^\s*#\s*DBTITLE\s+\d+\s*,\s*(.+?)\s*$")


def notebook_breaks(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str] | None]:
    """A notebook exported as source read as its cells, a card each: a markdown cell's "# MAGIC " marks gone (its
    "%md" or "%sql" line too), a cell's "# DBTITLE 1,Title" its heading, a code cell's comments its notes (its code,
    the writer's own settings, "max_retries": 3, is no note)."""
    for number, text in lines:
        if _CELL.match(text):
            yield BREAK
            continue
        if number == 1 and NOTEBOOK_SOURCE.match(text):
            continue
        if _MAGIC.match(text):
            text = _MAGIC.sub("", text, count=1)
            if _MAGIC_COMMAND.match(text):
                continue
        elif title := _CELL_TITLE.match(text):
            text = f"## {title.group(1)}"
        elif text.strip():
            comment = CODE_COMMENT.search(text)
            if comment is None:
                continue
            text = f"- {comment.group(1)}"
        yield number, text


def outline_depth(sample: Sequence[str]) -> int | None:
    """The depth of the nodes that are cards in a mind map or outline exported as tab-indented text: the depth at
    which most nodes branch (the shallower of two as common); None when the notes are no such outline (most lines
    indented by tabs, three levels deep or more, few of them list items)."""
    texts = [text for text in sample if text.strip()]
    depths = [len(text) - len(text.lstrip("\t")) for text in texts]
    if len(texts) < 10 or 2 * sum(1 for d in depths if d) < len(texts) or max(depths) < 2 \
            or 5 * sum(1 for text in texts if _LIST.match(text.lstrip())) > len(texts):
        return None
    branching = Counter(d for d, below in zip(depths, depths[1:]) if below > d)
    return min(branching, key=lambda d: (-branching[d], d)) if branching else None


def outline_lines(lines: Iterable[tuple[int, str]], depth: int) -> Iterator[tuple[int, str]]:
    """A tab-indented outline's (number, line)s as Markdown notes (`depth`: `outline_depth`): a node that branches,
    down to `depth`, a heading of its level; every other node a list item, indented by its depth below the card's."""
    held: tuple[int, str] | None = None
    for item in chain(lines, [None]):
        below = -1 if item is None or not item[1].strip() else len(item[1]) - len(item[1].lstrip("\t"))
        if held is not None:
            number, text = held
            d = len(text) - len(text.lstrip("\t"))
            if not text.strip():
                yield number, ""
            elif d <= depth and below > d:
                yield number, f"{'#' * (d + 1)} {text.strip()}"
            else:
                yield number, f"{'  ' * max(0, d - depth - 1)}- {text.strip()}"
        held = item


def numbered_titles(sample: Sequence[str]) -> bool:
    """Whether notes number their cards' titles ("1) Billing EC2" after a blank line, over a line that is no next
    item): three such paragraphs or more, numbered upwards (a numbered list is no such paragraphs)."""
    numbers = [int(m.group(1)) for before, text, after in zip(["", *sample], sample, [*sample[1:], ""])
               if not before.strip() and after.strip() and not _NUMBERED.match(after)
               and (m := _NUMBERED.match(_FRAME.sub("", text.strip())))]       # (framed too: "== 3. Basic tier ==")
    return len(numbers) >= 3 and 5 * sum(1 for a, b in zip(numbers, numbers[1:]) if b > a) >= 4 * (len(numbers) - 1)


def lowercase_titles(sample: Sequence[str]) -> bool:
    """Whether the notes' writer titles cards in lower case ("cognito big picture" over "- 2 seperate things"): three
    paragraphs or more open with a short lower-case line over a list, no fewer than open with a capital."""
    lower = upper = 0
    for before, text, after in zip(["", *sample], sample, [*sample[1:], ""]):
        title = text.strip()
        if (before.strip() or not title or text != text.lstrip() or len(title) > SHORT_TITLE_CHARS
                or _LIST.match(title) or not _LIST.match(after.strip()) or _RUNS_ON.search(title)):
            continue
        lower += title[0].islower()
        upper += title[0].isupper()
    return lower >= 3 and lower >= upper


def colon_titles(sample: Sequence[str]) -> bool:
    """Whether the notes' writer ends each card's title with a colon ("Cloud Run – concurrency:" over "– default 80
    …"): three paragraphs or more open so over a list, more than open otherwise."""
    colon = other = 0
    for before, text, after in zip(["", *sample], sample, [*sample[1:], ""]):
        title = text.strip()
        if before.strip() or not title or text != text.lstrip() or _LIST.match(title) or not _listed(after.strip()):
            continue
        ends = title.endswith(":") and len(title) <= MAX_TITLE_CHARS and not _RUNS_ON.search(title[:-1].rstrip())
        colon, other = colon + ends, other + (not ends)
    return colon >= 3 and colon > other


def _listed(text: str) -> bool:
    """Whether a line is a list item, its bullet a dash of any length or a middle dot too ("– 80", "· màx. 1 MB")."""
    return bool(_LIST.match(text)) or text[:2] in ("– ", "— ", "· ")


def note_breaks(level: int, lines: Iterable[tuple[int, str]], *, numbered: bool = False, lowercase: bool = False,
                colon: bool = False, sessions: bool = False) -> Iterator[tuple[int, str] | None]:
    """`lines` (number, text) with a `BREAK` where a card begins (`level`: `card_level` of the notes).

    A heading, a framed banner or the page's first line that names a section or the deck (nothing but blank lines
    before the next card's title) is left out; a section's name heads the titles of the cards under it ("# KV" over
    "## Limits" titles the card "## KV › Limits"), as it says whose they are."""
    if level == MAN_PAGES:
        yield from _man_breaks(lines)
        return
    if not level:
        lines = _framed(lines)
    fenced, blank = False, True          # the first line may be a banner too
    held: list[tuple[int, str]] = []     # a heading that starts a card, and the blank lines after it
    started = False                      # some line of the current card was given out
    given = False                        # some line of the page was given out
    section = ""                         # the name of the section the cards are in
    depth = 0                            # the level of the heading that named it (0: a banner)
    for number, text in lines:
        if _FENCE.match(text):
            fenced = not fenced
            opens = False
        elif level:
            m = None if fenced else _HEADING.match(text)
            opens = m is not None and len(m.group(1)) <= level
        else:
            # (in a terminal session kept as notes each command starts a card, blank line or not)
            opens = not fenced and bool(text.strip()) and (
                (sessions and PROMPT.match(text) is not None) or (blank and _opens_card(text, numbered, lowercase, colon)))
        blank = not text.strip()
        if opens:
            if started or held:
                yield BREAK
            if held and not started and (name := _section(held[0][1], level)) is not None:
                section, depth = name, _depth(held[0][1])
            # a heading, a banner ("=== BOX 1 ===") or the page's first line may name a section (or the whole deck)
            held, started = [], False
            if level or number == 1 or _FRAME.search(text.strip()):
                held = [(number, text)]
                continue
            comment = _COMMENT_TITLE.match(text)         # "# --- REST API timeout ---": the title it frames
            text = _titled(comment.group("title") if comment else text, section)
            text = text.rstrip()[:-1].rstrip() if colon and text.rstrip().endswith(":") else text
        elif held and blank:
            held.append((number, text))
            continue
        elif number == 1 and not blank:     # the page's first line, no heading: the deck's own title, if alone
            held = [(number, text)]
            continue
        if held:
            (first, title), *rest = held
            if 0 < _depth(title) <= depth:      # a card as high as the section's heading is in no section
                section = ""
            yield first, (_titled(title, section) if first > 1 else title)
            yield from rest
            held = []
            if _depth(title) > 1 and (name := _section(title, level)):   # a section's heading with lines of its own
                section, depth = name, _depth(title)        # is a card, and still heads the cards under it
        yield number, text
        started = given = True
    if held and not given:      # a page of one line: no title of anything else, its own card
        yield from held


def _framed(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """`lines` with a name framed by rules on the lines above and below it read as the banner "=== name ===" it is
    ("=====" / "LIST: Backlog" / "=====", and as a comment in source: "% =====" / "% PART A -- SERVICE BUS" / "% =====")."""
    window: deque[tuple[int, str]] = deque()
    for item in lines:
        window.append(item)
        if len(window) < 3:
            continue
        (_, top), (number, middle), (_, bottom) = window
        above, below = _RULE.match(top), _RULE.match(bottom)
        mark = above.group(1) or "" if above else ""
        name = middle.strip()[len(mark):].strip() if middle.strip().startswith(mark) else ""
        if above and below and below.group(1) == above.group(1) and name and not _RULE.match(middle) \
                and len(name) <= MAX_TITLE_CHARS:
            window.clear()
            yield number, f"=== {name} ==="
        else:
            yield window.popleft()
    yield from window


def _section(text: str, level: int) -> str | None:
    """The name of the section a dropped heading or banner begins (a heading above the cards' level, or a framed
    banner): "" when it is too long to head a title ("# prices are USD list prices, probably drifted since"); None
    when the line begins no section."""
    m = _HEADING.match(text)
    if m is not None and len(m.group(1)) < level:
        name = text[m.end(1):].strip()
    elif m is None and _FRAME.search(text.strip()):
        name = _FRAME.sub("", text.strip()).strip()
    else:
        return None
    name = "" if _KANBAN_LIST.match(name) else _SECTION_LABEL.sub("", name)
    return name if len(name) <= MAX_SECTION_CHARS and len(name.split()) <= MAX_SECTION_WORDS else ""


def _depth(text: str) -> int:
    """A Markdown heading's level, 0 for any other line."""
    m = _HEADING.match(text)
    return len(m.group(1)) if m else 0


def _titled(title: str, section: str) -> str:
    """A card's title line headed by its section's name, unless it names it already."""
    if not section or section.lower() in title.lower():
        return title
    m = _HEADING.match(title)
    marks = title[:m.end(1)] + " " if m else ""
    framed = _WIKI_TITLE.match(title) if not m else None      # "== 48. SQL MI – rețea ==": inside its marks
    if framed:
        return f"{framed.group(1)} {section} › {framed.group(2)} {framed.group(1)}"
    return f"{marks}{section} › {title[len(marks):].strip()}"


def _man_breaks(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str] | None]:
    after_header = started = False
    for number, text in lines:
        if _ROFF_DOT.match(text):
            continue
        opens = MAN_HEADER.match(text) is not None or (MAN_NAME.match(text) is not None and not after_header)
        if opens and started:
            yield BREAK
        after_header = MAN_HEADER.match(text) is not None
        started = True
        yield number, text


def _unfenced(lines: Iterable[str]) -> Iterator[str]:
    fenced = False
    for text in lines:
        if _FENCE.match(text):
            fenced = not fenced
        elif not fenced:
            yield text


def _opens_card(text: str, numbered: bool = False, lowercase: bool = False, colon: bool = False) -> bool:
    """Whether a paragraph's first line reads as a card's title (framed or not: "=== #12 [vercel] [cron] ===";
    numbered, in notes that number their titles: "31) gp3"; in lower case, in notes titled so: `lowercase_titles`;
    ending in a colon, in notes titled so: `colon_titles`)."""
    comment = _COMMENT_TITLE.match(text)
    stripped = comment.group("title") if comment else _FRAME.sub("", text.strip())
    if colon and stripped.endswith(":"):
        stripped = stripped[:-1].rstrip()
    # (its number makes it a title: "32) gp2 …", "p.8 — IAM limits")
    counted = (numbered and _NUMBERED.match(stripped) is not None) or PAGE_REF.match(stripped) is not None \
        or comment is not None          # (a comment framed as a title is one, lower case or not)
    if counted:
        stripped = PAGE_REF.sub("", _NUMBERED.sub("", stripped) if numbered else stripped)
    if SALUTATION.match(text):
        return True
    return (bool(stripped) and text == text.lstrip() and len(stripped) <= MAX_TITLE_CHARS
            # (a short one framed as a wiki's heading: "=== gp2 ===", "== entries.write limits ==")
            and (counted or lowercase or not stripped[0].islower() or (_WIKI_TITLE.match(text) is not None and len(stripped.split()) <= 4))
            and not _LIST.match(stripped) and not _ANSWER.match(stripped)
            and (_WIKI_TITLE.match(text) is not None or not _RUNS_ON.search(stripped))     # ("==== What ASR is ====")
            and (len(stripped) <= SHORT_TITLE_CHARS or not _RUNS_ON_LONG.search(stripped)))

