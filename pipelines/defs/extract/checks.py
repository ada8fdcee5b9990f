"""Checks of the extraction tables, evaluated together in one step after `extractions` (the op that writes all
four): every key unique and not null, and the offsets of this run's quotes and figures pointing at their text.
Each check can also run on its own from the UI."""

from collections.abc import Iterator

import dagster as dg

from pipelines.defs.checks import key_result, key_spec, offsets_result, offsets_spec, run_started_at
from pipelines.defs.resources import WarehouseResource

KEYS = {"quotes": "quote_id", "figures": "figure_id", "events": "event_id", "actors": "actor_id"}
OFFSETS = {"quotes": "quote_text", "figures": "surface"}


def table(asset: str) -> str:
    return f"core.{asset}"


KEY_SPECS = {asset: key_spec(asset, table(asset), key) for asset, key in KEYS.items()}
OFFSETS_SPECS = {asset: offsets_spec(asset, table(asset), column) for asset, column in OFFSETS.items()}


@dg.multi_asset_check(specs=[*KEY_SPECS.values(), *OFFSETS_SPECS.values()], can_subset=True)
def extraction_checks(
    context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource
) -> Iterator[dg.AssetCheckResult]:
    selected = context.selected_asset_check_keys
    since = run_started_at(context)
    with warehouse.get_connection() as conn:
        for asset, key in KEYS.items():
            if KEY_SPECS[asset].key in selected:
                yield key_result(conn, asset, table(asset), key)
        for asset, column in OFFSETS.items():
            if OFFSETS_SPECS[asset].key in selected:
                yield offsets_result(conn, asset, table(asset), column, since)
