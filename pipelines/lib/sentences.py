"""Paragraph and sentence spans with exact character offsets."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


PARAGRAPH = re.compile(r"[^\n]+")
# A sentence ends at . ! ? (and any closing quotes/brackets after it) followed by
# whitespace and something that can start a sentence.
BOUNDARY = re.compile(r"(?<=[.!?])([”\"’')\]]*)\s+(?=[A-Z“\"‘'(\[«„0-9])")
ABBREVIATIONS = re.compile(
    r"(?:\b(?:dr|Dr|Prof|prof|Ir|H|Hj|St|No|no|Jl|Kol|Jend|Brigjen|Mayjen|Letjen|Bpk|Sdr|dkk|dll|dsb|tsb|a\.n|u\.p|Tbk|Co|Inc|Ltd|vs|[A-Z])\.)$"
)
OPENING = "“„«"
CLOSING = "”»"


def paragraphs(text: str) -> list[Span]:
    """Every non-empty line is a paragraph (clean bodies separate them by blank lines)."""
    return [Span(m.start(), m.end(), m.group(0)) for m in PARAGRAPH.finditer(text) if m.group(0).strip()]


def _inside_open_quote(paragraph: str, position: int) -> bool:
    before = paragraph[:position]
    curly = sum(before.count(c) for c in OPENING) - sum(before.count(c) for c in CLOSING)
    return curly > 0 or before.count('"') % 2 == 1


def sentences(text: str) -> list[Span]:
    """Sentences of every paragraph; a quotation that spans sentences stays whole."""
    result: list[Span] = []
    for para in paragraphs(text):
        start = 0
        for match in BOUNDARY.finditer(para.text):
            head = para.text[start : match.start()]
            if ABBREVIATIONS.search(head) or _inside_open_quote(para.text, match.end(1)):
                continue
            if head.strip():
                result.append(_span(text, para.start + start, para.start + match.end(1)))
            start = match.end()
        if para.text[start:].strip():
            result.append(_span(text, para.start + start, para.end))
    return result


def _span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


def sentence_at(spans: list[Span], position: int) -> Span | None:
    """The sentence (of ``spans``, in text order) that holds ``position``."""
    i = bisect_right(spans, position, key=lambda span: span.start) - 1
    return spans[i] if i >= 0 and position < spans[i].end else None
