"""Listings that are too long, that loop, or that suddenly list nothing, all served on 127.0.0.1.

A poll reads at most ``max_listing_urls`` URLs, parsed as they arrive; a URL left for a later poll
is recorded as ``deferred`` once; a sitemap index that leads back to itself, and a listing that
yields nothing where it listed URLs before, are errors of the poll in ``analytics.polls``.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipelines.cli import run
from pipelines.lib.ingest.feeds import parse_listing
from pipelines.lib.ingest.fetch import Fetcher, FetchPolicy
from pipelines.lib.ingest.poll_result import Earlier
from pipelines.lib.ingest.polling import poll
from pipelines.lib.ingest.raw_store import RawStore
from pipelines.lib.ingest.source_config import Source, SourcesError, load_sources
from pipelines.lib.warehouse.poll_records import earlier_polls, known_documents, record_polls, url_aliases
from pipelines.lib.warehouse.schema import apply_schema
from tests.conftest import ROOT, resources_for
from tests.news_site import NewsSite, Page

LOCAL = FetchPolicy(allow_private=True, host_delay_seconds=0, retries=0, timeout_seconds=2)
XML = "application/xml"


@pytest.fixture
def site():
    site = NewsSite()
    yield site
    site.close()


def sitemap(urls: list[str]) -> bytes:
    locs = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'.encode()


def sitemap_index(urls: list[str]) -> bytes:
    locs = "".join(f"<sitemap><loc>{url}</loc></sitemap>" for url in urls)
    return f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</sitemapindex>'.encode()


def poll_sitemap(site: NewsSite, path: str, tmp_path: Path, earlier: Earlier = Earlier(), **options):
    source = Source("peta", "sitemap", f"{site.url}{path}", allow_private=True, **options)
    return poll(source, {}, {}, Fetcher(LOCAL), RawStore(tmp_path / "raw"), 10**6, earlier)


def test_max_listing_urls_is_an_option_of_a_source_checked_at_load(tmp_path: Path):
    path = tmp_path / "sources.yaml"
    path.write_text("sources:\n  - {name: a, sitemap: 'https://x.com/s.xml'}\n  - {name: b, feed: 'https://x.com/rss',"
                    " max_listing_urls: 500}\n")  # fmt: skip
    assert [s.max_listing_urls for s in load_sources(path).sources] == [50_000, 500]
    for value in (".inf", ".nan", "0", "2.5", "1e9", "banyak"):
        path.write_text(f"sources:\n  - {{name: dunia, feed: 'https://x.com/rss', max_listing_urls: {value}}}\n")
        with pytest.raises(SourcesError, match="max_listing_urls must be a whole number from 1 to 100000") as error:
            load_sources(path)
        assert str(path) in str(error.value) and "'dunia'" in str(error.value)


def test_a_poll_reads_at_most_max_listing_urls_and_says_so(site: NewsSite, tmp_path: Path):
    site.pages["/peta.xml"] = Page(sitemap([f"{site.url}/berita/{i}" for i in range(1000)]), content_type=XML)
    result = poll_sitemap(site, "/peta.xml", tmp_path, max_listing_urls=100, max_articles=0)
    assert result.error is None and result.listed == 100
    assert [(f.outcome, f.error) for f in result.fetches if f.outcome == "listing"] == [
        ("listing", "read as far as max_listing_urls=100")
    ]
    assert result.deferred == 100 and result.count("deferred") == 100


def test_the_bound_holds_across_child_sitemaps(site: NewsSite, tmp_path: Path):
    for n in range(3):
        site.pages[f"/peta-{n}.xml"] = Page(sitemap([f"{site.url}/{n}/{i}" for i in range(40)]), content_type=XML)
    site.pages["/indeks.xml"] = Page(sitemap_index([f"{site.url}/peta-{n}.xml" for n in range(3)]), content_type=XML)
    result = poll_sitemap(site, "/indeks.xml", tmp_path, max_listing_urls=50, max_articles=0)
    assert result.listed == 50 and site.hits["/peta-2.xml"] == 0  # the third sitemap is not needed


def test_a_deferred_url_is_recorded_once_and_counted_at_every_poll(site: NewsSite, tmp_path: Path):
    site.fallback = Page(b"<html><body><p>Berita.</p></body></html>")
    site.pages["/peta.xml"] = Page(sitemap([f"{site.url}/berita/{i}" for i in range(30)]), content_type=XML)
    source = Source("peta", "sitemap", f"{site.url}/peta.xml", allow_private=True, max_articles=10)
    store, deferred_rows = RawStore(tmp_path / "raw"), []
    with duckdb.connect(str(tmp_path / "warehouse.duckdb")) as conn:
        apply_schema(conn)
        for _ in range(4):
            earlier = earlier_polls(conn).get("peta", Earlier())
            result = poll(source, known_documents(conn), url_aliases(conn), Fetcher(LOCAL), store, 10**6, earlier)
            record_polls(conn, [result], store, None)
            deferred_rows.append(result.count("deferred"))
        polls = conn.execute("select urls_new, urls_deferred from core.polls order by started_at").fetchall()
        recorded = conn.execute("select count(*), count(distinct source) from core.fetches where outcome = 'deferred'")
        assert recorded.fetchall() == [(20, 20)]
    assert polls == [(10, 20), (10, 10), (10, 0), (0, 0)]  # ten a poll, the rest waiting
    assert deferred_rows == [20, 0, 0, 0]


def test_a_sitemap_index_that_lists_itself_is_read_once_and_is_a_poll_error(site: NewsSite, tmp_path: Path):
    site.pages["/indeks.xml"] = Page(sitemap_index([f"{site.url}/indeks.xml"]), content_type=XML)
    result = poll_sitemap(site, "/indeks.xml", tmp_path)
    assert site.hits["/indeks.xml"] == 1
    assert "lists" in result.error and "(a loop)" in result.error


def test_a_loop_through_two_indexes_is_a_poll_error_and_a_shared_child_is_read_once(site: NewsSite, tmp_path: Path):
    site.pages["/a.xml"] = Page(sitemap_index([f"{site.url}/b.xml", f"{site.url}/c.xml"]), content_type=XML)
    site.pages["/b.xml"] = Page(
        sitemap_index([f"{site.url}/a.xml?utm_source=x", f"{site.url}/d.xml"]), content_type=XML
    )
    site.pages["/c.xml"] = Page(sitemap_index([f"{site.url}/d.xml"]), content_type=XML)
    site.pages["/d.xml"] = Page(sitemap([f"{site.url}/berita/1"]), content_type=XML)
    result = poll_sitemap(site, "/a.xml", tmp_path, max_articles=0)
    assert site.hits_of(["/a.xml", "/b.xml", "/c.xml", "/d.xml"]) == {
        "/a.xml": 1,
        "/b.xml": 1,
        "/c.xml": 1,
        "/d.xml": 1,
    }
    assert result.error.startswith(f"{site.url}/b.xml: the sitemap index lists {site.url}/a.xml?utm_source=x")
    assert result.listed == 1


def test_a_listing_that_yields_nothing_where_it_listed_urls_before_is_a_poll_error(site: NewsSite, tmp_path: Path):
    site.pages["/peta.xml"] = Page(sitemap([]), content_type=XML)
    assert poll_sitemap(site, "/peta.xml", tmp_path).error is None  # nothing, and nothing before
    result = poll_sitemap(site, "/peta.xml", tmp_path, Earlier(listed=12))
    assert result.error == f"{site.url}/peta.xml: the listing yields no URL, where the last poll listed 12"


def test_an_emptied_listing_stays_a_poll_error_in_analytics_polls(workspace: Path, site: NewsSite):
    site.fallback = Page(b"<html><head><title>Judul</title></head><body><p>Berita.</p></body></html>")
    site.sitemap = ["/berita/1", "/berita/2"]
    (workspace / "sources.yaml").write_text(
        f"fetch: {{host_delay_seconds: 0}}\nsources:\n  - {{name: peta, sitemap: '{site.url}/sitemap.xml',"
        " allow_private: true}\n"
    )
    assert run(resources=resources_for(workspace)).success
    site.sitemap = []
    for _ in range(2):
        assert run(resources=resources_for(workspace)).success
    with duckdb.connect(str(workspace / "warehouse.duckdb"), read_only=True) as conn:
        polls = conn.execute("select urls_seen, error is null from analytics.polls order by started_at").fetchall()
        [(error,)] = conn.execute("select distinct error from analytics.polls where error is not null").fetchall()
    assert polls == [(2, True), (0, False), (0, False)]
    assert "yields no URL, where the last poll listed 2" in error


def test_a_listed_url_whose_host_reads_two_ways_is_dropped_before_any_fetch(site: NewsSite, tmp_path: Path):
    hostile = f"http://127.0.0.1:{site.url.rsplit(':', 1)[1]}\\@public.example/x"
    site.pages["/peta.xml"] = Page(sitemap([hostile, f"http://user@{site.url[7:]}/y"]), content_type=XML)
    result = poll_sitemap(site, "/peta.xml", tmp_path)
    assert result.listed == 0 and [f.outcome for f in result.fetches] == ["listing"]
    assert set(site.hits) == {"/robots.txt", "/peta.xml"}


def test_a_feed_of_800000_items_is_read_only_as_far_as_the_bound():
    items = "".join(
        f"<item><title>Berita {i}</title><link>https://example.com/{i}</link></item>" for i in range(800_000)
    )
    content = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Dunia</title>{items}</channel></rss>'.encode()
    began = time.perf_counter()
    listing = parse_listing(content, "https://example.com/rss", max_entries=1000)
    assert time.perf_counter() - began < 5
    assert listing.truncated and [e.url for e in listing.entries[-2:]] == [
        "https://example.com/998",
        "https://example.com/999",
    ]


POLL_IN_A_CHILD = r"""
import json, re, sys, time
sys.path.insert(0, sys.argv[1])
from pipelines.lib.ingest.fetch import Fetcher, FetchPolicy
from pipelines.lib.ingest.polling import poll
from pipelines.lib.ingest.raw_store import RawStore
from pipelines.lib.ingest.source_config import Source
source = Source("peta", "sitemap", sys.argv[2], max_articles=0, allow_private=True)
policy = FetchPolicy(allow_private=True, host_delay_seconds=0, max_bytes=50_000_000)
started = time.perf_counter()
result = poll(source, {}, {}, Fetcher(policy), RawStore(sys.argv[3]), 10**6)
peak = int(re.search(r"VmHWM:\s+(\d+) kB", open("/proc/self/status").read())[1]) / 1024  # since exec
print(json.dumps({"seconds": time.perf_counter() - started, "listed": result.listed, "error": result.error,
                  "peak_mib": peak}))
"""


def test_a_listing_of_300000_urls_is_polled_in_bounded_time_and_memory(site: NewsSite, tmp_path: Path):
    urls = [f"{site.url}/berita/{i}" for i in range(300_000)]
    site.pages["/peta.xml.gz"] = Page(gzip.compress(sitemap(urls), 1), content_type="application/gzip")
    del urls
    began = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-c", POLL_IN_A_CHILD, str(ROOT), f"{site.url}/peta.xml.gz", str(tmp_path / "raw")],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    outcome = json.loads(child.stdout)
    assert outcome["error"] is None and outcome["listed"] == 50_000
    assert outcome["peak_mib"] < 300, outcome
    assert time.perf_counter() - began < 60, outcome
