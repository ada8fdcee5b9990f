"""One poll of one source: what it lists, what is new or changed, and the raw bytes of that.

A poll fetches only what the warehouse does not hold yet: a URL already stored is
fetched again only when its feed or sitemap says it was updated since, and a URL
that failed is tried again. Inbox files are read only when their size or
modification time changed. Every outcome is returned, never raised: a source that
cannot be read gives a ``PollResult`` with its ``error``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.lib.ingest.feeds import Entry, FeedError, parse_listing
from pipelines.lib.ingest.fetch import Fetcher, FetchError
from pipelines.lib.ingest.raw_store import RawStore
from pipelines.lib.ingest.source_config import Source
from pipelines.lib.ingest.urls import canonical_url, split_page
from pipelines.lib.ingest.warc_records import WarcProblem, WarcResponse
from pipelines.lib.ingest.warc_source import WarcRead, read_pages, warc_files

ARTICLE_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text"}
MAX_CHILD_SITEMAPS = 50
MAX_ATTEMPTS = 5  # a failed URL its source no longer lists is given up after this many failures


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
    error: str | None = None

    def count(self, outcome: str) -> int:
        return sum(fetch.outcome == outcome for fetch in self.fetches)


def due_sources(selected: list[Source], last_polled: Mapping[str, dt.datetime], ignore_intervals: bool = False):
    """The sources whose interval has passed since their last successful poll."""
    now = dt.datetime.now()
    return [
        source
        for source in selected
        if ignore_intervals
        or source.name not in last_polled
        or now - last_polled[source.name] >= dt.timedelta(minutes=source.interval_minutes)
    ]


def document_key(url: str) -> tuple[str, str, int]:
    """(document key, article URL, page number) of a URL."""
    article, page = split_page(url)
    return (article if page == 1 else canonical_url(url)), article, page


def poll(
    source: Source,
    known: Mapping[str, Known],
    aliases: Mapping[str, str],
    fetcher: Fetcher,
    store: RawStore,
    max_bytes: int,
) -> PollResult:
    result = PollResult(source, dt.datetime.now())
    try:
        if source.kind == "inbox":
            _poll_inbox(source, known, store, max_bytes, result)
        elif source.kind == "warc":
            _poll_warc(source, known, store, max_bytes, result)
        else:
            _poll_web(source, known, aliases, fetcher, store, result)
    except Exception as error:  # one broken source must not stop the others
        result.error = f"{type(error).__name__}: {error}"
    result.finished_at = dt.datetime.now()
    return result


def remember(known: dict[str, Known], aliases: dict[str, str], result: PollResult) -> None:
    """Add what a poll found to ``known`` and ``aliases``, so that the next source of the run skips it."""
    aliases.update(result.aliases)
    for doc in result.documents:
        before = known.get(doc.source)
        if doc.content_hash is None and before is not None and before.content_hash is not None:
            continue  # a failed refetch does not undo what is held
        known[doc.source] = Known(
            doc.source_name, doc.content_hash, doc.listed_updated_at, doc.file_signature,
            doc.content_hash is None, doc.attempts, doc.fetched_at or dt.datetime.now(),
        )  # fmt: skip


def _poll_inbox(source: Source, known: Mapping[str, Known], store: RawStore, max_bytes: int, result: PollResult):
    folder = Path(source.location)
    if not folder.is_dir():
        result.error = f"inbox folder {folder} does not exist"
        return
    for path, relative in inbox_files(folder):
        result.listed += 1
        key = f"{source.name}/{relative}"
        stat = path.stat()
        signature = f"{stat.st_size}:{stat.st_mtime_ns}"
        before = known.get(key)
        if before is not None and before.file_signature == signature:
            continue
        kind = ARTICLE_SUFFIXES.get(path.suffix.lower(), "unsupported")
        error = _inbox_problem(path, folder, stat.st_size, max_bytes)
        content = None if error else path.read_bytes()
        digest = store.put(content) if content is not None else None
        outcome = _outcome(before, digest, error)
        result.fetches.append(Fetch(str(relative), key, outcome, error=error))
        result.documents.append(
            Document(
                key, source.name, key, source.language, kind=kind, content_hash=digest, byte_size=stat.st_size,
                file_signature=signature, error=error,
            )
        )  # fmt: skip


def inbox_files(folder: Path) -> Iterator[tuple[Path, str]]:
    """Every file under ``folder`` with its relative path, hidden files and folders left out."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                path = Path(root) / name
                yield path, path.relative_to(folder).as_posix()


