"""Find spans enclosed in quotation marks, whatever the style.

Double marks (“ ” „ « » ") delimit quotations. Single marks (‘ ’ ') do so only
at word boundaries, so apostrophes inside words (Ma’ruf, Jum'at) are left
alone; single-quoted spans inside a double-quoted one stay part of it. A mark
left open runs to the end of its paragraph, and a quotation continued in the
next paragraph (which opens with a mark again) is joined to it, provided a
paragraph of the chain closes it: a mark that never closes never reaches past its
paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from pipelines.lib import lexicons
from pipelines.lib.extract.sentences import paragraphs


@dataclass(frozen=True)
class Quoted:
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark, None when left open
    text: str


@cache
def _marks(language: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    data = lexicons.load("quotes", language)
    return data["marks"], data["single_marks"]


def _is_single_open(text: str, i: int) -> bool:
    return (i == 0 or not text[i - 1].isalnum()) and i + 1 < len(text) and text[i + 1].isalnum()


def _is_single_close(text: str, i: int) -> bool:
    return i > 0 and not text[i - 1].isspace() and (i + 1 == len(text) or not text[i + 1].isalnum())


@cache
def _mark_pattern(characters: str) -> re.Pattern:
    return re.compile("[" + re.escape(characters) + "]")


def _scan(text: str, start: int, end: int, marks: dict[str, list[str]], single: bool) -> list[Quoted]:
    """Quoted spans of one paragraph, in one pass over its marks."""
    found: list[Quoted] = []
    every_mark = _mark_pattern("".join(sorted(set(marks) | {c for cs in marks.values() for c in cs})))
    positions = [m.start() for m in every_mark.finditer(text, start, end)]
    k = 0
    while k < len(positions):
        i = positions[k]
        if text[i] in marks and (not single or _is_single_open(text, i)):
            closers = marks[text[i]]
            c = k + 1
            while c < len(positions) and not (
                text[positions[c]] in closers
                and positions[c] > i + 1
                and (not single or _is_single_close(text, positions[c]))
            ):
                c += 1
            if c == len(positions):
                found.append(Quoted(i + 1, end, i, None, text[i + 1 : end]))
                break
            close = positions[c]
            found.append(Quoted(i + 1, close, i, close, text[i + 1 : close]))
            k = c + 1
            continue
        k += 1
    return found


def find_quoted(text: str, language: str = "id") -> list[Quoted]:
    """Quoted spans in reading order, multi-paragraph quotations joined."""
    double, single = _marks(language)
    spans: list[Quoted] = []
    for para in paragraphs(text):
        doubles = _scan(text, para.start, para.end, double, single=False)
        opens = [d.open_at for d in doubles]  # in order, and the spans do not overlap
        singles = [
            q for q in _scan(text, para.start, para.end, single, single=True) if not _inside(doubles, opens, q.open_at)
        ]
        spans.extend(sorted(doubles + singles, key=lambda q: q.open_at))
    return _join_continued(text, spans)


def _inside(spans: list[Quoted], opens: list[int], position: int) -> bool:
    """Is ``position`` inside one of ``spans`` (in order, not overlapping; ``opens`` their open_at)?"""
    k = bisect_left(opens, position) - 1
    return k >= 0 and position < (spans[k].close_at or spans[k].end)


def _join_continued(text: str, spans: list[Quoted]) -> list[Quoted]:
    """Join a quotation left open at a paragraph's end with the span that opens the next
    paragraph, when the chain is closed in the end; a mark that never closes stays in its
    own paragraph."""
    joined: list[Quoted] = []
    k = 0
    while k < len(spans):
        last = k
        while (
            spans[last].close_at is None
            and last + 1 < len(spans)
            and not text[spans[last].end : spans[last + 1].open_at].strip()
        ):
            last += 1
        if last > k and spans[last].close_at is not None:
            first, final = spans[k], spans[last]
            joined.append(Quoted(first.start, final.end, first.open_at, final.close_at, text[first.start : final.end]))
        else:  # no chain, or one that never closes (nor does any part of it)
            joined.extend(spans[k : last + 1])
        k = last + 1
    return joined
