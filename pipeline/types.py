"""Frozen dataclasses passed between stages: deck → facts → questions → bank.

Every record carries its provenance (deck, card, 1-based source line) so that a
question can always be traced back to the text it came from.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Literal, NamedTuple, get_args

FactKind = Literal["size", "duration", "count", "price", "rate", "percent", "other"]
Bound = Literal["exact", "max", "min", "approx"]
Role = Literal["value", "range_low", "range_high", "increment"]
QuestionType = Literal[
    "cloze",          # numeric cloze: one value blanked
    "term_cloze",     # a service name or defined term blanked
    "multi_cloze",    # Anki-style {{c1::…}} {{c2::…}} note over one line
    "multichoice",    # numeric-variant or deck-answer multiple choice
    "numerical",      # free numeric answer with tolerance and accepted units
    "calculated",     # formula over facts, with a dataset of variants
    "truefalse",
    "shortanswer",    # the deck's own Q&A cards
]
QUESTION_TYPES: tuple[str, ...] = get_args(QuestionType)
# Question types whose answer is a blank in a sentence: exporters map them to their target's cloze.
CLOZE_TYPES = ("cloze", "term_cloze", "multi_cloze")
Status = Literal["accepted", "rejected"]


@dataclass(frozen=True)
class Line:
    """One source line: its 1-based number in the file and its text (no line end).

    A sentence hard-wrapped over several file lines is one `Line` (`reflow`): `wraps` holds the
    offsets in `text` where its later file lines start, so each offset keeps its own line number.
    """

    number: int
    text: str
    wraps: tuple[int, ...] = ()

    def number_at(self, offset: int) -> int:
        """The file line of the character at `offset`."""
        return self.number + bisect_right(self.wraps, offset)

    def holds(self, number: int) -> bool:
        """Whether file line `number` is (part of) this line."""
        return self.number <= number <= self.number + len(self.wraps)

    def retext(self, text: str) -> Line:
        """The same file line read as `text` (itself when that is its text): what a notation makes of it."""
        return self if text == self.text else Line(self.number, text, self.wraps)


@dataclass(frozen=True)
class Origin:
    """The Anki note a card was read from (a package, or Anki's plain-text export).

    A package has no file lines: `note_id` is what points into it (line numbers
    then count lines within the note, front first).
    """

    note_id: int | None = None
    guid: str | None = None
    note_type: str | None = None
    deck: str | None = None        # Anki's deck name, "Parent::Child"
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class CardText:
    """How a text deck's card was written, for a rebuild to recognise it without parsing it again."""

    text_hash: str      # its chunk of the deck (the lines between separators), as written
    line: int           # the chunk's first line
    key: str            # what its ID comes from (`deck_cards.CardMaker`)


class KnownText(NamedTuple):
    """What a rebuild's scan needs of a card the bank holds, found by the hash of its text (`CardText`)."""

    key: str
    offset: int                                  # its first line, counted from its chunk's first line
    content_hash: str                            # `rows.card_hash`
    terms: tuple[tuple[str, str], ...]           # the abbreviations it defines
    qa: tuple[str, str] | None                   # its question and answer, when it is a Q&A card


@dataclass(frozen=True)
class KnownCard:
    """A card met again in a text deck with a text the bank holds: recognised, not parsed."""

    card_id: str
    index: int
    first_line: int
    text_hash: str
    known: KnownText


@dataclass(frozen=True)
class Known:
    """What the bank holds of a deck, for a rebuild: its cards' content hashes and, while the settings and
    qbank are the same as at its last build, their texts as written."""

    contents: Collection[str]
    texts: Mapping[str, KnownText] = field(default_factory=dict)


@dataclass(frozen=True)
class Card:
    """A card as written: title lines, answer lines, and quiz parts when present.

    `index` is the 0-based position among the deck's non-empty chunks, rows or
    notes (malformed ones keep their index, so indexes match the source). In
    tab-separated and CSV decks a card's front and back sit on one file line,
    so two of its lines may share a number. A cloze note has no title: its
    text, with the deletions filled in, is the answer.
    """

    card_id: str
    deck_id: str
    index: int
    title_lines: tuple[Line, ...]
    answer_lines: tuple[Line, ...]
    quiz_answer: str | None = None  # the `Answer:` part of a quiz-style card
    quiz_note: str | None = None    # the `Note:` part
    origin: Origin | None = None    # the Anki note, for cards read from Anki's formats
    text: CardText | None = None    # how a text deck wrote it (None: another format, or it uses the deck's attributes)

    @property
    def title(self) -> str:
        return " ".join(line.text.strip() for line in self.title_lines)

    @property
    def lines(self) -> tuple[Line, ...]:
        """Title and answer lines in source order (the `A:` marker left out)."""
        return self.title_lines + self.answer_lines

    @property
    def first_line(self) -> int:
        return self.title_lines[0].number if self.title_lines else self.answer_lines[0].number

    @property
    def answer(self) -> str:
        return "\n".join(line.text for line in self.answer_lines)


@dataclass(frozen=True)
class DeckIssue:
    """A problem in the input, located as `FILE:LINE: reason` (`FILE:note ID: reason` in a package)."""

    path: str
    line: int
    reason: str
    note: int | None = None

    def __str__(self) -> str:
        where = self.line if self.note is None else f"note {self.note}"
        return f"{self.path}:{where}: {self.reason}"


@dataclass(frozen=True)
class Deck:
    """A parsed deck: its good cards and the chunks it had to skip."""

    deck_id: str
    name: str
    path: str
    content_hash: str
    cards: tuple[Card, ...]
    issues: tuple[DeckIssue, ...] = ()


@dataclass(frozen=True)
class Site:
    """Where a fact or mention sits, found once at extraction (see `pipeline.sites`).

    `sentence` is the part of the source line a question shows (the whole line
    unless it is long; a table row's cell), `start`/`end` the span a blank
    covers in it, `before` and `after` the sentence cleaned once around that
    span, `lead` what a table cell needs before it (its row label and column
    header, as the card writes them) and `context` the card context a learner
    needs (title › parent bullet …).
    """

    line_index: int                # index into `Card.lines`
    line: int                      # 1-based source line
    offset: int                    # where `sentence` starts in the line
    sentence: str
    start: int
    end: int
    before: str
    after: str
    context: str
    locator: str                   # the place, independent of the value: question IDs derive from it
    lead: str = ""                 # quoted from elsewhere in the card: a table cell's row label and column header

    @property
    def written(self) -> str:
        """The text the blank covers, as written."""
        return self.sentence[self.start:self.end]

    def body(self, replacement: str) -> str:
        """The sentence with `replacement` in place of the blank (after its lead, if any)."""
        return f"{self.lead}{self.before}{replacement}{self.after}"

    def stem(self, replacement: str) -> str:
        """`context › body`, the way every stem shows a sentence."""
        body = self.body(replacement)
        return f"{self.context} › {body}" if self.context else body


@dataclass(frozen=True)
class Fact:
    """A numeric fact read from one card line.

    `value`/`unit` are canonical (see shared gold README: binary bytes, seconds,
    USD, per-second rates); `source_value`/`source_unit` keep the quantity as
    written so questions can show it in the unit of the text.
    """

    fact_id: str
    card_id: str
    card_index: int
    line: int
    text: str
    value: float
    unit: str | None
    kind: FactKind
    start: int = 0                 # character offsets of `text` in the line
    end: int = 0
    source_value: float | None = None
    source_unit: str | None = None
    bound: Bound = "exact"
    role: Role = "value"
    group: str | None = None       # ties the ends and the increment of one range
    attribute: str = ""
    subject: str | None = None
    context: str | None = None     # e.g. a price's denominator "per 1 million requests"
    site: Site | None = None       # set by extraction: the sentence, context and blank of its questions


@dataclass(frozen=True)
class ServiceMention:
    """A service or product named in a card, with its canonical name."""

    card_id: str
    card_index: int
    line: int
    text: str
    service: str
    start: int = 0
    end: int = 0
    source: str = "gazetteer"      # or "deck" for terms the deck defines itself
    site: Site | None = None


@dataclass(frozen=True)
class CardFacts:
    """What extraction found in one card."""

    card: Card
    facts: tuple[Fact, ...] = ()
    services: tuple[ServiceMention, ...] = ()
    terms: tuple[tuple[str, str], ...] = ()   # (short, long) terms the card defines


@dataclass(frozen=True)
class Option:
    position: int
    text: str
    is_correct: bool
    value: float | None = None     # canonical units, so options compare across units


@dataclass(frozen=True)
class Question:
    """A generated question with provenance, gate verdict and difficulty.

    `extra` holds type-specific data as sorted key/value pairs (tolerance,
    accepted units, cloze text with {{c1::…}}, formula and dataset …) so the
    record stays hashable and serialises deterministically.
    """

    question_id: str
    deck_id: str
    card_id: str
    card_index: int
    line: int
    type: QuestionType
    stem: str
    answer: str
    fact_id: str | None = None
    answer_value: float | None = None
    answer_unit: str | None = None
    options: tuple[Option, ...] = ()
    subject: str | None = None
    generator: str = ""
    generator_version: str = ""
    reason: str = ""
    status: Status = "accepted"
    reject_reason: str | None = None
    difficulty: float | None = None
    extra: tuple[tuple[str, object], ...] = field(default_factory=tuple)
    revision: int = 0              # bumped by the store each time a rebuild changes the question's content
    quality: float | None = None   # the gate's soft signals, in [0, 1]: higher reads better (ranks accepted questions)
    line_index: int = 0            # the line's position in its card: orders a card's questions whatever its numbering

    def get(self, key: str, default: object = None) -> object:
        for name, value in self.extra:
            if name == key:
                return value
        return default
