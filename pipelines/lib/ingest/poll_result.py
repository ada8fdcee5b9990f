"""What a poll starts from and what it returns: what the warehouse knows of a document and of a
source's earlier polls, and the documents, fetches and summary of one poll."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pipelines.lib.ingest.source_config import Source


@dataclass(frozen=True)
class Known:
    """What the warehouse holds of one document."""

    source_name: str
    content_hash: str | None
    listed_updated_at: dt.datetime | None  # naive UTC, as feeds and sitemaps give it
    file_signature: str | None
    failed: bool
    attempts: int
    fetched_at: dt.datetime | None = None  # naive local time, as the warehouse records it


@dataclass(frozen=True)
class Earlier:
    """What the earlier polls of one source left: the URLs its last successful poll listed, and the
    documents already recorded as deferred (each is recorded once, not at every poll)."""

    listed: int = 0
    deferred: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Document:
    """A document that is new, changed or failed in this poll (a row of core.documents)."""

    source: str  # the key: inbox path, or canonical URL (with ?page=N beyond the first page)
    source_name: str
    canonical_url: str  # the article it belongs to (all pages of an article share it)
    language: str
    kind: str = "html"  # html | text | unsupported
    url: str | None = None
    page_number: int = 1
    content_hash: str | None = None
    byte_size: int | None = None
    listed_updated_at: dt.datetime | None = None
    file_signature: str | None = None
    error: str | None = None
    attempts: int = 0
    fetched_at: dt.datetime | None = None  # when the bytes were fetched, if not during this poll (WARC-Date)


@dataclass(frozen=True)
class Fetch:
    """One attempt or decision of a poll (a row of core.fetches)."""

    url: str
    source: str | None
    outcome: str  # listing | new | updated | unchanged | duplicate | failed | deferred
    http_status: int | None = None
    error: str | None = None


@dataclass
class PollResult:
    source: Source
    started_at: dt.datetime
    finished_at: dt.datetime | None = None
    listed: int = 0
    documents: list[Document] = field(default_factory=list)
    fetches: list[Fetch] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)  # fetched URL -> document key (redirects)
    deferred: int = 0  # new URLs left for a later poll, including those deferred before
    error: str | None = None

    def count(self, outcome: str) -> int:
        return sum(fetch.outcome == outcome for fetch in self.fetches)
