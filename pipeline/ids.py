"""Content-derived identifiers: the same input always gives the same ID."""
from __future__ import annotations

import hashlib


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex digest of the parts, joined unambiguously.

    IDs derive from content, never from clocks or counters, so rebuilding a deck
    gives the same IDs and re-imports update instead of duplicating.
    """
    chunks = []
    for part in parts:
        data = repr(part).encode("utf-8")
        chunks.append(len(data).to_bytes(8, "big"))
        chunks.append(data)
    return hashlib.sha256(b"".join(chunks)).hexdigest()[:length]  # one update: the same digest, fewer calls


def short_key(text: str) -> str:
    """A 64-bit digest of one string: a compact key to group equal strings by (not an ID)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()
