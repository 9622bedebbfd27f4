"""Extraction benchmark: cards/s and peak memory of `facts.extract`, next to a bare tokenizer.

The cards of the shared decks (or the shipped deck) are repeated to each size.
In the same run, over the same texts, a bare `spacy.blank("en")` tokenizer is
timed: the extraction target is at least 40% of its throughput. A third column
times `extract` with the quantities component alone, to show what each part costs. Peak memory is
measured by `tracemalloc` in a separate pass (tracing slows the code it traces),
and the process's peak RSS is printed at the end. Each timing is the best of
`--repeat` interleaved runs, so a busy machine skews both sides alike.

    python bench/extract_bench.py                       # sizes 1000 10000 50000
    python bench/extract_bench.py --sizes 1000 5000 --no-memory
"""
from __future__ import annotations

import argparse
import gc
import resource
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import spacy

from pipeline.decks import read_deck
from pipeline.facts import card_text, extract
from pipeline.nlp import load_nlp
from pipeline.quantities import FACTORY as QUANTITIES
from pipeline.types import Card

ROOT = Path(__file__).resolve().parents[1]
SHARED_DECKS = ROOT.parent / "shared" / "decks"


def source_cards() -> list[Card]:
    paths = sorted(SHARED_DECKS.glob("*.txt")) or [ROOT / "data" / "raw" / "serverless-aws.txt"]
    return [card for path in paths for card in read_deck(path).cards]


def repeat(cards: list[Card], size: int) -> list[Card]:
    return [cards[i % len(cards)] for i in range(size)]


def timed(fn: Callable[[], int]) -> tuple[float, int]:
    gc.collect()
    t0 = time.perf_counter()
    n = fn()
    return time.perf_counter() - t0, n


def peak_mib(fn: Callable[[], int]) -> float:
    gc.collect()
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    ap.add_argument("--batch-size", type=int, default=256)
    ap.add_argument("--repeat", type=int, default=3, help="interleaved runs per size; the best time counts")
    ap.add_argument("--no-memory", action="store_true", help="skip the tracemalloc pass")
    args = ap.parse_args()

    bare = spacy.blank("en")
    nlp = load_nlp()
    numbers_only = spacy.blank("en")
    numbers_only.add_pipe(QUANTITIES)
    base = source_cards()
    list(extract(base, nlp=nlp))  # warm up: regex compilation, pint registry, caches
    print(f"pipeline: {nlp.pipe_names}; {len(base)} source cards")
    print(f"{'cards':>7} {'tokenizer c/s':>14} {'extract c/s':>12} {'ratio':>6} {'quantities-only c/s':>20} "
          f"{'ratio':>6} {'facts':>7} {'peak MiB':>9}")
    for size in args.sizes:
        cards = repeat(base, size)
        texts = [card_text(c) for c in cards]

        def tokenize() -> int:
            return sum(1 for _ in bare.pipe(texts, batch_size=args.batch_size))

        def run_extract(pipeline: spacy.Language = nlp) -> int:
            return sum(len(cf.facts) for cf in extract(cards, nlp=pipeline, batch_size=args.batch_size))

        t_tok = t_ext = t_num = float("inf")
        for _ in range(args.repeat):
            t_tok = min(t_tok, timed(tokenize)[0])
            elapsed, n_facts = timed(run_extract)
            t_ext = min(t_ext, elapsed)
            t_num = min(t_num, timed(lambda: run_extract(numbers_only))[0])
        peak = float("nan") if args.no_memory else peak_mib(run_extract)
        print(f"{size:>7} {size / t_tok:>14.0f} {size / t_ext:>12.0f} {t_tok / t_ext:>6.0%} {size / t_num:>20.0f} "
              f"{t_tok / t_num:>6.0%} {n_facts:>7} {peak:>9.1f}")
    print(f"peak RSS of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
