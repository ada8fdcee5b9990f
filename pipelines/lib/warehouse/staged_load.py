"""The merge of staged backfill partitions: each staged set not loaded yet becomes documents, articles and
extraction rows, as a poll and a run of ``articles`` and ``extractions`` would have written them.

Per partition, in one transaction: its records are read as a WARC poll reads them (``add_warc_record``:
same raw store, same keys, unchanged pages skipped, an older copy not taking the place of a newer one,
unreadable records as failed documents), recorded as a poll of the file; the staged article or
rejection of every new or changed single-page document is written with its extraction rows (DuckDB
reads the Parquet files directly, through fsspec when the staging root is an object store); the set
is recorded in ``core.staged_partitions`` so that it is loaded once. Pages of multi-page articles and
sets staged by another extractor version stay pending for the usual cleaning and extraction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import polars as pl

from pipelines.lib.backfill.staging import Manifest, Staging
from pipelines.lib.ingest.poll_result import PollResult
from pipelines.lib.ingest.polling import add_warc_record
from pipelines.lib.ingest.raw_store import RawStore
from pipelines.lib.ingest.source_config import Source
from pipelines.lib.ingest.warc_records import WarcProblem, WarcResponse
from pipelines.lib.text.article import EXTRACTOR_VERSION, ArticleRecord, Rejection, article_id
from pipelines.lib.text.pages import Assembly
from pipelines.lib.warehouse import rows
from pipelines.lib.warehouse.articles import write_articles
from pipelines.lib.warehouse.extractions import STAGE
from pipelines.lib.warehouse.frames import EXTRACTION_TABLES, frame
from pipelines.lib.warehouse.poll_records import known_documents, record_poll
from pipelines.lib.warehouse.schema import table_schema
from pipelines.lib.warehouse.syndication import mark_duplicates

LOADED = "select partition_key, digest from core.staged_partitions"
SHARED_ARTICLES = """
select canonical_url from core.documents where canonical_url in (select unnest(?)) group by 1 having count(*) > 1
"""


@dataclass(frozen=True)
class LoadedPartition:
    partition: str
    poll_id: str
    records: int
    documents: int  # new, changed or failed documents
    articles: int  # articles written from the staged set
    rejected: int  # rejections written from the staged set


def load_staged(
    conn: duckdb.DuckDBPyConnection, staging: Staging, store: RawStore, run_id: str | None, now: dt.datetime
) -> list[LoadedPartition]:
    """Load every staged set whose digest differs from the one last loaded for its partition."""
    loaded = dict(conn.execute(LOADED).fetchall())
    staging.register(conn)
    manifests = [m for m in staging.manifests() if loaded.get(m.partition) != m.digest]
    return [load_partition(conn, staging, manifest, store, run_id, now) for manifest in manifests]


def load_partition(
    conn: duckdb.DuckDBPyConnection, staging: Staging, manifest: Manifest, store: RawStore, run_id, now: dt.datetime
) -> LoadedPartition:
    result = read_records(conn, staging, manifest, store, now)
    conn.begin()
    try:
        poll_id = record_poll(conn, result, store, run_id)
        pages = loadable_pages(conn, result, manifest)
        assembly = staged_assembly(conn, staging, manifest, pages)
        write_articles(conn, assembly, now)
        mark_duplicates(conn, assembly.accepted)
        write_extractions(conn, staging, manifest, assembly.accepted, now)
        record = {
            "partition_key": manifest.partition, "set_id": manifest.set_id, "digest": manifest.digest,
            "poll_id": poll_id, "records": result.listed, "articles": len(assembly.accepted), "loaded_at": now,
        }  # fmt: skip
        rows.upsert_rows(conn, "core.staged_partitions", "partition_key", frame("staged_partitions", [record]))
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    accepted, rejected = len(assembly.accepted), len(assembly.rejected)
    return LoadedPartition(manifest.partition, poll_id, result.listed, len(result.documents), accepted, rejected)


def read_records(
    conn: duckdb.DuckDBPyConnection, staging: Staging, manifest: Manifest, store: RawStore, now: dt.datetime
) -> PollResult:
    """The partition's records as a poll of its file: documents, fetches, raw bytes in the store."""
    source = Source(manifest.source_name, "warc", manifest.location, language=manifest.language)
    result = PollResult(source, now)
    known = known_documents(conn)
    for part in staging.read_parts(manifest, "records"):
        for row in part.iter_rows(named=True):
            result.listed += 1
            add_warc_record(source, manifest.location, staged_item(row), known, store, result)
    result.finished_at = dt.datetime.now()
    return result


