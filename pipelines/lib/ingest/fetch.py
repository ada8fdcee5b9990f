"""Fetch pages politely and safely: timeouts, retries with back-off, a delay per host,
robots.txt, a size cap, http(s) only, and no private addresses unless allowed.

Built on urllib3 (trafilatura's own HTTP client). A URL is parsed once, the way urllib3
reads it; its host is resolved once, and the connection goes to the addresses that were
checked. Redirects are followed by hand so that every hop is checked against the same
rules as the first URL. A whole download, whatever the server sends, ends by its deadline.
"""

from __future__ import annotations

import re
import socket
import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urljoin

import urllib3
from urllib3.exceptions import LocationParseError
from urllib3.util import Url, parse_url

from pipelines.lib.ingest.addresses import is_public, parse_address
from pipelines.lib.ingest.connections import pool_for

USER_AGENT = "warta/0.2 (news-to-warehouse pipeline; set fetch.user_agent to add a contact)"
RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_REDIRECTS = 5
DEFAULT_PORTS = {"http": 80, "https": 443}
CHUNK_BYTES = 16384
# what follows "scheme://" up to the path, query or fragment, as most URL readers see it
WRITTEN_AUTHORITY = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#]*)")
SPACE_OR_CONTROL = re.compile(r"[\x00-\x20\x7f]")


