"""The SQL files of ``sql/``: core tables and analytics views, and the column types of each core table.

The schema files are the one place a table's columns are declared: ``table_schema`` reads them back
from an in-memory DuckDB as polars types, in table column order.
"""

from __future__ import annotations

import functools
from pathlib import Path

import duckdb
import polars as pl

SQL_DIR = Path(__file__).resolve().parents[3] / "sql"


def sql_files(kind: str, sql_dir: Path = SQL_DIR) -> list[Path]:
    """``kind`` is ``schema`` (core tables, in file-name order) or ``views`` (analytics views)."""
    return sorted((sql_dir / kind).glob("*.sql"))


def apply_schema(conn: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> None:
    """Create the core tables that do not exist yet."""
    for path in sql_files("schema", sql_dir):
        conn.execute(path.read_text())


def apply_views(conn: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> list[str]:
    """Create or replace every analytics view; returns their names."""
    names = []
    for path in sql_files("views", sql_dir):
        conn.execute(path.read_text())
        names.append(f"analytics.{path.stem}")
    return names


@functools.cache
def core_schemas() -> dict[str, pl.Schema]:
    """The polars schema of every core table (``documents``, ``articles``, …), as the SQL files declare it."""
    with duckdb.connect(":memory:") as conn:
        apply_schema(conn)
        tables = conn.execute("select table_name from duckdb_tables() where schema_name = 'core'").fetchall()
        return {table: conn.sql(f"select * from core.{table} limit 0").pl().schema for (table,) in tables}


def table_schema(table: str) -> pl.Schema:
    """The columns of core table ``table`` with their polars types, in table order."""
    return core_schemas()[table]
