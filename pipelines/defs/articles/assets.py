"""Articles: clean text and metadata for every pending document, or a rejection."""

import datetime as dt

import dagster as dg

from pipelines.defs.jobs import REPROCESS_TAG
from pipelines.defs.metadata import asset_columns, preview, table_metadata
from pipelines.defs.resources import SourcesResource, WarehouseResource
from pipelines.lib.text.article import EXTRACTOR_VERSION
from pipelines.lib.text.pages import Page
from pipelines.lib.warehouse import rows
from pipelines.lib.warehouse.articles import (
    CleaningTask,
    clean_and_store,
    mark_all_pending,
    pending_pages,
    stale_articles,
)
from pipelines.lib.workers import Workers


class ReprocessConfig(dg.Config):
    reprocess: bool = False
    """Redo every stored document from its raw bytes, without fetching (after an extractor upgrade)."""


@dg.asset(
    group_name="articles",
    kinds={"python", "duckdb"},
    deps=["documents"],
    pool="warehouse",
    metadata=asset_columns("articles"),
    description=(
        "One row per article (the pages of a multi-page article joined): title, site, publication date, language "
        "and the clean body text (trafilatura for HTML, then page furniture stripped). The same text already held "
        "from another outlet is marked duplicate_of, not dropped. Documents that hold no article (empty, binary, "
        "undecodable, oversized, too slow, listing pages) get one row in core.rejected with the reason instead. "
        "Only new or changed documents are processed."
    ),
)
def articles(
    context: dg.AssetExecutionContext, config: ReprocessConfig, warehouse: WarehouseResource, sources: SourcesResource
) -> dg.MaterializeResult:
    now = dt.datetime.now()

    def task(page: Page) -> CleaningTask:
        return CleaningTask(page, sources.raw_dir, now.date(), sources.max_bytes, sources.max_seconds)

    with warehouse.get_connection() as conn, Workers(sources.workers) as workers:
        if config.reprocess or context.run.tags.get(REPROCESS_TAG) == "all":
            mark_all_pending(conn)
        pages = pending_pages(conn)
        totals = clean_and_store(conn, pages, task, workers, now, context.log.info, sources.chunk_size)
        context.log.info(
            f"{totals.processed} documents processed: {totals.accepted} articles, {totals.rejected} rejected"
        )
        return dg.MaterializeResult(
            metadata=table_metadata(
                conn,
                "core.articles",
                "select title, site, published_date, language, word_count, source from core.articles"
                " order by ingested_at desc, published_date desc nulls last",
                processed=totals.processed,
                accepted=totals.accepted,
                rejected=totals.rejected,
                marked_duplicate=totals.marked_duplicate,
                workers=workers.count,
                rejected_total=rows.count(conn, "core.rejected"),
                rejected_preview=preview(conn, "select source, reason from core.rejected order by rejected_at desc"),
                stale_extractor_version=stale_articles(conn),
                extractor_version=EXTRACTOR_VERSION,
            )
        )