def staged_item(row: dict) -> WarcResponse | WarcProblem:
    if row["reason"] is not None:
        return WarcProblem(row["url"], row["reason"], row["offset"], row["byte_size"] or 0)
    return WarcResponse(row["url"], row["fetched_at"], row["status"], "text/html", None, row["content"], row["offset"])


def loadable_pages(conn: duckdb.DuckDBPyConnection, result: PollResult, manifest: Manifest) -> pl.DataFrame:
    """(source, content_hash) of the documents whose staged rows stand as they are: new or changed pages
    that are a whole article, staged by this extractor version."""
    pages = [d for d in result.documents if d.content_hash and d.page_number == 1 and d.source == d.canonical_url]
    if manifest.extractor_version != EXTRACTOR_VERSION:
        pages = []
    shared = {url for (url,) in conn.execute(SHARED_ARTICLES, [[d.source for d in pages]]).fetchall()}
    kept = [{"source": d.source, "content_hash": d.content_hash} for d in pages if d.source not in shared]
    return pl.DataFrame(kept, schema={"source": pl.String, "content_hash": pl.String})


def staged_assembly(conn, staging: Staging, manifest: Manifest, pages: pl.DataFrame) -> Assembly:
    """The staged articles and rejections of ``pages``."""
    accepted = [ArticleRecord(**row) for row in staged_rows(conn, staging, manifest, "articles", pages)]
    rejected = [Rejection(**row) for row in staged_rows(conn, staging, manifest, "rejected", pages)]
    return Assembly(accepted, rejected, [article_id(r.source) for r in rejected])


def staged_rows(conn, staging: Staging, manifest: Manifest, table: str, pages: pl.DataFrame) -> list[dict]:
    relation = staging.relation(manifest, table)
    if relation is None or not pages.height:
        return []
    conn.register("pages", pages)
    cursor = conn.execute(f"select staged.* from {relation} as staged join pages using (source, content_hash)")
    columns = [column[0] for column in cursor.description]
    found = [dict(zip(columns, values)) for values in cursor.fetchall()]
    conn.unregister("pages")
    return found


def write_extractions(conn, staging: Staging, manifest: Manifest, accepted: list[ArticleRecord], now) -> None:
    """The staged extraction rows and actors of the accepted articles, and their processing records."""
    pages = pl.DataFrame(
        [{"article_id": a.article_id, "content_hash": a.content_hash} for a in accepted],
        schema={"article_id": pl.String, "content_hash": pl.String},
    )
    conn.register("pages", pages)
    for table in EXTRACTION_TABLES:
        relation = staging.relation(manifest, table)
        if relation is not None and pages.height:
            columns = ", ".join(table_schema(table))
            conn.execute(
                f"insert into core.{table} ({columns}) select {columns} from {relation} as staged "
                "join pages using (article_id, content_hash)"
            )
    actors = staging.relation(manifest, "actors")
    if actors is not None and pages.height:
        columns = ", ".join(table_schema("actors"))
        found = conn.sql(
            f"select {columns} from (select distinct on (actor_id) * from {actors} as staged "
            "where content_hash in (select content_hash from pages) order by actor_id)"
        ).pl()
        rows.upsert_rows(conn, "core.actors", "actor_id", found)
    conn.unregister("pages")
    stamp = {"stage": STAGE, "extractor_version": EXTRACTOR_VERSION, "processed_at": now}
    processing = [{"article_id": a.article_id, "content_hash": a.content_hash, **stamp} for a in accepted]
    rows.insert_rows(conn, "core.processing", frame("processing", processing))
