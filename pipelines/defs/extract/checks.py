"""Checks of the extraction tables, evaluated together in one step after `extractions` (the op that writes all
four): every key unique and not null, and the offsets of this run's quotes and figures pointing at their text.
Each check can also run on its own from the UI."""

from collections.abc import Iterator

import dagster as dg

from pipelines.defs.checks import (
    TableKey,
    key_spec,
    offsets_result,
    offsets_spec,
    run_started_at,
    selected_key_results,
)
from pipelines.defs.resources import WarehouseResource

KEYS = [
    TableKey("quotes", "core.quotes", "quote_id"),
    TableKey("figures", "core.figures", "figure_id"),
    TableKey("events", "core.events", "event_id"),
    TableKey("actors", "core.actors", "actor_id"),
    TableKey("quotes", "core.processing", "article_id, stage"),  # which articles were extracted
]
OFFSETS = {"quotes": "quote_text", "figures": "surface"}


def table(asset: str) -> str:
    return f"core.{asset}"


KEY_SPECS = {key: key_spec(key) for key in KEYS}
OFFSETS_SPECS = {asset: offsets_spec(asset, table(asset), column) for asset, column in OFFSETS.items()}


@dg.multi_asset_check(specs=[*KEY_SPECS.values(), *OFFSETS_SPECS.values()], can_subset=True)
def extraction_checks(
    context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource
) -> Iterator[dg.AssetCheckResult]:
    selected = context.selected_asset_check_keys
    since = run_started_at(context)
    with warehouse.get_connection() as conn:
        yield from selected_key_results(conn, KEY_SPECS, selected)
        for asset, column in OFFSETS.items():
            if OFFSETS_SPECS[asset].key in selected:
                yield offsets_result(conn, asset, table(asset), column, since)
