"""Shapes of one line of text (a line is a paragraph): its words, and whether it reads as a
sentence, a headline or an item of a tag list. No lexicon: these hold in any language."""

from __future__ import annotations

import re
from functools import lru_cache

DASH = r"\s*[-–—]+\s*"
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
SENTENCE_END = re.compile(r"[.?!…\"”’'»)]\s*$")
HEADLINE_END = re.compile(r"[.,;:…\"”’'»)]\s*$")  # a headline closes without a stop or comma
TAG_LINE = re.compile(r"[a-z][a-z0-9-]*(?: [a-z0-9][a-z0-9-]*){0,3}")


def normalise(line: str) -> str:
    """One line, whitespace collapsed, table pipes dropped."""
    return re.sub(r"[\s|\u00a0\u200b]+", " ", line).strip()


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[str, ...]:
    """The words of ``text`` (cached: the cleaning asks about the same lines many times)."""
    return tuple(WORD.findall(text))


def ends_sentence(line: str) -> bool:
    """The line closes with a sentence end (. ? ! … or a closing quote or bracket)."""
    return bool(SENTENCE_END.search(line))


def is_sentence(line: str, min_words: int = 6) -> bool:
    """Sentence-shaped: enough words and a sentence end (. ? ! or a closing quote)."""
    return len(words(line)) >= min_words and ends_sentence(line)


def is_headline(line: str) -> bool:
    """Headline-shaped: 4 to 20 words, no closing full stop, most words capitalised
    ("Harga Cabai Naik Jelang Lebaran, Pedagang Mengeluh")."""
    ws = words(line)
    if not 4 <= len(ws) <= 20 or HEADLINE_END.search(line):
        return False
    return 2 * sum(w[0].isupper() or w[0].isdigit() for w in ws) > len(ws) + 1


def is_tag_line(line: str) -> bool:
    """A short all-lowercase line without a sentence end: an item of a tag list."""
    return bool(TAG_LINE.fullmatch(line))
