"""The subject of a sentence: who it is about, named before its first verb (``people.toml``, ``[subject]``).

"Rina Kusumawati, pemilik warung di Pasar Baru, mengeluhkan …" is about Rina Kusumawati; "Pada Maret lalu,
Tokopedia mengatakan …" about Tokopedia (an opening adjunct is passed over); "Kakak Dimas Hakim ini jatuh
cinta …" about someone already named, not Dimas Hakim (a demonstrative ends the subject); a name after a
preposition ("datang dari Laura Smith") is never the subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipelines.lib import lexicons
from pipelines.lib.lexicons import one_of

WORD = re.compile(r"[^\s,;:]+|[,;:]")
OPENING_MARKS = "“\"‘'«„"


@dataclass(frozen=True)
class SubjectWords:
    verb: re.Pattern
    not_verbs: frozenset[str]
    predicate_words: frozenset[str]
    prepositions: frozenset[str]
    demonstratives: frozenset[str]
    openers: frozenset[str]  # words that open a sentence with an adjunct ("pada", "namun")
    naming: re.Pattern  # "yang bernama Ratna Sari": the name of someone just described, in group 1


@dataclass(frozen=True)
class Region:
    start: int  # where the subject may begin
    end: int  # where its first verb (or the sentence) begins
    anaphoric: bool  # the subject ends in a demonstrative: someone already named


@cache
def subject_words(language: str = "id") -> SubjectWords:
    people = lexicons.load("people", language)
    data = people.get("subject", {})
    prefixes, suffixes = data.get("verb_prefixes", []), data.get("verb_suffixes", [])
    parts = ([rf"{one_of(prefixes)}[a-z]{{3,}}"] if prefixes else []) + (
        [rf"[a-z]{{3,}}{one_of(suffixes)}"] if suffixes else []
    )
    verb = one_of(parts)
    return SubjectWords(
        verb=re.compile(verb),
        not_verbs=frozenset(data.get("not_verbs", [])),
        predicate_words=frozenset(data.get("predicate_words", [])),
        prepositions=frozenset(data.get("prepositions", [])),
        demonstratives=frozenset(data.get("demonstratives", [])),
        openers=frozenset(data.get("openers", [])),
        naming=re.compile(r"\b" + one_of(data.get("naming_words", ["(?!)"])) + r"\s+([A-Z].*)$"),
    )


def _is_verb(words: SubjectWords, word: str) -> bool:
    lowered = word.lower()
    return bool(words.verb.fullmatch(lowered)) and lowered not in words.not_verbs


def subject_region(words: SubjectWords, text: str, start: int, end: int) -> Region | None:
    """Where the subject of the sentence ``text[start:end]`` stands; None when it opens with a quotation."""
    if text[start : start + 1] in OPENING_MARKS:
        return None
    tokens = [(m.start(), m.group(0)) for m in WORD.finditer(text, start, end)]
    if is_headline([word for _, word in tokens]):
        return None
    begin = _after_opening_adjunct(words, tokens)
    region_start = tokens[begin][0] if begin < len(tokens) else end
    stop, anaphoric, adjunct = end, False, False
    for k in range(begin, len(tokens)):
        at, word = tokens[k]
        bare = word.strip(".!?()“”\"'‘’")
        if k > begin and word.islower() and (_is_verb(words, bare) or bare in words.predicate_words):
            stop = at
            break
        adjunct = adjunct or bare.lower() in words.prepositions  # "Putin pada hari ini mengatakan"
        if k > begin and bare.lower() in words.demonstratives and not adjunct:
            stop, anaphoric = at, True
            break
    return Region(region_start, stop, anaphoric)


def is_headline(words: list[str]) -> bool:
    """ "Polisi Bekuk Pencuri Motor, Warga Lega": most words capitalised and no full stop at the end, a
    headline, whose capitalised words are no names."""
    letters = [w for w in words if w[:1].isalpha()]
    capitalised = sum(w[:1].isupper() for w in letters)
    return len(letters) >= 3 and capitalised >= 0.6 * len(letters) and not words[-1].endswith((".", "!", "?", "”", '"'))


def _after_opening_adjunct(words: SubjectWords, tokens: list[tuple[int, str]]) -> int:
    """The token after an opening adjunct ("Pada Maret lalu,", "Menanggapi kondisi itu,", "Namun,"), else 0."""
    if not tokens:
        return 0
    first = tokens[0][1].strip("“”\"'‘’(")
    opens = first.lower() in words.openers or _is_verb(words, first)
    if not opens:
        return 0
    comma = next((k for k, (_, word) in enumerate(tokens) if word == ","), None)
    return comma + 1 if comma is not None else 0


def preceded_by_preposition(words: SubjectWords, text: str, region_start: int, position: int) -> bool:
    """ "bertemu dengan Agus": the word before ``position`` (in the region) is a preposition."""
    before = text[region_start:position].split()
    return bool(before) and before[-1].strip(",").lower() in words.prepositions
