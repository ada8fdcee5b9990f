"""One document from its bytes to its records: the clean article (or the rejection) and every extraction row.

``process_document`` is a pure function of its arguments (no warehouse, no files, no network): the
cleaning of ``articles`` and the analysis of ``extractions`` for one page, each within the time limit,
so that any process (a backfill step on a worker, a pool of processes) can run it and hand back rows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field

from pipelines.lib.extract.actors.actors import Actor
from pipelines.lib.extract.analysis import analyze
from pipelines.lib.limits import DocumentTimeout, time_limit
from pipelines.lib.text.article import DEFAULT_MAX_BYTES, ArticleRecord, Rejection, build_article
from pipelines.lib.warehouse.frames import EXTRACTION_TABLES, analysis_rows


@dataclass(frozen=True)
class ProcessedDocument:
    """What one document gives: an article with its extraction rows and actors, or a rejection."""

    result: ArticleRecord | Rejection
    rows: dict[str, list[dict]] = field(default_factory=lambda: {name: [] for name in EXTRACTION_TABLES})
    actors: list[Actor] = field(default_factory=list)

    @property
    def article(self) -> ArticleRecord | None:
        return self.result if isinstance(self.result, ArticleRecord) else None


def process_document(
    source: str,
    kind: str,
    content: bytes,
    ingested: dt.date,
    language: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_seconds: float = 60.0,
) -> ProcessedDocument:
    """Clean ``content`` (the document ``source``, of ``kind`` html or text) and extract from the article.

    ``ingested`` is the date the page was fetched: relative dates resolve against it. ``language`` is the
    source's, for an article whose own language is unknown. Slow cleaning or extraction is a rejection.
    """
    cleaned = clean_document(source, kind, content, ingested, language, max_bytes, max_seconds)
    if not isinstance(cleaned, ArticleRecord):
        return ProcessedDocument(cleaned)
    try:
        with time_limit(max_seconds):
            analysis = analyze(cleaned.body, cleaned.published_date, ingested)
    except DocumentTimeout:
        reason = f"too slow: extraction took longer than {max_seconds:g} s"
        return ProcessedDocument(Rejection(source, cleaned.content_hash, reason, len(content)))
    return ProcessedDocument(cleaned, analysis_rows(cleaned.article_id, analysis), analysis.actors)


def clean_document(
    source: str, kind: str, content: bytes, ingested: dt.date, language: str | None, max_bytes: int, max_seconds: float
) -> ArticleRecord | Rejection:
    """The article of one document, or its rejection (also when cleaning takes longer than ``max_seconds``)."""
    try:
        with time_limit(max_seconds):
            result = build_article(source, kind, content, ingested, max_bytes)
    except DocumentTimeout:
        reason = f"too slow: cleaning took longer than {max_seconds:g} s (WARTA_MAX_SECONDS)"
        return Rejection(source, hashlib.sha256(content).hexdigest(), reason, len(content))
    if isinstance(result, ArticleRecord) and not result.language:
        result = dataclasses.replace(result, language=language)
    return result
