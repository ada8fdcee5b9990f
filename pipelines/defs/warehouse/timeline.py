"""The timeline: each real-world event once, with the articles that report it."""

import dagster as dg

from pipelines.defs.metadata import table_metadata
from pipelines.defs.resources import WarehouseResource
from pipelines.lib.warehouse.timeline_rows import rebuild_timeline


@dg.asset(
    group_name="warehouse",
    kinds={"python", "duckdb"},
    pool="warehouse",
    deps=["events", "actors"],
    description=(
        "One row per real-world event: reports of the same type and status whose dates agree at the coarser "
        "precision and whose participants overlap are grouped, with the number and ids of the articles reporting it. "
        "Rebuilt from all dated events on every run."
    ),
)
def timeline(warehouse: WarehouseResource) -> dg.MaterializeResult:
    with warehouse.get_connection() as conn:
        reports, events = rebuild_timeline(conn)
        return dg.MaterializeResult(
            metadata=table_metadata(
                conn,
                "core.timeline",
                reports=len(reports),
                reported_more_than_once=sum(len(e.article_ids) > 1 for e in events),
            )
        )
