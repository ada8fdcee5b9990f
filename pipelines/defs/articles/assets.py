"""Articles: clean text and metadata for every pending document, or a rejection."""

import dataclasses
import datetime as dt
from pathlib import Path

import dagster as dg

from pipelines.defs.jobs import REPROCESS_TAG
from pipelines.defs.metadata import preview, table_metadata
from pipelines.defs.resources import SourcesResource, WarehouseResource
from pipelines.lib.ingest.raw_store import RawStore
from pipelines.lib.limits import DocumentTimeout, time_limit
from pipelines.lib.text.article import EXTRACTOR_VERSION, ArticleRecord, Rejection, build_article
from pipelines.lib.text.pages import Page, assemble
from pipelines.lib.warehouse import rows
from pipelines.lib.warehouse.frames import frame
from pipelines.lib.warehouse.rejections import clear_extractions
from pipelines.lib.warehouse.syndication import mark_duplicates

PENDING = """
select source, kind, canonical_url, page_number, content_hash, language
from core.documents
where content_hash is not null
  and canonical_url in (select canonical_url from core.documents where status = 'pending')
order by canonical_url, page_number
"""


class ReprocessConfig(dg.Config):
    reprocess: bool = False
    """Redo every stored document from its raw bytes, without fetching (after an extractor upgrade)."""


@dg.asset(
    group_name="articles",
    kinds={"python", "duckdb"},
    deps=["documents"],
    pool="warehouse",
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
    store = RawStore(Path(sources.raw_dir))
    with warehouse.get_connection() as conn:
        if config.reprocess or context.run.tags.get(REPROCESS_TAG) == "all":
            conn.execute("update core.documents set status = 'pending' where content_hash is not null")
        documents = [Page(*row) for row in conn.execute(PENDING).fetchall()]
        assembly = assemble(documents, lambda page: _build(page, store, now.date(), sources))
        accepted, rejected = assembly.accepted, assembly.rejected
        conn.begin()  # one transaction: a failed write leaves the documents pending, nothing half-written
        _write(conn, accepted, rejected, assembly.emptied, now)
        duplicates = mark_duplicates(conn, accepted)
        conn.commit()
        stale = conn.execute(
            "select count(*) from core.articles where extractor_version <> ?", [EXTRACTOR_VERSION]
        ).fetchall()[0][0]
        context.log.info(f"{len(documents)} documents processed: {len(accepted)} articles, {len(rejected)} rejected")
        return dg.MaterializeResult(
            metadata=table_metadata(
                conn,
                "core.articles",
                processed=len(documents),
                accepted=len(accepted),
                rejected=len(rejected),
                marked_duplicate=duplicates,
                rejected_total=rows.count(conn, "core.rejected"),
                rejected_preview=preview(conn, "select source, reason from core.rejected order by rejected_at desc"),
                stale_extractor_version=stale,
                extractor_version=EXTRACTOR_VERSION,
            )
        )


def _build(page: Page, store: RawStore, today: dt.date, sources: SourcesResource) -> ArticleRecord | Rejection:
    content = store.get(page.content_hash)
    try:
        with time_limit(sources.max_seconds):
            result = build_article(page.source, page.kind, content, today, sources.max_bytes)
    except DocumentTimeout:
        reason = f"too slow: cleaning took longer than {sources.max_seconds:g} s (WARTA_MAX_SECONDS)"
        return Rejection(page.source, page.content_hash, reason, len(content))
    if isinstance(result, ArticleRecord) and not result.language:
        result = dataclasses.replace(result, language=page.language)
    return result


def _write(conn, accepted: list[ArticleRecord], rejected: list[Rejection], emptied: list[str], now) -> None:
    article_rows = frame(
        "articles",
        [{**record.__dict__, "extractor_version": EXTRACTOR_VERSION, "ingested_at": now} for record in accepted],
    )
    rejected_rows = frame(
        "rejected",
        [{**r.__dict__, "extractor_version": EXTRACTOR_VERSION, "rejected_at": now} for r in rejected],
    )
    # an article none of whose pages is accepted now goes; an accepted document leaves core.rejected
    clear_extractions(conn, emptied + [a.article_id for a in accepted])
    rows.delete_rows(conn, "core.articles", "article_id", emptied)
    rows.upsert_rows(conn, "core.articles", "article_id", article_rows)
    accepted_documents = conn.execute(
        "select source from core.documents where canonical_url in (select unnest(?))", [[a.source for a in accepted]]
    ).fetchall()
    rows.delete_rows(conn, "core.rejected", "source", [row[0] for row in accepted_documents])
    rows.upsert_rows(conn, "core.rejected", "source", rejected_rows)
    conn.execute(
        "update core.documents set status = 'article', processed_at = ?, extractor_version = ?"
        " where canonical_url in (select unnest(?)) and content_hash is not null",
        [now, EXTRACTOR_VERSION, [a.source for a in accepted]],
    )
    conn.execute(
        "update core.documents set status = 'rejected', processed_at = ?, extractor_version = ?"
        " where source in (select unnest(?))",
        [now, EXTRACTOR_VERSION, [r.source for r in rejected]],
    )
