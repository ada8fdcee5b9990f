"""WARC sources: records read as a stream, only HTML pages with status 200 kept, filters by host and language,
broken records rejected with their reason, and `warta run` loading an archive like fetched pages."""

from __future__ import annotations

import gzip
from pathlib import Path

import duckdb
import pytest

from pipelines.cli import run
from pipelines.lib.ingest.source_config import Source, SourcesError, load_sources
from pipelines.lib.ingest.warc_records import WarcProblem, WarcResponse, read_responses
from pipelines.lib.ingest.warc_source import WarcRead, read_pages, warc_files
from pipelines.lib.text.detected_language import detected_language
from tests.conftest import resources_for, shared
from tests.warc_files import CRAWLED_AT, Record, page_records, write_warc

BAD_RECORDS = [
    Record("http://example.org/logo.png", b"\x89PNG\r\n\x1a\n....", content_type="image/png"),
    Record("http://example.org/hilang", b"<html><body>tidak ada</body></html>", status=404),
]


def pages() -> list[Record]:
    return page_records(shared("realdata", "id-news-dev"))


def test_records_are_read_one_by_one_and_broken_ones_are_named(tmp_path: Path):
    good = pages()[:3]
    truncated = Record("http://example.org/terpotong", good[0].body, kind="truncated")
    path = write_warc(tmp_path / "a.warc.gz", [Record("", b"", kind="warcinfo"), *good, truncated, *good[1:2]])
    with path.open("rb") as stream:
        items = list(read_responses(stream, 5_000_000))
    assert [type(i).__name__ for i in items] == ["WarcResponse"] * 3 + ["WarcProblem", "WarcResponse"]
    assert [i.url for i in items[:3]] == [r.url for r in good]
    assert items[0].content == good[0].body and items[0].status == 200 and items[0].content_type == "text/html"
    assert items[0].fetched_at == CRAWLED_AT.replace(tzinfo=None)  # the record's WARC-Date
    assert items[3].reason.startswith("truncated WARC record:") and items[3].url == truncated.url


def test_a_file_cut_in_the_middle_and_junk_are_problems_not_errors(tmp_path: Path):
    whole = write_warc(tmp_path / "whole.warc.gz", pages()[:2]).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) - 2000])
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(b"this is not a WARC file " * 100)
    with cut.open("rb") as stream:
        kinds = [type(i).__name__ for i in read_responses(stream, 5_000_000)]
    assert kinds == ["WarcResponse", "WarcProblem"]
    with junk.open("rb") as stream:
        (problem,) = list(read_responses(stream, 5_000_000))
    assert isinstance(problem, WarcProblem) and problem.reason.startswith("malformed WARC")


def test_only_html_pages_with_status_200_are_kept_and_the_rest_say_why(tmp_path: Path):
    path = write_warc(tmp_path / "a.warc.gz", [*pages()[:2], *BAD_RECORDS])
    read = WarcRead(str(path))
    items = list(read_pages(Source("archive", "warc", str(path)), str(path), 5_000_000, read))
    assert [type(i) for i in items] == [WarcResponse, WarcResponse, WarcProblem, WarcProblem]
    assert items[2].reason == "not a page: image/png, not HTML"
    assert items[3].reason == "not a page: HTTP status 404"


def test_filters_by_host_and_by_detected_language(tmp_path: Path):
    english = shared("realdata", "en-articles-dev", "html")
    english_page = gzip.decompress(sorted(english.glob("*.html.gz"))[0].read_bytes())
    records = [*pages(), Record("http://www.antaranews.com/en/news/1", english_page)]
    path = write_warc(tmp_path / "a.warc.gz", records)
    source = Source("archive", "warc", str(path), hosts=("antaranews.com",), languages=("id",))
    read = WarcRead(str(path))
    kept = [item.url for item in read_pages(source, str(path), 5_000_000, read, detected_language)]
    assert kept == [r.url for r in records[:5]]  # the five Antara pages (one on otomotif.antaranews.com)
    assert read.skipped == {"host": 8, "language": 1}
    with pytest.raises(ValueError, match="language detector"):
        next(read_pages(source, str(path), 5_000_000, WarcRead(str(path))))


