"""The offsets check reads the rows each run writes: a quote whose offsets miss its text is found by the run
that extracted its article, and a run with nothing new has nothing to read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from pipelines.lib.warehouse.offsets import mismatched_offsets
from tests.conftest import copy_seeds
from tests.test_pipeline import materialize, metadata


def check_metadata(result, asset: str) -> dict:
    (evaluation,) = [e for e in result.get_asset_check_evaluations() if e.asset_key.path[-1] == asset
                     and e.check_name == "offsets_point_at_text"]  # fmt: skip
    return {key: value.value for key, value in evaluation.metadata.items()}


def test_the_run_that_writes_the_rows_checks_them_and_a_run_with_nothing_new_checks_none(workspace: Path):
    copy_seeds(workspace / "inbox")
    first = materialize(workspace)
    quotes = metadata(first, "quotes", "dagster/row_count")
    assert check_metadata(first, "quotes")["rows_checked"] == quotes > 20
    assert check_metadata(first, "quotes")["mismatched_rows"] == 0

    second = materialize(workspace)
    assert check_metadata(second, "quotes")["rows_checked"] == 0


def test_a_quote_whose_offsets_miss_its_text_is_counted_among_the_rows_extracted_since(workspace: Path):
    copy_seeds(workspace / "inbox")
    materialize(workspace)
    with duckdb.connect(str(workspace / "work" / "warehouse.duckdb")) as conn:
        conn.execute("update core.quotes set char_start = char_start + 1 where quote_id = (select min(quote_id) "
                     "from core.quotes)")  # fmt: skip
        checked, bad, example = mismatched_offsets(conn, "core.quotes", "quote_text", dt.datetime(2000, 1, 1))
        assert bad == 1 and checked > 20 and example
        assert mismatched_offsets(conn, "core.quotes", "quote_text", dt.datetime(2000, 1, 1), batch_size=1) == (
            checked, bad, example)  # fmt: skip
        assert mismatched_offsets(conn, "core.quotes", "quote_text", dt.datetime.now())[:2] == (0, 0)
