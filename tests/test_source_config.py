"""The sources file: what a user writes, and the errors a mistake gets."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.lib.ingest.source_config import SourcesError, load_sources


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
