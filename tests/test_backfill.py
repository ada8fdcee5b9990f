"""The backfill: WARC files staged per partition into Parquet without the warehouse, merged once by one writer;
a partition staged again or killed midway and retried changes nothing; the job on the multiprocess executor."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines.lib.backfill.stage import stage_warc_file
from pipelines.lib.backfill.staging import Staging
from pipelines.lib.ingest.raw_store import RawStore
from pipelines.lib.ingest.source_config import Source
from pipelines.lib.warehouse.run_lock import RunLock
from pipelines.lib.warehouse.schema import apply_schema
from pipelines.lib.warehouse.staged_load import load_staged
from tests.conftest import ROOT, shared
from tests.warc_files import Record, page_records, write_warc

CORE_TABLES = ("documents", "articles", "rejected", "quotes", "figures", "events", "actors", "processing", "polls")
BAD_RECORDS = [
    Record("http://example.org/logo.png", b"\x89PNG\r\n\x1a\n....", content_type="image/png"),
    Record("http://example.org/hilang", b"<html><body>tidak ada</body></html>", status=404),
]


def write_archives(folder: Path) -> tuple[Path, Path, int]:
    """Two gzipped WARC files of the 13 real pages, with a non-HTML, a 404 and a truncated record; one page twice."""
    pages = page_records(shared("realdata", "id-news-dev"))
    truncated = Record("http://example.org/terpotong", pages[0].body, kind="truncated")
    a = write_warc(folder / "a.warc.gz", [Record("", b"", kind="warcinfo"), *pages[:7], *BAD_RECORDS])
    b = write_warc(folder / "b.warc.gz", [*pages[7:], truncated, pages[3]])
    return a, b, len(pages)


def stage(partition: Path, staging: Staging, chunk: int = 200):
    return stage_warc_file(str(partition), Source("archive", "warc", str(partition)), staging, 5_000_000, 60, chunk)


def counts(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {table: conn.execute(f"select count(*) from core.{table}").fetchall()[0][0] for table in CORE_TABLES}


def merge(conn, staging: Staging, raw: Path):
    return load_staged(conn, staging, RawStore(raw), "test", dt.datetime.now())


@pytest.fixture
def warehouse(tmp_path: Path):
    with duckdb.connect(str(tmp_path / "warehouse.duckdb")) as conn:
        apply_schema(conn)
        yield conn


def test_each_good_page_is_merged_once_and_bad_records_are_rejected(tmp_path: Path, warehouse):
    a, b, good = write_archives(tmp_path)
    staging = Staging(str(tmp_path / "staging"))
    manifests = [stage(a, staging), stage(b, staging)]
    assert [m.counts["pages"] for m in manifests] == [7, 7] and manifests[1].counts["problems"] == 1
    assert manifests[0].counts["problems"] == 2  # the image and the 404
    loaded = merge(warehouse, staging, tmp_path / "raw")
    assert [p.articles for p in loaded] == [7, 6]  # the page seen twice is loaded once
    urls = [u for (u,) in warehouse.execute("select url from core.articles").fetchall()]
    assert len(urls) == len(set(urls)) == good
    failed = dict(warehouse.execute("select source, error from core.documents where status = 'failed'").fetchall())
    assert set(failed) == {"http://example.org/logo.png", "http://example.org/hilang", "http://example.org/terpotong"}
    assert warehouse.execute("select count(distinct article_id) from core.processing").fetchall() == [(good,)]
    raw = [p for p in (tmp_path / "raw").rglob("*.gz")]
    assert len(raw) == good


def test_a_partition_staged_again_and_merged_changes_nothing(tmp_path: Path, warehouse):
    a, b, _ = write_archives(tmp_path)
    staging = Staging(str(tmp_path / "staging"))
    stage(a, staging), stage(b, staging)
    merge(warehouse, staging, tmp_path / "raw")
    before = counts(warehouse)
    first_set = staging.manifest(str(a)).set_id
    again = stage(a, staging)
    assert again.set_id != first_set
    assert [p.name for p in staging.partition_dir(str(a)).iterdir() if p.is_dir()] == [again.set_id]
    assert merge(warehouse, staging, tmp_path / "raw") == []
    assert counts(warehouse) == before


def test_a_partition_killed_midway_and_retried_loses_and_duplicates_nothing(tmp_path: Path, warehouse):
    a, b, good = write_archives(tmp_path)
    staging = Staging(str(tmp_path / "staging"))
    script = (
        "import sys; from tests.test_backfill import stage; from pipelines.lib.backfill.staging import Staging; "
        "from pathlib import Path; stage(Path(sys.argv[1]), Staging(sys.argv[2]), chunk=1)"
    )
    child = subprocess.Popen([sys.executable, "-c", script, str(b), staging.root.path], cwd=ROOT)
    folder = staging.partition_dir(str(b))
    deadline = time.monotonic() + 120
    while not list(folder.glob("*/records/part-00001.parquet")) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert staging.manifest(str(b)) is None and list(folder.glob("*/records/*.parquet"))  # a set no manifest names
    stage(a, staging)
    assert [m.partition for m in staging.manifests()] == [str(a)]
    merge(warehouse, staging, tmp_path / "raw")
    stage(b, staging)  # the retry
    merge(warehouse, staging, tmp_path / "raw")
    assert len([p for p in folder.iterdir() if p.is_dir()]) == 1  # the killed attempt's set is gone
    assert warehouse.execute("select count(*), count(distinct url) from core.articles").fetchall() == [(good, good)]
    assert warehouse.execute("select count(*) from core.quotes").fetchall()[0][0] > 20


def test_staging_on_an_object_store(tmp_path: Path, warehouse):
    a, b, good = write_archives(tmp_path)
    staging = Staging("memory://warta-test/staging")
    stage(a, staging), stage(b, staging)
    assert not staging.is_local and len(staging.manifests()) == 2
    merge(warehouse, staging, tmp_path / "raw")
    assert warehouse.execute("select count(*) from core.articles").fetchall() == [(good,)]
    staging.root.fs.rm(staging.root.path, recursive=True)


def backfill_job():
    """The `backfill` job as the code location defines it, for step processes to load again."""
    from dagster._core.definitions.reconstruct import ReconstructableRepository

    repository = ReconstructableRepository.for_module("pipelines.definitions", "defs", working_directory=str(ROOT))
    return repository.get_reconstructable_job("backfill")


@pytest.fixture
def backfill_env(tmp_path: Path, monkeypatch) -> Path:
    """The pipeline's settings for the step processes: sources file with a warc source, warehouse, staging."""
    (tmp_path / "sources.yaml").write_text("sources:\n  - name: archive\n    warc: '*.warc.gz'\n")
    for variable, value in {
        "WARTA_SOURCES": tmp_path / "sources.yaml",
        "WARTA_WAREHOUSE": tmp_path / "warehouse.duckdb",
        "WARTA_WORK_DIR": tmp_path / "work",
        "WARTA_RAW_DIR": tmp_path / "raw",
        "WARTA_STAGING": tmp_path / "staging",
    }.items():
        monkeypatch.setenv(variable, str(value))
    return tmp_path


