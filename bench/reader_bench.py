"""Reader benchmark: seconds to read (and refuse or skip) huge decks, at doubling sizes.

Linear time shows as a time that doubles with the size: one long line, one
huge card, many empty cards, one huge quoted TSV field, and a zstd bomb in a
.colpkg (streamed up to the collection limit, then refused).

    python bench/reader_bench.py                # sizes 1 2 4 8 (MB, or x100,000 cards)
"""
from __future__ import annotations

import argparse
import io
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

MiB = 2**20
GOOD = "What is the max Lambda timeout?\nA:\n900 seconds\n---\n"


def _zstd_bomb(mb: int) -> bytes:
    import zstandard

    from pipeline.anki_package import MAX_COLLECTION_BYTES

    compressor = zstandard.ZstdCompressor(level=1).compressobj()
    zeros = bytes(MiB)
    packed = b"".join(compressor.compress(zeros) for _ in range(MAX_COLLECTION_BYTES // MiB * mb // 8 + 1))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        z.writestr("collection.anki21b", packed + compressor.flush())
    return out.getvalue()


SHAPES: dict[str, tuple[str, Callable[[int], bytes]]] = {
    "one line (MB)": (".txt", lambda mb: (GOOD + "Q\nA:\n" + "9 GB;" * (mb * MiB // 5) + "\n").encode()),
    "one card (MB)": (".txt", lambda mb: (GOOD + "Q\nA:\n" + "- 5 GB of storage\n" * (mb * MiB // 18)).encode()),
    "empty cards (x100k)": (".txt", lambda n: (GOOD + "Question\nA:\n\n---\n" * (n * 100_000)).encode()),
    "TSV field (MB)": (".tsv", lambda mb: ('S3\t5 TB\nbig\t"' + "7 GB\n" * (mb * MiB // 5) + '"\n').encode()),
    "zstd bomb (/8 GiB)": (".colpkg", _zstd_bomb),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 2, 4, 8])
    sizes = parser.parse_args().sizes
    from pipeline.decks import read_deck
    from pipeline.errors import DeckError

    print(f"{'input':22}" + "".join(f"{s:>9}" for s in sizes) + "   outcome")
    with tempfile.TemporaryDirectory() as tmp:
        for name, (suffix, make) in SHAPES.items():
            times, outcome = [], ""
            for size in sizes:
                path = Path(tmp) / f"deck{suffix}"
                path.write_bytes(make(size))
                start = time.perf_counter()
                try:
                    deck = read_deck(path)
                    outcome = f"skipped: {deck.issues[0].reason[:60]}" if deck.issues else "read"
                except DeckError as e:
                    outcome = f"refused: {str(e)[len(str(path)):][:60]}"
                times.append(time.perf_counter() - start)
            print(f"{name:22}" + "".join(f"{t:8.2f}s" for t in times) + f"   {outcome}")


if __name__ == "__main__":
    main()
