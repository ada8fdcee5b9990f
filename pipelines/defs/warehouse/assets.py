"""The public interface: analytics views over the core tables, from sql/views/."""

import dagster as dg

from pipelines.defs.metadata import preview, warehouse_columns
from pipelines.defs.resources import WarehouseResource
from pipelines.lib.warehouse.dictionary import apply_documented_views
from pipelines.lib.warehouse.rows import count


@dg.asset(
    group_name="warehouse",
    kinds={"sql", "duckdb"},
    pool="warehouse",
    deps=["articles", "actors", "quotes", "figures", "events", "timeline"],
    metadata=warehouse_columns(),
    description=(
        "The analytics schema analysts query: one view per file in sql/views/ "
        "(articles, actors, quotes, figures, events, rejected, timeline, polls, fetches), each with its grain in "
        "its header, and a COMMENT on every view and column from the data dictionary (sql/dictionary.yaml)."
    ),
)
def analytics_views(warehouse: WarehouseResource) -> dg.MaterializeResult:
    with warehouse.get_connection() as conn:
        names = apply_documented_views(conn)
        counts = {name: count(conn, name) for name in names}
        return dg.MaterializeResult(
            metadata={
                "views": dg.MetadataValue.md("\n".join(f"- `{name}`: {rows} rows" for name, rows in counts.items())),
                "dagster/row_count": sum(counts.values()),
                "preview": preview(conn, "select event_type, event_date, participants, trigger from analytics.events"),
            }
        )
