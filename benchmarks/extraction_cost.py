"""What extraction costs per article, on the five sample articles plus the Indonesian dev pages.

Usage: python benchmarks/extraction_cost.py [REALDATA_DIR]   (default ../shared/realdata)

Prints, per article (mean of the best of several passes, so a busy machine matters less):
- trafilatura: one plain `trafilatura.extract` of each HTML page (the baseline),
- clean text: warta's clean stage (`page_from_html` / `page_from_text`) minus that baseline,
- extraction: actors, quotes, figures, events and dates on the clean body (`analyze`),
and the peak memory. Not a timed test: it prints, it does not assert.
"""

from __future__ import annotations

import datetime as dt
import resource
import sys
import time
from pathlib import Path

import trafilatura

from pipelines.lib.extract.analysis import analyze
from pipelines.lib.text.html_page import page_from_html
from pipelines.lib.text.plain_page import page_from_text

ROOT = Path(__file__).resolve().parents[1]
PASSES = 5


def best_ms(function, items) -> float:
    """Best mean milliseconds per item over several passes."""
    times = []
    for _ in range(PASSES):
        started = time.perf_counter()
        for item in items:
            function(item)
        times.append((time.perf_counter() - started) / len(items) * 1000)
    return min(times)


def main(realdata: Path) -> None:
    seeds = [p.read_text() for p in sorted((ROOT / "data" / "inbox").glob("*.txt"))]
    pages = [p.read_bytes() for p in sorted((realdata / "id-news-dev").glob("*.html"))]
    ingested = dt.date.today()
    bodies = [page_from_text(text) for text in seeds] + [page_from_html(html) for html in pages]
    documents = [(page.body, None) for page in bodies]

    trafilatura_ms = best_ms(lambda html: trafilatura.extract(html, include_comments=False), pages)
    html_ms = best_ms(page_from_html, pages)
    text_ms = best_ms(page_from_text, seeds)
    extraction_ms = best_ms(lambda doc: analyze(doc[0], doc[1], ingested), documents)
    articles = len(documents)
    clean_overhead = (text_ms * len(seeds) + (html_ms - trafilatura_ms) * len(pages)) / articles

    print(
        f"articles: {len(seeds)} samples + {len(pages)} dev pages, "
        f"{sum(len(d[0]) for d in documents) / articles:.0f} characters of body on average"
    )
    print(f"trafilatura.extract alone     : {trafilatura_ms:6.2f} ms per HTML page")
    print(
        f"clean text on top of it       : {html_ms - trafilatura_ms:6.2f} ms per HTML page, "
        f"{text_ms:.2f} ms per text article ({clean_overhead:.2f} ms per article on average)"
    )
    print(f"extraction (quotes, figures, events, actors, dates): {extraction_ms:6.2f} ms per article")
    print(f"peak resident memory          : {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "realdata")
