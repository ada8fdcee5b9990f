"""The URLs a feed or sitemap lists for one poll.

A sitemap index is followed to its child sitemaps (at most ``MAX_CHILD_SITEMAPS``, each once);
at most the source's ``max_listing_urls`` URLs are read in all, the rest of the listing is not
parsed. Each listing fetched leaves a ``listing`` or ``failed`` fetch. These are errors of the
poll: a listing that cannot be read, an index that lists itself or one of the indexes that led
to it (a loop), and a listing that yields no URL where the last successful poll saw some.
"""

from __future__ import annotations

from collections import deque

from pipelines.lib.ingest.feeds import Entry, FeedError, parse_listing
from pipelines.lib.ingest.fetch import Fetcher, FetchError
from pipelines.lib.ingest.poll_result import Fetch, PollResult
from pipelines.lib.ingest.urls import canonical_url

MAX_CHILD_SITEMAPS = 50


def listing_entries(fetcher: Fetcher, result: PollResult, listed_before: int) -> list[Entry] | None:
    """The entries of the source's listings, or None when its own listing cannot be read."""
    source = result.source
    entries: list[Entry] = []
    pending = deque([(source.location, ())])  # a listing, and the indexes that led to it
    queued, visited = {canonical_url(source.location)}, 0
    while pending and visited <= MAX_CHILD_SITEMAPS and len(entries) < source.max_listing_urls:
        url, chain = pending.popleft()
        visited += 1
        try:
            response = fetcher.get(url)
            listing = parse_listing(response.content, response.final_url, source.max_listing_urls - len(entries))
        except (FetchError, FeedError) as error:
            result.fetches.append(Fetch(url, None, "failed", getattr(error, "status", None), str(error)))
            if url == source.location:
                result.error = f"{url}: {error}"
                return None
            continue
        entries += listing.entries
        _follow(listing.sitemaps, url, response.final_url, chain, pending, queued, result)
        full = listing.truncated or (bool(pending) and len(entries) >= source.max_listing_urls)
        note = f"read as far as max_listing_urls={source.max_listing_urls}" if full else None
        result.fetches.append(Fetch(url, None, "listing", response.status, note))
    if not entries and listed_before and result.error is None:
        result.error = f"{source.location}: the listing yields no URL, where the last poll listed {listed_before}"
    return entries


def _follow(
    children: list[str], url: str, final_url: str, chain: tuple, pending: deque, queued: set, result: PollResult
) -> None:
    """Queue the child sitemaps not queued yet; a child that leads back to ``url`` is a loop."""
    lineage = (*chain, canonical_url(url), canonical_url(final_url))
    for child in children:
        key = canonical_url(child)
        if key in lineage:
            result.error = result.error or f"{url}: the sitemap index lists {child}, which leads back to it (a loop)"
        elif key not in queued:
            queued.add(key)
            pending.append((child, lineage))
