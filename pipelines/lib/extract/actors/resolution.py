"""Who a phrase names: the actor behind "Presiden Rusia Vladimir Putin", "Kepolisian Sumatera Selatan", "kata NORAD",
"Pemerintah Brasil selaku ketua BRICS", "Putih" (one letter off "Putin"), or a person the lexicon does not know."""

from __future__ import annotations

import re
from typing import Protocol

from pipelines.lib.extract.actors.lexicon import Actor, ActorLexicon, Mention
from pipelines.lib.extract.actors.names import edit_distance_at_most_one, full_name_of, name_tokens, referenced_suffix


class Article(Protocol):
    """What resolution needs of an article's actors (``actors.ArticleActors``)."""

    text: str
    lexicon: ActorLexicon
    year: int | None
    mentions: list[Mention]
    people: dict[str, Actor]
    role_map: dict[str, Actor]

    def known_person(self, name: str, position: int | None = None) -> Actor | None: ...

    def add(self, start: int, end: int, actor: Actor, role: str | None = None) -> bool: ...


class PhraseResolver:
    """Resolves phrases against one article's actors (and adds the people it finds to them)."""

    def __init__(self, article: Article):
        self.article = article

    def resolve(self, phrase: str, register: bool = True, position: int | None = None) -> Actor | None:
        """Resolve a speaker or participant phrase to a canonical actor.

        A person the article did not name before is remembered (with every place the text
        names them) unless ``register`` is false: a look that changes nothing.
        """
        phrase = " ".join(phrase.replace("\n", " ").split()).strip(" ,.:;")
        if not phrase:
            return None
        lowered = phrase.lower()
        persons, others = self._lexicon_actors_in(phrase)
        if persons:
            return persons[-1]
        names = name_tokens(self.article.lexicon, phrase)
        return (
            self._person_known_by(phrase, names, position)
            or self._role_holder(lowered, others)
            or self._organization(phrase, lowered, others)
            or self._person_named(names, lowered, others, register)
            or self._actor_behind(lowered, others)
        )

    def _lexicon_actors_in(self, phrase: str) -> tuple[list[Actor], list[Actor]]:
        """The lexicon's people, and its other actors, that ``phrase`` names, in order."""
        persons, others = [], []
        for match in self.article.lexicon.alias_pattern.finditer(phrase):
            actor = self.article.lexicon.by_alias[match.group(0).lower()]
            if not self.article.lexicon.case_fits(match.group(0)):
                continue
            (persons if actor.kind == "person" else others).append(actor)
        return persons, others

    def _person_known_by(self, phrase: str, names: list[str], position: int | None = None) -> Actor | None:
        """A known person named by the phrase's name, or by one of its capitalised words (the last first)."""
        capitalised = [t.strip(",.:;()") for t in phrase.split() if t[:1].isupper()]
        for candidate in ([" ".join(names)] if names else []) + capitalised[::-1]:
            person = self.article.known_person(candidate, position)
            if person:
                return person
        return None

    def _role_holder(self, lowered: str, others: list[Actor]) -> Actor | None:
        """The person behind a role: the one this article gave it, else the lexicon's holder that year."""
        for role, actor in sorted(self.article.role_map.items(), key=lambda kv: -len(kv[0])):
            if lowered.endswith(role):
                return actor
        if lowered in self.article.lexicon.titles:  # "ungkap Kapolres": the one person given such a role
            holders = {a.name: a for role, a in self.article.role_map.items() if role.startswith(lowered + " ")}
            if len(holders) == 1:
                return next(iter(holders.values()))
        for title in self.article.lexicon.titles:
            if lowered.startswith(title + " ") and others:
                holder = self.article.lexicon.role_holder(lowered, self.article.year)
                if holder:
                    return holder
        return None

    def _governed(self, lowered: str) -> bool:
        """ "Pemerintah Rusia", "Kementerian Luar Negeri China": a country acting as itself."""
        return any(lowered.startswith(word + " ") for word in self.article.lexicon.government_words)

    def _actor_behind(self, lowered: str, others: list[Actor]) -> Actor | None:
        """ "Pemerintah Brasil selaku ketua BRICS": the government's country; else the last actor named."""
        if not others:
            return None
        return others[0] if self._governed(lowered) else others[-1]

    def _organization(self, phrase: str, lowered: str, others: list[Actor]) -> Actor | None:
        """An acronym ("kata NORAD") or an institution ("Kepolisian Sumatera Selatan"), or the state behind it."""
        if re.fullmatch(r"[A-Z][A-Z0-9-]{1,8}", phrase) and not others:
            return Actor(phrase, "organization")
        words = phrase.split()
        if (
            len(words) > 1
            and words[0].lower() in self.article.lexicon.government_words
            and words[1] in self.article.lexicon.institution_words
        ):
            phrase, lowered = " ".join(words[1:]), " ".join(words[1:]).lower()  # "Pihak Kepolisian Sumatera Selatan"
        if phrase.split()[0] not in self.article.lexicon.institution_words or self._governed(lowered):
            return None
        countries = [a for a in others if a.kind == "country"]
        if countries:  # "Kementerian Pertahanan Rusia": the state speaks
            return countries[0]
        name = re.sub(r"\s*\([^()]*\)\s*$", "", phrase.split(",")[0])  # "PT Pertamina (Persero)": no brackets
        return Actor(" ".join(name.split()), "organization")

    def _person_named(self, names: list[str], lowered: str, others: list[Actor], register: bool) -> Actor | None:
        """A person of this article the name misspells, or a person the lexicon does not know."""
        if not names:
            return None
        fuzzy = self._fuzzy_person(names)
        if fuzzy:
            return fuzzy
        if len(names) >= 2 or any(lowered.startswith(t + " ") for t in self.article.lexicon.titles) or not others:
            return self._new_person(names, register)
        return None

    def _new_person(self, names: list[str], register: bool = True) -> Actor:
        """A person the lexicon does not know, named as fully as the article names them."""
        tokens = referenced_suffix(self.article.lexicon, self.article.text, names) if len(names) > 2 else names
        if len(tokens) == 1:
            tokens = full_name_of(self.article.lexicon, self.article.text, tokens[0]) or tokens
        actor = self.article.known_person(" ".join(tokens)) or Actor(" ".join(tokens), "person")
        if register and actor.name not in self.article.people:
            self.article.people[actor.name] = actor
            self._mention_everywhere(actor)
        return actor

    def _mention_everywhere(self, person: Actor) -> None:
        """A person found late (as a speaker) is a mention wherever the article names them."""
        words = [w for w in person.name.split() if w not in self.article.lexicon.not_name_words and len(w) > 1]
        for form in [person.name, *words]:
            for match in re.finditer(rf"(?<![\w]){re.escape(form)}(?![\w])", self.article.text):
                self.article.add(match.start(), match.end(), person)
        self.article.mentions.sort(key=lambda m: m.start)

    def _fuzzy_person(self, names: list[str]) -> Actor | None:
        if len(names) != 1 or len(names[0]) < 5:
            return None
        token = names[0].lower()
        for person in self.article.people.values():
            if any(len(t) >= 5 and edit_distance_at_most_one(token, t.lower()) for t in person.name.split()):
                return person
        return None
