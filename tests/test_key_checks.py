"""Keys are unique because a blocking check holds them so, not because of an index (the large tables carry none,
see sql/schema/001_schemas.sql): a duplicated quote fails its check, and readers keep the last complete state."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines.defs.checks import TableKey, key_result
from tests.conftest import copy_seeds
from tests.test_pipeline import materialize, query


def test_the_large_tables_carry_no_primary_key_index(workspace: Path):
    copy_seeds(workspace / "inbox")
    materialize(workspace)
    keys = "select table_name from duckdb_constraints() where constraint_type = 'PRIMARY KEY'"
    keyed = {table for (table,) in query(workspace, keys)}
    assert not keyed & {"articles", "actors", "quotes", "figures", "events", "processing", "article_signatures"}
    assert "documents" in keyed  # written with `on conflict`


def test_a_duplicated_quote_fails_its_key_check_and_the_run_publishes_nothing(workspace: Path):
    copy_seeds(workspace / "inbox")
    materialize(workspace)
    published = query(workspace, "select count(*) from analytics.quotes")[0][0]
    with duckdb.connect(str(workspace / "work" / "warehouse.duckdb")) as conn:
        conn.execute("insert into core.quotes select * from core.quotes order by quote_id limit 1")
    (workspace / "inbox" / "new.txt").write_text('Hakim Ketua Budi Santoso mengatakan, "Sidang ditunda sepekan."\n')
    with pytest.raises(dg.DagsterError, match="blocking asset check failed(.|\n)*quotes: quote_id_unique_not_null"):
        materialize(workspace)
    assert query(workspace, "select count(*) from analytics.quotes")[0][0] == published
    assert not query(workspace, "select * from analytics.articles where source like '%new.txt'")


def test_a_key_of_two_columns_is_unique_as_a_pair():
    key = TableKey("quotes", "core.processing", "article_id, stage")
    assert key.check_name == "processing_article_id_and_stage_unique_not_null"
    with duckdb.connect() as conn:
        conn.execute("create schema core; create table core.processing (article_id varchar, stage varchar)")
        conn.execute(
            "insert into core.processing values ('art_1', 'extract'), ('art_1', 'clean'), ('art_2', 'extract')"
        )
        assert key_result(conn, key).passed
        conn.execute("insert into core.processing values ('art_2', 'extract'), ('art_2', 'clean'), (null, 'extract')")
        result = key_result(conn, key)
        assert not result.passed
        assert (result.metadata["duplicate_keys"].value, result.metadata["null_keys"].value) == (1, 1)
