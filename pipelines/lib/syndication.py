"""Mark the same text published by several outlets (syndicated wire copy) without deleting it.

Each article's MinHash signature and LSH band keys are kept in the warehouse; a new
article whose estimated similarity to an article already held reaches
``DUPLICATE_SIMILARITY`` is marked ``duplicate_of`` that article (the first one
held, following its own mark), so that counts of distinct reports can leave it out.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from pipelines.lib.article import ArticleRecord
from pipelines.lib.near_duplicates import DUPLICATE_SIMILARITY, band_keys, signature, similarity


def mark_duplicates(conn: duckdb.DuckDBPyConnection, articles: list[ArticleRecord]) -> int:
    """Sign the articles in order of publication and mark their duplicates; returns how many were marked."""
    marked = 0
    ordered = sorted(articles, key=lambda a: (a.published_date is None, a.published_date or dt.date.min, a.article_id))
    for article_id, body in ((a.article_id, a.body) for a in ordered):
        sig = signature(body)
        keys = band_keys(sig)
        conn.execute("delete from core.article_bands where article_id = ?", [article_id])
        conn.execute("delete from core.article_signatures where article_id = ?", [article_id])
        candidates = conn.execute(
            """
            select distinct signatures.article_id, signatures.signature, articles.duplicate_of
            from core.article_bands as bands
            join core.article_signatures as signatures using (article_id)
            join core.articles as articles using (article_id)
            where bands.band_key in (select unnest(?))
            """,
            [keys],
        ).fetchall()
        best = max(
            ((similarity(sig, other), other_id, original) for other_id, other, original in candidates),
            default=None,
        )
        duplicate_of, score = None, None
        if best is not None and best[0] >= DUPLICATE_SIMILARITY:
            score, other_id, original = best
            duplicate_of = original or other_id
            marked += 1
        conn.execute(
            "update core.articles set duplicate_of = ?, duplicate_similarity = ? where article_id = ?",
            [duplicate_of, score, article_id],
        )
        conn.execute("insert into core.article_signatures values (?, ?)", [article_id, sig])
        conn.execute("insert into core.article_bands select ?, unnest(?)", [article_id, keys])
    return marked
