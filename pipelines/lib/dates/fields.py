"""What a date pattern's match states: the fields of a :class:`DateMention`, or None when
the match is no date after all ("minggu" the week, "UU No 31 Tahun 1999", "hingga 2000 orang")."""

from __future__ import annotations

import datetime as dt
import re

from pipelines.lib.dates.patterns import DatePatterns

_NEXT_WORD = re.compile(r"\s+(\w+)")
_PREVIOUS_WORD = re.compile(r"([\w’']+)\W*$")
_PREVIOUS_WORD_IN_SENTENCE = re.compile(r"([\w’']+)[^\w.!?\n]*$")  # not across ". " or a line break
_TENSE_YEARS = {"past": -1, "present": 0, "future": 1}
_TENSE_SIGN = {"past": -1, "future": 1}


def _count(words: str, p: DatePatterns) -> int | None:
    """ "8" -> 8, "dua puluh satu" -> 21; None when the words are no count."""
    if words.isdigit():
        return int(words)
    numbers, suffixes = p.lexicon["numbers"], p.lexicon["number_suffixes"]
    adding = p.lexicon["adding_suffixes"]["words"]
    total = current = 0
    for word in words.lower().split():
        if word in suffixes:
            current = current + suffixes[word] if word in adding else current * suffixes[word]
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
    found = _PREVIOUS_WORD.search(text[max(0, start - 40) : start])
    return found.group(1) if found else ""


def _tense(q: str | None, lex: dict) -> str | None:
    if not q:
        return None
    q = " ".join(q.lower().split())
    rel = lex["relative"]
    return (
        "past" if q in rel["past"] else "future" if q in rel["future"] else "present" if q in rel["current"] else None
    )


def _day_fields(kind: str, g: dict, wd: str | None, match: re.Match, text: str, p: DatePatterns) -> dict | None:
    """ "absolute" and "day_month": the day, the month, and the year or the tense."""
    day = int(g["d"])
    month = p.months[g["mon"].lower()] if "mon" in g else int(g["m"])
    if not _valid_day_month(day, month):
        return None
    if kind == "day_month" and "m" in g and wd is None:
        # "(15/12)" without weekday: only after a cue or a place name, not "setengah (1/2)"
        prev = _previous_word(text, match.start())
        if not (prev.lower() in p.lexicon["cues"]["weekday"] or prev[:1].isupper()):
            return None
    if kind == "day_month":
        return {"day": day, "month": month, "tense": _tense(g.get("q"), p.lexicon)}
    return {"day": day, "month": month, "year": int(g["y"])}


def _month_fields(g: dict, p: DatePatterns) -> dict:
    fields: dict = {"month": p.months[(g.get("mon") or g["mon2"]).lower()]}
    if "y" in g:
        fields["year"] = int(g["y"])
    if g.get("yq"):  # "Mei tahun lalu"
        fields["offset_years"] = _TENSE_YEARS.get(_tense(g["yq"], p.lexicon) or "", 0)
    fields["tense"] = _tense(g.get("q"), p.lexicon)
    return fields


def _weekday_fields(g: dict, wd: str, p: DatePatterns) -> dict | None:
    q = g.get("q")
    if q and q.lower() in p.lexicon["cues"]["day_parts"]:
        return {} if wd[:1].isupper() else None  # "Senin malam", not "senin malam"
    return {"tense": _tense(q, p.lexicon)}


def _year_fields(g: dict, match: re.Match, text: str, p: DatePatterns) -> dict | None:
    year = int(g["y"])
    if not 1800 <= year <= 2199:
        return None
    before = _PREVIOUS_WORD_IN_SENTENCE.search(text[max(0, match.start() - 40) : match.start()])
    if before and before.group(1).isdigit():
        return None  # "UU No 31 Tahun 1999": part of a name (not "… (8/7).\n\nPada 2009")
    nxt = _NEXT_WORD.match(text, match.end())
    if nxt and nxt.group(1).lower() in p.measure_words:
        return None  # "hingga 2000 orang": a count
    return {"year": year}


def _offset_fields(unit: str, shift: int) -> dict:
    if unit in ("day", "week"):
        return {"unit": unit, "offset_days": shift * (7 if unit == "week" else 1)}
    if unit == "month":
        return {"unit": unit, "offset_months": shift}
    return {"unit": unit, "offset_years": shift}


def _relative_sign(n: int | None, unit: str, tense: str | None, prev: str, p: DatePatterns) -> int | None:
    """The direction of "dua tahun lalu", "bulan depan", "tahun ini"; None when the phrase
    is no date: "beberapa tahun lalu", "dua tahun mendatang" (a duration), "hari lalu"."""
    if n is None and (prev in p.vague_words or prev.isdigit()):
        return None  # "beberapa tahun lalu"
    if n is not None and tense != "past":
        return None  # "dua tahun mendatang" reads as a duration
    if n is None and unit == "day" and tense != "present":
        return None  # "hari lalu" without a count
    return _TENSE_SIGN.get(tense, 0)


def _shift_fields(kind: str, g: dict, match: re.Match, text: str, p: DatePatterns) -> dict | None:
    """ "relative" and "offset": how far from the reference (or the anchor), in which unit."""
    lex = p.lexicon
    if "word" in g:  # "kemarin", "hari ini"
        return {"offset_days": lex["day_words"][" ".join(g["word"].lower().split())], "unit": "day"}
    if "single" in g:
        n, unit = 1, lex["single_units"][g["single"].lower()]
    else:
        n = _count(" ".join(g["n"].split()), p) if "n" in g else None
        unit = lex["units"][(g.get("unit") or g["unit2"]).lower()]
    if kind == "offset":
        sign = -1 if g["dir"].lower() in lex["offset"]["after"] else 1
        return None if n is None else _offset_fields(unit, sign * n)
    tense = _tense(g.get("q"), lex)
    sign = _relative_sign(n, unit, tense, _previous_word(text, match.start()).lower(), p)
    if sign is None:
        return None
    return {"tense": tense, **_offset_fields(unit, sign * (1 if n is None else n))}


def mention_fields(kind: str, match: re.Match, text: str, p: DatePatterns) -> dict | None:
    """Fields of a DateMention from a pattern match, or None when it is not a date."""
    g = {k: v for k, v in match.groupdict().items() if v is not None}
    out: dict = {"kind": kind}
    wd = g.get("wd") or g.get("wd2")
    if wd is not None:
        if wd in p.week_words and kind == "weekday":  # lower-case "minggu" is the week
            return None
        out["weekday"] = p.weekdays[wd.lower()]
    if kind in ("absolute", "day_month"):
        fields = _day_fields(kind, g, wd, match, text, p)
    elif kind == "month":
        fields = _month_fields(g, p)
    elif kind == "weekday":
        fields = _weekday_fields(g, wd, p)
    elif kind == "year":
        fields = _year_fields(g, match, text, p)
    else:  # "relative", "offset"
        fields = _shift_fields(kind, g, match, text, p)
    return None if fields is None else {**out, **fields}
