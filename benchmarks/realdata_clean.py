"""Token F1 of the clean body against real pages' expected text: plain trafilatura vs page_from_html.

Usage: python benchmarks/realdata_clean.py [REALDATA_DIR] [--en] [-q] [-v]
REALDATA_DIR defaults to ../shared/realdata next to the repo root; --en adds en-articles-dev; -q hides per-page scores of id-news-dev, -v shows them for en.
"""

from __future__ import annotations

import gzip
import json
import re
import resource
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pipelines.lib.clean import NoArticleText  # noqa: E402
from pipelines.lib.html_page import page_from_html  # noqa: E402


def token_f1(predicted: str, expected: str) -> float:
    p, g = (Counter(re.findall(r"\w+", t.lower())) for t in (predicted, expected))
    common = sum((p & g).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def id_news(root: Path):
    folder = root / "id-news-dev"
    for item in json.loads((folder / "expected.json").read_text()):
        yield item["file"], (folder / item["file"]).read_bytes(), item["url"], item["content"]


def en_articles(root: Path):
    folder = root / "en-articles-dev"
    for page_id, item in json.loads((folder / "ground-truth.json").read_text()).items():
        html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        yield page_id[:16], html, item.get("url"), item["articleBody"] or ""


def plain(html: bytes, url: str | None) -> str:
    return trafilatura.extract(html, url=url, include_comments=False) or ""


def ours(html: bytes, url: str | None) -> str:
    try:
        return page_from_html(html, url).body
    except NoArticleText:
        return ""


def run(name: str, pages, verbose: bool) -> dict[str, float]:
    pages = list(pages)
    result = {}
    for label, fn in (("trafilatura", plain), ("page_from_html", ours)):
        tracemalloc.start()
        start = time.perf_counter()
        scores = [(page, token_f1(fn(html, url), expected)) for page, html, url, expected in pages]
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        result[label] = sum(f for _, f in scores) / len(scores)
        if verbose:
            for page, f in scores:
                print(f"  {name} {label:15} {page:28} {f:.3f}")
        print(f"{name:16} {label:15} mean token F1 {result[label]:.3f}  "
              f"{len(pages) / elapsed:6.1f} pages/s  peak {peak:.0f} MiB (tracemalloc)")
    return result


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("-")]
    root = Path(args[0]) if args else Path(__file__).resolve().parents[1].parent / "shared" / "realdata"
    run("id-news-dev", id_news(root), "-q" not in argv)
    if "--en" in argv:
        run("en-articles-dev", en_articles(root), "-v" in argv)
    print(f"process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB "
          "(tracemalloc counts Python objects only, not lxml's C memory)")


if __name__ == "__main__":
    main(sys.argv[1:])
