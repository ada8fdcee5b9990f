"""Turn a :class:`~pipelines.lib.dates.mention.DateMention` into a calendar date.

Every mention is resolved against a *reference* date (the article's publication date,
else the ingestion date: the caller decides). Rules, in short:

- ``absolute`` "Rabu (22/3/2024)": the stated date; if the weekday contradicts it, the
  nearest year within ±6 (earlier first on a tie) where that day/month falls on that
  weekday, with ``is_contradiction=True`` and a note. No such year: the date as written,
  still flagged.
- ``day_month`` "Selasa (21/1)", "15 Desember": the latest such date not after the
  reference whose weekday agrees (future tense: the earliest on or after the reference).
- ``weekday`` "pada Senin": the latest such weekday not after the reference (the reference
  itself if it is that weekday); "Senin lalu" strictly before; future tense / "Senin depan"
  strictly after.
- ``month`` "bulan Februari": past or no tense: the latest such month not after the
  reference month; "Februari lalu" strictly before it; future tense: the first such month
  from the reference month on. Precision month.
- ``year``: that year, precision year.
- ``relative``: reference shifted by ``offset_days`` (precision day; "pekan lalu" is
  reference − 7 days, noted as approximate), ``offset_months`` (precision month) or
  ``offset_years`` (precision year).
- ``offset`` "delapan hari setelah X": anchor shifted by the offset (X = anchor − 8 days);
  precision the coarser of the anchor's and the offset unit's. None without an anchor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from pipelines.lib import lexicons
from pipelines.lib.dates.mention import DateMention

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
_UNIT_PRECISION = {"day": "day", "week": "day", "month": "month", "year": "year"}
_MAX_YEAR_SHIFT = 6


@dataclass(frozen=True)
class ResolvedDate:
    value: dt.date  # first day of the period for month/year precision
    precision: str  # "day" | "month" | "year"
    is_contradiction: bool = False  # the text is inconsistent (e.g. weekday vs year); resolved anyway
    note: str | None = None

    def iso(self) -> str:
        """ "2021-12-15", "2022-02" or "2021", as in the gold annotations."""
        return self.value.isoformat()[: {"day": 10, "month": 7, "year": 4}[self.precision]]


class _WeekdayNames(NamedTuple):
    said: tuple[str, ...]  # as the text's language names them, Monday first
    english: tuple[str, ...]


@cache
def _weekday_names(language: str) -> _WeekdayNames:
    """How notes name the weekdays: in the text's language and in English, the notes' language."""
    names = lexicons.load("dates", language)["weekday_names"]
    return _WeekdayNames(tuple(names["names"]), tuple(names["english"]))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _add_months(value: dt.date, months: int) -> dt.date:
    year, month = divmod(value.month - 1 + months, 12)
    return dt.date(value.year + year, month + 1, 1)


def _truncate(value: dt.date, precision: str) -> dt.date:
    if precision == "year":
        return dt.date(value.year, 1, 1)
    if precision == "month":
        return dt.date(value.year, value.month, 1)
    return value


def _dmy(value: dt.date) -> str:
    return f"{value.day}/{value.month}/{value.year}"


def _absolute(m: DateMention, names: _WeekdayNames) -> ResolvedDate | None:
    value = _safe_date(m.year, m.month, m.day)
    if value is None:
        return None
    if m.weekday is None or value.weekday() == m.weekday:
        return ResolvedDate(value, "day")
    contradiction = f"weekday {names.said[m.weekday]} contradicts {_dmy(value)} (a {names.english[value.weekday()]})"
    for shift in range(1, _MAX_YEAR_SHIFT + 1):
        for year in (m.year - shift, m.year + shift):
            other = _safe_date(year, m.month, m.day)
            if other is not None and other.weekday() == m.weekday:
                return ResolvedDate(other, "day", True, f"{contradiction}; {year} fits")
    note = f"{contradiction}; no year within ±{_MAX_YEAR_SHIFT} fits, kept as written"
    return ResolvedDate(value, "day", True, note)


def _day_month(m: DateMention, ref: dt.date, future: bool, names: _WeekdayNames) -> ResolvedDate | None:
    candidates = [d for y in range(ref.year - 40, ref.year + 41) if (d := _safe_date(y, m.month, m.day))]
    if not candidates:
        return None
    if future:
        pool = [d for d in candidates if d >= ref]
        plain = pool[0] if pool else None
        matching = [d for d in pool if m.weekday is None or d.weekday() == m.weekday]
        chosen = matching[0] if matching else None
    else:
        pool = [d for d in candidates if (d < ref if m.tense == "past" else d <= ref)]
        plain = pool[-1] if pool else None
        matching = [d for d in pool if m.weekday is None or d.weekday() == m.weekday]
        chosen = matching[-1] if matching else None
    if chosen is None:
        return None
    note = None
    if plain is not None and chosen != plain:
        note = (
            f"weekday {names.said[m.weekday]} puts {m.day}/{m.month} in {chosen.year} "
            f"({_dmy(plain)} is a {names.english[plain.weekday()]})"
        )
    return ResolvedDate(chosen, "day", False, note)


def _weekday(m: DateMention, ref: dt.date, future: bool) -> ResolvedDate:
    if future:
        value = ref + dt.timedelta(days=(m.weekday - ref.weekday()) % 7 or 7)
    else:
        back = (ref.weekday() - m.weekday) % 7
        if back == 0 and m.tense == "past":
            back = 7
        value = ref - dt.timedelta(days=back)
    return ResolvedDate(value, "day")


def _month(m: DateMention, ref: dt.date, future: bool) -> ResolvedDate:
    if m.year is not None:
        year = m.year
    elif m.offset_years is not None:  # "Mei tahun lalu"
        year = ref.year + m.offset_years
    elif m.tense == "present":
        year = ref.year
    elif future:
        year = ref.year if m.month >= ref.month else ref.year + 1
    elif m.tense == "past":
        year = ref.year if m.month < ref.month else ref.year - 1
    else:
        year = ref.year if m.month <= ref.month else ref.year - 1
    return ResolvedDate(dt.date(year, m.month, 1), "month")


def _shift(value: dt.date, m: DateMention) -> tuple[dt.date, str]:
    """``value`` moved by the mention's offset, and the precision that offset supports."""
    if m.offset_years is not None:
        return dt.date(value.year + m.offset_years, 1, 1), "year"
    if m.offset_months is not None:
        return _add_months(value, m.offset_months), "month"
    return value + dt.timedelta(days=m.offset_days or 0), "day"


