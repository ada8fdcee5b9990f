"""Fetch pages politely and safely: timeouts, retries with back-off, a delay per host,
robots.txt, a size cap, http(s) only, and no private addresses unless allowed.

Built on urllib3 (trafilatura's own HTTP client). Redirects are followed by hand so
that every hop is checked against the same rules as the first URL.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import urllib3

USER_AGENT = "warta/0.2 (news-to-warehouse pipeline; set fetch.user_agent to add a contact)"
RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_REDIRECTS = 5


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


def check_address(url: str, allow_private: bool) -> None:
    """Refuse anything but http(s), and hosts that resolve to non-public addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"refused: only http and https URLs are fetched, not {parts.scheme or 'a bare path'!r}")
    if not parts.hostname:
        raise FetchError("refused: the URL has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"could not resolve {parts.hostname}: {error}") from error
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global or address.is_multicast:
            raise FetchError(
                f"refused: {parts.hostname} resolves to the non-public address {address} "
                "(set allow_private: true on the source to fetch it)"
            )


@dataclass
class Fetcher:
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    sleep: object = time.sleep
    # per host: when it was last asked, and its robots.txt; share them between the fetchers of one run
    last_request: dict[str, float] = field(default_factory=dict)
    robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        timeout = urllib3.Timeout(connect=self.policy.timeout_seconds, read=self.policy.timeout_seconds)
        self._pool = urllib3.PoolManager(timeout=timeout, retries=False, headers={"User-Agent": self.policy.user_agent})

    def get(self, url: str) -> Response:
        """GET ``url`` following up to five redirects; raises FetchError with the reason."""
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            check_address(current, self.policy.allow_private)
            if self.policy.respect_robots and not self._allowed(current):
                raise FetchError(f"refused by robots.txt of {urlsplit(current).netloc}")
            status, headers, content = self._request(current)
            if status in (301, 302, 303, 307, 308) and headers.get("location"):
                current = urljoin(current, headers["location"])
                continue
            if status >= 400:
                raise FetchError(f"HTTP {status}", status)
            return Response(url, current, status, content, headers.get("content-type"))
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")

    def _request(self, url: str) -> tuple[int, dict, bytes]:
        delay = self.policy.backoff_seconds
        for attempt in range(self.policy.retries + 1):
            self._wait_for_host(url)
            try:
                status, headers, content = self._download(url)
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

    def _download(self, url: str) -> tuple[int, dict, bytes]:
        deadline = time.monotonic() + 2 * self.policy.timeout_seconds
        response = self._pool.request("GET", url, preload_content=False, redirect=False)
        try:
            headers = {key.lower(): value for key, value in response.headers.items()}
            declared = headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.policy.max_bytes:
                raise FetchError(f"oversized: {declared} bytes, the limit is {self.policy.max_bytes}")
            chunks, size = [], 0
            for chunk in response.stream(65536):
                size += len(chunk)
                if size > self.policy.max_bytes:
                    raise FetchError(f"oversized: more than {self.policy.max_bytes} bytes")
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out: the download took longer than {2 * self.policy.timeout_seconds:g} s")
                chunks.append(chunk)
            return response.status, headers, b"".join(chunks)
        finally:
            response.release_conn()

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self.last_request.get(host)
        if last is not None:
            remaining = self.policy.host_delay_seconds - (time.monotonic() - last)
            if remaining > 0:
                self.sleep(remaining)
        self.last_request[host] = time.monotonic()

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self.robots:
            self.robots[origin] = self._read_robots(origin)
        rules = self.robots[origin]
        return rules is None or rules.can_fetch(self.policy.user_agent, url)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's rules; a missing or unreadable robots.txt allows everything (the common convention)."""
        try:
            status, _, content = self._request(origin + "/robots.txt")
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
