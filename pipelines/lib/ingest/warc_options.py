"""The options of a WARC source in the sources file: where the archives are, and which pages to keep.

- name: archive
  warc: archives/*.warc.gz    # one file, a glob (relative to the sources file), or
  # warc: [https://example.org/a.warc.gz, https://example.org/b.warc.gz]
  hosts: [antaranews.com]     # only pages of these hosts and their subdomains (default: all)
  languages: [id]             # only pages detected in these languages (default: all)
"""

from __future__ import annotations

import os
from pathlib import Path

from pipelines.lib.ingest.urls import canonical_url, is_http_url

WARC_OPTIONS = ("hosts", "languages")


class WarcOptionsError(ValueError):
    """An option of a WARC source cannot be used; the message says which and why."""


def warc_location(sources_path: Path, value: object) -> tuple[str, tuple[str, ...]]:
    """(location, urls): an absolute path or glob and no URLs, or the first URL and all of them."""
    if isinstance(value, list):
        if not value or not all(isinstance(url, str) and url.strip() for url in value):
            raise WarcOptionsError("`warc` must be a path, a glob or a list of http(s) URLs")
        urls = tuple(url.strip() for url in value)
        return urls[0], urls
    if not isinstance(value, str) or not value.strip():
        raise WarcOptionsError("`warc` must be a path, a glob or a list of http(s) URLs")
    value = value.strip()
    if is_http_url(value):
        return value, (value,)
    return os.path.normpath(Path(sources_path).resolve().parent / value), ()


def warc_filters(kind: str, entry: dict) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(hosts, languages) of a source entry; both are options of WARC sources only."""
    given = [option for option in WARC_OPTIONS if option in entry]
    if given and kind != "warc":
        raise WarcOptionsError(f"{', '.join(given)}: only a `warc` source takes this option")
    hosts = tuple(_host(item) for item in _words(entry, "hosts"))
    languages = tuple(item.lower() for item in _words(entry, "languages"))
    if any(len(language) != 2 or not language.isalpha() for language in languages):
        raise WarcOptionsError(f"languages must be two-letter codes such as id or en, not {list(languages)}")
    return hosts, languages


def host_matches(url: str, hosts: tuple[str, ...]) -> bool:
    """Whether the URL's host is one of ``hosts`` or a subdomain of one (all hosts when empty)."""
    if not hosts:
        return True
    host = _host(url)
    return any(host == wanted or host.endswith("." + wanted) for wanted in hosts)


def _words(entry: dict, option: str) -> list[str]:
    value = entry.get(option, [])
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) and item.strip() for item in items):
        raise WarcOptionsError(f"{option} must be a list of names")
    return [item.strip() for item in items]


def _host(name: str) -> str:
    """The host as canonical URLs write it (lowercase, without ``www.``): of a URL, or of a bare host name."""
    url = name if "://" in name else f"https://{name}/"
    canonical = canonical_url(url)
    return canonical.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
