"""Remove an article with everything extracted from it, or turn it into a rejection with a reason."""

from __future__ import annotations

import datetime as dt

import duckdb

from pipelines.lib.text.article import EXTRACTOR_VERSION
from pipelines.lib.warehouse import rows
from pipelines.lib.warehouse.frames import EXTRACTION_TABLES

REJECT_DOCUMENTS_OF_ARTICLES = """
insert or replace into core.rejected (source, content_hash, reason, byte_size, extractor_version, rejected_at)
select documents.source, documents.content_hash, ?, documents.byte_size, ?, ?
from core.documents as documents
join core.articles as articles on articles.source = documents.canonical_url
where articles.article_id in (select unnest(?))
"""
MARK_DOCUMENTS_OF_ARTICLES_REJECTED = """
update core.documents set status = 'rejected'
where canonical_url in (select source from core.articles where article_id in (select unnest(?)))
"""


def clear_extractions(conn: duckdb.DuckDBPyConnection, article_ids: list[str]) -> None:
    """Delete the extraction rows and processing records of the articles."""
    for table in (*EXTRACTION_TABLES, "processing"):
        rows.delete_rows(conn, f"core.{table}", "article_id", article_ids)


def reject_articles(conn: duckdb.DuckDBPyConnection, article_ids: list[str], reason: str, now: dt.datetime) -> None:
    """The articles leave core.articles; each of their documents gets a core.rejected row with ``reason``."""
    if not article_ids:
        return
    conn.execute(REJECT_DOCUMENTS_OF_ARTICLES, [reason, EXTRACTOR_VERSION, now, article_ids])
    conn.execute(MARK_DOCUMENTS_OF_ARTICLES_REJECTED, [article_ids])
    clear_extractions(conn, article_ids)
    rows.delete_rows(conn, "core.articles", "article_id", article_ids)
