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
from pipelines.lib.text.domains import DOMAIN
from pipelines.lib.text.furniture import Stripped, header_of, strip_lines
from pipelines.lib.text.furniture_rules import FurnitureRules, rules
from pipelines.lib.text.language import guess_language
from pipelines.lib.text.line_kinds import is_date_line, line_kind
from pipelines.lib.text.lines import normalise, words
from pipelines.lib.text.outlets import byline_outlet, is_outlet_banner, mentioned_site, name_key, outlet_domain
from pipelines.lib.text.page import NoArticleText, Page, require_text

TITLE_SUFFIX = re.compile(r"^(?P<title>.{10,}?)\s+[-|–—]\s+(?P<outlet>[^-|–—]{2,40})$")
TITLE_PREFIX = re.compile(r"^(?P<outlet>[^-|–—:]{2,40}?)\s*[-|–—:]\s+(?P<title>.{10,})$")  # "Contoh.com - Title"
NAME_LINE = re.compile(r"(?:[A-Z][\w'’.-]*)(?: [A-Z][\w'’.-]*){0,3}")
OUTLET_LEAD = re.compile(r"((?:[A-Z]\w*\s?){1,4}),\s*([A-Z][a-z]+)(?=[A-Z][a-z]|\s*[-–—]\s)")


def _domain_named(name: str | None, text: str) -> str | None:
    """A domain in the text whose name part is `name` ("Contohwarta" -> "contohwarta.com")."""
    if not name:
        return None
    key = name_key(re.sub(r"\.\w+$", "", name) if DOMAIN.fullmatch(name) else name)
    for m in DOMAIN.finditer(text):
        if name_key(m.group(1).split(".")[0]) == key or name_key(m.group(1)) == name_key(name):
            return m.group(1).lower()
    return None


def _is_paragraph(line: str) -> bool:
    return len(words(line)) >= 15 and line.rstrip().endswith((".", '"', "”"))


def header_kind(lines: list[str], i: int, after_title: bool, r: FurnitureRules, language: str):
    """(kind, outlet domain it names) of line ``i`` of a page's header: a line kind, an outlet or
    channel banner, and after the title a reporter line ("Nama - detikNews", or a bare name just
    above a date line)."""
    line = lines[i]
    kind = line_kind(line, r)
    if not kind and is_outlet_banner(line, language, domains=True):
        kind = "furniture"
    if after_title and not kind:
        if (outlet := byline_outlet(line, language)) is not None:
            return "furniture", outlet or None
        if NAME_LINE.fullmatch(line) and i + 1 < len(lines) and is_date_line(lines[i + 1], r):
            return "byline", None
    return kind, None


def banner_domain(line: str, language: str) -> str | None:
    """The site a furniture line of the header names: a domain it starts with, or a short outlet name."""
    if m := DOMAIN.match(line):
        return m.group(1).lower()
    return outlet_domain(line, language) if len(line.split()) <= 3 else None


def split_header(text: str, language: str = "id") -> tuple[str | None, list[str], list[str], str | None]:
    """(title, header lines, body lines, banner domain) of a plain-text page.

    Before the title, and between the title and the first paragraph, furniture
    (also an outlet or channel banner such as "detikNews"), captions, date lines,
    lone lowercase words (image alt text) and lines repeated just below go to the
    header; after the title also a reporter line (``header_kind``). Menu lines and
    breadcrumbs are furniture (``line_kinds.line_kind``). The first other line of
    three words or more is the title, unless it already reads as a paragraph; a
    shorter label before it goes to the header and is the title only when no longer
    line comes before the text.
    """
    r = rules(language)
    lines = [x for x in (normalise(x) for x in text.splitlines()) if x]
    header: list[str] = []
    banner = title = fallback = None
    i = 0
    for i, line in enumerate(lines):
        kind, named = header_kind(lines, i, title is not None, r, language)
        banner = banner or named
        if kind or not words(line) or (len(line.split()) <= 2 and line.islower()) or line in lines[i + 1 : i + 3]:
            if kind == "furniture":
                banner = banner or banner_domain(line, language)
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


def title_without_outlet(title: str | None, outlet: str | None, text: str, language: str):
    """(title, outlet): the title without an outlet name glued to it (" - Outlet" that the text
    spells as a domain, the dateline's outlet or a known name; "Contoh.com - "); the outlet is the
    dateline's, else the one cut from the title."""
    if not title:
        return title, outlet
    if (m := TITLE_SUFFIX.match(title)) and (
        _domain_named(suffix := m.group("outlet"), text)
        or (outlet and name_key(suffix) == name_key(outlet))
        or DOMAIN.fullmatch(suffix)
        or outlet_domain(suffix, language)
    ):
        return m.group("title"), outlet or suffix
    if (m := TITLE_PREFIX.match(title)) and (
        DOMAIN.fullmatch(prefix := m.group("outlet")) or outlet_domain(prefix, language)
    ):
        return m.group("title"), outlet or prefix
    return title, outlet


def text_site(outlet: str | None, banner: str | None, text: str, furniture: list[str], language: str) -> str | None:
    """The site: the outlet as a domain, the header's banner, a domain in the text spelling the
    outlet, the outlet's known domain, or last an outlet a follow / subscribe line names."""
    if outlet and DOMAIN.fullmatch(outlet):
        return outlet.lower()
    return (
        banner or _domain_named(outlet, text) or outlet_domain(outlet, language) or mentioned_site(furniture, language)
    )


def dated_header_lines(header: list[str], language: str) -> list[str]:
    """Header lines that may carry a date: all but furniture, and furniture with a relative age."""
    r = rules(language)
    return [h for h in header if line_kind(h, r) != "furniture" or r.relative_age.search(h)]


def page_from_text(text: str) -> Page:
    text = strip_invisible(text)
    language = guess_language(text) or "id"
    title, header, body_lines, banner = split_header(text, language)
    s = strip_lines("\n".join(body_lines), language)
    title, outlet = title_without_outlet(title, s.outlet, text, language)
    site = text_site(outlet, banner, text, header + [f for k, f in s.removed if k == "furniture"], language)
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
        header_text=header_of(s, title, *dated_header_lines(header, language)),
        removed=tuple([h for h in header if h != title] + [f for _, f in s.removed]),
    )


def _strip_outlet_lead(s: Stripped, site: str) -> Stripped:
    """Drop a lead "<Outlet Name>, <Place>" whose words spell the site's name."""
    first = s.lines[0]
    name = name_key(site.split(".")[0])
    m = OUTLET_LEAD.match(first)
    if m and name_key(m.group(1)) == name:
        s.place = m.group(2)
        s.removed.append(("dateline", first[: m.end()]))
        s.lines[0] = re.sub(r"^\s*[-–—]?\s*", "", first[m.end() :])
    return s


__all__ = ["page_from_text", "split_header", "NoArticleText"]
