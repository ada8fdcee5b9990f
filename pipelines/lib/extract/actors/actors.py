"""Actors: canonical people, countries and organisations, and how to find them.

The lexicon (``lexicon/<lang>/actors.toml``) names known actors and their
aliases. Within one article, :class:`ArticleActors` also links surname-only
mentions ("Ushakov") to the full name ("Yuri Ushakov"), role-only mentions
("Presiden Rusia") to the person the article introduced with that role, and
people the lexicon does not know, found by the titles that introduce them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field

from pipelines.lib.extract.actors.aliases import ShortNames, nicknames
from pipelines.lib.extract.actors.lexicon import TOKEN, Actor, ActorLexicon, Mention, actor_id, load_lexicon
from pipelines.lib.extract.actors.names import referenced_suffix
from pipelines.lib.extract.actors.resolution import PhraseResolver
from pipelines.lib.extract.actors.roles import Named, places_in, role_and_name, role_of
from pipelines.lib.extract.actors.subjects import (
    Region,
    SubjectWords,
    preceded_by_preposition,
    subject_region,
    subject_words,
)
from pipelines.lib.extract.sentences import Span, sentences

__all__ = ["Actor", "ArticleActors", "Mention", "actor_id", "load_lexicon"]


@dataclass
class ArticleActors:
    """The actors of one article, with every place the text names them."""

    text: str
    lexicon: ActorLexicon
    year: int | None = None
    mentions: list[Mention] = field(default_factory=list)
    people: dict[str, Actor] = field(default_factory=dict)  # canonical name -> person seen here
    role_map: dict[str, Actor] = field(default_factory=dict)
    subject_words: SubjectWords | None = None
    # the place each sentence's subject may stand (by sentence start), None where it opens with a quotation
    subject_regions: list[tuple[int, Region | None]] = field(default_factory=list)
    # where the name a sentence is about stands (by sentence start): "Pelatih Persib, Bojan Hodak, …" is Bojan Hodak
    subject_names: dict[int, tuple[int, int]] = field(default_factory=dict)
    short_names: ShortNames | None = None
    places: frozenset[str] = frozenset()  # the capitalised words the article writes as places ("di Klaten")
    lower_words: frozenset[str] = frozenset()  # the words the article writes in lower case
    # (start, end) of every mention, in order (mentions never overlap): the overlap check
    _spans: list[tuple[int, int]] = field(default_factory=list, repr=False, compare=False)
    # starts and ends of ``mentions`` once sorted, with the list and length they were made from
    _index: tuple[int, int, list[int], list[int]] | None = field(default=None, repr=False, compare=False)
    # the roles given to each actor (by name) with where, and the list and length they were made from
    _roles: tuple[tuple[int, int], dict[str, list[tuple[int, str]]]] | None = field(
        default=None, repr=False, compare=False
    )

    @classmethod
    def scan(
        cls, text: str, year: int | None = None, language: str = "id", spans: list[Span] | None = None
    ) -> "ArticleActors":
        """The actors ``text`` names: the lexicon's, people introduced by a title or as a sentence's subject,
        and the shorter names and nicknames the article gives them."""
        found = cls(text, load_lexicon(language), year)
        found.subject_words = subject_words(language)
        found.short_names = ShortNames(found.lexicon)
        tokens = [(m.start(), m.end(), m.group(0), m.group(0).lower()) for m in TOKEN.finditer(text)]
        found.places = places_in(found.lexicon, [word for _, _, word, _ in tokens])
        found.lower_words = frozenset(word for _, _, word, _ in tokens if word.islower())
        found._scan_lexicon(tokens)
        found._scan_titled_names(tokens)
        found._scan_subjects(sentences(text, language) if spans is None else spans)
        found._trim_names()
        found._scan_short_names(tokens)
        found.mentions.sort(key=lambda m: m.start)
        return found

    # -- building -----------------------------------------------------------
    def add(self, start: int, end: int, actor: Actor, role: str | None = None) -> bool:
        """A mention of ``actor`` at ``text[start:end]``, unless another one holds that place; true if added."""
        before = bisect_left(self._spans, (end,))  # the spans that start before this one ends
        if before and self._spans[before - 1][1] > start:  # the last of them ends the latest
            if role and self._spans[before - 1] == (start, end):
                self._longer_role(start, role)  # "Ketua majelis hakim" rather than "hakim"
            return False
        insort(self._spans, (start, end))
        self.mentions.append(Mention(start, end, self.text[start:end], actor, role))
        if actor.kind == "person":
            self.people.setdefault(actor.name, actor)
        return True

    def _longer_role(self, start: int, role: str) -> None:
        """Give the mention at ``start`` the role ``role`` when it says more than the one it has."""
        for k in range(len(self.mentions) - 1, -1, -1):  # the mention was added shortly before
            mention = self.mentions[k]
            if mention.start == start:
                if len(role) > len(mention.role or "") and (mention.role or "") in role:
                    self.mentions[k] = Mention(mention.start, mention.end, mention.surface, mention.actor, role)
                return

    def last_role(self, actor: Actor, before: int) -> str | None:
        """The last role the article gave ``actor`` before ``before``."""
        key = (id(self.mentions), len(self.mentions))
        if self._roles is None or self._roles[0] != key:
            given: dict[str, list[tuple[int, str]]] = {}
            for mention in sorted(self.mentions, key=lambda m: m.start):
                if mention.role:
                    given.setdefault(mention.actor.name, []).append((mention.start, mention.role))
            self._roles = (key, given)
        roles = self._roles[1].get(actor.name, [])
        k = bisect_left(roles, (before,)) - 1
        return roles[k][1] if k >= 0 else None

    def _scan_subjects(self, spans: list[Span]) -> None:
        """ "Rina Kusumawati, pemilik warung …, mengeluhkan …": a name of two words or more that a sentence is
        about is a person, whatever the lexicon knows; where each sentence's subject may stand is kept."""
        for sentence in spans:
            region = subject_region(self.subject_words, self.text, sentence.start, sentence.end)
            self.subject_regions.append((sentence.start, region))
            if region is None or region.anaphoric or region.end <= region.start:
                continue
            named = self._subject_name(self.text[region.start : region.end])
            if named is None:
                continue
            start, end = region.start + named.start, region.start + named.end
            if start == sentence.start and self._written_lower(named.name.split()[0]):
                start = self.text.find(" ", start) + 1  # "Artinya Angie …": the sentence's first word is no name
            name = self.text[start:end]
            if preceded_by_preposition(self.subject_words, self.text, region.start, start):
                continue
            self.subject_names[sentence.start] = (start, end)
            if " " not in name or name.split()[0] in self.lexicon.institution_words or self._inside_a_name(start, end):
                continue
            actor = self.known_person(name) or Actor(name, "person")
            if self.add(start, end, actor, named.role) and named.role:
                self._set_role(named.role, actor)

    def _written_lower(self, word: str) -> bool:
        """ "artinya" somewhere in the text: the word is no name where a sentence opens with it."""
        return word.lower() in self.lower_words

    def _inside_a_name(self, start: int, end: int) -> bool:
        """ "Konferensi Tingkat Tinggi", "Universitas Gadjah Mada": capitalised words right before or after
        ``text[start:end]`` that are no name make it part of a larger one (an institution, a place, an event)."""
        before = self.text[max(0, start - 40) : start].split()
        after = self.text[end : end + 40].split()
        for word in [w.strip(",.:;()") for w in (before[-1:] + after[:1])]:
            lowered = word.lower()
            if not word[:1].isupper() or lowered in self.lexicon.titles or word in self.lexicon.honorifics:
                continue
            if (
                word in self.lexicon.not_name_words
                or getattr(self.lexicon.by_alias.get(lowered), "kind", "person") != "person"
            ):
                return True
        return False

    def _scan_lexicon(self, tokens: list[tuple[int, int, str, str]]) -> None:
        """Every lexicon alias in the text: the longest run of words from a capitalised word."""
        starts = self.lexicon.alias_starts
        i = 0
        while i < len(tokens):
            start, _, word, lower = tokens[i]
            if not (word[0].isupper() or word[0].isdigit()):
                i += 1
                continue
            taken = self._alias_at(tokens, i, starts[lower]) if lower in starts else 0
            if taken:
                i += taken
                continue
            if "-" in word:  # "Rusia-China"
                for part in re.finditer(r"[^-]+", word):
                    self._match_alias(start + part.start(), start + part.end())
            i += 1

    def _alias_at(self, tokens: list[tuple[int, int, str, str]], i: int, longest: int) -> int:
        """How many tokens from ``i`` form an alias (0 if none), after adding its mention."""
        for n in range(min(longest, len(tokens) - i), 0, -1):
            window = tokens[i : i + n]
            if any(self.text[a[1] : b[0]] not in (" ", "\u00a0") for a, b in zip(window, window[1:])):
                continue
            if self._match_alias(window[0][0], window[-1][1]):
                return n
        return 0

    def _match_alias(self, start: int, end: int) -> bool:
        surface = self.text[start:end]
        actor = self.lexicon.by_alias.get(" ".join(surface.split()).lower())
        if actor is None or not self.lexicon.case_fits(surface):
            return False
        if actor.kind == "person" and not surface[0].isupper():
            return False
        self.add(start, end, actor, self._remember_role(start, actor))
        return True

    def _subject_name(self, region: str) -> Named | None:
        """The name of a subject: the one before its first comma ("Rina Kusumawati, pemilik warung …"),
        unless that part is a role ("Wakil Presiden Direktur PT …, Hendra Wijaya"), else its last."""
        first = region.split(",", 1)[0]
        if first != region and not self.lexicon.titled_phrase.match(first):
            named = role_and_name(self.lexicon, first, self.places)
            if named is not None and " " in named.name:
                return named
        return role_and_name(self.lexicon, region, self.places)

    def _scan_titled_names(self, tokens: list[tuple[int, int, str, str]]) -> None:
        for match in self._titled_phrases(tokens):
            named = role_and_name(self.lexicon, match.group(0), self.places)
            if named is None:
                continue
            actor = self.known_person(named.name) or Actor(named.name, "person")
            self.add(match.start() + named.start, match.start() + named.end, actor, named.role)
            if named.role:
                self._set_role(named.role, actor)

    def _titled_phrases(self, tokens: list[tuple[int, int, str, str]]):
        """Matches of the titled-phrase pattern, tried only where a title's first word stands."""
        resume = 0
        for start, _, _, lower in tokens:
            if start < resume or lower not in self.lexicon.title_starts:
                continue
            match = self.lexicon.titled_phrase.match(self.text, start)
            if match:
                resume = match.end()
                yield match

    def _scan_short_names(self, tokens: list[tuple[int, int, str, str]]) -> None:
        """ "Ushakov", "Li", "Rahmat", "Iky": a word of a person's full name, or the nickname the article gives
        them, once the article named them in full; a word two people share means the one named last."""
        self.mentions.sort(key=lambda m: m.start)
        for start, end, person in nicknames(self.lexicon, self.text, self.mentions):
            self.add(start, end, person)
            self.short_names.add_person(person, start, (self.text[start:end],))
        for mention in sorted(self.mentions, key=lambda m: m.start):
            if mention.actor.kind == "person":
                self.short_names.add_person(mention.actor, mention.start)
        for start, end, word, _ in tokens:
            person = self.short_names.person_at(word, start)
            if person is not None:
                self.add(start, end, person)

    def _trim_names(self) -> None:
        """Cut role and organisation words off the front of names the lexicon does not know.

        "Menteri … Reformasi Birokrasi Wahyu Santoso" is "Wahyu Santoso" when the article
        later writes "tutur Wahyu" or "Wahyu mengatakan"; "Kajari Bireuen Teuku Ridwan"
        is "Teuku Ridwan" when the article also writes that shorter name. Without such
        evidence a name keeps its last three words.
        """
        renamed: dict[str, Actor] = {}
        for name, actor in self.people.items():
            if name.lower() in self.lexicon.by_name or len(name.split()) < 3:
                continue
            tokens = name.split()
            keep = referenced_suffix(self.lexicon, self.text, tokens)
            if keep != tokens:
                renamed[name] = Actor(" ".join(keep), "person")
        if renamed:
            self._rename(renamed)

    def _rename(self, renamed: dict[str, Actor]) -> None:
        """Give the people of ``renamed`` (old name -> person) their new name everywhere, mentions shortened."""
        mentions = []
        for m in self.mentions:
            new = renamed.get(m.actor.name)
            if new is None:
                mentions.append(m)
                continue
            offset = m.surface.rfind(new.name)
            start = m.start + offset if offset >= 0 else m.start
            mentions.append(Mention(start, m.end, self.text[start : m.end], new))
        self.mentions = mentions
        self._spans = sorted((m.start, m.end) for m in mentions)
        self.people = {renamed.get(n, a).name: renamed.get(n, a) for n, a in self.people.items()}
        self.role_map = {role: renamed.get(a.name, a) for role, a in self.role_map.items()}

    def _remember_role(self, start: int, actor: Actor) -> str | None:
        """The role written right before a person's name ("Presiden Rusia "), remembered for them."""
        if actor.kind != "person":
            return None
        before = self.text[max(0, start - 100) : start]
        match = self.lexicon.role_before.search(before)
        if not match:
            return None
        self._set_role(match.group(1), actor)
        return role_of(self.lexicon, match.group(1))

    def _set_role(self, phrase: str, actor: Actor) -> None:
        """Remember "presiden rusia" -> Putin; a role that names other people is no role."""
        role = " ".join(phrase.replace(",", " ").split()).lower()
        words = role.split()
        if (
            len(words) < 2
            or any(word in self.lexicon.role_conjunctions for word in words)
            or any(getattr(self.lexicon.by_alias.get(w), "kind", None) == "person" for w in words)
        ):
            return
        self.role_map.setdefault(role, actor)

    # -- lookup -------------------------------------------------------------
    def known_person(self, name: str, position: int | None = None) -> Actor | None:
        """A person already known (lexicon or this article) by this full name, one of its tokens or the
        nickname the article gives them; a word two people share means the one named last before ``position``."""
        key = name.lower()
        hit = self.lexicon.by_alias.get(key)
        if hit and hit.kind == "person":
            return hit
        if self.short_names is not None and name in self.short_names.by_word:
            return self.short_names.person_at(name, len(self.text) if position is None else position)
        for person in self.people.values():
            tokens = person.name.lower().split()
            if key == person.name.lower() or (" " not in key and key in tokens):
                return person
            if " " in key and set(key.split()) <= set(tokens):
                return person
        return None

    def _positions(self) -> tuple[list[int], list[int]] | None:
        """Starts and ends of the mentions, both ascending (None while they are not in order)."""
        key = (id(self.mentions), len(self.mentions))
        if self._index is None or self._index[:2] != key:
            starts = [m.start for m in self.mentions]
            in_order = all(a <= b for a, b in zip(starts, starts[1:]))
            self._index = (*key, starts, [m.end for m in self.mentions]) if in_order else (*key, [], [])
        starts, ends = self._index[2:]
        return (starts, ends) if len(starts) == len(self.mentions) else None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        positions = self._positions()
        if positions is None:
            return [m for m in self.mentions if start <= m.start and m.end <= end]
        found = []
        for k in range(bisect_left(positions[0], start), len(self.mentions)):
            mention = self.mentions[k]
            if mention.start >= end:
                break
            if mention.end <= end:
                found.append(mention)
        return found

    def last_person_before(self, position: int) -> Actor | None:
        positions = self._positions()
        last = bisect_right(positions[1], position) if positions else len(self.mentions)
        for k in range(last - 1, -1, -1):
            mention = self.mentions[k]
            if mention.end <= position and mention.actor.kind == "person":
                return mention.actor
        return None

    def resolve(self, phrase: str, register: bool = True, position: int | None = None) -> Actor | None:
        """The actor a speaker or participant phrase names (``resolution.py``); a person the article did not
        name before is remembered unless ``register`` is false."""
        return PhraseResolver(self).resolve(phrase, register, position)

    def is_pronoun(self, phrase: str) -> bool:
        return phrase.strip(" ,.").lower() in self.lexicon.pronouns

    def actors(self) -> list[Actor]:
        return list({m.actor.name: m.actor for m in self.mentions}.values())
