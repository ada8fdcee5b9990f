"""Replace an article's rows, idempotently (the SQL files of ``sql/`` are applied by ``schema``)."""

from __future__ import annotations

import duckdb
import polars as pl

from pipelines.lib.warehouse.schema import SQL_DIR, apply_schema, apply_views, sql_files  # noqa: F401


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
