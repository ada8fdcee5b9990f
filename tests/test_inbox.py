"""Inbox folders that hold more than regular files: FIFOs, sockets, devices, links that lead nowhere,
and names that are not UTF-8. Nothing blocks, every name is kept, and the good files load."""

from __future__ import annotations

import os
import socket
import stat
import threading
from pathlib import Path

import duckdb
import pytest

from pipelines.cli import run
from pipelines.defs.ingest.sensors import inbox_signature
from pipelines.lib.ingest.fetch import Fetcher
from pipelines.lib.ingest.inbox import file_name, inbox_files, name_bytes
from pipelines.lib.ingest.polling import poll
from pipelines.lib.ingest.raw_store import RawStore
from pipelines.lib.ingest.source_config import Source
from tests.conftest import SEEDS, resources_for

ARTICLE = (SEEDS / "001_596ea457e8d5d7e7.txt").read_bytes()
NOT_UTF8 = b"berita-\xff\xfe-caf\xe9.txt"


def poll_within(folder: Path, tmp_path: Path, seconds: float = 10.0):
    """One poll of the inbox in a thread; fails the test if it has not returned within ``seconds``."""
    outcome = {}
    worker = threading.Thread(
        target=lambda: outcome.update(result=poll(Source("kotak", "inbox", str(folder)), {}, {}, Fetcher(),
                                                  RawStore(tmp_path / "raw"), 10**6)),
        daemon=True,
    )  # fmt: skip
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "the poll blocked"
    return outcome["result"]


def test_a_fifo_or_a_socket_in_the_inbox_never_blocks_and_is_refused_with_its_reason(tmp_path: Path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    os.mkfifo(inbox / "pipa.txt")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(inbox / "soket.html"))
    (inbox / "berita.txt").write_bytes(ARTICLE)
    try:
        result = poll_within(inbox, tmp_path)
    finally:
        listener.close()
    errors = {d.source: d.error for d in result.documents}
    assert errors["kotak/pipa.txt"] == "refused: not a regular file (a FIFO (named pipe))"
    assert errors["kotak/soket.html"] == "refused: not a regular file (a socket)"
    assert errors["kotak/berita.txt"] is None and result.error is None


def test_a_device_in_the_inbox_is_never_opened(tmp_path: Path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    try:
        os.mknod(inbox / "nol.txt", stat.S_IFCHR | 0o600, os.makedev(1, 5))  # /dev/zero: endless bytes
    except (PermissionError, OSError) as error:
        pytest.skip(f"cannot make a device node here: {error}")
    result = poll_within(inbox, tmp_path)
    assert [d.error for d in result.documents] == ["refused: not a regular file (a character device)"]


def test_links_are_followed_only_to_files_inside_the_inbox(tmp_path: Path):
    inbox = tmp_path / "inbox"
    (inbox / "arsip").mkdir(parents=True)
    (inbox / "arsip" / "asli.txt").write_bytes(ARTICLE)
    os.symlink(inbox / "arsip" / "asli.txt", inbox / "tautan.txt")
    os.symlink(tmp_path / "hilang.txt", inbox / "putus.txt")
    os.mkfifo(inbox / "arsip" / "pipa")
    os.symlink(inbox / "arsip" / "pipa", inbox / "ke-pipa.txt")
    result = poll_within(inbox, tmp_path)
    documents = {d.source: d for d in result.documents}
    assert documents["kotak/tautan.txt"].content_hash == documents["kotak/arsip/asli.txt"].content_hash is not None
    assert documents["kotak/putus.txt"].error == "refused: a symbolic link that leads to no file"
    assert documents["kotak/ke-pipa.txt"].error == "refused: not a regular file (a FIFO (named pipe))"
    assert inbox_signature([inbox])  # the inbox sensor reads the same folder without failing


@pytest.mark.parametrize("raw", [NOT_UTF8, b"garis\\miring.txt", b"\\x41.txt", b"biasa.txt", "kafé.txt".encode()])
def test_every_file_name_becomes_text_and_back(raw: bytes):
    name = file_name(os.fsdecode(raw))
    name.encode("utf-8")  # plain text, as the warehouse needs
    assert name_bytes(name) == raw


def test_different_names_never_share_a_key():
    raws = [b"a\xff.txt", b"a\\xff.txt", b"a\\\\xff.txt", "a\u00ff.txt".encode()]
    assert len({file_name(os.fsdecode(raw)) for raw in raws}) == len(raws)


def test_a_name_that_is_not_utf8_is_listed_with_an_escaped_name(tmp_path: Path):
    folder = os.fsencode(tmp_path)
    with open(folder + b"/" + NOT_UTF8, "wb") as file:
        file.write(ARTICLE)
    assert [name for _, name in inbox_files(tmp_path)] == ["berita-\\xff\\xfe-caf\\xe9.txt"]
    assert inbox_signature([tmp_path])  # the inbox sensor reads it too


def test_a_batch_with_a_fifo_and_a_name_that_is_not_utf8_loads_its_articles(workspace: Path):
    inbox = workspace / "inbox"
    with open(os.fsencode(inbox) + b"/" + NOT_UTF8, "wb") as file:
        file.write(ARTICLE)
    (inbox / "berita.txt").write_bytes((SEEDS / "002_7c72821d792b7904.txt").read_bytes())
    os.mkfifo(inbox / "pipa.html")
    assert run(resources=resources_for(workspace)).success
    assert run(resources=resources_for(workspace)).success  # and every later run
    with duckdb.connect(str(workspace / "warehouse.duckdb"), read_only=True) as conn:
        articles = {source for (source,) in conn.execute("select source from analytics.articles").fetchall()}
        rejected = dict(conn.execute("select source, reason from analytics.rejected").fetchall())
    assert articles == {"inbox/berita-\\xff\\xfe-caf\\xe9.txt", "inbox/berita.txt"}
    assert rejected == {"inbox/pipa.html": "refused: not a regular file (a FIFO (named pipe))"}


def test_files_read_side_by_side_are_recorded_in_listing_order_and_stored_once(tmp_path: Path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    texts = {f"berita-{n:03d}.txt": f"Berita nomor {n % 7}.\n".encode() * 2000 for n in range(60)}  # 7 contents
    for name, content in texts.items():
        (folder / name).write_bytes(content)
    os.mkfifo(folder / "zz-pipa.txt")

    result = poll_within(folder, tmp_path)

    assert [d.source for d in result.documents] == [f"kotak/{name}" for name in sorted(texts)] + ["kotak/zz-pipa.txt"]
    store = RawStore(tmp_path / "raw")
    for document in result.documents[:-1]:
        assert store.get(document.content_hash) == texts[document.source.split("/", 1)[1]]
    assert result.documents[-1].content_hash is None and "not a regular file" in result.documents[-1].error
    assert len(list((tmp_path / "raw").rglob("*.gz"))) == 7 and not list((tmp_path / "raw").rglob("*.tmp"))
