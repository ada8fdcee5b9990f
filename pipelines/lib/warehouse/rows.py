"""Rows of a core table: count them, and write polars frames into it (insert, delete, replace, update by key).

Every write of the pipeline goes through these: a frame and one of the statements here, or a
statement named in the warehouse module of the table it concerns (``write_frame`` runs one that
reads a frame). Nothing outside ``pipelines.lib.warehouse`` writes SQL.
"""

from __future__ import annotations

import duckdb
import polars as pl


def count(conn: duckdb.DuckDBPyConnection, relation: str) -> int:
    return conn.execute(f"select count(*) from {relation}").fetchall()[0][0]


def delete_rows(conn: duckdb.DuckDBPyConnection, table: str, key: str, keys: list[str]) -> None:
    """Delete the rows of ``table`` whose ``key`` is in ``keys``."""
    if keys:
        conn.execute(f"delete from {table} where {key} in (select unnest(?))", [keys])


def delete_all(conn: duckdb.DuckDBPyConnection, table: str) -> None:
    conn.execute(f"delete from {table}")


def write_frame(
    conn: duckdb.DuckDBPyConnection, statement: str, frame: pl.DataFrame, params: dict | None = None
) -> int:
    """Run ``statement``, which reads ``frame`` as ``incoming_rows``; nothing when the frame is empty."""
    if frame.height:
        conn.register("incoming_rows", frame)
        conn.execute(statement, params or {})
        conn.unregister("incoming_rows")
    return frame.height


def insert_rows(conn: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    """Append ``frame`` to ``table`` (columns by name)."""
    columns = ", ".join(frame.columns)
    return write_frame(conn, f"insert into {table} ({columns}) select {columns} from incoming_rows", frame)


def replace_rows(conn: duckdb.DuckDBPyConnection, table: str, key: str, keys: list[str], frame: pl.DataFrame) -> int:
    """Delete the rows of ``table`` whose ``key`` is in ``keys``, then insert ``frame``."""
    delete_rows(conn, table, key, keys)
    return insert_rows(conn, table, frame)


def upsert_rows(conn: duckdb.DuckDBPyConnection, table: str, key: str, frame: pl.DataFrame) -> int:
    """Insert ``frame``, replacing rows with the same ``key``."""
    return replace_rows(conn, table, key, frame[key].to_list() if frame.height else [], frame)


def update_rows(conn: duckdb.DuckDBPyConnection, table: str, key: str, frame: pl.DataFrame) -> int:
    """Set the other columns of ``frame`` on the rows of ``table`` with the same ``key``."""
    assignments = ", ".join(f"{column} = incoming_rows.{column}" for column in frame.columns if column != key)
    return write_frame(
        conn, f"update {table} set {assignments} from incoming_rows where {table}.{key} = incoming_rows.{key}", frame
    )
