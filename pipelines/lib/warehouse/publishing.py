"""Readers query a published copy of the warehouse; runs write a working copy.

``publish`` checkpoints the working DuckDB file (folding its write-ahead log in),
copies it beside the published file and renames it over the published file in one
atomic step. A reader that holds the old file open keeps reading the old, complete
state (the rename leaves its open file intact); the next connection opens the new one.
A run killed at any point leaves the published file as it was.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb


def publish(working: Path, published: Path) -> int:
    """Replace ``published`` by a copy of ``working``; returns the bytes published."""
    working, published = Path(working), Path(published)
    with duckdb.connect(str(working)) as conn:
        conn.execute("checkpoint")
    wal = working.with_name(working.name + ".wal")
    if wal.exists() and wal.stat().st_size:
        raise RuntimeError(f"{wal} still holds changes after a checkpoint; not publishing a partial state")
    published.parent.mkdir(parents=True, exist_ok=True)
    for stale in published.parent.glob(f".{published.name}.*.tmp"):
        stale.unlink(missing_ok=True)  # left by a publication that was killed
    tmp = published.with_name(f".{published.name}.{os.getpid()}.tmp")
    with open(working, "rb") as source, open(tmp, "wb") as target:
        shutil.copyfileobj(source, target, 1 << 20)
        target.flush()
        os.fsync(target.fileno())
    # a log beside the published file belongs to the old file (someone opened it read-write): it must not
    # be replayed onto the new one
    published.with_name(published.name + ".wal").unlink(missing_ok=True)
    os.replace(tmp, published)
    directory = os.open(published.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    return published.stat().st_size
