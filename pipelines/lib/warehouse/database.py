"""Apply the SQL files of ``sql/`` and replace an article's rows, idempotently."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

SQL_DIR = Path(__file__).resolve().parents[3] / "sql"


def sql_files(kind: str, sql_dir: Path = SQL_DIR) -> list[Path]:
    """``kind`` is ``schema`` (core tables, in file-name order) or ``views`` (analytics views)."""
    return sorted((sql_dir / kind).glob("*.sql"))


def apply_schema(conn: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> None:
    for path in sql_files("schema", sql_dir):
        conn.execute(path.read_text())


def apply_views(conn: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> list[str]:
    """Create or replace every analytics view; returns their names."""
    names = []
    for path in sql_files("views", sql_dir):
        conn.execute(path.read_text())
        names.append(f"analytics.{path.stem}")
    return names


def delete_rows(conn: duckdb.DuckDBPyConnection, table: str, key: str, keys: list[str]) -> None:
    """Delete the rows of ``table`` whose ``key`` is in ``keys``."""
    if keys:
        conn.execute(f"delete from {table} where {key} in (select unnest(?))", [keys])


def replace_rows(conn: duckdb.DuckDBPyConnection, table: str, key: str, keys: list[str], frame: pl.DataFrame) -> int:
    """Delete the rows of ``table`` whose ``key`` is in ``keys``, then insert ``frame``."""
    delete_rows(conn, table, key, keys)
    return insert_rows(conn, table, frame)


def insert_rows(conn: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    """Append ``frame`` to ``table`` (columns by name)."""
    if frame.height:
        columns = ", ".join(frame.columns)
        conn.register("incoming_rows", frame)
        conn.execute(f"insert into {table} ({columns}) select {columns} from incoming_rows")
        conn.unregister("incoming_rows")
    return frame.height


def upsert_rows(conn: duckdb.DuckDBPyConnection, table: str, key: str, frame: pl.DataFrame) -> int:
    """Insert ``frame``, replacing rows with the same ``key``."""
    return replace_rows(conn, table, key, frame[key].to_list() if frame.height else [], frame)


def count(conn: duckdb.DuckDBPyConnection, relation: str) -> int:
    return conn.execute(f"select count(*) from {relation}").fetchall()[0][0]
