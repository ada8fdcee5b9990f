"""Ingest: poll every source, keep the raw bytes of what is new or changed, record the poll."""

import dataclasses
from pathlib import Path

import dagster as dg

from pipelines.defs.metadata import asset_columns, preview, table_metadata
from pipelines.defs.resources import SourcesResource, WarehouseResource
from pipelines.lib.ingest.fetch import Fetcher
from pipelines.lib.ingest.poll_result import Earlier
from pipelines.lib.ingest.polling import due_sources, poll, remember
from pipelines.lib.ingest.raw_store import RawStore
from pipelines.lib.text.detected_language import detected_language
from pipelines.lib.warehouse.poll_records import earlier_polls, known_documents, last_polls, record_polls, url_aliases


class PollConfig(dg.Config):
    sources: list[str] = []
    """Names of the sources to poll (from the sources file); empty polls them all."""
    ignore_intervals: bool = False
    """Poll every selected source now, even one polled less than its interval_minutes ago."""


@dg.asset(
    group_name="ingest",
    kinds={"python", "duckdb"},
    pool="warehouse",
    metadata=asset_columns("documents"),
    description=(
        "One row per document: an inbox file, or a web page from a feed, sitemap or URL list, one per canonical "
        "URL and page. Each poll fetches only what is new, announced as updated, or failed before; raw bytes are "
        "kept compressed and content-addressed under data/raw/. Every poll leaves one row in core.polls and one "
        "row per fetch in core.fetches. New and changed documents are marked pending for `articles`."
    ),
)
def documents(
    context: dg.AssetExecutionContext, config: PollConfig, warehouse: WarehouseResource, sources: SourcesResource
) -> dg.MaterializeResult:
    sources_file = sources.load()
    store = RawStore(Path(sources.raw_dir))
    with warehouse.get_connection() as conn:
        due = due_sources(sources_file.named(config.sources), last_polls(conn), config.ignore_intervals)
        known, aliases, earlier = known_documents(conn), url_aliases(conn), earlier_polls(conn)
        results, hosts, robots = [], {}, {}
        for source in due:
            policy = dataclasses.replace(sources_file.fetch, allow_private=source.allow_private)
            fetcher = Fetcher(policy, last_request=hosts, robots=robots)
            before = earlier.get(source.name, Earlier())
            result = poll(source, known, aliases, fetcher, store, sources.max_bytes, before, detected_language)
            remember(known, aliases, result)
            results.append(result)
            if result.error:
                context.log.warning(f"source {source.name}: {result.error}")
        record_polls(conn, results, store, context.run.run_id)  # all or nothing: else the next run polls again
        return dg.MaterializeResult(
            metadata=table_metadata(
                conn,
                "core.documents",
                sources_polled=len(results),
                sources_failed=sum(r.error is not None for r in results),
                documents_new=sum(r.count("new") for r in results),
                documents_updated=sum(r.count("updated") for r in results),
                fetches_failed=sum(r.count("failed") for r in results),
                polls=preview(
                    conn,
                    "select source_name, urls_seen, urls_new, urls_updated, urls_failed, urls_deferred, error"
                    " from core.polls where run_id = ? order by source_name",
                    params=[context.run.run_id],
                )
                if results
                else dg.MetadataValue.md("_no source was due_"),
            )
        )
