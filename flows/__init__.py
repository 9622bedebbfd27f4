"""Prefect orchestration over the `pipeline` library: batches, retries, caching, logging."""
from __future__ import annotations

import os
from pathlib import Path

# Defaults for local runs, set before Prefect is imported; values the user
# exported win. A stable home keeps the local server's database between runs,
# the longer start-up timeout survives a busy machine's cold start (10–30 s),
# and telemetry stays off on a machine without network.
PREFECT_DEFAULTS = {
    "PREFECT_HOME": str(Path.home() / ".prefect"),
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
}
for _key, _value in PREFECT_DEFAULTS.items():
    os.environ.setdefault(_key, _value)
