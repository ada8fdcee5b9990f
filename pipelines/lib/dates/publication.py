"""An article's publication date, and the reference date its other dates resolve against."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from functools import cache
from typing import NamedTuple

from pipelines.lib import lexicons
from pipelines.lib.dates.mention import DateMention
from pipelines.lib.dates.mentions import find_date_mentions
from pipelines.lib.dates.resolution import ResolvedDate, resolve

_PAREN_FULL = re.compile(r"\(\s*\d{1,2}/\d{1,2}/\d{4}\s*\)")
_EARLIEST_PUBLICATION_YEAR = 1995  # online news; older full dates are history, not datelines


class _LinePatterns(NamedTuple):
    time: re.Pattern  # "08:37 WIB", "10.00 +07:00"
    dateline_words: re.Pattern  # "diterbitkan", "pukul"
    caption: re.Pattern  # "Foto: ...", "ANTARA FOTO/...", "(dok ...)"


def _any(words: list[str]) -> str:
    return "|".join(map(re.escape, words))


@cache
def _line_patterns(language: str) -> _LinePatterns:
    """The patterns that tell a dateline and a photo caption, from the [publication] words."""
    words = lexicons.load("dates", language)["publication"]
    zones = _any(words["time_zones"])
    labels, agencies = _any(words["caption_labels"]), _any(words["caption_agencies"])
    return _LinePatterns(
        time=re.compile(
            rf"\b\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:{zones})?(?:\s*[+-]\d{{1,2}}(?::?\d{{2}})?)?", re.I
        ),
        dateline_words=re.compile(rf"(?i)\b(?:{_any(words['dateline_words'])})\b"),
        caption=re.compile(
            rf"(?i)\b(?:{labels})\s*[:/]|\b(?:{agencies})\s*/|\((?:{_any(words['caption_bracketed'])})\b"
        ),
    )


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _is_dateline(line: str, surface: str, patterns: _LinePatterns) -> bool:
    """A short line that holds little besides the date, a time and dateline words."""
    if len(line) > 90:
        return False
    rest = patterns.dateline_words.sub(" ", patterns.time.sub(" ", line.replace(surface, " ", 1)))
    return len(re.findall(r"[^\W\d_]+", rest)) <= 3


class _Lines:
    """The lines of a text, looked up by offset; whether a line is a photo caption is tested
    once per line (a long line holds many dates)."""

    def __init__(self, text: str, patterns: _LinePatterns):
        self.lines = _lines(text)
        self.starts = [pos for pos, _ in self.lines]
        self.patterns = patterns
        self.captions: dict[int, bool] = {}
        long_lines = (pos for pos, line in self.lines if len(line) >= 200 and len(line.split()) >= 25)
        self.first_prose = next(long_lines, len(text))

    def line_of(self, m: DateMention) -> tuple[int, str]:
        return self.lines[bisect_right(self.starts, m.start) - 1]

    def in_caption(self, m: DateMention) -> bool:
        pos, line = self.line_of(m)
        if pos not in self.captions:
            self.captions[pos] = bool(self.patterns.caption.search(line))
        return self.captions[pos]


def _candidates(text: str, mentions: list[DateMention], patterns: _LinePatterns) -> list[list[DateMention]]:
    """The full dates that may be the publication date, in tiers, most trusted first."""
    full = [m for m in mentions if m.kind == "absolute"]
    lines = _Lines(text, patterns)
    return [
        [m for m in full if _is_dateline(lines.line_of(m)[1], m.surface, patterns)],
        [m for m in full if m.weekday is not None and _PAREN_FULL.search(m.surface)],
        [m for m in full if _PAREN_FULL.search(m.surface)],
        [m for m in full if m.start < lines.first_prose or lines.in_caption(m)],
    ]


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
    for tier in _candidates(text, mentions, _line_patterns(language)):
        for mention in tier:
            resolved = resolve(mention, reference, language=language)
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
        if (r := resolve(m, fallback, language=language)) is not None
    ]
    return max(pinned, default=fallback)
