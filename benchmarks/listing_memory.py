"""Peak memory and time of polling a huge listing: a gzipped sitemap of N URLs (default 900,000).

Usage: python benchmarks/listing_memory.py [N]
A local server serves the sitemap (under the default 5 MB download limit) and the first pages it
lists. Each poll runs in a child process as the `documents` asset does it (read what is known,
poll, record the poll in a DuckDB warehouse), twice: with the default `max_listing_urls` and with
its largest value. The child's peak resident memory (VmHWM) is printed with the rows written;
the second poll of each shows the deferred URLs are not recorded again. Not a test: machines here
are noisy.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT_MIB = 300
BOUNDS = (None, 100_000)  # the default max_listing_urls, and the largest the sources file accepts

ONE_POLL = r"""
import json, re, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import duckdb
from pipelines.lib.ingest.fetch import Fetcher, FetchPolicy
from pipelines.lib.ingest.poll_result import Earlier
from pipelines.lib.ingest.polling import poll
from pipelines.lib.ingest.raw_store import RawStore
from pipelines.lib.ingest.source_config import Source
from pipelines.lib.warehouse.poll_records import earlier_polls, known_documents, record_polls, url_aliases
from pipelines.lib.warehouse.schema import apply_schema

folder, url, bound = Path(sys.argv[2]), sys.argv[3], json.loads(sys.argv[4])
options = {} if bound is None else {"max_listing_urls": bound}
source = Source("peta", "sitemap", url, allow_private=True, **options)
store = RawStore(folder / "raw")
started = time.perf_counter()
with duckdb.connect(str(folder / "warehouse.duckdb")) as conn:
    apply_schema(conn)
    earlier = earlier_polls(conn).get("peta", Earlier())
    fetcher = Fetcher(FetchPolicy(allow_private=True, host_delay_seconds=0))
    result = poll(source, known_documents(conn), url_aliases(conn), fetcher, store, 5_000_000, earlier)
    record_polls(conn, [result], store, None)
seconds = time.perf_counter() - started
peak = int(re.search(r"VmHWM:\s+(\d+) kB", Path("/proc/self/status").read_text())[1]) / 1024
print(json.dumps({"seconds": seconds, "peak_mib": peak, "listed": result.listed, "new": result.count("new"),
                  "deferred": result.deferred, "deferred_rows": result.count("deferred"), "error": result.error}))
"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(folder: Path) -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def write_site(folder: Path, count: int) -> str:
    """The gzipped sitemap and the first 100 pages it lists; returns the sitemap's URL."""
    url = serve(folder)
    (folder / "berita").mkdir(parents=True)
    for i in range(100):
        (folder / "berita" / f"{i}.html").write_text(f"<html><body><p>Berita nomor {i}.</p></body></html>")
    with gzip.open(folder / "peta.xml.gz", "wt", compresslevel=6) as sitemap:
        sitemap.write('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
        for start in range(0, count, 10_000):
            sitemap.write("".join(f"<url><loc>{url}/berita/{i}.html</loc></url>" for i in range(start, start + 10_000)))
        sitemap.write("</urlset>")
    return f"{url}/peta.xml.gz"


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        url = write_site(site, count)
        print(f"sitemap of {count:,} URLs: {(site / 'peta.xml.gz').stat().st_size:,} bytes gzipped")
        for bound in BOUNDS:
            warehouse = Path(tmp) / f"warehouse-{bound}"
            warehouse.mkdir()
            for number in (1, 2):
                command = [sys.executable, "-c", ONE_POLL, str(ROOT), str(warehouse), url, json.dumps(bound)]
                poll = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
                label = f"max_listing_urls={bound or 'default'}, poll {number}"
                print(
                    f"{label:<34} {poll['seconds']:5.1f} s  peak {poll['peak_mib']:4.0f} MiB  "
                    f"listed {poll['listed']:,}  new {poll['new']}  deferred {poll['deferred']:,} "
                    f"(rows written {poll['deferred_rows']:,})  error {poll['error']}"
                )
    print(f"bar: every poll under {LIMIT_MIB} MiB of peak resident memory")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 900_000)
