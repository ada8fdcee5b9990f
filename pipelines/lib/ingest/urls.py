"""Canonical URLs, so that one article is stored once whichever copy of it a feed links to.

- ``canonical_url(url)``: the key of "the same article". Scheme and host lowercased (an
  internationalized host in its ASCII form), the default port and fragment dropped;
  ``www.``, mobile (``m.``, ``mobile.``) and ``amp.`` host prefixes removed; AMP path
  segments and suffixes removed; dot segments resolved, duplicate slashes and the
  trailing slash (except the root's) removed; percent-escapes normalized (escapes of
  letters, digits and ``-._~`` decoded, the rest upper-case, anything else that needs it
  escaped as UTF-8); tracking and AMP query parameters removed and the rest sorted.
  Input that is not an absolute http(s) URL with a valid host (``mailto:``, a relative
  path, junk) comes back stripped and otherwise unchanged. Never raises on a str.
- ``split_page(url)``: ``(canonical URL of the whole article, page number)``; page 0 means
  the whole article on one page (``?page=all``).
- ``is_http_url(url)``: http or https with a valid host.

A URL whose host part (between ``//`` and the path) holds a user name (``user@host``) or a
backslash is no http(s) URL here: readers disagree on its host (``http://10.0.0.1\\@example.com/``
is example.com to urllib.parse and 10.0.0.1 to urllib3), and the fetcher refuses it.

The rules are data in ``lexicon/url_rules.toml``. Written on urllib.parse rather than
courlan: ``courlan.normalize_url``/``clean_url`` drop every parameter whose name merely
starts like a tracker (``?gallery=``, ``?galeri=``, ``?gambar=``, ``?reference=``,
``?source=``), keep the trailing slash when a query remains, leave ``%7e``/``~`` and
``%c3%a9``/``%C3%A9`` different, and ``clean_url`` replaces a share link by the URL it
carries.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import SplitResult, quote, unquote, urlsplit

from pipelines.lib.lexicons import load_merged

RULES_FILE = "url_rules.toml"
DEFAULT_PORTS = {"http": 80, "https": 443}
UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
SEGMENT_SAFE = "!$&'()*+,;=:@"  # legal unescaped in a path segment besides the unreserved
QUERY_SAFE = "!$'()*+,;:@/?"  # the same in a query name or value, but & and = delimit
ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})|([^%]+)|%")
HOST = re.compile(r"[a-z0-9_-]+(?:\.[a-z0-9_-]+)*")
PAGE_NUMBER = re.compile(r"[0-9]{1,6}")


@dataclass(frozen=True)
class Rules:
    host_prefixes: tuple[str, ...]
    amp_segments: frozenset[str]
    amp_suffixes: tuple[tuple[str, str], ...]
    amp_names: frozenset[str]
    amp_pairs: frozenset[tuple[str, str]]
    tracking_names: frozenset[str]
    tracking_prefixes: tuple[str, ...]
    page_names: frozenset[str]
    page_all: frozenset[str]


@cache
def rules() -> Rules:
    """url_rules.toml, merged across the lexicon folders (WARTA_LEXICON_PATH)."""
    data = load_merged(RULES_FILE) or {}

    def low(section: str, key: str) -> list[str]:
        return [str(item).lower() for item in data.get(section, {}).get(key, [])]

    amp = data.get("amp", {})
    return Rules(
        host_prefixes=tuple(low("host", "prefixes")),
        amp_segments=frozenset(low("amp", "path_segments")),
        amp_suffixes=tuple((end.lower(), new) for end, new in amp.get("path_suffixes", [])),
        amp_names=frozenset(low("amp", "query_names")),
        amp_pairs=frozenset((name.lower(), value.lower()) for name, value in amp.get("query_pairs", [])),
        tracking_names=frozenset(low("tracking", "names")),
        tracking_prefixes=tuple(low("tracking", "prefixes")),
        page_names=frozenset(low("pages", "names")),
        page_all=frozenset(low("pages", "all_values")),
    )


def _escapes(text: str, safe: str) -> str:
    out = []
    for match in ESCAPE.finditer(text):
        if match[1]:
            char = chr(int(match[1], 16))
            out.append(char if char in UNRESERVED else "%" + match[1].upper())
        else:
            out.append(quote(match[2], safe=safe) if match[2] else "%25")
    return "".join(out)


def _host(hostname: str | None) -> str | None:
    """The lowercased ASCII host without the rules' prefixes, or None when it is not a host."""
    if not hostname:
        return None
    if ":" in hostname:
        return f"[{ipaddress.IPv6Address(hostname).compressed}]"
    host = hostname.lower() if hostname.isascii() else hostname.encode("idna").decode("ascii")
    host = host.removesuffix(".")
    if not HOST.fullmatch(host):
        return None
    stripped = True
    while stripped:
        stripped = False
        for prefix in rules().host_prefixes:
            if host.startswith(prefix) and "." in host[len(prefix) :]:
                host, stripped = host[len(prefix) :], True
    return host


