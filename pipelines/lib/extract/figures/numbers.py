"""Read numbers written in Indonesian text: numerals and number words.

``parse_number("1.500")`` is 1500 and ``parse_number("dua puluh lima")`` is 25;
``find_numbers(text)`` lists every number mention with its character offsets.
What the words mean lives in ``lexicon/<language>/numbers.toml``.

Numeral conventions (Indonesian first):

- ``.`` groups thousands and ``,`` marks decimals: "1.500" = 1500, "1,5" = 1.5,
  "1.234,56" = 1234.56.
- A ``.`` followed by other than three digits is a decimal point ("2.5" = 2.5;
  "10.00" in "pukul 10.00" is 10.0, and the figure layer knows it is a clock time).
- A single ``,`` is always decimal ("1,500" = 1.5); only two or more ``,``
  groups ("1,500,000") read as English thousands.
- A whole part of more than ``MAX_DIGITS`` digits is no quantity (a code, an ID, junk)
  and no numeral; every value is a finite float ("1e309" and "9,99e999" are no numerals
  either: the letter glued to the digits makes them codes).

``find_numbers`` leaves out numerals that are parts of names, codes, dates and
times rather than quantities: glued to letters ("Covid-19", "G20", "ke-16",
"A320"), to ``/`` ("15/12", "22/3/2024") or ``:`` ("08:37"), phone-like
(a leading 0 or eight and more bare digits). Letters glued before a numeral
are allowed only when they are a currency code ("Rp4", "USD200").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from pipelines.lib.lexicons import load


class NumberMention(NamedTuple):
    """A number in a text: ``text[start:end] == surface``."""

    start: int
    end: int
    value: float
    surface: str


class Token(NamedTuple):
    text: str
    start: int
    end: int
    kind: str  # "num" (digits), "word" (letters, inner - or '), "sym" (anything else)
    lower: str  # text in lower case, computed once


@dataclass(frozen=True)
class NumberSpan:
    """A number phrase over tokens ``tokens[first:last]`` (``last`` exclusive)."""

    first: int
    last: int
    start: int
    end: int
    value: float
    is_words: bool  # spelt out, no digits ("enam", "dua puluh")
    is_fraction: bool  # a share without a whole part ("setengah", "dua pertiga")
    has_scale: bool  # carries ribu/juta/miliar/... ("150 juta")
    numeral: str | None  # the digits as written, when the phrase starts with digits


_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\S")


def tokenize(text: str) -> list[Token]:
    tokens = []
    for match in _TOKEN_RE.finditer(text):
        s = match.group()
        kind = "num" if s[0].isdigit() else ("word" if s[0].isalpha() else "sym")
        tokens.append(Token(s, match.start(), match.end(), kind, s.lower()))
    return tokens


# --------------------------------------------------------------------- numerals

_THOUSANDS_DOT = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")
_DECIMAL_COMMA = re.compile(r"\d+,\d+")
_DECIMAL_DOT = re.compile(r"\d+\.\d+")
_DIGITS = re.compile(r"\d+")
MAX_DIGITS = 24  # the whole part of a quantity: 10^24 is far beyond any amount in the news


def parse_numeral(s: str) -> float | None:
    """Digits with Indonesian separators to a number; None if not a numeral."""
    value = _numeral_value(s.strip())
    if value is None or not math.isfinite(value) or value >= 10.0**MAX_DIGITS:
        return None
    return value


def _numeral_value(s: str) -> float | None:
    if _DIGITS.fullmatch(s):
        return float(int(s)) if len(s) <= MAX_DIGITS else None
    if _THOUSANDS_DOT.fullmatch(s):
        return float(s.replace(".", "").replace(",", "."))
    if _THOUSANDS_COMMA.fullmatch(s):
        return float(s.replace(",", ""))
    if _DECIMAL_COMMA.fullmatch(s):
        return float(s.replace(",", "."))
    if _DECIMAL_DOT.fullmatch(s):
        return float(s)
    return None


# ------------------------------------------------------------------ the lexicon


@dataclass(frozen=True)
class _Words:
    digits: dict[str, float]
    teen: dict[str, float]
    multipliers: dict[str, float]
    group_words: dict[str, float]
    scales: dict[str, float]
    se_scales: dict[str, float]
    abbreviations: dict[str, float]
    money_abbreviations: dict[str, float]
    money_marks: frozenset[str]
    fractions: dict[str, float]
    denominator_prefix: str
    half: frozenset[str]
    suffixes: tuple[str, ...]
    glue_prefixes: frozenset[str]
    negative_words: frozenset[str]
    negative_signs: frozenset[str]

    def is_number_word(self, word: str) -> bool:
        w = word.lower()
        return (
            w in self.digits
            or w in self.group_words
            or w in self.se_scales
            or w in self.fractions
            or self.denominator(w) is not None
        )

    def denominator(self, word: str) -> float | None:
        """ "pertiga" -> 3 (the number word after the "per" prefix)."""
        p = self.denominator_prefix
        if word.startswith(p) and len(word) > len(p):
            rest = word[len(p) :]
            if rest in self.digits and self.digits[rest] > 1:
                return self.digits[rest]
            if rest in self.group_words:
                return self.group_words[rest]
        return None


@cache
def _words(language: str) -> _Words:
    lex = load("numbers", language)
    return _Words(
        digits={k: float(v) for k, v in lex.get("digits", {}).items()},
        teen={k: float(v) for k, v in lex.get("teen", {}).items()},
        multipliers={k: float(v) for k, v in lex.get("multipliers", {}).items()},
        group_words={k: float(v) for k, v in lex.get("group_words", {}).items()},
        scales={k: float(v) for k, v in lex.get("scales", {}).items()},
        se_scales={k: float(v) for k, v in lex.get("se_scales", {}).items()},
        abbreviations={k: float(v) for k, v in lex.get("abbreviations", {}).items()},
        money_abbreviations={k: float(v) for k, v in lex.get("money_only_abbreviations", {}).items()},
        money_marks=frozenset(m.lower() for m in lex.get("money_marks", {}).get("marks", [])),
        fractions={k: float(v) for k, v in lex.get("fractions", {}).items()},
        denominator_prefix=lex.get("denominator_prefix", {}).get("prefix", "per"),
        half=frozenset(lex.get("half", {}).get("words", [])),
        suffixes=tuple(lex.get("suffixes", {}).get("possessive", [])),
        glue_prefixes=frozenset(p.lower() for p in lex.get("glue", {}).get("prefixes", [])),
        negative_words=frozenset(lex.get("negative", {}).get("words", [])),
        negative_signs=frozenset(lex.get("negative", {}).get("signs", [])),
    )


# ---------------------------------------------------------------- number words


def _strip_suffix(word: str, w: _Words) -> tuple[str, bool]:
    for suffix in w.suffixes:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)], True
    return word, False


def _parse_words(words: list[str], w: _Words) -> tuple[float, int, bool] | None:
    """Longest prefix of ``words`` (lowercase) that is a number phrase.

    Returns (value, words consumed, is_fraction) or None.
    """
    total = 0.0  # sum of completed scale groups
    group = 0.0  # the group below one thousand being built
    small: float | None = None  # a digit waiting for belas/puluh/ratus/scale
    last_scale = float("inf")
    units_done = False  # the ones place of the group is filled
    fraction = False
    best: tuple[float, int, bool] | None = None
    i = 0
    while i < len(words):
        word, suffixed = _strip_suffix(words[i], w)
        if suffixed and not (word in w.fractions or w.denominator(word) is not None):
            break  # only a fraction word takes -nya ("dua pertiganya")
        consumed = 1
        if word in w.digits:
            if small is not None or units_done or fraction:
                break
            small = w.digits[word]
        elif word in w.teen:
            if small is None or group % 100 != 0 or units_done:
                break
            group += small + w.teen[word]
            small, units_done = None, True
        elif word in w.multipliers:
            mult = w.multipliers[word]
            if not small or group % (mult * 10) or units_done:
                break  # "puluh" needs the tens and ones empty, "ratus" the whole group
            group += small * mult
            small = None
        elif word in w.group_words:
            if small is not None or units_done or fraction or group % 1000 >= w.group_words[word]:
                break
            if group and w.group_words[word] >= 100:
                break
            group += w.group_words[word]
            units_done = w.group_words[word] < 100
        elif word in w.scales or word in w.se_scales:
            scale = w.scales.get(word) or w.se_scales[word]
            if word in w.se_scales:
                if small is not None or group or fraction:
                    break
                mult = 1.0
            else:
                mult = group + (small or 0.0)
                if mult == 0:
                    break
            if scale < last_scale:
                total += mult * scale
            else:
                total = (total + mult) * scale
            last_scale = scale
            group, small, units_done, fraction = 0.0, None, False, False
        elif word in w.fractions and not (word in w.half and (small is not None or group)):
            if small is not None or group or total:
                break
            small, fraction = w.fractions[word], True
        elif word in w.half:  # "dua setengah" = 2.5
            if small is None or fraction:
                break
            small += 0.5
        elif (den := w.denominator(word)) is not None:  # "dua pertiga"
            if small is None or group or total or fraction:
                break
            small, fraction = small / den, True
        elif word == w.denominator_prefix and i + 1 < len(words):  # "dua per tiga"
            nxt, nxt_suffixed = _strip_suffix(words[i + 1], w)
            if small is None or group or total or fraction or nxt not in w.digits:
                break
            if w.digits[nxt] <= 1:
                break
            small, fraction = small / w.digits[nxt], True
            consumed, suffixed = 2, nxt_suffixed
        else:
            break
        i += consumed
        value = total + group + (small or 0.0)
        if value or word == "nol":
            best = (value, i, fraction and not total and not group)
        if suffixed:
            break
    return best


# -------------------------------------------------------------------- scanning


def _glued(a: Token, b: Token) -> bool:
    return a.end == b.start


def _numeral_allowed(tokens: list[Token], i: int, w: _Words) -> bool:
    """Is the numeral token ``tokens[i]`` a quantity rather than part of a name,
    code, date, time or phone number?"""
    tok = tokens[i]
    digits = tok.text.replace(".", "").replace(",", "")
    if tok.text.isdigit() and (len(tok.text) >= 8 or (tok.text[0] == "0" and len(tok.text) >= 3)):
        return False  # phone numbers, codes
    if tok.text[0] == "0" and len(digits) > 1 and tok.text[1:2].isdigit():
        return False
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if prev is not None and _glued(prev, tok):
        if prev.kind == "word" and prev.lower not in w.glue_prefixes:
            return False  # "G20", "A320"
        if prev.text in "/:":
            return False  # "15/12", "08:37"
        if prev.text in "-–" and i >= 2 and _glued(tokens[i - 2], prev) and tokens[i - 2].kind == "word":
            return False  # "Covid-19", "ke-16", "Su-35"
    if nxt is not None and _glued(tok, nxt):
        if nxt.text in "/:" and i + 2 < len(tokens) and tokens[i + 2].kind == "num":
            return False
        if nxt.text in "-–" and i + 2 < len(tokens) and _glued(nxt, tokens[i + 2]):
            if tokens[i + 2].kind == "word":
                return False  # "80-an"
        if nxt.kind == "word" and nxt.lower not in w.abbreviations and nxt.text not in w.money_abbreviations:
            return False  # "5G", "3D", "20an", "5km"
    # a chain of numerals joined by hyphens: "10-20" is a range (kept), three or
    # more parts or a leading zero is a phone number or an ISO date (dropped)
    first = last = i
    while (
        first >= 2
        and tokens[first - 1].text in "-–"
        and tokens[first - 2].kind == "num"
        and _glued(tokens[first - 2], tokens[first - 1])
        and _glued(tokens[first - 1], tokens[first])
    ):
        first -= 2
    while (
        last + 2 < len(tokens)
        and tokens[last + 1].text in "-–"
        and tokens[last + 2].kind == "num"
        and _glued(tokens[last], tokens[last + 1])
        and _glued(tokens[last + 1], tokens[last + 2])
    ):
        last += 2
    if last > first:
        parts = [tokens[k].text for k in range(first, last + 1, 2)]
        if len(parts) > 2 or any(p[0] == "0" and len(p) > 1 and p[1].isdigit() for p in parts):
            return False
    return True


def _money_mark_before(tokens: list[Token], i: int, w: _Words) -> bool:
    """Is tokens[i] right after a currency sign such as "Rp" or "US$"?"""
    for n in (1, 2):
        if i - n < 0:
            break
        parts = tokens[i - n : i]
        if any(not _glued(a, b) for a, b in zip(parts, parts[1:])):
            continue
        if tokens[i].start - parts[-1].end > 1:
            continue
        if "".join(t.text for t in parts).lower() in w.money_marks:
            return True
    return False


def _negative_sign_before(tokens: list[Token], i: int, text: str, w: _Words) -> bool:
    """A minus written before the numeral: "-1,7%" (a dash glued to the number
    and not to what comes before it) or the word "minus"."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    if prev.kind == "word":
        return prev.lower in w.negative_words and tokens[i].start - prev.end == 1
    if prev.text not in w.negative_signs or not _glued(prev, tokens[i]):
        return False
    return i < 2 or text[tokens[i - 2].end : prev.start] != "" or tokens[i - 2].text in "(["


