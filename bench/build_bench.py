"""Whole-build benchmark: cards/s and peak memory of read → extract → assemble → store.

Decks of growing size are made by repeating the shipped deck with numbered
titles (so every card is distinct); each size runs in a fresh process so its
peak RSS is its own.

    python bench/build_bench.py                 # sizes 1000 10000 50000
    python bench/build_bench.py --sizes 100000
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "data" / "raw" / "serverless-aws.txt"


def make_deck(size: int, folder: Path) -> Path:
    chunks = [c.strip("\n") for c in SOURCE.read_text(encoding="utf-8").split("-----------") if c.strip()]
    out = []
    for i in range(size):
        chunk = chunks[i % len(chunks)]
        out.append(f"{chunk.splitlines()[0]} #{i}\n" + "\n".join(chunk.splitlines()[1:]))
    path = folder / f"bench-{size}.txt"
    path.write_text("\n-----------\n".join(out) + "\n", encoding="utf-8")
    return path


def run_one(path: Path, db: Path) -> dict[str, float]:
    from pipeline.build import assemble, batches, extract_batch, load_deck, terms_of
    from pipeline.settings import Settings
    from pipeline.store import Store

    settings = Settings()
    times = {}
    t = time.perf_counter()
    deck = load_deck(path, settings)
    times["read_s"] = time.perf_counter() - t
    t = time.perf_counter()
    terms = terms_of(deck)
    card_facts = [cf for batch in batches(deck.cards, settings.batch_size) for cf in extract_batch(batch, terms)]
    times["extract_s"] = time.perf_counter() - t
    t = time.perf_counter()
    build = assemble(deck, card_facts, settings)
    times["assemble_s"] = time.perf_counter() - t
    t = time.perf_counter()
    with Store(db) as store:
        store.write_build(build)
    times["store_s"] = time.perf_counter() - t
    total = sum(times.values())
    return {
        "cards": len(deck.cards), **{k: round(v, 2) for k, v in times.items()}, "total_s": round(total, 2),
        "cards_per_s": round(len(deck.cards) / total), "questions": len(build.questions),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        path, db = args.one.split("|")
        print(json.dumps(run_one(Path(path), Path(db))))
        return
    print(f"{'cards':>7} {'read s':>7} {'extract s':>9} {'assemble s':>10} {'store s':>7} {'cards/s':>8} {'questions':>9} {'peak MB':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            deck = make_deck(size, Path(tmp))
            out = subprocess.run([sys.executable, __file__, "--one", f"{deck}|{Path(tmp) / f'{size}.duckdb'}"],
                                 check=True, capture_output=True, text=True).stdout
            r = json.loads(out.strip().splitlines()[-1])
            print(f"{r['cards']:>7} {r['read_s']:>7} {r['extract_s']:>9} {r['assemble_s']:>10} {r['store_s']:>7} "
                  f"{r['cards_per_s']:>8} {r['questions']:>9} {r['peak_rss_mb']:>7}")


if __name__ == "__main__":
    main()