def resolve(
    mention: DateMention,
    reference: dt.date,
    *,
    anchor: ResolvedDate | None = None,
    future: bool | None = None,
    language: str = "id",
) -> ResolvedDate | None:
    """Resolve ``mention`` against ``reference``; ``anchor`` is needed for ``offset`` mentions.

    ``future`` overrides the tense found in the text (``mention.future_cue`` / a "depan",
    "mendatang" qualifier): pass True when the caller knows the event is planned.
    ``language`` names the weekdays in the notes.
    Returns None when the mention cannot be resolved (an impossible date, an offset
    without anchor, a date outside the calendar: "999 tahun sebelum" year 500).
    """
    try:
        return _resolve(mention, reference, anchor, future, _weekday_names(language))
    except (ValueError, OverflowError):  # out of datetime.date's range (years 1 to 9999)
        return None


def _resolve(
    mention: DateMention, reference: dt.date, anchor: ResolvedDate | None, future: bool | None, names: _WeekdayNames
) -> ResolvedDate | None:
    m = mention
    is_future = (m.future_cue or m.tense == "future") if future is None else future
    if m.kind == "absolute":
        return _absolute(m, names)
    if m.kind == "day_month":
        return _day_month(m, reference, is_future, names)
    if m.kind == "weekday":
        return _weekday(m, reference, is_future)
    if m.kind == "month":
        return _month(m, reference, is_future)
    if m.kind == "year":
        return ResolvedDate(dt.date(m.year, 1, 1), "year")
    if m.kind == "relative":
        value, precision = _shift(reference, m)
        note = f"approximate: {m.surface}" if m.unit == "week" else None
        return ResolvedDate(value, precision, False, note)
    if m.kind == "offset":
        if anchor is None:
            return None
        value, unit_precision = _shift(anchor.value, m)
        precision = max(anchor.precision, unit_precision, key=_PRECISION_RANK.__getitem__)
        note = f"{m.surface} {anchor.iso()}"
        return ResolvedDate(_truncate(value, precision), precision, False, note)
    return None
