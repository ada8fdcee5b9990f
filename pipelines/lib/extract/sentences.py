"""Paragraph and sentence spans with exact character offsets.

A sentence is at most ``MAX_SENTENCE`` characters: an open quotation keeps its sentences
together only up to that length (a mark that never closes does not make the rest of the
paragraph one sentence), and a longer run without a full stop is cut at a space. Real
sentences are far shorter; the limit keeps the work per sentence bounded. A full stop after
an abbreviation of ``lexicon/<lang>/sentences.toml`` or an initial ends no sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from pipelines.lib import lexicons


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


PARAGRAPH = re.compile(r"[^\n]+")
# A sentence ends at . ! ? (and any closing quotes/brackets after it) followed by
# whitespace and something that can start a sentence.
BOUNDARY = re.compile(r"(?<=[.!?])([”\"’')\]]*)\s+(?=[A-Z“\"‘'(\[«„0-9])")
OPENING = "“„«"
CLOSING = "”»"


def paragraphs(text: str) -> list[Span]:
    """Every non-empty line is a paragraph (clean bodies separate them by blank lines)."""
    return [Span(m.start(), m.end(), m.group(0)) for m in PARAGRAPH.finditer(text) if m.group(0).strip()]


class _OpenQuotes:
    """Whether a position of a paragraph is inside an open quotation, asked at increasing
    positions: the marks are counted once, not again from the start for every question."""

    def __init__(self, paragraph: str):
        self.paragraph, self.at, self.curly, self.straight = paragraph, 0, 0, 0

    def inside(self, position: int) -> bool:
        if position > self.at:
            part = self.paragraph[self.at : position]
            self.curly += sum(part.count(c) for c in OPENING) - sum(part.count(c) for c in CLOSING)
            self.straight += part.count('"')
            self.at = position
        return self.curly > 0 or self.straight % 2 == 1


ABBREVIATION_REACH = 16  # characters before a full stop that can hold an abbreviation
MAX_SENTENCE = 4000


@cache
def abbreviation_at_end(language: str = "id") -> re.Pattern:
    """An abbreviation or an initial, with its full stop, at the end of the text searched."""
    words = lexicons.load("sentences", language)["abbreviations"]
    return re.compile(r"(?:\b(?:" + "|".join(map(re.escape, words)) + r"|[A-Z])\.)$")


def sentences(text: str, language: str = "id") -> list[Span]:
    """Sentences of every paragraph; a quotation that spans sentences stays whole."""
    abbreviation = abbreviation_at_end(language)
    result: list[Span] = []
    for para in paragraphs(text):
        start = 0
        quotes = _OpenQuotes(para.text)
        for match in BOUNDARY.finditer(para.text):
            lo = max(start, match.start() - ABBREVIATION_REACH)
            if abbreviation.search(para.text, lo, match.start()):
                continue
            if quotes.inside(match.end(1)) and match.start() - start < MAX_SENTENCE:
                continue
            if para.text[start : match.start()].strip():
                result += _cut(text, para.start + start, para.start + match.end(1))
            start = match.end()
        if para.text[start:].strip():
            result += _cut(text, para.start + start, para.end)
    return result


def _cut(text: str, start: int, end: int) -> list[Span]:
    """``text[start:end]`` as one sentence, or in pieces of at most MAX_SENTENCE cut at spaces."""
    pieces = []
    while end - start > MAX_SENTENCE:
        space = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = space + 1 if space > start else start + MAX_SENTENCE
        if text[start:cut].strip():
            pieces.append(_span(text, start, cut))
        start = cut
    if text[start:end].strip():
        pieces.append(_span(text, start, end))
    return pieces


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
