"""HTML page -> Page: trafilatura's text, a cheap suspicion check, candidates only when needed.

trafilatura's default extraction is right on most pages, but on some outlets it
returns the related-articles list instead of a short body, keeps gallery
captions, drops a lead paragraph written outside <p>, or keeps a listing. Its
text is cleaned (headline-link lines, teasers, captions, Indonesian furniture
removed) and checked cheaply; only when it looks suspicious (little prose, much
removed as links/teasers/captions, or a much bigger <article> element elsewhere) are
the other candidates built (``html_candidates``) and the one that reads most like
prose wins, with a bias toward the default. Paragraphs the chosen text lacks but the
region around it and readability agree on are put back (``html_agreement``), and a text
running over several <article> elements keeps the first (``html_one_article``). The page
is parsed once; trafilatura and htmldate work on their own copies of the tree. A page
without sentence-shaped lines (a script without spaces, a table) keeps its text when it is
substantial, a gallery of captions gets its captions; a listing of headline links raises
NoArticleText. The page's kind comes from ``page_kinds``.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from htmldate import find_date
from trafilatura import metadata as tmeta

from pipelines.lib.text.characters import strip_invisible
from pipelines.lib.text.datelines import find_dateline
from pipelines.lib.text.decoding import decode_html
from pipelines.lib.text.domains import DOMAIN, registrable
from pipelines.lib.text.furniture import Stripped, caption_body, header_of, strip_lines
from pipelines.lib.text.furniture_rules import rules
from pipelines.lib.text.html_agreement import agreed
from pipelines.lib.text.html_candidates import (
    alternatives,
    article_elements,
    clean_candidate,
    default_text,
    prose_score,
)
from pipelines.lib.text.html_one_article import first_article
from pipelines.lib.text.html_parts import PageParts, page_parts
from pipelines.lib.text.html_tree import parse_html
from pipelines.lib.text.language import guess_language
from pipelines.lib.text.lines import is_sentence, normalise, words
from pipelines.lib.text.outlets import outlet_domain
from pipelines.lib.text.page import NoArticleText, Page
from pipelines.lib.text.page_kinds import MIN_CAPTIONS, MIN_PROSE_WORDS, og_type, page_kind

SUBSTANTIAL_CHARS = 200  # a text without sentence-shaped lines is kept from this size on
ORDER = ["recall", "precision", "default", "container", "article"]  # ties: DOM-order renders win


def page_metadata(tree, url: str | None):
    """trafilatura's metadata without the parts not used here (categories, tags, license, date)."""
    meta = tmeta.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    try:
        meta = tmeta.extract_meta_json(tree, meta)
    except Exception:  # bugs in trafilatura's JSON-LD parsing
        pass
    meta.title = meta.title or tmeta.extract_title(tree)
    meta.author = meta.author or tmeta.extract_author(tree)
    meta.url = meta.url or tmeta.extract_url(tree, url)
    meta.sitename = (meta.sitename or tmeta.extract_sitename(tree) or "").lstrip("@") or None
    meta.clean_and_trim()
    return meta


def suspicion(tree, raw: str, s: Stripped, score: tuple[float, int]) -> int:
    """Cheap signs that trafilatura's default text may not be the article: 0 none, 1 a bigger
    <article>/articleBody element (compare the DOM candidates), 2 little prose or much removed
    as headline links, teasers or captions (also run trafilatura's precision and recall passes)."""
    n = len(words(raw))
    dropped = sum(len(words(x)) for kind, x in s.removed if kind in ("furniture", "caption", "credit"))
    if score[1] < 80 or dropped >= 0.25 * n:
        return 2
    return int(any(len(el.text_content().split()) >= 1.5 * n + 50 for el in article_elements(tree)))


def best_text(tree, url: str | None, parts: PageParts, language: str, title: str | None):
    """(cleaned text, prose words, trafilatura's default cleaned): the chosen candidate with the
    paragraphs put back that other views agree on, cut to one article."""
    raw, box, container = default_text(tree, url)
    default = clean_candidate(raw, parts, language, title)
    level = suspicion(tree, raw, default, prose_score(default))
    chosen = chosen_candidate(tree, url, box, default, level > 1, parts, language, title) if level else default
    r = rules(language)
    s = agreed(
        tree,
        chosen,
        container,
        box,
        lambda text: clean_candidate(text, parts, language, title),
        parts.captions,
        lambda line: find_dateline(line, r) is not None,
    )
    s = first_article(tree, s)
    return s, prose_score(s)[1], default


def chosen_candidate(tree, url, box, default: Stripped, passes: bool, parts: PageParts, language: str, title):
    """The candidate that reads most like prose, when it clearly has more prose than the default;
    with ``passes`` (strong suspicion) trafilatura's precision and recall passes compete too."""
    cleaned = {"default": default} | {
        name: clean_candidate(text, parts, language, title)
        for name, text in alternatives(tree, url, box, passes).items()
    }
    scores = {name: prose_score(s) for name, s in cleaned.items()}
    best = max(scores, key=lambda name: (scores[name][0], ORDER.index(name)))
    default_prose = scores["default"][1]
    needed = max(2 * default_prose, default_prose + 30) if default_prose >= 50 else default_prose + 15
    if scores[best][1] < needed:
        best = "default"  # trafilatura's own choice, unless it clearly missed the article
    return cleaned[best]


