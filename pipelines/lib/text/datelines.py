"""Outlet datelines that open an article's first paragraph ("Moskow (ANTARA) -",
"JAKARTA, KOMPAS.com -", "TEMPO.CO, Jakarta -") and the place they name."""

from __future__ import annotations

import re

from pipelines.lib.text.domains import TLD
from pipelines.lib.text.furniture_rules import FurnitureRules
from pipelines.lib.text.lines import DASH

_CAP = r"[A-Z][\w'’.-]*"
_OUTLET = r"[A-Z][\w.-]*[A-Za-z0-9]"
DATELINES = [  # groups: place, outlet
    # "Moskow (ANTARA) -", "Mataram, NTB (ANTARA News) -"
    re.compile(
        rf"(?P<place>{_CAP}(?:,? {_CAP}){{0,3}})(?:, (?P<date>\d{{1,2}} \w+ \d{{4}}))?\s*"
        rf"\((?P<outlet>[^()]{{2,40}})\){DASH}"
    ),
    # "TEMPO.CO, Jakarta -", "Liputan6.com, Lima -"
    re.compile(rf"(?P<outlet>(?i:(?:[a-z0-9][a-z0-9-]*\.)+{TLD})),\s*(?P<place>{_CAP}(?: {_CAP}){{0,3}}){DASH}"),
    # "JAKARTA, KOMPAS.com -", "Jakarta, CNN Indonesia --"
    re.compile(rf"(?P<place>{_CAP}(?: {_CAP}){{0,3}}), (?P<outlet>{_OUTLET}(?: {_OUTLET})?){DASH}"),
    re.compile(rf"(?P<outlet>(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+{TLD}){DASH}", re.I),
    re.compile(rf"(?P<place>[A-Z]{{3,}}(?: [A-Z]{{3,}})?){DASH}"),
    # "Moskow - Pesawat ...": a place in Title Case, a dash with spaces, a capital
    re.compile(r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\s+[-–—]+\s+(?=[A-Z\"“‘'])"),
]


def find_dateline(line: str, r: FurnitureRules) -> re.Match | None:
    """An outlet dateline at the start of a paragraph, if any."""
    for pattern in DATELINES:
        m = pattern.match(line)
        if not m or len(m.group(0)) > 80:
            continue
        place = m.groupdict().get("place")
        if place and place.split()[0].lower().strip(",") in r.not_place:
            continue
        return m
    return None


def tidy_place(place: str | None) -> str | None:
    """The place as written, an all-caps one in Title Case ("JAKARTA" -> "Jakarta")."""
    if not place:
        return None
    place = place.strip(" ,")
    return place.title() if place.isupper() and len(place) > 3 else place
