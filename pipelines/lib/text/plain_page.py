"""Plain text (an already-extracted page, furniture left in) -> Page.

Layout assumed: some furniture lines (app banner, menu words, captions), then
the title, then optional date/caption lines, then the article paragraphs. The
site comes from general shapes only: an outlet dateline ("EXAMPLE.CO.ID -",
"EXAMPLE.CO, Jakarta -"), a "<domain> Dapatkan aplikasi" banner, an outlet name
(title suffix " - Outlet", dateline "(OUTLET)", a banner or byline "Nama - Outlet")
that the text also spells as a domain or that the outlets lexicon knows, or
last an outlet named in a follow / subscribe banner ("Ikuti ... Outlet di Google News").
"""

from __future__ import annotations

import re

from pipelines.lib.text.characters import strip_invisible
from pipelines.lib.text.clean import (
    DOMAIN,
    NoArticleText,
    Page,
    byline_outlet,
    guess_language,
    header_of,
    is_date_line,
    is_outlet_banner,
    line_kind,
    mentioned_site,
    normalise,
    outlet_domain,
    require_text,
    rules,
    strip_lines,
    words,
)

TITLE_SUFFIX = re.compile(r"^(?P<title>.{10,}?)\s+[-|–—]\s+(?P<outlet>[^-|–—]{2,40})$")
TITLE_PREFIX = re.compile(r"^(?P<outlet>[^-|–—:]{2,40}?)\s*[-|–—:]\s+(?P<title>.{10,})$")  # "Contoh.com - Title"


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _domain_named(name: str | None, text: str) -> str | None:
    """A domain in the text whose name part is `name` ("Contohwarta" -> "contohwarta.com")."""
    if not name:
        return None
    key = _key(re.sub(r"\.\w+$", "", name) if DOMAIN.fullmatch(name) else name)
    for m in DOMAIN.finditer(text):
        if _key(m.group(1).split(".")[0]) == key or _key(m.group(1)) == _key(name):
            return m.group(1).lower()
    return None


NAME_LINE = re.compile(r"(?:[A-Z][\w'’.-]*)(?: [A-Z][\w'’.-]*){0,3}")


def _is_paragraph(line: str) -> bool:
    return len(words(line)) >= 15 and line.rstrip().endswith((".", '"', "”"))


def split_header(text: str, language: str = "id") -> tuple[str | None, list[str], list[str], str | None]:
    """(title, header lines, body lines, banner domain) of a plain-text page.

    Before the title, and between the title and the first paragraph, furniture
    (also an outlet or channel banner such as "detikNews"), captions, date lines,
    lone lowercase words (image alt text) and lines repeated just below go to the
    header; after the title also a reporter line ("Nama - detikNews", or a bare
    name just above a date line). Menu lines and breadcrumbs are furniture
    (clean.line_kind). The first other line of three words or more is the title,
    unless it already reads as a paragraph; a shorter label before it goes to the
    header and is the title only when no longer line comes before the text.
    """
    r = rules(language)
    lines = [x for x in (normalise(x) for x in text.splitlines()) if x]
    header: list[str] = []
    banner = title = fallback = None
    i = 0
    for i, line in enumerate(lines):
        kind = line_kind(line, r)
        if not kind and is_outlet_banner(line, language, domains=True):
            kind = "furniture"
        if title is not None and not kind:
            if (outlet := byline_outlet(line, language)) is not None:
                kind, banner = "furniture", banner or outlet or None
            elif NAME_LINE.fullmatch(line) and i + 1 < len(lines) and is_date_line(lines[i + 1], r):
                kind = "byline"
        if kind or not words(line) or (len(line.split()) <= 2 and line.islower()) or line in lines[i + 1 : i + 3]:
            if kind == "furniture" and (m := DOMAIN.match(line)):
                banner = banner or m.group(1).lower()
            elif kind == "furniture" and len(line.split()) <= 3:
                banner = banner or outlet_domain(line, language)
            header.append(line)
        elif title is None and len(words(line)) < 3:
            fallback = fallback or line  # a short label ("Akses Situs"): the title only if no headline follows
            header.append(line)
        elif title is None and not _is_paragraph(line):
            title = line
        else:
            break
    else:
        i = len(lines)
    if title is None and fallback is not None:
        title = fallback
        header.remove(fallback)
    return title, header, lines[i:], banner


def page_from_text(text: str) -> Page:
    text = strip_invisible(text)
    language = guess_language(text) or "id"
    title, header, body_lines, banner = split_header(text, language)
    s = strip_lines("\n".join(body_lines), language)
    site = None
    outlet = s.outlet
    if (
        title
        and (m := TITLE_SUFFIX.match(title))
        and (
            _domain_named(suffix := m.group("outlet"), text)
            or (outlet and _key(suffix) == _key(outlet))
            or DOMAIN.fullmatch(suffix)
            or outlet_domain(suffix, language)
        )
    ):
        title, outlet = m.group("title"), outlet or suffix
    elif (
        title
        and (m := TITLE_PREFIX.match(title))
        and (DOMAIN.fullmatch(prefix := m.group("outlet")) or outlet_domain(prefix, language))
    ):
        title, outlet = m.group("title"), outlet or prefix
    if outlet and DOMAIN.fullmatch(outlet):
        site = outlet.lower()
    site = (
        site
        or banner
        or _domain_named(outlet, text)
        or outlet_domain(outlet, language)
        or mentioned_site(header + [f for k, f in s.removed if k == "furniture"], language)
    )
    if site and s.lines and s.place is None:  # "Berita Baru, MoskowRusia ..." : outlet name + place lead
        s = _strip_outlet_lead(s, site)
    body = require_text("\n\n".join(s.lines), "plain text has only a title and furniture")
    return Page(
        title=title,
        body=body,
        site=site,
        author=None,
        language=guess_language(body) or language,
        url=None,
        dateline_place=s.place,
        metadata_date=None,
        header_text=header_of(
            s,
            title,
            *[
                h
                for h in header
                if line_kind(h, rules(language)) != "furniture" or rules(language).relative_age.search(h)
            ],
        ),
        removed=tuple([h for h in header if h != title] + [f for _, f in s.removed]),
    )


def _strip_outlet_lead(s, site: str):
    """Drop a lead "<Outlet Name>, <Place>" whose words spell the site's name."""
    first = s.lines[0]
    name = _key(site.split(".")[0])
    m = re.match(r"((?:[A-Z]\w*\s?){1,4}),\s*([A-Z][a-z]+)(?=[A-Z][a-z]|\s*[-–—]\s)", first)
    if m and _key(m.group(1)) == name:
        s.place = m.group(2)
        s.removed.append(("dateline", first[: m.end()]))
        s.lines[0] = re.sub(r"^\s*[-–—]?\s*", "", first[m.end() :])
    return s


__all__ = ["page_from_text", "split_header", "NoArticleText"]
