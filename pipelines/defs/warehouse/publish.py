"""Publication: the file analysts query is replaced whole, once a run's work is complete."""

import dagster as dg

from pipelines.defs.metadata import warehouse_columns
from pipelines.defs.resources import WarehouseResource


@dg.asset(
    group_name="warehouse",
    kinds={"duckdb"},
    deps=["analytics_views"],
    metadata=warehouse_columns(),
    pool="warehouse",
    description=(
        "One DuckDB file for readers (data/warehouse.duckdb, or WARTA_WAREHOUSE): a copy of the working "
        "warehouse as it stands at the end of the run, swapped in atomically. Open it read-only; a session "
        "kept open sees the previous complete state until it reconnects."
    ),
)
def published_warehouse(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    size = warehouse.publish()
    context.log.info(f"published {warehouse.working_path} to {warehouse.path} ({size} bytes)")
    return dg.MaterializeResult(
        metadata={"path": dg.MetadataValue.path(warehouse.path), "bytes": size, "source": str(warehouse.working_path)}
    )
