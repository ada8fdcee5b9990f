"""Extraction of pending articles: those this extractor version has not processed in their current
content, analysed in batches, each article within the time limit, each batch written in one transaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable

import duckdb
import polars as pl

from pipelines.lib.extract.actors.actors import Actor
from pipelines.lib.extract.analysis import analyze
from pipelines.lib.limits import DocumentTimeout, time_limit
from pipelines.lib.text.article import EXTRACTOR_VERSION
from pipelines.lib.warehouse import rows
from pipelines.lib.warehouse.frames import EXTRACTION_TABLES, actor_rows, analysis_rows, frame, to_frames
from pipelines.lib.warehouse.rejections import reject_articles
from pipelines.lib.workers import Workers

BATCH = 200
STAGE = "extract"
PENDING_ARTICLE_IDS = """
select articles.article_id
from core.articles as articles
left join core.processing as processing
    on processing.article_id = articles.article_id and processing.stage = ?
where processing.article_id is null
   or processing.content_hash <> articles.content_hash
   or processing.extractor_version <> ?
order by articles.article_id
"""
ARTICLES_OF_IDS = """
select article_id, body, published_date, ingested_at, content_hash, language
from core.articles
where article_id in (select unnest(?))
order by article_id
"""


@dataclasses.dataclass(frozen=True)
class PendingArticle:
    article_id: str
    body: str
    published_date: dt.date | None
    ingested_at: dt.datetime
    content_hash: str
    language: str | None = None  # the language the text was detected in: its lexicons read it


@dataclasses.dataclass
class BatchExtraction:
    """The rows of every extraction table for a batch, its actors, and the articles that took too long."""

    rows: dict[str, list[dict]] = dataclasses.field(default_factory=lambda: {name: [] for name in EXTRACTION_TABLES})
    actors: list[Actor] = dataclasses.field(default_factory=list)
    too_slow: list[str] = dataclasses.field(default_factory=list)


def pending_article_ids(conn: duckdb.DuckDBPyConnection) -> list[str]:
    return [row[0] for row in conn.execute(PENDING_ARTICLE_IDS, [STAGE, EXTRACTOR_VERSION]).fetchall()]


def articles_of(conn: duckdb.DuckDBPyConnection, ids: list[str]) -> list[PendingArticle]:
    return [PendingArticle(*row) for row in conn.execute(ARTICLES_OF_IDS, [ids]).fetchall()]


def extract_pending(
    conn: duckdb.DuckDBPyConnection,
    max_seconds: float,
    now: dt.datetime,
    progress: Callable[[str], None],
    workers: Workers | None = None,
    batch_size: int = BATCH,
) -> tuple[int, Counter]:
    """Extract every pending article, batch by batch across the workers, each batch read, then written and
    committed before the next (while the workers extract the next): only two batches' texts are held at a
    time. Returns how many were processed and the rows written per table."""
    pending = pending_article_ids(conn)
    workers = workers or Workers(1)
    written: Counter = Counter()
    batches = (articles_of(conn, pending[start : start + batch_size]) for start in range(0, len(pending), batch_size))
    tasks = ([(article, max_seconds) for article in batch] for batch in batches)
    done = 0
    for items, results in workers.map_chunks(extract_article, tasks):
        batch = [article for article, _ in items]
        written.update(write_batch(conn, batch, batch_extraction(results), max_seconds, now))
        done += len(batch)
        progress(f"extracted {done}/{len(pending)} articles")
    return len(pending), written


def batch_extraction(results: list[tuple[str, dict[str, list[dict]] | None, list[Actor]]]) -> BatchExtraction:
    """The rows and actors of a batch's extraction results, and the articles that took too long."""
    extraction = BatchExtraction()
    for article_id, article_rows, actors in results:
        if article_rows is None:
            extraction.too_slow.append(article_id)
            continue
        extraction.actors += actors
        for name, items in article_rows.items():
            extraction.rows[name] += items
    return extraction


def extract_article(task: tuple[PendingArticle, float]) -> tuple[str, dict[str, list[dict]] | None, list[Actor]]:
    """One article's extraction rows and actors, or no rows when it takes longer than the time limit."""
    article, max_seconds = task
    ingested = article.ingested_at.date()
    found, actors = extract_text(
        article.article_id, article.body, article.published_date, ingested, article.language, max_seconds
    )
    return article.article_id, found, actors


def extract_text(
    article_id: str,
    body: str,
    published_date: dt.date | None,
    ingested: dt.date,
    language: str | None,
    max_seconds: float,
) -> tuple[dict[str, list[dict]] | None, list[Actor]]:
    """The extraction rows and actors of one article's text, read with the lexicons of ``language`` (relative
    dates against ``ingested``), or no rows when the analysis takes longer than ``max_seconds``."""
    try:
        with time_limit(max_seconds):
            analysis = analyze(body, published_date, ingested, language)
    except DocumentTimeout:
        return None, []
    return analysis_rows(article_id, analysis), analysis.actors


def too_slow_reason(max_seconds: float) -> str:
    """The rejection reason of an article whose extraction took longer than the time limit."""
    return f"too slow: extraction took longer than {max_seconds:g} s"


def write_batch(
    conn: duckdb.DuckDBPyConnection,
    batch: list[PendingArticle],
    extraction: BatchExtraction,
    max_seconds: float,
    now: dt.datetime,
) -> Counter:
    """Replace the batch's extraction rows, in one transaction (a failed batch is redone on the next run);
    the articles that took too long become rejections. Returns the rows written per table."""
    ids = [article.article_id for article in batch]
    conn.begin()
    written = Counter(
        {
            name: rows.replace_rows(conn, f"core.{name}", "article_id", ids, table_rows)
            for name, table_rows in to_frames(extraction.rows).items()
        }
    )
    rows.upsert_rows(conn, "core.actors", "actor_id", actor_rows(extraction.actors))
    rows.replace_rows(conn, "core.processing", "article_id", ids, processing_rows(batch, now))
    reject_articles(conn, extraction.too_slow, too_slow_reason(max_seconds), now)
    conn.commit()
    return written


def processing_rows(batch: list[PendingArticle], now: dt.datetime) -> pl.DataFrame:
    stamp = {"stage": STAGE, "extractor_version": EXTRACTOR_VERSION, "processed_at": now}
    return frame("processing", [{"article_id": a.article_id, "content_hash": a.content_hash, **stamp} for a in batch])
