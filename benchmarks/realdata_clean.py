"""Token F1 of the clean body against real pages' expected text: plain trafilatura vs warta's page_from_html.

Usage: python benchmarks/realdata_clean.py [REALDATA_DIR] [--en] [-q] [-v] [--mem]
REALDATA_DIR defaults to ../shared/realdata next to the repo root; --en adds en-articles-dev;
-q hides per-page scores of id-news-dev, -v shows them for en; --mem adds a pass under
tracemalloc for peak memory (not timed). Per set it prints the mean milliseconds per page of
plain trafilatura.extract and of page_from_html (after a warm-up of both) and their difference,
the overhead per page; at the end one table puts both side by side on every set: mean token F1
and pages per second.
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
from pipelines.lib.text.html_page import page_from_html  # noqa: E402
from pipelines.lib.text.page import NoArticleText  # noqa: E402


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


def text_caches() -> list:
    """functools caches keyed by text: the extraction libraries' and the clean-text stage's bounded
    ones (not its lexicons). Cleared before each timed call, so the function timed second does not
    find the other's work on the same page cached, nor a repeated call its own."""
    found = []
    for mod_name, mod in list(sys.modules.items()):
        if mod_name.split(".")[0] in ("trafilatura", "htmldate", "justext", "courlan"):
            found += [f for f in vars(mod).values() if callable(getattr(f, "cache_clear", None))]
        elif mod_name.startswith("pipelines.lib.text."):
            found += [f for f in vars(mod).values() if _bounded_cache(f)]
    return list({id(f): f for f in found}.values())


def _bounded_cache(f) -> bool:
    info = getattr(f, "cache_parameters", None)
    return callable(info) and info().get("maxsize") is not None


def run(name: str, pages, verbose: bool, memory: bool = False) -> dict[str, tuple[float, float]]:
    """{"trafilatura" | "page_from_html": (mean token F1, mean ms per page)} on one set."""
    pages = list(pages)
    result, ms, per_page = {}, {}, {}
    for _, html, url, _ in pages[:3]:  # warm-up: imports, regex and lexicon caches, lxml
        plain(html, url), ours(html, url)
    for label, fn in (("trafilatura", plain), ("page_from_html", ours)):
        scores, elapsed, caches = [], 0.0, text_caches()
        for page, html, url, expected in pages:
            best = float("inf")
            for _ in range(2):  # best of two cold calls: less noise from the garbage collector
                for cached in caches:
                    cached.cache_clear()
                start = time.perf_counter()
                text = fn(html, url)
                best = min(best, time.perf_counter() - start)
            elapsed += best
            per_page.setdefault(page, []).append(best)
            scores.append((page, token_f1(text, expected)))
        peak = ""
        if memory:
            tracemalloc.start()
            for _, html, url, _ in pages:
                fn(html, url)
            peak = f"  peak {tracemalloc.get_traced_memory()[1] / 2**20:.0f} MiB (tracemalloc)"
            tracemalloc.stop()
        result[label], ms[label] = sum(f for _, f in scores) / len(scores), 1000 * elapsed / len(pages)
        if verbose:
            for page, f in scores:
                print(f"  {name} {label:15} {page:28} {f:.3f}")
        print(f"{name:16} {label:15} mean token F1 {result[label]:.3f}  {ms[label]:6.1f} ms/page{peak}")
    diffs = sorted(1000 * (ours_s - plain_s) for plain_s, ours_s in per_page.values())
    print(
        f"{name:16} overhead per page {ms['page_from_html'] - ms['trafilatura']:.1f} ms mean, "
        f"{diffs[len(diffs) // 2]:.1f} ms median (page_from_html {ms['page_from_html']:.1f} "
        f"- trafilatura.extract {ms['trafilatura']:.1f})"
    )
    return {label: (result[label], ms[label]) for label in result}


def side_by_side(results: dict[str, dict[str, tuple[float, float]]]) -> None:
    """One line per set: trafilatura alone and warta, token F1 and pages per second."""
    print(f"{'set':16} {'trafilatura F1':>14} {'pages/s':>8} {'warta F1':>9} {'pages/s':>8}")
    for name, by_label in results.items():
        (tf, tms), (wf, wms) = by_label["trafilatura"], by_label["page_from_html"]
        print(f"{name:16} {tf:14.3f} {1000 / tms:8.1f} {wf:9.3f} {1000 / wms:8.1f}")


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("-")]
    root = Path(args[0]) if args else Path(__file__).resolve().parents[1].parent / "shared" / "realdata"
    results = {"id-news-dev": run("id-news-dev", id_news(root), "-q" not in argv, "--mem" in argv)}
    if "--en" in argv:
        results["en-articles-dev"] = run("en-articles-dev", en_articles(root), "-v" in argv, "--mem" in argv)
    side_by_side(results)
    print(
        f"process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB "
        "(tracemalloc counts Python objects only, not lxml's C memory)"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
