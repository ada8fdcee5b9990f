"""Find the numbers of a text: numerals ("1,5 juta", "Rp4 miliar") and number words
("tiga ratus ribu", "dua pertiganya"), each a :class:`NumberSpan` over the tokens.

``scan_numbers`` leaves out numerals that are parts of names, codes, dates and
times rather than quantities: glued to letters ("Covid-19", "G20", "ke-16",
"A320"), to ``/`` ("15/12", "22/3/2024") or ``:`` ("08:37"), phone-like
(a leading 0 or eight and more bare digits). Letters glued before a numeral
are allowed only when they are a currency code ("Rp4", "USD200"); a letter glued
after the digits makes them a code too ("1e309", "9,99e999").
"""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.lib.extract.figures.number_words import NumberWords, number_words, parse_number_words
from pipelines.lib.extract.figures.numerals import parse_numeral
from pipelines.lib.extract.figures.tokens import Token, glued, tokenize

_DASHES = "-–"
_MAX_PHRASE_WORDS = 12


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


# ------------------------------------------------------- numerals that are no quantity


def _code_like(tok: Token) -> bool:
    """Phone numbers and codes: eight and more bare digits, or a leading zero."""
    if tok.text.isdigit() and (len(tok.text) >= 8 or (tok.text[0] == "0" and len(tok.text) >= 3)):
        return True
    digits = tok.text.replace(".", "").replace(",", "")
    return tok.text[0] == "0" and len(digits) > 1 and tok.text[1:2].isdigit()


def _glued_before(tokens: list[Token], i: int, w: NumberWords) -> bool:
    """A name, date or time glued before the numeral: "G20", "15/12", "Covid-19"."""
    tok = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    if prev is None or not glued(prev, tok):
        return False
    if prev.kind == "word" and prev.lower not in w.glue_prefixes:
        return True  # "G20", "A320"
    if prev.text in "/:":
        return True  # "15/12", "08:37"
    # "Covid-19", "ke-16", "Su-35"
    return prev.text in _DASHES and i >= 2 and glued(tokens[i - 2], prev) and tokens[i - 2].kind == "word"


def _glued_after(tokens: list[Token], i: int, w: NumberWords) -> bool:
    """A date, decade or code glued after the numeral: "15/12", "80-an", "5G", "5km"."""
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or not glued(tok, nxt):
        return False
    if nxt.text in "/:" and i + 2 < len(tokens) and tokens[i + 2].kind == "num":
        return True
    if nxt.text in _DASHES and i + 2 < len(tokens) and glued(nxt, tokens[i + 2]) and tokens[i + 2].kind == "word":
        return True  # "80-an"
    return nxt.kind == "word" and nxt.lower not in w.abbreviations and nxt.text not in w.money_abbreviations


def _dash_linked(tokens: list[Token], a: int, b: int) -> bool:
    """Numerals ``a`` and ``b`` = ``a`` + 2 are joined by a dash with no spaces: "10-20"."""
    return (
        tokens[a + 1].text in _DASHES
        and tokens[a].kind == "num"
        and tokens[b].kind == "num"
        and glued(tokens[a], tokens[a + 1])
        and glued(tokens[a + 1], tokens[b])
    )


def _in_code_chain(tokens: list[Token], i: int) -> bool:
    """A chain of numerals joined by dashes: "10-20" is a range (kept), three or more parts
    or a leading zero is a phone number or an ISO date ("0812-3456-7890", "2021-12-15")."""
    first = last = i
    while first >= 2 and _dash_linked(tokens, first - 2, first):
        first -= 2
    while last + 2 < len(tokens) and _dash_linked(tokens, last, last + 2):
        last += 2
    if last == first:
        return False
    parts = [tokens[k].text for k in range(first, last + 1, 2)]
    return len(parts) > 2 or any(p[0] == "0" and len(p) > 1 and p[1].isdigit() for p in parts)


def _numeral_allowed(tokens: list[Token], i: int, w: NumberWords) -> bool:
    """Is the numeral token ``tokens[i]`` a quantity rather than part of a name,
    code, date, time or phone number?"""
    return not (
        _code_like(tokens[i]) or _glued_before(tokens, i, w) or _glued_after(tokens, i, w) or _in_code_chain(tokens, i)
    )


# ------------------------------------------------------------ what surrounds a numeral


