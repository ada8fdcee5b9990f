"""An article's publication date, and the reference date its other dates resolve against."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right

from pipelines.lib.dates.mention import DateMention
from pipelines.lib.dates.mentions import find_date_mentions
from pipelines.lib.dates.resolution import ResolvedDate, resolve

_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:WIB|WITA|WIT|GMT|UTC)?(?:\s*[+-]\d{1,2}(?::?\d{2})?)?", re.I)
_DATELINE_WORDS = re.compile(
    r"(?i)\b(?:diterbitkan|dipublikasikan|terbit|publikasi|published|posted|diunggah|oleh|pukul|jam|tanggal|tgl|WIB|WITA|WIT)\b"
)
_CAPTION = re.compile(
    r"(?i)\b(?:foto|photo|dok|dokumentasi|ilustrasi|sumber)\s*[:/]|\b(?:antara foto|reuters|afp|ap photo|getty images)\s*/|\((?:foto|dok)\b"
)
_PAREN_FULL = re.compile(r"\(\s*\d{1,2}/\d{1,2}/\d{4}\s*\)")
_EARLIEST_PUBLICATION_YEAR = 1995  # online news; older full dates are history, not datelines


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _is_dateline(line: str, surface: str) -> bool:
    if len(line) > 90:
        return False
    rest = _DATELINE_WORDS.sub(" ", _TIME.sub(" ", line.replace(surface, " ", 1)))
    return len(re.findall(r"[^\W\d_]+", rest)) <= 3


def find_publication_date(
    text: str, reference: dt.date, language: str = "id", mentions: list[DateMention] | None = None
) -> ResolvedDate | None:
    """The date the article gives for itself, or None (a year alone never counts).

    Looks, in this order, for (1) a dateline-shaped line ("28 Mei 2021, 08:37 WIB"), (2)
    "Weekday (d/m/yyyy)" anywhere, then "(d/m/yyyy)", (3) a full date in a photo caption
    or in the header lines before the first paragraph of prose. Dates after ``reference``
    (the ingestion date) or before 1995 are skipped.
    """
    mentions = find_date_mentions(text, language) if mentions is None else mentions
    full = [m for m in mentions if m.kind == "absolute"]
    lines = _lines(text)
    line_starts = [pos for pos, _ in lines]

    captions: dict[int, bool] = {}

    def line_of(m: DateMention) -> tuple[int, str]:
        return lines[bisect_right(line_starts, m.start) - 1]

    def in_caption(m: DateMention) -> bool:
        pos, line = line_of(m)
        if pos not in captions:  # once per line: a long line holds many dates
            captions[pos] = bool(_CAPTION.search(line))
        return captions[pos]

    first_prose = next((pos for pos, line in lines if len(line) >= 200 and len(line.split()) >= 25), len(text))
    tiers = [
        [m for m in full if _is_dateline(line_of(m)[1], m.surface)],
        [m for m in full if m.weekday is not None and _PAREN_FULL.search(m.surface)],
        [m for m in full if _PAREN_FULL.search(m.surface)],
        [m for m in full if m.start < first_prose or in_caption(m)],
    ]
    for tier in tiers:
        for mention in tier:
            resolved = resolve(mention, reference)
            if resolved and _EARLIEST_PUBLICATION_YEAR <= resolved.value.year and resolved.value <= reference:
                return resolved
    return None


def reference_date(
    text: str, fallback: dt.date, language: str = "id", mentions: list[DateMention] | None = None
) -> dt.date:
    """The best reference for resolving ``text``'s dates when the caller has only ``fallback``.

    The publication date if the text gives one; else the latest date from a day/month
    with a weekday ("Selasa (21/1)": the weekday pins the year), since news reports what
    happened shortly before publication; else ``fallback`` (the ingestion date). With it,
    an undated article's "tahun ini" is the year of its events rather than the year it
    was ingested.
    """
    mentions = find_date_mentions(text, language) if mentions is None else mentions
    published = find_publication_date(text, fallback, language, mentions)
    if published is not None and published.precision == "day":
        return published.value
    pinned = [
        r.value
        for m in mentions
        if m.kind == "day_month" and m.weekday is not None and not m.future_cue
        if (r := resolve(m, fallback)) is not None
    ]
    return max(pinned, default=fallback)
