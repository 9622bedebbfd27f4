"""Where a build's batch tasks run: worker processes on this machine, or a Dask cluster.

Batches are independent and deterministic, so every runner gives the same bank.
"""
from __future__ import annotations

from typing import Any

__all__ = ["RUNNERS", "task_runner"]

RUNNERS = ("process", "thread", "dask")


def task_runner(kind: str = "process", *, workers: int = 2, address: str | None = None) -> Any:
    """A Prefect task runner for the batches.

    `process`: `workers` processes here, the flow's own among them (so `workers - 1` worker processes;
    one process runs batches in the flow's thread);
    `thread`: the flow's process only; `dask`: the Dask cluster at `address` through prefect-dask,
    or a local cluster of `workers` single-threaded worker processes when no address is given.
    """
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if address:
            return DaskTaskRunner(address=address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None})
    from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

    if kind == "process" and workers > 1:
        return ProcessPoolTaskRunner(max_workers=workers - 1)
    return ThreadPoolTaskRunner(max_workers=1)
