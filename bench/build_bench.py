"""Whole-build benchmark: the real `qbank build` CLI on synthetic decks of growing size.

For each size (default 1,000, 20,000 and 200,000 cards), in a fresh temporary folder:

1. write a synthetic deck (`bench/synth.py`);
2. time a bare single-process tokenizer (`spacy.blank("en")`, `nlp.pipe`) over the texts the
   build analyses (`read_deck` + `card_text` of this deck), in a process of its own, once
   before and once after the full build; the faster run counts, so the ratio errs low;
3. run `qbank build DECK --db BANK --no-report` as a subprocess: wall time, and the RSS of the
   process and of its whole tree (children such as Prefect's temporary server) sampled every 0.1 s;
4. edit 1% of the cards and run the same command again (the incremental rebuild);
5. run it once more on the now unchanged deck, and on a path that does not exist.

The bank is checked with DuckDB after each build; a failed build, an empty bank, a rebuild
that saw no change or an unchanged deck that was rebuilt stops the bench with an error.
The table goes to stdout and to `reports/bench.md` (rewritten after each size). README.md's
"Benchmarks" section explains each column.

All builds of a run share a fresh PREFECT_HOME in the temporary folder, so no cached result
of an earlier run is reused; one small unmeasured build first warms it (database migrations,
imports in the OS page cache). With `--prefect-api-url URL`, or PREFECT_API_URL in the
environment, the builds run on that Prefect server instead of a temporary one.

    python bench/build_bench.py                           # 1000,20000,200000
    python bench/build_bench.py --sizes 300,2000
    python bench/build_bench.py --sizes 1000000 --prefect-api-url http://127.0.0.1:4200/api
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import psutil

from synth import edit_deck, synth_cards, write_deck

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "reports" / "bench.md"
DEFAULT_SIZES = (1000, 20000, 200000)
WARM_UP_CARDS = 50
SAMPLE_EVERY = 0.1          # seconds between RSS samples
TOKENIZER_BATCH = 256       # nlp.pipe batch size, as the extractor's default
MIB = 2**20
UNCHANGED = re.compile(r"\bunchanged\b")
COLUMNS = ("cards", "questions (accepted)", "tokenizer c/s", "build s", "build CPU s", "build c/s", "vs tokenizer",
           "peak MiB qbank", "peak MiB tree", "rebuild 1% s", "rebuild/full", "unchanged s", "missing path s")


class BenchError(Exception):
    """A build failed or gave a bank that cannot be right: the numbers would mean nothing."""


@dataclass(frozen=True)
class Run:
    """One `qbank` invocation: wall time, exit status, output and peak memory."""

    seconds: float
    cpu_seconds: float     # user + system time of the process and the children it waited for
    returncode: int
    stdout: str
    stderr: str
    peak_mib: float        # the qbank process itself
    tree_peak_mib: float   # qbank and all its descendants, summed at each sample


@dataclass(frozen=True)
class Row:
    """The measurements of one deck size."""

    cards: int
    questions: int
    accepted: int
    tokenizer_s: float
    build: Run
    edited: int
    rebuild: Run
    unchanged: Run
    missing: Run

    def cells(self) -> list[str]:
        return [
            f"{self.cards:,}", f"{self.questions:,} ({self.accepted:,})", f"{self.cards / self.tokenizer_s:,.0f}",
            f"{self.build.seconds:,.1f}", f"{self.build.cpu_seconds:,.1f}", f"{self.cards / self.build.seconds:,.0f}",
            f"{self.tokenizer_s / self.build.seconds:.1%}",
            f"{self.build.peak_mib:,.0f}", f"{self.build.tree_peak_mib:,.0f}",
            f"{self.rebuild.seconds:,.1f}", f"{self.rebuild.seconds / self.build.seconds:.1%}",
            f"{self.unchanged.seconds:.2f}", f"{self.missing.seconds:.2f}",
        ]


class PeakRss(threading.Thread):
    """Samples a process and its descendants until stopped; keeps the peaks in bytes.

    A sample is a snapshot: memory held for less than the interval can be missed.
    """

    def __init__(self, pid: int, interval: float = SAMPLE_EVERY) -> None:
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.interval = interval
        self.own = 0
        self.tree = 0
        self._done = threading.Event()

    def run(self) -> None:
        while True:
            try:
                own = self.process.memory_info().rss
                children = self.process.children(recursive=True)
            except psutil.Error:
                return              # the process has ended
            self.own = max(self.own, own)
            self.tree = max(self.tree, own + sum(_rss(child) for child in children))
            if self._done.wait(self.interval):
                return

    def stop(self) -> None:
        self._done.set()
        self.join()


def _rss(process: psutil.Process) -> int:
    try:
        return int(process.memory_info().rss)
    except psutil.Error:
        return 0                    # ended between the listing and the reading


def measure(cmd: Sequence[str], env: Mapping[str, str]) -> Run:
    """Run a command to its end: wall and CPU time, output, and peak RSS of it and of its process tree.

    The CPU time is read from this process's count of its ended children, so commands must not overlap.
    """
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        cpu_before = _children_cpu()
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=err, text=True)
        sampler = PeakRss(proc.pid)
        sampler.start()
        returncode = proc.wait()
        seconds = time.perf_counter() - start
        sampler.stop()
        out.seek(0)
        err.seek(0)
        return Run(seconds, _children_cpu() - cpu_before, returncode, out.read(), err.read(),
                   sampler.own / MIB, sampler.tree / MIB)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def tokenize(deck: Path) -> tuple[int, float]:
    """Cards, and seconds of a bare `spacy.blank("en")` over the texts the build analyses.

    Runs inside the `--tokenize` subprocess, so the parsed deck is not held while qbank runs.
    """
    import spacy

    from pipeline.decks import read_deck
    from pipeline.facts import card_text

    parsed = read_deck(deck)
    if parsed.issues:
        raise BenchError(f"{deck}: the synthetic deck has malformed cards, first: {parsed.issues[0]}")
    texts = [card_text(card) for card in parsed.cards]
    del parsed
    nlp = spacy.blank("en")
    deque(nlp.pipe(texts[:TOKENIZER_BATCH]), maxlen=0)     # warm up
    start = time.perf_counter()
    deque(nlp.pipe(texts, batch_size=TOKENIZER_BATCH), maxlen=0)
    return len(texts), time.perf_counter() - start


def tokenizer_seconds(deck: Path, cards: int) -> float:
    """`tokenize` in a fresh process; checks the deck reads back as `cards` cards."""
    done = subprocess.run([sys.executable, __file__, "--tokenize", str(deck)], capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchError(f"tokenizer run on {deck.name} failed:\n{_tail(done.stderr)}")
    result = json.loads(done.stdout.splitlines()[-1])
    if result["cards"] != cards:
        raise BenchError(f"{deck.name}: read {result['cards']} cards, wrote {cards}")
    return float(result["seconds"])


def build(qbank: Path, deck: Path, db: Path, env: Mapping[str, str], *, expect_unchanged: bool = False) -> Run:
    """`qbank build` as a user runs it; checks it succeeded and did (or skipped) the work expected."""
    run = measure([str(qbank), "build", str(deck), "--db", str(db), "--no-report"], env)
    if run.returncode != 0:
        raise BenchError(f"qbank build {deck.name} failed (exit {run.returncode}):\n{_tail(run.stderr)}")
    if bool(UNCHANGED.search(run.stdout)) != expect_unchanged:
        said = "skipped it as unchanged" if not expect_unchanged else "rebuilt it"
        raise BenchError(f"qbank build {deck.name} {said}:\n{_tail(run.stdout)}")
    return run


def missing_path(qbank: Path, folder: Path, db: Path, env: Mapping[str, str]) -> Run:
    """`qbank build` on a path that does not exist: must fail with a message, not a traceback."""
    run = measure([str(qbank), "build", str(folder / "no-such-deck.txt"), "--db", str(db), "--no-report"], env)
    if run.returncode == 0 or "Traceback" in run.stderr or not run.stderr.strip():
        raise BenchError(f"qbank build on a missing path: exit {run.returncode}, no clear error:\n{_tail(run.stderr)}")
    return run


def bank_counts(db: Path, deck_id: str) -> tuple[int, int]:
    """Questions and accepted questions of the deck in the bank; an empty bank is an error."""
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            row = con.execute("SELECT count(*), count(*) FILTER (status = 'accepted') FROM questions "
                              "WHERE deck_id = ?", [deck_id]).fetchone()
    except duckdb.Error as e:
        raise BenchError(f"{db}: cannot count questions: {e}") from e
    if row is None or row[0] == 0:
        raise BenchError(f"{db}: no questions of deck {deck_id!r} after the build")
    return int(row[0]), int(row[1])


def bench_size(size: int, folder: Path, qbank: Path, env: Mapping[str, str], *, seed: int,
               edit_fraction: float) -> Row:
    deck = folder / f"bench-{size}.txt"
    db = folder / "bank.duckdb"
    with _step(f"{size:,} cards: write the deck"):
        write_deck(deck, synth_cards(size, seed=seed))
    with _step(f"{size:,} cards: tokenizer"):
        tokenizer_s = tokenizer_seconds(deck, size)
    with _step(f"{size:,} cards: full build"):
        full = build(qbank, deck, db, env)
        questions, accepted = bank_counts(db, deck.stem)
    with _step(f"{size:,} cards: tokenizer again"):
        tokenizer_s = min(tokenizer_s, tokenizer_seconds(deck, size))
    with _step(f"{size:,} cards: edit {edit_fraction:.0%} of the cards"):
        edited = edit_deck(deck, fraction=edit_fraction, seed=seed)
    with _step(f"{size:,} cards: rebuild after editing {len(edited)} card(s)"):
        rebuild = build(qbank, deck, db, env)
        after_edit = bank_counts(db, deck.stem)
    with _step(f"{size:,} cards: build of the unchanged deck"):
        unchanged = build(qbank, deck, db, env, expect_unchanged=True)
        if bank_counts(db, deck.stem) != after_edit:
            raise BenchError(f"{deck.name}: a build of the unchanged deck changed the bank")
    with _step(f"{size:,} cards: build of a missing path"):
        missing = missing_path(qbank, folder, db, env)
    return Row(size, questions, accepted, tokenizer_s, full, len(edited), rebuild, unchanged, missing)


def warm_up(folder: Path, qbank: Path, env: Mapping[str, str]) -> None:
    """One small unmeasured build: Prefect's database is created and the imports are cached by the OS."""
    with _step("warm-up build (not measured)"):
        deck = folder / "warm-up.txt"
        write_deck(deck, synth_cards(WARM_UP_CARDS))
        build(qbank, deck, folder / "warm-up.duckdb", env)


