"""An HTML element rendered as lines of text, as a reader sees its blocks, and the keys that
compare such lines with extracted text."""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.lib.text.lines import normalise, words

BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "figure",
    "figcaption",
    "header",
    "main",
    "dd",
    "dt",
    "dl",
    "pre",
    "hr",
}
SKIP = {
    "script",
    "style",
    "noscript",
    "iframe",
    "form",
    "nav",
    "footer",
    "aside",
    "button",
    "select",
    "svg",
    "template",
    "head",
    "input",
    "textarea",
}


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """Lowercase words joined by single spaces: compares lines whatever their punctuation."""
    return " ".join(words(text.lower()))


def flat(text: str) -> str:
    """Letters and digits only: compares texts whose inline tags were joined without spaces."""
    return re.sub(r"[\W_]+", "", text.lower())


def render(el) -> list[tuple[str, float]]:
    """Lines of an element split at block tags, each with its share of link text."""
    lines: list[tuple[str, float]] = []
    buf: list[tuple[str, bool]] = []

    def flush():
        text = normalise("".join(t for t, _ in buf))
        if text:
            linked = sum(len(t.strip()) for t, a in buf if a)
            lines.append((text, linked / max(1, sum(len(t.strip()) for t, _ in buf))))
        buf.clear()

    def walk(node, in_link):
        tag = node.tag.lower() if isinstance(node.tag, str) else None
        if tag and tag not in SKIP:
            in_a = in_link or tag == "a"
            if tag in BLOCK:
                flush()
            buf.append((node.text or "", in_a))
            for child in node:
                walk(child, in_a)
            if tag in BLOCK:
                flush()
        buf.append((node.tail or "", in_link))

    walk(el, False)
    flush()
    return lines
