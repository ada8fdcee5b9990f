"""The report: pictures of the published warehouse, one HTML file that opens offline."""

from pathlib import Path

import dagster as dg

from pipelines.defs.resources import WarehouseResource
from pipelines.lib.report.writer import write_report_of


@dg.asset(
    group_name="warehouse",
    kinds={"html", "duckdb"},
    deps=["published_warehouse"],
    pool="warehouse",
    description=(
        "report.html beside the published warehouse (data/report.html): Vega-Lite charts of the events over time "
        "by type, the most-quoted speakers with their latest quotes, the figures by kind and currency over "
        "publication date, and the rejected inputs. The charts' JavaScript is inlined: it opens with no network. "
        "Drawn again only when what it shows (or the code that draws it) has changed."
    ),
)
def report(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    written = write_report_of(
        Path(warehouse.path), bundle_cache=warehouse.shared_cache, memory_limit=warehouse.memory_limit
    )
    context.log.info(f"report: {written.path} ({written.charts} charts, {'drawn' if written.redrawn else 'unchanged'})")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(written.path)),
            "open": dg.MetadataValue.url(written.path.resolve().as_uri()),
            "charts": written.charts,
            "bytes": written.bytes,
            "redrawn": written.redrawn,
        }
    )
