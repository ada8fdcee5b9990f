"""Read a fetched RSS 2.0, RSS 1.0 (RDF) or Atom feed, sitemap or sitemap index (bytes, no network).

``parse_listing(content, base_url)`` returns a ``Listing``: its kind, the article entries in
document order (URL resolved against ``base_url`` and any ``xml:base``, non-http(s) URLs
dropped, the second of two entries with the same ``canonical_url`` dropped) and, for a sitemap
index, its child sitemaps. Gzip content is decompressed up to ``MAX_DECOMPRESSED_BYTES``.
Dates are RFC 822 or ISO 8601 / W3C, returned as naive UTC (a date without a zone, or with
a zone name RFC 822 does not know, is taken as UTC); a date that cannot be read is None.
Anything else raises ``FeedError`` saying what was wrong.

XML is parsed without resolving entities, loading DTDs or using the network; malformed XML
is parsed once more with bare ``&`` escaped and lxml's ``recover=True`` before giving up.

Written with lxml because ``trafilatura.feeds``/``trafilatura.sitemaps`` return bare,
re-sorted links without dates or titles and drop links to IP-address, localhost or other
domains' hosts.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from lxml import etree

from pipelines.lib.ingest.urls import canonical_url, is_http_url

MAX_DECOMPRESSED_BYTES = 50 * 1024 * 1024
KINDS = {"rss": "rss", "feed": "atom", "RDF": "rdf", "urlset": "sitemap", "sitemapindex": "sitemapindex"}
DC = "http://purl.org/dc/elements/1.1/"
ATOM = "http://www.w3.org/2005/Atom"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
FEEDBURNER = "http://rssnamespace.org/feedburner/ext/1.0"
BARE_AMPERSAND = re.compile(rb"&(?!#[0-9]+;|#x[0-9a-fA-F]+;|[A-Za-z_][\w.-]*;)")
YEAR_MONTH = re.compile(r"([0-9]{4})(?:-([0-9]{2}))?")


@dataclass(frozen=True)
class Entry:
    url: str
    published_at: datetime | None = None  # naive UTC
    updated_at: datetime | None = None  # naive UTC
    title: str | None = None


@dataclass(frozen=True)
class Listing:
    kind: str  # rss | atom | rdf | sitemap | sitemapindex
    entries: list[Entry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # child sitemaps of a sitemap index


class FeedError(ValueError):
    """Content that is no feed or sitemap; the message says what was wrong."""


def parse_date(text: str | None) -> datetime | None:
    """An RFC 822 or ISO 8601 date as naive UTC, or None."""
    text = (text or "").strip()
    try:
        if text[:4].isdigit():
            if match := YEAR_MONTH.fullmatch(text):
                return datetime(int(match[1]), int(match[2] or 1), 1)
            moment = datetime.fromisoformat(text)
        else:
            moment = parsedate_to_datetime(text)
        if moment.tzinfo is not None:
            moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
        return moment
    except (ValueError, TypeError, OverflowError, IndexError):
        return None


def _child(element, name: str, namespace: str | None = None):
    namespace = etree.QName(element).namespace if namespace is None else namespace
    return element.find(f"{{{namespace}}}{name}" if namespace else name)


def _text(element, name: str, namespace: str | None = None) -> str | None:
    child = None if element is None else _child(element, name, namespace)
    text = "" if child is None else " ".join("".join(child.itertext()).split())
    return text or None


def _items(parent, name: str) -> list:
    return [child for child in parent if isinstance(child.tag, str) and etree.QName(child).localname == name]


def _url(element, text: str | None, base_url: str) -> str | None:
    if not text:
        return None
    try:
        url = urljoin(element.base or base_url, text.strip())
    except ValueError:
        return None
    return url if is_http_url(url) else None


def _entry(kind: str, item, base_url: str) -> Entry | None:
    date = parse_date
    if kind in ("rss", "rdf"):
        link = _child(item, "origLink", FEEDBURNER)
        link = link if link is not None and link.text else _child(item, "link")
        url = _url(item, "" if link is None else link.text, base_url)
        guid = _child(item, "guid")
        if url is None and guid is not None and guid.get("isPermaLink", "true") != "false":
            url = _url(guid, guid.text, base_url)
        published = date(_text(item, "pubDate")) or date(_text(item, "date", DC))
        return Entry(url, published, date(_text(item, "updated", ATOM)), _text(item, "title")) if url else None
    if kind == "atom":
        links = [link for link in _items(item, "link") if link.get("href")]
        alternate = [link for link in links if link.get("rel", "alternate") == "alternate"]
        link = (alternate or links or [None])[0]
        url = None if link is None else _url(link, link.get("href"), base_url)
        published = date(_text(item, "published")) or date(_text(item, "issued"))
        updated = date(_text(item, "updated")) or date(_text(item, "modified"))
        return Entry(url, published, updated, _text(item, "title")) if url else None
    news = _child(item, "news", NEWS)
    url = _url(item, _text(item, "loc"), base_url)
    published = date(_text(news, "publication_date", NEWS))
    return Entry(url, published, date(_text(item, "lastmod")), _text(news, "title", NEWS)) if url else None


def _gunzip(content: bytes, base_url: str) -> bytes:
    inflater = zlib.decompressobj(wbits=31)
    try:
        data = inflater.decompress(content, MAX_DECOMPRESSED_BYTES + 1)
    except zlib.error as error:
        raise FeedError(f"{base_url}: corrupt gzip content ({error})") from None
    if len(data) > MAX_DECOMPRESSED_BYTES:
        raise FeedError(f"{base_url}: gzip content expands beyond {MAX_DECOMPRESSED_BYTES:,} bytes")
    if not inflater.eof:
        raise FeedError(f"{base_url}: truncated gzip content")
    return data


def _parse_xml(data: bytes, base_url: str):
    data = data.lstrip()
    if not data:
        raise FeedError(f"{base_url}: empty content")
    error = None
    for recover in (False, True):
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            recover=recover,
            remove_comments=True,
        )
        try:
            root = etree.fromstring(BARE_AMPERSAND.sub(b"&amp;", data) if recover else data, parser, base_url=base_url)
        except etree.XMLSyntaxError as syntax_error:
            error = error or syntax_error
            continue
        if root is not None:
            return root
    raise FeedError(f"{base_url}: not XML ({error.msg if error else 'no element'})")


def parse_listing(content: bytes, base_url: str) -> Listing:
    """The entries (or child sitemaps) of a feed, sitemap or sitemap index; FeedError if none."""
    data = _gunzip(content, base_url) if content[:2] == b"\x1f\x8b" else content
    root = _parse_xml(data, base_url)
    name = etree.QName(root).localname
    kind = KINDS.get(name)
    if kind is None:
        raise FeedError(f"{base_url}: not a feed or sitemap (the root element is <{name}>)")
    if kind == "sitemapindex":
        urls = [_url(sitemap, _text(sitemap, "loc"), base_url) for sitemap in _items(root, "sitemap")]
        return Listing(kind, [], list(dict.fromkeys(url for url in urls if url)))
    if kind == "rss":
        items = [item for channel in _items(root, "channel") for item in _items(channel, "item")]
        items += _items(root, "item")
    else:
        items = _items(root, {"atom": "entry", "rdf": "item", "sitemap": "url"}[kind])
    entries: dict[str, Entry] = {}
    for item in items:
        entry = _entry(kind, item, base_url)
        if entry is not None:
            entries.setdefault(canonical_url(entry.url), entry)
    return Listing(kind, list(entries.values()), [])
