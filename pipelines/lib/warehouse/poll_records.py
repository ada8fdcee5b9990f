"""What the warehouse knows of documents, and the record a poll leaves in it.

``known_documents`` and ``url_aliases`` are read once per run (one query each, so a
poll of thousands of known URLs costs little); ``record_poll`` writes a poll's
documents, fetches and summary in the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
import uuid

import duckdb

from pipelines.lib.ingest.polling import Known, PollResult
from pipelines.lib.ingest.raw_store import RawStore
from pipelines.lib.warehouse import database as wh
from pipelines.lib.warehouse.frames import frame


def known_documents(conn: duckdb.DuckDBPyConnection) -> dict[str, Known]:
    rows = conn.execute(
        "select source, source_name, content_hash, listed_updated_at, file_signature, status = 'failed', attempts,"
        " fetched_at from core.documents"
    ).fetchall()
    return {row[0]: Known(*row[1:]) for row in rows}


def url_aliases(conn: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(conn.execute("select url, source from core.url_aliases").fetchall())


def last_polls(conn: duckdb.DuckDBPyConnection) -> dict[str, dt.datetime]:
    """When each source was last polled without a source-level error."""
    rows = conn.execute("select source_name, max(started_at) from core.polls where error is null group by 1")
    return dict(rows.fetchall())


def record_poll(conn: duckdb.DuckDBPyConnection, result: PollResult, store: RawStore, run_id: str | None) -> str:
    """Write one poll; returns its poll_id."""
    poll_id = uuid.uuid4().hex
    now = result.finished_at or dt.datetime.now()
    documents = frame(
        "documents",
        [
            {
                **doc.__dict__,
                "raw_path": str(store.path(doc.content_hash)) if doc.content_hash else None,
                "fetched_at": now,
            }
            for doc in result.documents
        ],
    )
    if documents.height:
        conn.register("incoming_documents", documents)
        conn.execute(UPSERT_DOCUMENTS, {"now": now})
        conn.unregister("incoming_documents")
    aliases = frame("url_aliases", [{"url": url, "source": key} for url, key in result.aliases.items()])
    wh.upsert_rows(conn, "core.url_aliases", "url", aliases)
    fetches = frame("fetches", [{**f.__dict__, "poll_id": poll_id, "fetched_at": now} for f in result.fetches])
    wh.insert_rows(conn, "core.fetches", fetches)
    counts = {f"urls_{o}": result.count(o) for o in ("new", "updated", "unchanged", "duplicate", "failed", "deferred")}
    poll = {
        "poll_id": poll_id,
        "run_id": run_id,
        "source_name": result.source.name,
        "source_kind": result.source.kind,
        "location": result.source.location,
        "started_at": result.started_at,
        "finished_at": now,
        "urls_seen": result.listed,
        **counts,
        "error": result.error,
    }
    wh.insert_rows(conn, "core.polls", frame("polls", [poll]))
    return poll_id


UPSERT_DOCUMENTS = """
insert into core.documents as known (
    source, source_name, kind, url, canonical_url, page_number, content_hash, byte_size, raw_path, language,
    listed_updated_at, file_signature, error, attempts, status, first_seen_at, fetched_at
)
select
    source, source_name, kind, url, canonical_url, page_number, content_hash, byte_size, raw_path, language,
    listed_updated_at, file_signature, error, attempts,
    case when content_hash is null then 'failed' else 'pending' end, $now, fetched_at
from incoming_documents
on conflict (source) do update set
    kind = excluded.kind,
    url = coalesce(excluded.url, known.url),
    canonical_url = excluded.canonical_url,
    page_number = excluded.page_number,
    content_hash = coalesce(excluded.content_hash, known.content_hash),
    byte_size = excluded.byte_size,
    raw_path = coalesce(excluded.raw_path, known.raw_path),
    language = excluded.language,
    listed_updated_at = coalesce(excluded.listed_updated_at, known.listed_updated_at),
    file_signature = excluded.file_signature,
    error = excluded.error,
    attempts = excluded.attempts,
    status = case
        when excluded.content_hash is null and known.content_hash is not null then known.status
        when excluded.content_hash is null then 'failed'
        when known.status = 'failed' or excluded.content_hash is distinct from known.content_hash then 'pending'
        else known.status
    end,
    fetched_at = excluded.fetched_at
"""
