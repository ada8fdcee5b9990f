"""A date as the text states it, before it is placed on the calendar."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    surface: str  # text[start:end]
    # "absolute" | "day_month" | "weekday" | "month" | "year" | "relative" | "offset"
    kind: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None  # 0 = Monday
    # relative: shift of the reference; offset: shift of the anchor (X in "delapan hari
    # setelah X" is anchor - 8 days, so offset_days = -8). Exactly one of the three is set.
    offset_days: int | None = None  # days and weeks ("pekan lalu" = -7)
    offset_months: int | None = None  # "bulan lalu" = -1
    offset_years: int | None = None  # "tahun ini" = 0, "80 tahun silam" = -80
    unit: str | None = None  # relative/offset: "day" | "week" | "month" | "year"
    tense: str | None = None  # from the mention's own word: "past" (lalu), "future" (depan), "present" (ini)
    future_cue: bool = False  # a future word ("akan", "berharap") precedes it in its sentence
    in_series: bool = False  # a year given with others: a span "tahun 1992 ke 2000" or a list "2019 dan 2020"
