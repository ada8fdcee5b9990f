"""Throughput and memory of the whole pipeline: N copies of the sample articles through Dagster into DuckDB.

Usage: python benchmarks/pipeline_throughput.py [COPIES]   (default 40 copies of the 5 samples = 200 articles)
Prints articles per second for a first run, for a second run with nothing new, and for each
extraction stage alone, plus the peak resident memory. Not a test: machines here are noisy.
"""

from __future__ import annotations

import datetime as dt
import resource
import sys
import tempfile
import time
from pathlib import Path

from pipelines.cli import run
from pipelines.defs.resources import SourcesResource, WarehouseResource
from pipelines.lib.extract.analysis import analyze
from pipelines.lib.text.article import build_article

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "inbox"


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(copies: int) -> None:
    samples = sorted(SAMPLES.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Path(tmp)
        inbox = workspace / "inbox"
        inbox.mkdir()
        for i in range(copies):
            for path in samples:
                # a distinct trailing line makes each copy a distinct input with its own hash
                (inbox / f"{i:04d}_{path.name}").write_text(path.read_text() + f"\n\nSalinan {i}.\n")
        articles = copies * len(samples)
        (workspace / "sources.yaml").write_text("sources:\n  - {name: inbox, inbox: inbox}\n")
        resources = {
            "warehouse": WarehouseResource(path=str(workspace / "warehouse.duckdb"), work_dir=str(workspace / "work")),
            "sources": SourcesResource(path=str(workspace / "sources.yaml"), raw_dir=str(workspace / "raw")),
        }
        started = time.perf_counter()
        run(resources=resources)
        first = time.perf_counter() - started
        started = time.perf_counter()
        run(resources=resources)
        second = time.perf_counter() - started

    texts = [p.read_text() for p in samples] * max(1, copies // 4)
    started = time.perf_counter()
    records = [build_article(f"{i}.txt", "text", t.encode(), dt.date.today()) for i, t in enumerate(texts)]
    clean = time.perf_counter() - started
    started = time.perf_counter()
    for record in records:
        analyze(record.body, record.published_date, dt.date.today())
    extract = time.perf_counter() - started
    chars = sum(len(r.body) for r in records)

    print(f"pipeline, first run : {articles} articles in {first:.1f} s = {articles / first:.1f} articles/s")
    print(f"pipeline, second run: nothing new, {second:.1f} s")
    print(f"clean text only     : {len(records) / clean:.1f} articles/s")
    print(f"extraction only     : {len(records) / extract:.1f} articles/s ({chars / extract / 1000:.0f} k chars/s)")
    print(f"peak resident memory: {peak_mib():.0f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
