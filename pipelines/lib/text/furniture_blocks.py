"""Runs of lines that are not the article though no single line of them says so: a list of
headlines each with its timestamp or counter, a widget of counters, and a second article
appended after the body.

- A headline list: two or more items in a row, an item being a headline-shaped line (no
  sentence end) followed by a stamp line ("2 jam lalu", "21/05/2024, 08:10 WIB", "12.345
  views"), or a headline with the stamp glued to its end ("Harga Gabah Turun 2 jam lalu").
  A rank number or a short label ("1", "NASIONAL") may stand between items. Items may also
  put the stamp first when it has a clock time, an age or a count ("10:15 WIB", then the
  headline); a list of dates, each followed by an event, is an agenda and stays.
- A counter widget: three or more lines in a row of at most two words each, half of them with a
  digit ("Senang12", "2.310", "Suka", "148").
- A second article: after a sentence of the article, a paragraph opening with an outlet dateline
  under a headline (with at most a date or byline line between), or opening with the same outlet
  dateline the article opened with. Everything from its headline on is removed.
"""

from __future__ import annotations

import re

from pipelines.lib.text.datelines import find_dateline
from pipelines.lib.text.furniture_rules import FurnitureRules
from pipelines.lib.text.line_kinds import is_date_line
from pipelines.lib.text.lines import ends_sentence, is_sentence, words

STAMP_MARK = re.compile(r"[^\W\d_]|\d[/:-]\d")  # in a date: a month, weekday or zone, or a date or time separator
DIGIT = re.compile(r"\d")  # every stamp has one
CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
MAX_STAMP_WORDS = 6
MIN_ITEMS = 2
MIN_COUNTER_LINES = 3
HEADLINE_GAP = 3  # lines a second article's headline may stand above its dateline


def is_stamp(line: str, r: FurnitureRules) -> bool:
    """A timestamp, relative age or counter line ("2 jam lalu", "21/05/2024, 08:10", "12.345 views");
    a bare decimal ("225.86 -1.4%", a price) is none."""
    if not DIGIT.search(line):
        return False
    if r.counter.match(line):
        return True
    if not is_date_line(line, r):
        return False
    return bool(r.relative_age.search(line)) or any(STAMP_MARK.search(m.group(0)) for m in r.date.finditer(line))


def is_headline_shaped(line: str) -> bool:
    """3 to 25 words and no sentence end (sentence case or Title Case)."""
    return 3 <= len(words(line)) <= 25 and not ends_sentence(line)


def stamped_headline(line: str, r: FurnitureRules) -> bool:
    """A headline with a stamp glued to its end ("Banjir Rob Genangi Pesisir 2 jam lalu")."""
    if ends_sentence(line) or not DIGIT.search(line[-40:]) or len(words(line)) > 30:
        return False
    tokens = line.split()
    for k in range(len(tokens) - 1, max(0, len(tokens) - MAX_STAMP_WORDS) - 1, -1):
        if is_stamp(" ".join(tokens[k:]), r) and is_headline_shaped(" ".join(tokens[:k])):
            return True
    return False


def _is_rank(line: str) -> bool:
    return line.strip(" .#").isdigit() and len(line) <= 4


def _is_label(line: str) -> bool:
    """A rank number or a short label between items ("3", "NASIONAL", "Sepak Bola")."""
    return _is_rank(line) or (len(words(line)) <= 2 and not ends_sentence(line))


def is_news_stamp(line: str, r: FurnitureRules) -> bool:
    """A stamp with a clock time, a relative age or a count: what a headline list puts first;
    a bare date first is an agenda's."""
    return is_stamp(line, r) and bool(CLOCK.search(line) or r.relative_age.search(line) or r.counter.match(line))


def list_items(lines: list[str], r: FurnitureRules, stamp_first: bool = False) -> list[tuple[int, int]]:
    """(first, last) line index of each headline-and-stamp item, in order: a headline then its
    stamp, or glued together; with ``stamp_first`` a news stamp then its headline."""
    items, i = [], 0
    while i < len(lines):
        head, stamp = (i + 1, i) if stamp_first else (i, i + 1)
        if i + 1 < len(lines) and is_headline_shaped(lines[head]) and is_stamp(lines[stamp], r):
            if not stamp_first or is_news_stamp(lines[stamp], r):
                items.append((i, i + 1))
                i += 2
                continue
        if not stamp_first and stamped_headline(lines[i], r):
            items.append((i, i))
        i += 1
    return items


def headline_list_lines(lines: list[str], r: FurnitureRules) -> set[int]:
    """Indices of the lines of headline lists (runs of ``MIN_ITEMS`` items or more, a rank or
    a short label allowed between items)."""
    out: set[int] = set()
    for stamp_first in (False, True):
        for run in _runs(list_items(lines, r, stamp_first), lines):
            start = run[0][0]
            if len(run) < MIN_ITEMS or (not stamp_first and start > 0 and is_stamp(lines[start - 1], r)):
                continue  # one item, or an agenda (a date, then its event)
            first = start - 1 if start > 0 and _is_rank(lines[start - 1]) else start
            out.update(range(first, run[-1][1] + 1))
    return out


def _runs(items: list[tuple[int, int]], lines: list[str]) -> list[list[tuple[int, int]]]:
    """Items grouped into runs: at most one rank or label line between neighbours."""
    runs: list[list[tuple[int, int]]] = []
    for item in items:
        between = lines[runs[-1][-1][1] + 1 : item[0]] if runs else []
        if runs and len(between) <= 1 and all(_is_label(x) for x in between):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def counter_lines(lines: list[str]) -> set[int]:
    """Indices of the lines of counter widgets."""
    out: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, "a b c"]):
        if len(words(line)) <= 2 and not ends_sentence(line) and i < len(lines):
            run.append(i)
            continue
        if len(run) >= MIN_COUNTER_LINES and 2 * sum(any(c.isdigit() for c in lines[j]) for j in run) >= len(run):
            out.update(run)
        run = []
    return out


def second_article_start(lines: list[str], r: FurnitureRules) -> int | None:
    """The index where a second article starts (its headline, else its dateline), if any."""
    first_outlet = None
    seen_sentence = False
    for j, line in enumerate(lines):
        m = outlet_dateline(line, r)
        if m and seen_sentence:
            outlet = m.groupdict().get("outlet")
            if outlet and first_outlet and outlet.lower() == first_outlet.lower():
                return _headline_above(lines, j, r) or j
            if (h := _headline_above(lines, j, r)) is not None:
                return h
        if m and not seen_sentence:
            first_outlet = m.groupdict().get("outlet")
        seen_sentence = seen_sentence or is_sentence(line, 8)
    return None


def outlet_dateline(line: str, r: FurnitureRules) -> re.Match | None:
    """A dateline naming an outlet ("MAKASSAR, Warta Selatan -") or an all-caps place ("KUPANG -")."""
    m = find_dateline(line, r)
    place = (m.groupdict().get("place") or "") if m else ""
    return m if m and (m.groupdict().get("outlet") or (place.isupper() and len(place) >= 4)) else None


def _headline_above(lines: list[str], j: int, r: FurnitureRules) -> int | None:
    """The headline line within ``HEADLINE_GAP`` lines above ``j``, the lines between being stamps or short."""
    for h in range(j - 1, max(-1, j - 1 - HEADLINE_GAP), -1):
        if is_stamp(lines[h], r) or (len(words(lines[h])) <= 4 and not ends_sentence(lines[h])):
            continue
        return h if is_headline_shaped(lines[h]) else None
    return None