def test_the_job_stages_in_parallel_steps_and_only_the_merge_takes_the_writer_lock(backfill_env: Path):
    from pipelines.defs.backfill.sensors import warc_sensor

    a, b, good = write_archives(backfill_env)
    (backfill_env / "dagster").mkdir()
    with dg.instance_for_test(temp_dir=str(backfill_env / "dagster")) as instance:
        result = warc_sensor(dg.build_sensor_context(instance=instance))
        assert result.dynamic_partitions_requests[0].partition_keys == [str(a), str(b)]
        instance.add_dynamic_partitions("warc_files", [str(a), str(b)])
        lock = RunLock(backfill_env / "work" / "writer.lock")
        lock.acquire()  # another writer holds the warehouse: partition steps go on, the merge waits
        outcome = {}
        runner = threading.Thread(target=lambda: outcome.update(result=dg.execute_job(backfill_job(), instance)))
        runner.start()
        staging = Staging(str(backfill_env / "staging"))
        deadline = time.monotonic() + 180
        while len(staging.manifests()) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        staged_while_locked = len(staging.manifests())
        lock.release()
        runner.join(300)
        assert staged_while_locked == 2
        run = outcome["result"]
        assert run.success
        steps = {e.step_key for e in run.all_events if e.event_type_value == "STEP_SUCCESS"}
        assert steps == {"select_partitions", "merge_staged", *(f"stage_partitions_{i}" for i in range(4))}
        materialized = instance.get_materialized_partitions(dg.AssetKey("staged_warc"))
        assert materialized == {str(a), str(b)}
    with duckdb.connect(str(backfill_env / "warehouse.duckdb"), read_only=True) as conn:
        assert conn.execute("select count(*), count(distinct url) from analytics.articles").fetchall() == [(good, good)]
        assert conn.execute("select count(*) from analytics.rejected").fetchall() == [(3,)]