class FetchError(Exception):
    """A page could not be fetched; ``reason`` says why in plain words."""

    def __init__(self, reason: str, status: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class FetchPolicy:
    user_agent: str = USER_AGENT
    timeout_seconds: float = 20.0  # connect and each read; the whole download gets twice this
    retries: int = 2  # extra attempts after a connection error, a timeout, 429 or 5xx
    backoff_seconds: float = 1.0  # doubled after each failed attempt
    host_delay_seconds: float = 1.0  # between two requests to the same host
    max_bytes: int = 5_000_000
    allow_private: bool = False  # loopback, private, link-local addresses
    respect_robots: bool = True


@dataclass(frozen=True)
class Response:
    url: str  # as requested
    final_url: str  # after redirects
    status: int
    content: bytes
    content_type: str | None


@dataclass(frozen=True)
class Target:
    """A URL as urllib3 reads it, and the checked addresses its host resolved to."""

    url: str
    parts: Url
    addresses: tuple[str, ...]

    @property
    def origin(self) -> str:
        return f"{self.parts.scheme}://{self.parts.netloc}"

    def at(self, path: str) -> Target:
        """Another path on the same host and addresses (robots.txt)."""
        url = self.origin + path
        return Target(url, parse_url(url), self.addresses)


def parse_target_url(url: str) -> Url:
    """``url`` as urllib3 reads it; refuses all but plain http(s) URLs whose host every reader sees alike."""
    try:
        parts = parse_url(url)
    except LocationParseError as error:
        raise FetchError(f"refused: {url!r} is not a valid URL") from error
    if parts.scheme not in DEFAULT_PORTS:
        raise FetchError(f"refused: only http and https URLs are fetched, not {parts.scheme or 'a bare path'!r}")
    written = WRITTEN_AUTHORITY.match(url)
    authority = written.group(1) if written else ""
    if "\\" in authority:
        raise FetchError("refused: the host part of the URL contains a backslash")
    if "@" in authority or parts.auth:
        raise FetchError("refused: the URL has a user name or password before its host (user@host)")
    if SPACE_OR_CONTROL.search(authority):
        raise FetchError("refused: the host part of the URL contains a space or a control character")
    if not parts.host:
        raise FetchError("refused: the URL has no host")
    return parts


def resolve_target(url: str, allow_private: bool) -> Target:
    """Parse ``url``, resolve its host once and, unless ``allow_private``, refuse non-public addresses."""
    parts = parse_target_url(url)
    host = parts.host.strip("[]")
    try:
        infos = socket.getaddrinfo(host, parts.port or DEFAULT_PORTS[parts.scheme], type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"could not resolve {host}: {error}") from error
    addresses = tuple(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise FetchError(f"could not resolve {host}: no address")
    if not allow_private:
        for address in map(parse_address, addresses):
            if not is_public(address):
                raise FetchError(
                    f"refused: {host} resolves to the non-public address {address} "
                    "(set allow_private: true on the source to fetch it)"
                )
    return Target(url, parts, addresses)


@dataclass
class Fetcher:
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    sleep: object = time.sleep
    # per host: when it was last asked, and its robots.txt; share them between the fetchers of one run
    last_request: dict[str, float] = field(default_factory=dict)
    robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)

    def get(self, url: str) -> Response:
        """GET ``url`` following up to five redirects; raises FetchError with the reason."""
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            target = resolve_target(current, self.policy.allow_private)
            if self.policy.respect_robots and not self._allowed(target):
                raise FetchError(f"refused by robots.txt of {target.parts.netloc}")
            status, headers, content = self._request(target)
            if status in (301, 302, 303, 307, 308) and headers.get("location"):
                current = urljoin(current, headers["location"])
                continue
            if status >= 400:
                raise FetchError(f"HTTP {status}", status)
            return Response(url, current, status, content, headers.get("content-type"))
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")

    def _request(self, target: Target) -> tuple[int, dict, bytes]:
        delay = self.policy.backoff_seconds
        for attempt in range(self.policy.retries + 1):
            self._wait_for_host(target)
            try:
                status, headers, content = self._download(target)
            except FetchError:
                raise
            except (urllib3.exceptions.HTTPError, OSError) as error:
                if attempt == self.policy.retries:
                    raise FetchError(f"could not fetch: {_describe(error)}") from error
            else:
                if status not in RETRY_STATUSES or attempt == self.policy.retries:
                    return status, headers, content
                delay = max(delay, _retry_after(headers))
            self.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")

    def _download(self, target: Target) -> tuple[int, dict, bytes]:
        """One GET of ``target``, done by its deadline (twice the timeout) whatever the server sends."""
        limit = 2 * self.policy.timeout_seconds
        deadline = time.monotonic() + limit
        parts = target.parts
        pool = pool_for(
            parts.scheme, parts.host, parts.port or DEFAULT_PORTS[parts.scheme], target.addresses, deadline,
            self.policy.timeout_seconds, {"User-Agent": self.policy.user_agent},
        )  # fmt: skip
        with pool:
            try:
                return self._read(pool, parts.request_uri)
            except (urllib3.exceptions.HTTPError, OSError) as error:
                if time.monotonic() >= deadline:
                    raise FetchError(f"timed out: the download took longer than {limit:g} s") from error
                raise

    def _read(self, pool: urllib3.HTTPConnectionPool, path: str) -> tuple[int, dict, bytes]:
        response = pool.urlopen("GET", path, preload_content=False, redirect=False, retries=False)
        try:
            headers = {key.lower(): value for key, value in response.headers.items()}
            declared = headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.policy.max_bytes:
                raise FetchError(f"oversized: {declared} bytes, the limit is {self.policy.max_bytes}")
            chunks, size = [], 0
            for chunk in response.stream(CHUNK_BYTES):
                size += len(chunk)
                if size > self.policy.max_bytes:
                    raise FetchError(f"oversized: more than {self.policy.max_bytes} bytes")
                chunks.append(chunk)
            return response.status, headers, b"".join(chunks)
        finally:
            response.release_conn()

    def _wait_for_host(self, target: Target) -> None:
        host = target.parts.netloc
        last = self.last_request.get(host)
        if last is not None:
            remaining = self.policy.host_delay_seconds - (time.monotonic() - last)
            if remaining > 0:
                self.sleep(remaining)
        self.last_request[host] = time.monotonic()

    def _allowed(self, target: Target) -> bool:
        if target.origin not in self.robots:
            self.robots[target.origin] = self._read_robots(target.at("/robots.txt"))
        rules = self.robots[target.origin]
        return rules is None or rules.can_fetch(self.policy.user_agent, target.url)

    def _read_robots(self, target: Target) -> urllib.robotparser.RobotFileParser | None:
        """The site's rules; a missing or unreadable robots.txt allows everything (the common convention)."""
        try:
            status, _, content = self._request(target)
        except FetchError:
            return None
        if status >= 400:
            return None
        robots = urllib.robotparser.RobotFileParser()
        robots.parse(content.decode("utf-8", errors="replace").splitlines())
        return robots


def _retry_after(headers: dict) -> float:
    value = headers.get("retry-after", "")
    return min(float(value), 60.0) if value.isdigit() else 0.0


def _describe(error: Exception) -> str:
    text = str(getattr(error, "reason", None) or error)
    if "timed out" in text.lower():
        return "timed out"
    return text
