"""Hostile batches through the whole pipeline: the hostile corpus (tests/hostile_corpus.py), and a run
whose inbox holds a FIFO and a name that is not UTF-8, whose raw store holds a truncated blob and one
of whose sources drips a byte a second.

Each hostile input becomes an article, or a row of analytics.rejected (or analytics.fetches) with
its reason; the run succeeds within its time limits, and the good articles of the same batch load.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import dagster as dg
import duckdb

from pipelines.cli import run
from tests.conftest import SEEDS, copy_seeds, resources_for
from tests.hostile_corpus import write_hostile_corpus
from tests.news_site import NewsSite, Page
from tests.test_reingest import as_page

TRUNCATED = "inbox/004_8ea2e4786c536e84.txt"


def test_a_batch_of_hostile_inputs_loads_what_is_good_and_rejects_the_rest_with_reasons(workspace: Path):
    expectations = write_hostile_corpus(workspace / "inbox")
    result = run(resources=resources_for(workspace, max_bytes=5_000_000, max_seconds=30))
    assert result.success
    with duckdb.connect(str(workspace / "warehouse.duckdb"), read_only=True) as conn:
        bodies = dict(conn.execute("select source, body from analytics.articles").fetchall())
        reasons = dict(conn.execute("select source, reason from analytics.rejected").fetchall())
    for name, expected in expectations.items():
        source = f"inbox/{name}"
        if expected.outcome == "article":
            assert source in bodies, (name, reasons.get(source))
            assert expected.text in bodies[source], name
        else:
            assert source in reasons, (name, "loaded as an article")
            assert expected.text in reasons[source], (name, reasons[source])
    assert len(bodies) + len(reasons) == len(expectations)  # nothing lost


class DripServer:
    """An HTTP server on 127.0.0.1 that promises a page and sends one byte of it a second."""

    def __init__(self):
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._closing = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self._closing.is_set():
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._drip, args=(connection,), daemon=True).start()

    def _drip(self, connection: socket.socket) -> None:
        with connection:
            connection.recv(65536)
            try:
                connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n")
                while not self._closing.wait(1.0):
                    connection.sendall(b"<")
            except OSError:
                return

    def close(self) -> None:
        self._closing.set()
        self._listener.close()


def test_a_fifo_a_name_not_utf8_a_truncated_blob_and_a_slow_server_in_one_run(workspace: Path):
    from pipelines.definitions import defs

    inbox = workspace / "inbox"
    copy_seeds(inbox)
    polled = dg.materialize(
        defs.assets, resources=resources_for(workspace), selection=dg.AssetSelection.assets("documents")
    )
    assert polled.success  # the seeds are stored and pending; one of their blobs is then cut short
    with duckdb.connect(str(workspace / "work" / "warehouse.duckdb"), read_only=True) as conn:
        (raw_path,) = conn.execute("select raw_path from core.documents where source = ?", [TRUNCATED]).fetchone()
    blob = Path(raw_path).read_bytes()
    Path(raw_path).write_bytes(blob[: len(blob) // 2])

    os.mkfifo(inbox / "pipa.txt")
    with open(os.fsencode(inbox) + b"/kabar-\xff.txt", "wb") as file:
        file.write((SEEDS / "002_7c72821d792b7904.txt").read_bytes())
    slow, site = DripServer(), NewsSite()
    site.pages["/dunia/a1"] = Page(as_page((SEEDS / "000_98c647e13c6ac974.txt").read_text()))
    (workspace / "sources.yaml").write_text(
        "fetch: {timeout_seconds: 1, retries: 0, host_delay_seconds: 0, respect_robots: false}\n"
        "sources:\n  - {name: inbox, inbox: inbox}\n"
        f"  - {{name: lambat, allow_private: true, urls: ['{slow.url}/berita']}}\n"
        f"  - {{name: cepat, allow_private: true, urls: ['{site.url}/dunia/a1']}}\n"
    )
    began = time.monotonic()
    try:
        result = run(resources=resources_for(workspace, max_seconds=30))
    finally:
        slow.close()
        site.close()
    assert result.success and time.monotonic() - began < 90
    with duckdb.connect(str(workspace / "warehouse.duckdb"), read_only=True) as conn:
        articles = {source for (source,) in conn.execute("select source from analytics.articles").fetchall()}
        rejected = dict(conn.execute("select source, reason from analytics.rejected").fetchall())
        fetches = dict(conn.execute("select url, error from analytics.fetches where outcome = 'failed'").fetchall())
        (slow_poll,) = conn.execute(
            "select epoch(finished_at - started_at) from analytics.polls where source_name = 'lambat'"
        ).fetchone()
    seeds = {f"inbox/{path.name}" for path in SEEDS.glob("*.txt")}
    assert articles == (seeds - {TRUNCATED}) | {"inbox/kabar-\\xff.txt", f"{site.url}/dunia/a1"}
    assert "raw bytes damaged" in rejected.pop(TRUNCATED)
    assert rejected.pop("inbox/pipa.txt") == "refused: not a regular file (a FIFO (named pipe))"
    assert "timed out" in rejected.pop(f"{slow.url}/berita") and "timed out" in fetches[f"{slow.url}/berita"]
    assert rejected == {}
    assert slow_poll < 2 * 1 + 3  # the download deadline (twice timeout_seconds), and some slack
