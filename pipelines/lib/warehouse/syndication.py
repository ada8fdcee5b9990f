"""Mark the same text published by several outlets (syndicated wire copy) without deleting it.

Each article's MinHash signature and LSH band keys are kept in the warehouse; an article
whose estimated similarity to an article held before it (or earlier in the same batch, in
order of publication) reaches ``DUPLICATE_SIMILARITY`` is marked ``duplicate_of`` that
article (its original, when that one is itself a copy), so that counts of distinct reports
can leave it out. One query reads the candidates of a whole batch, and three statements
write it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import duckdb
import polars as pl

from pipelines.lib.text.article import ArticleRecord
from pipelines.lib.text.near_duplicates import DUPLICATE_SIMILARITY, band_keys, signature, similarity
from pipelines.lib.warehouse import database as wh


def mark_duplicates(conn: duckdb.DuckDBPyConnection, articles: list[ArticleRecord]) -> int:
    """Sign the articles and mark their duplicates; returns how many were marked."""
    if not articles:
        return 0
    ordered = sorted(articles, key=lambda a: (a.published_date is None, a.published_date or dt.date.min, a.article_id))
    ids = [a.article_id for a in ordered]
    signatures = {a.article_id: signature(a.body) for a in ordered}
    keys = {article_id: band_keys(sig) for article_id, sig in signatures.items()}
    wh.delete_rows(conn, "core.article_bands", "article_id", ids)
    wh.delete_rows(conn, "core.article_signatures", "article_id", ids)

    held: dict[str, tuple[list[int], str | None]] = {}  # article_id -> (signature, original)
    by_band: dict[str, list[str]] = defaultdict(list)
    rows = conn.execute(
        """
        select bands.band_key, bands.article_id, signatures.signature, articles.duplicate_of
        from core.article_bands as bands
        join core.article_signatures as signatures using (article_id)
        join core.articles as articles using (article_id)
        where bands.band_key in (select unnest(?))
        """,
        [sorted({key for article_keys in keys.values() for key in article_keys})],
    ).fetchall()
    for band_key, article_id, sig, original in rows:
        held[article_id] = (sig, original)
        by_band[band_key].append(article_id)

    marks = []
    for article_id in ids:
        sig = signatures[article_id]
        candidates = {other for key in keys[article_id] for other in by_band[key]}
        scored = [(similarity(sig, held[other][0]), other) for other in candidates]
        best = max(scored, default=(0.0, None))
        is_copy = best[1] is not None and best[0] >= DUPLICATE_SIMILARITY
        original = (held[best[1]][1] or best[1]) if is_copy else None
        marks.append({"article_id": article_id, "duplicate_of": original, "similarity": best[0] if is_copy else None})
        held[article_id] = (sig, original)
        for key in keys[article_id]:
            by_band[key].append(article_id)

    conn.register("marks", pl.DataFrame(marks, schema={"article_id": pl.String, "duplicate_of": pl.String,
                                                        "similarity": pl.Float64}))  # fmt: skip
    conn.execute(
        "update core.articles set duplicate_of = marks.duplicate_of, duplicate_similarity = marks.similarity"
        " from marks where core.articles.article_id = marks.article_id"
    )
    conn.unregister("marks")
    wh.insert_rows(
        conn,
        "core.article_signatures",
        pl.DataFrame({"article_id": ids, "signature": [signatures[i] for i in ids]},
                     schema={"article_id": pl.String, "signature": pl.List(pl.Int64)}),
    )  # fmt: skip
    wh.insert_rows(
        conn,
        "core.article_bands",
        pl.DataFrame(
            [(article_id, key) for article_id in ids for key in keys[article_id]],
            schema={"article_id": pl.String, "band_key": pl.String},
            orient="row",
        ),
    )
    return sum(mark["duplicate_of"] is not None for mark in marks)
