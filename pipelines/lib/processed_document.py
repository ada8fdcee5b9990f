"""One document from its bytes to its records: the clean article (or the rejection) and every extraction row.

``process_document`` is a pure function of its arguments (no warehouse, no files, no network): the
cleaning of ``articles`` (``clean_page``) and the analysis of ``extractions`` (``extract_text``) for one
page, each within the time limit, so that any process (a backfill step on a worker) can run it and hand
back rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from pipelines.lib.extract.actors.actors import Actor
from pipelines.lib.text.article import DEFAULT_MAX_BYTES, ArticleRecord, Rejection
from pipelines.lib.text.pages import Page
from pipelines.lib.warehouse.articles import clean_page
from pipelines.lib.warehouse.extractions import extract_text, too_slow_reason
from pipelines.lib.warehouse.frames import EXTRACTION_TABLES


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
    page = Page(source, kind, source, 1, hashlib.sha256(content).hexdigest(), language)
    cleaned = clean_page(page, content, ingested, max_bytes, max_seconds)
    if not isinstance(cleaned, ArticleRecord):
        return ProcessedDocument(cleaned)
    found, actors = extract_text(
        cleaned.article_id, cleaned.body, cleaned.published_date, ingested, cleaned.language, max_seconds
    )
    if found is None:
        return ProcessedDocument(Rejection(source, cleaned.content_hash, too_slow_reason(max_seconds), len(content)))
    return ProcessedDocument(cleaned, found, actors)
