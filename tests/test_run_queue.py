"""Runs launched together through Dagster's queue (UI, sensor, schedule) run one after the other.

Two `reingest` runs are launched at once into an instance configured by the project's
dagster.yaml; the daemon (as under `make ui`) dequeues them, together with the run the
inbox sensor requests. They must all succeed, and no two may be in progress at once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg

from tests.conftest import ROOT, copy_seeds

BIN = Path(sys.executable).parent
TERMINAL = {dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE, dg.DagsterRunStatus.CANCELED}


def test_queued_runs_are_serialized_by_the_instance_settings(workspace: Path, monkeypatch):
    home = workspace / "dagster_home"
    home.mkdir()
    shutil.copy(ROOT / "dagster.yaml", home / "dagster.yaml")
    shutil.copy(ROOT / "workspace.yaml", workspace / "workspace.yaml")
    copy_seeds(workspace / "inbox")
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARTA_")} | {
        "DAGSTER_HOME": str(home),
        "WARTA_SOURCES": str(workspace / "sources.yaml"),
        "WARTA_WAREHOUSE": str(workspace / "warehouse.duckdb"),
        "WARTA_RAW_DIR": str(workspace / "raw"),
    }
    launch = [str(BIN / "dagster"), "job", "launch", "-w", "workspace.yaml", "-j", "reingest"]
    for _ in range(2):
        subprocess.run(launch, env=env, cwd=workspace, check=True, capture_output=True, timeout=120)

    monkeypatch.setenv("DAGSTER_HOME", str(home))
    instance = dg.DagsterInstance.get()
    assert instance.get_concurrency_config().run_queue_config.max_concurrent_runs == 1
    assert len(instance.get_run_records()) == 2  # both queued, none started

    daemon = subprocess.Popen(
        [str(BIN / "dagster-daemon"), "run", "-w", "workspace.yaml"],
        env=env,
        cwd=workspace,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            records = instance.get_run_records()
            if len(records) >= 2 and all(r.dagster_run.status in TERMINAL for r in records):
                break
            time.sleep(2)
    finally:
        daemon.terminate()
        daemon.wait(timeout=60)
    records = instance.get_run_records()
    assert [r.dagster_run.status for r in records] == [dg.DagsterRunStatus.SUCCESS] * len(records)
    spans = sorted((r.start_time, r.end_time) for r in records)
    assert all(end <= next_start for (_, end), (next_start, _) in zip(spans, spans[1:])), spans
