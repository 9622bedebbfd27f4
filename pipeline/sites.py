"""Where a fact or a service mention sits, found once at extraction.

Every question about a fact shows the same thing: the sentence that holds it
(cut from a long line), the card context a learner needs to answer it (title,
parent bullet, subject and attribute when the sentence lacks them) and the
span the blank covers (the written quantity and a bracketed restatement of
it). Extraction finds these once and stores them in a `Site`; generators only
render text from it and never read the card again.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Final

from wordfreq import zipf_frequency

from .markup import CROSSES
from .notations import QUOTED
from .note_sections import SALUTATION, is_date
from .tables import Cell, cell_at
from .types import Card, Line, Site

__all__ = ["BLANK", "COMMENT", "ITEM_LABEL", "SENTINEL", "CardLayout", "clean", "strip_marks", "generic_header", "table_lead", "bullet_level", "sentence_bounds", "restatement_end", "writes_number",
           "plain_words", "distinctive_words", "masked", "make_site", "DRILL_QUESTION", "MODEL_TIERS"]

BLANK: Final = "_____"
SENTINEL: Final = "\x00"          # marks the blank while a sentence is cleaned; never in deck text
LONG_LINE: Final = 160            # longer lines are cut to the sentence that holds the fact
# The sections of a note-taking layout (Cornell notes' "CUE:" / "NOTES:" / "SUMMARY:"): they say where a line
# sits on the page, not what it is about
_SECTION_LABELS: Final = frozenset("notes note cue cues summary details misc more extra info remarks comments answer "
                                   "answers body content text points bullets facts keywords".split()) | {
                                   "key points", "main points", "key facts", "my notes", "the notes"}
MAX_PARENT: Final = 80            # a parent bullet longer than this is prose, not a heading
MAX_OPENER_WORDS: Final = 6       # "Free limits per day:" opens a list; a longer sentence is no heading
TITLE_WORDS: Final = 14           # a title this long is a scenario, not a heading
QUESTION_WORDS: Final = 25        # … unless it is one question, up to this long

# bullets, checklist boxes "[x]"; not "->", nor the "**" of bold text ("- **minimum size:** 1,000 bytes")
_BULLET = re.compile(r"^\s*((?:(?:-(?!>)|•|\*(?=\s))\s*|\[[ xX✓✔v]\]\s+)+)(?=\S)")
_NUMBERED = re.compile(r"^\s*(?:(?:\d{1,2}|[a-z])[.)]|\d{1,2}/)\s+(?=\S)")   # "2. If still throttled …", "a) …", "2/ …"
# The tiers of AI models named by version: "1.5 Flash", "3.5 Sonnet" (the number is the model's, not a value)
MODEL_TIERS: Final = r"(?:Flash|Pro|Ultra|Nano|Haiku|Sonnet|Opus|Turbo|Mini|Lite)\b"
# "1.14 VPC peering", "## 1.12.1 NAT gateway cost": a section's number, not a value ("1.5 Gbps per flow" is one)
# ... and an outline's numbers whatever follows them: three levels ("6.9.1 macOS …"), or two set apart by two
# spaces ("   8.1  default retention 90 DAYS")
SECTION_NUMBER = re.compile(
    r"^\s*(?:#+\s*)?(\d{1,2}(?:\.\d{1,2})+)\.?\s+"
    r"(?=(?!(?:[KMGT]i?B|[KMG]bps|[KMG]?Hz|IOPS|Hours?|Minutes?|Seconds?|Days?|Years?|Months?|Weeks?)\b|" + MODEL_TIERS
    + r")[A-Z][A-Za-z0-9])"
    r"|^\s*(\d{1,2}(?:\.\d{1,2}){2,})\.?\s+(?=\S)|^\s*(\d{1,2}\.\d{1,2})\s{2,}(?=\S)")
_EMOJI = re.compile("[\u2600-\u27bf\u2b50\u2b55\U0001f300-\U0001faff]\ufe0f?")   # "⚠️", "✅", "💰": markers, not words
# ... but a cross says "not": "1,000 per MU, ✗ billed" (unless a "no" follows it: "❌ no sessions")
_NOT_MARK = re.compile(rf"[{CROSSES}]\ufe0f?\s*+(?=[^\W\d_])(?!(?:no|not|never|none)\b)", re.IGNORECASE)
_LEAD_ARROW = re.compile(r"^\s*(?:→|->|=>|←)\s*(?=\S)")
_HEADING_MARK = re.compile(r"^\s*#{1,6}\s+(?=\S)")     # "## Free tier"
# "… per vCPU-second [1].", "[2][3]", "[a]"; not "[24 h] / [30] attempts", a value in brackets after a slash
_FOOTNOTE = re.compile(r"(?<=[\w.,;)\]\"'%!?\x00])(?:\s*\[(?:\d{1,2}|[a-z])\])+(?![\w(])")      # (\x00: the blank's `SENTINEL`)
# "raised: 200   # via quota request": a comment set off by two spaces or a tab ("limits # tasks": a count)
COMMENT = re.compile(r"(?<=\S)(?: {2,}|\t)\s*#[ \t]+(?!of\b|\d)([^#\n]*?)\s*$")
_BACK_ARROW = re.compile(r"(?<=\S)\s+<-+\s+([^<>()\n]+?)\s*$")
STRUCK = re.compile(r"~~[^~\n]+~~\s*")   # "~~$16~~ $15": the notes' own correction; the struck value is gone
# a line's label from the card format, a forum thread, a log or an FAQ: "A:", "Note:", "Comment:", "EDIT:", "TIL:",
# "Accepted answer:" (its "(64 votes)" is markup: `markup.unmarked`), "Exam tip:", "Q. Which engines …?", "A. Cloud SQL runs …"
_MARKER = re.compile(r"^\s*(?:(?:A|Q|Answer|(?:internal\s+|side\s+|speaker\s+)?Notes?|Comment|Edit|Update|TIL|Accepted\s+answer"
                     r"|(?:Exam\s+|Pro\s+)?Tips?)\s*:"
                     r"|(?-i:[AQ]\.(?=\s+[A-Z])))\s*", re.IGNORECASE)
DRILL_QUESTION = re.compile(r"^\s*Q\s*:\s*\S")     # a drill card's pairs: "Q: HDD writes?" / "A: 10,000 rows/s"
_DRILL_ANSWER = re.compile(r"^\s*A\s*:\s*\S")
_ANSWER_MARKER = re.compile(r"^\s*Answer\s*:", re.IGNORECASE)
_NOTE_MARKER = re.compile(r"^\s*Note\s*:", re.IGNORECASE)
# The words of a link the notes copied: "… created again. (discussion)", "(source)".
_LINK_LABEL = re.compile(r"\s*\((?:discussion|source|link|details|docs|announcement|blog post|blog|thread|video|here|more"
                         r"|(?:list|table|overview) of [^()]{1,60}|more (?:info|information) on [^()]{1,60})\)", re.IGNORECASE)
# A title that names several things: a parent it contains still says which one a line is about.
_LISTING = re.compile(r",|/|&|\bvs\.?\b|\band\b", re.IGNORECASE)
MAX_ATTRIBUTE_WORDS: Final = 6    # a longer "attribute" is a clause the extractor cut, not a name
_PAIRS = {"(": ")", "[": "]", "{": "}"}
_SPACES = re.compile(r"\s+")
_OPEN_SPACE = re.compile(r"\(\s+")
_SPACE_CLOSE = re.compile(r"\s+\)")
# a question title led by its topic ("Service Bus - sessions, what do they give you?"): the topic heads the card's notes
_TOPIC_ASKED = re.compile(r"^(?!(?:by|in|on|at|for|with|if|when|after|before|since|once|per|during|without|from|to|so|and|"
                          r"but|or|ok|okay|also|then|now|yes|no|well)\b)(?P<topic>\S.{2,80}?)\s*(?:,|:|\s[-–—]\s)\s*"
                          r"(?:what|which|how|why|when|where|who|is|are|does|do|did|can|could|should|will|would)\b[^?]*\?\s*$",
                          re.IGNORECASE)
# A sentence ends at . ! ? after a word of two letters or more, or after a closing bracket, quote or %
# ("e.g. X" does not end one), or such a stop and a closing quote, before a space and a capital or an opening bracket.
_SENTENCE_END = re.compile(r"(?:(?<=\w\w)|(?<=[)\]\"'’%]))[.!?][\"'”’]?(?=\s+[A-Z(])")
_GENERIC = frozenset({"aws", "amazon", "google", "cloud", "azure", "microsoft", "service", "services", "the", "and",
                      "for", "with", "of", "to", "in", "on", "a", "an"})


def bullet_level(text: str) -> int:
    """How deep a bullet is: "- x" is 1, "- - x" is 2, plain text 0."""
    m = _BULLET.match(text)
    return m.group(1).count("-") + m.group(1).count("*") + m.group(1).count("•") if m else 0


# A section heading inside a card: "COMMITMENT TIERS", "## Pricing", "FREE:" — it heads the plain lines below it
_SECTION_HEAD = re.compile(r"^\s*(?:#{1,6}\s+[^#\s][^:]{0,40}|(?=[^a-z]*[A-Z]{2})(?:[A-Z0-9][A-Z0-9&/+.()-]*|vs\.?|and|or)"
                           r"(?:\s+(?:[A-Z0-9][A-Z0-9&/+.()-]*|vs\.?|and|or)){0,5})\s*:?\s*$")


def nesting(text: str) -> tuple[int, int]:
    """Where a line sits in its card's outline: (indent in columns, bullet depth). "  - min 128 MB" sits under
    "- Memory", "  default: 80" under "data_nodes_per_domain:", "- - x" under "- y"."""
    indent = len(text.expandtabs(4)) - len(text.expandtabs(4).lstrip())
    return indent, bullet_level(text)


def _under(line: tuple[int, int], other: tuple[int, int]) -> bool:
    """Whether a line at `line` hangs from an earlier one at `other`: indented further, or as far with more bullets
    (a space more or less is a slip of the keyboard: " - - 1 RCU = 2 …" is as far in as "- - 1 RCU = 1 …")."""
    return other[0] + 1 < line[0] or (abs(other[0] - line[0]) <= 1 and other[1] < line[1])


def _balance(text: str) -> str:
    """Drop closing brackets that close nothing; turn openings that never close into a dash."""
    if not any(ch in text for ch in "()[]{}"):
        return text
    out: list[str] = []
    stack: list[int] = []
    for ch in text:
        if ch in _PAIRS:
            stack.append(len(out))
            out.append(ch)
        elif ch in ")]}":
            if stack and _PAIRS[out[stack[-1]]] == ch:
                stack.pop()
                out.append(ch)
        else:
            out.append(ch)
    for i in stack:
        out[i] = "- "
    return "".join(out)


def strip_marks(text: str) -> str:
    """A line without its leading bullet, Markdown heading mark, list number or `A:`/`Note:` marker, nor the
    words of a copied link or its footnote marks ("[1]"), nor text the notes struck out ("~~$16~~"); a cross mark
    reads "not" ("✗ billed")."""
    if any(c in text for c in CROSSES):
        text = _NOT_MARK.sub("not ", text)
    text = _LEAD_ARROW.sub("", _FOOTNOTE.sub("", _HEADING_MARK.sub("", _BULLET.sub("", STRUCK.sub("", text)))))
    return _LINK_LABEL.sub("", _NUMBERED.sub("", SECTION_NUMBER.sub("", _MARKER.sub("", text))))


def clean(text: str) -> str:
    """A source line without bullet marks, `A:`/`Note:` markers, bold marks, struck-out text, code fences, emoji,
    stray brackets or doubled spaces."""
    text = _EMOJI.sub("", strip_marks(text).replace("**", "").replace("```", ""))
    if "#" in text:     # a comment reads as the aside it is: "raised: 200 (via quota request)"
        text = COMMENT.sub(r" (\1)", text)
    if "<-" in text:    # so does a remark pointed at the value: "payload = 1 MB <- was 40 KB"
        text = _BACK_ARROW.sub(r" (\1)", text)
    text = _SPACES.sub(" ", _balance(text)).strip()
    return _SPACE_CLOSE.sub(")", _OPEN_SPACE.sub("(", text)).strip(" -")


def sentence_bounds(raw: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around `raw[start:end]`, or the whole line when it is short; without a list item's
    label that states the same number ("4096-bit SSL certificates: CloudFront does not support 4096-bit …")."""
    if len(raw) <= LONG_LINE:
        lo, hi = 0, len(raw)
    else:
        stops = sorted([m.end() for m in _SENTENCE_END.finditer(raw) if not _abbreviation_before(raw, m.start())]
                       + [m.start() for m in _MISSING_STOP.finditer(raw)])
        lo = max((i for i in stops if i <= start), default=0)
        hi = min((i for i in stops if i >= end), default=len(raw))
        if hi - lo > LONG_SENTENCE:      # notes written all in lower case: "no. key rings can't be deleted. destroy …"
            loose = [m.end() for m in _LOWER_STOP.finditer(raw, lo, hi) if m.group(1).lower() not in _ABBREVIATIONS]
            lo = max((i for i in loose if i <= start), default=lo)
            hi = min((i - 1 for i in loose if i - 1 >= end), default=hi)
    label = ITEM_LABEL.match(raw) if lo == 0 else None
    number = re.search(r"\d[\d.,]*", raw[start:end])
    if label and label.end() <= start and number and writes_number(raw[:label.end()], number.group()):
        lo = label.end()
    return lo, hi


