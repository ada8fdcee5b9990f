"""Candidate article texts of an HTML page, their cleaning and their prose score.

Used by ``html_page``: trafilatura's default text is cleaned first (headline-link
lines, teaser blurbs, captions and Indonesian furniture removed); only when it
looks suspicious are the alternatives built (trafilatura precision / recall, the
<article>/articleBody element, the smallest container of the default text) and
compared by how much they read like prose.
"""

from __future__ import annotations

import trafilatura

from pipelines.lib.text.furniture import Stripped, strip_lines
from pipelines.lib.text.html_lines import key, render
from pipelines.lib.text.html_parts import PageParts, is_link_line, link_index, teasers
from pipelines.lib.text.lines import is_sentence, words

EXTRACT = dict(include_comments=False, include_tables=True, output_format="txt")


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


def without_title(lines: list[str], title: str | None) -> list[str]:
    """The lines without a first one that repeats the title (the <h1> in the body)."""
    head = next((i for i, x in enumerate(lines) if x.strip()), None)
    if title and head is not None and key(lines[head]) == key(title):
        return lines[head + 1 :]
    return lines


def clean_candidate(text: str, parts: PageParts, language: str, title: str | None = None) -> Stripped:
    """A candidate text without headline-link and teaser lines (taken out first, so that the
    dateline is looked for in the article's first paragraph), furniture and captions."""
    lines = [x for x in without_title(join_wrapped(text).splitlines(), title) if x.strip()]
    link_set, index = set(parts.links), link_index(parts.links)
    is_link = [is_link_line(line, link_set, index) for line in lines]
    teaser = [a or parts.is_teaser(line) for a, line in zip(teasers(is_link), lines)]
    removed = [("furniture", line.strip()) for line, linked, teased in zip(lines, is_link, teaser) if linked or teased]
    rest = [line for line, linked, teased in zip(lines, is_link, teaser) if not (linked or teased)]
    s = strip_lines("\n".join(rest), language, parts.headlines)
    s.removed[:0] = removed
    cap_keys = {key(c) for c in parts.captions}
    kept = []
    for line in s.lines:
        k = key(line)
        if k in cap_keys or (len(k.split()) >= 6 and any(k in c for c in cap_keys)):
            s.removed.append(("caption", line))
        else:
            kept.append(line)
    s.lines = kept
    return s


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


def container_of(tree, first: str, last: str):
    """The smallest element holding the first and last extracted lines (None under <body>)."""
    owners = [text_owner(tree, first), text_owner(tree, last)]
    if None in owners:
        return None
    ancestors = set(owners[0].iterancestors()) | {owners[0]}
    lca = next((a for a in [owners[1], *owners[1].iterancestors()] if a in ancestors), None)
    return None if lca is None or lca.tag in ("body", "html") else lca


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


def default_text(tree, url: str | None) -> tuple[str, list[tuple[str, float]], object]:
    """trafilatura's default extraction, with a lead paragraph it skipped put back; the rendered
    container it came from, and that container."""
    text = trafilatura.extract(tree, url=url, **EXTRACT) or ""
    lines = [x for x in text.splitlines() if len(words(x)) >= 5]
    container = container_of(tree, lines[0], lines[-1]) if lines else None
    box = render(container) if container is not None else []
    return recover_lead(text, box), box, container


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
