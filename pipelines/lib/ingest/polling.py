"""One poll of one source: what it lists, what is new or changed, and the raw bytes of that.

A poll fetches only what the warehouse does not hold yet: a URL already stored is
fetched again only when its feed or sitemap says it was updated since, and a URL
that failed is tried again. Inbox files are read only when their size or
modification time changed. Every outcome is returned, never raised: a source that
cannot be read gives a ``PollResult`` with its ``error``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pipelines.lib.ingest.feeds import Entry
from pipelines.lib.ingest.fetch import Fetcher, FetchError
from pipelines.lib.ingest.inbox import InboxRefusal, file_status, inbox_files, read_inbox_file
from pipelines.lib.ingest.listings import listing_entries
from pipelines.lib.ingest.poll_result import Document, Earlier, Fetch, Known, PollResult
from pipelines.lib.ingest.raw_store import RawStore
from pipelines.lib.ingest.source_config import Source
from pipelines.lib.ingest.urls import canonical_url, split_page
from pipelines.lib.ingest.warc_records import WarcProblem, WarcResponse
from pipelines.lib.ingest.warc_source import LanguageOf, WarcRead, read_pages, warc_files
from pipelines.lib.workers import default_count

ARTICLE_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text"}
MAX_ATTEMPTS = 5  # a failed URL its source no longer lists is given up after this many failures


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
    earlier: Earlier = Earlier(),
    language_of: LanguageOf | None = None,
) -> PollResult:
    """One poll of ``source``; ``language_of`` tells a page's language, for a WARC source's ``languages`` filter."""
    result = PollResult(source, dt.datetime.now())
    try:
        if source.kind == "inbox":
            _poll_inbox(source, known, store, max_bytes, result)
        elif source.kind == "warc":
            _poll_warc(source, known, store, max_bytes, language_of, result)
        else:
            _poll_web(source, known, aliases, fetcher, store, earlier, result)
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


@dataclasses.dataclass(frozen=True)
class _ChangedFile:
    path: Path
    name: str
    key: str
    byte_size: int
    signature: str
    before: Known | None


def _poll_inbox(source: Source, known: Mapping[str, Known], store: RawStore, max_bytes: int, result: PollResult):
    """The inbox files new or changed since the last poll, read and stored on one thread per core (hashing and
    compressing let go of the interpreter lock), recorded in listing order."""
    folder = Path(source.location)
    if not folder.is_dir():
        result.error = f"inbox folder {folder} does not exist"
        return
    changed = []
    for path, name in inbox_files(folder):
        result.listed += 1
        key = f"{source.name}/{name}"
        status = file_status(path)
        signature = f"{status.st_size}:{status.st_mtime_ns}"
        before = known.get(key)
        if before is None or before.file_signature != signature:
            changed.append(_ChangedFile(path, name, key, status.st_size, signature, before))
    with ThreadPoolExecutor(default_count()) as readers:
        stored = readers.map(lambda file: _read_and_store(file.path, folder, max_bytes, store), changed)
        for file, (digest, error) in zip(changed, stored):
            result.fetches.append(Fetch(file.name, file.key, _outcome(file.before, digest, error), error=error))
            result.documents.append(
                Document(
                    file.key, source.name, file.key, source.language,
                    kind=ARTICLE_SUFFIXES.get(file.path.suffix.lower(), "unsupported"), content_hash=digest,
                    byte_size=file.byte_size, file_signature=file.signature, error=error,
                )
            )  # fmt: skip


def _read_and_store(path: Path, folder: Path, max_bytes: int, store: RawStore) -> tuple[str | None, str | None]:
    """(content hash, None) for a file read and stored, (None, reason) for one the inbox refuses."""
    try:
        return store.put(read_inbox_file(path, folder, max_bytes)), None
    except InboxRefusal as refusal:
        return None, refusal.reason


def _poll_web(source, known, aliases, fetcher: Fetcher, store: RawStore, earlier: Earlier, result: PollResult):
    entries = [Entry(url, None, None, None) for url in source.urls] if source.kind == "urls" else None
    if entries is None:
        entries = listing_entries(fetcher, result, earlier.listed)
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
                _defer(url, key, earlier, result)
                continue
            fetched_new += 1
        _fetch_document(source, url, key, before, updated_at, known, fetcher, store, result)


def _defer(url: str, key: str, earlier: Earlier, result: PollResult) -> None:
    """Leave a new URL for a later poll; its ``deferred`` fetch is recorded by the first poll that defers it."""
    result.deferred += 1
    if key not in earlier.deferred:
        result.fetches.append(Fetch(url, key, "deferred", error=f"over max_articles={result.source.max_articles}"))


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


def _poll_warc(source: Source, known: Mapping[str, Known], store: RawStore, max_bytes: int, language_of, result):
    for location in warc_files(source):
        for item in read_pages(source, location, max_bytes, WarcRead(location), language_of):
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
