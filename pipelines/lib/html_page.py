"""HTML page -> Page: trafilatura candidates, a prose check to pick one, furniture stripping.

trafilatura's default extraction is right on most pages, but on some outlets it
returns the related-articles list instead of a short body, keeps gallery
captions, drops a lead paragraph written outside <p>, or keeps a listing. So
several candidate texts are built (trafilatura default / precision / recall, the <article>/articleBody element, the container of the
default text) and cleaned the same way; lines that are the text of a link
(headlines) or of a caption are removed; then the candidate that reads most like
prose wins, with a bias toward the default. No prose anywhere -> NoArticleText.
"""

from __future__ import annotations

import re
from copy import deepcopy
from urllib.parse import urlsplit

import trafilatura
from htmldate import find_date
from trafilatura.metadata import extract_metadata
from trafilatura.utils import load_html

from pipelines.lib.clean import (
    DOMAIN, NoArticleText, Page, Stripped, guess_language, header_of, is_sentence, normalise,
    strip_lines, words,
)

BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
         "article", "blockquote", "figure", "figcaption", "header", "main", "dd", "dt", "dl", "pre", "hr"}
SKIP = {"script", "style", "noscript", "iframe", "form", "nav", "footer", "aside", "button", "select",
        "svg", "template", "head", "input", "textarea"}
CAPTION_ATTR = re.compile(r"caption|credit|keterangan|wp-caption-text|photo-?desc", re.I)
MIN_PROSE_WORDS = 20


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


def page_links(tree) -> list[str]:
    """Keys of link texts that look like headlines (>= 3 words)."""
    return list(dict.fromkeys(k for a in tree.iter("a") if len((k := key(a.text_content())).split()) >= 3))


ITEM_ATTR = re.compile(r"item|card|related|terkait|lainnya|teaser|list|feed|box-news", re.I)


def page_teasers(tree) -> set[str]:
    """Keys of the text lines in headline items (<li>/<article>/"item" blocks of <= 80 words
    around a headline link), when the page has at least 3 such items: teasers of other stories."""
    items = []
    for el in tree.iter("li", "article", "div"):
        if el.tag == "div" and not ITEM_ATTR.search(f"{el.get('class', '')} {el.get('id', '')}"):
            continue
        anchors = [a for a in el.iter("a") if len(words(a.text_content())) >= 3]
        if len(anchors) == 1 and len(words(el.text_content())) <= 80:
            items.append(el)
    if len(items) < 3:
        return set()
    lines = {flat(text) for el in items for text, _ in render(el) if len(words(text)) >= 4}
    return lines | {flat(el.text_content()) for el in items}


def page_captions(tree, with_alt: bool = True) -> list[str]:
    found = [el.text_content() for el in tree.iter("figcaption")]
    for el in tree.iter():
        if isinstance(el.tag, str) and CAPTION_ATTR.search(f"{el.get('class', '')} {el.get('id', '')}"):
            found.append(el.text_content())
    if with_alt:
        found += [img.get("alt", "") for img in tree.iter("img")]
    return [normalise(c) for c in dict.fromkeys(found) if 4 <= len(words(c)) <= 60]


def is_link_line(line: str, links: set[str], link_list: list[str]) -> bool:
    k = key(line)
    if k in links:
        return True
    n = len(k)
    return any(n and k.startswith(a) and len(a) >= 0.7 * n for a in link_list)


def clean(text: str, links: list[str], captions: list[str], language: str, title: str | None = None,
          teaser_keys: set[str] = frozenset()) -> Stripped:
    lines = text.splitlines()
    head = next((i for i, x in enumerate(lines) if x.strip()), None)
    if title and head is not None and key(lines[head]) == key(title):  # the <h1> repeated in the body
        lines = lines[head + 1:]
    s = strip_lines("\n".join(lines), language)
    link_set, cap_keys = set(links), {key(c) for c in captions}
    is_link = [is_link_line(line, link_set, links) for line in s.lines]
    teaser = [a or flat(line) in teaser_keys for a, line in zip(teasers(is_link), s.lines)]
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


def container_lines(tree, first: str, last: str) -> list[tuple[str, float]]:
    """Rendered lines of the smallest element holding the first and last extracted lines."""
    owners = []
    for probe in (first, last):
        probe_key = key(probe)
        for el in tree.iter():
            if not isinstance(el.tag, str):
                continue
            for text, owner in ((el.text, el), (el.tail, el.getparent())):
                k = key(text or "")
                if owner is not None and len(k.split()) >= 5 and k in probe_key:
                    owners.append(owner)
                    break
            else:
                continue
            break
    if len(owners) < 2:
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


