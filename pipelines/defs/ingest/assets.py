"""Ingest: discover the inbox, keep the raw bytes, record every input."""

import datetime as dt
from pathlib import Path

import dagster as dg
import polars as pl
from dagster_duckdb import DuckDBResource

from pipelines.defs.metadata import table_metadata
from pipelines.defs.resources import InboxResource
from pipelines.lib import warehouse as wh
from pipelines.lib.frames import frame
from pipelines.lib.inbox import discover
from pipelines.lib.raw_store import RawStore


@dg.asset(
    group_name="ingest",
    kinds={"python", "duckdb"},
    description=(
        "One row per input (an inbox file, or a URL listed in a .urls file): its content hash, "
        "where its raw bytes are kept (content-addressed under data/raw/) and when it was seen. "
        "Inputs whose hash changed since the last run are marked pending for `articles`."
    ),
)
def sources(context: dg.AssetExecutionContext, warehouse: DuckDBResource, inbox: InboxResource) -> dg.MaterializeResult:
    now = dt.datetime.now()
    items = discover(Path(inbox.path), fetch_urls=inbox.fetch_urls, max_bytes=inbox.max_bytes)
    store = RawStore(Path(inbox.raw_dir))
    rows = []
    for item in items:
        raw_path = str(store.path(store.put(item.content))) if item.content is not None else None
        rows.append(
            {
                "source": item.source,
                "kind": item.kind,
                "content_hash": item.content_hash,
                "byte_size": len(item.content) if item.content is not None else None,
                "raw_path": raw_path,
                "error": item.error,
            }
        )
    seen = frame("sources_seen", rows)
    with warehouse.get_connection() as conn:
        wh.apply_schema(conn)  # the core tables exist before any asset writes
        conn.register("seen", seen)
        changed = conn.execute(
            """
            select count(*) from seen
            left join core.sources as known using (source)
            where known.source is null or known.content_hash is distinct from seen.content_hash
            """
        ).fetchall()[0][0]
        conn.execute(
            """
            insert into core.sources as known
                (source, kind, content_hash, byte_size, raw_path, read_error, status, first_seen_at, last_seen_at)
            select source, kind, content_hash, byte_size, raw_path, error, 'pending', $now, $now from seen
            on conflict (source) do update set
                kind = excluded.kind,
                byte_size = excluded.byte_size,
                raw_path = excluded.raw_path,
                read_error = excluded.read_error,
                last_seen_at = excluded.last_seen_at,
                status = case when known.content_hash is distinct from excluded.content_hash
                                or excluded.read_error is not null
                              then 'pending' else known.status end,
                content_hash = excluded.content_hash
            """,
            {"now": now},
        )
        conn.unregister("seen")
        errors = seen.filter(pl.col("error").is_not_null())
        if errors.height:
            context.log.warning(f"{errors.height} inputs could not be read or fetched; they go to core.rejected")
        pending = conn.execute("select count(*) from core.sources where status = 'pending'").fetchall()[0][0]
        return dg.MaterializeResult(
            metadata=table_metadata(
                conn,
                "core.sources",
                inputs_seen=len(items),
                inputs_new_or_changed=changed,
                inputs_pending=pending,
                unreadable=errors.height,
            )
        )
