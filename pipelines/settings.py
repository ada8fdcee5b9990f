"""Where warta reads and writes, from the environment (with repository defaults)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _path(variable: str, default: Path) -> str:
    return str(Path(os.environ.get(variable) or default).resolve())


def inbox() -> str:
    return _path("WARTA_INBOX", ROOT / "data" / "inbox")


def warehouse() -> str:
    return _path("WARTA_WAREHOUSE", ROOT / "data" / "warehouse.duckdb")


def raw_dir() -> str:
    return _path("WARTA_RAW_DIR", ROOT / "data" / "raw")


def max_bytes() -> int:
    return int(os.environ.get("WARTA_MAX_BYTES", "5000000"))