def _abbreviation_before(raw: str, stop: int) -> bool:
    """Whether the full stop at `stop` ends an abbreviation ("6,000 total incl. SSML tags", "approx. 5 GB"), not a
    sentence."""
    word = re.search(r"([A-Za-z]{1,12})$", raw[:stop])
    return word is not None and raw[stop] == "." and word.group(1).lower() in _OPEN_ABBREVIATIONS


# abbreviations a sentence goes on after ("etc." and "min." may end one)
_OPEN_ABBREVIATIONS: Final = frozenset({"e", "i", "eg", "ie", "vs", "approx", "incl", "ca", "cf", "esp", "aka", "inkl", "bzw",
                                        "ggf", "vgl", "evtl", "resp"})


def writes_number(text: str, number: str) -> bool:
    """Whether `text` writes `number` as a number of its own ("4096" in "4096-bit", not in "v4096" or "14096")."""
    return re.search(rf"(?<![\w.,]){re.escape(number)}(?![\d]|[.,]\d)", text) is not None


# The "name:" that opens a list line: "- FSx for Windows File Server: SMB, NTFS, …"
# A name that opens a line; not an attribute with its value ("Max partitions per table: 10,000 (…)").
_LINE_LABEL = re.compile(r"^\s*(?:[-*•]\s*)*(?:\*\*|__)?(?P<label>[A-Za-z][^:.!?()|]{0,60}?)(?:\*\*|__)?:\s(?!\s*[~≈$€£]?\d)")
# "With Storage queues, if …. If you Base64-encode …": the topic a line's later sentences are about
_TOPIC = re.compile(r"^\s*(?:[-*•]\s*)*(?:With|For|In|On|Using)\s+(?P<label>[A-Z][\w-]*(?:\s+[\w-]+){0,3}?),\s")
LONG_SENTENCE = 240
# A full stop the notes left out: "… allows 16k IOPS max To get the maximum performance …"
_MISSING_STOP = re.compile(r"(?<=[a-z0-9%])\s+(?=(?:To|The|If|When|This|These|You|It|Each|Note|Otherwise|However)\s+[a-z])")
# A full stop before a lower-case word, unless it ends an abbreviation ("e.g. a", "approx. 5", "vs. b")
_LOWER_STOP = re.compile(r"\b([A-Za-z]{1,12})\.\s+(?=[a-z])")
_ABBREVIATIONS = frozenset({"e", "g", "i", "eg", "ie", "vs", "approx", "etc", "incl", "ca", "cf", "min", "max", "no", "nr",
                            "avg", "est", "resp", "esp", "aka", "sec", "hr", "hrs", "mins",
                            "d", "h", "z", "b", "u", "a", "bzw", "ggf", "evtl", "inkl", "vgl", "usw"})   # German "d. h."