def candidates(tree, url: str | None) -> dict[str, str]:
    opts = dict(url=url, include_comments=False, include_tables=False, output_format="txt")
    out = {"default": trafilatura.extract(tree, **opts) or ""}
    out["precision"] = trafilatura.extract(tree, favor_precision=True, **opts) or ""
    out["recall"] = trafilatura.extract(tree, favor_recall=True, **opts) or ""
    for el in tree.xpath('//*[@itemprop="articleBody"] | //article')[:2]:
        out.setdefault("article", "\n".join(t for t, linked in render(el) if linked < 0.5))
    lines = [x for x in out["default"].splitlines() if len(words(x)) >= 5]
    if lines:
        box = container_lines(tree, lines[0], lines[-1])
        out["default"] = recover_lead(out["default"], box)
        out["container"] = "\n".join(t for t, linked in box if linked < 0.5)
    return out


def registrable(host: str | None) -> str | None:
    if not host:
        return None
    parts = host.lower().removeprefix("www.").split(".")
    n = 3 if len(parts) >= 3 and parts[-2] in {"co", "or", "ac", "go", "web", "my", "sch", "com", "net"} else 2
    return ".".join(parts[-n:])


def tidy_title(title: str | None, site: str | None) -> str | None:
    """Drop an outlet name glued to the title ("Outlet.com: Title", "Title - Outlet")."""
    if not title or not site:
        return title
    name = re.sub(r"[^a-z0-9]", "", site.split(".")[0])
    for pattern in (r"^(?P<o>[^:|]{2,40})\s*[:|]\s+(?P<t>.+)$", r"^(?P<t>.+?)\s+[-|–—]\s+(?P<o>[^-|–—]{2,40})$"):
        m = re.match(pattern, title)
        if m and re.sub(r"[^a-z0-9]", "", m.group("o").lower()).startswith(name):
            return m.group("t").strip()
    return title


def page_language(tree, meta_lang: str | None, body: str) -> str | None:
    stated = tree.xpath("string(/html/@lang)") or tree.xpath(
        "string(//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')='content-language']/@content)")
    lang = (stated or meta_lang or "").strip().lower()[:2]
    guess = guess_language(body) if body else None
    if guess and guess != lang:  # the text outweighs a template's lang="en"
        return guess
    return lang if lang.isalpha() and len(lang) == 2 else guess


def page_from_html(html: str | bytes, url: str | None = None) -> Page:
    tree = load_html(html)
    if tree is None:
        raise NoArticleText("no article text: not an HTML page")
    meta = extract_metadata(deepcopy(tree), default_url=url, extensive=False)
    url = url or meta.url
    language = page_language(tree, meta.language, "") or "id"
    links, captions = page_links(tree), page_captions(tree)
    teaser_keys = page_teasers(tree)
    cleaned = {name: clean(text, links, captions, language, meta.title, teaser_keys) for name, text in candidates(tree, url).items()}
    scores = {name: prose_score(s) for name, s in cleaned.items()}
    order = ["recall", "precision", "default", "container", "article"]  # ties: DOM-order renders win
    best = max(scores, key=lambda name: (scores[name][0], order.index(name)))
    default_prose = scores["default"][1]
    needed = max(2 * default_prose, default_prose + 30) if default_prose >= 50 else default_prose + 15
    if scores[best][1] < needed:
        best = "default"  # trafilatura's own choice, unless it clearly missed the article
    s, prose = cleaned[best], scores[best][1]
    if prose < MIN_PROSE_WORDS:
        description = normalise(tree.xpath("string(//meta[@property='og:description']/@content)"))
        og_type = tree.xpath("string(//meta[@property='og:type']/@content)").lower()
        if og_type == "article" and is_sentence(description, 12):
            s = strip_lines(description, language)
        elif len(links) >= 10 and len({w.lower() for x in s.lines for w in words(x)}) < 40:
            raise NoArticleText(f"no article text: page is a listing of {len(links)} links")
        elif not s.lines:
            raise NoArticleText("no article text: only furniture on the page")
    body = "\n\n".join(s.lines)
    if not words(body):
        raise NoArticleText("no article text: only furniture on the page")
    try:
        date = find_date(deepcopy(tree), url=url, extensive_search=False, original_date=True)
    except Exception:  # htmldate is best effort
        date = None
    outlet = s.outlet.lower() if s.outlet and DOMAIN.fullmatch(s.outlet) else None
    site = registrable(urlsplit(url).hostname if url else None) or outlet or (
        meta.sitename.lower() if meta.sitename else None)
    times = [normalise(t.text_content()) for t in tree.iter("time")]
    return Page(
        title=tidy_title(meta.title, site), body=body, site=site, author=meta.author, url=url,
        language=page_language(tree, meta.language, body), dateline_place=s.place, metadata_date=date,
        header_text=header_of(s, meta.title, *times, *page_captions(tree, with_alt=False)[:10]),
        removed=tuple(f for _, f in s.removed),
    )
