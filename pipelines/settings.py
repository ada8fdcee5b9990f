"""Where warta reads and writes, from the environment (with repository defaults)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


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


def raw_dir() -> str:
    return _path("WARTA_RAW_DIR", DATA / "raw")


def max_bytes() -> int:
    return int(os.environ.get("WARTA_MAX_BYTES", "5000000"))


def max_seconds() -> float:
    """Time one document may take to clean or to extract before it is rejected (WARTA_MAX_SECONDS)."""
    return float(os.environ.get("WARTA_MAX_SECONDS", "60"))


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
    return int(os.environ.get("WARTA_BACKFILL_STEPS", "4"))
