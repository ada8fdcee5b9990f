"""Discover what a user put in the inbox: article files and lists of URLs.

``.html``/``.htm`` pages and ``.txt`` articles are read as they are; a ``.urls``
file lists one URL per line (``#`` starts a comment) and each URL is fetched
over HTTP. Anything else in the inbox is reported as unsupported, never skipped
in silence. Hidden files (``.gitkeep``) are ignored.
"""

from __future__ import annotations

import hashlib
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIXES = {".html": "html", ".htm": "html", ".txt": "text"}
URL_LIST_SUFFIX = ".urls"
USER_AGENT = "warta/0.1 (+news-to-warehouse pipeline)"


@dataclass(frozen=True)
class Item:
    """One input: a file of the inbox or a URL listed in it."""

    source: str  # path relative to the inbox, or the URL
    kind: str  # html | text | unsupported
    content: bytes | None  # None when it could not be read or fetched
    error: str | None = None

    @property
    def content_hash(self) -> str | None:
        return hashlib.sha256(self.content).hexdigest() if self.content is not None else None


def fetch(url: str, timeout: float = 20.0, max_bytes: int = 10_000_000) -> bytes:
    """GET ``url``; raises ``OSError`` with a readable message on failure."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
    except urllib.error.HTTPError as error:
        raise OSError(f"HTTP {error.code} fetching {url}") from error
    except (urllib.error.URLError, TimeoutError, ValueError) as error:
        raise OSError(f"could not fetch {url}: {getattr(error, 'reason', error)}") from error
    return data


def _urls(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]


def discover(inbox: Path, fetch_urls: bool = True, max_bytes: int = 10_000_000) -> list[Item]:
    """Every input in ``inbox`` (recursively), sorted by source."""
    items: list[Item] = []
    for path in sorted(p for p in inbox.rglob("*") if p.is_file()):
        relative = path.relative_to(inbox).as_posix()
        if any(part.startswith(".") for part in path.relative_to(inbox).parts):
            continue
        suffix = path.suffix.lower()
        if suffix == URL_LIST_SUFFIX:
            for url in _urls(path):
                if not fetch_urls:
                    continue
                try:
                    items.append(Item(url, "html", fetch(url, max_bytes=max_bytes)))
                except OSError as error:
                    items.append(Item(url, "html", None, str(error)))
            continue
        kind = ARTICLE_SUFFIXES.get(suffix, "unsupported")
        try:
            items.append(Item(relative, kind, path.read_bytes()))
        except OSError as error:
            items.append(Item(relative, kind, None, f"could not read file: {error}"))
    return items
