"""Checks of `documents`: a warning for every source or document a run could not read."""

import dagster as dg

from pipelines.defs.checks import warning
from pipelines.defs.metadata import preview
from pipelines.defs.resources import WarehouseResource

FAILED_SOURCES = "select source_name, location, error from core.polls where run_id = ? and error is not null"
FAILED_FETCHES = """
select polls.source_name, fetches.url, fetches.http_status, fetches.error
from core.fetches as fetches join core.polls as polls using (poll_id)
where polls.run_id = ? and fetches.outcome = 'failed'
order by polls.source_name, fetches.url
"""


@dg.asset_check(
    asset="documents",
    name="every_source_was_read",
    blocking=False,
    description=(
        "Warns (severity WARN, the run still succeeds) when a source of this run could not be read (a feed or "
        "sitemap that failed, a missing inbox folder) or a page could not be fetched. The metadata lists each "
        "with its error; all fetches are in analytics.fetches."
    ),
)
def every_source_was_read(context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource) -> dg.AssetCheckResult:
    run_id = context.run.run_id
    with warehouse.get_connection() as conn:
        sources = conn.execute(f"select count(*) from ({FAILED_SOURCES})", [run_id]).fetchall()[0][0]
        fetches = conn.execute(f"select count(*) from ({FAILED_FETCHES})", [run_id]).fetchall()[0][0]
        return warning(
            sources + fetches,
            {
                "sources_failed": sources,
                "fetches_failed": fetches,
                "failed_sources": preview(conn, FAILED_SOURCES, limit=20, params=[run_id]),
                "failed_fetches": preview(conn, FAILED_FETCHES, limit=50, params=[run_id]),
            },
        )
