"""From the raw bytes of one input to a clean article, or a rejection with its reason."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from pipelines.lib.dates import find_publication_date
from pipelines.lib.limits import DocumentTimeout
from pipelines.lib.text.characters import control_share
from pipelines.lib.text.decoding import decode_html, decode_text
from pipelines.lib.text.html_page import page_from_html
from pipelines.lib.text.page import NoArticleText, Page
from pipelines.lib.text.plain_page import page_from_text

# Bump when extraction changes in a way that should reach stored articles;
# `warta run --reprocess` (or the run config `reprocess: true`) then redoes them all.
EXTRACTOR_VERSION = "2026.12.02.1"
DEFAULT_MAX_BYTES = 5_000_000
MAX_CONTROL_SHARE = 0.02  # text has next to no control characters; binary data read as text about 1 in 4
BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x1f\x8b": "gzip-compressed data",
}


@dataclass(frozen=True)
class ArticleRecord:
    article_id: str
    source: str
    content_hash: str
    url: str | None
    site: str | None
    title: str | None
    published_date: dt.date | None
    published_date_note: str | None
    is_published_date_contradiction: bool
    language: str | None
    author: str | None
    dateline_place: str | None
    body: str
    word_count: int


@dataclass(frozen=True)
class Rejection:
    source: str
    content_hash: str | None
    reason: str
    byte_size: int


def article_id(source: str) -> str:
    """Stable per input: a changed file keeps its id and replaces its rows."""
    return "art_" + hashlib.sha256(source.encode()).hexdigest()[:16]


def _problem(content: bytes, kind: str, max_bytes: int) -> str | None:
    """Why the bytes are no article, judged before decoding them (the size first: an
    oversized input is never copied or parsed)."""
    if len(content) > max_bytes:
        return f"oversized input: {len(content)} bytes, the limit is {max_bytes} (WARTA_MAX_BYTES)"
    if not content or content.isspace():
        return "empty input: no bytes or only whitespace"
    for signature, what in BINARY_SIGNATURES.items():
        if content.startswith(signature):
            return f"binary input: {what}, not an article"
    if b"\x00" in content[:8192] and not content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary input: contains NUL bytes"
    if kind == "unsupported":
        return "unsupported file type: an inbox holds .html, .htm and .txt articles (URLs go in the sources file)"
    return None


def _decode(content: bytes, kind: str) -> str:
    """The input's text (raises ValueError when it is undecodable or binary)."""
    decoded = decode_html(content) if kind == "html" else decode_text(content)
    share = control_share(decoded.text)
    if share > MAX_CONTROL_SHARE:
        raise ValueError(f"binary input: {share:.0%} control characters when read as {decoded.encoding}, not text")
    return decoded.text


def _published(page: Page, ingested: dt.date) -> tuple[dt.date | None, str | None, bool]:
    if page.metadata_date:
        try:
            return dt.date.fromisoformat(page.metadata_date[:10]), "page metadata", False
        except ValueError:
            pass
    stated = find_publication_date(page.header_text + "\n" + page.body, ingested)
    if stated is None:
        return None, None, False
    return stated.value, stated.note or "stated in the text", stated.is_contradiction


def _read_page(source: str, kind: str, content: bytes) -> Page:
    """The article in the input's bytes (raises NoArticleText, ValueError or an extractor's error)."""
    text = _decode(content, kind)
    if kind == "html":
        page = page_from_html(text, url=source if "://" in source else None)
    else:
        page = page_from_text(text)
    if not page.body.strip():
        raise NoArticleText("no article text after cleaning")
    return page


def build_article(
    source: str, kind: str, content: bytes, ingested: dt.date, max_bytes: int = DEFAULT_MAX_BYTES
) -> ArticleRecord | Rejection:
    """Clean one input. Never raises for bad input: it returns a Rejection instead."""
    digest = hashlib.sha256(content).hexdigest()
    problem = _problem(content, kind, max_bytes)
    if problem:
        return Rejection(source, digest, problem, len(content))
    try:
        page = _read_page(source, kind, content)
        published = _published(page, ingested)
    except (NoArticleText, ValueError) as error:
        return Rejection(source, digest, str(error), len(content))
    except DocumentTimeout as error:
        return Rejection(source, digest, f"timeout: {error}", len(content))
    except RecursionError:
        return Rejection(
            source, digest, "extraction failed: structure nested too deeply (RecursionError)", len(content)
        )
    except MemoryError:
        return Rejection(source, digest, "extraction failed: out of memory", len(content))
    except Exception as error:  # an extractor bug must not stop the batch
        return Rejection(source, digest, f"extraction failed: {type(error).__name__}: {error}", len(content))
    return _record(source, digest, page, *published)


def _record(
    source: str, digest: str, page: Page, published: dt.date | None, note: str | None, contradiction: bool
) -> ArticleRecord:
    return ArticleRecord(
        article_id=article_id(source),
        source=source,
        content_hash=digest,
        url=page.url or (source if "://" in source else None),
        site=page.site,
        title=page.title,
        published_date=published,
        published_date_note=note,
        is_published_date_contradiction=contradiction,
        language=page.language,
        author=page.author,
        dateline_place=page.dateline_place,
        body=page.body,
        word_count=len(page.body.split()),
    )
