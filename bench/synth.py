"""Synthetic decks for the benchmarks: N cards resampled from the shared decks, numbers perturbed.

Each card is a card of a source deck picked by a seeded generator, written in the
native text format with its title numbered (`S3 Basics #1234`, before a final `?`
or `:`), so titles, card IDs and the stems that quote a title differ across the
deck. The leading digit of each quantity is redrawn, keeping the number's shape
and its unit (`128MB` → `728MB`, `$0.20` → `$0.50`, `1,000,000 requests` →
`4,000,000 requests`), so facts and answers differ too; a card's digits go through
one random non-decreasing map, so its ranges keep their order (`100-500 ms` →
`300-800 ms`). Numbers glued to a word (`EC2`, `P1V2`) or following a capitalised
word (`Microsoft 365`), versions (`1.x`), addresses, times, years, dates and the
title counter are left as they are, and so are percentages of 100 or more.

`edit_deck` then changes a fraction of a deck's cards in place (one quantity each,
or one added word where a card has none), for the incremental-rebuild measurement.
The same size and seed give the same bytes; a smaller deck is a prefix of a larger one.

    python bench/synth.py 20000 out.txt                # a 20,000-card deck
    python bench/synth.py 20000 out.txt --edit 0.01    # the same deck after editing 1% of its cards
"""
from __future__ import annotations

import argparse
import os
import random
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain
from pathlib import Path

from pipeline.decks import SEPARATOR

ROOT = Path(__file__).resolve().parents[1]
SHARED_DECKS = ROOT.parent / "shared" / "decks"
SOURCES = (
    ROOT / "data" / "raw" / "serverless-aws.txt",
    SHARED_DECKS / "og-aws-gotchas.txt",
    SHARED_DECKS / "azure-limits-notes.txt",
)
SEPARATOR_LINE = "-----------"
# A date, left whole, or a number standing alone: not glued to a word (EC2, ISO-8601), a path,
# a version (1.x, 10.1.0.0), a time (10:30) or the title counter (#12); a unit may follow
# directly (128MB), and a range's end follows its start (100-500).
NUMBER = re.compile(r"(?P<date>\b\d{4}-\d{2}(?:-\d{2})?\b)"
                    r"|(?<![\w.,:/#])(?<![A-Za-z_]-)\d+(?:,\d{2,3})*(?:\.\d+)?(?![\w.]*\d|\.\w|:\d)")
NAMED = re.compile(r"(?<![\w.])[A-Z][\w.]* $")   # the name a number belongs to: Microsoft 365, Python 3
YEARS = range(1970, 2040)
DIGITS = "123456789"
EDIT_WORD = "revised"


def source_cards(paths: Sequence[Path] = SOURCES) -> list[str]:
    """The cards of the source decks as written (title, `A:` line, answer), without separators."""
    return [card for path in paths for card in _cards(path.read_text(encoding="utf-8-sig").splitlines())]


def synth_cards(size: int, *, seed: int = 0, sources: Sequence[str] | None = None) -> Iterator[str]:
    """`size` cards resampled from `sources` (default: `source_cards()`), numbered, numbers perturbed."""
    pool = list(sources) if sources is not None else source_cards()
    rng = random.Random(seed)
    for index in range(size):
        title, _, rest = rng.choice(pool).partition("\n")
        digits = dict(zip(DIGITS, sorted(rng.choices(DIGITS, k=len(DIGITS)))))
        yield f"{_numbered(perturb_numbers(title, digits), index)}\n{perturb_numbers(rest, digits)}"


def perturb_numbers(text: str, digits: Mapping[str, str]) -> str:
    """`text` with the leading digit of each quantity mapped through `digits` (see the module docstring)."""
    return NUMBER.sub(lambda m: _lead(m.group(), digits.__getitem__) if _is_quantity(m) else m.group(), text)


def edit_card(card: str, rng: random.Random) -> str:
    """The card with one quantity below its first line changed, or a word added where it has none."""
    title, _, rest = card.partition("\n")
    numbers = [m for m in NUMBER.finditer(rest) if _is_quantity(m)]
    if not numbers:
        return f"{card} {EDIT_WORD}"
    m = rng.choice(numbers)
    new = _lead(m.group(), lambda digit: rng.choice([d for d in DIGITS if d != digit]))
    return f"{title}\n{rest[: m.start()]}{new}{rest[m.end():]}"


def write_deck(path: Path, cards: Iterable[str]) -> int:
    """Write cards as a native text deck, streaming; the file is replaced whole. Returns the card count."""
    partial = path.with_name(path.name + ".partial")
    count = 0
    with partial.open("w", encoding="utf-8", newline="\n") as out:
        for count, card in enumerate(cards, 1):
            out.write(f"{card}\n{SEPARATOR_LINE}\n")
    os.replace(partial, path)   # a build never reads half a deck
    return count


def read_cards(path: Path) -> Iterator[str]:
    """The cards of a native text deck as written, streaming."""
    with path.open(encoding="utf-8-sig") as lines:
        yield from _cards(line.rstrip("\n") for line in lines)


def edit_deck(path: Path, *, fraction: float = 0.01, seed: int = 0) -> list[int]:
    """Edit `fraction` of the deck's cards in place (at least one card); returns their indexes, sorted."""
    count = sum(1 for _ in read_cards(path))
    rng = random.Random(f"edit-{seed}")
    chosen = sorted(rng.sample(range(count), max(1, round(count * fraction))))
    picked = set(chosen)
    write_deck(path, (edit_card(card, rng) if i in picked else card for i, card in enumerate(read_cards(path))))
    return chosen


def _cards(lines: Iterable[str]) -> Iterator[str]:
    """Split lines into cards at separator lines; blank lines around a card are dropped."""
    chunk: list[str] = []
    for line in chain(lines, [SEPARATOR_LINE]):
        if SEPARATOR.match(line):
            text = "\n".join(chunk).strip("\n")
            if text.strip():
                yield text
            chunk = []
        else:
            chunk.append(line.rstrip())


def _numbered(title: str, index: int) -> str:
    """The title with the card's counter, before a final `?` or `:` so a question stays a question."""
    end = title[-1] if title.endswith(("?", ":")) else ""
    return f"{title.removesuffix(end).rstrip()} #{index}{end}"


def _is_quantity(m: re.Match[str]) -> bool:
    number = m.group()
    if m["date"] or not any(d in number for d in DIGITS):
        return False
    if number.isdigit() and len(number) == 4 and int(number) in YEARS:
        return False
    if NAMED.search(m.string, max(0, m.start() - 40), m.start()):
        return False
    return not (m.string.startswith("%", m.end()) and float(number.replace(",", "")) >= 100)


def _lead(number: str, replace: Callable[[str], str]) -> str:
    """The number with its leading significant digit replaced: same length and separators."""
    i = next(i for i, ch in enumerate(number) if ch in DIGITS)
    return number[:i] + replace(number[i]) + number[i + 1:]


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("size", type=int, help="number of cards")
    ap.add_argument("out", type=Path, help="deck file to write (native text format)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the resampling and of the edits")
    ap.add_argument("--edit", type=float, metavar="FRACTION", help="then edit this fraction of the cards")
    args = ap.parse_args(argv)
    count = write_deck(args.out, synth_cards(args.size, seed=args.seed))
    edited = edit_deck(args.out, fraction=args.edit, seed=args.seed) if args.edit else []
    print(f"{args.out}: {count} cards" + (f", {len(edited)} edited" if args.edit else ""))


if __name__ == "__main__":
    main()
