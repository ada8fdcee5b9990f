"""What the report shows, read from the analytics views as polars frames (each in a total order, so that the
same warehouse gives the same frames and so the same fingerprint)."""

from __future__ import annotations

import dataclasses

import duckdb
import polars as pl

TOP_SPEAKERS = 15
QUOTES_PER_SPEAKER = 5
POINTS_PER_CHART = 5000  # the latest events and figures: the page stays the same size however large the warehouse

TIMELINE = f"""
select event_type, status, event_date, date_precision, array_to_string(participants, ', ') as participants,
    article_count
from analytics.timeline
order by event_date desc, event_type, timeline_id
limit {POINTS_PER_CHART}
"""
QUOTE_COUNTS = f"""
with top as (
    select speaker, count(*) as quotes from analytics.quotes where speaker is not null
    group by speaker order by quotes desc, speaker limit {TOP_SPEAKERS}
)
select quotes.speaker, quotes.kind, count(*) as quotes, any_value(top.quotes) as speaker_quotes
from analytics.quotes as quotes join top using (speaker)
group by quotes.speaker, quotes.kind
order by speaker_quotes desc, quotes.speaker, quotes.kind
"""
QUOTES_OF_TOP = f"""
with top as (
    select speaker, count(*) as quotes from analytics.quotes where speaker is not null
    group by speaker order by quotes desc, speaker limit {TOP_SPEAKERS}
),
ranked as (
    select quotes.speaker, top.quotes as speaker_quotes, quotes.kind, quotes.quote_text, quotes.published_date,
        quotes.article_title, quotes.site,
        row_number() over (partition by quotes.speaker order by quotes.published_date desc nulls last,
            quotes.quote_id) as n
    from analytics.quotes as quotes join top using (speaker)
)
select * exclude (n) from ranked where n <= {QUOTES_PER_SPEAKER}
order by speaker_quotes desc, speaker, published_date desc nulls last, quote_text
"""
FIGURES = f"""
select kind, value, coalesce(unit, '(none)') as unit, qualifier, surface, published_date, article_id
from analytics.figures where published_date is not null
order by published_date desc, figure_id
limit {POINTS_PER_CHART}
"""
ARTICLE_TITLES = "select article_id, coalesce(title, source) as article_title, site from analytics.articles"
REJECTED = """
select source, reason, split_part(reason, ':', 1) as reason_kind, byte_size, rejected_at
from analytics.rejected order by rejected_at desc, source, reason
"""
COUNTS = {
    "articles": "select count(*) from analytics.articles",
    "quotes": "select count(*) from analytics.quotes",
    "figures": "select count(*) from analytics.figures",
    "event reports": "select count(*) from analytics.events",
    "real-world events": "select count(*) from analytics.timeline",
    "rejected inputs": "select count(*) from analytics.rejected",
}
PUBLISHED_RANGE = "select min(published_date), max(published_date) from analytics.articles"
UNDATED_EVENTS = "select count(*) from analytics.events where event_date is null"


@dataclasses.dataclass(frozen=True)
class ReportData:
    counts: dict[str, int]
    published_range: tuple
    undated_events: int
    timeline: pl.DataFrame
    quote_counts: pl.DataFrame
    quotes: pl.DataFrame
    figures: pl.DataFrame
    rejected: pl.DataFrame


def frame(conn: duckdb.DuckDBPyConnection, query: str) -> pl.DataFrame:
    return conn.sql(query).pl()


def read_report_data(conn: duckdb.DuckDBPyConnection) -> ReportData:
    """Everything the report draws, from the analytics views of ``conn``."""
    figures = frame(conn, FIGURES).join(frame(conn, ARTICLE_TITLES), on="article_id", how="left")
    return ReportData(
        counts={label: conn.execute(query).fetchall()[0][0] for label, query in COUNTS.items()},
        published_range=conn.execute(PUBLISHED_RANGE).fetchall()[0],
        undated_events=conn.execute(UNDATED_EVENTS).fetchall()[0][0],
        timeline=frame(conn, TIMELINE),
        quote_counts=frame(conn, QUOTE_COUNTS),
        quotes=frame(conn, QUOTES_OF_TOP),
        figures=figures.drop("article_id"),
        rejected=frame(conn, REJECTED),
    )