def test_the_sources_file_takes_a_path_a_glob_or_urls(tmp_path: Path):
    (tmp_path / "archives").mkdir()
    for name in ("b.warc.gz", "a.warc.gz"):
        write_warc(tmp_path / "archives" / name, pages()[:1])
    (tmp_path / "sources.yaml").write_text(
        "sources:\n"
        "  - {name: one, warc: archives/a.warc.gz}\n"
        "  - {name: all, warc: 'archives/*.warc.gz', hosts: [www.antaranews.com], languages: [ID]}\n"
        "  - {name: remote, warc: [https://data.example.org/a.warc.gz, https://data.example.org/b.warc.gz]}\n"
    )
    one, every, remote = load_sources(tmp_path / "sources.yaml").sources
    assert one.kind == "warc" and one.location == str(tmp_path / "archives" / "a.warc.gz")
    assert warc_files(every) == [str(tmp_path / "archives" / n) for n in ("a.warc.gz", "b.warc.gz")]
    assert every.hosts == ("antaranews.com",) and every.languages == ("id",)
    assert warc_files(remote) == ["https://data.example.org/a.warc.gz", "https://data.example.org/b.warc.gz"]
    assert not one.is_web  # the hourly schedule polls feeds, not archives


@pytest.mark.parametrize(
    "entry, message",
    [
        ("{name: f, feed: 'https://example.org/rss', hosts: [example.org]}", "only a `warc` source"),
        ("{name: w, warc: a.warc.gz, languages: [indonesian]}", "two-letter codes"),
        ("{name: w, warc: ['https://example.org/a.warc.gz', 'ftp://example.org/b.warc.gz']}", "not an http(s) URL"),
        ("{name: w, warc: []}", "a path, a glob or a list"),
    ],
)
def test_mistakes_in_a_warc_source_name_the_source(tmp_path: Path, entry: str, message: str):
    (tmp_path / "sources.yaml").write_text(f"sources:\n  - {entry}\n")
    with pytest.raises(SourcesError, match="source '[fw]'") as error:
        load_sources(tmp_path / "sources.yaml")
    assert message in str(error.value)


def test_a_run_loads_a_warc_source_like_fetched_pages(workspace: Path):
    records = pages()
    truncated = Record("http://example.org/terpotong", records[0].body, kind="truncated")
    write_warc(workspace / "a.warc.gz", [*records[:7], *BAD_RECORDS])
    write_warc(workspace / "b.warc.gz", [*records[7:], truncated, records[0]])  # a page seen twice
    (workspace / "sources.yaml").write_text("sources:\n  - name: archive\n    warc: '*.warc.gz'\n")
    assert run(resources=resources_for(workspace)).success
    with duckdb.connect(str(workspace / "warehouse.duckdb"), read_only=True) as conn:
        urls = [row[0] for row in conn.execute("select url from analytics.articles order by url").fetchall()]
        rejected = dict(conn.execute("select source, reason from analytics.rejected").fetchall())
        polls = conn.execute("select source_kind, urls_seen, urls_new, urls_failed from analytics.polls").fetchall()
    assert len(urls) == len(set(urls)) == len(records)
    assert rejected == {
        "http://example.org/logo.png": "not a page: image/png, not HTML",
        "http://example.org/hilang": "not a page: HTTP status 404",
        "http://example.org/terpotong": rejected["http://example.org/terpotong"],
    }
    assert rejected["http://example.org/terpotong"].startswith("truncated WARC record")
    assert polls == [("warc", len(records) + 4, len(records), 3)]

    again = run(resources=resources_for(workspace))
    processed = [e for e in again.get_asset_materialization_events() if e.asset_key.path == ["articles"]]
    assert processed[0].materialization.metadata["processed"].value == 0
