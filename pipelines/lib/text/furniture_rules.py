"""The furniture lexicon (``furniture.toml``) compiled once per language: the patterns and word
sets that tell page furniture from article text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pipelines.lib import lexicons


@dataclass
class FurnitureRules:
    furniture: re.Pattern  # any furniture line pattern (matched at the line start)
    caption: re.Pattern
    list_heading: re.Pattern
    menu_words: set[str]
    breadcrumb_home: set[str]
    read_also: re.Pattern
    credit: re.Pattern
    initials: re.Pattern
    date: re.Pattern
    relative_age: re.Pattern
    date_words: set[str]
    not_place: set[str]
    caption_class: re.Pattern
    teaser_class: re.Pattern
    byline: re.Pattern = re.compile(r"(?!)")
    credit_end: re.Pattern | None = None
    embed: re.Pattern | None = None
    credit_photo: re.Pattern | None = None
    menu_joiners: set[str] = field(default_factory=set)
    editor_code: re.Pattern | None = None
    counter: re.Pattern = re.compile(r"(?!)")
    counter_word: re.Pattern | None = None


def _any_of(patterns: list[str]) -> re.Pattern:
    """One pattern that matches where any of ``patterns`` does (one call instead of one per pattern)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.I)


def _optional(pattern: str | None, flags: int = 0) -> re.Pattern | None:
    return re.compile(pattern, flags) if pattern else None


def _lower(*lists: list[str]) -> set[str]:
    return {w.lower() for words in lists for w in words}


def date_pattern(date: dict) -> re.Pattern:
    """A date or time inside a line: "28 Mei 2021", "28/05/2021", "2021-05-28", "08:37", a weekday or time zone."""
    months, days, tz = (sorted(date[k], key=len, reverse=True) for k in ("months", "weekdays", "timezones"))
    return re.compile(
        rf"\b\d{{1,2}}\s+(?:{'|'.join(months)})\.?\s+\d{{4}}\b|\b\d{{1,2}}[/-]\d{{1,2}}[/-]\d{{2,4}}\b"
        rf"|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}[:.]\d{{2}}\b|\b(?:{'|'.join(days + tz)})\b",
        re.I,
    )


@cache
def rules(language: str = "id") -> FurnitureRules:
    lex = lexicons.load("furniture", language)
    line, inline, date, markup = lex["line"], lex["inline"], lex["date"], lex["markup"]
    return FurnitureRules(
        furniture=_any_of(line["furniture"]),
        caption=_any_of(line["caption"]),
        list_heading=_any_of(line["list_heading"]),
        menu_words=_lower(line["menu_words"]),
        breadcrumb_home=_lower(line["breadcrumb_home"]),
        read_also=re.compile(inline["read_also"], re.I),
        credit=re.compile(inline["credit"], re.I),
        initials=re.compile(inline["initials"]),
        date=date_pattern(date),
        relative_age=re.compile(date["relative_age"], re.I),
        date_words=_lower(date["date_words"], date["weekdays"], date["timezones"]),
        not_place=_lower(lex["dateline"]["not_place"]),
        caption_class=re.compile("|".join(markup["caption_class"]), re.I),
        teaser_class=re.compile("|".join(markup["teaser_class"]), re.I),
        byline=_any_of(line.get("byline", [])),
        credit_end=re.compile(rf"(?:{'|'.join(inline['credit_end'])})\s*\.?\s*$") if inline.get("credit_end") else None,
        embed=_optional(inline.get("embed"), re.I),
        credit_photo=_optional(inline.get("credit_photo"), re.I),
        menu_joiners=_lower(line.get("menu_joiners", [])),
        editor_code=_optional(inline.get("editor_code")),
        counter=_any_of(line.get("counter", [])),
        counter_word=_optional(inline.get("counter_word"), re.I),
    )