def is_listing(s: Stripped, links: list[str]) -> bool:
    """Many headline links and, besides them, only a few distinct short words (a script without
    spaces has few but long "words")."""
    vocabulary = {w.lower() for x in s.lines for w in words(x)}
    return len(links) >= 10 and len(vocabulary) < 40 and all(len(w) < 20 for w in vocabulary)


def without_prose(tree, s: Stripped, default: Stripped, parts: PageParts, language: str) -> tuple[Stripped, bool]:
    """No sentence-shaped lines: the page's captions when it is a gallery of them, the
    og:description of an article, trafilatura's text when it is substantial (a script without
    spaces, a table), or no article at all (a listing, only furniture; an article that describes
    itself is no listing, however many links it has). True when the captions make the body."""
    captions = caption_body(parts.credits, language)
    captions.lines = [c for c in captions.lines if is_sentence(c, 6)]
    if len(captions.lines) >= MIN_CAPTIONS and len(words(" ".join(captions.lines))) > len(words(" ".join(s.lines))):
        return captions, True
    size = len(re.sub(r"\s", "", "".join(default.lines)))
    description = normalise(tree.xpath("string(//meta[@property='og:description']/@content)"))
    described = og_type(tree) == "article" and is_sentence(description, 12) and len(description) > size
    if is_listing(default, parts.links) and not described:
        raise NoArticleText(f"no article text: page is a listing of {len(parts.links)} links")
    if len(re.sub(r"\s", "", "".join(s.lines))) >= SUBSTANTIAL_CHARS:
        return s, False  # the chosen text, cut to one article
    if size >= SUBSTANTIAL_CHARS:
        return default, False
    if described:
        return strip_lines(description, language), False
    if not s.lines:
        raise NoArticleText("no article text: only furniture on the page")
    return s, False


def tidy_title(title: str | None, site: str | None, headlines: list[str] | None = None) -> str | None:
    """Drop an outlet name glued to the title ("Outlet.com: Title", "Title - Outlet").

    A page headline (``<h1>`` of four words or more) found inside the title is the title without
    whatever a site glued around it ("Kanal - Judul", "Judul | Outlet").
    """
    for headline in headlines or []:
        if title and len(headline.split()) >= 4 and headline in title:
            return headline
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
        "string(//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')='content-language']/@content)"
    )
    lang = (stated or meta_lang or "").strip().lower()[:2]
    guess = guess_language(body) if body else None
    if guess and guess != lang:  # the text outweighs a template's lang="en"
        return guess
    return lang if lang.isalpha() and len(lang) == 2 else guess


def page_site(url: str | None, s: Stripped, sitename: str | None, language: str) -> str | None:
    """The site: the URL's registrable domain, else the dateline's outlet as a domain or a known
    name, else the site name of the page's metadata."""
    outlet = s.outlet.lower() if s.outlet and DOMAIN.fullmatch(s.outlet) else None
    return (
        registrable(urlsplit(url).hostname if url else None)
        or outlet
        or outlet_domain(sitename, language)
        or outlet_domain(s.outlet, language)
        or (sitename.lower() if sitename else None)
    )


def publication_date(tree, url: str | None) -> str | None:
    """htmldate's original publication date of the page (it works on a copy of the tree)."""
    try:
        return find_date(tree, url=url, extensive_search=False, original_date=True)
    except Exception:  # htmldate is best effort
        return None


def page_from_html(html: str | bytes, url: str | None = None) -> Page:
    """The article of an HTML page (bytes are decoded by ``decoding.decode_html``); zero-width,
    bidi and control characters are gone before parsing, so from the title on."""
    if isinstance(html, bytes):
        html = decode_html(html).text
    tree = parse_html(strip_invisible(html))
    if tree is None:
        raise NoArticleText("no article text: not an HTML page")
    meta = page_metadata(tree, url)
    url = url or meta.url
    language = page_language(tree, meta.language, "") or "id"
    parts = page_parts(tree, language)
    s, prose, default = best_text(tree, url, parts, language, meta.title)
    from_captions = False
    if prose < MIN_PROSE_WORDS:
        s, from_captions = without_prose(tree, s, default, parts, language)
    body = "\n\n".join(s.lines)
    if not words(body):
        raise NoArticleText("no article text: only furniture on the page")
    date = publication_date(tree, url)
    site = page_site(url, s, meta.sitename, language)
    times = [normalise(t.text_content()) for t in tree.iter("time")]
    return Page(
        title=tidy_title(meta.title, site, [" ".join(h.text_content().split()) for h in tree.iter("h1")]),
        body=body,
        site=site,
        author=meta.author,
        url=url,
        language=page_language(tree, meta.language, body),
        dateline_place=s.place,
        metadata_date=date,
        header_text=header_of(s, meta.title, *times, *parts.credits[:10]),
        removed=tuple(f for _, f in s.removed),
        page_kind=page_kind(tree, s, prose, default, parts, from_captions),
    )
