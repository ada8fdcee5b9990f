"""One poll of one source: inbox files read once, names that cannot escape the data folders."""

from __future__ import annotations

import os
from pathlib import Path

from pipelines.lib.ingest.fetch import Fetcher, FetchPolicy
from pipelines.lib.ingest.polling import Known, document_key, poll, remember
from pipelines.lib.ingest.raw_store import RawStore
from pipelines.lib.ingest.source_config import Source
from tests.news_site import NewsSite, Page


def inbox_source(folder: Path) -> Source:
    return Source("kotak", "inbox", str(folder))


def test_inbox_files_are_read_once_until_they_change(tmp_path: Path):
    inbox, store = tmp_path / "inbox", RawStore(tmp_path / "raw")
    inbox.mkdir()
    (inbox / "berita.txt").write_text("Judul\n\nPresiden bertemu menteri.\n")
    (inbox / ".gitkeep").write_text("")
    known: dict[str, Known] = {}
    first = poll(inbox_source(inbox), known, {}, Fetcher(), store, 1000)
    assert [(d.source, d.kind) for d in first.documents] == [("kotak/berita.txt", "text")]
    remember(known, {}, first)
    assert poll(inbox_source(inbox), known, {}, Fetcher(), store, 1000).documents == []
    (inbox / "berita.txt").write_text("Judul\n\nPresiden bertemu menteri dan gubernur.\n")
    changed = poll(inbox_source(inbox), known, {}, Fetcher(), store, 1000)
    assert [f.outcome for f in changed.fetches] == ["updated"]


def test_an_oversized_file_and_a_link_out_of_the_inbox_fail_with_a_reason(tmp_path: Path):
    inbox, outside = tmp_path / "inbox", tmp_path / "secret.txt"
    inbox.mkdir()
    outside.write_text("Judul\n\nBukan untuk dibaca.\n")
    os.symlink(outside, inbox / "tautan.txt")
    (inbox / "besar.txt").write_text("kata " * 1000)
    result = poll(inbox_source(inbox), {}, {}, Fetcher(), RawStore(tmp_path / "raw"), 1000)
    errors = {d.source: d.error for d in result.documents}
    assert "outside the inbox" in errors["kotak/tautan.txt"]
    assert "oversized" in errors["kotak/besar.txt"]
    assert all(d.content_hash is None for d in result.documents)


def test_url_and_file_names_never_choose_where_bytes_are_written(tmp_path: Path):
    site = NewsSite()
    try:
        site.fallback = Page(b"<p>Berita.</p>")
        names = (f"{site.url}/../../etc/passwd", f"{site.url}/berita/%2e%2e%2f%2e%2e%2fkeluar")
        source = Source("daftar", "urls", site.url, urls=names, allow_private=True)
        poll(
            source,
            {},
            {},
            Fetcher(FetchPolicy(allow_private=True, host_delay_seconds=0)),
            RawStore(tmp_path / "raw"),
            10**6,
        )
    finally:
        site.close()
    assert set(site.hits) >= {"/etc/passwd"}  # what the server was asked for (the client resolved the dots)
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written and all(p.is_relative_to(tmp_path / "raw") and p.suffix == ".gz" for p in written)


def test_tracking_parameters_and_pages_make_the_document_key():
    assert document_key("https://www.example.com/berita/a?utm_source=x") == (
        "https://example.com/berita/a",
        "https://example.com/berita/a",
        1,
    )
    key, article, page = document_key("https://example.com/berita/a?page=2")
    assert (article, page) == ("https://example.com/berita/a", 2) and key != article


def test_a_failed_url_its_source_no_longer_lists_is_given_up_after_five_failures(tmp_path: Path):
    site = NewsSite()  # serves nothing: every page is a 404
    try:
        source = Source("dunia", "urls", site.url, urls=(), allow_private=True)
        fetcher = Fetcher(FetchPolicy(allow_private=True, host_delay_seconds=0))
        store = RawStore(tmp_path / "raw")
        tries = []
        for attempts in range(1, 8):
            known = {f"{site.url}/hilang": Known("dunia", None, None, None, True, attempts)}
            tries.append(len(poll(source, known, {}, fetcher, store, 10**6).fetches))
    finally:
        site.close()
    assert tries == [1, 1, 1, 1, 0, 0, 0]