# A list item's label ending in a colon: "- **4096-bit SSL certificates:** …"; a label that writes the number its
# line states again is a heading, not the fact (extraction skips it, stems leave it out)
ITEM_LABEL = re.compile(r"^\s*(?:[-*•]\s*)*[^\s:()|][^:()|]{0,40}?:(?:\*\*|__)?\s+")


def restatement_end(text: str, end: int, restates: Callable[[str], bool]) -> int:
    """Where a bracketed restatement right after a quantity ends ("900 seconds ( 15 minutes )"), else `end`."""
    after = re.match(r"\s*[(\[]\s*([^()\[\]]{1,30}?)\s*[)\]]", text[end:])
    return end + after.end() if after and restates(after.group(1)) else end


@lru_cache(maxsize=8192)
def plain_words(text: str) -> str:
    """Lower-case letters and digits only, one space apart: texts that differ in case or punctuation compare equal."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


@lru_cache(maxsize=8192)
def distinctive_words(text: str) -> frozenset[str]:
    """Words of a name or answer that give it away if the stem contains them (not "AWS", "the" …)."""
    return frozenset(w for w in re.findall(r"[a-z0-9@]+", text.lower()) if w not in _GENERIC and len(w) > 1)


def masked(text: str) -> str:
    """Text with digits masked: a locator that survives a corrected value."""
    return re.sub(r"\d[\d,.]*", "#", " ".join(text.split()).lower())


class CardLayout:
    """A card's lines read once: cleaned title, bullet parents and line locators, by line index."""

    def __init__(self, card: Card, *, title_services: frozenset[str] = frozenset()) -> None:
        self.card = card
        self.title_services = title_services    # the services the title names: the card's, shown with it
        self.lines: tuple[Line, ...] = card.lines
        self.n_titles = len(card.title_lines)
        self.title = clean(card.title)
        # A title that sets a scene is no heading for the answer's sentences; a question heads its answer's.
        short = len(self.title.split(" › ")[-1].split()) < TITLE_WORDS    # (a section's name before it is no scene)
        asks = self.title.rstrip().endswith("?")
        # "Dear Sam,": a letter's greeting names nothing, nor does a chat export's day ("Monday, December 4th, 2023")
        greets = SALUTATION.match(self.title) is not None or is_date(self.title)
        self.title_names = short and not asks and not greets
        topic = _TOPIC_ASKED.match(self.title) if asks else None
        self.topic = topic.group("topic") if topic and len(topic.group("topic").split()) < TITLE_WORDS else ""
        # one question, however long, heads the lines that answer it, not the card's other notes;
        # a scene before it ("A function runs … What …?") heads nothing: the answer says less than the scene
        title_asks = asks and len(self.title.split()) < QUESTION_WORDS and not _SENTENCE_END.search(self.title)
        self.answers = self._answer_block() if title_asks else frozenset()
        self.answer_line = self._answer_line() if not (self.title_names or title_asks or asks or greets) else None
        # notes under the line that answers a short question title hang from the question, not from that answer
        # ("How are Pipes billed? …" / "$0.40 per million …" / "- 1000 pipes per account"), which heads nothing
        self._answering = next((i for i in range(self.n_titles, len(self.lines)) if _answers(self.lines[i].text)), None) \
            if asks and len(self.title.split()) < QUESTION_WORDS else None
        # Org-mode outlines: "* kubenet …" heads the "- max 400 nodes" items below it, at the same indent
        starts = [ln.text[:2] for ln in self.lines[self.n_titles:] if ln.text[:2] in ("* ", "- ") and ln.text[2:3] != "*"]
        self._star_heads = bool(starts) and starts[0] == "* " and "- " in starts
        self._parents: dict[int, str | None] = {}
        self._locators: dict[int, str] = {}
        self._texts: list[str] | None = None

    def is_title(self, index: int) -> bool:
        return index < self.n_titles

    def _answer_block(self) -> frozenset[int]:
        """The lines that answer a question title: its `Answer:` line, else its first line and the
        lines of the same shape that follow it ("SHA256: 600,000" then "SHA512: 210,000")."""
        answers = [i for i in range(self.n_titles, len(self.lines)) if _answers(self.lines[i].text)]
        marked = next((i for i in answers if _ANSWER_MARKER.match(self.lines[i].text)), None)
        if marked is not None or not answers:
            return frozenset([marked] if marked is not None else [])
        block = [answers[0]]
        shape = _shape(self.lines[answers[0]].text)
        for i in answers[1:]:
            if i != block[-1] + 1 or shape is None or _shape(self.lines[i].text) != shape:
                break
            block.append(i)
        return frozenset(block)

    def _answer_line(self) -> int | None:
        """The line that answers a question title: its `Answer:` line, else its first plain answer line."""
        answers = range(self.n_titles, len(self.lines))
        marked = next((i for i in answers if _ANSWER_MARKER.match(self.lines[i].text)), None)
        if marked is not None:
            return marked
        first = next((i for i in answers if _answers(self.lines[i].text)), None)
        if first is None or bullet_level(self.lines[first].text) or _NOTE_MARKER.match(self.lines[first].text):
            return None
        return first

    def parent(self, index: int) -> str | None:
        """The heading an answer line hangs from: the nearest earlier answer line one level up."""
        if index not in self._parents:
            self._parents[index] = self._find_parent(index)
        return self._parents[index]

    def _find_parent(self, index: int) -> str | None:
        if self.is_title(index):
            return None
        if self.lines[index].text.lstrip().startswith("|"):
            return self._caption(index)
        if _DRILL_ANSWER.match(self.lines[index].text) and index > self.n_titles \
                and DRILL_QUESTION.match(self.lines[index - 1].text):
            asked = clean(self.lines[index - 1].text)        # "Q: HDD writes?" / "A: 10,000 rows/s": the question heads
            return asked if len(asked) <= MAX_PARENT else None
        level = nesting(self.lines[index].text)
        below = self.lines[index]
        for line in reversed(self.lines[self.n_titles:index]):
            if below.number > line.number + len(line.wraps) + 1:
                return None         # a blank line ends what the heading above it heads
            below = line
            if not line.text.strip() or line.text.startswith(QUOTED):
                continue            # (a quoted line, a quiz's wrong option, heads nothing)
            other = nesting(line.text)
            if line.text.lstrip().startswith("|"):
                return None         # a table row heads nothing: its cells have their own headers
            if _under(level, other) or (level == other == (0, 0) and line.text.rstrip().endswith(":")) or (
                    self._star_heads and line.text.startswith("* ") and self.lines[index].text.startswith("- ")):
                if self._answering is not None and line is self.lines[self._answering]:
                    # ... with what the answer says of the list it opens ("…. Free limits per day:")
                    opens = _SENTENCE_END.split(clean(line.text).strip())[-1].strip() if line.text.rstrip().endswith(":") else ""
                    opens = opens.rstrip(":").strip() if len(opens.split()) <= MAX_OPENER_WORDS else ""
                    heading = f"{self.title} › {opens}" if opens else self.title
                    if len(heading) <= MAX_PARENT:
                        return heading
                    return opens or (self.title if len(self.title) <= MAX_PARENT else None)  # a long question: its answer's
                labelled = _LINE_LABEL.match(line.text)
                if labelled and _MARKER.fullmatch(labelled.group("label") + ": "):
                    labelled = None     # "A: Typically the no-cost tier per month is:": a drill's mark, no heading
                if labelled and line.text[labelled.end():].strip():
                    # "Multiple AZs: Using AZs wisely is the primary tool …!": the label is the heading
                    return clean(labelled.group("label"))
                parent = _SENTENCE_END.split(clean(line.text).rstrip(":").strip())[-1].strip()   # its last sentence
                if len(parent) > MAX_PARENT and line.text.rstrip().endswith(":"):
                    # its label ("S3 Reduced Redundancy and Infrequent Access: Most people use …, but …:"), else
                    # its last clause ("To estimate …, find the maximum of:")
                    label = _LINE_LABEL.match(line.text)
                    label = label if label and not _MARKER.fullmatch(label.group("label") + ": ") else None
                    parent = clean(label.group("label")) if label else re.split(r"[,.;]\s+", parent)[-1]
                if len(parent) > MAX_PARENT and re.search(r"\s[—–-]\s", parent):
                    parent = re.split(r"\s[—–-]\s", parent)[0].strip()    # "kubenet (retiring 2028) — nodes get …"
                if _CLAUSE_TAIL.match(parent) or parent.lower() in _SECTION_LABELS:
                    return None     # "but there are other classes with lower cost": half a sentence heads nothing,
                                    # nor does a section of a note-taking layout ("NOTES:", "Cue:")
                return parent if parent and len(parent) <= MAX_PARENT else None
            if level == (0, 0):
                if _SECTION_HEAD.match(line.text):
                    return clean(line.text).rstrip(":").strip()   # "COMMITMENT TIERS" / "start = 100 GB/day"
                if other != (0, 0):
                    return None
        return None

    def _caption(self, index: int) -> str | None:
        """The line right above a table row's table, if it says what the table holds ("(list prices, per host
        per month)", "Limits per cluster:"): its rows' values are per what it says."""
        above = index
        while above > self.n_titles and self.lines[above - 1].text.lstrip().startswith("|"):
            above -= 1
        if above <= self.n_titles or not self.lines[above - 1].text.strip():
            return None
        raw = self.lines[above - 1].text.strip()
        bracketed = re.fullmatch(r"[(\[]([^()\[\]]+)[)\]]", raw)
        if not (bracketed or (raw.endswith(":") and len(raw.split()) <= MAX_CAPTION_WORDS)) or _FIRST_PERSON.search(raw):
            return None     # "Quick compare table I made after a practice test:" is the author's remark
        caption = clean(bracketed.group(1) if bracketed else re.sub(r"\s*\([^()]*\)", "", raw)).rstrip(":").strip()
        return caption if caption and len(caption) <= MAX_PARENT else None

    def cell(self, index: int, offset: int) -> Cell | None:
        """The markdown table cell (not a row label) at a position of a line, if the line is a table row."""
        if self._texts is None:
            self._texts = [line.text for line in self.lines]
        cell = cell_at(self._texts, index, offset)
        return None if cell is None or cell.is_label else cell

    def locator(self, index: int) -> str:
        """A line by its masked text, numbered among the card's lines that mask the same way."""
        if index not in self._locators:
            own = masked(self.lines[index].text)
            occurrence = sum(1 for line in self.lines[:index] if masked(line.text) == own)
            self._locators[index] = f"{own}@{occurrence}"
        return self._locators[index]

    def context(self, index: int, sentence: str, *, attribute: str = "", subject: str | None = None,
                label: str = "") -> str:
        """Title › parent › label (› attribute, subject when the sentence lacks them) for a line of the card.

        `label` is the "name:" that opens a long line whose later sentence is asked ("FSx for Windows File
        Server: SMB, NTFS, …. SSD 32 GiB - 64 TiB, HDD 2 TiB - 64 TiB"): it says whose the sentence's values are.

        A title line is the card's question itself: it carries its own context.
        """
        if self.is_title(index):
            return ""
        # a question title heads its answer ("How long is … supported? › 5 years …") and the notes on it;
        # a scene-setting title only the line that answers it
        # ... and a short question heads a table that answers it ("Comparison: health check intervals …?")
        parts = [self.title if self.title_names or index in self.answers or index == self.answer_line
                 or (self._answering is not None and self.lines[index].text.lstrip().startswith("|")) else self.topic]
        parent = self.parent(index)
        if parent and (parent.lower() not in self.title.lower() or (parent == self.title and not parts[0])
                       or (_LISTING.search(self.title) and not plain_words(self.title).endswith(plain_words(parent)))):
            parts.append(parent)
        # ... also when the title names it among others ("Storage queues and Service Bus queues - quotas")
        if label and plain_words(label) not in plain_words(sentence) and (
                plain_words(label) not in plain_words(" ".join(parts))
                or (_LISTING.search(self.title) and not plain_words(self.title).endswith(plain_words(label)))):
            parts.append(label)
        joined = " ".join(parts).lower() + " " + sentence.lower()
        attribute = clean(attribute)
        if (attribute and not set(plain_words(attribute).split()) <= set(plain_words(joined).split())
                and len(attribute.split()) <= MAX_ATTRIBUTE_WORDS and not re.search(r"[.!?;\"“”]", attribute)):
            parts.append(attribute)
        # a title shown that names its own service says whose the card is; another one put before it is a guess
        named = bool(parts[0]) and bool(self.title_services - {subject})
        if (subject and not named and subject.lower() not in joined and not _names(subject, joined)
                and not _abbreviates(subject, " ".join(parts) + " " + sentence)):
            parts.insert(0, subject)
        return " › ".join(p for p in parts if p)


