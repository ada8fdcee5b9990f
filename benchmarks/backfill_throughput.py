"""Backfill throughput: the `backfill` job on a local Dask cluster of 1, then 2 worker processes, on the same
WARC files (N distinct pages built from the real pages of ../shared/realdata, English and Indonesian, by
benchmarks/distinct_pages.py, written as gzipped WARC files).

The job has WARTA_BACKFILL_STEPS=2 partition steps, one per worker thread of the larger cluster: Dask places a
step once, on the worker that holds its input, and moves only steps that are waiting when a worker is idle at
the start, so steps queued behind a busy worker stay there (see docs/scaling-out.md). The workers load the code
location before the run, as the workers of a standing cluster have.

Prints, per cluster size, the pages staged per second during the partition steps (first step start to last
step end), each step's time, the whole run's time (start-up and the single-writer merge included) and each
worker's peak memory (resident set, from the worker process).

    .venv/bin/python benchmarks/backfill_throughput.py [REALDATA] [--pages 800] [--files 8]
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import dagster as dg  # noqa: E402
from distinct_pages import distinct_pages, real_pages  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

from tests.warc_files import Record, write_warc  # noqa: E402


def bench_records(realdata: Path, count: int) -> list[Record]:
    pages = distinct_pages(real_pages(realdata), 0, count)
    return [Record(f"https://bench.example.org/{i:06d}", page) for i, page in enumerate(pages)]


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_backfill(folder: Path, files: list[Path], workers: int) -> dict:
    home = folder / "dagster"
    home.mkdir()
    (home / "dagster.yaml").write_text(f"storage:\n  sqlite:\n    base_dir: {home}\ntelemetry:\n  enabled: false\n")
    (folder / "sources.yaml").write_text("sources: []\n")
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "WARTA_SOURCES": str(folder / "sources.yaml"),
        "WARTA_WAREHOUSE": str(folder / "warehouse.duckdb"),
        "WARTA_WORK_DIR": str(folder / "work"),
        "WARTA_RAW_DIR": str(folder / "raw"),
        "WARTA_STAGING": str(folder / "staging"),
        "WARTA_BACKFILL_EXECUTOR": "dask",
        "WARTA_BACKFILL_STEPS": "2",
    }
    os.environ.update(env)  # the workers inherit it
    with dg.DagsterInstance.from_config(str(home)) as instance:
        instance.add_dynamic_partitions("warc_files", [str(f) for f in files])
    with (
        LocalCluster(
            n_workers=workers, processes=True, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(importlib.import_module, "pipelines.definitions")
        config = folder / "run.yaml"
        config.write_text(
            json.dumps({"execution": {"config": {"cluster": {"existing": {"address": cluster.scheduler_address}}}}})
        )
        started = time.monotonic()
        command = [str(Path(sys.executable).with_name("dagster")), "job", "execute", "-m", "pipelines.definitions"]
        subprocess.run(
            [*command, "-j", "backfill", "-c", str(config)], env=env, cwd=ROOT, check=True, capture_output=True
        )
        elapsed = time.monotonic() - started
        memory = sorted(client.run(peak_rss_mib).values())
    with dg.DagsterInstance.from_config(str(home)) as instance:
        (run,) = instance.get_runs()
        events = [
            e
            for e in instance.all_logs(run.run_id)
            if e.dagster_event and e.step_key and e.step_key.startswith("stage_")
        ]
        starts = {e.step_key: e.timestamp for e in events if e.dagster_event.event_type_value == "STEP_START"}
        ends = {e.step_key: e.timestamp for e in events if e.dagster_event.event_type_value == "STEP_SUCCESS"}
        staged = [
            e.dagster_event.step_materialization_data.materialization
            for e in events
            if e.dagster_event.event_type_value == "ASSET_MATERIALIZATION"
        ]
    pages = sum(m.metadata["pages"].value for m in staged)
    return {
        "workers": workers,
        "pages": pages,
        "stage_seconds": max(ends.values()) - min(starts.values()),
        "steps": {step: ends[step] - starts[step] for step in sorted(starts)},
        "run_seconds": elapsed,
        "memory": memory,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("realdata", nargs="?", default=str(ROOT.parent / "shared" / "realdata"))
    parser.add_argument("--pages", type=int, default=800)
    parser.add_argument("--files", type=int, default=8)
    args = parser.parse_args()
    realdata = Path(args.realdata)
    if not realdata.is_dir():
        print(f"skipped: {realdata} is not available")
        return
    pages = bench_records(realdata, args.pages)
    with tempfile.TemporaryDirectory() as tmp:
        archives = Path(tmp) / "archives"
        archives.mkdir()
        files = [write_warc(archives / f"part-{i}.warc.gz", pages[i :: args.files]) for i in range(args.files)]
        print(f"{len(pages)} pages in {args.files} WARC files")
        results = []
        for workers in (1, 2):
            folder = Path(tmp) / f"workers-{workers}"
            folder.mkdir()
            results.append(run_backfill(folder, files, workers))
    for r in results:
        rate = r["pages"] / r["stage_seconds"]
        memory = ", ".join(f"{m:.0f}" for m in r["memory"])
        steps = ", ".join(f"{seconds:.1f}" for seconds in r["steps"].values())
        print(
            f"{r['workers']} worker(s): {r['pages']} pages, partition steps {r['stage_seconds']:.1f} s "
            f"= {rate:.1f} pages/s (steps {steps} s); "
            f"whole run {r['run_seconds']:.1f} s; peak memory per worker {memory} MiB"
        )
    print(f"speed-up with 2 workers: {results[0]['stage_seconds'] / results[1]['stage_seconds']:.2f}x")


if __name__ == "__main__":
    main()
