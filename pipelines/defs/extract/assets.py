"""Extraction: actors, quotes, figures and events of every article not yet processed.

One op analyses each pending article once and writes the four tables; each is
its own asset in the UI with its own row count and preview.
"""

import datetime as dt

import dagster as dg

from pipelines.defs.metadata import asset_columns, table_metadata
from pipelines.defs.resources import SourcesResource, WarehouseResource
from pipelines.lib.warehouse.extractions import extract_pending
from pipelines.lib.workers import Workers

TABLE_OF_ASSET = {
    "actors": "core.actors",
    "quotes": "core.quotes",
    "figures": "core.figures",
    "events": "core.events",
}
DESCRIPTIONS = {
    "actors": "One row per canonical actor (person, country, organisation) that an article names, quotes or lists "
    "as an event participant; core.actor_mentions has one row per mention.",
    "quotes": "One row per quote: direct (in quotation marks) or indirect (reported speech), with the speaker "
    "resolved to a canonical actor, the cue verb, the addressee and exact offsets into the article body.",
    "figures": "One row per figure stated in an article: money (value in currency units, ISO 4217 code), percent, "
    "count (with the counted noun) or duration, with its qualifier and exact offsets.",
    "events": "One row per reported event (meeting, call, visit, agreement, message, anniversary, exercise, other) "
    "with participants (core.event_participants), resolved date and precision, location, status and "
    "a CAMEO code.",
}
PREVIEWS = {  # names rather than ids
    "actors": """
        select actors.name, actors.kind, actors.country, count(mentions.article_id) as mentions
        from core.actors as actors left join core.actor_mentions as mentions using (actor_id)
        group by all order by mentions desc, actors.name""",
    "quotes": """
        select speakers.name as speaker, quotes.kind, quotes.quote_text, quotes.cue, articles.title as article
        from core.quotes as quotes
        left join core.actors as speakers on speakers.actor_id = quotes.speaker_id
        left join core.articles as articles on articles.article_id = quotes.article_id
        order by articles.published_date desc nulls last, quotes.char_start""",
    "figures": """
        select figures.kind, figures.value, figures.unit, figures.qualifier, figures.surface, articles.title as article
        from core.figures as figures left join core.articles as articles using (article_id)
        order by articles.published_date desc nulls last, figures.char_start""",
    "events": """
        select events.event_type, events.status, events.event_date,
            list(actors.name order by actors.name) filter (where actors.name is not null) as participants,
            events.trigger, any_value(articles.title) as article
        from core.events as events
        left join core.event_participants as participants on participants.event_id = events.event_id
        left join core.actors as actors on actors.actor_id = participants.actor_id
        left join core.articles as articles on articles.article_id = events.article_id
        group by events.event_id, events.event_type, events.status, events.event_date, events.trigger
        order by events.event_date desc nulls last, events.event_id""",
}


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            name,
            group_name="extract",
            kinds={"python", "polars", "duckdb"},
            deps=["articles"],
            description=DESCRIPTIONS[name],
            metadata=asset_columns(name),
        )
        for name in TABLE_OF_ASSET
    ],
    can_subset=False,
    pool="warehouse",
)
def extractions(context: dg.AssetExecutionContext, warehouse: WarehouseResource, sources: SourcesResource):
    with warehouse.get_connection() as conn, Workers(sources.workers) as workers:
        processed, written = extract_pending(
            conn, sources.max_seconds, dt.datetime.now(), context.log.info, workers, sources.chunk_size
        )
        for asset, table in TABLE_OF_ASSET.items():
            yield dg.MaterializeResult(
                asset_key=asset,
                metadata=table_metadata(
                    conn,
                    table,
                    PREVIEWS[asset],
                    articles_processed=processed,
                    rows_written=written.get(asset, 0) if asset != "actors" else None,
                ),
            )