def _answers(text: str) -> bool:
    """Whether a line can answer the title: not blank, nor a quoted or superseded line (`notations.QUOTED`)."""
    return bool(text.strip()) and not text.startswith(QUOTED)


def _names(subject: str, text: str) -> bool:
    """Whether `text` names the service `subject`: all its distinctive words, or one that is no everyday word
    ("shards per stream" names Kinesis Data Streams; "event subscriptions per topic" does not name Event Grid)."""
    own, words = distinctive_words(subject), distinctive_words(text)
    words |= {w[:-1] for w in words if len(w) > 3 and w.endswith("s")}      # "VPCs per private hosted zone"
    return bool(own) and (own <= words or any(not _everyday(w) for w in own & words))


def _abbreviates(subject: str, text: str) -> bool:
    """Whether `text` names `subject` by its initials: "VNet" (Virtual Network), "ENI" (Elastic Network Interface)."""
    words = [w for w in re.findall(r"[A-Za-z]+", subject) if w.lower() not in _PROVIDER_WORDS]
    initials = "".join(w[0] for w in words).lower()
    return len(initials) >= 2 and any(token.lower().startswith(initials)
                                      for token in re.findall(r"\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b", text))


_PROVIDER_WORDS: Final = frozenset({"aws", "amazon", "azure", "microsoft", "google", "cloud", "gcp"})
EVERYDAY_ZIPF: Final = 4.3     # "event", "table", "storage" are everyday words; "grid", "pipes", "queue" name things


