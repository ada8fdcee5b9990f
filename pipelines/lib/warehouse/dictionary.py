"""The data dictionary of the analytics views (``sql/dictionary.yaml``) and the COMMENTs it puts in the warehouse.

The file is the one source of the descriptions: ``apply_comments`` writes them into the database after the
views are created, the Dagster assets report them as their column schema, and the tables of the README and
of ``docs/dictionary.md`` are generated from them (``dictionary_docs``).
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

import duckdb
import yaml

from pipelines.lib.warehouse.schema import SQL_DIR, apply_schema, apply_views

DICTIONARY_PATH = SQL_DIR / "dictionary.yaml"


@dataclasses.dataclass(frozen=True)
class ViewEntry:
    """One analytics view: the asset whose rows it shows, its grain, and a description per column."""

    name: str
    asset: str
    description: str
    columns: dict[str, str]

    @property
    def qualified_name(self) -> str:
        return f"analytics.{self.name}"


@dataclasses.dataclass(frozen=True)
class Column:
    name: str
    data_type: str
    description: str | None


def load_dictionary(path: Path = DICTIONARY_PATH) -> dict[str, ViewEntry]:
    """Every view of the dictionary file, in file order."""
    entries = yaml.safe_load(path.read_text())
    return {
        name: ViewEntry(name, entry["asset"], entry["description"], dict(entry.get("columns") or {}))
        for name, entry in entries.items()
    }


@functools.cache
def dictionary() -> dict[str, ViewEntry]:
    return load_dictionary()


def view_columns(conn: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, str]]]:
    """Name and type of every column of every analytics view of ``conn``, in column order."""
    rows = conn.execute(
        "select table_name, column_name, data_type from duckdb_columns()"
        " where schema_name = 'analytics' and database_name = current_database()"
        " order by table_name, column_index"
    ).fetchall()
    columns: dict[str, list[tuple[str, str]]] = {}
    for view, column, data_type in rows:
        columns.setdefault(view, []).append((column, data_type))
    return columns


@functools.cache
def declared_view_columns() -> dict[str, list[tuple[str, str]]]:
    """The columns of every analytics view as ``sql/`` declares them (built in an in-memory DuckDB)."""
    with duckdb.connect(":memory:") as conn:
        apply_schema(conn)
        apply_views(conn)
        return view_columns(conn)


def documented_columns(view: str) -> list[Column]:
    """The declared columns of ``view`` with their descriptions (``None`` where the dictionary has none)."""
    entry = dictionary().get(view)
    described = entry.columns if entry else {}
    return [Column(name, data_type, described.get(name)) for name, data_type in declared_view_columns()[view]]


def apply_comments(conn: duckdb.DuckDBPyConnection, entries: dict[str, ViewEntry] | None = None) -> int:
    """COMMENT every analytics view of ``conn`` and its columns from the dictionary; returns the comments set.
    Views and columns the dictionary does not know are left without one (the dictionary test names them)."""
    entries = dictionary() if entries is None else entries
    present = view_columns(conn)
    statements = []
    for view, columns in present.items():
        entry = entries.get(view)
        if entry is None:
            continue
        statements.append(f"comment on view analytics.{view} is {literal(entry.description)}")
        statements += [
            f"comment on column analytics.{view}.{column} is {literal(entry.columns[column])}"
            for column, _ in columns
            if column in entry.columns
        ]
    for statement in statements:
        conn.execute(statement)
    return len(statements)


def literal(text: str) -> str:
    """``text`` as a SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def apply_documented_views(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Create or replace every analytics view, then COMMENT it from the dictionary; returns the view names."""
    names = apply_views(conn)
    apply_comments(conn)
    return names
