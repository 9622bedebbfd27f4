"""Interrupted builds: Ctrl-C and SIGTERM stop `qbank build` at once and cleanly; kill -9 never leaves half a deck.

Real subprocesses, real signals, a real DuckDB file. Linux: lingering processes are found through /proc.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import DECK

ROOT = Path(__file__).resolve().parents[1]


def big_deck(path: Path, copies: int) -> Path:
    """The shipped deck repeated with numbered titles: long enough to interrupt mid-build."""
    chunks = [c for c in DECK.read_text(encoding="utf-8").split("\n---\n") if c.strip()]
    cards = []
    for n in range(copies):
        for chunk in chunks:
            title, _, rest = chunk.strip("\n").partition("\n")
            cards.append(f"{title} ({n})\n{rest}")
    path.write_text("\n---\n".join(cards) + "\n", encoding="utf-8")
    return path


def processes_in(folder: Path) -> list[str]:
    """Command lines of live processes whose working folder is `folder` (a test's own children)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if Path(os.readlink(proc / "cwd")) == folder:
                found.append((proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
        except OSError:
            continue
    return found


def tables_and_views(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table and view, sorted: what a reader of the bank sees."""
    with duckdb.connect(str(db), read_only=True) as con:
        names = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1").fetchall()]
        return {name: sorted(con.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr) for name in names
                if name not in ("builds", "question_changes")}


@pytest.mark.prefect
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_stops_the_build_within_seconds_with_one_line(tmp_path: Path, sig: int, code: int) -> None:
    deck = big_deck(tmp_path / "big.txt", copies=60)
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}   # the real temporary server
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "build", str(deck), "--db", str(tmp_path / "b.duckdb"),
                             "--no-report", "--workers", "2", "--batch-size", "100"],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while not any("build-worker" in c for c in processes_in(tmp_path)) or not (tmp_path / "prefect-home").exists():
        assert proc.poll() is None and time.monotonic() < deadline, "the build never started"
        time.sleep(0.2)
    time.sleep(8)                      # the server and the batches are running now
    proc.send_signal(sig)
    sent = time.monotonic()
    out, err = proc.communicate(timeout=60)
    assert time.monotonic() - sent < 5
    assert proc.returncode == code
    assert "Traceback" not in err and "Traceback" not in out
    assert err.strip().splitlines()[-1].startswith("interrupted: ")
    assert err.strip().splitlines()[-1].endswith("not written; the bank is as it was")
    time.sleep(0.5)
    assert processes_in(tmp_path) == []          # no worker, no server left behind
    if (tmp_path / "b.duckdb").exists():
        assert tables_and_views(tmp_path / "b.duckdb")["questions"] == []


WRITER = textwrap.dedent("""
    import sys
    from pipeline.build import build_deck, load_deck
    from pipeline.settings import Settings
    from pipeline.store import Store

    with Store(sys.argv[1]) as store:
        print("writing", flush=True)
        build_deck(load_deck(sys.argv[2], Settings()), Settings(batch_size=50), store, force=True)
    print("done", flush=True)
""")


def test_kill_9_during_the_write_leaves_the_previous_bank(tmp_path: Path) -> None:
    db = tmp_path / "bank.duckdb"
    decks = [big_deck(tmp_path / "deck.txt", copies=3), tmp_path / "new" / "deck.txt"]   # one deck name, two versions
    decks[1].parent.mkdir()
    decks[1].write_text(decks[0].read_text(encoding="utf-8").replace("0", "7"), encoding="utf-8")
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")

    def write(bank: Path, deck: Path) -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, str(script), str(bank), str(deck)], cwd=ROOT, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    assert write(db, decks[0]).wait(timeout=300) == 0
    started = time.monotonic()
    timed = write(db, decks[1])                       # a replacement, as in the trials, times the write
    assert timed.stdout is not None and timed.stdout.readline().strip() == "writing"
    writing = time.monotonic()
    assert timed.wait(timeout=300) == 0
    duration = time.monotonic() - writing
    assert duration < time.monotonic() - started
    committed, current = tables_and_views(db), 1
    rng = random.Random(20261201)
    kept = 0
    reach = duration * 0.5        # how long after "writing" a kill may come: within the write, even when the machine
                                  # was busier while it was timed
    for _ in range(20):
        reference = tmp_path / "reference.duckdb"      # the bank before this trial's write
        for suffix in ("", ".wal"):   # with its write-ahead log: a writer killed after its commit leaves one
            source, copy = Path(f"{db}{suffix}"), Path(f"{reference}{suffix}")
            if source.exists():
                shutil.copyfile(source, copy)
            else:
                copy.unlink(missing_ok=True)
        proc = write(db, decks[1 - current])
        assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
        time.sleep(rng.uniform(0.0, reach))
        proc.kill()
        proc.wait()
        after = tables_and_views(db)                  # the bank opens, and every table and view reads
        if after == committed:
            kept += 1
            continue
        assert write(reference, decks[1 - current]).wait(timeout=300) == 0
        assert after == tables_and_views(reference)   # the kill came after the commit: the new version, whole
        committed, current = after, 1 - current
        reach /= 2                                     # (writes run faster now than the timed one did)
    assert kept >= 10                                 # most kills land during the write