_NUMBER_WORD_CACHE: dict[tuple[str, str], bool] = {}


def _starts_number(word: str, language: str) -> bool:
    """``word`` (lower case, possessive suffix allowed) is a number word; remembered per word."""
    key = (language, word)
    known = _NUMBER_WORD_CACHE.get(key)
    if known is None:
        w = _words(language)
        known = _NUMBER_WORD_CACHE[key] = w.is_number_word(_strip_suffix(word, w)[0])
        if len(_NUMBER_WORD_CACHE) > 200_000:
            _NUMBER_WORD_CACHE.clear()
    return known


def scan_numbers(text: str, language: str = "id", tokens: list[Token] | None = None) -> list[NumberSpan]:
    """Every number phrase in ``text`` with its token range and flags."""
    w = _words(language)
    if tokens is None:
        tokens = tokenize(text)
    spans: list[NumberSpan] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if tok.kind == "num":
            if not _numeral_allowed(tokens, i, w):
                i += 1
                continue
            value = parse_numeral(tok.text)
            if value is None:
                i += 1
                continue
            j = i + 1
            has_scale = False
            last_scale = float("inf")
            money = _money_mark_before(tokens, i, w)
            while j < n and tokens[j].kind == "word" and tokens[j].start - tokens[j - 1].end <= 1:
                word = tokens[j].lower
                if "\n" in text[tokens[j - 1].end : tokens[j].start]:
                    break
                scale = w.scales.get(word) or w.abbreviations.get(word) or w.multipliers.get(word)
                if scale is None and money:
                    scale = w.money_abbreviations.get(tokens[j].text)
                if scale is None or scale >= last_scale:
                    break
                value *= scale
                last_scale = scale
                has_scale = True
                j += 1
            first = i
            if _negative_sign_before(tokens, i, text, w):
                first, value = i - 1, -value  # "-1,7%", "minus 2 persen"
            spans.append(
                NumberSpan(first, j, tokens[first].start, tokens[j - 1].end, value, False, False, has_scale, tok.text)
            )
            i = j
            continue
        if tok.kind == "word" and _starts_number(tok.lower, language):
            # collect the run of words separated by single spaces
            j = i
            words = []
            while j < n and tokens[j].kind == "word":
                if j > i and (
                    tokens[j].start - tokens[j - 1].end > 1 or "\n" in text[tokens[j - 1].end : tokens[j].start]
                ):
                    break
                words.append(tokens[j].lower)
                j += 1
                if len(words) >= 12:
                    break
            parsed = _parse_words(words, w)
            if parsed is None:
                i += 1
                continue
            value, used, is_fraction = parsed
            last = i + used
            has_scale = any(wd in w.scales or wd in w.se_scales for wd in words[:used])
            spans.append(
                NumberSpan(i, last, tok.start, tokens[last - 1].end, value, True, is_fraction, has_scale, None)
            )
            i = last
            continue
        i += 1
    return spans


