"""The parts of an HTML page that are not its article but show up in extracted text: headline
links, teaser items (a headline link with its blurb) and photo captions; and the checks that
tell such lines in an extracted text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.lib.text.furniture_rules import rules
from pipelines.lib.text.html_lines import flat, key, render
from pipelines.lib.text.lines import normalise, words

URL_TEXT = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.I)
ITEM_TAGS = {"li", "article", "div"}
MIN_TEASERS = 3
LINK_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "div")  # blocks inside a link that hold a headline


@dataclass
class PageParts:
    """What the cleaning needs from the page, gathered in one pass over its links."""

    links: list[str]  # keys of headline link texts (>= 3 words)
    captions: list[str]  # caption texts and image alt texts
    credits: list[str]  # caption texts only (they may carry a date)
    items: list = field(default_factory=list)  # teaser items
    _teaser_keys: set[str] | None = None
    _item_text: str = ""

    @property
    def headlines(self) -> set[str]:
        """The link texts as ``flat`` keys (where a glued "Baca juga" link ends)."""
        return {k.replace(" ", "") for k in self.links}

    def is_teaser(self, line: str) -> bool:
        """The line is a text line of a teaser item (checked exactly only when it may be)."""
        flat_line = flat(line)
        if not self.items or flat_line not in self._item_text:
            return False
        if self._teaser_keys is None:
            self._teaser_keys = {flat(t) for el in self.items for t, _ in render(el) if len(words(t)) >= 4}
            self._teaser_keys |= {flat(el.text_content()) for el in self.items}
        return flat_line in self._teaser_keys


def _attributes(el) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def headline_links(tree) -> tuple[list[str], dict]:
    """(keys of the link texts of >= 3 words, and per <li>/<article>/<div> around such links:
    how many it holds and the text of the last)."""
    links: dict[str, None] = {}
    per_item: dict = {}
    for a in tree.iter("a"):
        text = a.text_content()
        k = key(text)
        if len(k.split()) < 3 or URL_TEXT.match(text):
            continue
        links[k] = None
        for block in block_lines(a):
            links.setdefault(block, None)
        for el in a.iterancestors(*ITEM_TAGS):
            per_item[el] = (per_item[el][0] + 1, text) if el in per_item else (1, text)
    return list(links), per_item


def block_lines(a) -> list[str]:
    """Keys of the blocks (>= 3 words) of a link that holds blocks: a headline and its time in one <a>."""
    return [k for el in a.iter(*LINK_BLOCKS) if el is not a and len((k := key(el.text_content())).split()) >= 3]


def teaser_items(per_item: dict, language: str) -> list:
    """Blocks of <= 80 words around exactly one headline link that they lead with (a <div> only
    with a teaser class name): a paragraph or bullet of the article holds a link further on."""
    teaser_class = rules(language).teaser_class
    items = []
    for el, (n, headline) in per_item.items():
        if n > 1 or (el.tag == "div" and not teaser_class.search(_attributes(el))):
            continue
        text = el.text_content()
        # a teaser leads with its headline (after a label or date at most)
        if len(words(text)) <= 80 and len(words(text[: max(0, text.find(headline))])) <= 6:
            items.append(el)
    return items


def page_parts(tree, language: str = "id") -> PageParts:
    """Headline links, captions and teaser items (when the page has at least ``MIN_TEASERS``)."""
    links, per_item = headline_links(tree)
    items = teaser_items(per_item, language)
    credits = page_captions(tree, with_alt=False, language=language)
    alts = [normalise(img.get("alt", "")) for img in tree.iter("img")]
    captions = list(dict.fromkeys(credits + [c for c in alts if 4 <= len(words(c)) <= 60]))
    parts = PageParts(links, captions, credits)
    if len(items) >= MIN_TEASERS:
        parts.items, parts._item_text = items, "\x00".join(flat(el.text_content()) for el in items)
    return parts


def page_captions(tree, with_alt: bool = True, language: str = "id") -> list[str]:
    """Texts of <figcaption> and of elements with a caption class name (and image alt texts)."""
    caption_class = rules(language).caption_class
    found = [el.text_content() for el in tree.iter("figcaption")]
    for el in tree.xpath("//*[@class or @id]"):
        if caption_class.search(_attributes(el)):
            found.append(el.text_content())
    if with_alt:
        found += [img.get("alt", "") for img in tree.iter("img")]
    return [normalise(c) for c in dict.fromkeys(found) if 4 <= len(words(c)) <= 60]


def link_index(links: list[str]) -> dict[str, list[str]]:
    """Headline keys by their first two words (each has >= 3 words)."""
    index: dict[str, list[str]] = {}
    for a in links:
        index.setdefault(" ".join(a.split()[:2]), []).append(a)
    return index


def is_link_line(line: str, links: set[str], index: dict[str, list[str]]) -> bool:
    """The line is a headline link's text, or starts with one that makes >= 70% of it."""
    k = key(line)
    if k in links:
        return True
    n = len(k)
    return any(n and k.startswith(a) and len(a) >= 0.7 * n for a in index.get(" ".join(k.split()[:2]), ()))


def teasers(is_link: list[bool], gap: int = 2, run: int = 3) -> list[bool]:
    """Lines inside a run of >= `run` headline links spaced <= `gap` lines apart (teaser texts)."""
    out = [False] * len(is_link)
    idx = [i for i, linked in enumerate(is_link) if linked]
    start = 0
    for j in range(1, len(idx) + 1):
        if j == len(idx) or idx[j] - idx[j - 1] > gap + 1:
            if j - start >= run:
                last = min(len(is_link), idx[j - 1] + 1 + (idx[j - 1] - idx[j - 2] - 1 if j - start > 1 else 0))
                for i in range(idx[start], last):
                    out[i] = True
            start = j
    return out