def _path(path: str) -> str:
    segments = [_escapes(segment, SEGMENT_SAFE) for segment in path.split("/")]
    r = rules()
    while True:  # each round that changes anything shortens the path, so this ends
        kept: list[str] = []
        for segment in segments:
            if segment == "..":
                kept = kept[:-1]
            elif segment not in ("", "."):
                kept.append(segment)
        kept = [segment for segment in kept if segment.lower() not in r.amp_segments]
        if kept:
            last = kept[-1].lower()
            ending = next((pair for pair in r.amp_suffixes if last.endswith(pair[0])), None)
            if ending:
                kept[-1] = kept[-1][: -len(ending[0])] + ending[1]
        if kept == segments:
            return "/" + "/".join(kept)
        segments = kept


def _query(query: str) -> str:
    r = rules()
    kept = []
    for item in query.split("&"):
        name, equals, value = item.partition("=")
        if not (name or value):
            continue
        name, value = _escapes(name, QUERY_SAFE), _escapes(value, QUERY_SAFE + "=")
        key = unquote(name).lower()
        if (
            key in r.tracking_names
            or key.startswith(r.tracking_prefixes)
            or key in r.amp_names
            or (key, unquote(value).lower()) in r.amp_pairs
        ):
            continue
        kept.append((name, equals, value))
    return "&".join("".join(pair) for pair in sorted(kept))


def _http_parts(text: str) -> SplitResult | None:
    """``text`` split, when it is an http(s) URL whose host part holds neither user info nor a backslash."""
    parts = urlsplit(text)
    if parts.scheme.lower() not in DEFAULT_PORTS or "@" in parts.netloc or "\\" in parts.netloc:
        return None
    return parts


def canonical_url(url: str) -> str:
    """The key of "the same article"; input that is no http(s) URL comes back stripped."""
    text = url.strip()
    try:
        parts = _http_parts(text)
        scheme = parts.scheme.lower() if parts else ""
        host = _host(parts.hostname) if parts else None
        if host is None:
            return text
        port = parts.port
        netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
        query = _query(parts.query)
        return f"{scheme}://{netloc}{_path(parts.path)}" + (f"?{query}" if query else "")
    except ValueError:  # a bad port, IPv6 address or host name, unencodable characters
        return text


def split_page(url: str) -> tuple[str, int]:
    """``(canonical URL without its page parameter, page)``: 1 without one, 0 for "all pages".

    A page parameter whose value is neither a positive number nor an "all" word stays in
    the URL (it is not a page number), and the page is 1.
    """
    canonical = canonical_url(url)
    if not is_http_url(canonical):
        return canonical, 1
    base, _, query = canonical.partition("?")
    page, kept = None, []
    for item in query.split("&") if query else []:
        name, _, value = item.partition("=")
        value = unquote(value).strip().lower()
        if unquote(name).lower() in rules().page_names:
            if value in rules().page_all:
                page = 0 if page is None else page
                continue
            if PAGE_NUMBER.fullmatch(value) and int(value) > 0:
                page = int(value) if page is None else page
                continue
        kept.append(item)
    return base + ("?" + "&".join(kept) if kept else ""), 1 if page is None else page


def is_http_url(url: str) -> bool:
    """Only http and https URLs with a valid host (and port)."""
    try:
        parts = _http_parts(url.strip())
        if parts is None or _host(parts.hostname) is None:
            return False
        parts.port  # raises ValueError on a port that is not one
        return True
    except ValueError:
        return False
