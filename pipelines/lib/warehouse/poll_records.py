"""What the warehouse knows of documents and of earlier polls, and the record a poll leaves in it.

``known_documents``, ``url_aliases`` and ``earlier_polls`` are read once per run (one query
each, so a poll of thousands of known URLs costs little); ``record_poll`` writes a poll's
documents, fetches and summary in the caller's transaction, ``record_polls`` a run's polls in
one transaction. Text that is not valid Unicode (an error message quoting an undecodable file
name) is written with the offending characters escaped.
"""

from __future__ import annotations

import datetime as dt
import uuid

import duckdb
import polars as pl

from pipelines.lib.ingest.poll_result import Document, Earlier, Known, PollResult
from pipelines.lib.ingest.raw_store import RawStore
from pipelines.lib.warehouse import rows
from pipelines.lib.warehouse.frames import frame

OUTCOMES = ("new", "updated", "unchanged", "duplicate", "failed")  # counted in core.polls from the fetches
FETCH_BATCH = 5_000


def known_documents(conn: duckdb.DuckDBPyConnection) -> dict[str, Known]:
    held = conn.execute(KNOWN_DOCUMENTS).fetchall()
    return {row[0]: Known(*row[1:]) for row in held}


def url_aliases(conn: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(conn.execute("select url, source from core.url_aliases").fetchall())


def earlier_polls(conn: duckdb.DuckDBPyConnection) -> dict[str, Earlier]:
    """Per source: the URLs its last successful poll listed, and its deferred documents not fetched since."""
    listed = dict(conn.execute(LISTED_BEFORE).fetchall())
    deferred: dict[str, set[str]] = {}
    for source_name, key in conn.execute(STILL_DEFERRED).fetchall():
        deferred.setdefault(source_name, set()).add(key)
    return {name: Earlier(listed.get(name, 0), frozenset(deferred.get(name, ()))) for name in {*listed, *deferred}}


def last_polls(conn: duckdb.DuckDBPyConnection) -> dict[str, dt.datetime]:
    """When each source was last polled without a source-level error."""
    return dict(conn.execute(LAST_POLLS).fetchall())


def record_polls(
    conn: duckdb.DuckDBPyConnection, results: list[PollResult], store: RawStore, run_id: str | None
) -> list[str]:
    """Write the polls in one transaction (the whole poll lands, or none of it); returns their poll_ids."""
    conn.begin()
    poll_ids = [record_poll(conn, result, store, run_id) for result in results]
    conn.commit()
    return poll_ids


def record_poll(conn: duckdb.DuckDBPyConnection, result: PollResult, store: RawStore, run_id: str | None) -> str:
    """Write one poll in the caller's transaction; returns its poll_id."""
    poll_id = uuid.uuid4().hex
    now = result.finished_at or dt.datetime.now()
    rows.write_frame(conn, UPSERT_DOCUMENTS, document_rows(result, store, now), {"now": now})
    aliases = frame("url_aliases", [{"url": url, "source": key} for url, key in result.aliases.items()])
    rows.upsert_rows(conn, "core.url_aliases", "url", aliases)
    for start in range(0, len(result.fetches), FETCH_BATCH):  # in batches: a poll may defer tens of thousands
        batch = result.fetches[start : start + FETCH_BATCH]
        fetches = [valid_text({**f.__dict__, "poll_id": poll_id, "fetched_at": now}) for f in batch]
        rows.insert_rows(conn, "core.fetches", frame("fetches", fetches))
    rows.insert_rows(conn, "core.polls", frame("polls", [valid_text(poll_row(result, poll_id, run_id, now))]))
    return poll_id


def document_rows(result: PollResult, store: RawStore, now: dt.datetime) -> pl.DataFrame:
    def row(doc: Document) -> dict:
        raw_path = str(store.path(doc.content_hash)) if doc.content_hash else None
        return valid_text({**doc.__dict__, "raw_path": raw_path, "fetched_at": doc.fetched_at or now})

    return frame("documents", [row(doc) for doc in result.documents])


def poll_row(result: PollResult, poll_id: str, run_id: str | None, now: dt.datetime) -> dict:
    return {
        "poll_id": poll_id,
        "run_id": run_id,
        "source_name": result.source.name,
        "source_kind": result.source.kind,
        "location": result.source.location,
        "started_at": result.started_at,
        "finished_at": now,
        "urls_seen": result.listed,
        **{f"urls_{outcome}": result.count(outcome) for outcome in OUTCOMES},
        "urls_deferred": result.deferred,  # every URL waiting, also those whose deferred fetch was recorded before
        "error": result.error,
    }


def valid_text(row: dict) -> dict:
    """The row with lone surrogates in its text (from undecodable names) escaped, as DuckDB needs."""
    return {
        key: value.encode("utf-8", "backslashreplace").decode("utf-8") if isinstance(value, str) else value
        for key, value in row.items()
    }


KNOWN_DOCUMENTS = """
select source, source_name, content_hash, listed_updated_at, file_signature, status = 'failed', attempts, fetched_at
from core.documents
"""
LAST_POLLS = "select source_name, max(started_at) from core.polls where error is null group by 1"
LISTED_BEFORE = """
select source_name, urls_seen from core.polls where error is null
qualify row_number() over (partition by source_name order by started_at desc) = 1
"""
STILL_DEFERRED = """
select distinct polls.source_name, fetches.source
from core.fetches as fetches join core.polls as polls using (poll_id)
where fetches.outcome = 'deferred' and fetches.source not in (select source from core.documents)
"""
UPSERT_DOCUMENTS = """
insert into core.documents as known (
    source, source_name, kind, url, canonical_url, page_number, content_hash, byte_size, raw_path, language,
    listed_updated_at, file_signature, error, attempts, status, first_seen_at, fetched_at
)
select
    source, source_name, kind, url, canonical_url, page_number, content_hash, byte_size, raw_path, language,
    listed_updated_at, file_signature, error, attempts,
    case when content_hash is null then 'failed' else 'pending' end, $now, fetched_at
from incoming_rows
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
