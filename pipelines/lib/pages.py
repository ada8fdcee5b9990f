"""Multi-page articles (``?page=2``, ``?page=3`` …) become one article: pages in order, one body."""

from __future__ import annotations

import dataclasses
import hashlib

from pipelines.lib.article import ArticleRecord, article_id


def join_pages(article_url: str, pages: list[ArticleRecord]) -> ArticleRecord:
    """The first page's title, date and byline; the bodies of every page, in order, a blank line apart."""
    if len(pages) == 1 and pages[0].source == article_url:
        return pages[0]
    body = "\n\n".join(page.body for page in pages)
    combined = hashlib.sha256("".join(page.content_hash for page in pages).encode()).hexdigest()
    return dataclasses.replace(
        pages[0],
        article_id=article_id(article_url),
        source=article_url,
        url=article_url,
        content_hash=combined,
        body=body,
        word_count=len(body.split()),
    )
