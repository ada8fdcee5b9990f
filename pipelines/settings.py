"""Where warta reads and writes, from the environment (with repository defaults), and the checks a run
makes of those places before any work: a ``SettingsError`` names the setting and what is wrong."""

from __future__ import annotations

import math
import os
import re
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


class SettingsError(ValueError):
    """A setting names a place warta cannot use, or a value it cannot read."""


def _path(variable: str, default: Path) -> str:
    return str(Path(os.environ.get(variable) or default).resolve())


def sources() -> str:
    """The sources file: inbox folders, feeds, sitemaps and URL lists (WARTA_SOURCES)."""
    return _path("WARTA_SOURCES", DATA / "sources.yaml")


def warehouse() -> str:
    """The published warehouse analysts query, replaced whole at the end of each run (WARTA_WAREHOUSE)."""
    return _path("WARTA_WAREHOUSE", DATA / "warehouse.duckdb")


def work_dir() -> str:
    """Where runs keep their working copy of the warehouse and the writer lock (WARTA_WORK_DIR)."""
    return _path("WARTA_WORK_DIR", Path(warehouse()).parent / "work")


def cache_dir() -> str:
    """Where files that any warehouse on this machine can share are kept, such as the report's Vega script
    (WARTA_CACHE_DIR; by default ``$XDG_CACHE_HOME/warta``, else ``~/.cache/warta``)."""
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return _path("WARTA_CACHE_DIR", home / "warta")


MEMORY_SIZE = re.compile(r"\d+(?:\.\d+)?\s*(?:[KMGT]i?B)", re.I)
DUCKDB_MEMORY = "64MB"


def duckdb_memory() -> str:
    """The memory DuckDB may keep for the warehouse a run writes (and for the report's reads), such as ``64MB``:
    beyond it, DuckDB drops cached blocks and spills to disk, so a run's memory does not grow with the
    warehouse (WARTA_DUCKDB_MEMORY)."""
    value = (os.environ.get("WARTA_DUCKDB_MEMORY") or DUCKDB_MEMORY).strip()
    if not MEMORY_SIZE.fullmatch(value):
        raise SettingsError(f"WARTA_DUCKDB_MEMORY must be a size such as 64MB or 1GB, not {value!r}")
    return value


def raw_dir() -> str:
    return _path("WARTA_RAW_DIR", DATA / "raw")


def max_bytes() -> int:
    """Larger documents are rejected as oversized (WARTA_MAX_BYTES)."""
    return int(positive_number("WARTA_MAX_BYTES", os.environ.get("WARTA_MAX_BYTES", "5000000"), whole=True))


def max_seconds() -> float:
    """Time one document may take to clean or to extract before it is rejected (WARTA_MAX_SECONDS)."""
    return positive_number("WARTA_MAX_SECONDS", os.environ.get("WARTA_MAX_SECONDS", "60"))


def workers() -> int:
    """Processes that clean and extract documents side by side; 0 (the default) is one per core (WARTA_WORKERS)."""
    value = os.environ.get("WARTA_WORKERS", "0")
    return 0 if value.strip() == "0" else int(positive_number("WARTA_WORKERS", value, whole=True))


def chunk_size() -> int:
    """Documents cleaned, and articles extracted, per chunk; each chunk is written and committed before the
    next (WARTA_CHUNK_SIZE)."""
    return int(positive_number("WARTA_CHUNK_SIZE", os.environ.get("WARTA_CHUNK_SIZE", "200"), whole=True))


def staging() -> str:
    """Where backfill partitions stage their Parquet files: a folder, or an fsspec URL such as
    ``s3://bucket/warta-staging`` (WARTA_STAGING)."""
    location = os.environ.get("WARTA_STAGING") or ""
    return location if "://" in location else _path("WARTA_STAGING", DATA / "staging")


def backfill_executor() -> str:
    """The executor of the backfill job: multiprocess (default), dask or k8s (WARTA_BACKFILL_EXECUTOR)."""
    return os.environ.get("WARTA_BACKFILL_EXECUTOR", "multiprocess")


def backfill_steps() -> int:
    """How many partition steps the backfill job has, each staging its share of the files
    (WARTA_BACKFILL_STEPS; the same in every process of a deployment)."""
    return int(positive_number("WARTA_BACKFILL_STEPS", os.environ.get("WARTA_BACKFILL_STEPS", "4"), whole=True))


def positive_number(setting: str, value: object, whole: bool = False) -> float:
    """``value`` as a finite number above zero (a whole one if ``whole``); SettingsError naming ``setting``."""
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        number = math.nan
    if not math.isfinite(number) or number <= 0 or (whole and not number.is_integer()):
        kind = "a whole number" if whole else "a number"
        raise SettingsError(f"{setting} must be {kind} above 0, not {value!r}")
    return number


def check_file_place(setting: str, path: str | Path) -> None:
    """``path`` can be a file warta replaces: not a directory, in a folder where it can create files."""
    path = Path(path)
    if path.is_dir():
        raise SettingsError(f"{setting}: {path} is a directory; it must name a file")
    check_folder(setting, path.parent)


def check_folder(setting: str, folder: str | Path) -> None:
    """``folder`` exists (or is created) and warta can create files in it."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass  # an unnamed file, gone when closed: nothing is left behind
    except OSError as error:
        raise SettingsError(f"{setting}: cannot write in {folder} ({error.strerror or error})") from None
