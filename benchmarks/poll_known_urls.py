"""Cost of a poll that finds nothing new: a sitemap of N URLs the warehouse already holds.

Usage: python benchmarks/poll_known_urls.py [N]   (default 1000)
A local server serves the sitemap and N small pages; a first poll fetches them all, a
second poll is timed as the `documents` asset does it (read what is known, fetch and
parse the sitemap, compare, record the poll). Network time (inside the fetcher) is
printed apart from the rest. Not a test: machines here are noisy.
"""

from __future__ import annotations

import functools
import http.server
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb

from pipelines.lib.ingest.fetch import Fetcher, FetchPolicy
from pipelines.lib.ingest.polling import poll
from pipelines.lib.ingest.raw_store import RawStore
from pipelines.lib.ingest.source_config import Source
from pipelines.lib.warehouse.poll_records import known_documents, record_polls, url_aliases
from pipelines.lib.warehouse.schema import apply_schema


class TimedFetcher(Fetcher):
    network = 0.0

    def get(self, url):
        started = time.perf_counter()
        try:
            return super().get(url)
        finally:
            self.network += time.perf_counter() - started


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(folder: Path) -> str:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def one_poll(database: Path, source: Source, store: RawStore) -> tuple[float, float, object]:
    fetcher = TimedFetcher(FetchPolicy(host_delay_seconds=0, allow_private=True))
    started = time.perf_counter()
    with duckdb.connect(str(database)) as conn:
        apply_schema(conn)
        result = poll(source, known_documents(conn), url_aliases(conn), fetcher, store, 5_000_000)
        record_polls(conn, [result], store, None)
    return time.perf_counter() - started, fetcher.network, result


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        (site / "berita").mkdir(parents=True)
        for i in range(count):
            (site / "berita" / f"{i}.html").write_text(f"<html><body><p>Berita nomor {i}.</p></body></html>")
        url = serve(site)
        locs = "".join(f"<url><loc>{url}/berita/{i}.html?utm_source=peta</loc></url>" for i in range(count))
        (site / "sitemap.xml").write_text(
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
        )
        source = Source("peta", "sitemap", f"{url}/sitemap.xml", max_articles=count, allow_private=True)
        database, store = Path(tmp) / "warehouse.duckdb", RawStore(Path(tmp) / "raw")
        first, _, result = one_poll(database, source, store)
        print(f"first poll : {result.count('new')} new pages in {first:.1f} s")
        second, network, result = one_poll(database, source, store)
        print(f"second poll: {result.listed} URLs listed, {result.count('new')} new, {len(result.fetches) - 1} fetched")
        rest = second - network
        print(f"  total {second * 1000:.0f} ms = network {network * 1000:.0f} ms + the rest {rest * 1000:.0f} ms")
        print(f"peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