def find_numbers(text: str, language: str = "id") -> list[NumberMention]:
    """Numerals and number-word phrases in ``text``, with their scales.

    >>> find_numbers("naik 1,5 juta dari tiga ratus ribu")
    [NumberMention(start=5, end=13, value=1500000.0, surface='1,5 juta'), NumberMention(start=19, end=34, value=300000.0, surface='tiga ratus ribu')]
    """
    return [NumberMention(s.start, s.end, s.value, text[s.start : s.end]) for s in scan_numbers(text, language)]


def parse_number(surface: str, language: str = "id") -> float | None:
    """The value of one number written out: "1.500" -> 1500, "dua pertiga" -> 0.666...

    The whole surface must be one number (numeral, number words, scales);
    anything else gives None.
    """
    surface = surface.strip()
    if not surface:
        return None
    tokens = tokenize(surface)
    w = _words(language)
    if tokens and tokens[0].kind == "num":
        value = parse_numeral(tokens[0].text)
        if value is None:
            return None
        last_scale = float("inf")
        for tok in tokens[1:]:
            word = tok.lower
            scale = w.scales.get(word) or w.abbreviations.get(word) or w.multipliers.get(word)
            if scale is None:
                scale = w.money_abbreviations.get(tok.text)
            if scale is None or scale >= last_scale:
                return None
            value *= scale
            last_scale = scale
        return value
    if not all(t.kind == "word" for t in tokens):
        return None
    parsed = _parse_words([t.lower for t in tokens], w)
    if parsed is None or parsed[1] != len(tokens):
        return None
    return parsed[0]
