"""Shared shapes of asset checks: keys unique and not null, offsets that point at the text (blocking), and
warnings about what a run could not use (non-blocking, severity WARN)."""

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator

import dagster as dg
import duckdb

from pipelines.defs.resources import WarehouseResource
from pipelines.lib.warehouse.offsets import mismatched_offsets

OFFSETS_CHECK = "offsets_point_at_text"


@dataclasses.dataclass(frozen=True)
class TableKey:
    """The key of a table an asset's step writes: one column, or several ("article_id, stage"). The check is named
    after the key on the asset's own table (core.quotes: ``quote_id_unique_not_null``), after the table and the
    key on a table of the step's bookkeeping (``processing_article_id_and_stage_unique_not_null``)."""

    asset: str
    table: str
    key: str

    @property
    def columns(self) -> list[str]:
        return [column.strip() for column in self.key.split(",")]

    @property
    def check_name(self) -> str:
        name = self.table.split(".")[-1]
        prefix = "" if name == self.asset else f"{name}_"
        return f"{prefix}{'_and_'.join(self.columns)}_unique_not_null"


def key_spec(key: TableKey) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(
        key.check_name,
        asset=key.asset,
        blocking=True,
        description=f"Every row of {key.table} has its key ({key.key}), and no two rows share one.",
    )


def key_result(conn: duckdb.DuckDBPyConnection, key: TableKey) -> dg.AssetCheckResult:
    missing = " or ".join(f"{column} is null" for column in key.columns)
    nulls, dupes = conn.execute(
        f"select count(*) filter (where {missing}), count(*) filter (where not ({missing}))"
        f" - count(distinct ({key.key})) filter (where not ({missing})) from {key.table}"
    ).fetchall()[0]
    return dg.AssetCheckResult(
        asset_key=key.asset,
        check_name=key.check_name,
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


def selected_key_results(
    conn: duckdb.DuckDBPyConnection, specs: dict[TableKey, dg.AssetCheckSpec], selected: Iterable[dg.AssetCheckKey]
) -> Iterator[dg.AssetCheckResult]:
    """The results of the key checks among ``specs`` that the step was asked to evaluate."""
    for key, spec in specs.items():
        if spec.key in selected:
            yield key_result(conn, key)


def key_checks(asset: str, *keys: TableKey) -> dg.AssetChecksDefinition:
    """The key checks of one asset's tables, as a step of their own."""
    specs = {key: key_spec(key) for key in keys}

    @dg.multi_asset_check(specs=list(specs.values()), name=f"{asset}_keys", can_subset=True)
    def _check(context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource) -> Iterator[dg.AssetCheckResult]:
        with warehouse.get_connection() as conn:
            yield from selected_key_results(conn, specs, context.selected_asset_check_keys)

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
