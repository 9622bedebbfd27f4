"""Build settings: one typed object, made once at the edge (CLI options or flow parameters)."""
from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from .errors import PipelineError
from .ids import stable_id

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT_DB = Path("data/processed/qbank.duckdb")   # relative to the project (see `default_db`)


def code_version(package: Path) -> str:
    """A hash of the library's code and data: an unchanged deck is skipped and an unchanged card reused only
    when its inputs and this are unchanged, so a new rule reaches every bank on its next build without a
    version number anyone must remember to bump."""
    digest = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*") if p.suffix in (".py", ".json") and p.is_file()):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


PIPELINE_VERSION = code_version(Path(__file__).resolve().parent)


@dataclass(frozen=True)
class Settings:
    """What a build depends on besides the deck's content."""

    seed: int = 42
    batch_size: int = 500
    strict: bool = False
    deck_format: str | None = None

    def fingerprint(self) -> str:
        """Changes whenever a rebuild could give a different bank."""
        options = {k: v for k, v in asdict(self).items() if k != "batch_size"}
        return stable_id(PIPELINE_VERSION, sorted(options.items()))


def default_db(environ: Mapping[str, str], home: Path) -> Path:
    """The bank a command uses when `--db` is not given, the same from any working folder.

    In order: `QBANK_DB`; `db` in the user config (`$XDG_CONFIG_HOME/qbank/config.toml`,
    else `~/.config/qbank/config.toml`); the project's `data/processed/qbank.duckdb` when
    qbank runs from its checkout; else `$XDG_DATA_HOME/qbank/qbank.duckdb` (`~/.local/share/…`).

    Raises:
        PipelineError: the user config is not valid TOML or its `db` is not a string.
    """
    if environ.get("QBANK_DB"):
        return Path(environ["QBANK_DB"]).expanduser()
    config = Path(environ.get("XDG_CONFIG_HOME") or home / ".config") / "qbank" / "config.toml"
    if config.is_file():
        try:
            db = tomllib.loads(config.read_text(encoding="utf-8")).get("db")
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise PipelineError(f"{config}: not valid TOML ({e}); fix it or remove it") from e
        if db is not None and not isinstance(db, str):
            raise PipelineError(f"{config}: `db` must be a path in quotes, e.g. db = \"~/banks/qbank.duckdb\"")
        if db:
            return Path(db).expanduser()
    if (PROJECT / "pyproject.toml").is_file() and (PROJECT / "data").is_dir():
        return PROJECT / DEFAULT_DB
    return Path(environ.get("XDG_DATA_HOME") or home / ".local" / "share") / "qbank" / "qbank.duckdb"


def cache_dir(environ: Mapping[str, str], home: Path) -> Path:
    """Where qbank keeps files it can always make again (`$XDG_CACHE_HOME/qbank`, else `~/.cache/qbank`)."""
    return Path(environ.get("XDG_CACHE_HOME") or home / ".cache") / "qbank"


def report_path(db: Path) -> Path:
    """Where a bank's coverage report goes by default: beside the bank (`bank.duckdb` → `bank-report.html`).

    The project's own bank keeps its report in the project's `reports/` folder.
    """
    if db.resolve() == (PROJECT / DEFAULT_DB).resolve():
        return PROJECT / "reports" / "qbank-report.html"
    return db.with_name(f"{db.stem}-report.html")
