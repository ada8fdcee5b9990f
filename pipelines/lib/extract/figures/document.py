"""A text prepared for figure reading: its tokens, its language's words, and the
questions the rules ask about the tokens' neighbourhood."""

from __future__ import annotations

from pipelines.lib.extract.figures.figure_words import figure_words
from pipelines.lib.extract.figures.number_words import number_words
from pipelines.lib.extract.figures.page_lines import title_case
from pipelines.lib.extract.figures.tokens import Token, tokenize

_SENTENCE_BREAK = set(".!?\"“”‘’'(:;[")


class Document:
    """A text with its tokens and the helpers the rules need."""

    def __init__(self, text: str, language: str):
        self.text = text
        self.language = language
        self.tokens = tokenize(text)
        self.lexicon = figure_words(language)
        self.number_words = number_words(language)
        self._headline_cache: dict[int, bool] = {}

    def tok(self, i: int) -> Token | None:
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def spaced(self, a: int, b: int, max_gap: int = 1) -> bool:
        """Tokens a and b (a < b adjacent) are separated by at most max_gap
        whitespace characters and no line break."""
        gap = self.text[self.tokens[a].end : self.tokens[b].start]
        return len(gap) <= max_gap and gap.strip() == "" and "\n" not in gap

    def match_after(self, i: int, phrases, max_len: int = 4) -> int:
        """Length of the longest phrase (tuple of lowercase tokens) starting at
        token i, its words separated by single spaces; 0 when none."""
        for n in range(max_len, 0, -1):
            if i + n > len(self.tokens):
                continue
            seq = tuple(t.lower for t in self.tokens[i : i + n])
            if seq in phrases and all(self.spaced(k, k + 1) for k in range(i, i + n - 1)):
                return n
        return 0

    def match_before(self, i: int, phrases, max_len: int = 4) -> int:
        """Length of the longest phrase ending right before token i."""
        for n in range(max_len, 0, -1):
            if i - n < 0:
                continue
            seq = tuple(t.lower for t in self.tokens[i - n : i])
            if seq in phrases and all(self.spaced(k, k + 1, 2) for k in range(i - n, i)):
                return n
        return 0

    def sentence_start(self, i: int) -> bool:
        """Token i opens a sentence, a line or a quotation."""
        if i == 0:
            return True
        prev = self.tokens[i - 1]
        if "\n" in self.text[prev.end : self.tokens[i].start]:
            return True
        return prev.kind == "sym" and prev.text in _SENTENCE_BREAK

    def headline(self, pos: int) -> bool:
        """The line around ``pos`` is written in title case (a headline) and does not end as a
        sentence does, with a full stop."""
        line_start = self.text.rfind("\n", 0, pos) + 1
        if line_start in self._headline_cache:
            return self._headline_cache[line_start]
        line_end = self.text.find("\n", pos)
        line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
        result = title_case(line)
        self._headline_cache[line_start] = result
        return result
