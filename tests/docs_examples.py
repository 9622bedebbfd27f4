"""The `$ qbank …` examples of README.md and docs/*.md, run for real and written back with their output (cog).

Each example in the docs is a cog block whose code calls `run("qbank …", …)`;
cog replaces the block's output with what the commands print now. `make docs`
regenerates the blocks (`cog -r`), and `tests/test_doc_examples.py` fails when
a block differs from what the commands print (`cog --check`), so a stale
example fails `make test`.

The examples run against one bank, built once per session from the shipped
deck by the real `qbank build` (a Prefect flow, ~15 s): the block that shows
that build shows its recorded output. Every document starts from a fresh
copy of that bank, and its examples run in order, in a scratch project folder
that links the checkout's `data/` and has `../shared/` beside it, and the
example decks the docs read: `aws-limits.apkg` (an Anki package, fixed note
IDs), `aws-limits-notes.txt` (the same notes as Anki's Notes in Plain Text)
and `bad/` (decks of the bad-input corpus, `tests/hostile_decks.py`).

The normalisations, all of them:
- `/tmp/` in a command is the session's scratch folder, and is written back as `/tmp/`;
- the scratch project folder is the current folder (`./` is dropped);
- the build shows what it prints on stdout: its stderr is Prefect's server log (times, ports);
- `lines=N` shows only the first N lines of an output, then `…`;
- trailing spaces are stripped, and rich tables are drawn 100 columns wide.
"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BANK = "/tmp/docs.duckdb"
BUILD = f"qbank build data/raw/serverless-aws.txt --db {BANK} --no-report"
COLUMNS = "100"
_SHELL = set("();<>|&")   # shlex's punctuation: a token of these is shell syntax
# a verifier's one-time set-up ("installing gift-pegjs@1.0.2 into … (first use) ..."): once per machine, not output
_FIRST_USE = re.compile(r"installing \S+ into .* \(first use\)")

SESSION: DocsSession | None = None


class DocsSession:
    """A scratch project with the docs' bank built once; runs the examples of one document after another."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.work = folder / "project"
        self.tmp = folder / "tmp"
        self.work.mkdir(parents=True, exist_ok=True)
        self.tmp.mkdir(exist_ok=True)
        (self.work / "data").symlink_to(ROOT / "data")
        (self.work / "docs").symlink_to(ROOT / "docs")
        if SHARED.is_dir():
            (folder / "shared").symlink_to(SHARED)
        self.env = dict(os.environ, COLUMNS=COLUMNS, PREFECT_HOME=str(folder / "prefect"),
                        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
        write_example_decks(self.work)
        self.build_output = self._shell(self._local(BUILD), stderr=False)
        self.pristine = folder / "pristine.duckdb"
        shutil.copyfile(self._path(BANK), self.pristine)
        self.document: str | None = None

    def start(self, document: str) -> None:
        """Begin a document's examples from a fresh copy of the bank."""
        if document != self.document:
            self.document = document
            self._reset()

    def run(self, command: str) -> str:
        """What `command` prints (stdout and stderr, as a terminal shows them), normalised."""
        if command == BUILD:
            self._reset()
            return self.build_output
        local = self._local(command)
        tokens = list(shlex.shlex(local, posix=True, punctuation_chars=True))
        if tokens[0] == "qbank" and not any(set(t) <= _SHELL for t in tokens):   # no pipe, redirection, `;`
            return self._normalise(self._in_process(shlex.split(local)[1:]))
        return self._shell(local)

    def _reset(self) -> None:
        shutil.copyfile(self.pristine, self._path(BANK))

    def _local(self, shown: str) -> str:
        """A command or path as the docs show it, with `/tmp/` in the session's scratch folder."""
        return shown.replace("/tmp/", f"{self.tmp}/")

    def _path(self, shown: str) -> Path:
        return Path(self._local(shown))

    def _in_process(self, args: list[str]) -> str:
        """One `qbank` command through click's test runner: no interpreter start, spaCy loaded once."""
        from click.testing import CliRunner

        from pipeline.cli import cli

        with _cwd(self.work):
            result = CliRunner(env={"COLUMNS": COLUMNS}).invoke(cli, args, catch_exceptions=False)
        return result.output

    def _shell(self, command: str, *, stderr: bool = True) -> str:
        """A command line with pipes, redirections or other programs, through bash in the scratch project."""
        done = subprocess.run(["bash", "-c", command], cwd=self.work, env=self.env, capture_output=True, text=True)
        return self._normalise((done.stderr if stderr else "") + done.stdout)

    def _normalise(self, text: str) -> str:
        text = text.replace(f"{self.tmp}/", "/tmp/").replace(f"{self.work}/", "")
        return "".join(line.rstrip() + "\n" for line in text.splitlines() if not _FIRST_USE.match(line))


# Anki notes as (fields, note type): a basic note, a cloze note and a note whose front is only an image.
_EXAMPLE_NOTES = ((["What is the maximum timeout of a Lambda function?", "900 seconds"], "Basic"),
                  (["SQS keeps messages for up to {{c1::14 days}}, {{c2::4 days}} by default", ""], "Cloze"),
                  (['<img src="s3-diagram.png">', "S3 storage classes"], "Basic"))
# The bad-input decks the docs show, by file name.
_BAD_DECKS = ("utf16.txt", "long-line.txt", "quote.csv", "cloze.apkg", "bomb.apkg", "invoices.apkg")


def write_example_decks(folder: Path) -> None:
    """The decks the docs' examples read, made here (never committed): same bytes every time."""
    from hostile_decks import BASIC, CASES, CLOZE, collection, package

    types = {"Basic": BASIC, "Cloze": CLOZE}
    notes = [(fields, types[kind]) for fields, kind in _EXAMPLE_NOTES]
    (folder / "aws-limits.apkg").write_bytes(package({"collection.anki2": collection(notes), "media": b"{}"}))
    rows = ["#separator:tab", "#html:true", "#notetype column:1", "#deck column:2", "#tags column:5"]
    rows += [f"{kind}\tAWS::Lambda\t" + "\t".join(fields) + "\taws" for fields, kind in _EXAMPLE_NOTES]
    (folder / "aws-limits-notes.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")
    bad = folder / "bad"
    bad.mkdir(exist_ok=True)
    for case in CASES:
        if case.filename in _BAD_DECKS:
            case.make(bad)


@contextmanager
def _cwd(path: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def session() -> DocsSession:
    """The session the test suite made, or one of our own (for `make docs`), removed at exit."""
    global SESSION
    if SESSION is None:
        import atexit

        folder = Path(tempfile.mkdtemp(prefix="qbank-docs-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        SESSION = DocsSession(folder)
    return SESSION


def run(*commands: str, lines: int | None = None) -> None:
    """Write a ```text block with each command after `$ ` and what it printed (inside a cog block)."""
    import cog

    s = session()
    s.start(cog.inFile)
    cog.outl("```text")
    for i, command in enumerate(commands):
        if i:
            cog.outl("")
        cog.outl(f"$ {command}")
        out = s.run(command).splitlines()
        if lines is not None and len(out) > lines:
            out = out[:lines] + ["…"]
        for line in out:
            cog.outl(line)
    cog.outl("```")


def show(path: str, lang: str = "text") -> None:
    """Write a fenced block with a file of the checkout, as it is (inside a cog block)."""
    import cog

    cog.outl(f"```{lang}")
    cog.out((ROOT / path).read_text(encoding="utf-8"))
    cog.outl("```")
