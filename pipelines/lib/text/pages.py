"""From stored documents to articles: the pages of a multi-page article (``?page=2`` …) become one
article, its pages in order; ``page=all`` (page number 0) stands for all of them when present."""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from pipelines.lib.text.article import ArticleRecord, Rejection, article_id


@dataclass(frozen=True)
class Page:
    """A stored document, as ``core.documents`` holds it."""

    source: str
    kind: str
    canonical_url: str
    page_number: int
    content_hash: str
    language: str | None


@dataclass
class Assembly:
    accepted: list[ArticleRecord] = dataclasses.field(default_factory=list)
    rejected: list[Rejection] = dataclasses.field(default_factory=list)
    emptied: list[str] = dataclasses.field(default_factory=list)  # article ids none of whose pages holds text


def articles_of(pages: Iterable[Page]) -> Iterator[tuple[str, list[Page]]]:
    """Each article's canonical URL and the pages to clean for it: its ``page=all`` page when there is one,
    else every page in order. ``pages`` sorted by canonical URL and page number."""
    for canonical, group in itertools.groupby(pages, key=lambda page: page.canonical_url):
        group = list(group)
        whole = [page for page in group if page.page_number == 0]
        yield canonical, whole[:1] or group


def pages_to_clean(pages: Iterable[Page]) -> list[Page]:
    return [page for _, chosen in articles_of(pages) for page in chosen]


def chunks(pages: list[Page], size: int) -> Iterator[list[Page]]:
    """``pages`` in chunks of about ``size`` pages, never splitting an article's pages."""
    chunk: list[Page] = []
    for _, group in itertools.groupby(pages, key=lambda page: page.canonical_url):
        chunk += group
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def assemble(pages: Iterable[Page], build: Callable[[Page], ArticleRecord | Rejection]) -> Assembly:
    """``pages`` sorted by canonical URL and page number; ``build`` cleans one page."""
    assembly = Assembly()
    for canonical, chosen in articles_of(pages):
        results = [build(page) for page in chosen]
        built = [r for r in results if isinstance(r, ArticleRecord)]
        assembly.rejected += [r for r in results if isinstance(r, Rejection)]
        if built:
            assembly.accepted.append(join_pages(canonical, built))
        else:
            assembly.emptied.append(article_id(canonical))
    return assembly


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
