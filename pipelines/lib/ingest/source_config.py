"""The sources file (``data/sources.yaml``): where articles come from and how to poll them.

    fetch:                      # optional, for every web source
      user_agent: "warta/0.2 (+mailto:desk@example.org)"
      timeout_seconds: 20
      retries: 2
      host_delay_seconds: 1
      max_bytes: 5000000
    sources:
      - name: inbox
        inbox: inbox            # a folder, relative to this file
      - name: antara-world
        feed: https://www.antaranews.com/rss/dunia.xml
        language: id
        interval_minutes: 60    # poll at most this often (default: every run)
        max_articles: 50        # new pages fetched per poll (default 100)
        max_listing_urls: 5000  # URLs read from the feed or sitemap per poll (default 50,000)
      - name: news-sitemap
        sitemap: https://example.com/sitemap-news.xml
      - name: picked
        urls: [https://example.com/a, https://example.com/b]
      - name: archive
        warc: archives/*.warc.gz  # a WARC file, a glob (relative to this file) or a list of http(s) URLs
        hosts: [example.com]      # optional: only pages of these hosts (and their subdomains)
        languages: [id]           # optional: only pages detected in these languages

Every number must be finite and in its option's range (``SOURCE_NUMBERS``, ``FETCH_NUMBERS``),
and the user agent one line of text. Every problem is reported when the file is read, with
the file, the source (or the fetch options) and the option it concerns, as a ``SourcesError``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from pipelines.lib.ingest.fetch import FetchError, FetchPolicy, parse_target_url
from pipelines.lib.ingest.urls import is_http_url
from pipelines.lib.ingest.warc_options import WARC_OPTIONS, WarcOptionsError, warc_filters, warc_location

KINDS = ("inbox", "feed", "sitemap", "urls", "warc")
OPTIONS = {
    "name",
    "language",
    "interval_minutes",
    "max_articles",
    "max_listing_urls",
    "allow_private",
    *KINDS,
    *WARC_OPTIONS,
}
CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Range:
    """The numbers an option accepts: from ``low`` to ``high``, whole numbers only if ``whole``."""

    low: float
    high: float
    whole: bool = False


SOURCE_NUMBERS = {
    "interval_minutes": Range(0, 366 * 24 * 60),
    "max_articles": Range(0, 100_000, whole=True),
    "max_listing_urls": Range(1, 100_000, whole=True),
}
FETCH_NUMBERS = {
    "timeout_seconds": Range(0.1, 600),
    "retries": Range(0, 10, whole=True),
    "backoff_seconds": Range(0, 600),
    "host_delay_seconds": Range(0, 3600),
    "max_bytes": Range(1, 1_000_000_000, whole=True),
}


class SourcesError(ValueError):
    """The sources file cannot be used; the message names the file and the source."""


@dataclass(frozen=True)
class Source:
    name: str
    kind: str  # inbox | feed | sitemap | urls | warc
    location: str  # the folder (absolute), feed or sitemap URL, WARC path or glob (absolute); else the first URL
    urls: tuple[str, ...] = ()
    language: str = "id"
    interval_minutes: float = 0.0
    max_articles: int = 100
    max_listing_urls: int = 50_000  # a poll reads at most this many URLs of its listings (memory grows with it)
    allow_private: bool = False
    hosts: tuple[str, ...] = ()  # warc: only pages of these hosts
    languages: tuple[str, ...] = ()  # warc: only pages detected in these languages

    @property
    def is_web(self) -> bool:
        """Feeds, sitemaps and URL lists (polled by the hourly schedule); not inbox folders or archives."""
        return self.kind not in ("inbox", "warc")


@dataclass(frozen=True)
class SourcesFile:
    path: Path
    sources: tuple[Source, ...]
    fetch: FetchPolicy

    def named(self, names: list[str] | None) -> list[Source]:
        """The sources with these names (all when ``names`` is empty); unknown names are an error."""
        if not names:
            return list(self.sources)
        known = {source.name: source for source in self.sources}
        unknown = sorted(set(names) - set(known))
        if unknown:
            raise SourcesError(f"{self.path}: no source named {', '.join(unknown)} (known: {', '.join(known)})")
        return [known[name] for name in names]


def load_sources(path: Path) -> SourcesFile:
    path = Path(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as error:
        raise SourcesError(f"cannot read the sources file {path}: {error}") from error
    except yaml.YAMLError as error:
        raise SourcesError(f"{path} is not valid YAML: {error}") from error
    if not isinstance(document, dict) or not isinstance(document.get("sources"), list):
        raise SourcesError(f"{path}: expected a mapping with a `sources` list")
    sources = [_source(path, index, entry) for index, entry in enumerate(document["sources"])]
    names = [source.name for source in sources]
    duplicated = sorted({name for name in names if names.count(name) > 1})
    if duplicated:
        raise SourcesError(f"{path}: source names must be unique; repeated: {', '.join(duplicated)}")
    return SourcesFile(path, tuple(sources), _policy(path, document.get("fetch") or {}))


def _source(path: Path, index: int, entry: object) -> Source:
    where = f"{path}, source {index + 1}"
    if not isinstance(entry, dict):
        raise SourcesError(f"{where}: expected a mapping with a name and one of {', '.join(KINDS)}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise SourcesError(f"{where}: every source needs a `name`")
    where = f"{path}, source {name!r}"
    unknown = sorted(set(entry) - OPTIONS)
    if unknown:
        raise SourcesError(f"{where}: unknown option {', '.join(unknown)}")
    kinds = [kind for kind in KINDS if kind in entry]
    if len(kinds) != 1:
        raise SourcesError(f"{where}: give exactly one of {', '.join(KINDS)}")
    kind = kinds[0]
    value = entry[kind]
    urls: tuple[str, ...] = ()
    if kind == "inbox":
        location = str((path.parent / str(value)).resolve())
    elif kind == "urls":
        if not isinstance(value, list) or not all(isinstance(url, str) for url in value):
            raise SourcesError(f"{where}: `urls` must be a list of URLs")
        urls = tuple(url.strip() for url in value if url.strip())
        location = urls[0] if urls else ""
    elif kind == "warc":
        try:
            location, urls = warc_location(path, value)
        except WarcOptionsError as error:
            raise SourcesError(f"{where}: {error}") from None
    else:
        location = str(value).strip()
    try:
        hosts, languages = warc_filters(kind, entry)
    except WarcOptionsError as error:
        raise SourcesError(f"{where}: {error}") from None
    for url in urls or ((location,) if kind in ("feed", "sitemap") else ()):
        _check_url(where, url)
    return Source(
        name=name.strip(),
        kind=kind,
        location=location,
        urls=urls,
        language=str(entry.get("language", "id")),
        interval_minutes=float(_number(where, "interval_minutes", entry.get("interval_minutes", 0))),
        max_articles=int(_number(where, "max_articles", entry.get("max_articles", 100))),
        max_listing_urls=int(_number(where, "max_listing_urls", entry.get("max_listing_urls", 50_000))),
        allow_private=_flag(where, "allow_private", entry.get("allow_private", False)),
        hosts=hosts,
        languages=languages,
    )


def _check_url(where: str, url: str) -> None:
    """An http(s) URL the fetcher accepts; the fetcher's reason when it refuses one."""
    try:
        parse_target_url(url)
    except FetchError as error:
        if url.split(":", 1)[0].lower() in ("http", "https"):
            raise SourcesError(f"{where}: {url!r}: {error.reason}") from None
    if not is_http_url(url):
        raise SourcesError(f"{where}: {url!r} is not an http(s) URL")


