"""The data dictionary: one source (sql/dictionary.yaml) for the COMMENTs in the warehouse, the column schema of
every asset and the tables of the README and docs/dictionary.md."""

from __future__ import annotations

import dagster as dg
import duckdb
import pytest

from pipelines.lib.warehouse.dictionary import declared_view_columns, dictionary, load_dictionary
from pipelines.lib.warehouse.dictionary_docs import BEGIN, END, README, stale_docs

ASSETS_WITH_COLUMNS = ["documents", "articles", "actors", "quotes", "figures", "events", "timeline"]
ASSETS_WITH_EVERY_VIEW = ["analytics_views", "published_warehouse"]


def test_every_view_and_column_has_an_entry_and_every_entry_a_column():
    declared = declared_view_columns()
    entries = load_dictionary()
    assert set(entries) == set(declared)
    for view, columns in declared.items():
        names = [name for name, _ in columns]
        missing = [name for name in names if not entries[view].columns.get(name)]
        assert not missing, f"analytics.{view}: no description for {missing} in sql/dictionary.yaml"
        assert set(entries[view].columns) <= set(names), f"analytics.{view}: described but not a column"
        assert entries[view].description.startswith("One row per"), view


def test_every_analytics_view_and_column_of_the_warehouse_has_its_comment(analyst_run):
    workspace, _ = analyst_run
    with duckdb.connect(str(workspace / "warehouse.duckdb"), read_only=True) as conn:
        columns = conn.execute(
            "select table_name, column_name, comment from duckdb_columns() where schema_name = 'analytics'"
        ).fetchall()
        views = conn.execute("select view_name, comment from duckdb_views() where schema_name = 'analytics'").fetchall()
    assert len(columns) > 100
    assert [(v, c) for v, c, comment in columns if not comment] == []
    assert all(comment == dictionary()[view].columns[column] for view, column, comment in columns)
    assert {view: comment for view, comment in views} == {name: e.description for name, e in dictionary().items()}


@pytest.fixture(scope="module")
def specs() -> dict[str, dg.AssetSpec]:
    from pipelines.definitions import defs

    return {spec.key.to_user_string(): spec for spec in defs.resolve_all_asset_specs()}


@pytest.mark.parametrize("asset", ASSETS_WITH_COLUMNS)
def test_each_asset_shows_the_columns_of_its_views_with_the_dictionary_descriptions(specs, asset: str):
    metadata = specs[asset].metadata
    schemas = {"dagster/column_schema": metadata["dagster/column_schema"]}
    schemas |= {key: value.schema for key, value in metadata.items() if key.startswith("analytics.")}
    views = {name for name, entry in dictionary().items() if entry.asset == asset}
    assert len(schemas) == len(views)
    shown = {}
    for schema in schemas.values():
        view = next(v for v in views if [c.name for c in schema.columns] == [n for n, _ in declared_view_columns()[v]])
        shown[view] = {column.name: column.description for column in schema.columns}
    assert shown == {view: dictionary()[view].columns for view in views}


@pytest.mark.parametrize("asset", ASSETS_WITH_EVERY_VIEW)
def test_the_warehouse_assets_list_every_view_and_its_columns(specs, asset: str):
    metadata = specs[asset].metadata
    listed = {column.name: column.description for column in metadata["dagster/column_schema"].columns}
    assert listed == {entry.qualified_name: entry.description for entry in dictionary().values()}
    for name, entry in dictionary().items():
        columns = metadata[entry.qualified_name].schema.columns
        assert {column.name: column.description for column in columns} == entry.columns, name


def test_the_readme_table_and_the_column_reference_are_generated_from_the_dictionary():
    assert stale_docs() == [], "run `make dictionary` to regenerate them from sql/dictionary.yaml"
    readme = README.read_text()
    table = readme.split(BEGIN)[1].split(END)[0]
    for entry in dictionary().values():
        assert f"| `{entry.qualified_name}` |" in table


def test_a_drifted_readme_table_is_found(tmp_path):
    readme, reference = tmp_path / "README.md", tmp_path / "dictionary.md"
    readme.write_text(README.read_text().replace("quote_text", "quote"))
    reference.write_text("")
    assert stale_docs(readme, reference) == [readme, reference]
