"""warta end to end beside trafilatura alone, on the same N distinct pages, for N = 1,000 and 10,000.

Usage: python benchmarks/scale.py [N ...] [--pages FOLDER]
The pages are built from the real pages of ../shared/realdata (or the .html / .html.gz files of
FOLDER) by benchmarks/distinct_pages.py: no two share a 5-word shingle. For each N it prints, from one run:
  - trafilatura alone: `trafilatura.bare_extraction` (with metadata, comments off), one process;
  - warta: `warta run` in a child process (poll, clean, extract, timeline, publish), its pages/s,
    the ratio to trafilatura alone, CPU seconds and CPU use (1.0 = one core busy; read off the whole
    machine, so run it on a quiet one), the peak memory of its largest process;
  - a run with nothing new (wall time), and one after adding 10 more pages (wall time).
Not a test: machines here are noisy, and N = 10,000 takes a while.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import trafilatura
from distinct_pages import distinct_pages, real_pages

REPO = Path(__file__).resolve().parents[1]
REALDATA = REPO.parent / "shared" / "realdata"


def write_pages(folder: Path, pages: list[bytes], start: int, count: int) -> list[bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    written = distinct_pages(pages, start, count)
    for i, content in enumerate(written, start):
        (folder / f"page{i:06d}.html").write_bytes(content)
    return written


def trafilatura_alone(pages: list[bytes]) -> float:
    started = time.process_time()
    for page in pages:
        trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
    return time.process_time() - started


def busy_cpu_seconds() -> float:
    """CPU seconds the whole machine has spent busy (``/proc/stat``): a run's workers are started by a fork
    server, not by the run itself, so the run's own resource usage would miss them. Run it on a quiet machine."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq = (int(v) for v in fields[:7])
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def warta_run(workspace: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (the machine's, see busy_cpu_seconds) and the peak resident MiB of the largest
    process of one `warta run`. The run is started from a fresh small process: a child forked from this one,
    which holds every page built, would count this process's memory as its own until it execs."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as launcher:
        return launcher.submit(measured_run, str(workspace)).result()


def measured_run(workspace: str) -> tuple[float, float, float]:
    folder = Path(workspace)
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"} | {
        "WARTA_SOURCES": str(folder / "sources.yaml"),
        "WARTA_WAREHOUSE": str(folder / "warehouse.duckdb"),
        "WARTA_RAW_DIR": str(folder / "raw"),
    }
    busy = busy_cpu_seconds()
    started = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "warta"), "run"], env=env, check=True, capture_output=True)
    wall = time.perf_counter() - started
    cpu = busy_cpu_seconds() - busy
    return wall, cpu, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def measure(n: int, pages: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Path(tmp)
        (workspace / "sources.yaml").write_text("sources:\n  - {name: inbox, inbox: inbox}\n")
        built = write_pages(workspace / "inbox", pages, 0, n)
        alone = trafilatura_alone(built)
        wall, cpu, peak = warta_run(workspace)
        noop, _, _ = warta_run(workspace)
        write_pages(workspace / "inbox", pages, n, 10)
        added, _, _ = warta_run(workspace)
    print(f"N = {n:,} pages")
    print(f"  trafilatura alone    {n / alone:7.1f} pages/s (one process, {alone:.0f} CPU s)")
    print(f"  warta end to end     {n / wall:7.1f} pages/s = {alone / wall:.2f}x trafilatura alone")
    print(
        f"  warta CPU            {cpu:7.0f} s, {cpu / wall:.2f} cores busy on average, {cpu / alone:.2f}x the CPU of"
        f" trafilatura alone; peak memory {peak:.0f} MiB"
    )
    print(f"  run with nothing new {noop:7.1f} s wall")
    print(f"  10 pages added       {added:7.1f} s wall")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--pages", type=Path, default=REALDATA, help="folder of real .html / .html.gz pages")
    args = parser.parse_args()
    pages = real_pages(args.pages)
    if not pages:
        print(f"skipped: no pages in {args.pages}")
        return
    print(f"{len(pages)} real pages from {args.pages}; {os.cpu_count()} cores")
    for n in args.sizes:
        measure(n, pages)


if __name__ == "__main__":
    main()
