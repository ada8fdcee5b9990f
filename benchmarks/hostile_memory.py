"""Peak memory and time of one pipeline run over the hostile corpus (tests/hostile_corpus.py).

Usage: python benchmarks/hostile_memory.py
The corpus (a 50 MB page, 100 000 nested tags, billion laughs, wrong encodings, …) is
written to a temporary inbox and `warta run` processes it in a child process, whose peak
resident memory is printed with what became of each input. Not a test: machines here are noisy.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.hostile_corpus import write_hostile_corpus  # noqa: E402

LIMIT_MIB = 1024


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Path(tmp)
        expectations = write_hostile_corpus(workspace / "inbox")
        (workspace / "sources.yaml").write_text("sources:\n  - {name: inbox, inbox: inbox}\n")
        env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"} | {
            "WARTA_SOURCES": str(workspace / "sources.yaml"),
            "WARTA_WAREHOUSE": str(workspace / "warehouse.duckdb"),
            "WARTA_RAW_DIR": str(workspace / "raw"),
        }
        started = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "warta"), "run"], env=env, check=True, capture_output=True)
        elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        with duckdb.connect(str(workspace / "warehouse.duckdb"), read_only=True) as conn:
            articles = {row[0] for row in conn.execute("select source from analytics.articles").fetchall()}
            reasons = dict(conn.execute("select source, reason from analytics.rejected").fetchall())
    print(f"{len(expectations)} hostile inputs in one run: {elapsed:.1f} s")
    for name in sorted(expectations):
        source = f"inbox/{name}"
        outcome = "article" if source in articles else f"rejected: {reasons.get(source, '(missing)')[:70]}"
        print(f"  {name:<40} {outcome}")
    print(f"peak resident memory of the run: {peak:.0f} MiB (bar: under {LIMIT_MIB} MiB)")


if __name__ == "__main__":
    main()