def markdown(rows: Sequence[Row]) -> list[str]:
    """The table as markdown, padded so it also reads as plain text."""
    body = [list(COLUMNS)] + [row.cells() for row in rows]
    widths = [max(len(line[i]) for line in body) for i in range(len(COLUMNS))]
    lines = ["| " + " | ".join(cell.rjust(w) for cell, w in zip(line, widths)) + " |" for line in body]
    lines.insert(1, "|" + "|".join("-" * (w + 1) + ":" for w in widths) + "|")
    return lines


def setting(args: argparse.Namespace) -> str:
    """Where, when and on what the numbers were taken: they mean little without it."""
    commit = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
                            capture_output=True, text=True).stdout.strip() or "unknown"
    server = f"Prefect server at {args.prefect_api_url}" if args.prefect_api_url else "Prefect temporary server per build"
    return (f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, commit {commit}, {os.cpu_count()} CPUs, "
            f"{psutil.virtual_memory().total / 2**30:.1f} GiB RAM; {server}; deck seed {args.seed}, "
            f"{args.edit_fraction:.0%} of cards edited.")


def load_line(at_start: float) -> str:
    """The machine's load around the run: other work on a shared machine slows the builds."""
    return f"1-minute load average {at_start:.2f} at the start, {os.getloadavg()[0]:.2f} after the last size."


