"""Metadata of the assets: the column schema of their views (from the data dictionary), and what every
materialization reports, row counts and a markdown preview."""

from __future__ import annotations

import dagster as dg
import duckdb
import polars as pl

from pipelines.lib.warehouse.dictionary import dictionary, documented_columns
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


def table_metadata(
    conn: duckdb.DuckDBPyConnection, table: str, preview_query: str | None = None, **extra: object
) -> dict:
    """Row count of ``table`` and a preview (of ``preview_query``, which names rather than ids, else the table)."""
    shown = preview(conn, preview_query or f"select * from {table}")
    return {"dagster/row_count": count(conn, table), "preview": shown, **extra}


def column_schema(view: str) -> dg.TableSchema:
    """The columns of analytics view ``view``: name, type and the dictionary's description."""
    return dg.TableSchema(
        columns=[
            dg.TableColumn(column.name, column.data_type, description=column.description)
            for column in documented_columns(view)
        ]
    )


def views_of(asset: str) -> list[str]:
    """The analytics views that show the rows of ``asset``: the one of its name first."""
    views = [name for name, entry in dictionary().items() if entry.asset == asset]
    return sorted(views, key=lambda view: view != asset)


def asset_columns(asset: str) -> dict:
    """Definition metadata of ``asset``: ``dagster/column_schema`` of its main view; its other views' schemas."""
    main, *others = views_of(asset)
    return {
        "dagster/column_schema": column_schema(main),
        **{f"analytics.{view}": dg.MetadataValue.table_schema(column_schema(view)) for view in others},
    }


def warehouse_columns() -> dict:
    """Definition metadata of the assets that hold every view: the list of views as the column schema (one
    entry per view, with its grain), and each view's own column schema."""
    views = dg.TableSchema(
        columns=[
            dg.TableColumn(entry.qualified_name, "view", description=entry.description)
            for entry in dictionary().values()
        ]
    )
    per_view = {f"analytics.{view}": dg.MetadataValue.table_schema(column_schema(view)) for view in dictionary()}
    return {"dagster/column_schema": views, **per_view}
