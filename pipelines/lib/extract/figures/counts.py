"""Counts: a number before the noun it counts ("enam produsen", "348 orang penumpang",
"40 kali"), and the scaled measurements given as counts ("107 juta ton")."""

from __future__ import annotations

from pipelines.lib.extract.figures.document import Document
from pipelines.lib.extract.figures.figure import Figure, Reading
from pipelines.lib.extract.figures.figure_words import FigureWords
from pipelines.lib.extract.figures.labels import label_follows, name_before
from pipelines.lib.extract.figures.numbers import NumberSpan
from pipelines.lib.extract.figures.qualifiers import qualified, qualifier_before


def _strip_possessive(word: str, lex: FigureWords) -> str:
    if word in lex.not_possessive:
        return word
    for suffix in lex.possessive_suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _noun_like(doc: Document, i: int, headline: bool) -> bool:
    """Could token i be a counted noun?"""
    t = doc.tok(i)
    if t is None or t.kind != "word":
        return False
    lex = doc.lexicon
    low = t.lower
    base = _strip_possessive(low, lex)
    if low in lex.stopwords or base in lex.stopwords:
        return False
    if doc.number_words.is_number_word(low) or low in lex.months or low in lex.measures:
        return False
    if low in lex.durations or low in lex.time_zones:
        return False
    if len(low) >= lex.verb_min_length and low.startswith(lex.verb_prefixes):
        if low not in lex.verb_exceptions and base not in lex.verb_exceptions:
            return False
    text = t.text
    if text.islower():
        return True
    if text.isupper() and 2 <= len(text) <= 6 and text.isalpha():
        return True  # acronyms: "5 WNI", "3 ABK"
    return headline and text[0].isupper()


def _unit_tokens(doc: Document, j: int, headline: bool) -> list[int]:
    """The tokens of the counted noun starting at token ``j``: the noun after a classifier
    ("orang penumpang" -> "penumpang"), with a second word for a known compound or a
    joining modifier ("nota kesepahaman", "pernyataan bersama")."""
    lex = doc.lexicon
    unit_tokens = [j]
    nxt = doc.tok(j + 1)
    if doc.tokens[j].lower in lex.classifiers and nxt is not None and doc.spaced(j, j + 1):
        if nxt.text.islower() and _noun_like(doc, j + 1, headline) and nxt.lower not in lex.classifiers:
            unit_tokens = [j + 1]
    head = unit_tokens[-1]
    nxt = doc.tok(head + 1)
    if nxt is not None and nxt.kind == "word" and doc.spaced(head, head + 1):
        pair = (doc.tokens[head].lower, nxt.lower)
        if pair in lex.two_word_units or (
            nxt.lower in lex.joining_modifiers and doc.tokens[head].lower not in lex.classifiers
        ):
            unit_tokens.append(head + 1)
    return unit_tokens


def _count_unit(doc: Document, sp: NumberSpan) -> tuple[str, int] | None:
    """(unit, index of the token after the unit) for a count, or None."""
    j = sp.last
    if doc.tok(j) is None or not doc.spaced(j - 1, j):
        return None
    headline = doc.headline(sp.start)
    if not _noun_like(doc, j, headline):
        return None
    unit_tokens = _unit_tokens(doc, j, headline)
    words = [doc.tokens[k].lower for k in unit_tokens]
    words[-1] = _strip_possessive(words[-1], doc.lexicon)
    if len(words) == 1 and doc.tokens[unit_tokens[0]].text.isupper():
        words = [doc.tokens[unit_tokens[0]].text]
    return " ".join(words), unit_tokens[-1] + 1


def _one_with_classifier(doc: Document, sp: NumberSpan) -> bool:
    """ "satu orang tewas" is a count; "salah satu", "satu sama lain", "satu hal" are not."""
    nxt, prev = doc.tok(sp.last), doc.tok(sp.first - 1)
    if nxt is None or nxt.lower not in doc.lexicon.classifiers or not nxt.text.islower():
        return False
    return sp.value == 1 and not (prev is not None and prev.lower in doc.lexicon.one_not_after)


def _measure(doc: Document, sp: NumberSpan) -> Figure | None:
    """A scaled measurement ("107 juta ton") as a count of its measure."""
    lex = doc.lexicon
    if not (lex.scaled_measures_are_counts and sp.has_scale):
        return None
    n = doc.match_after(sp.last, lex.two_word_measures, 2) or 1
    last = sp.last + n
    unit = " ".join(t.lower for t in doc.tokens[sp.last : last])
    start, end = sp.start, doc.tokens[last - 1].end
    return Figure("count", float(sp.value), unit, qualifier_before(doc, sp.first), doc.text[start:end], start, end)


def _times(doc: Document, sp: NumberSpan) -> Figure | None:
    """ "40 kali": a count of occurrences, for numerals only, not "3 kali lipat"."""
    lex = doc.lexicon
    if sp.is_words or not doc.spaced(sp.last - 1, sp.last):
        return None
    after = doc.tok(sp.last + 1)
    if after is not None and after.lower in lex.times_not_before:
        return None
    start, end = sp.start, doc.tokens[sp.last].end
    qualifier = qualifier_before(doc, sp.first)
    return Figure("count", float(sp.value), lex.times_word, qualifier, doc.text[start:end], start, end)


def _counts_nothing(doc: Document, sp: NumberSpan, following: str | None, label: str | None, year: bool) -> bool:
    """The number is a label, a year, part of a name, a small number word in an idiom
    ("salah satu") or the base of a ratio ("setiap 100 orang")."""
    lex = doc.lexicon
    if label is not None or sp.is_fraction:
        return True
    if sp.is_words and sp.value < lex.min_word_value and not _one_with_classifier(doc, sp):
        return True
    if year and following not in lex.classifiers:
        return True
    return name_before(doc, sp.first)


def read_count(doc: Document, sp: NumberSpan, following: str | None, label: str | None, year: bool) -> Figure | None:
    """The count ``sp`` states, given the word after it (``following``), its label word
    and whether it looks like a year; None when it counts nothing."""
    lex = doc.lexicon
    if _counts_nothing(doc, sp, following, label, year):
        return None
    if following in lex.measures:
        return _measure(doc, sp)
    if following == lex.times_word:
        return _times(doc, sp)
    prev = doc.tok(sp.first - 1)
    if prev is not None and prev.lower in lex.count_not_after:
        return None  # "setiap 100 orang": the base of a ratio
    found = _count_unit(doc, sp)
    if found is None:
        return None
    unit, last = found
    if label_follows(doc, last - 1):
        return None  # "5 ayat 2": the noun labels the next number
    return qualified(doc, sp, Reading("count", sp.value, unit, sp.start, doc.tokens[last - 1].end, sp.first, last))
