"""The working warehouse at the start of a run: used as it is, or, when its file is damaged (truncated,
overwritten, checksums that fail) or missing, made again from the published copy.

The damaged file and its write-ahead log are set aside (``warehouse.duckdb.damaged-<time>``), never
deleted. The published file is only read: a copy of it, the last complete run, becomes the working
warehouse; its documents point into the raw store, so nothing held is fetched again. Without a
usable published file the run starts from an empty warehouse and the next poll reads every source
again, the raw store keeping the bytes it already holds.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb

DAMAGE_SIGNS = ("not a valid DuckDB database file", "Could not read enough bytes", "Corrupt database file", "checksum")
CORE_TABLES = "select table_name from duckdb_tables() where schema_name = 'core'"


def prepare_working(working: Path, published: Path, log: Callable[[str], None]) -> None:
    """Make sure ``working`` is a warehouse DuckDB can read: set it aside when damaged, and start it from
    a copy of ``published`` when there is no usable working file."""
    working, published = Path(working), Path(published)
    problem = damage(working)
    if problem is not None:
        aside = set_aside(working)
        log(f"the working warehouse {working} is damaged ({problem}); it is kept as {aside} and made again")
    elif working.exists():
        return
    _wal(working).unlink(missing_ok=True)  # a log without its database must not be replayed onto another
    if _usable(published):
        restore(published, working)
        log(f"the working warehouse {working} starts from the published copy {published}")


def damage(path: Path, read_only: bool = False) -> str | None:
    """Why the DuckDB file at ``path`` cannot be read (None when it can, or does not exist): every column
    of every core table is read once, so a truncated file or a block whose checksum fails is found.
    Other errors, such as a lock held by another process, are raised."""
    if not Path(path).exists():
        return None
    try:
        with duckdb.connect(str(path), read_only=read_only) as conn:
            for (table,) in conn.execute(CORE_TABLES).fetchall():
                conn.execute(f'select max(hash(columns(*))) from core."{table}"').fetchall()  # every block read
    except duckdb.Error as error:
        if any(sign in str(error) for sign in DAMAGE_SIGNS):
            return str(error).splitlines()[0]
        raise
    return None


def set_aside(working: Path) -> Path:
    """Rename the damaged file (and its log) out of the way; returns the new name of the file."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = working.with_name(f"{working.name}.damaged-{stamp}")
    os.replace(working, aside)
    if _wal(working).exists():
        os.replace(_wal(working), _wal(aside))
    return aside


def restore(published: Path, working: Path) -> None:
    """Copy the published file to ``working`` (through a temporary file, so a crash leaves no half copy)."""
    working.parent.mkdir(parents=True, exist_ok=True)
    tmp = working.with_name(f".{working.name}.{os.getpid()}.restore")
    shutil.copyfile(published, tmp)
    os.replace(tmp, working)


def _usable(published: Path) -> bool:
    try:
        return published.exists() and damage(published, read_only=True) is None
    except duckdb.Error:  # held by a writer: the run starts empty rather than wait
        return False


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")
