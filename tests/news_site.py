"""A small news site on 127.0.0.1 for tests: article pages, an RSS feed, an Atom feed and a
sitemap built from what the site holds, robots.txt, redirects, slow pages and errors.
Every request is counted, so tests can tell what a poll fetched."""

from __future__ import annotations

import http.server
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from xml.sax.saxutils import escape


@dataclass
class Page:
    body: bytes
    status: int = 200
    delay: float = 0.0
    content_type: str = "text/html; charset=utf-8"
    updated: str = "2024-05-16T08:00:00+07:00"


@dataclass
class NewsSite:
    pages: dict[str, Page] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    rss: list[str] = field(default_factory=list)
    atom: list[str] = field(default_factory=list)
    sitemap: list[str] = field(default_factory=list)
    robots: str = "User-agent: *\nDisallow: /private/\n"
    hits: Counter = field(default_factory=Counter)
    agents: list[str] = field(default_factory=list)
    fallback: Page | None = None  # served for any other path

    def __post_init__(self) -> None:
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
                site.hits[self.path] += 1
                site.agents.append(self.headers.get("User-Agent", ""))
                status, headers, body, delay = site.respond(self.path)
                time.sleep(delay)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout under test)

            def log_message(self, *args) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def respond(self, path: str) -> tuple[int, dict, bytes, float]:
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, self.robots.encode(), 0.0
        if path in self.redirects:
            return 301, {"Location": self.redirects[path]}, b"", 0.0
        listings = {"/rss.xml": self.rss_feed, "/atom.xml": self.atom_feed, "/sitemap.xml": self.sitemap_xml}
        if path in listings:
            return 200, {"Content-Type": "application/xml"}, listings[path]().encode(), 0.0
        page = self.pages.get(path, self.fallback)
        if page is None:
            return 404, {"Content-Type": "text/plain"}, b"not found", 0.0
        return page.status, {"Content-Type": page.content_type}, page.body, page.delay

    def hits_of(self, paths: list[str]) -> dict[str, int]:
        return {path: self.hits[path] for path in paths}

    def rss_feed(self) -> str:
        items = "".join(
            f"<item><title>Berita {escape(path)}</title><link>{self.url}{escape(path)}</link>"
            "<pubDate>Thu, 16 May 2024 08:00:00 +0700</pubDate></item>"
            for path in self.rss
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Dunia</title>{items}</channel></rss>'

    def atom_feed(self) -> str:
        entries = "".join(
            f'<entry><title>Berita</title><link rel="alternate" href="{self.url}{escape(path)}"/>'
            f"<id>{self.url}{escape(path)}</id><updated>{self._updated(path)}</updated></entry>"
            for path in self.atom
        )
        return f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Dunia</title>{entries}</feed>'

    def sitemap_xml(self) -> str:
        urls = "".join(
            f"<url><loc>{self.url}{escape(path)}</loc><lastmod>{self._updated(path)}</lastmod></url>"
            for path in self.sitemap
        )
        return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'

    def _updated(self, path: str) -> str:
        page = self.pages.get(path.split("?")[0]) or self.pages.get(path)
        return page.updated if page else "2024-05-16T08:00:00+07:00"
