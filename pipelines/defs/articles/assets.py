"""Articles: clean text and metadata for every pending input, or a rejection."""

import datetime as dt
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.defs.metadata import preview, table_metadata
from pipelines.defs.resources import InboxResource
from pipelines.lib import warehouse as wh
from pipelines.lib.article import EXTRACTOR_VERSION, ArticleRecord, Rejection, build_article
from pipelines.lib.frames import frame

EXTRACTION_TABLES = (
    "core.actor_mentions",
    "core.quotes",
    "core.figures",
    "core.events",
    "core.event_participants",
    "core.processing",
)


class ReprocessConfig(dg.Config):
    reprocess: bool = False
    """Redo every input, not only new and changed ones (after an extractor upgrade)."""


@dg.asset(
    group_name="articles",
    kinds={"python", "duckdb"},
    deps=["sources"],
    description=(
        "One row per article: title, site, publication date, language and the clean body text "
        "(trafilatura for HTML, then Indonesian page furniture stripped). Inputs that hold no "
        "article (empty, binary, undecodable, oversized, listing pages) get one row in core.rejected "
        "with the reason instead. Only new or changed inputs are processed."
    ),
)
def articles(
    context: dg.AssetExecutionContext, config: ReprocessConfig, warehouse: DuckDBResource, inbox: InboxResource
) -> dg.MaterializeResult:
    now = dt.datetime.now()
    with warehouse.get_connection() as conn:
        wh.apply_schema(conn)  # the core tables exist before any asset writes
        if config.reprocess:
            conn.execute("update core.sources set status = 'pending'")
        pending = conn.execute(
            "select source, kind, content_hash, raw_path, read_error from core.sources"
            " where status = 'pending' order by source"
        ).fetchall()
        accepted, rejected = [], []
        for source, kind, content_hash, raw_path, read_error in pending:
            if read_error or raw_path is None:
                rejected.append(Rejection(source, content_hash, read_error or "input could not be read", 0))
                continue
            result = build_article(source, kind, Path(raw_path).read_bytes(), now.date(), inbox.max_bytes)
            (accepted if isinstance(result, ArticleRecord) else rejected).append(result)
        conn.begin()  # one transaction: a failed write leaves the inputs pending, nothing half-written
        _write(conn, accepted, rejected, now)
        conn.commit()
        stale = conn.execute(
            "select count(*) from core.articles where extractor_version <> ?", [EXTRACTOR_VERSION]
        ).fetchall()[0][0]
        context.log.info(f"{len(pending)} inputs processed: {len(accepted)} articles, {len(rejected)} rejected")
        return dg.MaterializeResult(
            metadata=table_metadata(
                conn,
                "core.articles",
                processed=len(pending),
                accepted=len(accepted),
                rejected=len(rejected),
                rejected_total=wh.count(conn, "core.rejected"),
                rejected_preview=preview(conn, "select source, reason from core.rejected order by rejected_at desc"),
                stale_extractor_version=stale,
                extractor_version=EXTRACTOR_VERSION,
            )
        )


def _write(conn, accepted: list[ArticleRecord], rejected: list[Rejection], now: dt.datetime) -> None:
    article_rows = frame(
        "articles",
        [{**record.__dict__, "extractor_version": EXTRACTOR_VERSION, "ingested_at": now} for record in accepted],
    )
    rejected_rows = frame(
        "rejected",
        [
            {
                "source": r.source,
                "content_hash": r.content_hash,
                "reason": r.reason,
                "byte_size": r.byte_size,
                "extractor_version": EXTRACTOR_VERSION,
                "rejected_at": now,
            }
            for r in rejected
        ],
    )
    # an input now rejected loses the article it was before; an input accepted now leaves core.rejected
    gone = conn.execute(
        "select article_id from core.articles where source in (select unnest(?))", [[r.source for r in rejected]]
    ).fetchall()
    gone_ids = [row[0] for row in gone] + [a.article_id for a in accepted]
    for table in EXTRACTION_TABLES:
        wh.delete_rows(conn, table, "article_id", gone_ids)
    wh.delete_rows(conn, "core.articles", "article_id", [row[0] for row in gone])
    wh.upsert_rows(conn, "core.articles", "article_id", article_rows)
    wh.delete_rows(conn, "core.rejected", "source", [a.source for a in accepted])
    wh.upsert_rows(conn, "core.rejected", "source", rejected_rows)
    for status, sources in (("article", [a.source for a in accepted]), ("rejected", [r.source for r in rejected])):
        conn.execute(
            "update core.sources set status = ?, processed_at = ?, extractor_version = ?"
            " where source in (select unnest(?))",
            [status, now, EXTRACTOR_VERSION, sources],
        )
