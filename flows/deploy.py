"""The build as a Prefect deployment: batch regeneration of a folder of decks on a schedule.

`qbank serve` runs it with `serve` (a long-running process that starts each
scheduled run); the same deployment can go to a work pool with `flow.deploy`.
Unchanged decks are skipped and changed ones rebuilt incrementally, so a
nightly run costs little when little changed.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flows.build_bank import build_bank

__all__ = ["DEFAULT_CRON", "deployment"]

DEFAULT_CRON = "0 2 * * *"    # every night at 02:00


def deployment(paths: Sequence[str], db: str, *, name: str = "nightly", cron: str | None = DEFAULT_CRON,
               workers: int = 2, report: str | None = "") -> Any:
    """The `build-bank` flow as a deployment with a schedule and its parameters."""
    return build_bank.to_deployment(
        name=name, cron=cron, tags=["qbank"],
        parameters={"paths": list(paths), "db": db, "workers": workers, "report": report},
        description="Rebuild the question bank from these decks (unchanged decks are skipped).",
    )