def _inbox_problem(path: Path, folder: Path, size: int, max_bytes: int) -> str | None:
    if path.is_symlink() and not path.resolve().is_relative_to(folder.resolve()):
        return "refused: a symbolic link to a file outside the inbox"
    if size > max_bytes:
        return f"oversized input: {size} bytes, the limit is {max_bytes} (WARTA_MAX_BYTES)"
    return None


def _poll_web(source, known, aliases, fetcher: Fetcher, store: RawStore, result: PollResult) -> None:
    entries = [Entry(url, None, None, None) for url in source.urls] if source.kind == "urls" else None
    if entries is None:
        entries = _listing_entries(source.location, fetcher, result)
        if entries is None:
            return
    result.listed = len(entries)
    retry = [  # failed before and no longer listed: tried again on the next polls, up to MAX_ATTEMPTS
        key
        for key, state in known.items()
        if state.failed and state.source_name == source.name and state.attempts < MAX_ATTEMPTS
    ]
    candidates = [(e.url, e.updated_at) for e in entries] + [(key, None) for key in retry]
    fetched_new, seen = 0, set()
    for url, updated_at in candidates:
        key, article, page = document_key(url)
        key = aliases.get(key, key)
        if key in seen:
            continue
        seen.add(key)
        before = known.get(key)
        if before is not None and not before.failed and not _updated(before, updated_at):
            continue
        if before is None:
            if fetched_new >= source.max_articles:
                result.fetches.append(Fetch(url, key, "deferred", error=f"over max_articles={source.max_articles}"))
                continue
            fetched_new += 1
        _fetch_document(source, url, key, before, updated_at, known, fetcher, store, result)


def _listing_entries(location: str, fetcher: Fetcher, result: PollResult) -> list[Entry] | None:
    entries: list[Entry] = []
    pending, visited = [location], 0
    while pending and visited <= MAX_CHILD_SITEMAPS:
        url = pending.pop(0)
        visited += 1
        try:
            response = fetcher.get(url)
            listing = parse_listing(response.content, response.final_url)
        except (FetchError, FeedError) as error:
            result.fetches.append(Fetch(url, None, "failed", getattr(error, "status", None), str(error)))
            if url == location:
                result.error = f"{url}: {error}"
                return None
            continue
        result.fetches.append(Fetch(url, None, "listing", response.status))
        entries += listing.entries
        pending += listing.sitemaps
    return entries


def _updated(before: Known, updated_at: dt.datetime | None) -> bool:
    """Whether the listing announces a change after what is held (its last announced update, or the fetch)."""
    if updated_at is None:
        return False
    held = [before.listed_updated_at]
    if before.fetched_at is not None:
        held.append(before.fetched_at.astimezone(dt.timezone.utc).replace(tzinfo=None))
    held = [moment for moment in held if moment is not None]
    return not held or updated_at > max(held)


