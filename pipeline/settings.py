"""Build settings: one typed object, made once at the edge (CLI options or flow parameters)."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from .ids import stable_id

# Bump when extraction or generation changes what a build produces: a deck
# whose content and settings are unchanged is skipped, so the version must
# be part of the settings' fingerprint.
PIPELINE_VERSION = "3"
DEFAULT_DB = Path("data/processed/qbank.duckdb")


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
