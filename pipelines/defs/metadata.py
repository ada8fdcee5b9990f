"""Metadata every materialization reports: row counts and a markdown preview."""

from __future__ import annotations

import dagster as dg
import duckdb
import polars as pl

from pipelines.lib.warehouse.rows import count


def preview(
    conn: duckdb.DuckDBPyConnection, query: str, limit: int = 5, params: list | None = None
) -> dg.MarkdownMetadataValue:
    cursor = conn.execute(f"select * from ({query}) limit {limit}", params or [])
    columns = [column[0] for column in cursor.description]
    frame = pl.DataFrame(cursor.fetchall(), schema=columns, orient="row")
    if frame.is_empty():
        return dg.MetadataValue.md("_no rows_")
    header = "| " + " | ".join(frame.columns) + " |"
    rule = "| " + " | ".join("---" for _ in frame.columns) + " |"
    rows = ["| " + " | ".join(_cell(value) for value in row) + " |" for row in frame.iter_rows()]
    return dg.MetadataValue.md("\n".join([header, rule, *rows]))


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    text = text.replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= 80 else text[:77] + "…"


def table_metadata(conn: duckdb.DuckDBPyConnection, table: str, **extra: object) -> dict:
    return {"dagster/row_count": count(conn, table), "preview": preview(conn, f"select * from {table}"), **extra}
