"""Candidate article texts of an HTML page, their cleaning and their prose score.

Used by ``html_page``: trafilatura's default text is cleaned first (headline-link
lines, teaser blurbs, captions and Indonesian furniture removed); only when it
looks suspicious are the alternatives built (trafilatura precision / recall, the
<article>/articleBody element, the smallest container of the default text) and
compared by how much they read like prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import trafilatura

from pipelines.lib.text.clean import Stripped, is_sentence, normalise, strip_lines, words

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
CAPTION_ATTR = re.compile(r"caption|credit|keterangan|photo-?desc", re.I)
ITEM_ATTR = re.compile(r"item|card|related|terkait|lainnya|teaser|list|feed|box-news", re.I)
URL_TEXT = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.I)
ITEM_TAGS = {"li", "article", "div"}


def key(text: str) -> str:
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


@dataclass
class PageParts:
    """What the cleaning needs from the page, gathered in one pass over its links."""

    links: list[str]  # keys of headline link texts (>= 3 words)
    captions: list[str]  # caption texts and image alt texts
    credits: list[str]  # caption texts only (they may carry a date)
    items: list = field(default_factory=list)  # teaser items
    _teaser_keys: set[str] | None = None
    _item_text: str = ""

    def is_teaser(self, line: str) -> bool:
        """The line is a text line of a teaser item (checked exactly only when it may be)."""
        flat_line = flat(line)
        if not self.items or flat_line not in self._item_text:
            return False
        if self._teaser_keys is None:
            self._teaser_keys = {flat(t) for el in self.items for t, _ in render(el) if len(words(t)) >= 4}
            self._teaser_keys |= {flat(el.text_content()) for el in self.items}
        return flat_line in self._teaser_keys


def page_parts(tree) -> PageParts:
    """Headline links, captions and teaser items: <li>/<article>/"item" blocks of <= 80 words
    around exactly one headline link, when the page has at least 3 of them."""
    links: dict[str, None] = {}
    per_item: dict = {}
    for a in tree.iter("a"):
        text = a.text_content()
        k = key(text)
        if len(k.split()) < 3 or URL_TEXT.match(text):
            continue
        links[k] = None
        for el in a.iterancestors(*ITEM_TAGS):
            per_item[el] = (per_item[el][0] + 1, text) if el in per_item else (1, text)
    items = []
    for el, (n, headline) in per_item.items():
        if n > 1 or (el.tag == "div" and not ITEM_ATTR.search(f"{el.get('class', '')} {el.get('id', '')}")):
            continue
        text = el.text_content()
        # a teaser leads with its headline (after a label or date at most); a paragraph or
        # bullet of the article only holds a link further on
        if len(words(text)) <= 80 and len(words(text[: max(0, text.find(headline))])) <= 6:
            items.append(el)
    credits = page_captions(tree, with_alt=False)
    alts = [normalise(img.get("alt", "")) for img in tree.iter("img")]
    captions = list(dict.fromkeys(credits + [c for c in alts if 4 <= len(words(c)) <= 60]))
    parts = PageParts(list(links), captions, credits)
    if len(items) >= 3:
        parts.items, parts._item_text = items, "\x00".join(flat(el.text_content()) for el in items)
    return parts


def page_captions(tree, with_alt: bool = True) -> list[str]:
    found = [el.text_content() for el in tree.iter("figcaption")]
    for el in tree.xpath("//*[@class or @id]"):
        if CAPTION_ATTR.search(f"{el.get('class', '')} {el.get('id', '')}"):
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


def join_wrapped(text: str) -> str:
    """Rejoin a paragraph that the extractor returned on several lines (source line breaks kept
    inside a <p>: such pieces keep their edge spaces and go on in lower case)."""
    out: list[str] = []
    for line in text.splitlines():
        rest = line.lstrip()
        if out and rest[:1].islower() and (out[-1][-1:].isspace() or line[:1].isspace()):
            out[-1] = out[-1].rstrip() + " " + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)


def clean(text: str, parts: PageParts, language: str, title: str | None = None) -> Stripped:
    lines = join_wrapped(text).splitlines()
    head = next((i for i, x in enumerate(lines) if x.strip()), None)
    if title and head is not None and key(lines[head]) == key(title):  # the <h1> repeated in the body
        lines = lines[head + 1 :]
    s = strip_lines("\n".join(lines), language)
    link_set, index, cap_keys = set(parts.links), link_index(parts.links), {key(c) for c in parts.captions}
    is_link = [is_link_line(line, link_set, index) for line in s.lines]
    teaser = [a or parts.is_teaser(line) for a, line in zip(teasers(is_link), s.lines)]
    kept = []
    for line, linked, teased in zip(s.lines, is_link, teaser):
        k = key(line)
        if linked or teased:
            s.removed.append(("furniture", line))
        elif k in cap_keys or (len(k.split()) >= 6 and any(k in c for c in cap_keys)):
            s.removed.append(("caption", line))
        else:
            kept.append(line)
    s.lines = kept
    return s


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


def prose_score(s: Stripped) -> tuple[float, int]:
    """(score, prose words): words in sentence-shaped lines minus other words."""
    prose = sum(len(words(x)) for x in s.lines if is_sentence(x))
    other = sum(len(words(x)) for x in s.lines if not is_sentence(x))
    other += sum(len(words(x)) for kind, x in s.removed if kind == "duplicate")  # messy: text repeated
    return prose - 1.5 * other, prose


def text_owner(tree, probe: str):
    """The element whose own text (or whose child's tail) holds >= 5 words of `probe`."""
    probe_key, head = key(probe), words(probe)[:15]
    anchors = sorted((w for w in head if len(w) >= 4 and "'" not in w), key=len, reverse=True)[:3]
    for anchor in sorted(anchors, key=head.index):  # document order: the earliest holder wins
        for found in tree.xpath(f"//text()[contains(., '{anchor}')]"):
            owner = found.getparent()
            if found.is_tail:
                owner = owner.getparent()
            k = key(str(found))
            if owner is not None and len(k.split()) >= 5 and k in probe_key:
                return owner
    return None


def container_lines(tree, first: str, last: str) -> list[tuple[str, float]]:
    """Rendered lines of the smallest element holding the first and last extracted lines."""
    owners = [text_owner(tree, first), text_owner(tree, last)]
    if None in owners:
        return []
    ancestors = set(owners[0].iterancestors()) | {owners[0]}
    lca = next((a for a in [owners[1], *owners[1].iterancestors()] if a in ancestors), None)
    if lca is None or lca.tag in ("body", "html"):
        return []
    return render(lca)


def recover_lead(default: str, box: list[tuple[str, float]]) -> str:
    """Prepend prose paragraphs that sit in the same container before the first extracted one."""
    lines = [x for x in default.splitlines() if x.strip()]
    if not lines or not box:
        return default
    first = key(next((x for x in lines if len(words(x)) >= 5), lines[0]))[:80]
    idx = next((i for i, (t, _) in enumerate(box) if first and first in key(t)), None)
    lead: list[str] = []
    for text, linked in reversed(box[:idx] if idx else []):
        if not (is_sentence(text, 8) and linked < 0.5) or len(lead) == 2:
            break
        lead.insert(0, text)
    return "\n".join(lead + lines)


EXTRACT = dict(include_comments=False, include_tables=True, output_format="txt")


def default_text(tree, url: str | None) -> tuple[str, list[tuple[str, float]]]:
    """trafilatura's default extraction, with a lead paragraph it skipped put back; and the
    rendered container it came from."""
    text = trafilatura.extract(tree, url=url, **EXTRACT) or ""
    lines = [x for x in text.splitlines() if len(words(x)) >= 5]
    box = container_lines(tree, lines[0], lines[-1]) if lines else []
    return recover_lead(text, box), box


def article_elements(tree) -> list:
    return tree.xpath('//*[@itemprop="articleBody"] | //article')[:2]


def alternatives(tree, url: str | None, box: list[tuple[str, float]], passes: bool = True) -> dict[str, str]:
    """The other candidate texts, for a page whose default text looks suspicious: the <article>
    element and the default's container, and with `passes` trafilatura's precision and recall."""
    out = {}
    if passes:
        out["precision"] = trafilatura.extract(tree, url=url, favor_precision=True, **EXTRACT) or ""
        out["recall"] = trafilatura.extract(tree, url=url, favor_recall=True, **EXTRACT) or ""
    for el in article_elements(tree):
        out.setdefault("article", "\n".join(t for t, linked in render(el) if linked < 0.5))
    if box:
        out["container"] = "\n".join(t for t, linked in box if linked < 0.5)
    return out
