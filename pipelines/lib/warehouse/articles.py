"""Articles from pending documents: the stored pages that await cleaning, each cleaned within the time
limit, and the result written back (articles, rejections, document status, duplicate marks).

A page whose raw bytes are missing or damaged is no article and no rejection of its text: its document
becomes ``failed`` with the reason (``analytics.rejected`` shows it), so the next poll fetches or reads
it again and the raw store writes the bytes anew."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import duckdb

from pipelines.lib.ingest.raw_store import RawStore, RawStoreError
from pipelines.lib.limits import DocumentTimeout, time_limit
from pipelines.lib.text.article import EXTRACTOR_VERSION, ArticleRecord, Rejection, build_article
from pipelines.lib.text.near_duplicates import signature
from pipelines.lib.text.pages import Assembly, Page, assemble, chunks, pages_to_clean
from pipelines.lib.warehouse import rows
from pipelines.lib.warehouse.frames import frame
from pipelines.lib.warehouse.rejections import clear_extractions
from pipelines.lib.warehouse.syndication import mark_duplicates
from pipelines.lib.workers import Workers

PENDING_PAGES = """
select source, kind, canonical_url, page_number, content_hash, language
from core.documents
where content_hash is not null
  and canonical_url in (select canonical_url from core.documents where status = 'pending')
order by canonical_url, page_number
"""
MARK_ALL_PENDING = "update core.documents set status = 'pending' where content_hash is not null"
DOCUMENTS_OF_ARTICLES = "select source from core.documents where canonical_url in (select unnest(?))"
MARK_ARTICLE_DOCUMENTS = """
update core.documents set status = 'article', processed_at = ?, extractor_version = ?
where canonical_url in (select unnest(?)) and content_hash is not null
"""
MARK_REJECTED_DOCUMENTS = """
update core.documents set status = 'rejected', processed_at = ?, extractor_version = ?
where source in (select unnest(?))
"""
MARK_UNREADABLE_DOCUMENTS = """
update core.documents as documents
set status = 'failed', error = lost.reason, attempts = documents.attempts + 1, file_signature = null,
    processed_at = ?, extractor_version = ?
from (select unnest(?) as source, unnest(?) as reason) as lost
where documents.source = lost.source
"""
CHUNK_PAGES = 200
STALE_ARTICLES = "select count(*) from core.articles where extractor_version <> ?"


@dataclasses.dataclass
class CleanedPages(Assembly):
    """An assembly, which of its rejected pages were rejected because their raw bytes are lost, and the
    signatures the workers made of the pages' bodies."""

    unreadable: list[str] = dataclasses.field(default_factory=list)  # document keys
    signed: dict[str, list[int]] = dataclasses.field(default_factory=dict)  # body -> MinHash signature


@dataclasses.dataclass(frozen=True)
class CleanedPage:
    """A worker's answer for one stored page: its article or rejection, whether it was rejected because its
    raw bytes are lost, and the article body's MinHash signature (made in the worker, off the writer's core)."""

    result: ArticleRecord | Rejection
    lost: bool = False
    signature: list[int] | None = None


def mark_all_pending(conn: duckdb.DuckDBPyConnection) -> None:
    """Every stored document is cleaned again (after an extractor change)."""
    conn.execute(MARK_ALL_PENDING)


def pending_pages(conn: duckdb.DuckDBPyConnection) -> list[Page]:
    """Every stored page of an article one of whose documents is pending, by article and page number."""
    return [Page(*row) for row in conn.execute(PENDING_PAGES).fetchall()]


@dataclasses.dataclass(frozen=True)
class CleaningTask:
    """What a worker needs to clean one stored page: the page, where its bytes are and the limits."""

    page: Page
    raw_dir: str
    today: dt.date
    max_bytes: int
    max_seconds: float


@dataclasses.dataclass
class CleaningTotals:
    processed: int = 0
    accepted: int = 0
    rejected: int = 0
    marked_duplicate: int = 0


def clean_and_store(
    conn: duckdb.DuckDBPyConnection,
    pages: list[Page],
    task: Callable[[Page], CleaningTask],
    workers: Workers,
    now: dt.datetime,
    progress: Callable[[str], None],
    chunk_size: int = CHUNK_PAGES,
) -> CleaningTotals:
    """Clean ``pages`` chunk by chunk, each chunk's pages across the workers, each chunk written and committed
    before the next (while the workers clean the next): memory stays flat in the size of the backlog, and a
    crash loses at most the chunks in flight."""
    totals = CleaningTotals()
    groups = [(chunk, pages_to_clean(chunk)) for chunk in chunks(pages, chunk_size)]
    cleaned = workers.map_chunks(clean_stored_page, ([task(p) for p in chosen] for _, chosen in groups))
    for (chunk, chosen), (_, results) in zip(groups, cleaned):
        assembly = cleaned_pages(chunk, dict(zip((page.source for page in chosen), results)))
        totals.marked_duplicate += store_articles(conn, assembly, now)
        totals.processed += len(chunk)
        totals.accepted += len(assembly.accepted)
        totals.rejected += len(assembly.rejected)
        progress(f"cleaned {totals.processed}/{len(pages)} documents")
    return totals


