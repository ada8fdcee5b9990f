"""Split a text into the tokens number and figure reading work on: digit runs, words, symbols."""

from __future__ import annotations

import re
from typing import NamedTuple


class Token(NamedTuple):
    text: str
    start: int
    end: int
    kind: str  # "num" (digits), "word" (letters, inner - or '), "sym" (anything else)
    lower: str  # text in lower case, computed once


_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\S")


def tokenize(text: str) -> list[Token]:
    tokens = []
    for match in _TOKEN_RE.finditer(text):
        s = match.group()
        kind = "num" if s[0].isdigit() else ("word" if s[0].isalpha() else "sym")
        tokens.append(Token(s, match.start(), match.end(), kind, s.lower()))
    return tokens


def glued(a: Token, b: Token) -> bool:
    """``b`` follows ``a`` with nothing in between."""
    return a.end == b.start
