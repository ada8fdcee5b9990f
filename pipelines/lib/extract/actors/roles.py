"""A phrase that names someone, split into the role it gives and the name: "Kasubdit II Ditreskrimum Polda Jambi,
AKBP Bima Prasetyo" is Bima Prasetyo in the role "Kasubdit II Ditreskrimum Polda Jambi, AKBP"; "dr. Rina
Lestari, SpPD-KEMD" is Rina Lestari; "Bupati Klaten Sri Mulyani" is Sri Mulyani, "Bupati Klaten"."""

from __future__ import annotations

import functools
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
    return Named(role_of(lexicon, phrase[: found.start()]), name, found.start(), found.end())


def _find_name(phrase: str, name: str, start: int) -> re.Match | None:
    """Where ``name`` (its words one space apart) stands in ``phrase`` from ``start``: the last place."""
    found = None
    for found in _name_pattern(name).finditer(phrase[start:]):
        pass
    if found is None:
        return None
    return _name_pattern(name).match(phrase, start + found.start())


@functools.lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern:
    """``name`` with any run of spaces between its words, standing on its own (no word character around)."""
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(word) for word in name.split()) + r"(?!\w)")


def _without_place(
    lexicon: ActorLexicon, before_cut: str, phrase: str, tokens: list[str], places: frozenset[str]
) -> list[str]:
    """ "Bupati Klaten Sri Mulyani": after a title that governs a place, three capitalised words are a place
    and a name of two; so after an institution's acronym when the article writes the first as a place
    elsewhere ("Kepala BPBD Klaten Joko Purnomo" with "di Klaten"), not otherwise ("OJK Dian Ediana Rae")."""
    if len(tokens) < 3:
        return tokens
    at = _find_name(phrase, " ".join(tokens), 0)
    before = " ".join((before_cut + " " + phrase[: at.start() if at else 0]).split())
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
