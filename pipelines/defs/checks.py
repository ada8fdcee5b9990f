"""Shared shapes of asset checks: keys unique and not null, offsets that point at the text (blocking), and
warnings about what a run could not use (non-blocking, severity WARN)."""

import datetime as dt

import dagster as dg
import duckdb

from pipelines.defs.resources import WarehouseResource
from pipelines.lib.warehouse.offsets import mismatched_offsets

OFFSETS_CHECK = "offsets_point_at_text"


def key_check_name(key: str) -> str:
    return f"{key}_unique_not_null"


def key_spec(asset: str, table: str, key: str) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(
        key_check_name(key),
        asset=asset,
        blocking=True,
        description=f"Every row of {table} has a {key}, and no two share one.",
    )


def key_result(conn: duckdb.DuckDBPyConnection, asset: str, table: str, key: str) -> dg.AssetCheckResult:
    nulls, dupes = conn.execute(
        f"select count(*) filter (where {key} is null), count({key}) - count(distinct {key}) from {table}"
    ).fetchall()[0]
    return dg.AssetCheckResult(
        asset_key=asset,
        check_name=key_check_name(key),
        passed=nulls == 0 and dupes == 0,
        metadata={"null_keys": nulls, "duplicate_keys": dupes},
    )


def offsets_spec(asset: str, table: str, text_column: str) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(
        OFFSETS_CHECK,
        asset=asset,
        blocking=True,
        description=f"For every row of {table} written by this run (its article extracted since the run started), "
        f"body[char_start:char_end] is its {text_column}.",
    )


def offsets_result(
    conn: duckdb.DuckDBPyConnection, asset: str, table: str, text_column: str, since: dt.datetime
) -> dg.AssetCheckResult:
    checked, bad, example = mismatched_offsets(conn, table, text_column, since)
    return dg.AssetCheckResult(
        asset_key=asset,
        check_name=OFFSETS_CHECK,
        passed=bad == 0,
        metadata={"rows_checked": checked, "mismatched_rows": bad, "example": str(example)},
    )


def key_check(asset: str, table: str, key: str) -> dg.AssetChecksDefinition:
    """The key check of one asset, as a step of its own."""

    @dg.multi_asset_check(specs=[key_spec(asset, table, key)], name=f"{asset}_{key_check_name(key)}")
    def _check(warehouse: WarehouseResource) -> dg.AssetCheckResult:
        with warehouse.get_connection() as conn:
            return key_result(conn, asset, table, key)

    return _check


def run_started_at(context: dg.AssetCheckExecutionContext) -> dt.datetime:
    """When the check's run started, in local time as the warehouse records it (``datetime.now()``)."""
    record = context.instance.get_run_record_by_id(context.run.run_id)
    started = record.start_time if record and record.start_time else record.create_timestamp.timestamp()
    return dt.datetime.fromtimestamp(started)


def warning(problems: int, metadata: dict, summary: str | None = None) -> dg.AssetCheckResult:
    """Passed when there are no problems; else failed at severity WARN (the run still succeeds), with
    ``summary`` (what failed and why) as the evaluation's description."""
    return dg.AssetCheckResult(
        passed=problems == 0,
        severity=dg.AssetCheckSeverity.WARN,
        metadata=metadata,
        description=summary if problems else None,
    )


def listing(rows: list[tuple[str, str]], total: int, noun: str) -> str:
    """``noun (total)``, then the first rows as "<what>: <why>"."""
    shown = "; ".join(f"{what}: {why}" for what, why in rows)
    more = f" (and {total - len(rows)} more)" if total > len(rows) else ""
    return f"{noun} ({total}): {shown}{more}"
