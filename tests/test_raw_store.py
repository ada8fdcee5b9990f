"""Raw bytes that are damaged in the store: truncated, rewritten, or gone. Reading them names the
document with the reason, the run goes on, and the next poll that meets those bytes writes them again."""

from __future__ import annotations

import gzip
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines.cli import run
from pipelines.lib.ingest.raw_store import RawStore, RawStoreError
from tests.conftest import SEEDS, copy_seeds, resources_for
from tests.news_site import NewsSite, Page
from tests.test_reingest import as_page

DAMAGED = "inbox/002_7c72821d792b7904.txt"


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (truncate, "does not decompress"),
        (lambda path: path.write_bytes(b"bukan gzip"), "does not decompress"),
        (lambda path: path.write_bytes(gzip.compress(b"bytes lain")), "does not hold the bytes of its hash"),
        (lambda path: path.unlink(), "missing"),
    ],
)
def test_damaged_bytes_are_an_error_that_names_the_file_and_a_put_writes_them_again(tmp_path: Path, damage, reason):
    store = RawStore(tmp_path)
    digest = store.put(b"Judul\n\nPresiden bertemu menteri.\n")
    damage(store.path(digest))
    with pytest.raises(RawStoreError, match=reason) as error:
        store.get(digest)
    assert digest in str(error.value)
    assert store.put(b"Judul\n\nPresiden bertemu menteri.\n") == digest
    assert store.get(digest) == b"Judul\n\nPresiden bertemu menteri.\n"


def query(workspace: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(workspace / "warehouse.duckdb"), read_only=True) as conn:
        return conn.execute(sql).fetchall()


def raw_file(workspace: Path, source: str) -> Path:
    with duckdb.connect(str(workspace / "work" / "warehouse.duckdb"), read_only=True) as conn:
        (raw_path,) = conn.execute("select raw_path from core.documents where source = ?", [source]).fetchone()
    return Path(raw_path)


def reextract(workspace: Path) -> dg.ExecuteInProcessResult:
    from pipelines.definitions import defs

    return defs.resolve_job_def("reextract").execute_in_process(
        resources=resources_for(workspace), instance=dg.DagsterInstance.ephemeral()
    )


def test_a_truncated_blob_is_a_rejection_naming_its_document_and_the_next_poll_repairs_it(workspace: Path):
    copy_seeds(workspace / "inbox")
    assert run(resources=resources_for(workspace)).success
    blob = raw_file(workspace, DAMAGED)
    whole = blob.read_bytes()
    truncate(blob)

    for attempt in range(2):  # `reextract` and `articles` run to the end, on every later run too
        assert reextract(workspace).success, attempt
    reasons = dict(query(workspace, "select source, reason from analytics.rejected"))
    assert list(reasons) == [DAMAGED]
    assert "raw bytes damaged" in reasons[DAMAGED] and "does not decompress" in reasons[DAMAGED]
    assert query(workspace, "select count(*) from analytics.articles") == [(4,)]  # the others load

    assert run(resources=resources_for(workspace)).success  # the inbox file is read again
    assert blob.read_bytes() == whole
    assert query(workspace, "select count(*) from analytics.rejected") == [(0,)]
    assert query(workspace, f"select count(*) from analytics.articles where source = '{DAMAGED}'") == [(1,)]


def test_a_damaged_blob_of_a_web_page_is_fetched_again_at_the_next_poll(workspace: Path):
    site = NewsSite()
    try:
        site.pages["/dunia/a1"] = Page(as_page((SEEDS / "001_596ea457e8d5d7e7.txt").read_text()))
        (workspace / "sources.yaml").write_text(
            "fetch: {host_delay_seconds: 0}\n"
            f"sources:\n  - {{name: daftar, allow_private: true, urls: ['{site.url}/dunia/a1']}}\n"
        )
        assert run(resources=resources_for(workspace)).success
        blob = raw_file(workspace, f"{site.url}/dunia/a1")
        blob.write_bytes(b"")
        assert reextract(workspace).success
        [(reason,)] = query(workspace, "select reason from analytics.rejected")
        assert "raw bytes damaged" in reason
        assert run(resources=resources_for(workspace)).success
    finally:
        site.close()
    assert site.hits["/dunia/a1"] == 2
    assert query(workspace, "select url from analytics.articles") == [(f"{site.url}/dunia/a1",)]
    assert query(workspace, "select count(*) from analytics.rejected") == [(0,)]
