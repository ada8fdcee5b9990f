"""The language of a page from its bytes, as cleaning reads it: the stated one, unless its paragraphs say
otherwise (``html_page.page_language``). A WARC source's ``languages`` filter asks it of every page."""

from __future__ import annotations

from pipelines.lib.text.decoding import decode_html
from pipelines.lib.text.html_page import page_language
from pipelines.lib.text.html_tree import parse_html


def detected_language(content: bytes, header_language: str | None = None) -> str | None:
    """The page's language; None for a page that cannot be read."""
    try:
        tree = parse_html(decode_html(content).text)
    except Exception:  # an unreadable page has no language
        return None
    if tree is None:
        return None
    return page_language(tree, header_language, " ".join(tree.xpath("//p//text()")))
