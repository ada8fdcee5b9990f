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
from collections.abc import Mapping

import duckdb

from pipelines.lib.text.article import ArticleRecord
from pipelines.lib.text.near_duplicates import DUPLICATE_SIMILARITY, band_keys, signature, similarity
from pipelines.lib.warehouse import rows
from pipelines.lib.warehouse.frames import frame

HELD_IN_BANDS = """
select bands.band_key, bands.article_id, signatures.signature, articles.duplicate_of
from core.article_bands as bands
join core.article_signatures as signatures using (article_id)
join core.articles as articles using (article_id)
where bands.band_key in (select unnest(?))
"""
MARK_COLUMNS = ("article_id", "duplicate_of", "duplicate_similarity")

Held = dict[str, tuple[list[int], str | None]]  # article_id -> (signature, original)
Bands = dict[str, list[str]]  # band key -> article ids


def mark_duplicates(
    conn: duckdb.DuckDBPyConnection, articles: list[ArticleRecord], signed: Mapping[str, list[int]] | None = None
) -> int:
    """Sign the articles and mark their duplicates; returns how many were marked. ``signed`` holds signatures
    already made, by body (a worker's), so that only the other bodies are signed here."""
    if not articles:
        return 0
    signed = signed or {}
    ordered = sorted(articles, key=lambda a: (a.published_date is None, a.published_date or dt.date.min, a.article_id))
    ids = [a.article_id for a in ordered]
    signatures = {a.article_id: signed.get(a.body) or signature(a.body) for a in ordered}
    keys = {article_id: band_keys(sig) for article_id, sig in signatures.items()}
    rows.delete_rows(conn, "core.article_bands", "article_id", ids)
    rows.delete_rows(conn, "core.article_signatures", "article_id", ids)
    held, by_band = held_in_bands(conn, keys)
    marks = [mark(article_id, signatures[article_id], keys[article_id], held, by_band) for article_id in ids]
    write_marks(conn, marks, signatures, keys)
    return sum(m["duplicate_of"] is not None for m in marks)


def held_in_bands(conn: duckdb.DuckDBPyConnection, keys: dict[str, list[str]]) -> tuple[Held, Bands]:
    """The articles already held that share a band key with the batch: signatures, originals, bands."""
    held: Held = {}
    by_band: Bands = defaultdict(list)
    wanted = sorted({key for article_keys in keys.values() for key in article_keys})
    for band_key, article_id, sig, original in conn.execute(HELD_IN_BANDS, [wanted]).fetchall():
        held[article_id] = (sig, original)
        by_band[band_key].append(article_id)
    return held, by_band


def mark(article_id: str, sig: list[int], keys: list[str], held: Held, by_band: Bands) -> dict:
    """The article's most similar candidate, if it is a copy of it; the article joins the candidates."""
    candidates = {other for key in keys for other in by_band[key]}
    scored = [(similarity(sig, held[other][0]), other) for other in candidates]
    best = max(scored, default=(0.0, None))
    is_copy = best[1] is not None and best[0] >= DUPLICATE_SIMILARITY
    original = (held[best[1]][1] or best[1]) if is_copy else None
    held[article_id] = (sig, original)
    for key in keys:
        by_band[key].append(article_id)
    return {"article_id": article_id, "duplicate_of": original, "duplicate_similarity": best[0] if is_copy else None}


def write_marks(
    conn: duckdb.DuckDBPyConnection, marks: list[dict], signatures: dict[str, list[int]], keys: dict[str, list[str]]
) -> None:
    rows.update_rows(conn, "core.articles", "article_id", frame("articles", marks).select(MARK_COLUMNS))
    signature_rows = [{"article_id": article_id, "signature": sig} for article_id, sig in signatures.items()]
    rows.insert_rows(conn, "core.article_signatures", frame("article_signatures", signature_rows))
    band_rows = [{"article_id": article_id, "band_key": key} for article_id, ks in keys.items() for key in ks]
    rows.insert_rows(conn, "core.article_bands", frame("article_bands", band_rows))
