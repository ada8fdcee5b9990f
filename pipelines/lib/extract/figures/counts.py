"""Counts: a number before the noun it counts ("enam produsen", "348 orang penumpang",
"40 kali"), and the scaled measurements given as counts ("107 juta ton")."""

from __future__ import annotations

from pipelines.lib.extract.figures.document import Document
from pipelines.lib.extract.figures.ellipsis import elided_count
from pipelines.lib.extract.figures.figure import Figure, Reading
from pipelines.lib.extract.figures.labels import label_follows, model_after, name_before
from pipelines.lib.extract.figures.noun_phrase import can_head, counted_noun, unit_of
from pipelines.lib.extract.figures.numbers import NumberSpan
from pipelines.lib.extract.figures.qualifiers import qualified, qualifier_before


def _count_unit(doc: Document, sp: NumberSpan) -> tuple[str, int] | None:
    """(unit, index of the token after the unit) for a count, or None."""
    j = sp.last
    if doc.tok(j) is None or not doc.spaced(j - 1, j):
        return None
    headline = doc.headline(sp.start)
    if not can_head(doc, j, headline):
        return None
    phrase = counted_noun(doc, j, headline)
    return unit_of(doc, phrase), phrase[-1] + 1


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
    """ "40 kali", "lima kali": a count of occurrences, not a multiplier ("3 kali lipat")."""
    lex = doc.lexicon
    if not doc.spaced(sp.last - 1, sp.last):
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
    return name_before(doc, sp.first) or model_after(doc, sp.last)


def read_count(
    doc: Document, sp: NumberSpan, following: str | None, label: str | None, year: bool, previous: Figure | None
) -> Figure | None:
    """The count ``sp`` states, given the word after it (``following``), its label word,
    whether it looks like a year and the figure before it in the text (whose noun it may
    share); None when it counts nothing."""
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
        return elided_count(doc, sp, previous)
    unit, last = found
    if label_follows(doc, last - 1):
        return None  # "5 ayat 2": the noun labels the next number
    return qualified(doc, sp, Reading("count", sp.value, unit, sp.start, doc.tokens[last - 1].end, sp.first, last))
