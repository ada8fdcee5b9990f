"""The sources file: what a user writes, and the errors a mistake gets."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from pipelines.lib.ingest.fetch import FetchPolicy
from pipelines.lib.ingest.source_config import FETCH_NUMBERS, SourcesError, load_sources


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(text)
    return path


def test_every_kind_of_source_with_its_options(tmp_path: Path):
    path = write(
        tmp_path,
        """
fetch: {user_agent: "warta-test/1", host_delay_seconds: 2, respect_robots: true}
sources:
  - {name: inbox, inbox: kotak-masuk}
  - {name: dunia, feed: "https://example.com/rss/dunia.xml", interval_minutes: 120, max_articles: 20}
  - {name: peta, sitemap: "https://example.com/sitemap-news.xml", language: en}
  - {name: pilihan, urls: ["https://example.com/a", "https://example.com/b"], allow_private: true}
""",
    )
    sources = load_sources(path)
    inbox, feed, sitemap, urls = sources.sources
    assert (inbox.kind, inbox.location) == ("inbox", str(tmp_path / "kotak-masuk"))
    assert (feed.kind, feed.interval_minutes, feed.max_articles, feed.language) == ("feed", 120, 20, "id")
    assert (sitemap.kind, sitemap.language) == ("sitemap", "en")
    assert urls.urls == ("https://example.com/a", "https://example.com/b") and urls.allow_private
    assert sources.fetch.user_agent == "warta-test/1" and sources.fetch.host_delay_seconds == 2.0
    assert [s.name for s in sources.named(["peta"])] == ["peta"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sources: nothing", "a `sources` list"),
        ("sources:\n  - {feed: 'https://example.com/rss'}", "needs a `name`"),
        ("sources:\n  - {name: a, feed: 'https://x.com/rss', sitemap: 'https://x.com/s.xml'}", "exactly one of"),
        ("sources:\n  - {name: a, feed: 'file:///etc/passwd'}", "not an http(s) URL"),
        ("sources:\n  - {name: a, urls: ['ftp://x.com/a']}", "not an http(s) URL"),
        ("sources:\n  - {name: a, feed: 'https://x.com/rss', every: 5}", "unknown option every"),
        ("sources:\n  - {name: a, inbox: x}\n  - {name: a, inbox: y}", "repeated: a"),
        ("sources:\n  - {name: a, inbox: x, allow_private: 'yes'}", "true or false"),
        ("fetch: {speed: 3}\nsources: []", "unknown fetch option speed"),
        ("sources: [\n", "not valid YAML"),
    ],
)
def test_a_mistake_names_the_file_and_the_source(tmp_path: Path, text: str, message: str):
    path = write(tmp_path, text)
    with pytest.raises(SourcesError, match=message.replace("(", r"\(").replace(")", r"\)")) as error:
        load_sources(path)
    assert str(path) in str(error.value)


def test_asking_for_an_unknown_source_is_an_error(tmp_path: Path):
    sources = load_sources(write(tmp_path, "sources:\n  - {name: inbox, inbox: inbox}\n"))
    with pytest.raises(SourcesError, match="no source named dunia"):
        sources.named(["dunia"])


def test_the_shipped_sources_file_reads_the_sample_inbox():
    sources = load_sources(Path(__file__).resolve().parents[1] / "data" / "sources.yaml")
    assert [(s.name, s.kind) for s in sources.sources] == [("inbox", "inbox")]
    assert Path(sources.sources[0].location).name == "inbox"


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("interval_minutes", ".inf"),
        ("interval_minutes", ".nan"),
        ("interval_minutes", "1e300"),
        ("interval_minutes", "-5"),
        ("interval_minutes", "true"),
        ("max_articles", ".inf"),
        ("max_articles", "2.5"),
        ("max_articles", "-1"),
        ("max_articles", "many"),
        ("max_articles", "[1]"),
    ],
)
def test_a_source_number_that_is_not_finite_or_out_of_range_is_refused_at_load(tmp_path: Path, option: str, value: str):
    path = write(tmp_path, f"sources:\n  - {{name: dunia, feed: 'https://x.com/rss', {option}: {value}}}\n")
    with pytest.raises(SourcesError, match=f"{option} must be a") as error:
        load_sources(path)
    assert str(path) in str(error.value) and "'dunia'" in str(error.value)


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("timeout_seconds", "-1"),
        ("timeout_seconds", "0"),
        ("timeout_seconds", ".nan"),
        ("backoff_seconds", "-1"),
        ("backoff_seconds", ".inf"),
        ("retries", "1e300"),
        ("retries", "2.5"),
        ("host_delay_seconds", "-.inf"),
        ("max_bytes", "0"),
        ("max_bytes", "1e300"),
    ],
)
def test_a_fetch_number_that_is_not_finite_or_out_of_range_is_refused_at_load(tmp_path: Path, option: str, value: str):
    path = write(tmp_path, f"fetch: {{{option}: {value}}}\nsources: []\n")
    with pytest.raises(SourcesError, match=f"fetch options: {option} must be a") as error:
        load_sources(path)
    assert str(path) in str(error.value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"warta/0.2\\r\\nX-Injected: 1"', "line breaks"),
        ('"warta/0.2\\nX-Injected: 1"', "line breaks"),
        ('"warta\\u0000"', "control characters"),
        ('"warta/0.2 \\u2713"', "Latin-1"),
        ('""', "a line of text"),
        ("123", "a line of text"),
    ],
)
def test_a_user_agent_that_cannot_be_one_header_line_is_refused(tmp_path: Path, value: str, message: str):
    path = write(tmp_path, f"fetch: {{user_agent: {value}}}\nsources: []\n")
    with pytest.raises(SourcesError, match=f"fetch options: user_agent must .*{message}") as error:
        load_sources(path)
    assert str(path) in str(error.value)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://127.0.0.1:8080\\\\@public.example/rss", "backslash"),
        ("http://user@public.example/rss", "user name or password"),
    ],
)
def test_a_source_url_whose_host_reads_two_ways_is_refused_at_load(tmp_path: Path, url: str, message: str):
    path = write(tmp_path, f'sources:\n  - {{name: dunia, feed: "{url}"}}\n')
    with pytest.raises(SourcesError, match=message) as error:
        load_sources(path)
    assert str(path) in str(error.value) and "'dunia'" in str(error.value)


def test_the_fetch_options_must_be_a_mapping(tmp_path: Path):
    with pytest.raises(SourcesError, match="fetch options: expected a mapping"):
        load_sources(write(tmp_path, "fetch: 5\nsources: []\n"))


def test_numbers_written_as_whole_floats_or_quoted_still_load(tmp_path: Path):
    path = write(
        tmp_path,
        "fetch: {retries: 3.0, timeout_seconds: '7.5', max_bytes: 1_000_000}\n"
        "sources:\n  - {name: dunia, feed: 'https://x.com/rss', interval_minutes: '90', max_articles: 20.0}\n",
    )
    sources = load_sources(path)
    assert (sources.fetch.retries, sources.fetch.timeout_seconds, sources.fetch.max_bytes) == (3, 7.5, 1_000_000)
    assert (sources.sources[0].interval_minutes, sources.sources[0].max_articles) == (90.0, 20)
    assert isinstance(sources.fetch.retries, int) and isinstance(sources.sources[0].max_articles, int)


def test_every_number_of_the_fetch_policy_has_a_range():
    numeric = {f.name for f in fields(FetchPolicy) if f.type in ("int", "float")}
    assert numeric == set(FETCH_NUMBERS)
