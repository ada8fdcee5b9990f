"""N distinct pages built from a folder of real ones, for the benchmarks that need more pages than there are.

Page i is real page i mod P with every fifth word of its text marked with the copy's number, so no two pages
share a 5-word shingle (none is a near-duplicate of another) while each keeps its markup, its length and most
of its words. A page is decoded as warta decodes it (BOM, UTF-8, declared charset) before it is parsed, and
written back as UTF-8.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

from lxml import etree, html

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.lib.text.decoding import decode_html  # noqa: E402

WORD = re.compile(r"\w+")
UTF8 = html.HTMLParser(encoding="utf-8")


def real_pages(folder: Path) -> list[bytes]:
    """The .html and .html.gz files under ``folder``, in name order."""
    paths = sorted(folder.rglob("*.html")) + sorted(folder.rglob("*.html.gz"))
    return [gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes() for p in paths]


def distinct_page(page: bytes, copy: int) -> bytes:
    """``page`` with every fifth word of its text suffixed by ``copy``, as UTF-8 HTML."""
    text = decode_html(page).text
    tree = html.document_fromstring(text.encode("utf-8"), parser=UTF8)
    counter = [0]
    for element in tree.iter():
        if element.tag in ("script", "style") or not isinstance(element.tag, str):
            continue
        element.text = _marked(element.text, copy, counter)
        element.tail = _marked(element.tail, copy, counter)
    return etree.tostring(tree, method="html", encoding="utf-8")


def distinct_pages(pages: list[bytes], start: int, count: int) -> list[bytes]:
    """Pages ``start`` .. ``start + count - 1`` of the endless sequence built from ``pages``."""
    return [distinct_page(pages[i % len(pages)], i // len(pages) + 1) for i in range(start, start + count)]


def _marked(text: str | None, copy: int, counter: list[int]) -> str | None:
    if not text:
        return text

    def mark(match: re.Match) -> str:
        counter[0] += 1
        return f"{match.group(0)}{copy}" if counter[0] % 5 == 0 else match.group(0)

    return WORD.sub(mark, text)