@lru_cache(maxsize=8192)
def _everyday(word: str) -> bool:
    return zipf_frequency(word, "en") >= EVERYDAY_ZIPF

MAX_CAPTION_WORDS = 16
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|my|me|we|our)\b")
# A clause that continues a sentence ("but …", "including …"): no heading on its own
_CLAUSE_TAIL = re.compile(r"^(?:but|and|or|so|including|which|that|with|although|though|while|whereas|because|"
                          r"except|plus)\b", re.IGNORECASE)
_LABELLED = re.compile(r"^\s*([-*•]\s*)*[^:.!?]{1,40}:\s+\S")


def _shape(text: str) -> tuple[int, int, bool] | None:
    """A list line's shape (indent, bullet depth, "label: value"), None for a prose sentence: lines of one
    shape after a question answer it together."""
    labelled = bool(_LABELLED.match(text))
    if not labelled and not bullet_level(text):
        return None
    return len(text) - len(text.lstrip()), bullet_level(text), labelled


def make_site(layout: CardLayout, index: int, start: int, end: int, *, attribute: str = "",
              subject: str | None = None, key: str = "") -> Site:
    """The site of a span `[start, end)` of line `index`: its sentence, cleaned halves and context.

    `key` tells apart several sites of one line (a fact's position and role) in the locator.
    """
    raw = layout.lines[index].text
    cell = layout.cell(index, start) if "|" in raw else None
    if cell is not None and cell.span[0] <= start and end <= cell.span[1]:
        (lo, hi), lead = cell.span, table_lead(cell)    # a table cell: its headers say what it is
    else:
        (lo, hi), lead = sentence_bounds(raw, start, end), ""
        if lo and attribute and plain_words(attribute) in plain_words(raw[:lo]) and (
                not _SENTENCE_END.search(raw[:lo]) or _LINE_LABEL.match(raw) is None):
            # the label left out for stating the number must not come back as the attribute; nor may one that
            # stated its own ("Max partitions per table: 10,000 (…). Clustering supports up to 4 …")
            attribute = ""
    label = (_LINE_LABEL.match(raw) or _TOPIC.match(raw)) if lo and not lead else None
    sentence = raw[lo:hi]
    before, after = split_clean(sentence, start - lo, end - lo)
    return Site(
        line_index=index, line=layout.lines[index].number_at(start), offset=lo, sentence=sentence,
        start=start - lo, end=end - lo, before=before, after=after,
        context=layout.context(index, f"{lead}{sentence}", attribute=attribute, subject=subject,
                               label=clean(label.group("label")) if label and lo > label.end()
                               and not _LINE_LABEL.match(sentence) else ""),
        locator=f"{layout.locator(index)}{key}", lead=lead,
    )