def _fetch_document(source, url, key, before, updated_at, known, fetcher, store, result: PollResult) -> None:
    try:
        response = fetcher.get(url)
    except FetchError as error:
        result.fetches.append(Fetch(url, key, "failed", error.status, error.reason))
        if before is None or before.failed:
            _, article, page = document_key(url)
            attempts = (before.attempts if before else 0) + 1
            result.documents.append(
                Document(
                    key, source.name, article, source.language, url=url, page_number=page,
                    listed_updated_at=updated_at, error=error.reason, attempts=attempts,
                )
            )  # fmt: skip
        return
    final_key, article, page = document_key(response.final_url)
    if final_key != key:
        result.aliases[key] = final_key
        other = known.get(final_key)
        if other is not None and not other.failed or any(d.source == final_key for d in result.documents):
            result.fetches.append(Fetch(url, final_key, "duplicate", response.status))
            return
        before = other
    digest = store.put(response.content)
    outcome = _outcome(before, digest, None)
    result.fetches.append(Fetch(url, final_key, outcome, response.status))
    result.documents.append(
        Document(
            final_key, source.name, article, source.language, url=response.final_url, page_number=page,
            content_hash=digest, byte_size=len(response.content), listed_updated_at=updated_at,
        )
    )  # fmt: skip


def _outcome(before: Known | None, digest: str | None, error: str | None) -> str:
    if error:
        return "failed"
    if before is None or before.content_hash is None:
        return "new"
    return "unchanged" if before.content_hash == digest else "updated"


def _poll_warc(source: Source, known: Mapping[str, Known], store: RawStore, max_bytes: int, result: PollResult):
    for location in warc_files(source):
        for item in read_pages(source, location, max_bytes, WarcRead(location)):
            result.listed += 1
            add_warc_record(source, location, item, known, store, result)


def add_warc_record(
    source: Source, location: str, item: WarcResponse | WarcProblem, known: Mapping[str, Known], store: RawStore,
    result: PollResult,
) -> None:  # fmt: skip
    """A WARC record as a fetched page: new, updated, failed, or an older copy (duplicate); unchanged is skipped."""
    if isinstance(item, WarcProblem):
        _add_warc_problem(source, location, item, known, result)
        return
    key, article, page = document_key(item.url)
    fetched_at = item.fetched_at.replace(tzinfo=dt.timezone.utc).astimezone().replace(tzinfo=None)
    before = known.get(key)
    earlier = [doc for doc in result.documents if doc.source == key]  # read before in this poll
    held = next((doc for doc in earlier if doc.content_hash), None)
    if held is not None and held.fetched_at >= fetched_at:
        result.fetches.append(Fetch(item.url, key, "duplicate", item.status, "an older copy than one read before"))
        return
    for doc in earlier:
        result.documents.remove(doc)
    digest = hashlib.sha256(item.content).hexdigest()
    if before is not None and not before.failed and held is None:
        if before.content_hash == digest:
            return
        if before.fetched_at is not None and before.fetched_at >= fetched_at:
            result.fetches.append(Fetch(item.url, key, "duplicate", item.status, "an older copy than the one held"))
            return
    store.put(item.content)
    result.fetches.append(Fetch(item.url, key, _outcome(before, digest, None), item.status))
    result.documents.append(
        Document(
            key, source.name, article, source.language, url=item.url, page_number=page, content_hash=digest,
            byte_size=len(item.content), fetched_at=fetched_at,
        )
    )  # fmt: skip


def _add_warc_problem(source: Source, location: str, item: WarcProblem, known: Mapping[str, Known], result):
    """A record that could not be read: a failed document (under its URL, else its place in the file)."""
    place = f"{source.name}/{location.rstrip('/').rsplit('/', 1)[-1]}#{item.offset}"
    key, article, page = document_key(item.url) if item.url else (place, place, 1)
    result.fetches.append(Fetch(item.url or place, key, "failed", error=item.reason))
    before = known.get(key)
    if (before is None or before.failed) and not any(doc.source == key for doc in result.documents):
        attempts = (before.attempts if before else 0) + 1
        result.documents.append(
            Document(
                key, source.name, article, source.language, url=item.url, page_number=page,
                byte_size=item.byte_size, error=item.reason, attempts=attempts,
            )
        )  # fmt: skip
