"""Fetching: polite, bounded, http(s) only, and no private addresses unless a source allows them."""

from __future__ import annotations

import pytest

from pipelines.lib.ingest.fetch import Fetcher, FetchError, FetchPolicy, resolve_target
from tests.news_site import NewsSite, Page

LOCAL = FetchPolicy(allow_private=True, host_delay_seconds=0, retries=1, backoff_seconds=0.01, timeout_seconds=1)


@pytest.fixture
def site():
    site = NewsSite()
    site.pages["/berita/satu"] = Page("<p>Presiden bertemu menteri.</p>".encode())
    yield site
    site.close()


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.com/berita", "javascript:alert(1)", "gopher://example.com", "/berita/satu"],
)
def test_only_http_and_https_are_fetched(url: str):
    with pytest.raises(FetchError, match="only http and https"):
        resolve_target(url, allow_private=True)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/berita",
        "http://localhost/berita",
        "http://10.0.0.7/berita",
        "http://192.168.1.1/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/berita",
        "http://0.0.0.0/berita",
    ],
)
def test_private_link_local_and_loopback_addresses_are_refused(url: str):
    with pytest.raises(FetchError, match="non-public address"):
        resolve_target(url, allow_private=False)


def test_a_source_may_allow_private_addresses(site: NewsSite):
    response = Fetcher(LOCAL).get(f"{site.url}/berita/satu")
    assert response.status == 200 and b"Presiden" in response.content


def test_redirects_are_followed_and_the_final_url_kept(site: NewsSite):
    site.redirects["/lama"] = "/berita/satu"
    response = Fetcher(LOCAL).get(f"{site.url}/lama")
    assert response.final_url == f"{site.url}/berita/satu"


def test_a_server_error_is_retried_then_reported(site: NewsSite):
    site.pages["/rusak"] = Page(b"error", status=503)
    with pytest.raises(FetchError, match="HTTP 503"):
        Fetcher(LOCAL).get(f"{site.url}/rusak")
    assert site.hits["/rusak"] == 2  # one retry


def test_a_page_larger_than_the_limit_is_not_downloaded_whole(site: NewsSite):
    site.pages["/besar"] = Page(b"x" * 2_000_000)
    with pytest.raises(FetchError, match="oversized"):
        Fetcher(FetchPolicy(**{**LOCAL.__dict__, "max_bytes": 100_000})).get(f"{site.url}/besar")


def test_a_slow_page_times_out(site: NewsSite):
    site.pages["/lambat"] = Page(b"<p>x</p>", delay=2.5)
    with pytest.raises(FetchError, match="timed out"):
        Fetcher(LOCAL).get(f"{site.url}/lambat")


def test_robots_txt_is_respected(site: NewsSite):
    site.pages["/private/rahasia"] = Page(b"<p>rahasia</p>")
    with pytest.raises(FetchError, match="robots.txt"):
        Fetcher(LOCAL).get(f"{site.url}/private/rahasia")
    assert site.hits["/private/rahasia"] == 0


def test_requests_to_one_host_are_spaced(site: NewsSite):
    waits: list[float] = []
    fetcher = Fetcher(FetchPolicy(allow_private=True, host_delay_seconds=0.5), sleep=waits.append)
    for _ in range(3):
        fetcher.get(f"{site.url}/berita/satu")
    assert len(waits) >= 2 and all(0 < wait <= 0.5 for wait in waits)


def test_the_user_agent_says_what_fetches(site: NewsSite):
    Fetcher(LOCAL).get(f"{site.url}/berita/satu")
    assert site.agents and all(agent.startswith("warta/") for agent in site.agents)