# A column header that says nothing of what its cells are: "| guideline | value |".
# ("default" and "max" are not: beside each other they tell two values of one row apart)
_GENERIC_HEADER = re.compile(r"^(?:values?|limits?|amount|numbers?|settings?|quotas?|details?|"
                             r"notes?|description|size|count|data|info)$", re.IGNORECASE)


def generic_header(header: str) -> bool:
    """Whether a column header says nothing of what its cells are ("value", "limit")."""
    return _GENERIC_HEADER.match(header.strip()) is not None


def table_lead(cell: Cell) -> str:
    """What a table cell is, from its headers as the card writes them: "Availability (Cool tier): "."""
    label, header = clean(cell.row_label), clean(cell.column_header)
    if label and generic_header(header):
        header = ""
    if label and cell.measure.strip():    # "Daily cap, GB/day per workspace (Default): _____": what the row's values are
        label = f"{label}, {clean(cell.measure)}"
    if cell.unit.strip():      # "DML query timeout (Default, minutes): _____": the table's Unit column says what in
        header = f"{header}, {clean(cell.unit)}" if header else clean(cell.unit)
    if label and header:
        return f"{label} ({header}): "
    return f"{label or header}: " if label or header else ""


def split_clean(sentence: str, start: int, end: int) -> tuple[str, str]:
    """The sentence cleaned once around its blank, as the text before and after it."""
    cleaned = clean(sentence[:start] + SENTINEL + sentence[end:])
    before, _, after = cleaned.partition(SENTINEL)
    return before, after


def spans_text(sentence: str, spans: Sequence[tuple[int, int]], replacements: Sequence[str]) -> str:
    """The sentence cleaned with each span replaced (several blanks of one sentence)."""
    out, cursor = [], 0
    for (start, end), _ in zip(spans, replacements):
        out.append(sentence[cursor:start] + SENTINEL)
        cursor = end
    pieces = clean("".join(out) + sentence[cursor:]).split(SENTINEL)
    return "".join(p + r for p, r in zip(pieces, list(replacements) + [""]))