def write_report(path: Path, setting_line: str, rows: Sequence[Row]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = ["# qbank build benchmark", "", setting_line, "", *markdown(rows), "",
            "Columns: see the Benchmarks section of README.md.", ""]
    path.write_text("\n".join(text), encoding="utf-8")


def sizes(text: str) -> list[int]:
    """`1000,20000` → [1000, 20000]."""
    try:
        values = [int(part) for part in text.split(",")]
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"{text!r}: give card counts separated by commas, e.g. 1000,20000") from e
    if any(v < 1 for v in values):
        raise argparse.ArgumentTypeError(f"{text!r}: card counts must be positive")
    return values


def _tail(text: str, lines: int = 30) -> str:
    return "\n".join(text.rstrip().splitlines()[-lines:])


@contextmanager
def _step(what: str) -> Iterator[None]:
    """Log a step and its wall time to stderr: a 200,000-card run takes a while."""
    print(f"{what} …", file=sys.stderr, flush=True)
    start = time.perf_counter()
    yield
    print(f"{what}: {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=sizes, default=list(DEFAULT_SIZES), help="card counts, e.g. 1000,20000")
    ap.add_argument("--seed", type=int, default=0, help="seed of the synthetic decks and of the edits")
    ap.add_argument("--edit-fraction", type=float, default=0.01, help="fraction of cards edited before the rebuild")
    ap.add_argument("--prefect-api-url", default=os.environ.get("PREFECT_API_URL"),
                    help="run the builds on this Prefect server (default: $PREFECT_API_URL, else a temporary one)")
    ap.add_argument("--out", type=Path, default=REPORT, help="markdown report (default: reports/bench.md)")
    ap.add_argument("--tokenize", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    try:
        if args.tokenize:
            cards, seconds = tokenize(args.tokenize)
            print(json.dumps({"cards": cards, "seconds": seconds}))
        else:
            run(args)
    except BenchError as e:
        sys.exit(f"bench failed: {e}")


def run(args: argparse.Namespace) -> None:
    """Every size in turn, each in its own folder; the report is rewritten after each."""
    qbank = Path(sys.executable).with_name("qbank")
    if not qbank.exists():
        raise BenchError(f"{qbank}: no qbank next to this Python; run with the project's .venv/bin/python")
    setting_line = setting(args)
    load_at_start = os.getloadavg()[0]
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="qbank-bench-") as tmp:
        root = Path(tmp)
        env = dict(os.environ, PREFECT_HOME=str(root / "prefect"))
        if args.prefect_api_url:
            env["PREFECT_API_URL"] = args.prefect_api_url
        warm_up(root, qbank, env)
        for size in args.sizes:
            with tempfile.TemporaryDirectory(dir=root) as folder:
                rows.append(bench_size(size, Path(folder), qbank, env, seed=args.seed, edit_fraction=args.edit_fraction))
            heading = f"{setting_line} {load_line(load_at_start)}"
            write_report(args.out, heading, rows)
    print(heading)
    print("\n".join(markdown(rows)))
    print(f"(also in {args.out})")

if __name__ == "__main__":
    main()
