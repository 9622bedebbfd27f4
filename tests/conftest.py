"""Shared fixtures. Engineers add fixtures here with small targeted edits."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DECK = ROOT / "data" / "raw" / "serverless-aws.txt"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only shared folder beside the checkout (decks, gold, checks)."""
    if not SHARED.is_dir():
        pytest.skip(f"shared folder not found at {SHARED}")
    return SHARED


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a real DuckDB bank file in a fresh temporary folder."""
    return tmp_path / "bank.duckdb"


@pytest.fixture(scope="session")
def hand_bank_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-checked analytics bank of `hand_bank.py`, built once: open it read-only, or copy it first."""
    from hand_bank import write_hand_bank

    return write_hand_bank(tmp_path_factory.mktemp("hand-bank") / "bank.duckdb")


@pytest.fixture
def hand_bank(hand_bank_file: Path, db_path: Path) -> Path:
    """A private copy of the hand-checked bank, free to write to."""
    import shutil

    return Path(shutil.copyfile(hand_bank_file, db_path))
