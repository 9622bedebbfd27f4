"""The docs' `$ qbank …` examples are real: each is a cog block that `make docs` regenerates, checked here."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import docs_examples

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
PROLOGUE = "from docs_examples import run, show"


@pytest.fixture(scope="session")
def docs_session(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> docs_examples.DocsSession:
    """The docs' bank, built once by the real `qbank build` (a Prefect flow)."""
    docs_examples.SESSION = docs_examples.DocsSession(tmp_path_factory.mktemp("docs"))
    return docs_examples.SESSION


def cog_check(files: list[Path], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from cogapp import Cog

    status = Cog().main(["cog", "--check", "--diff", "--verbosity=1", "-I", str(ROOT / "tests"), "-p", PROLOGUE,
                         *map(str, files)])
    out = capsys.readouterr()
    return status, out.out + out.err


@pytest.mark.prefect
def test_every_example_prints_what_the_docs_show(docs_session: docs_examples.DocsSession,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    status, report = cog_check(DOCS, capsys)
    assert status == 0, f"stale examples; run `make docs` to regenerate them:\n{report}"


@pytest.mark.prefect
def test_an_example_edited_to_be_wrong_fails(docs_session: docs_examples.DocsSession, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    text = (ROOT / "docs" / "exports.md").read_text(encoding="utf-8")
    wrong = re.sub(r"(quiz1\.gift: )(\d+)", lambda m: m.group(1) + str(int(m.group(2)) + 1), text, count=1)
    assert wrong != text
    (tmp_path / "exports.md").write_text(wrong, encoding="utf-8")
    status, report = cog_check([tmp_path / "exports.md"], capsys)
    assert status == 5 and "Check failed" in report and "quiz1.gift" in report


def test_every_qbank_example_is_inside_a_cog_block() -> None:
    """A `$ qbank` line outside a cog block would never be run: it could go stale unseen."""
    for doc in DOCS:
        inside = False
        for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
            if "[[[cog" in line:
                inside = True
            elif "[[[end]]]" in line:
                inside = False
            elif line.startswith("$ qbank"):
                assert inside, f"{doc.name}:{number}: `$ qbank` example outside a cog block: {line}"
