"""Parse a page's HTML into a tree, safely.

- No entity expansion: libxml2's HTML parser never expands entities declared in a
  DOCTYPE ("billion laughs"). An XML declaration and a DOCTYPE's internal subset are
  dropped before parsing (an HTML doctype stays), so a page is judged by its markup: an
  HTML page after them is parsed as usual, an XML document is no page. References to the
  entities the subset declared (``&lol9;``) are dropped too rather than left as text;
  HTML's own entities (``&amp;``, ``&eacute;``) are decoded as always.
- Bounded depth: libxml2 stops building the tree at 256 levels and drops everything after
  that point, so a page of 100 000 nested ``<div>`` would lose its article. A tree that
  reaches that depth is parsed again after ``flatten_nesting``, which keeps the text and
  drops the tags nested too deep: wrappers (``div``, ``span``, ``font``, ...) beyond
  ``WRAPPER_DEPTH`` levels, any tag beyond ``MAX_DEPTH``. Python code walking the tree
  recursively therefore never goes deeper than a few hundred frames.
"""

from __future__ import annotations

import re
from html.entities import name2codepoint

from lxml import etree
from trafilatura.utils import load_html

LIBXML_DEPTH = 256  # libxml2's limit without XML_PARSE_HUGE
MAX_ELEMENTS = 100_000
INLINE_PIECES = 5_000
INLINE_TAGS = (
    *("b", "i", "u", "s", "em", "strong", "span", "font", "small", "big", "sup", "sub", "mark", "abbr", "cite"),
    *("strike", "ins", "del", "tt", "code", "kbd", "var", "bdi", "bdo", "nobr", "q", "dfn", "samp", "time"),
)
WRAPPER_DEPTH = 100
MAX_DEPTH = 200
PROLOG = re.compile(
    r"^\s*(?P<xml><\?xml[^>]*>\s*)?(?:<!DOCTYPE\s+(?P<name>[^\s\[>]*)[^\[>]*(?P<subset>\[.*?\]\s*)?>)?", re.I | re.S
)
TAG = re.compile(r"<!--.*?(?:-->|$)|<(/?)([a-zA-Z][^\s/>]*)[^>]*?(/?)>", re.S)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
RAW_TEXT = {"script", "style", "textarea", "title", "xmp", "noscript", "template", "iframe", "noembed"}
CONTENT = {
    *("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre"),
    *("table", "thead", "tbody", "tfoot", "tr", "td", "th", "figure", "figcaption", "article", "main", "time"),
}
SELF_CLOSING_SIBLINGS = {"p", "li", "dt", "dd", "tr", "td", "th", "option"}  # <li>a<li>b: the second closes the first
CLOSE_SEARCH = 512  # a closing tag looks this far down the open elements for its opening tag
ENTITY_DECLARATION = re.compile(r"<!ENTITY\s+(?:%\s+)?([^\s%\"'>]+)")
ENTITY_REFERENCE = re.compile(r"&([A-Za-z_][\w.:-]*);")


class PageTooComplex(ValueError):
    """More elements than any article page has."""


def parse_html(html: str):
    """The page's tree (lxml, as trafilatura builds it), None when it is not HTML; raises
    PageTooComplex for a page of more than MAX_ELEMENTS elements."""
    html, declared = drop_prolog(html)
    if declared:
        html = ENTITY_REFERENCE.sub(lambda m: "" if m.group(1) in declared else m.group(0), html)
    tree = load_html(html)
    if tree is not None and too_deep(tree):
        tree = load_html(flatten_nesting(html))
    if tree is None:
        return None
    elements = int(tree.xpath("count(//node()[not(self::text())])"))  # counted without making Python elements
    if elements > MAX_ELEMENTS:
        raise PageTooComplex(f"page too complex: {elements} elements, the limit is {MAX_ELEMENTS}")
    if tree.xpath("count(//p//node()[not(self::text())])") > INLINE_PIECES:
        etree.strip_tags(tree, *INLINE_TAGS)
        tree = load_html(etree.tostring(tree, encoding="unicode"))
    return tree


def drop_prolog(html: str) -> tuple[str, set[str]]:
    """``html`` without its XML declaration and its DOCTYPE's internal subset (an HTML doctype
    stays), and the names of the entities that subset declared (HTML's own left out)."""
    match = PROLOG.match(html)
    if not (match.group("xml") or match.group("subset")):
        return html, set()
    declared = set(ENTITY_DECLARATION.findall(match.group("subset") or "")) - set(name2codepoint)
    doctype = "<!DOCTYPE html>" if (match.group("name") or "").lower() == "html" else ""
    return doctype + html[match.end() :], declared


def too_deep(tree, levels: int = LIBXML_DEPTH - 8) -> bool:
    """Whether the tree reaches ``levels`` deep: near libxml2's limit, where it stops. The path of ``levels`` + 1
    element steps from the root visits each element once (counting every element's ancestors visits them again)."""
    return bool(tree.xpath("boolean(" + "/*" * (levels + 1) + ")"))


def flatten_nesting(html: str, wrapper_depth: int = WRAPPER_DEPTH, max_depth: int = MAX_DEPTH) -> str:
    """``html`` with the tags nested deeper than the limits left out, their text kept."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: (name, kept)
    kept_depth = 0
    pos = 0
    while match := TAG.search(html, pos):
        out.append(html[pos : match.start()])
        pos = match.end()
        closing, name, self_closed = match.group(1), (match.group(2) or "").lower(), match.group(3)
        if not name:  # a comment
            continue
        if closing:
            closed, kept = close_element(stack, name)
            kept_depth -= closed
            if kept:
                out.append(match.group(0))
            continue
        if name in VOID or self_closed:
            out.append(match.group(0))
            continue
        if name in RAW_TEXT:  # its content is text, not tags
            end = re.compile(rf"</{re.escape(name)}\s*>", re.I).search(html, pos)
            stop = end.end() if end else len(html)
            if kept_depth < max_depth:
                out.append(html[match.start() : stop])
            pos = stop
            continue
        if name in SELF_CLOSING_SIBLINGS and stack and stack[-1][0] == name:
            kept_depth -= stack.pop()[1]
        keep = kept_depth < (max_depth if name in CONTENT else wrapper_depth)
        stack.append((name, keep))
        kept_depth += keep
        if keep:
            out.append(match.group(0))
    out.append(html[pos:])
    return "".join(out)


def close_element(stack: list[tuple[str, bool]], name: str) -> tuple[int, bool]:
    """Close the innermost open ``name`` (looking ``CLOSE_SEARCH`` elements down) and those opened
    inside it: (how many of them were kept, whether its own tag was). A stray closing tag closes nothing."""
    for k in range(len(stack) - 1, max(-1, len(stack) - 1 - CLOSE_SEARCH), -1):
        if stack[k][0] == name:
            closed, kept = sum(kept for _, kept in stack[k:]), stack[k][1]
            del stack[k:]
            return closed, kept
    return 0, False
