"""The regular expressions that find date phrases, built once per language from the words
of ``lexicon/<language>/dates.toml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from pipelines.lib import lexicons

_W = r"(?<![\w’'])"  # word start
_E = r"(?![\w’'])"  # word end
_I = re.IGNORECASE


def _alternation(words) -> str:
    """A regex alternative of ``words``, longest first, a space matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


class _Parts(NamedTuple):
    """Regex fragments the date patterns share."""

    wd_opt: str  # an optional weekday before a date: "Rabu, "
    wd: str  # weekday names
    mon: str  # month names usable alone
    mons: str  # month names and abbreviations
    qual: str  # relative words: "lalu", "depan", "ini"
    num: str  # a count in digits or words: "8", "delapan", "dua puluh"
    units: str  # period words with a length: "hari", "pekan"
    single: str  # one-period words: "sehari", "sepekan"
    day_word: str  # "hari" before a weekday
    month_word: str  # "bulan" before a month
    year_word: str  # "tahun" before a year
    day_suffix: str  # "st", "nd" after a day number
    cues: dict  # the [cues] table


def _parts(lex: dict) -> _Parts:
    rel = lex["relative"]
    periods = lex["period_words"]
    numw = _alternation(lex["numbers"])
    wd = _alternation(lex["weekdays"])
    return _Parts(
        wd_opt=rf"(?:(?P<wd>{wd})\s*,?\s*)?",
        wd=wd,
        mon=_alternation(lex["months"]),
        mons=_alternation({**lex["months"], **lex["months_strict"]}),
        qual=_alternation(rel["past"] + rel["future"] + rel["current"]),
        num=rf"(?:\d{{1,3}}|(?:{numw})(?:\s+(?:{_alternation(lex['number_suffixes'])}))?(?:\s+(?:{numw}))?)",
        units=_alternation(lex["units"]),
        single=_alternation(lex["single_units"]),
        day_word=_alternation(periods["day"]),
        month_word=_alternation(periods["month"]),
        year_word=_alternation(periods["year"]),
        day_suffix=_alternation(lex["day_number_suffixes"]["words"]),
        cues=lex["cues"],
    )


def _full_dates(p: _Parts) -> list[tuple[str, re.Pattern]]:
    """ "Rabu, 26 Mei 2021", "Rabu (22/3/2024)", "March 22, 2023", "2023-03-22"."""
    slashed = (
        rf"{_W}{p.wd_opt}(?P<open>\()?\s*(?<![\d.,/])(?P<d>\d{{1,2}})(?P<sep>[/-])(?P<m>\d{{1,2}})(?P=sep)"
        rf"(?P<y>\d{{4}})(?![\d/])\s*(?(open)\))"
    )
    return [
        (
            "absolute",
            re.compile(
                rf"{_W}{p.wd_opt}(?<![\d.,])(?P<d>\d{{1,2}})\s+(?P<mon>{p.mons})\.?,?\s+(?P<y>\d{{4}})(?!\d)", _I
            ),
        ),
        ("absolute", re.compile(slashed, _I)),
        (
            "absolute",
            re.compile(rf"{_W}(?P<mon>{p.mons})\.?\s+(?P<d>\d{{1,2}})(?:{p.day_suffix})?,?\s+(?P<y>\d{{4}})(?!\d)", _I),
        ),
        ("absolute", re.compile(r"(?<![\d/.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])")),
    ]


def _day_months(p: _Parts) -> list[tuple[str, re.Pattern]]:
    """ "15 Desember", "15 Desember lalu", "Rabu (15/12)", "Selasa 21/1"."""
    return [
        (
            "day_month",
            re.compile(
                rf"{_W}{p.wd_opt}(?<![\d.,])(?P<d>\d{{1,2}})\s+(?P<mon>{p.mons})(?:\s+(?P<q>{p.qual}))?{_E}", _I
            ),
        ),
        ("day_month", re.compile(rf"{_W}{p.wd_opt}(?P<open>\()\s*(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})\s*\)", _I)),
        ("day_month", re.compile(rf"{_W}(?P<wd>{p.wd})\s*,?\s*(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?![\d/])", _I)),
    ]


def _relative_periods(p: _Parts, lex: dict) -> list[tuple[str, re.Pattern]]:
    """ "Mei tahun lalu", "delapan hari setelah", "dua tahun lalu", "Senin lalu", "kemarin"."""
    directions = _alternation(lex["offset"]["after"] + lex["offset"]["before"])
    counted = rf"(?P<n>{p.num})\s+(?P<unit>{p.units})"
    return [
        (
            "month",
            re.compile(
                rf"{_W}(?:(?:{p.month_word})\s+)?(?P<mon>{p.mon})\s+(?:{p.year_word})\s+(?P<yq>{p.qual}){_E}", _I
            ),
        ),
        ("offset", re.compile(rf"{_W}(?:{counted}|(?P<single>{p.single}))\s+(?P<dir>{directions}){_E}", _I)),
        (
            "relative",
            re.compile(rf"{_W}(?:{counted}|(?P<single>{p.single})|(?P<unit2>{p.units}))\s+(?P<q>{p.qual}){_E}", _I),
        ),
        (
            "weekday",
            re.compile(
                rf"{_W}(?:(?:{_alternation(p.cues['weekday'])})\s+)?(?P<wd>{p.wd})\s+"
                rf"(?P<q>{p.qual}|{_alternation(p.cues['day_parts'])}){_E}",
                _I,
            ),
        ),
        ("relative", re.compile(rf"{_W}(?P<word>{_alternation(lex['day_words'])}){_E}", _I)),
    ]


