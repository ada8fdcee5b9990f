"""The article read from one page, HTML or plain text, and the error for a page that holds none."""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.lib.text.lines import words


@dataclass(frozen=True)
class Page:
    title: str | None
    body: str  # clean article text, paragraphs separated by "\n\n"
    site: str | None
    author: str | None
    language: str | None
    url: str | None
    dateline_place: str | None
    metadata_date: str | None
    header_text: str
    removed: tuple[str, ...]
    page_kind: str = "article"  # article, gallery, video or listing (``page_kinds``)


class NoArticleText(ValueError):
    """No article text remains (empty, only furniture, or a listing page)."""


def require_text(body: str, why: str = "only furniture") -> str:
    """``body``, or NoArticleText when it has no word."""
    if not words(body):
        raise NoArticleText(f"no article text: {why}")
    return body
