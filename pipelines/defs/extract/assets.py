"""Extraction: actors, quotes, figures and events of every article not yet processed.

One op analyses each pending article once and writes the four tables; each is
its own asset in the UI with its own row count and preview.
"""

import datetime as dt

import dagster as dg

from pipelines.defs.metadata import table_metadata
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


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            name,
            group_name="extract",
            kinds={"python", "polars", "duckdb"},
            deps=["articles"],
            description=DESCRIPTIONS[name],
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
                    articles_processed=processed,
                    rows_written=written.get(asset, 0) if asset != "actors" else None,
                ),
            )
