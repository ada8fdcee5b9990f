"""Find the date phrases of a text: "Rabu (22/3/2024)", "15 Desember", "pekan lalu", "delapan hari setelah".

Words come from ``lexicon/<language>/dates.toml`` (see ``patterns.py``). dateparser is not
used: it ignores weekdays, drifts into the future and reads "APBN 2022" as a date.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort

from pipelines.lib.dates.fields import mention_fields
from pipelines.lib.dates.mention import DateMention
from pipelines.lib.dates.patterns import DatePatterns, date_patterns


def _surface_start(kind: str, match: re.Match, text: str, p: DatePatterns) -> int:
    """Leave out leading cue words ("pada", "sejak") that are not part of the date."""
    start = match.start()
    if kind in ("year", "month", "weekday"):
        keep = p.period_word.search(text[start : match.end()])
        if keep and match.groupdict().get("yq") is None:  # "Mei tahun lalu" starts at "Mei"
            return start + keep.start()
        for name in ("wd", "wd2", "mon", "mon2", "y"):
            if match.groupdict().get(name) is not None:
                return match.start(name)
    return start


_CLAUSE_CUT = re.compile(r"[.?!] |\n")


class _Text:
    """The text with its line breaks and sentence cuts found once, looked up by bisection."""

    def __init__(self, text: str):
        self.text = text
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        cuts = list(_CLAUSE_CUT.finditer(text))
        self.cut_starts, self.cut_ends = [m.start() for m in cuts], [m.end() for m in cuts]

    def line(self, start: int, end: int) -> tuple[int, int]:
        """Start and end of the line holding ``text[start:end]`` (of its last line when it spans lines)."""
        before, after = bisect_left(self.newlines, start), bisect_left(self.newlines, end)
        line_start = self.newlines[before - 1] + 1 if before else 0
        return line_start, self.newlines[after] if after < len(self.newlines) else len(self.text)

    def clause_start(self, start: int) -> int:
        """Where the text before ``start`` was last cut by ". ", "? ", "! " or a line break (-1: never)."""
        k = bisect_right(self.cut_ends, start) - 1
        return self.cut_starts[k] if k >= 0 else -1


def _is_future_context(text: _Text, start: int, future_words: frozenset[str]) -> bool:
    cut = text.clause_start(start)
    return any(w in future_words for w in re.findall(r"\w+", text.text[cut + 1 : start].lower()))


_WORD = re.compile(r"[\w'’]+")
_REACH = 48  # characters a date phrase may reach from its digit or date word


def _date_digits(text: str, match: re.Match) -> bool:
    """Digits that can be part of a date: a year, or a day or month written with / or -."""
    return (
        len(match.group(0)) == 4
        or text[match.end() : match.end() + 1] in ("/", "-")
        or (match.start() > 0 and text[match.start() - 1] in "/-")
    )


def _windows(text: _Text, p: DatePatterns) -> list[tuple[int, int]]:
    """Merged stretches of a line around every digit or date word, cut at whitespace."""
    raw = text.text
    anchors = [
        m.span()
        for m in _WORD.finditer(raw.lower())
        if m.group(0) in p.anchor_words or (m.group(0)[0].isdigit() and _date_digits(raw, m))
    ]
    anchors += [m.span() for m in p.unit_current.finditer(raw)]
    windows: list[tuple[int, int]] = []
    for start, end in sorted(anchors):
        line_start, line_end = text.line(start, end)
        left, right = max(line_start, start - _REACH), min(line_end, end + _REACH)
        while left > line_start and not raw[left - 1].isspace():
            left -= 1
        while right < line_end and not raw[right].isspace():
            right += 1
        if windows and left <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], right))
        else:
            windows.append((left, right))
    return windows


class _Found:
    """The mentions found so far, their spans kept in order to test overlaps by bisection."""

    def __init__(self, text: _Text, p: DatePatterns):
        self.text = text
        self.future_words = p.future_words
        self.taken: list[tuple[int, int]] = []  # spans of the mentions found, in order
        self.longest = 0
        self.mentions: list[DateMention] = []

    def add(self, start: int, end: int, fields: dict) -> None:
        insort(self.taken, (start, end))
        self.longest = max(self.longest, end - start)
        if fields["kind"] in ("day_month", "weekday", "month"):
            fields.setdefault("future_cue", _is_future_context(self.text, start, self.future_words))
        self.mentions.append(DateMention(start=start, end=end, surface=self.text.text[start:end], **fields))

    def overlaps(self, start: int, end: int) -> bool:
        first = bisect_left(self.taken, (start - self.longest,))  # no span found is longer than ``longest``
        return any(s < end and start < e for s, e in self.taken[first : bisect_left(self.taken, (end,))])


def _add_years(found: _Found, start: int, end: int, fields: dict, p: DatePatterns) -> None:
    """A year with the relative word after it ("tahun 2003 lalu", "2024 nanti"), then the
    years a range joins to it ("tahun 1992 ke 2000", "2019-2021")."""
    text = found.text.text
    qual = p.year_qualifier.match(text, end)
    joined, pos = [], end
    while (more := p.year_range.match(text, pos)) and 1800 <= int(more["y"]) <= 2199:
        joined.append(more)
        pos = more.end()
    series = {"in_series": True} if joined else {}
    found.add(start, qual.end() if qual else end, fields | series)
    for more in joined:
        found.add(more.start("y"), more.end(), {"kind": "year", "year": int(more["y"]), **series})


def find_date_mentions(text: str, language: str = "id") -> list[DateMention]:
    """All date mentions in ``text``, in order; overlapping matches go to the earlier pattern."""
    p = date_patterns(language)
    indexed = _Text(text)
    found = _Found(indexed, p)
    # A date holds a digit or a date word: the patterns run only around those
    # (with pos/endpos, so lookbehinds still see the text before).
    spans = _windows(indexed, p)
    for kind, pattern in p.mentions:
        for match in (m for start, end in spans for m in pattern.finditer(text, start, end)):
            start, end = _surface_start(kind, match, text, p), match.end()
            if kind == "weekday" and match.group(0).startswith(","):
                end = match.end("wd2")
            if found.overlaps(start, end):
                continue
            fields = mention_fields(kind, match, text, p)
            if fields is None:
                continue
            if kind == "year":
                _add_years(found, start, end, fields, p)
            else:
                found.add(start, end, fields)
    return sorted(found.mentions, key=lambda m: m.start)