def _money_mark_before(tokens: list[Token], i: int, w: NumberWords) -> bool:
    """Is tokens[i] right after a currency sign such as "Rp" or "US$"?"""
    for n in (1, 2):
        if i - n < 0:
            break
        parts = tokens[i - n : i]
        if any(not glued(a, b) for a, b in zip(parts, parts[1:])):
            continue
        if tokens[i].start - parts[-1].end > 1:
            continue
        if "".join(t.text for t in parts).lower() in w.money_marks:
            return True
    return False


def _negative_sign_before(tokens: list[Token], i: int, text: str, w: NumberWords) -> bool:
    """A minus written before the numeral: "-1,7%" (a dash glued to the number
    and not to what comes before it) or the word "minus"."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    if prev.kind == "word":
        return prev.lower in w.negative_words and tokens[i].start - prev.end == 1
    if prev.text not in w.negative_signs or not glued(prev, tokens[i]):
        return False
    return i < 2 or text[tokens[i - 2].end : prev.start] != "" or tokens[i - 2].text in "(["


def _scaled(text: str, tokens: list[Token], i: int, value: float, w: NumberWords) -> tuple[float, int, bool]:
    """The numeral ``tokens[i]`` times the scale words right after it ("1,5 juta", "10jt",
    "Rp5 M"): (value, index after the last scale word, whether there was one)."""
    j = i + 1
    has_scale = False
    last_scale = float("inf")
    money = _money_mark_before(tokens, i, w)
    while j < len(tokens) and tokens[j].kind == "word" and tokens[j].start - tokens[j - 1].end <= 1:
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
    return value, j, has_scale


# ------------------------------------------------------------------------ the spans


def _numeral_span(text: str, tokens: list[Token], i: int, w: NumberWords) -> NumberSpan | None:
    tok = tokens[i]
    if not _numeral_allowed(tokens, i, w):
        return None
    value = parse_numeral(tok.text)
    if value is None:
        return None
    value, last, has_scale = _scaled(text, tokens, i, value, w)
    first = i
    if _negative_sign_before(tokens, i, text, w):
        first, value = i - 1, -value  # "-1,7%", "minus 2 persen"
    return NumberSpan(first, last, tokens[first].start, tokens[last - 1].end, value, False, False, has_scale, tok.text)


def _word_run(text: str, tokens: list[Token], i: int) -> list[str]:
    """The words from ``tokens[i]`` on, lower case, while single spaces separate them."""
    words = []
    j = i
    while j < len(tokens) and tokens[j].kind == "word":
        if j > i and (tokens[j].start - tokens[j - 1].end > 1 or "\n" in text[tokens[j - 1].end : tokens[j].start]):
            break
        words.append(tokens[j].lower)
        j += 1
        if len(words) >= _MAX_PHRASE_WORDS:
            break
    return words


def _words_span(text: str, tokens: list[Token], i: int, w: NumberWords) -> NumberSpan | None:
    words = _word_run(text, tokens, i)
    parsed = parse_number_words(words, w)
    if parsed is None:
        return None
    value, used, is_fraction = parsed
    last = i + used
    has_scale = any(word in w.scales or word in w.se_scales for word in words[:used])
    return NumberSpan(i, last, tokens[i].start, tokens[last - 1].end, value, True, is_fraction, has_scale, None)


_NUMBER_WORD_CACHE: dict[tuple[str, str], bool] = {}


def _starts_number(word: str, language: str) -> bool:
    """``word`` (lower case, possessive suffix allowed) is a number word; remembered per word."""
    key = (language, word)
    known = _NUMBER_WORD_CACHE.get(key)
    if known is None:
        w = number_words(language)
        known = _NUMBER_WORD_CACHE[key] = w.is_number_word(w.strip_suffix(word)[0])
        if len(_NUMBER_WORD_CACHE) > 200_000:
            _NUMBER_WORD_CACHE.clear()
    return known


def scan_numbers(text: str, language: str = "id", tokens: list[Token] | None = None) -> list[NumberSpan]:
    """Every number phrase in ``text`` with its token range and flags."""
    w = number_words(language)
    if tokens is None:
        tokens = tokenize(text)
    spans: list[NumberSpan] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        span = None
        if tok.kind == "num":
            span = _numeral_span(text, tokens, i, w)
        elif tok.kind == "word" and _starts_number(tok.lower, language):
            span = _words_span(text, tokens, i, w)
        if span is None:
            i += 1
        else:
            spans.append(span)
            i = span.last
    return spans
