"""Re-ingestion through Dagster's `reingest` job, against a news site served on 127.0.0.1.

The site has an RSS feed, an Atom feed and a sitemap that overlap, a tracking-parameter
variant, a redirect, a two-page article, a slow page, a page slower than the timeout,
a 404, a 500 and a page robots.txt forbids.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from tests.conftest import SEEDS, resources_for, shared
from tests.news_site import NewsSite, Page

PAGES = {
    "/dunia/a1": "antara-singlepage.html",
    "/dunia/a2": "antara-singlepage2.html",
    "/dunia/a3": "antara-singlepage3.html",
    "/dunia/a4": "kompas-singlepage.html",
    "/dunia/a5": "kompas-singlepage2.html",
    "/dunia/a6": "kompas-singlepage3.html",
    "/dunia/a6?page=2": "kompas-singlepage4.html",
    "/dunia/lambat": "antara-singlepage4.html",
}
ARTICLES = {"/dunia/a1", "/dunia/a2", "/dunia/a3", "/dunia/a4", "/dunia/a5", "/dunia/a6", "/dunia/lambat"}


@pytest.fixture
def site():
    realdata = shared("realdata", "id-news-dev")
    site = NewsSite()
    for path, name in PAGES.items():
        site.pages[path] = Page((realdata / name).read_bytes())
    site.pages["/dunia/lambat"].delay = 0.3  # slow, within the timeout
    site.pages["/dunia/macet"] = Page(b"<html></html>", delay=3.0)  # slower than the timeout
    site.pages["/dunia/rusak"] = Page(b"server error", status=500)
    site.pages["/private/rahasia"] = Page((realdata / "antara-singlepage5.html").read_bytes())
    site.redirects["/lama/a4"] = "/dunia/a4"
    site.rss = ["/dunia/a1", "/dunia/a2", "/dunia/lambat", "/dunia/hilang", "/dunia/rusak"]
    site.atom = ["/dunia/a3", "/dunia/a1", "/lama/a4", "/dunia/macet"]
    site.sitemap = [
        "/dunia/a4",
        "/dunia/a5",
        "/dunia/a2?utm_source=sitemap&utm_medium=xml",
        "/dunia/a6",
        "/dunia/a6?page=2",
        "/private/rahasia",
    ]
    yield site
    site.close()


def write_sources(workspace: Path, site: NewsSite) -> None:
    (workspace / "sources.yaml").write_text(
        "fetch: {timeout_seconds: 1, retries: 1, backoff_seconds: 0.05, host_delay_seconds: 0}\n"
        "sources:\n"
        f"  - {{name: rss, feed: '{site.url}/rss.xml', allow_private: true}}\n"
        f"  - {{name: atom, feed: '{site.url}/atom.xml', allow_private: true}}\n"
        f"  - {{name: sitemap, sitemap: '{site.url}/sitemap.xml', allow_private: true}}\n"
    )


def reingest(workspace: Path, job_name: str = "reingest") -> dg.ExecuteInProcessResult:
    from pipelines.definitions import defs

    job = defs.resolve_job_def(job_name)
    quiet = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
    return job.execute_in_process(
        resources=resources_for(workspace),
        instance=dg.DagsterInstance.ephemeral(),
        run_config=quiet if job_name == "reingest" else None,  # reextract runs with its own config
    )


def query(workspace: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(workspace / "warehouse.duckdb"), read_only=True) as conn:
        return conn.execute(sql).fetchall()


def processed(result: dg.ExecuteInProcessResult) -> int:
    return next(
        e.materialization.metadata["processed"].value
        for e in result.get_asset_materialization_events()
        if e.asset_key == dg.AssetKey("articles")
    )


def state(workspace: Path) -> dict:
    """Everything a poll may write, except its own history and the failures it retries."""
    return {
        "documents": query(workspace, "select * from core.documents where status <> 'failed' order by source"),
        "articles": query(workspace, "select * from core.articles order by article_id"),
        "quotes": query(workspace, "select count(*) from core.quotes"),
        "raw": sorted(p.name for p in (workspace / "raw").rglob("*.gz")),
    }


def test_reingest_loads_each_article_once_then_only_what_is_new(workspace: Path, site: NewsSite):
    write_sources(workspace, site)

    first = reingest(workspace)
    assert first.success
    urls = [row[0] for row in query(workspace, "select url from analytics.articles")]
    assert sorted(urls) == sorted(f"{site.url}{path}" for path in ARTICLES)  # each once: overlap, tracking, redirect
    two_pages = query(workspace, f"select body from analytics.articles where url = '{site.url}/dunia/a6'")[0][0]
    assert two_pages.startswith("Pendiri Facebook") and "Samsul Arif" in two_pages  # a6 and a6?page=2: one article
    failed = dict(query(workspace, "select url, error from analytics.fetches where outcome = 'failed'"))
    assert failed[f"{site.url}/dunia/hilang"] == "HTTP 404"
    assert failed[f"{site.url}/dunia/rusak"] == "HTTP 500"
    assert "timed out" in failed[f"{site.url}/dunia/macet"]
    assert "robots.txt" in failed[f"{site.url}/private/rahasia"]
    assert site.hits["/private/rahasia"] == 0
    polls = query(workspace, "select source_name, urls_seen, error from analytics.polls order by source_name")
    assert polls == [("atom", 4, None), ("rss", 5, None), ("sitemap", 6, None)]

    before, hits = state(workspace), site.hits.copy()
    second = reingest(workspace)
    assert second.success and processed(second) == 0
    assert state(workspace) == before  # nothing new fetched, nothing written
    fetched_again = {path for path in site.hits if site.hits[path] > hits[path]}
    assert fetched_again == {
        "/rss.xml", "/atom.xml", "/sitemap.xml", "/robots.txt",  # the listings themselves
        "/dunia/hilang", "/dunia/rusak", "/dunia/macet",  # failed last time: tried again
    }  # fmt: skip
    assert len(query(workspace, "select * from analytics.polls")) == 6  # the history grows
    attempts = query(workspace, "select attempts from core.documents where status = 'failed'")
    assert attempts == [(2,)] * 4  # 404, 500, timeout, robots.txt: each recorded twice

    site.pages["/dunia/baru"] = Page((shared("realdata", "id-news-dev") / "antara-singlepage5.html").read_bytes())
    site.rss.insert(0, "/dunia/baru")
    hits = site.hits.copy()
    third = reingest(workspace)
    assert third.success and processed(third) == 1  # the page added to the feed, nothing else
    article_hits = {p for p in site.hits if site.hits[p] > hits[p] and p.startswith("/dunia/")}
    assert article_hits == {"/dunia/baru", "/dunia/rusak", "/dunia/hilang", "/dunia/macet"}  # new, and retries
    assert query(workspace, "select count(*) from analytics.articles")[0][0] == len(ARTICLES) + 1

    site.pages["/dunia/rusak"] = Page((shared("realdata", "id-news-dev") / "kompas-singlepage5.html").read_bytes())
    fourth = reingest(workspace)
    assert fourth.success and processed(fourth) == 1  # the page that failed three times loads once it works
    assert query(workspace, f"select count(*) from analytics.articles where url = '{site.url}/dunia/rusak'") == [(1,)]


def test_an_updated_sitemap_entry_is_fetched_again(workspace: Path, site: NewsSite):
    write_sources(workspace, site)
    reingest(workspace)
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=1)  # after the first fetch
    site.pages["/dunia/a5"].updated = later.isoformat(timespec="seconds")
    site.pages["/dunia/a5"].body = site.pages["/dunia/a5"].body.replace(b"</body>", b"<p>Pembaruan.</p></body>")
    hits = site.hits["/dunia/a5"]
    result = reingest(workspace)
    assert site.hits["/dunia/a5"] == hits + 1
    assert processed(result) == 1
    outcome = query(workspace, f"select outcome from analytics.fetches where url = '{site.url}/dunia/a5'")
    assert ("updated",) in outcome


def test_a_source_that_fails_does_not_stop_the_others(workspace: Path, site: NewsSite):
    write_sources(workspace, site)
    with (workspace / "sources.yaml").open("a") as sources:
        sources.write(f"  - {{name: mati, feed: '{site.url}/tidak-ada.xml', allow_private: true}}\n")
    result = reingest(workspace)
    assert result.success
    errors = dict(query(workspace, "select source_name, error from analytics.polls"))
    assert "404" in errors["mati"] and errors["rss"] is None
    assert query(workspace, "select count(*) from analytics.articles")[0][0] == len(ARTICLES)


def test_private_addresses_are_refused_unless_the_source_allows_them(workspace: Path, site: NewsSite):
    (workspace / "sources.yaml").write_text(f"sources:\n  - {{name: rss, urls: ['{site.url}/dunia/a1']}}\n")
    reingest(workspace)
    (reason,) = query(workspace, "select reason from analytics.rejected")[0]
    assert "non-public address 127.0.0.1" in reason
    assert site.hits["/dunia/a1"] == 0


def as_page(text: str, extra: str = "") -> bytes:
    """A plain-text article as a news page (title, then one paragraph per line)."""
    title, *lines = [line for line in text.splitlines() if line.strip()]
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return (
        f"<html><head><title>{html.escape(title)}</title></head><body><article><h1>{html.escape(title)}</h1>"
        f"{paragraphs}{extra}</article></body></html>"
    ).encode()


def test_syndicated_copies_are_marked_and_counted_once(workspace: Path, site: NewsSite):
    story = (SEEDS / "002_7c72821d792b7904.txt").read_text()
    site.pages["/dunia/panggilan"] = Page(as_page(story))
    site.pages["/mitra/salinan"] = Page(as_page(story, "<p>Editor: Redaksi Mitra</p>"))
    (workspace / "sources.yaml").write_text(
        "fetch: {host_delay_seconds: 0}\nsources:\n"
        f"  - {{name: list, allow_private: true, urls: ['{site.url}/dunia/panggilan', '{site.url}/mitra/salinan']}}\n"
    )
    reingest(workspace)
    rows = query(workspace, "select url, duplicate_of is not null from analytics.articles order by url")
    assert [flag for _, flag in rows].count(True) == 1
    assert len(rows) == 2  # marked, not deleted
    reported_twice = query(workspace, "select report_count from analytics.timeline where article_count = 2")
    assert reported_twice and all(count == 1 for (count,) in reported_twice)  # one report, syndicated twice


def test_urls_and_file_names_are_data_never_sql(workspace: Path, site: NewsSite):
    site.fallback = Page(as_page((SEEDS / "001_596ea457e8d5d7e7.txt").read_text()))
    hostile = f"{site.url}/berita/it's?q=%27);drop%20table%20core.articles;--"
    (workspace / "inbox").mkdir(exist_ok=True)
    (workspace / "inbox" / "o'neil'); drop table core.documents;--.txt").write_text(
        (SEEDS / "003_43ffd336c9f1e26f.txt").read_text()
    )
    (workspace / "sources.yaml").write_text(
        "fetch: {host_delay_seconds: 0}\nsources:\n  - {name: inbox, inbox: inbox}\n"
        f'  - {{name: daftar, allow_private: true, urls: ["{hostile}"]}}\n'
    )
    assert reingest(workspace).success
    sources = {row[0] for row in query(workspace, "select source from core.documents")}
    assert "inbox/o'neil'); drop table core.documents;--.txt" in sources
    assert any("it's" in source for source in sources)
    assert query(workspace, "select count(*) from analytics.articles")[0][0] == 2
