"""Extraction rows whose offsets do not point at their text: ``body[char_start:char_end]`` must be the quote or
figure as written. Checked for the rows of the articles extracted since a moment (the start of a run): rows
are written only when their article is extracted, so each row is checked by the run that wrote it, and a run
with nothing new checks nothing. The articles are read a batch at a time, so the check needs the memory of one
batch's bodies however many articles a run extracted."""

from __future__ import annotations

import datetime as dt

import duckdb

BATCH = 500
EXTRACTED_SINCE = """
select article_id from core.processing where stage = 'extract' and processed_at >= ? order by article_id
"""
MISMATCHED = """
with batch as (
    select article_id, body from core.articles where article_id in (select unnest(?))
),

written as (
    select t.{text_column} as text,
        substring(batch.body, t.char_start + 1, t.char_end - t.char_start) = t.{text_column} as points_at_text
    from {table} as t
    join batch using (article_id)
)

select count(*), count(*) filter (where not points_at_text), any_value(text) filter (where not points_at_text)
from written
"""


def mismatched_offsets(
    conn: duckdb.DuckDBPyConnection, table: str, text_column: str, since: dt.datetime, batch_size: int = BATCH
) -> tuple[int, int, str | None]:
    """(rows checked, rows whose offsets miss their text, one such text) among the rows of ``table`` of the
    articles extracted at or after ``since``."""
    ids = [article_id for (article_id,) in conn.execute(EXTRACTED_SINCE, [since]).fetchall()]
    query = MISMATCHED.format(table=table, text_column=text_column)
    checked, bad, example = 0, 0, None
    for start in range(0, len(ids), batch_size):
        rows, missed, text = conn.execute(query, [ids[start : start + batch_size]]).fetchone()
        checked, bad, example = checked + rows, bad + missed, example or text
    return checked, bad, example
