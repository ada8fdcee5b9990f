"""Outlet names and the sites they stand for.

The lexicon ``outlets.toml`` maps well-known outlet names to their domains, so a name shown
without a domain (dateline "(ANTARA)", banner "detikNews", follow banner "... Outlet di
Google News") gives the site. Names are compared by ``name_key``: lowercase letters and digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipelines.lib import lexicons
from pipelines.lib.text.domains import DOMAIN
from pipelines.lib.text.lines import DASH

CAMEL = re.compile(r"(?P<prefix>[a-z][a-z0-9]{2,})(?:[A-Z][a-z]{2,}|[A-Z]{3,})[A-Za-z0-9]*")  # detikNews, kumparanNEWS
_NAME = r"[A-Z][\w'’.-]*"
BYLINE_OUTLET = re.compile(rf"(?P<name>{_NAME}(?: {_NAME}){{0,4}}){DASH}(?P<outlet>\S+)$")
BANNER_TOKEN = re.compile(r"[A-Za-z0-9][\w.-]*[A-Za-z0-9]|[A-Za-z0-9]")


def name_key(name: str) -> str:
    """An outlet name compared without case, spaces and punctuation: "Tempo.co" -> "tempoco"."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


@dataclass
class Outlets:
    names: dict[str, str]  # name key -> domain
    mention: list[re.Pattern]
    not_site: set[str]


@cache
def outlets(language: str = "id") -> Outlets:
    """Outlet names -> domains (lexicon ``outlets.toml``)."""
    lex = lexicons.load("outlets", language)
    names: dict[str, str] = {}
    for domain, aliases in lex.get("outlets", {}).items():
        for name in (domain.split(".")[0], domain, *aliases):
            names.setdefault(name_key(name), domain.lower())
    mention = lex.get("mention", {})
    return Outlets(
        names, [re.compile(p, re.I) for p in mention.get("lines", [])], {d.lower() for d in mention.get("not_site", [])}
    )


def outlet_domain(name: str | None, language: str = "id") -> str | None:
    """The domain of an outlet name: a domain as such, a lexicon name ("ANTARA" -> antaranews.com),
    a camelCase channel of one ("detikNews"), or the first known part of "ANTARA/Xinhua"."""
    if not name:
        return None
    name = name.strip(" .,:;()[]")
    if DOMAIN.fullmatch(name):
        return name.lower()
    known = outlets(language).names
    for part in [name] + [p for p in re.split(r"\s*/\s*", name) if p != name]:
        if (key := name_key(part)) in known:
            return known[key]
        if (m := CAMEL.fullmatch(part)) and name_key(m.group("prefix")) in known:
            return known[name_key(m.group("prefix"))]
    return None


def is_outlet_banner(line: str, language: str = "id", domains: bool = False) -> bool:
    """A line that only names an outlet or a channel: "CNN Indonesia", "detikNews" (a known outlet
    or a camelCase channel name); with `domains` also a bare domain ("Contoh.com": in a page header)."""
    line = line.strip(" |·•")
    if not line or len(line.split()) > 3 or (DOMAIN.fullmatch(line) and not domains):
        return False
    return bool(outlet_domain(line, language) or (len(line.split()) == 1 and CAMEL.fullmatch(line)))


def byline_outlet(line: str, language: str = "id") -> str | None:
    """A reporter line "Nama Wartawan - detikNews": the outlet's domain ("" when unknown but channel-shaped)."""
    m = BYLINE_OUTLET.match(line)
    if not m:
        return None
    outlet = m.group("outlet")
    domain = outlet_domain(outlet, language)
    if domain:
        return domain
    return "" if CAMEL.fullmatch(outlet) else None


def mentioned_site(lines, language: str = "id") -> str | None:
    """The outlet a follow / subscribe / repost banner names ("Ikuti ... Contoh di Google News")."""
    o = outlets(language)
    for line in lines:
        if not any(p.search(line) for p in o.mention):
            continue
        if domain := _banner_domain(line, o.not_site) or _banner_outlet(line, language):
            return domain
    return None


def _banner_domain(line: str, not_site: set[str]) -> str | None:
    """The first domain in a banner line that is not a platform's."""
    for m in DOMAIN.finditer(line):
        domain = m.group(1).lower()
        if domain not in not_site and not any(domain.endswith("." + d) for d in not_site):
            return domain
    return None


def _banner_outlet(line: str, language: str) -> str | None:
    """The domain of the first known outlet name (one or two words) in a banner line."""
    tokens = list(BANNER_TOKEN.finditer(line))
    for i, t in enumerate(tokens):
        if i == 0 or not t.group(0)[0].isupper() and not CAMEL.fullmatch(t.group(0)):
            continue  # a name is capitalised (or camelCase) and not the banner's first word
        for n in (2, 1):
            span = line[t.start() : tokens[min(i + n, len(tokens)) - 1].end()]
            if domain := outlet_domain(span, language):
                return domain
    return None
