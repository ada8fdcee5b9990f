"""Readers query a published copy of the warehouse; runs write a working copy.

``publish`` checkpoints the working DuckDB file (folding its write-ahead log in), copies it
into a new file beside the published one, in ``PUBLISHED_STORAGE_VERSION`` so that every
DuckDB client of the 1.x line (the DuckDB CLI, DBeaver, R, older Python clients) can open
it, and renames it over the published file in one atomic step. A working file written in
that storage already (warta creates them so: ``WORKING_CONFIG``) is copied byte for byte,
in constant memory; an older one is copied catalog by catalog (tables, views, comments),
which DuckDB holds in memory until the copy is detached. A reader that holds the old file
open keeps reading the old, complete state (the rename leaves its open file intact); the
next connection opens the new one. A run killed at any point leaves the published file as it was.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

# the oldest storage format of the 1.x line: DuckDB 1.0 and every later client read it
PUBLISHED_STORAGE_VERSION = "v1.0.0"
COPY_ALIAS = "published_copy"
# new working files are created in the published storage, so that publishing is a file copy
WORKING_CONFIG = {"storage_compatibility_version": PUBLISHED_STORAGE_VERSION}
PUBLISHED_HEADER_VERSION = 64  # a file readable by DuckDB 1.0 and later says so in bytes 12-20 of its header


def publish(working: Path, published: Path) -> int:
    """Replace ``published`` by a copy of ``working``; returns the bytes published."""
    working, published = Path(working), Path(published)
    published.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_copies(published)
    tmp = published.with_name(f".{published.name}.{os.getpid()}.tmp")
    byte_for_byte = in_published_storage(working)
    with duckdb.connect(str(working), config=WORKING_CONFIG) as conn:
        conn.execute("checkpoint")
        refuse_unfolded_log(working)
        if not byte_for_byte:
            write_copy(conn, tmp)
    if byte_for_byte:  # checkpointed and closed: the file holds the whole warehouse
        shutil.copyfile(working, tmp)
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


def in_published_storage(database: Path) -> bool:
    """Whether the DuckDB file ``database`` is written in the published storage (its header says so)."""
    with Path(database).open("rb") as stream:
        header = stream.read(20)
    return (
        len(header) == 20
        and header[8:12] == b"DUCK"
        and int.from_bytes(header[12:20], "little") == PUBLISHED_HEADER_VERSION
    )


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
