"""The Prefect API a build reports to: the user's server, or one temporary server for the whole run.

Prefect starts a temporary ("ephemeral") server in each process that needs an
API and has none; batch tasks run in worker processes, and each would start
its own (10–30 s apiece). Started here once, its address is exported, so the
flow and every worker process report to the same server, which stops when the
run ends — also on Ctrl-C.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["prefect_api"]

STARTUP_TIMEOUT = int(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180"))


@contextmanager
def prefect_api() -> Iterator[str]:
    """Yield the API URL runs report to: `PREFECT_API_URL` when set, else a temporary server's."""
    from prefect.settings import get_current_settings

    configured = get_current_settings().api.url
    if configured:
        yield str(configured)
        return
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, temporary_settings

    server = SubprocessASGIServer()
    server.start(timeout=STARTUP_TIMEOUT)
    os.environ["PREFECT_API_URL"] = server.api_url      # inherited by worker processes
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield server.api_url
    finally:
        _drain()
        os.environ.pop("PREFECT_API_URL", None)
        server.stop()


def _drain(timeout: float = 10) -> None:
    """Send the logs and events still queued before the server goes (else they retry for a minute)."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=timeout)
    EventsWorker.drain_all(timeout=timeout)
