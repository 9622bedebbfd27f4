"""Making `Card`s, whatever the format: stable IDs, quiz parts, size limits.

Every reader (native text, delimited text, Anki packages) ends here, so the
same question and answer give the same card, with the same ID, in any format.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Final

from .ids import stable_id
from .markup import unmarked
from .notations import SLIDE_LOCATOR, WHATSAPP, is_mail
from .note_sections import MAN_HEADER, MAN_NAME, PAGE_REF, PROMPT, SALUTATION, is_date
from .reflow import reflow
from .tables import pipe_aligned, pipe_delimited, pipe_grid, pipe_lists
from .types import Card, CardText, Line, Origin

__all__ = ["MAX_LINE_CHARS", "MAX_CARD_CHARS", "MAX_RAW_CHARS", "CardMaker", "oversize", "line_too_long",
           "card_too_long"]

# Extraction and generation take longer than linear time on one long line, and
# spaCy refuses a text over 1,000,000 characters. Real cards are far smaller
# (the shared decks' longest line is 612 characters, their longest card 1,368),
# so a card over a limit is refused before anything downstream sees it.
MAX_LINE_CHARS = 10_000
MAX_CARD_CHARS = 100_000
# A row's or note's fields as written, checked before they are read: HTML markup (pasted web pages
# carry styles and spans on every word) may take most of it, and beyond this no reading is worth it.
MAX_RAW_CHARS = 10 * MAX_CARD_CHARS

QUIZ_PART = re.compile(r"^\s*(Answer|Note)\s*:\s*(.*)$", re.IGNORECASE)
# AsciiDoc's attribute entries (":kds: Kinesis Data Streams") and references ("{kds}"): a deck defines them once
ATTRIBUTE_ENTRY = re.compile(r"^\s*:(?P<name>[A-Za-z0-9_][\w-]{0,40}):[ \t]+(?P<value>\S.*?)\s*$")
ATTRIBUTE_REFERENCE = re.compile(r"\{([A-Za-z0-9_][\w-]{0,40})\}")


def line_too_long(line: Line) -> str:
    return (f"line is {len(line.text):,} characters long, over the limit of {MAX_LINE_CHARS:,} characters per line; "
            "split it into shorter lines")


def card_too_long(size: int) -> str:
    return (f"card is {size:,} characters long, over the limit of {MAX_CARD_CHARS:,} characters per card; "
            "split it into several cards")


def oversize(lines: Sequence[Line]) -> tuple[Line, str] | None:
    """The first line over `MAX_LINE_CHARS`, or the card's first line when all of them
    together pass `MAX_CARD_CHARS`, with the reason; None when the card is within both."""
    total = 0
    for line in lines:
        if len(line.text) > MAX_LINE_CHARS:
            return line, line_too_long(line)
        total += len(line.text) + 1
    if total > MAX_CARD_CHARS:
        return lines[0], card_too_long(total)
    return None


# "Q: max data per node SSD?  A: 5 TB": a drill's question and answer on one line
_INLINE_PAIR = re.compile(r"^(?P<lead>\s*(?:[-*•]\s*)*)(?P<q>Q\s*:\s*[^?]{1,200}\?)\s+(?P<a>A\s*:\s*\S.*)$")


def _drill_pairs(lines: Sequence[Line]) -> list[Line]:
    """Each drill pair written on one line as two lines (one file line): the question heads its answer."""
    out: list[Line] = []
    for line in lines:
        m = _INLINE_PAIR.match(line.text) if "Q" in line.text else None
        out += [Line(line.number, m["lead"] + m["q"]), Line(line.number, m["lead"] + m["a"])] if m else [line]
    return out


# A wiki page's place in its tree over a card's question: "Cloud Wiki > GCP > Storage > Cloud Storage > SLA"
_BREADCRUMB = re.compile(r"^\s*[^\d>|]{1,40}(?:\s+>\s+[^\d>|]{1,40}){2,}\s*$")


# A tag that files the card, not part of its question: "[MACRO] Router timeout H12", "[FAQ] …", "REQ-12: …"
_TITLE_TAG = re.compile(r"^\s*(?:\[[A-Z][A-Z _-]{1,15}\]\s+|[A-Z]{1,5}-\d{1,4}\s*:\s+)(?=\S)")   # … or an ID: "C-13: Per-minute rates"


# a study log's entry: "### 2026-01-05 — v0.1 — Object Storage, first pass", "## [1.2.0] - Quotas", a saved thread's
# "🧵 2023-09-04 — ElastiCache shards 101": the date and version file the entry, its topic is the rest
_LOG_ENTRY = re.compile(r"^(\s*(?:#{1,6}\s+)?)(?:🧵\s*)?(?:(?:\[v?\d+(?:\.\d+){0,3}\]|v\d+(?:\.\d+){0,3}|\d{4}-\d{2}-\d{2})\s*[—–-]+\s*)+"
                        r"(?=[^\W\d])")


# a card's number before its title ("## 3. Basic tier", "== SQL MI › 48. rețea ==", "31) gp3"): the notes' numbering
_TITLE_NUMBER = re.compile(r"^(\s*(?:#{1,6}\s+|={2,6}\s*)?(?:[^›]{1,40}?›\s)?)\d{1,3}[.)]\s+(?=[^\W\d])")


# a saved thread's number and tags: "=== #12 [vercel] [cron] ===" is the card "vercel cron"
_THREAD_TAGS = re.compile(r"^(\s*#{1,6}\s+)?#\d+\s+(?:\[[^\]]{1,30}\]\s*)+$")


# a Cornell page's "TOPIC: N2D (AMD EPYC)        Lec 2 -- 07 Feb 2024, p.5": the topic, without the lecture's stamp set
# off to the right
_TOPIC = re.compile(r"^\s*TOPIC\s*:\s*(?=\S)", re.IGNORECASE)
# a board's or tracker's kind of item before its title: "CARD: CR - request timeout", "TICKET: …"
_ITEM_KIND = re.compile(r"^(\s*(?:#{1,6}\s+)?(?:[^›]{1,40}?›\s)?)(?:CARD|Card|TICKET|ITEM|ENTRY)\s*:\s+(?=\S)")
_STAMP = re.compile(r"\s{3,}\S.*$")


def _without_breadcrumb(titles: list[Line]) -> list[Line]:
    """The title lines without a wiki page's breadcrumb (gone above a question, else its last two places:
    "Cloud Storage — SLA", which name what the card is about), a filing tag ("[MACRO] ", "C-13: "), a log
    entry's date and version ("2026-01-05 — v0.1 — "), a saved thread's number ("#12 [vercel] [cron]"), a
    notebook page's number ("p.8 — "), a shell's prompt ("[sandbox us-east-1] $ "), a card's number ("31) "), a
    board's "CARD: " or a Cornell page's "TOPIC:" label and lecture stamp."""
    if titles:
        first = _TITLE_NUMBER.sub(r"\1", PROMPT.sub("", PAGE_REF.sub("", _TITLE_TAG.sub("", titles[0].text))))
        if tags := _THREAD_TAGS.match(first):
            first = (tags.group(1) or "") + " ".join(re.findall(r"\[([^\]]+)\]", first))
        if topic := _TOPIC.match(first):
            first = _STAMP.sub("", first[topic.end():])
        first = _ITEM_KIND.sub(r"\1", _LOG_ENTRY.sub(r"\1", first))
        titles = [titles[0].retext(first), *titles[1:]]
    if not titles or not _BREADCRUMB.match(titles[0].text):
        return titles
    if len(titles) > 1:
        return titles[1:]
    places = [p.strip() for p in titles[0].text.split(" > ")]
    return [Line(titles[0].number, " — ".join(places[-2:]), titles[0].wraps)]


_DATED = re.compile(r"(?=.*\d)[\w ,./-]{1,20}")      # a short line with a number: a letter's date ("3 Feb", "12/03")
_BANNER = re.compile(r"^\s*([─━═=~*_+-])\1{2,}\s*(?P<text>.*?)\s*\1{3,}\s*$")     # "──── Monday, December 4th ────"


def _page_title(titles: Sequence[Line], answers: Sequence[Line]) -> tuple[Sequence[Line], Sequence[Line]]:
    """A manual page's card by its NAME section: the line under `NAME` is its title ("droplet-basic - Regular
    (SSD) shared-CPU sizes"), not the section's name or the page's "DROPLET-BASIC(7)" header; a photographed
    slide's by the line under its bare "Slide 12 / 40"; a dated letter's by its greeting; a chat export's day by its
    date, without the rules around it ("─── Monday, December 4th, 2023 ───") or the message it opens on (WhatsApp's
    "04/03/2024, 21:02 - Priya: …")."""
    banner = _BANNER.match(titles[0].text) if titles else None
    if banner is not None and is_date(banner.group("text")):
        titles = [titles[0].retext(banner.group("text")), *titles[1:]]
    sent = WHATSAPP.match(titles[0].text) if titles else None
    if sent is not None:        # a WhatsApp day's first message: the day is the card's title, the message its first line
        titles, answers = [titles[0].retext(titles[0].text[:sent.start("time")].strip(" ,["))], [*titles, *answers]
    if titles and SLIDE_LOCATOR.match(titles[0].text) and answers:    # "Slide 12 / 40" over a slide's own title
        titles, answers = [answers[0], *titles[1:]], answers[1:]
    if titles and answers and SALUTATION.match(answers[0].text) and _DATED.fullmatch(titles[0].text.strip()):
        titles, answers = [answers[0]], answers[1:]      # "3 Feb" over "Dear Sam,": a letter, its greeting first
    lines = [*titles, *answers]
    at = next((i for i, line in enumerate(lines[:2]) if MAN_NAME.match(line.text)), None)
    if at is None or (at and not MAN_HEADER.match(lines[0].text)) or at + 1 >= len(lines) \
            or not lines[at + 1].text[:1].isspace():
        return titles, answers
    name = lines[at + 1]
    return [name.retext(name.text.strip())], lines[at + 2:]


# an answer's reply to its question before the statement: "No free tier for custom events?" / "Right — custom events
# are $1.00 per million …"
_REPLY: Final = re.compile(r"^(\s*(?:[-*•]\s+)?)(?:yes|yep|yeah|right|correct|exactly|true|no|nope|false)\s*(?:[—–:,!]|\s-)\s*(?=\S)",
                          re.IGNORECASE)


def _without_reply(titles: Sequence[Line], answers: list[Line]) -> list[Line]:
    """`answers` without the reply that opens them ("Right — …", "No, …") when the title asks a question: the
    statement after it stands alone, and a stem cut from it would otherwise begin by answering a question it
    does not show."""
    first = next((n for n, line in enumerate(answers) if line.text.strip()), None)
    if first is None or not titles or not titles[-1].text.rstrip().endswith("?"):
        return answers
    reply = _REPLY.match(answers[first].text)
    if reply is None:
        return answers
    return [*answers[:first], answers[first].retext(reply.group(1) + answers[first].text[reply.end():]), *answers[first + 1:]]


def _read(lines: Sequence[Line], mail: bool) -> list[Line]:
    """`unmarked` lines, or the lines as written when their markup alone was all they held ("<br>", "::A::")."""
    out = unmarked(lines, mail=mail)
    return out if any(line.text.strip() for line in out) else list(lines)


class CardMaker:
    """Makes one deck's cards. A card's ID comes from its question and how often that
    question came before, so inserting a card keeps the others' IDs."""

    def __init__(self, deck_id: str) -> None:
        self.deck_id = deck_id
        self._seen: Counter[str] = Counter()
        self._attributes: dict[str, str] = {}     # AsciiDoc attributes the deck's cards so far define

    @property
    def reads_alone(self) -> bool:
        """Whether a card reads the same wherever it stands: no attributes defined so far change its text."""
        return not self._attributes

    def card_id(self, key: str) -> str:
        """The ID of the deck's next card with `key`: one made here, or one the bank holds, recognised by its text."""
        self._seen[key] += 1
        return stable_id(self.deck_id, key, self._seen[key])

    def card(self, index: int, titles: Sequence[Line], answers: Sequence[Line], origin: Origin | None = None,
             *, key: str | None = None, text: tuple[str, int] | None = None) -> Card:
        """The card; `key` names a card without a title (a cloze note: its text) for its ID; `text` is the
        hash and first line of a text deck's chunk it was read from (`Card.text`).

        Markup pasted into plain text is read for what it means (`unmarked`), a drill's question and answer
        written on one line become two (`_drill_pairs`); ASCII grid tables, and tables aligned with spaces or written with
        semicolons or tabs, become markdown pipe rows (`pipe_grid`, `pipe_aligned`, `pipe_delimited`); hard-wrapped
        sentences of the answer are joined (`reflow`), and pipes between the items of a line that is no table's
        row become semicolons (`pipe_lists`)."""
        titles, answers = _page_title(self._attributed(titles), self._attributed(answers))
        # a mail's headers as its title (or "Subject:" over a "From:" that opens the notes): the answer is its body,
        # its "> " lines quote the mail replied to
        mail = is_mail([*titles, *answers[:1]])
        titles = _without_breadcrumb(_read(titles, mail))
        answers = _without_reply(titles, pipe_lists(reflow(pipe_aligned(pipe_delimited(pipe_grid(_drill_pairs(
            _read(answers, mail))))))))
        quiz: dict[str, list[str]] = {}
        part = None
        for line in answers:
            m = QUIZ_PART.match(line.text)
            if m:
                part = m.group(1).lower()
                quiz.setdefault(part, []).append(m.group(2).strip())
            elif part:
                quiz[part].append(line.text.strip())
        key = "text: " + " ".join(key.split()).lower() if key is not None else \
            " ".join(" ".join(line.text.split()) for line in titles).lower()
        return Card(
            card_id=self.card_id(key),
            deck_id=self.deck_id,
            index=index,
            title_lines=tuple(titles),
            answer_lines=tuple(answers),
            quiz_answer=" ".join(quiz["answer"]).strip() or None if "answer" in quiz else None,
            quiz_note=" ".join(quiz["note"]).strip() or None if "note" in quiz else None,
            origin=origin,
            text=CardText(*text, key) if text is not None and self.reads_alone else None,
        )

    def _attributed(self, lines: Sequence[Line]) -> Sequence[Line]:
        """`lines` with the AsciiDoc attributes defined so far ("{kds}") replaced by their values: a deck's
        attributes are its own abbreviations, and a reader sees what they stand for."""
        for line in lines:
            if ":" in line.text and (m := ATTRIBUTE_ENTRY.match(line.text)):
                self._attributes[m.group("name")] = m.group("value")
        if not self._attributes or not any("{" in line.text for line in lines):
            return lines

        def value(m: re.Match[str]) -> str:
            return self._attributes.get(m.group(1), m.group())
        return [Line(line.number, text, line.wraps) if (text := ATTRIBUTE_REFERENCE.sub(value, line.text)) != line.text
                else line for line in lines]
