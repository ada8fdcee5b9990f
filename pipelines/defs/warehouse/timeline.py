"""The timeline: each real-world event once, with the articles that report it."""

import dagster as dg

from pipelines.defs.metadata import asset_columns, table_metadata
from pipelines.defs.resources import WarehouseResource
from pipelines.lib.warehouse.timeline_rows import refresh_timeline, reported_more_than_once


@dg.asset(
    group_name="warehouse",
    kinds={"python", "duckdb"},
    pool="warehouse",
    deps=["events", "actors"],
    metadata=asset_columns("timeline"),
    description=(
        "One row per real-world event: reports of the same type and status whose dates agree at the coarser "
        "precision and whose participants overlap are grouped, with the number and ids of the articles reporting it. "
        "Kept by block (event type, status, year): a run re-clusters only the blocks whose reports changed."
    ),
)
def timeline(warehouse: WarehouseResource) -> dg.MaterializeResult:
    with warehouse.get_connection() as conn:
        refresh = refresh_timeline(conn)
        return dg.MaterializeResult(
            metadata=table_metadata(
                conn,
                "core.timeline",
                "select event_type, status, event_date, date_precision, participants, len(article_ids) as articles"
                " from core.timeline order by event_date desc, event_type",
                blocks=refresh.blocks,
                blocks_reclustered=len(refresh.blocks_reclustered),
                reports_reclustered=len(refresh.reports),
                reported_more_than_once=reported_more_than_once(conn),
            )
        )
