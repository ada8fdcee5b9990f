"""The actor lexicon: canonical people, countries, organisations and places, and their aliases.

Read from ``lexicon/<lang>/actors.toml`` (names, kinds, aliases, roles) and
``people.toml`` (titles, words that are never names, pronouns).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache

from pipelines.lib import lexicons
from pipelines.lib.extract.quotes.cue_words import cue_words, verb_pattern
from pipelines.lib.lexicons import one_of

TOKEN = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
# "PT", "Angkasa", "(KPK)", "(Kasi Wasdal)"
AFFILIATION_NAME = r"[A-Z](?:[\w'’\-/&]|\.(?=\w))*|\([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}\)"


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str  # person | country | organization
    country: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def actor_id(self) -> str:
        return actor_id(self.name)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str
    actor: Actor
    role: str | None = None  # the role the text gives the actor here: "Kepala Desa Sukamaju"


def actor_id(name: str) -> str:
    """A stable key for a canonical name (case-insensitive)."""
    return "act_" + hashlib.sha1(name.lower().encode()).hexdigest()[:12]


@dataclass(frozen=True)
class ActorLexicon:
    actors: tuple[Actor, ...]
    roles: tuple[tuple[str, Actor, int | None, int | None], ...]
    titles: tuple[str, ...]
    not_name_words: frozenset[str]
    government_words: tuple[str, ...]
    institution_words: frozenset[str]
    pronouns: frozenset[str]
    role_conjunctions: frozenset[str]
    honorifics: frozenset[str]  # "H", "dr", "Pol": before a name, never part of it
    ranks: frozenset[str]  # "akbp": before a name, no part of the role the text gives
    degrees: frozenset[str]  # "ST", "MEng", "SH" (without their full stops): after a name, never part of it
    degree_prefixes: tuple[str, ...]  # "Sp" of "SpPD-KEMD"
    place_titles: tuple[str, ...]  # "bupati": the place it governs comes before the name
    nickname: re.Pattern  # " (Ami)", ", yang akrab disapa Ami": the name a person is known by
    person_nouns: frozenset[str]  # "warga", "sumber": someone the article does not name
    possessives: tuple[str, ...]  # "'s": a word ending so owns what follows, it names no one
    place_nouns: frozenset[str]  # "Kota", "Desa": the words after it are a place
    place_before: frozenset[str]  # "di", "Kota", "bupati", "wali kota": the capitalised word after is a place
    unit_noun: re.Pattern  # "Pekerjaan", "Kesehatan": a capitalised word of an office's name, never of a person's
    determiners: tuple[str, ...]  # "seorang", "salah satu": a description of someone unnamed opens so
    cue_ending: re.Pattern  # "kata " right before a name: searched for so as to end where the name starts
    verb_following: re.Pattern  # " pun mengatakan" after a name: matched at the name's end
    alias_pattern: re.Pattern
    title_starts: frozenset[str]
    alias_starts: dict[str, int]  # first word of an alias -> most words of an alias starting so
    titled_phrase: re.Pattern  # "Kepala Seksi Humas PT Angkasa Pura I, Syaifudin Ahmad"
    role_before: re.Pattern  # the role right before a name: "Presiden Rusia "
    by_alias: dict[str, Actor]
    by_name: dict[str, Actor]

    def case_fits(self, surface: str) -> bool:
        """Acronym aliases (AS, RI, UN) count only in capitals: "as" is a word."""
        key = " ".join(surface.split()).lower()
        actor = self.by_alias[key]
        written = next((a for a in actor.aliases if a.lower() == key), surface)
        return not (written.isupper() and len(written) <= 4) or surface == written

    def role_holder(self, role: str, year: int | None) -> Actor | None:
        for phrase, actor, since, until in self.roles:
            if phrase != role.lower():
                continue
            if year is None or ((since is None or since <= year) and (until is None or year <= until)):
                return actor
        return None


@cache
def load_lexicon(language: str = "id") -> ActorLexicon:
    data = lexicons.load("actors", language)
    people = lexicons.load("people", language)
    quotes = lexicons.load("quotes", language)
    actors, roles, by_alias = _actors(data.get("actor", []))
    alternatives = sorted(by_alias, key=len, reverse=True)
    titles = "(?i:" + "|".join(re.escape(t) for t in sorted(people["titles"], key=len, reverse=True)) + r")\.?"
    honorifics = [
        re.escape(h) + r"(?:\.|(?![\w]))" for h in sorted(people.get("honorifics", []), key=len, reverse=True)
    ]
    affiliation = "|".join([*honorifics, AFFILIATION_NAME, *people["affiliation_words"], "&"])  # "Ir." before "Ir"
    pattern = re.compile(r"(?<![\w])(" + "|".join(map(re.escape, alternatives)) + r")(?![\w])", re.IGNORECASE)
    particles = "|".join(word + r"\s+" for word in people["name_verb_particles"])
    return ActorLexicon(
        actors=tuple(actors),
        roles=tuple(roles),
        titles=tuple(sorted(people["titles"], key=len, reverse=True)),
        not_name_words=frozenset(people["not_name_words"]),
        government_words=tuple(people["government_words"]),
        institution_words=frozenset(people["institution_words"]),
        pronouns=frozenset(people["pronouns"]),
        role_conjunctions=frozenset(people["role_conjunctions"]),
        honorifics=frozenset(people.get("honorifics", [])),
        ranks=frozenset(people.get("ranks", [])),
        degrees=frozenset(people.get("degrees", [])),
        degree_prefixes=tuple(people.get("degree_prefixes", [])),
        place_titles=tuple(people.get("place_titles", [])),
        nickname=_nickname_pattern(people.get("nickname_markers", [])),
        person_nouns=frozenset(people.get("person_nouns", [])),
        place_nouns=frozenset(people.get("place_nouns", [])),
        possessives=tuple(people.get("possessive_suffixes", [])),
        unit_noun=re.compile(people.get("unit_noun_shape", "(?!)")),
        place_before=frozenset(
            [*people.get("locative_prepositions", []), *people.get("place_nouns", []), *people.get("place_titles", [])]
        ),
        determiners=tuple(people.get("indefinite_determiners", [])),
        cue_ending=re.compile(r"\b" + one_of(sorted(cue_words(quotes).after, key=len, reverse=True)) + r"\s+\Z"),
        verb_following=re.compile(rf"\s+(?:{particles})?{verb_pattern(quotes['morphology'], 1, passive=False)}\b"),
        alias_pattern=pattern,
        alias_starts=_alias_starts(by_alias),
        title_starts=frozenset(t.split()[0] for t in people["titles"]),
        titled_phrase=re.compile(rf"(?<![\w]){titles}\b(?:,?\s+(?:{affiliation})){{1,16}}"),
        role_before=re.compile(rf"(?<![\w])({titles}\b(?:,?\s+(?:{affiliation})){{0,8}}),?\s+$"),
        by_alias=by_alias,
        by_name={a.name.lower(): a for a in actors},
    )


def _actors(entries: list[dict]) -> tuple[list[Actor], list[tuple[str, Actor, int | None, int | None]], dict]:
    """The actors of the ``[[actor]]`` tables, their dated roles, and every alias (lower-cased) to its actor."""
    actors, roles, by_alias = [], [], {}
    for entry in entries:
        aliases = tuple(dict.fromkeys([entry["name"], *entry.get("aliases", [])]))
        actor = Actor(entry["name"], entry.get("kind", "person"), entry.get("country"), aliases)
        actors.append(actor)
        for alias in aliases:
            by_alias.setdefault(alias.lower(), actor)
        for role in entry.get("roles", []):
            roles.append((role["role"].lower(), actor, role.get("since"), role.get("until")))
    return actors, roles, by_alias


def _nickname_pattern(markers: list[str]) -> re.Pattern:
    """ " (Ami)" or ", yang akrab disapa Ami" right after a name: the nickname in group 1."""
    marked = r",?\s+" + one_of([re.escape(m).replace(r"\ ", r"\s+") for m in markers]) + r"\s+" if markers else "(?!)"
    return re.compile(rf"(?:\s*\(|{marked})([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})(?=\)|[\s,.;:]|$)")


def _alias_starts(aliases: dict[str, Actor]) -> dict[str, int]:
    starts: dict[str, int] = {}
    for alias in aliases:
        words = TOKEN.findall(alias)
        starts[words[0]] = max(starts.get(words[0], 0), len(words))
    return starts