def _named_periods(p: _Parts) -> list[tuple[str, re.Pattern]]:
    """ "Mei 2021", "Februari lalu", "bulan Februari", "pada Senin", "tahun 2022"."""
    month_cues, weekday_cues = _alternation(p.cues["month"]), _alternation(p.cues["weekday"])
    month_named = (
        rf"{_W}(?:(?:{month_cues})\s+)?(?:(?:{p.month_word})\s+)(?P<mon>{p.mon}){_E}"
        rf"|{_W}(?:{month_cues})\s+(?P<mon2>{p.mon}){_E}"
    )
    weekday_named = (
        rf"{_W}(?:{weekday_cues})\s+(?:(?:{p.day_word})\s+)?(?P<wd>{p.wd}){_E}|,\s*(?P<wd2>{p.wd})\s*(?=[.,;]|$)"
    )
    year = rf"{_W}(?:{_alternation(p.cues['year'])})\s+(?:(?:{p.year_word})\s+)?(?P<y>\d{{4}})(?![\d])(?![.,]\d)"
    return [
        ("month", re.compile(rf"{_W}(?:(?:{p.month_word})\s+)?(?P<mon>{p.mons})\.?\s+(?P<y>\d{{4}})(?!\d)", _I)),
        ("month", re.compile(rf"{_W}(?:(?:{p.month_word})\s+)?(?P<mon>{p.mon})\s+(?P<q>{p.qual}){_E}", _I)),
        ("month", re.compile(month_named, _I)),
        ("weekday", re.compile(weekday_named, _I | re.M)),
        ("year", re.compile(year, _I)),
    ]


def _anchor_words(lex: dict) -> frozenset[str]:
    """The words that mark where a date may stand: a date holds a digit, one of these, or
    a period word before "ini"."""
    rel = lex["relative"]
    phrases = [
        *lex["months"],
        *lex["months_strict"],
        *lex["weekdays"],
        *lex["single_units"],
        *lex["day_words"],
        *rel["past"],
        *rel["future"],
        *lex["offset"]["after"],
        *lex["offset"]["before"],
    ]
    words = {w for phrase in phrases for w in phrase.lower().split()} - {w.lower() for w in rel["current"]}
    return frozenset(words - set(lex["filters"]["not_anchors"]))


@dataclass(frozen=True)
class DatePatterns:
    """The date phrases of one language: the patterns in the order they win overlapping
    spans, and the words and patterns the readers of their matches need."""

    lexicon: dict
    mentions: tuple[tuple[str, re.Pattern], ...]  # (kind, regex); earlier patterns win overlapping spans
    anchor_words: frozenset[str]
    unit_current: re.Pattern  # "tahun ini", "pekan ini"
    period_word: re.Pattern  # "tahun ", "bulan ", "hari ": where a date's surface may start
    year_range: re.Pattern  # "... ke 2000", "-2021" after a year
    year_qualifier: re.Pattern  # " lalu", " nanti" after a year
    months: dict[str, int]
    weekdays: dict[str, int]
    week_words: frozenset[str]  # weekday names that are also the week ("minggu") when in lower case
    future_words: frozenset[str]
    measure_words: frozenset[str]
    vague_words: frozenset[str]


@cache
def date_patterns(language: str) -> DatePatterns:
    """The date patterns of ``language`` (built once)."""
    lex = lexicons.load("dates", language)
    p = _parts(lex)
    rel, cues, periods = lex["relative"], lex["cues"], lex["period_words"]
    qual = p.qual
    return DatePatterns(
        lexicon=lex,
        mentions=tuple(_full_dates(p) + _day_months(p) + _relative_periods(p, lex) + _named_periods(p)),
        anchor_words=_anchor_words(lex),
        unit_current=re.compile(rf"{_W}(?:{p.units})\s+(?:{_alternation(rel['current'])}){_E}", _I),
        period_word=re.compile(rf"(?i)\b({_alternation(periods['year'] + periods['month'] + periods['day'])})\s"),
        year_range=re.compile(
            rf"\s*(?:{_alternation(cues['year_range'] + ['/'])})\s*(?P<y>\d{{4}})(?![\d])(?![.,]\d)", _I
        ),
        year_qualifier=re.compile(rf"\s+(?:{qual}){_E}", _I),
        months={**lex["months"], **lex["months_strict"]},
        weekdays=lex["weekdays"],
        week_words=frozenset(w for w in lex["weekdays"] if w in lex["units"]),
        future_words=frozenset(w.lower() for w in cues["future"]),
        measure_words=frozenset(lex["filters"]["not_years_before"]),
        vague_words=frozenset(lex["filters"]["vague_quantifiers"]),
    )
