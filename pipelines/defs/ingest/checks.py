"""Checks of `documents`: a warning while a source or a document cannot be read."""

import dagster as dg
import duckdb

from pipelines.defs.checks import listing, warning
from pipelines.defs.metadata import preview
from pipelines.defs.resources import SourcesResource, WarehouseResource

FAILED_SOURCES = """
select source_name, location, error, started_at as polled_at
from core.polls
where source_name in (select unnest(?::varchar[]))
qualify row_number() over (partition by source_name order by started_at desc, poll_id desc) = 1 and error is not null
order by source_name
"""
FAILED_DOCUMENTS = """
select source_name, coalesce(url, source) as document, error, attempts, fetched_at
from core.documents
where status = 'failed' and source_name in (select unnest(?::varchar[]))
order by fetched_at desc nulls last, source
"""


@dg.asset_check(
    asset="documents",
    name="every_source_was_read",
    blocking=False,
    description=(
        "Warns (severity WARN, the run still succeeds) while a source of the sources file could not be read at "
        "its latest poll (a feed or sitemap that failed, a missing inbox folder) or a document of it could not "
        "be fetched or read. The metadata lists each with its error; every fetch is in analytics.fetches."
    ),
)
def every_source_was_read(warehouse: WarehouseResource, sources: SourcesResource) -> dg.AssetCheckResult:
    names = [source.name for source in sources.load().sources]
    with warehouse.get_connection() as conn:
        failed_sources = conn.execute(f"select count(*) from ({FAILED_SOURCES})", [names]).fetchall()[0][0]
        failed_documents = conn.execute(f"select count(*) from ({FAILED_DOCUMENTS})", [names]).fetchall()[0][0]
        return warning(
            failed_sources + failed_documents,
            {
                "sources_failed": failed_sources,
                "documents_failed": failed_documents,
                "failed_sources": preview(conn, FAILED_SOURCES, limit=20, params=[names]),
                "failed_documents": preview(conn, FAILED_DOCUMENTS, limit=50, params=[names]),
            },
            failure_summary(conn, names, failed_sources, failed_documents),
        )


def failure_summary(
    conn: duckdb.DuckDBPyConnection, names: list[str], failed_sources: int, failed_documents: int
) -> str:
    """The first failed sources and documents with their errors, in one line."""
    sources = conn.execute(f"select source_name, error from ({FAILED_SOURCES}) limit 3", [names]).fetchall()
    documents = conn.execute(f"select document, error from ({FAILED_DOCUMENTS}) limit 3", [names]).fetchall()
    parts = [listing(sources, failed_sources, "failed sources")] if failed_sources else []
    parts += [listing(documents, failed_documents, "failed documents")] if failed_documents else []
    return "; ".join(parts)
