"""Read a fetched RSS 2.0, RSS 1.0 (RDF) or Atom feed, sitemap or sitemap index (bytes, no network).

``parse_listing(content, base_url, max_entries)`` returns a ``Listing``: its kind, the article
entries in document order (URL resolved against ``base_url`` and any ``xml:base``, non-http(s)
URLs dropped, the second of two entries with the same ``canonical_url`` dropped) and, for a
sitemap index, its child sitemaps. Gzip content is decompressed up to ``MAX_DECOMPRESSED_BYTES``.
The content is parsed incrementally (lxml's pull parser, each item dropped once read), so memory
does not grow with the listing, and parsing stops after ``max_entries`` entries.
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

import math
import re
import zlib
from collections.abc import Iterator
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
ITEMS = {"rss": "item", "atom": "entry", "rdf": "item", "sitemap": "url", "sitemapindex": "sitemap"}
PIECE_BYTES = 64 * 1024  # fed to the parser at a time
ENTITY_BYTES = 32  # an entity reference longer than this is taken for a bare ampersand


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
    truncated: bool = False  # more entries (or child sitemaps) followed than were asked for


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


def _pieces(content: bytes, base_url: str) -> Iterator[bytes]:
    """The content in pieces of at most ``PIECE_BYTES``, gunzipped on the way when it is gzip."""
    if content[:2] != b"\x1f\x8b":
        yield from (content[start : start + PIECE_BYTES] for start in range(0, len(content), PIECE_BYTES))
        return
    inflater, size = zlib.decompressobj(wbits=31), 0
    for start in range(0, len(content), PIECE_BYTES):
        data = content[start : start + PIECE_BYTES]
        while data and not inflater.eof:
            try:
                piece = inflater.decompress(data, PIECE_BYTES)
            except zlib.error as error:
                raise FeedError(f"{base_url}: corrupt gzip content ({error})") from None
            size += len(piece)
            if size > MAX_DECOMPRESSED_BYTES:
                raise FeedError(f"{base_url}: gzip content expands beyond {MAX_DECOMPRESSED_BYTES:,} bytes")
            yield piece
            data = inflater.unconsumed_tail
        if inflater.eof:
            return  # anything after the gzip member is ignored
    raise FeedError(f"{base_url}: truncated gzip content")


def _escape_ampersands(pieces: Iterator[bytes]) -> Iterator[bytes]:
    """The pieces with bare ``&`` escaped; a ``&`` near the end of a piece waits for the next one."""
    held = b""
    for piece in pieces:
        data = held + piece
        cut = data.rfind(b"&")
        cut = cut if cut >= 0 and len(data) - cut <= ENTITY_BYTES else len(data)
        held = data[cut:]
        yield BARE_AMPERSAND.sub(b"&amp;", data[:cut])
    yield BARE_AMPERSAND.sub(b"&amp;", held)


class _Reader:
    """Turns parser events into a listing, forgetting each item once it is read (memory stays flat)."""

    def __init__(self, base_url: str, limit: float):
        self.base_url, self.limit = base_url, limit
        self.kind: str | None = None
        self.depth = 0
        self.entries: dict[str, Entry] = {}
        self.sitemaps: dict[str, None] = {}
        self.truncated = False

    def read(self, events) -> bool:
        """Read the events; True once the listing holds ``limit`` items and another one follows."""
        for event, element in events:
            if event == "start":
                if self.kind is None:
                    self.kind = _kind_of(element, self.base_url)
                self.depth += 1
                continue
            self.depth -= 1
            if self._is_container(element, self.depth) or not self._is_container(element.getparent(), self.depth - 1):
                continue  # a container stays to the end; what is inside an item is read with the item
            if etree.QName(element).localname == ITEMS[self.kind] and self._take(element):
                return True
            _forget(element)
        return False

    def listing(self) -> Listing:
        return Listing(self.kind, list(self.entries.values()), list(self.sitemaps), self.truncated)

    def _is_container(self, element, depth: int) -> bool:
        """The root, or an RSS channel: the elements whose children are the items."""
        return depth == 0 or (self.kind == "rss" and depth == 1 and etree.QName(element).localname == "channel")

    def _take(self, item) -> bool:
        """Add the item's entry (or child sitemap); True, adding nothing, when the listing is full."""
        if self.kind == "sitemapindex":
            key = _url(item, _text(item, "loc"), self.base_url)
            value, held = None, self.sitemaps
        else:
            value, held = _entry(self.kind, item, self.base_url), self.entries
            key = canonical_url(value.url) if value else None
        if key is None or key in held:
            return False
        if len(held) >= self.limit:
            self.truncated = True
            return True
        held[key] = value
        return False


def _kind_of(root, base_url: str) -> str:
    name = etree.QName(root).localname
    if name not in KINDS:
        raise FeedError(f"{base_url}: not a feed or sitemap (the root element is <{name}>)")
    return KINDS[name]


def _forget(element) -> None:
    """Drop a read element and what came before it, so that the tree never grows with the listing."""
    element.clear()
    parent = element.getparent()
    while element.getprevious() is not None:
        del parent[0]


def _read(pieces: Iterator[bytes], base_url: str, limit: float, recover: bool) -> Listing:
    parser = etree.XMLPullParser(
        events=("start", "end"),
        base_url=base_url,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        recover=recover,
        remove_comments=True,
    )
    reader, started = _Reader(base_url, limit), False
    for piece in pieces:
        piece = piece if started else piece.lstrip()
        if not piece:
            continue
        started = True
        parser.feed(piece)
        if reader.read(parser.read_events()):
            return reader.listing()
    if not started:
        raise FeedError(f"{base_url}: empty content")
    parser.close()
    reader.read(parser.read_events())
    if reader.kind is None:
        raise etree.XMLSyntaxError("no element", None, 0, 0)
    return reader.listing()


def parse_listing(content: bytes, base_url: str, max_entries: int | None = None) -> Listing:
    """The entries (or child sitemaps) of a feed, sitemap or sitemap index; FeedError if none.

    Read as it is parsed: at most ``max_entries`` entries (or child sitemaps) are kept and the
    rest is not read (the listing says ``truncated``).
    """
    limit = math.inf if max_entries is None else max_entries
    try:
        return _read(_pieces(content, base_url), base_url, limit, recover=False)
    except etree.LxmlError as error:
        first = error
    try:
        return _read(_escape_ampersands(_pieces(content, base_url)), base_url, limit, recover=True)
    except etree.LxmlError:
        raise FeedError(f"{base_url}: not XML ({getattr(first, 'msg', None) or first})") from None
