"""The noun phrase a count counts: its head noun, after a classifier ("348 orang penumpang"
-> "penumpang"), and the words that describe it ("dua unit mobil dinas milik pemda" ->
"mobil dinas"), ending at a function word, an adverb, a predicate, a verb, a name,
punctuation or a possessive ("tiga pertemuannya" -> "pertemuan")."""

from __future__ import annotations

from pipelines.lib.extract.figures.document import Document
from pipelines.lib.extract.figures.figure_words import FigureWords

_CODE_GLUE = set("-–/")


def strip_possessive(word: str, lex: FigureWords) -> str:
    """``word`` without a possessive suffix ("pertemuannya" -> "pertemuan"), unless the letters belong to it."""
    if word in lex.not_possessive:
        return word
    for suffix in lex.possessive_suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _acronym(text: str) -> bool:
    return text.isupper() and 2 <= len(text) <= 6 and text.isalpha()


def _word_of_a_noun_phrase(doc: Document, i: int, headline: bool) -> bool:
    """Token i is a word that a noun phrase may hold: not a function word, adverb, predicate,
    number word, month, measure, time unit or prefixed verb; lower case, an acronym ("5 WNI"),
    or capitalized in a title-case headline."""
    t = doc.tok(i)
    if t is None or t.kind != "word":
        return False
    lex = doc.lexicon
    low = t.lower
    base = strip_possessive(low, lex)
    if low in lex.phrase_stops or base in lex.phrase_stops:
        return False
    if doc.number_words.is_number_word(low) or low in lex.months or low in lex.measures:
        return False
    if low in lex.durations or low in lex.time_zones:
        return False
    if len(low) >= lex.verb_min_length and low.startswith(lex.verb_prefixes):
        if low not in lex.verb_exceptions and base not in lex.verb_exceptions:
            return False
    text = t.text
    return text.islower() or _acronym(text) or (headline and text[0].isupper())


def can_head(doc: Document, i: int, headline: bool) -> bool:
    """Could token i be the counted noun itself (not only describe it)?"""
    t = doc.tok(i)
    if t is None or t.lower in doc.lexicon.stopwords:
        return False
    return strip_possessive(t.lower, doc.lexicon) not in doc.lexicon.stopwords and _word_of_a_noun_phrase(
        doc, i, headline
    )


def _part_of_a_code(doc: Document, i: int) -> bool:
    """Token i is glued to what follows it: a dash, a slash, a digit or a letter ("AK-56")."""
    nxt = doc.tok(i + 1)
    if nxt is None or nxt.start != doc.tokens[i].end:
        return False
    return nxt.kind != "sym" or nxt.text in _CODE_GLUE


def _describes(doc: Document, i: int) -> bool:
    """Token i continues the noun phrase before it. In a title-case headline, where verbs and
    names are capitalized too, only a lower-case word or an acronym does."""
    if doc.tok(i) is None or not doc.spaced(i - 1, i):
        return False
    if not _word_of_a_noun_phrase(doc, i, False) or _part_of_a_code(doc, i):
        return False
    if doc.tokens[i].lower in doc.lexicon.phrase_enders:
        return False
    if doc.tokens[i].lower not in doc.lexicon.adverb_or_modifier:
        return True
    nxt = doc.tok(i + 1)  # "mobil baru." describes; "warga baru tiba" does not
    if nxt is None or nxt.kind != "word" or not doc.spaced(i, i + 1):
        return True
    return nxt.lower in doc.lexicon.phrase_function_words


def _head(doc: Document, j: int, headline: bool) -> int:
    """The head noun from token ``j`` on: the noun after a classifier, else ``j``."""
    lex = doc.lexicon
    nxt = doc.tok(j + 1)
    if doc.tokens[j].lower in lex.classifiers and nxt is not None and doc.spaced(j, j + 1):
        if (doc.tokens[j].lower, nxt.lower) in lex.two_word_units:
            return j  # "50 kepala keluarga"
        if nxt.text.islower() and can_head(doc, j + 1, headline) and nxt.lower not in lex.classifiers:
            return j + 1
    return j


def _joins(doc: Document, last: int) -> bool:
    """The word after token ``last`` belongs to it whatever it is: a known compound ("kerja
    sama", "nota kesepahaman") or a joining modifier ("pernyataan bersama")."""
    nxt = doc.tok(last + 1)
    if nxt is None or nxt.kind != "word" or not doc.spaced(last, last + 1):
        return False
    lex = doc.lexicon
    word = doc.tokens[last].lower
    return (word, nxt.lower) in lex.two_word_units or (
        nxt.lower in lex.joining_modifiers and word not in lex.classifiers
    )


def _possessed(doc: Document, i: int) -> bool:
    low = doc.tokens[i].lower
    return strip_possessive(low, doc.lexicon) != low


def counted_noun(doc: Document, j: int, headline: bool) -> list[int]:
    """The tokens of the counted noun phrase starting at token ``j`` (a word that can head it)."""
    phrase = [_head(doc, j, headline)]
    while len(phrase) < doc.lexicon.phrase_max_words and not _possessed(doc, phrase[-1]):
        nxt = phrase[-1] + 1
        if not (_joins(doc, phrase[-1]) or _describes(doc, nxt)):
            break
        phrase.append(nxt)
    return phrase


def unit_of(doc: Document, phrase: list[int]) -> str:
    """The unit a count records: the phrase's words in lower case (acronyms as written), without
    the possessive suffix of its last word."""
    words = [doc.tokens[k].text if _acronym(doc.tokens[k].text) else doc.tokens[k].lower for k in phrase]
    words[-1] = strip_possessive(words[-1], doc.lexicon) if words[-1].islower() else words[-1]
    return " ".join(words)
