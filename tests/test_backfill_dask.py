"""The `backfill` job, unchanged, on the Dask executor against a local `distributed` cluster of two worker
processes: every good page once, the bad records rejected with reasons, the same rows as the inbox gives."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from distributed import Client, LocalCluster

from pipelines.cli import run
from pipelines.lib.ingest.urls import canonical_url
from tests.conftest import ROOT, resources_for, shared
from tests.test_backfill import write_archives

RUN_SECONDS = 240
COMPARED = {
    "articles": "title, published_date, language, author, dateline_place, body, word_count",
    "quotes": "speaker, kind, quote_text, cue, addressee, char_start, char_end",
    "figures": "kind, value, unit, qualifier, surface, char_start, char_end",
    "events": "event_type, mode, status, event_date, date_precision, location, list_sort(participants), trigger",
}


def rows_by_page(database: Path, page_of_source) -> dict[str, set]:
    """For each view, its rows (the compared columns) with the page each comes from."""
    found = {}
    with duckdb.connect(str(database), read_only=True) as conn:
        for view, columns in COMPARED.items():
            joined = "" if view == "articles" else "join analytics.articles as a using (article_id)"
            query = f"select a.source, {columns.replace('title', 'a.title')} from analytics.{view} " + (
                joined if joined else "as a"
            )
            fetched = conn.execute(query).fetchall()
            found[view] = {(page_of_source(row[0]), *map(_hashable, row[1:])) for row in fetched}
    return found


def _hashable(value):
    return tuple(value) if isinstance(value, list) else value


@pytest.fixture
def dask_env(tmp_path: Path, monkeypatch) -> dict[str, str]:
    """Settings for the run and for the Dask workers (they inherit this environment)."""
    home = tmp_path / "dagster"
    home.mkdir()
    (home / "dagster.yaml").write_text(f"storage:\n  sqlite:\n    base_dir: {home}\ntelemetry:\n  enabled: false\n")
    (tmp_path / "sources.yaml").write_text("sources:\n  - name: archive\n    warc: '*.warc.gz'\n")
    settings = {
        "DAGSTER_HOME": home,
        "WARTA_SOURCES": tmp_path / "sources.yaml",
        "WARTA_WAREHOUSE": tmp_path / "warehouse.duckdb",
        "WARTA_WORK_DIR": tmp_path / "work",
        "WARTA_RAW_DIR": tmp_path / "raw",
        "WARTA_STAGING": tmp_path / "staging",
        "WARTA_BACKFILL_EXECUTOR": "dask",
    }
    for variable, value in settings.items():
        monkeypatch.setenv(variable, str(value))
    return dict(os.environ)


def test_the_backfill_on_two_dask_workers_holds_each_good_page_once_as_the_inbox_would(tmp_path: Path, dask_env):
    _, _, good = write_archives(tmp_path)
    warta = [sys.executable, "-m", "pipelines.cli"]
    added = subprocess.run([*warta, "backfill", "add"], env=dask_env, cwd=ROOT, capture_output=True, text=True)
    assert added.returncode == 0 and added.stdout.startswith("2 new partitions"), added.stderr
    with (
        LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1", dashboard_address="127.0.0.1:0"
        ) as cluster,
        Client(cluster) as client,
    ):
        worker_pids = set(client.run(os.getpid).values())
        run_config = tmp_path / "run.yaml"
        run_config.write_text(
            json.dumps({"execution": {"config": {"cluster": {"existing": {"address": cluster.scheduler_address}}}}})
        )
        dagster = [str(Path(sys.executable).with_name("dagster")), "job", "execute", "-m", "pipelines.definitions"]
        executed = subprocess.run(
            [*dagster, "-j", "backfill", "-c", str(run_config)],
            env=dask_env, cwd=ROOT, capture_output=True, text=True, timeout=RUN_SECONDS,
        )  # fmt: skip
    assert executed.returncode == 0, executed.stderr[-3000:]
    with dg.DagsterInstance.from_config(dask_env["DAGSTER_HOME"]) as instance:
        (record,) = instance.get_runs()
        assert record.status == dg.DagsterRunStatus.SUCCESS
        starts = [e.dagster_event for e in instance.all_logs(record.run_id) if e.dagster_event]
        pids = {e.step_key: e.pid for e in starts if e.event_type_value == "STEP_START"}
    partition_pids = {pid for step, pid in pids.items() if step.startswith("stage_partitions_")}
    # the partition steps ran in the cluster's worker processes (which of the two takes each is the scheduler's call)
    assert len(worker_pids) == 2 and partition_pids and partition_pids <= worker_pids

    published = Path(dask_env["WARTA_WAREHOUSE"])
    with duckdb.connect(str(published), read_only=True) as conn:
        assert conn.execute("select count(*), count(distinct url) from analytics.articles").fetchall() == [(good, good)]
        rejected = dict(conn.execute("select source, reason from analytics.rejected").fetchall())
    assert rejected["http://example.org/logo.png"] == "not a page: image/png, not HTML"
    assert rejected["http://example.org/hilang"] == "not a page: HTTP status 404"
    assert rejected["http://example.org/terpotong"].startswith("truncated WARC record")
    assert len(rejected) == 3

    inbox = tmp_path / "inbox-run"
    (inbox / "inbox").mkdir(parents=True)
    (inbox / "sources.yaml").write_text("sources:\n  - name: inbox\n    inbox: inbox\n")
    pages = shared("realdata", "id-news-dev")
    listed = json.loads((pages / "expected.json").read_text())
    for entry in listed:
        shutil.copy(pages / entry["file"], inbox / "inbox" / entry["file"])
    assert run(resources=resources_for(inbox, max_bytes=5_000_000)).success
    page_of_file = {f"inbox/{entry['file']}": canonical_url(entry["url"]) for entry in listed}
    through_inbox = rows_by_page(inbox / "warehouse.duckdb", page_of_file.get)
    through_backfill = rows_by_page(published, lambda source: source)
    for view in COMPARED:
        assert through_backfill[view] == through_inbox[view], view
    assert len(through_backfill["quotes"]) > 20 and len(through_backfill["figures"]) > 20


def staged_parts(staging: Path) -> list[Path]:
    return list(staging.rglob("part-*.parquet")) if staging.is_dir() else []


def kill_a_worker_mid_partition(client: Client, staging: Path, deadline: float) -> int:
    """Wait until a partition step has written part of its staged set, then SIGKILL the worker running it."""
    pids = client.run(os.getpid)
    while time.monotonic() < deadline:
        busy = [worker for worker, tasks in client.processing().items() if tasks]
        if staged_parts(staging) and busy:
            os.kill(pids[busy[0]], signal.SIGKILL)
            return pids[busy[0]]
        time.sleep(0.05)
    raise AssertionError("no partition step was seen staging")


def stage_steps_started_twice(home: str) -> list[str]:
    """The partition steps of the first run that started twice (Dask ran them again after the worker died)."""
    with dg.DagsterInstance.from_config(home) as instance:
        first = instance.get_runs()[-1]
        started = [
            e.dagster_event.step_key
            for e in instance.all_logs(first.run_id)
            if e.dagster_event and e.dagster_event.event_type_value == "STEP_START"
        ]
    return [step for step in set(started) if step.startswith("stage_") and started.count(step) > 1]


def test_a_worker_killed_mid_partition_loses_and_duplicates_nothing(tmp_path: Path, dask_env):
    _, _, good = write_archives(tmp_path)
    dask_env["WARTA_CHUNK_SIZE"] = "2"  # a part file every two records: the kill lands inside a partition
    warta = [sys.executable, "-m", "pipelines.cli"]
    subprocess.run([*warta, "backfill", "add"], env=dask_env, cwd=ROOT, check=True, capture_output=True)
    dagster = [str(Path(sys.executable).with_name("dagster")), "job", "execute", "-m", "pipelines.definitions"]
    with (
        LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1", dashboard_address="127.0.0.1:0"
        ) as cluster,
        Client(cluster) as client,
    ):
        run_config = tmp_path / "run.yaml"
        run_config.write_text(
            json.dumps({"execution": {"config": {"cluster": {"existing": {"address": cluster.scheduler_address}}}}})
        )
        command = [*dagster, "-j", "backfill", "-c", str(run_config)]
        first = subprocess.Popen(command, env=dask_env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        killed = kill_a_worker_mid_partition(client, Path(dask_env["WARTA_STAGING"]), time.monotonic() + RUN_SECONDS)
        _, errors = first.communicate(timeout=RUN_SECONDS)
        # the partition is retried: by Dask on another worker within the run, else by running the job again
        again = subprocess.run(command, env=dask_env, cwd=ROOT, capture_output=True, text=True, timeout=RUN_SECONDS)
        assert again.returncode == 0, (errors.decode()[-2000:], again.stderr[-2000:])
        assert killed not in client.run(os.getpid).values()
    assert first.returncode != 0 or stage_steps_started_twice(dask_env["DAGSTER_HOME"]), errors.decode()[-2000:]

    with duckdb.connect(dask_env["WARTA_WAREHOUSE"], read_only=True) as conn:
        assert conn.execute("select count(*), count(distinct url) from analytics.articles").fetchall() == [(good, good)]
        assert conn.execute("select count(*) from analytics.rejected").fetchall() == [(3,)]
        spans = "select count(*), count(distinct (article_id, char_start, char_end)) from analytics.quotes"
        total, distinct = conn.execute(spans).fetchall()[0]
    assert total == distinct > 20
