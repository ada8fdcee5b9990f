"""Lines of a body that are page furniture rather than article text, for figures: counters
("5.713 views", "Dibaca 1.093 kali"), timestamps ("2 jam lalu", "10:00 WIB") and the lists of
headlines they come with. Their numbers are no figures.

A line is read by its shape:

- a **stamp** is a short line that is not a sentence and holds a counter, a timestamp or a
  date written in digits;
- a **title** is a line in title case that does not end with a full stop (``title_case``);
- a line that is not a sentence and holds a counter is furniture whatever its length (a
  "most viewed" block flattened into one line).

Every line of a run of stamps and titles (consecutive non-empty lines) is furniture when the
run holds a stamp, a title carrying a counter or timestamp, or at least ``min_titles``
headline-length titles. A lone title between paragraphs (a subhead) is article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipelines.lib.extract.figures.figure_words import figure_words
from pipelines.lib.lexicons import load, one_of

_CLOSING = " \"'”’)"
_NUMBER = r"(?<![\d.,])\d[\d.,]*+"  # from its first digit, taken whole: no backtracking on long digit runs


def title_case(line: str) -> bool:
    """``line`` is written in title case, as headlines are, and does not end with a full stop."""
    if len(line) > 250 or line.rstrip(_CLOSING).endswith("."):
        return False
    words = [w for w in line.split() if len(w) >= 4 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.6


@dataclass(frozen=True)
class _Shapes:
    marks: re.Pattern  # a counter or a timestamp
    stamp_max_words: int
    title_min_words: int
    min_titles: int


def _phrases(words: list[str]) -> str:
    return one_of([r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True)])


@cache
def _shapes(language: str) -> _Shapes:
    lex = figure_words(language)
    data = load("figures", language).get("page_furniture", {})
    counter_after = _phrases(data.get("counters_after", []))
    counter_before = _phrases(data.get("counters_before", []))
    durations = _phrases(list(lex.durations))
    ago = _phrases([" ".join(p) for p in lex.relative_time_after])
    zones = _phrases(list(lex.time_zones))
    marks = [
        rf"{_NUMBER}\s*{counter_after}(?![^\W\d_])",  # "5.713 views"
        rf"(?<![^\W\d_]){counter_before}\s*:?\s*{_NUMBER}",  # "Dibaca 1.093 kali", "Komentar: 12"
        rf"{_NUMBER}\s+{durations}\s+{ago}(?![^\W\d_])",  # "2 jam lalu"
        rf"\d{{1,2}}[:.]\d{{2}}\s*{zones}(?![^\W\d_])",  # "10:00 WIB"
        r"(?<!\d)\d{1,2}/\d{1,2}/\d{2,4}(?!\d)",  # "12/02/2024"
    ]
    return _Shapes(
        re.compile("|".join(marks), re.IGNORECASE),
        int(data.get("stamp_max_words", 8)),
        int(data.get("title_min_words", 5)),
        int(data.get("min_titles", 3)),
    )


def _kind(line: str, shapes: _Shapes) -> str:
    """ "stamp", "marked" (furniture by itself), "marked title", "title" or "text"."""
    end = line.rstrip(_CLOSING)[-1:]
    if end == ".":
        return "text"  # a sentence, and no title
    marked = end not in ("", "!", "?") and shapes.marks.search(line) is not None
    if marked and len(line.split()) <= shapes.stamp_max_words:
        return "stamp"
    if title_case(line):
        if marked:
            return "marked title"
        return "title" if len(line.split()) >= shapes.title_min_words else "short title"
    return "marked" if marked else "text"


def _runs(kinds: list[str]) -> list[list[int]]:
    """Runs of consecutive lines that are stamps or titles."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, kind in enumerate(kinds):
        if kind in ("text", "marked"):
            if current:
                runs.append(current)
            current = []
        else:
            current.append(i)
    if current:
        runs.append(current)
    return runs


def _furniture_run(run: list[int], kinds: list[str], shapes: _Shapes) -> bool:
    found = [kinds[i] for i in run]
    return "stamp" in found or "marked title" in found or found.count("title") >= shapes.min_titles


def furniture_lines(lines: list[str], language: str = "id") -> set[int]:
    """The indexes of the non-empty ``lines`` (a body's lines, in order, empty ones left out)
    that are page furniture."""
    shapes = _shapes(language)
    kinds = [_kind(line, shapes) for line in lines]
    found = {i for i, kind in enumerate(kinds) if kind in ("stamp", "marked")}
    for run in _runs(kinds):
        if _furniture_run(run, kinds, shapes):
            found.update(run)
    return found
