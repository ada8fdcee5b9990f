"""Writing the report beside the warehouse: drawn again only when what it shows has changed.

The data is read first (DuckDB and polars only); its fingerprint is compared with the stamp of the page
written last, and only a page that would look different is drawn, with altair and the Vega bundle
loaded then. ``redrawn`` says which happened.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import duckdb

from pipelines.lib.report.data import read_report_data
from pipelines.lib.report.files import write_atomically
from pipelines.lib.report.fingerprint import read_stamp, report_fingerprint


@dataclasses.dataclass(frozen=True)
class Report:
    path: Path
    charts: int
    bytes: int
    redrawn: bool


def report_path(warehouse: Path) -> Path:
    """Where the report of a warehouse goes: ``report.html`` beside it."""
    return Path(warehouse).with_name("report.html")


def write_report(
    conn: duckdb.DuckDBPyConnection, target: Path, source: str, bundle_cache: Path | None = None
) -> Report:
    """The report of the analytics views of ``conn`` at ``target``: drawn (and replaced atomically) unless the
    page there already shows the same data with the same code. ``bundle_cache``: a folder that keeps the Vega
    script between runs."""
    data, target = read_report_data(conn), Path(target)
    fingerprint = report_fingerprint(data, source)
    stamp = read_stamp(target)
    if stamp is not None and stamp.fingerprint == fingerprint:
        return Report(target, stamp.charts, target.stat().st_size, redrawn=False)
    from pipelines.lib.report.page import render  # altair and the Vega bundle: loaded only to draw

    html, drawn = render(data, source, dt.datetime.now(), fingerprint, bundle_cache)
    write_atomically(target, html)
    return Report(target, drawn, target.stat().st_size, redrawn=True)


def write_report_of(
    warehouse: Path, target: Path | None = None, bundle_cache: Path | None = None, memory_limit: str | None = None
) -> Report:
    """The report of the published warehouse file ``warehouse`` (opened read-only, with DuckDB keeping at most
    ``memory_limit``)."""
    config = {"memory_limit": memory_limit} if memory_limit else {}
    with duckdb.connect(str(warehouse), read_only=True, config=config) as conn:
        return write_report(conn, target or report_path(warehouse), str(warehouse), bundle_cache)
