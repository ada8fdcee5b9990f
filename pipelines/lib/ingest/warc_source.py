"""The pages of a WARC source: its files, each opened as a stream, and the records kept from them.

A response is kept when it has status 200 and an HTML media type, and comes from one of the
source's ``hosts`` and in one of its ``languages`` (when it lists them). Other statuses and media
types, truncated and malformed records come through as ``WarcProblem``, so that they are recorded
with their reason, never dropped; pages the host or language filters leave out are counted by
reason in ``WarcRead.skipped``. Local files are opened directly, http(s) URLs through
the same address checks as fetched pages, any other URL (``s3://…``) through fsspec.
"""

from __future__ import annotations

import glob
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import fsspec

from pipelines.lib.ingest.connections import pool_for
from pipelines.lib.ingest.fetch import USER_AGENT, FetchError, resolve_target
from pipelines.lib.ingest.source_config import Source
from pipelines.lib.ingest.urls import is_http_url
from pipelines.lib.ingest.warc_options import host_matches
from pipelines.lib.ingest.warc_records import WarcProblem, WarcResponse, read_responses

HTML_TYPES = ("text/html", "application/xhtml+xml")
DOWNLOAD_HOURS = 6  # an archive download may take this long; each read waits at most READ_SECONDS
READ_SECONDS = 120
LanguageOf = Callable[[bytes, str | None], str | None]  # a page's language from its bytes and Content-Language


@dataclass
class WarcRead:
    """What reading one file kept: pages and problems come from ``items()``; the rest is counted here."""

    location: str
    skipped: Counter = field(default_factory=Counter)  # reason -> records


def warc_files(source: Source) -> list[str]:
    """The files of a WARC source: its URLs, or the files its path or glob names, sorted."""
    if source.urls:
        return list(source.urls)
    return sorted(glob.glob(source.location, recursive=True)) if glob.has_magic(source.location) else [source.location]


def read_pages(
    source: Source, location: str, max_bytes: int, read: WarcRead, language_of: LanguageOf | None = None
) -> Iterator[WarcResponse | WarcProblem]:
    """The kept pages and the problems of one file of ``source``; skipped records counted in ``read``.
    A source with a ``languages`` filter needs ``language_of``, the page language detector of the text stage
    (``pipelines.lib.text.detected_language``): ingest reads no page text itself."""
    if source.languages and language_of is None:
        raise ValueError(f"source {source.name!r} keeps pages by language: a language detector is needed")
    try:
        with open_warc(location, source.allow_private) as stream:
            for item in read_responses(stream, max_bytes):
                if isinstance(item, WarcResponse) and (refusal := refusal_reason(item)):
                    yield WarcProblem(item.url, refusal, item.offset, len(item.content))
                elif isinstance(item, WarcResponse) and (reason := skip_reason(item, source, language_of)):
                    read.skipped[reason] += 1
                else:
                    yield item
    except (OSError, FetchError, ValueError) as error:
        yield WarcProblem(None, f"cannot read {location}: {error}", 0)


def refusal_reason(response: WarcResponse) -> str | None:
    """Why a response holds no page: a status other than 200, or a media type other than HTML."""
    if response.status != 200:
        return f"not a page: HTTP status {response.status}"
    if response.content_type not in HTML_TYPES:
        return f"not a page: {response.content_type or 'no media type'}, not HTML"
    return None


def skip_reason(response: WarcResponse, source: Source, language_of: LanguageOf | None = None) -> str | None:
    """Why the source's filters leave a page out (``host``, ``language``), or None."""
    if not host_matches(response.url, source.hosts):
        return "host"
    if source.languages and language_of(response.content, response.content_language) not in source.languages:
        return "language"
    return None


@contextmanager
def open_warc(location: str, allow_private: bool = False) -> Iterator[BinaryIO]:
    """A binary stream of the file at ``location``: a path, an http(s) URL or an fsspec URL."""
    if is_http_url(location):
        with _download(location, allow_private) as stream:
            yield stream
    elif "://" in location:
        with fsspec.open(location, "rb") as stream:
            yield stream
    else:
        with Path(location).open("rb") as stream:
            yield stream


@contextmanager
def _download(url: str, allow_private: bool) -> Iterator[BinaryIO]:
    """The body of ``url`` as it arrives (no redirect followed: archives are fetched from where they are)."""
    target = resolve_target(url, allow_private)
    parts = target.parts
    port = parts.port or (443 if parts.scheme == "https" else 80)
    deadline = time.monotonic() + DOWNLOAD_HOURS * 3600
    pool = pool_for(
        parts.scheme, parts.host, port, target.addresses, deadline, READ_SECONDS, {"User-Agent": USER_AGENT}
    )
    try:
        response = pool.urlopen("GET", parts.request_uri, preload_content=False, redirect=False, retries=False)
        if response.status != 200:
            raise FetchError(f"HTTP {response.status}", response.status)
        yield response
    finally:
        pool.close()
