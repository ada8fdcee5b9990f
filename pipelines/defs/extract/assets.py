"""Extraction: actors, quotes, figures and events of every article not yet processed.

One op analyses each pending article once and writes the four tables; each is
its own asset in the UI with its own row count and preview.
"""

import datetime as dt

import dagster as dg

from pipelines.defs.metadata import table_metadata
from pipelines.defs.resources import SourcesResource, WarehouseResource
from pipelines.lib.extract.analysis import analyze
from pipelines.lib.limits import DocumentTimeout, time_limit
from pipelines.lib.text.article import EXTRACTOR_VERSION
from pipelines.lib.warehouse import rows as warehouse_rows
from pipelines.lib.warehouse.frames import actor_rows, analysis_rows, frame, to_frames
from pipelines.lib.warehouse.rejections import reject_articles

BATCH = 200
STAGE = "extract"
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
    now = dt.datetime.now()
    with warehouse.get_connection() as conn:
        pending = conn.execute(
            """
            select
                articles.article_id, articles.body, articles.published_date, articles.ingested_at,
                articles.content_hash
            from core.articles as articles
            left join core.processing as processing
                on processing.article_id = articles.article_id and processing.stage = ?
            where processing.article_id is null
               or processing.content_hash <> articles.content_hash
               or processing.extractor_version <> ?
            order by articles.article_id
            """,
            [STAGE, EXTRACTOR_VERSION],
        ).fetchall()
        written = {name: 0 for name in ("actor_mentions", "quotes", "figures", "events", "event_participants")}
        for start in range(0, len(pending), BATCH):
            batch = pending[start : start + BATCH]
            rows: dict[str, list[dict]] = {name: [] for name in written}
            actors, too_slow = [], []
            for article_id, body, published, ingested_at, _ in batch:
                try:
                    with time_limit(sources.max_seconds):
                        analysis = analyze(body, published, ingested_at.date())
                except DocumentTimeout:
                    too_slow.append(article_id)
                    continue
                actors += analysis.actors
                for name, items in analysis_rows(article_id, analysis).items():
                    rows[name] += items
            ids = [row[0] for row in batch]
            conn.begin()  # a batch lands whole or not at all (then it is redone on the next run)
            for name, table_rows in to_frames(rows).items():
                written[name] += warehouse_rows.replace_rows(conn, f"core.{name}", "article_id", ids, table_rows)
            warehouse_rows.upsert_rows(conn, "core.actors", "actor_id", actor_rows(actors))
            processing = frame(
                "processing",
                [
                    {
                        "article_id": a,
                        "stage": STAGE,
                        "content_hash": h,
                        "extractor_version": EXTRACTOR_VERSION,
                        "processed_at": now,
                    }
                    for a, _, _, _, h in batch
                ],
            )
            warehouse_rows.replace_rows(conn, "core.processing", "article_id", ids, processing)
            reject_articles(conn, too_slow, f"too slow: extraction took longer than {sources.max_seconds:g} s", now)
            conn.commit()
            context.log.info(f"extracted {start + len(batch)}/{len(pending)} articles")
        for asset, table in TABLE_OF_ASSET.items():
            yield dg.MaterializeResult(
                asset_key=asset,
                metadata=table_metadata(
                    conn,
                    table,
                    articles_processed=len(pending),
                    rows_written=written.get(asset, 0) if asset != "actors" else None,
                ),
            )
