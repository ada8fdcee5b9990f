"""Extraction rows whose offsets do not point at their text: ``body[char_start:char_end]`` must be the quote or
figure as written. Checked for the rows of the articles extracted since a moment (the start of a run): rows
are written only when their article is extracted, so each row is checked by the run that wrote it, and a run
with nothing new checks nothing."""

from __future__ import annotations

import datetime as dt

import duckdb

MISMATCHED = """
with written as (
    select t.{text_column} as text,
        substring(a.body, t.char_start + 1, t.char_end - t.char_start) = t.{text_column} as points_at_text
    from {table} as t
    join core.articles as a using (article_id)
    join core.processing as p on p.article_id = t.article_id and p.stage = 'extract'
    where p.processed_at >= ?
)
select count(*), count(*) filter (where not points_at_text), any_value(text) filter (where not points_at_text)
from written
"""


def mismatched_offsets(
    conn: duckdb.DuckDBPyConnection, table: str, text_column: str, since: dt.datetime
) -> tuple[int, int, str | None]:
    """(rows checked, rows whose offsets miss their text, one such text) among the rows of ``table`` of the
    articles extracted at or after ``since``."""
    checked, bad, example = conn.execute(MISMATCHED.format(table=table, text_column=text_column), [since]).fetchone()
    return checked, bad, example