def _policy(path: Path, options: object) -> FetchPolicy:
    where = f"{path}, fetch options"
    if not isinstance(options, dict):
        raise SourcesError(f"{where}: expected a mapping of option: value")
    allowed = {f.name for f in fields(FetchPolicy)} - {"allow_private"}
    unknown = sorted(set(options) - allowed)
    if unknown:
        raise SourcesError(f"{path}: unknown fetch option {', '.join(unknown)} (known: {', '.join(sorted(allowed))})")
    return FetchPolicy(**{key: _fetch_option(where, key, value) for key, value in options.items()})


def _fetch_option(where: str, key: str, value: object) -> object:
    default = getattr(FetchPolicy, key)
    if isinstance(default, bool):
        return _flag(where, key, value)
    if isinstance(default, str):
        return _header_text(where, key, value)
    number = _number(where, key, value)
    return number if isinstance(default, int) else float(number)


def _flag(where: str, key: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise SourcesError(f"{where}: {key} must be true or false")
    return value


def _number(where: str, key: str, value: object) -> int | float:
    """``value`` as a finite number in the range of ``key``; a whole number where one is meant."""
    rule = SOURCE_NUMBERS.get(key) or FETCH_NUMBERS[key]
    kind = "a whole number" if rule.whole else "a number"
    refusal = SourcesError(f"{where}: {key} must be {kind} from {rule.low} to {rule.high}, not {value!r}")
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise refusal
    try:
        number = float(value)
    except (ValueError, OverflowError):
        raise refusal from None
    if not math.isfinite(number) or not rule.low <= number <= rule.high or (rule.whole and not number.is_integer()):
        raise refusal
    return int(number) if rule.whole else number


def _header_text(where: str, key: str, value: object) -> str:
    """A value sent as an HTTP header: one line of Latin-1 text without control characters."""
    if not isinstance(value, str) or not value.strip():
        raise SourcesError(f"{where}: {key} must be a line of text")
    if CONTROL_CHARACTER.search(value):
        raise SourcesError(f"{where}: {key} must not contain line breaks or other control characters")
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        raise SourcesError(f"{where}: {key} must be written in Latin-1 characters (it is sent as a header)") from None
    return value
