"""Find the date phrases of a text: "Rabu (22/3/2024)", "15 Desember", "pekan lalu", "delapan hari setelah".

Words come from ``lexicon/<language>/dates.toml``. dateparser is not used: it ignores
weekdays, drifts into the future and reads "APBN 2022" as a date.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right, insort
from functools import cache

from pipelines.lib import lexicons
from pipelines.lib.dates.mention import DateMention

_W = r"(?<![\w’'])"  # word start
_E = r"(?![\w’'])"  # word end


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def _lexicon(language: str) -> dict:
    try:
        lex = lexicons.load("dates", language)
    except FileNotFoundError:  # no date words for this language yet: the Indonesian ones
        lex = lexicons.load("dates", "id")  # still read "22 March 2023", "2023-03-22"
    cues = lex["cues"]
    rel = lex["relative"]
    months_all = {**lex["months"], **lex["months_strict"]}
    number_words = {k: v for k, v in lex["numbers"].items() if k != "se"}
    numw = _alt(number_words)
    num = rf"(?:\d{{1,3}}|(?:{numw})(?:\s+(?:{_alt(lex['number_suffixes'])}))?(?:\s+(?:{numw}))?)"
    qual = _alt(rel["past"] + rel["future"] + rel["current"])
    wd, mon, mons = _alt(lex["weekdays"]), _alt(lex["months"]), _alt(months_all)
    units, single = _alt(lex["units"]), _alt(lex["single_units"])
    wd_opt = rf"(?:(?P<wd>{wd})\s*,?\s*)?"
    i = re.IGNORECASE
    patterns = [
        # (kind, regex); earlier patterns win overlapping spans
        (
            "absolute",
            re.compile(rf"{_W}{wd_opt}(?<![\d.,])(?P<d>\d{{1,2}})\s+(?P<mon>{mons})\.?,?\s+(?P<y>\d{{4}})(?!\d)", i),
        ),
        (
            "absolute",
            re.compile(
                rf"{_W}{wd_opt}(?P<open>\()?\s*(?<![\d.,/])(?P<d>\d{{1,2}})(?P<sep>[/-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})(?![\d/])\s*(?(open)\))",
                i,
            ),
        ),
        (
            "absolute",
            re.compile(rf"{_W}(?P<mon>{mons})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)", i),
        ),
        ("absolute", re.compile(r"(?<![\d/.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])")),
        (
            "day_month",
            re.compile(rf"{_W}{wd_opt}(?<![\d.,])(?P<d>\d{{1,2}})\s+(?P<mon>{mons})(?:\s+(?P<q>{qual}))?{_E}", i),
        ),
        ("day_month", re.compile(rf"{_W}{wd_opt}(?P<open>\()\s*(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})\s*\)", i)),
        ("day_month", re.compile(rf"{_W}(?P<wd>{wd})\s*,?\s*(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?![\d/])", i)),
        ("month", re.compile(rf"{_W}(?:bulan\s+)?(?P<mon>{mon})\s+tahun\s+(?P<yq>{qual}){_E}", i)),  # "Mei tahun lalu"
        (
            "offset",
            re.compile(
                rf"{_W}(?:(?P<n>{num})\s+(?P<unit>{units})|(?P<single>{single}))\s+(?P<dir>{_alt(lex['offset']['after'] + lex['offset']['before'])}){_E}",
                i,
            ),
        ),
        (
            "relative",
            re.compile(
                rf"{_W}(?:(?P<n>{num})\s+(?P<unit>{units})|(?P<single>{single})|(?P<unit2>{units}))\s+(?P<q>{qual}){_E}",
                i,
            ),
        ),
        (
            "weekday",
            re.compile(
                rf"{_W}(?:(?:{_alt(cues['weekday'])})\s+)?(?P<wd>{wd})\s+(?P<q>{qual}|{_alt(cues['day_parts'])}){_E}", i
            ),
        ),
        ("relative", re.compile(rf"{_W}(?P<word>{_alt(lex['day_words'])}){_E}", i)),
        ("month", re.compile(rf"{_W}(?:bulan\s+)?(?P<mon>{mons})\.?\s+(?P<y>\d{{4}})(?!\d)", i)),
        ("month", re.compile(rf"{_W}(?:bulan\s+)?(?P<mon>{mon})\s+(?P<q>{qual}){_E}", i)),
        (
            "month",
            re.compile(
                rf"{_W}(?:(?:{_alt(cues['month'])})\s+)?(?:bulan\s+)(?P<mon>{mon}){_E}|{_W}(?:{_alt(cues['month'])})\s+(?P<mon2>{mon}){_E}",
                i,
            ),
        ),
        (
            "weekday",
            re.compile(
                rf"{_W}(?:{_alt(cues['weekday'])})\s+(?:hari\s+)?(?P<wd>{wd}){_E}|,\s*(?P<wd2>{wd})\s*(?=[.,;]|$)",
                i | re.M,
            ),
        ),
        ("year", re.compile(rf"{_W}(?:{_alt(cues['year'])})\s+(?:tahun\s+)?(?P<y>\d{{4}})(?![\d])(?![.,]\d)", i)),
    ]
    # a date holds a digit, one of these words, or a period word before "ini"
    phrases = [
        *months_all,
        *lex["weekdays"],
        *lex["single_units"],
        *lex["day_words"],
        *rel["past"],
        *rel["future"],
        *lex["offset"]["after"],
        *lex["offset"]["before"],
    ]
    anchor_words = {w for phrase in phrases for w in phrase.lower().split()} - {w.lower() for w in rel["current"]}
    return {
        "anchor_words": anchor_words - {"yang", "akan", "hari"},
        "unit_current": re.compile(rf"{_W}(?:{units})\s+(?:{_alt(rel['current'])}){_E}", i),
        "lex": lex,
        "patterns": patterns,
        "months": months_all,
        "weekdays": lex["weekdays"],
        "numbers": lex["numbers"],
        "range": re.compile(rf"\s*(?:{_alt(cues['year_range'] + ['/'])})\s*(?P<y>\d{{4}})(?![\d])(?![.,]\d)", i),
        "future": {w.lower() for w in cues["future"]},
        "measure": set(lex["filters"]["not_years_before"]),
        "vague": set(lex["filters"]["vague_quantifiers"]),
        "year_qual": re.compile(rf"\s+(?:{qual}){_E}", i),
    }


def _parse_number(words: str, numbers: dict) -> int | None:
    if words.isdigit():
        return int(words)
    total = current = 0
    for word in words.lower().split():
        if word == "belas":
            current += 10
        elif word == "puluh":
            current *= 10
        elif word in numbers:
            total, current = total + current, numbers[word]
        else:
            return None
    return total + current


def _valid_day_month(day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31 and _safe(2000, month, day)


def _safe(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False


def _previous_word(text: str, start: int) -> str:
    found = re.search(r"([\w’']+)\W*$", text[max(0, start - 40) : start])
    return found.group(1) if found else ""


def _tense(q: str | None, lex: dict) -> str | None:
    if not q:
        return None
    q = " ".join(q.lower().split())
    rel = lex["relative"]
    return (
        "past" if q in rel["past"] else "future" if q in rel["future"] else "present" if q in rel["current"] else None
    )


def _build(kind: str, match: re.Match, text: str, P: dict) -> dict | None:
    """Fields of a DateMention from a pattern match, or None when it is not a date."""
    g = {k: v for k, v in match.groupdict().items() if v is not None}
    lex = P["lex"]
    out: dict = {"kind": kind}
    wd = g.get("wd") or g.get("wd2")
    if wd is not None:
        if wd == "minggu" and kind == "weekday":  # lower-case "minggu" is the week
            return None
        out["weekday"] = P["weekdays"][wd.lower()]
    q = g.get("q")
    if kind in ("absolute", "day_month"):
        day = int(g["d"])
        month = P["months"][g["mon"].lower()] if "mon" in g else int(g["m"])
        if not _valid_day_month(day, month):
            return None
        if kind == "day_month" and "m" in g and wd is None:
            # "(15/12)" without weekday: only after a cue or a place name, not "setengah (1/2)"
            prev = _previous_word(text, match.start())
            if not (prev.lower() in lex["cues"]["weekday"] or prev[:1].isupper()):
                return None
        out.update(day=day, month=month)
        if kind == "day_month":
            out["tense"] = _tense(q, lex)
        if kind == "absolute":
            out["year"] = int(g["y"])
    elif kind == "month":
        out["month"] = P["months"][(g.get("mon") or g["mon2"]).lower()]
        if "y" in g:
            out["year"] = int(g["y"])
        if g.get("yq"):
            out["offset_years"] = {"past": -1, "present": 0, "future": 1}.get(_tense(g["yq"], lex) or "", 0)
        out["tense"] = _tense(q, lex)
    elif kind == "weekday":
        if q and q.lower() in lex["cues"]["day_parts"]:
            if not wd[:1].isupper():
                return None
        else:
            out["tense"] = _tense(q, lex)
    elif kind == "year":
        out["year"] = int(g["y"])
        if not 1800 <= out["year"] <= 2199:
            return None
        if _previous_word(text, match.start()).isdigit():
            return None  # "UU No 31 Tahun 1999": part of a name
        nxt = re.match(r"\s+(\w+)", text[match.end() :])
        if nxt and nxt.group(1).lower() in P["measure"]:
            return None
    elif kind in ("relative", "offset"):
        if "word" in g:
            out.update(offset_days=lex["day_words"][" ".join(g["word"].lower().split())], unit="day")
            return out
        if "single" in g:
            n, unit = 1, lex["single_units"][g["single"].lower()]
        else:
            n = _parse_number(" ".join(g["n"].split()), P["numbers"]) if "n" in g else None
            unit = lex["units"][(g.get("unit") or g["unit2"]).lower()]
        if kind == "relative":
            tense = _tense(q, lex)
            prev = _previous_word(text, match.start()).lower()
            if n is None and (prev in P["vague"] or prev.isdigit()):
                return None  # "beberapa tahun lalu"
            if n is not None and tense != "past":
                return None  # "dua tahun mendatang" reads as a duration
            if n is None and unit == "day" and tense != "present":
                return None  # "hari lalu" without a count
            sign = {"past": -1, "future": 1}.get(tense, 0)
            n = 1 if n is None else n
            out.update(tense=tense)
        else:
            sign = -1 if g["dir"].lower() in lex["offset"]["after"] else 1
        if n is None:
            return None
        out["unit"] = unit
        if unit in ("day", "week"):
            out["offset_days"] = sign * n * (7 if unit == "week" else 1)
        elif unit == "month":
            out["offset_months"] = sign * n
        else:
            out["offset_years"] = sign * n
    return out


def _surface_start(kind: str, match: re.Match, text: str) -> int:
    """Leave out leading cue words ("pada", "sejak") that are not part of the date."""
    start = match.start()
    if kind in ("year", "month", "weekday"):
        keep = re.search(r"(?i)\b(tahun|bulan|hari)\s", text[start : match.end()])
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


def _is_future_context(text: _Text, start: int, future_words: set) -> bool:
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


def _windows(text: _Text, P: dict) -> list[tuple[int, int]]:
    """Merged stretches of a line around every digit or date word, cut at whitespace."""
    raw = text.text
    anchors = [
        m.span()
        for m in _WORD.finditer(raw.lower())
        if m.group(0) in P["anchor_words"] or (m.group(0)[0].isdigit() and _date_digits(raw, m))
    ]
    anchors += [m.span() for m in P["unit_current"].finditer(raw)]
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


def find_date_mentions(text: str, language: str = "id") -> list[DateMention]:
    """All date mentions in ``text``, in order; overlapping matches go to the earlier pattern."""
    P = _lexicon(language)
    indexed = _Text(text)
    taken: list[tuple[int, int]] = []  # spans of the mentions found, in order
    longest = 0
    found: list[DateMention] = []

    def add(start: int, end: int, fields: dict) -> None:
        nonlocal longest
        insort(taken, (start, end))
        longest = max(longest, end - start)
        if fields["kind"] in ("day_month", "weekday", "month"):
            fields.setdefault("future_cue", _is_future_context(indexed, start, P["future"]))
        found.append(DateMention(start=start, end=end, surface=text[start:end], **fields))

    def overlaps(start: int, end: int) -> bool:
        first = bisect_left(taken, (start - longest,))  # no span found is longer than ``longest``
        return any(s < end and start < e for s, e in taken[first : bisect_left(taken, (end,))])

    # A date holds a digit or a date word: the patterns run only around those
    # (with pos/endpos, so lookbehinds still see the text before).
    spans = _windows(indexed, P)
    for kind, pattern in P["patterns"]:
        for match in (m for start, end in spans for m in pattern.finditer(text, start, end)):
            start, end = _surface_start(kind, match, text), match.end()
            if kind == "weekday" and match.group(0).startswith(","):
                end = match.end("wd2")
            if overlaps(start, end):
                continue
            fields = _build(kind, match, text, P)
            if fields is None:
                continue
            if kind == "year":
                qual = P["year_qual"].match(text, end)  # "tahun 2003 lalu", "2024 nanti"
                add(start, qual.end() if qual else end, fields)
                pos = end
                while (more := P["range"].match(text, pos)) and 1800 <= int(more["y"]) <= 2199:
                    add(more.start("y"), more.end(), {"kind": "year", "year": int(more["y"])})
                    pos = more.end()
                continue
            add(start, end, fields)
    return sorted(found, key=lambda m: m.start)
