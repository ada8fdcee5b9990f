"""Find spans enclosed in quotation marks, whatever the style.

Double marks (“ ” „ « » ") delimit quotations. Single marks (‘ ’ ') do so only
at word boundaries, so apostrophes inside words (Ma’ruf, Jum'at) are left
alone; single-quoted spans inside a double-quoted one stay part of it. A mark
left open runs to the end of its paragraph, and a quotation continued in the
next paragraph (which opens with a mark again) is joined to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipelines.lib import lexicons
from pipelines.lib.sentences import paragraphs


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
    found: list[Quoted] = []
    every_mark = _mark_pattern("".join(sorted(set(marks) | {c for cs in marks.values() for c in cs})))
    positions = [m.start() for m in every_mark.finditer(text, start, end)]
    k = 0
    while k < len(positions):
        i = positions[k]
        if text[i] in marks and (not single or _is_single_open(text, i)):
            closers = marks[text[i]]
            close = next(
                (
                    j
                    for j in positions[k + 1 :]
                    if text[j] in closers and j > i + 1 and (not single or _is_single_close(text, j))
                ),
                None,
            )
            if close is None:
                found.append(Quoted(i + 1, end, i, None, text[i + 1 : end]))
                break
            found.append(Quoted(i + 1, close, i, close, text[i + 1 : close]))
            k = positions.index(close) + 1
            continue
        k += 1
    return found


def find_quoted(text: str, language: str = "id") -> list[Quoted]:
    """Quoted spans in reading order, multi-paragraph quotations joined."""
    double, single = _marks(language)
    spans: list[Quoted] = []
    for para in paragraphs(text):
        doubles = _scan(text, para.start, para.end, double, single=False)
        singles = [
            q
            for q in _scan(text, para.start, para.end, single, single=True)
            if not any(d.open_at < q.open_at < (d.close_at or d.end) for d in doubles)
        ]
        spans.extend(sorted(doubles + singles, key=lambda q: q.open_at))
    return _join_continued(text, spans)


def _join_continued(text: str, spans: list[Quoted]) -> list[Quoted]:
    joined: list[Quoted] = []
    for span in spans:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.close_at is None
            and re.fullmatch(r"\s*", text[previous.end : span.open_at])
        ):
            joined[-1] = Quoted(
                previous.start, span.end, previous.open_at, span.close_at, text[previous.start : span.end]
            )
        else:
            joined.append(span)
    return joined
