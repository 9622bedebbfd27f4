"""Where a command finds the bank and writes its report when the user does not say."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.errors import PipelineError
from pipeline.settings import DEFAULT_DB, PROJECT, default_db, report_path


def test_qbank_db_wins_then_the_user_config_then_the_project(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert default_db({"QBANK_DB": "~/banks/a.duckdb"}, home) == Path("~/banks/a.duckdb").expanduser()
    assert default_db({}, home) == PROJECT / DEFAULT_DB          # run from the checkout: its own bank
    config = home / ".config" / "qbank" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('db = "/srv/banks/team.duckdb"\n', encoding="utf-8")
    assert default_db({}, home) == Path("/srv/banks/team.duckdb")
    xdg = tmp_path / "xdg"
    (xdg / "qbank").mkdir(parents=True)
    (xdg / "qbank" / "config.toml").write_text('db = "/x.duckdb"\n', encoding="utf-8")
    assert default_db({"XDG_CONFIG_HOME": str(xdg)}, home) == Path("/x.duckdb")
    config.write_text("db = [", encoding="utf-8")
    with pytest.raises(PipelineError, match="config.toml: not valid TOML"):
        default_db({}, home)


def test_a_report_goes_beside_its_bank(tmp_path: Path) -> None:
    assert report_path(tmp_path / "x" / "team.duckdb") == tmp_path / "x" / "team-report.html"
    assert report_path(PROJECT / DEFAULT_DB) == PROJECT / "reports" / "qbank-report.html"


def test_commands_use_the_bank_qbank_db_names_from_any_folder(tmp_path: Path, hand_bank: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("QBANK_DB", str(hand_bank))
    before = sorted((PROJECT / "reports").iterdir())
    out = CliRunner().invoke(cli, ["report"])
    assert out.exit_code == 0, out.output
    assert out.output.strip() == f"report → {hand_bank.with_name('bank-report.html')}"
    assert sorted((PROJECT / "reports").iterdir()) == before and list(elsewhere.iterdir()) == []
    stats = CliRunner().invoke(cli, ["stats", "--format", "json"])
    assert stats.exit_code == 0 and '"decks": 2' in stats.output


def test_the_code_version_follows_the_librarys_code_and_data(tmp_path: Path) -> None:
    from pipeline.settings import code_version
    (tmp_path / "data").mkdir()
    (tmp_path / "rules.py").write_text("LIMIT = 1\n")
    (tmp_path / "data" / "names.json").write_text("{}")
    first = code_version(tmp_path)
    (tmp_path / "notes.pyc").write_bytes(b"compiled")          # caches and other files do not count
    assert code_version(tmp_path) == first
    (tmp_path / "data" / "names.json").write_text('{"a": 1}')
    second = code_version(tmp_path)
    (tmp_path / "rules.py").write_text("LIMIT = 2\n")
    assert len({first, second, code_version(tmp_path)}) == 3
