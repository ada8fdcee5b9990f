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


COLUMNS = """
select table_name, column_name, data_type, column_default
from duckdb_columns()
where schema_name = 'core'
order by table_name, column_index
"""


def apply_schema(conn: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> None:
    """Create the core tables that do not exist yet, and add to a warehouse made by an earlier version the
    columns declared since (with their type and default; rows already there hold the default or null)."""
    for path in sql_files("schema", sql_dir):
        conn.execute(path.read_text())
    present = {(table, column) for table, column, *_ in conn.execute(COLUMNS).fetchall()}
    for table, column, data_type, default in declared_columns(sql_dir):
        if (table, column) not in present:
            default_clause = f" default {default}" if default is not None else ""
            conn.execute(f'alter table core."{table}" add column "{column}" {data_type}{default_clause}')


@functools.cache
def declared_columns(sql_dir: Path = SQL_DIR) -> list[tuple[str, str, str, str | None]]:
    """(table, column, type, default) of every core table column the SQL files declare, in table order."""
    with duckdb.connect(":memory:") as conn:
        for path in sql_files("schema", sql_dir):
            conn.execute(path.read_text())
        return conn.execute(COLUMNS).fetchall()


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
