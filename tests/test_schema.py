"""A warehouse made by an earlier version gains the columns declared since, keeping its rows."""

import duckdb

from pipelines.lib.warehouse.schema import apply_schema, declared_columns


def test_a_column_declared_later_is_added_to_an_existing_table():
    conn = duckdb.connect()
    apply_schema(conn)
    conn.execute("insert into core.url_aliases (url, source) values ('https://contoh.id/a', 'web/a')")
    conn.execute("alter table core.url_aliases drop column source")  # as an earlier version made it
    conn.execute("alter table core.rejected drop column extractor_version")

    apply_schema(conn)

    columns = conn.execute(
        "select table_name, column_name, data_type, column_default from duckdb_columns() "
        "where schema_name = 'core' order by table_name, column_index"
    ).fetchall()
    assert sorted(columns) == sorted(declared_columns())
    assert conn.execute("select url, source from core.url_aliases").fetchall() == [("https://contoh.id/a", None)]


def test_applying_the_schema_twice_changes_nothing():
    conn = duckdb.connect()
    apply_schema(conn)
    apply_schema(conn)
    assert len(conn.execute("select * from duckdb_columns() where schema_name = 'core'").fetchall()) == len(
        declared_columns()
    )
