"""Readers query a published copy of the warehouse; runs write a working copy.

``publish`` checkpoints the working DuckDB file (folding its write-ahead log in), copies
its whole catalog (tables, views, comments) into a new file beside the published one,
written in ``PUBLISHED_STORAGE_VERSION`` so that every DuckDB client of the 1.x line
(the DuckDB CLI, DBeaver, R, older Python clients) can open it, and renames it over the
published file in one atomic step. A reader that holds the old file open keeps reading
the old, complete state (the rename leaves its open file intact); the next connection
opens the new one. A run killed at any point leaves the published file as it was.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

# the oldest storage format of the 1.x line: DuckDB 1.0 and every later client read it
PUBLISHED_STORAGE_VERSION = "v1.0.0"
COPY_ALIAS = "published_copy"


def publish(working: Path, published: Path) -> int:
    """Replace ``published`` by a copy of ``working``; returns the bytes published."""
    working, published = Path(working), Path(published)
    published.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_copies(published)
    tmp = published.with_name(f".{published.name}.{os.getpid()}.tmp")
    with duckdb.connect(str(working)) as conn:
        conn.execute("checkpoint")
        refuse_unfolded_log(working)
        write_copy(conn, tmp)
    refuse_unfolded_log(tmp)
    fsync_file(tmp)
    # a log beside the published file belongs to the old file (someone opened it read-write): it must not
    # be replayed onto the new one
    log_of(published).unlink(missing_ok=True)
    os.replace(tmp, published)
    fsync_file(published.parent)
    return published.stat().st_size


def write_copy(conn: duckdb.DuckDBPyConnection, target: Path) -> None:
    """Copy every schema, table and view of ``conn``'s database into a new file in the published format."""
    (source,) = conn.execute("select current_database()").fetchall()[0]
    conn.execute(f"attach '{target}' as {COPY_ALIAS} (storage_version '{PUBLISHED_STORAGE_VERSION}')")
    try:
        conn.execute(f'copy from database "{source}" to {COPY_ALIAS}')
    finally:
        conn.execute(f"detach {COPY_ALIAS}")  # detaching checkpoints the copy into its file


def remove_stale_copies(published: Path) -> None:
    """Delete the copies (and their logs) left by a publication that was killed."""
    for pattern in (f".{published.name}.*.tmp", f".{published.name}.*.tmp.wal"):
        for stale in published.parent.glob(pattern):
            stale.unlink(missing_ok=True)


def refuse_unfolded_log(database: Path) -> None:
    log = log_of(database)
    if log.exists() and log.stat().st_size:
        raise RuntimeError(f"{log} still holds changes after a checkpoint; not publishing a partial state")
    log.unlink(missing_ok=True)


def log_of(database: Path) -> Path:
    return database.with_name(database.name + ".wal")


def fsync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
