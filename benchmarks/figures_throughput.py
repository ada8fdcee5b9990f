"""Throughput of extract_figures over the seed articles (not a timed test).

    .venv/bin/python benchmarks/figures_throughput.py [--repeat 200]

Prints figures/second, characters/second and the peak memory traced while
extracting (tracemalloc, measured in a separate pass: tracing slows Python).
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.lib.extract.figures.figures import extract_figures  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"  # ../shared beside the repository


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--seeds", default=str(SEEDS))
    args = parser.parse_args()

    texts = [p.read_text() for p in sorted(Path(args.seeds).glob("*.txt"))]
    if not texts:
        print(f"skipped: no seed articles in {args.seeds}")
        return
    chars = sum(len(t) for t in texts)
    for t in texts:  # warm the lexicon caches
        extract_figures(t)

    n_figures = 0
    began = time.perf_counter()
    for _ in range(args.repeat):
        for t in texts:
            n_figures += len(extract_figures(t))
    elapsed = time.perf_counter() - began

    tracemalloc.start()
    for t in texts:
        extract_figures(t)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    docs = len(texts) * args.repeat
    print(f"{docs} documents, {chars * args.repeat:,} characters, {n_figures:,} figures in {elapsed:.2f} s")
    rates = [f"{docs / elapsed:,.0f} documents/s", f"{chars * args.repeat / elapsed:,.0f} chars/s"]
    print("  ".join([*rates, f"{n_figures / elapsed:,.0f} figures/s"]))
    print(f"peak traced memory for one pass over the seeds: {peak / 1024:,.0f} KiB")


if __name__ == "__main__":
    main()