def cleaned_pages(pages: list[Page], results: dict[str, CleanedPage]) -> CleanedPages:
    """The assembly of ``pages`` from the results of cleaning the chosen ones (by document key)."""
    unreadable = [source for source, cleaned in results.items() if cleaned.lost]
    signed = {cleaned.result.body: cleaned.signature for cleaned in results.values() if cleaned.signature}
    assembly = assemble(pages, lambda page: results[page.source].result)
    return CleanedPages(assembly.accepted, assembly.rejected, assembly.emptied, unreadable, signed)


def clean_stored_page(task: CleaningTask) -> CleanedPage:
    """One stored page cleaned and signed, or rejected (also because its raw bytes are lost)."""
    page = task.page
    try:
        content = RawStore(Path(task.raw_dir)).get(page.content_hash)
    except RawStoreError as error:
        return CleanedPage(Rejection(page.source, page.content_hash, f"{error}; read again at the next poll", 0), True)
    result = clean_page(page, content, task.today, task.max_bytes, task.max_seconds)
    return CleanedPage(result, signature=signature(result.body) if isinstance(result, ArticleRecord) else None)


def clean_page(
    page: Page, content: bytes, today: dt.date, max_bytes: int, max_seconds: float
) -> ArticleRecord | Rejection:
    """One stored page cleaned, or rejected (also when cleaning takes longer than ``max_seconds``)."""
    try:
        with time_limit(max_seconds):
            result = build_article(page.source, page.kind, content, today, max_bytes)
    except DocumentTimeout:
        reason = f"too slow: cleaning took longer than {max_seconds:g} s (WARTA_MAX_SECONDS)"
        return Rejection(page.source, page.content_hash, reason, len(content))
    if isinstance(result, ArticleRecord) and not result.language:
        result = dataclasses.replace(result, language=page.language)
    return result


def store_articles(conn: duckdb.DuckDBPyConnection, assembly: CleanedPages, now: dt.datetime) -> int:
    """Write the assembly and mark its duplicates in one transaction (a failed write leaves the documents
    pending, nothing half-written); returns how many articles were marked duplicate."""
    conn.begin()
    write_articles(conn, assembly, now)
    duplicates = mark_duplicates(conn, assembly.accepted, assembly.signed)
    conn.commit()
    return duplicates


def write_articles(conn: duckdb.DuckDBPyConnection, assembly: Assembly, now: dt.datetime) -> None:
    """Replace the articles and rejections of the assembly; an article none of whose pages is accepted now
    goes, and an accepted document leaves core.rejected. Extractions of changed articles are cleared."""
    unreadable = set(assembly.unreadable) if isinstance(assembly, CleanedPages) else set()
    accepted = assembly.accepted
    rejected = [r for r in assembly.rejected if r.source not in unreadable]
    stamp = {"extractor_version": EXTRACTOR_VERSION}
    article_rows = frame("articles", [{**record.__dict__, **stamp, "ingested_at": now} for record in accepted])
    rejected_rows = frame("rejected", [{**r.__dict__, **stamp, "rejected_at": now} for r in rejected])
    accepted_urls = [a.source for a in accepted]
    clear_extractions(conn, assembly.emptied + [a.article_id for a in accepted])
    rows.delete_rows(conn, "core.articles", "article_id", assembly.emptied)
    rows.upsert_rows(conn, "core.articles", "article_id", article_rows)
    accepted_documents = [source for (source,) in conn.execute(DOCUMENTS_OF_ARTICLES, [accepted_urls]).fetchall()]
    rows.delete_rows(conn, "core.rejected", "source", accepted_documents + sorted(unreadable))
    rows.upsert_rows(conn, "core.rejected", "source", rejected_rows)
    conn.execute(MARK_ARTICLE_DOCUMENTS, [now, EXTRACTOR_VERSION, accepted_urls])
    conn.execute(MARK_REJECTED_DOCUMENTS, [now, EXTRACTOR_VERSION, [r.source for r in rejected]])
    lost = [r for r in assembly.rejected if r.source in unreadable]
    if lost:
        reasons = [[r.source for r in lost], [r.reason for r in lost]]
        conn.execute(MARK_UNREADABLE_DOCUMENTS, [now, EXTRACTOR_VERSION, *reasons])


def stale_articles(conn: duckdb.DuckDBPyConnection) -> int:
    """Articles last cleaned by another extractor version."""
    return conn.execute(STALE_ARTICLES, [EXTRACTOR_VERSION]).fetchall()[0][0]
