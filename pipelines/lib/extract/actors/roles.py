"""A phrase that names someone, split into the role it gives and the name: "Kasubdit II Ditreskrimum Polda Jambi,
AKBP Bima Prasetyo" is Bima Prasetyo in the role "Kasubdit II Ditreskrimum Polda Jambi, AKBP"; "dr. Rina
Lestari, SpPD-KEMD" is Rina Lestari; "Bupati Klaten Sri Mulyani" is Sri Mulyani, "Bupati Klaten"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.lib.extract.actors.lexicon import ActorLexicon
from pipelines.lib.extract.actors.names import GLUED, name_tokens, without_degrees

ACRONYM = re.compile(r"[A-Z][A-Z0-9]+")  # "BPBD", "KPU"


@dataclass(frozen=True)
class Named:
    role: str | None  # the words before the name that say who the person is
    name: str  # the name as the phrase writes it
    start: int  # offset of the name in the phrase
    end: int


def places_in(lexicon: ActorLexicon, words: list[str]) -> frozenset[str]:
    """The capitalised words of ``words`` (an article's, in order) written as places: after "di", "ke", a
    place noun ("Kota") or a place title ("Bupati", "Wali Kota")."""
    places = set()
    for k in range(1, len(words)):
        if not words[k][:1].isupper():
            continue
        before = [words[k - 1], " ".join(words[max(0, k - 2) : k])]
        if any(b in lexicon.place_before or b.lower() in lexicon.place_before for b in before):
            places.add(words[k])
    return frozenset(places)


def role_and_name(lexicon: ActorLexicon, phrase: str, places: frozenset[str] = frozenset()) -> Named | None:
    """The name ``phrase`` ends with (an apposition after a comma or a parenthesis first), and its role;
    ``places`` are the words the article writes as places."""
    phrase = without_degrees(lexicon, phrase)
    # "Andri Saputra alias Kribo": the name, not the nickname (blanked, so that offsets stay)
    named = lexicon.nickname.sub(lambda match: " " * len(match.group(0)), phrase)
    cut = max(named.rfind(","), named.rfind(")")) + 1
    tokens = name_tokens(lexicon, named[cut:]) if cut else []
    if not tokens:
        cut, tokens = 0, name_tokens(lexicon, named)
    if not tokens:
        return None
    tokens = _without_place(lexicon, phrase[:cut], phrase[cut:], tokens, places)
    name = " ".join(tokens)
    found = _find_name(phrase, name, cut)
    if found is None:
        return None
    return Named(role_of(lexicon, phrase[: found[0]]), name, *found)


def _find_name(phrase: str, name: str, start: int) -> tuple[int, int] | None:
    """Where ``name`` stands last in ``phrase`` from ``start`` (its words one or more spaces apart, no letter,
    digit or underscore on either side), as (start, end); None when a letter or digit is glued before it."""
    words = name.split()
    found, pos = None, start
    while words and (at := phrase.find(words[0], pos)) != -1:
        end = _name_end(phrase, words, at, start)
        if end is None:
            pos = at + 1  # not the name here: look from the next character
        else:
            found, pos = (at, end), end  # a later place, if any, wins
    if found is None or (found[0] > 0 and _is_word_character(phrase[found[0] - 1])):
        return None
    return found


def _name_end(phrase: str, words: list[str], at: int, start: int) -> int | None:
    """The end of ``words`` written from ``at`` of ``phrase``, runs of spaces apart and standing alone (from
    ``start`` on: what is before it does not count), or None."""
    if at > start and _is_word_character(phrase[at - 1]):
        return None
    pos = at + len(words[0])
    for word in words[1:]:
        gap = pos
        while pos < len(phrase) and phrase[pos].isspace():
            pos += 1
        if pos == gap or not phrase.startswith(word, pos):
            return None
        pos += len(word)
    return None if pos < len(phrase) and _is_word_character(phrase[pos]) else pos


def _is_word_character(character: str) -> bool:
    return character.isalnum() or character == "_"


def _without_place(
    lexicon: ActorLexicon, before_cut: str, phrase: str, tokens: list[str], places: frozenset[str]
) -> list[str]:
    """ "Bupati Klaten Sri Mulyani": after a title that governs a place, three capitalised words are a place
    and a name of two; so after an institution's acronym when the article writes the first as a place
    elsewhere ("Kepala BPBD Klaten Joko Purnomo" with "di Klaten"), not otherwise ("OJK Dian Ediana Rae")."""
    if len(tokens) < 3:
        return tokens
    at = _find_name(phrase, " ".join(tokens), 0)
    before = " ".join((before_cut + " " + phrase[: at[0] if at else 0]).split())
    lowered = before.lower()
    last = before.rsplit(" ", 1)[-1]
    after_acronym = ACRONYM.fullmatch(last) and tokens[0] in places
    if any(lowered == t or lowered.endswith(" " + t) for t in lexicon.place_titles) or after_acronym:
        return tokens[1:]
    return tokens


def role_of(lexicon: ActorLexicon, words: str) -> str | None:
    """The role the words before a name give, without the honorifics and ranks that end them ("Kepala Desa
    Sukamaju H", "Kapolres Bogor AKBP")."""
    parts = [p for word in words.split() for p in GLUED.split(word)]
    while parts and (
        (bare := parts[-1].strip(",.:;")) in lexicon.honorifics or bare.lower() in lexicon.ranks or not bare
    ):
        parts.pop()
    role = " ".join(parts).strip(" ,.:;")
    return role if any(ch.isalpha() for ch in role) else None
