"""Who takes part in an event: the actors its sentence names, pronouns and "kedua pemimpin" resolved."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from pipelines.lib.dates import ResolvedDate
from pipelines.lib.extract.actors.actors import Actor, ArticleActors, Mention
from pipelines.lib.extract.events.lexicon import EventLexicon
from pipelines.lib.extract.quotes.cues import Cues
from pipelines.lib.extract.sentences import Span


class Participants:
    """The participants of one article's events, found sentence by sentence in reading order.

    Participants are the actors the trigger's clause names (the whole sentence's when the clause
    names fewer than two and no person), with each person's country; a pronoun brings in the last
    person named before, "kedua pemimpin" the last pair of people (else the article's two main
    people), "kedua negara" the article's two main countries. Who reports an event is no party.
    """

    def __init__(self, text: str, actors: ArticleActors, lex: EventLexicon, cues: Cues, reference: dt.date):
        self.text = text
        self.actors = actors
        self.lex = lex
        self.cues = cues
        self.reference = reference
        self.main_people = _most_named(actors.mentions, "person")
        self.main_countries = _most_named(actors.mentions, "country")
        self.last_pair: tuple[str, ...] = ()  # the people of the last event between two or more people
        self.by_role: set[str] = set()  # the people the last sentence named only by role ("kedua pemimpin")

    def in_sentence(self, sentence: Span, visible: str, position: int, kind: str) -> list[Actor]:
        """The participants of the event of type ``kind`` whose trigger is at ``position`` of ``visible``
        (the sentence)."""
        sources: set[str] = set()
        self.by_role = set()
        rivals = [] if kind in self.lex.rivals_take_part else self._rival_spans(visible, position)
        clause_start, clause_end = self.lex.clause_around(visible, position)
        found = self._named(sentence, visible, (clause_start, clause_end), position, sources, rivals)
        if len(found) < 2 and not any(a.kind == "person" for a in found.values()):
            clause_start, clause_end = 0, len(visible)
            found = self._named(sentence, visible, (clause_start, clause_end), position, sources, rivals)
        self._referred(found, sentence, visible[clause_start:clause_end])
        found = {name: a for name, a in found.items() if name not in sources}  # who reports is no party
        for actor in list(found.values()):
            if actor.country and actor.country not in found:
                found[actor.country] = Actor(actor.country, "country")
        return list(found.values())

    def _referred(self, found: dict[str, Actor], sentence: Span, clause: str) -> None:
        """Add the actors ``clause`` refers to without naming them: "ia", "kedua pemimpin", "kedua negara"."""
        if self.lex.pronouns.search(clause):
            person = self.actors.last_person_before(sentence.start)
            if person:
                found[person.name] = person
        if self.lex.both_people.search(clause):
            for name in self.last_pair or self.main_people:
                if name not in found:
                    found[name] = self.actors.resolve(name) or Actor(name, "person")
                    self.by_role.add(name)
        if self.lex.both_countries.search(clause):
            for name in self.main_countries:
                found.setdefault(name, Actor(name, "country"))

    def _named(
        self,
        sentence: Span,
        visible: str,
        clause: tuple[int, int],
        trigger: int,
        sources: set[str],
        rivals: list[tuple[int, int]],
    ) -> dict[str, Actor]:
        """The actors named in the ``clause`` of ``visible``; who reports the event goes to ``sources``.

        Actors named in the ``rivals`` spans ("… untuk menyusul program antariksa Amerika Serikat")
        take no part.
        """
        found: dict[str, Actor] = {}
        for mention in self.actors.mentions_in(sentence.start + clause[0], sentence.start + clause[1]):
            at = mention.start - sentence.start
            if visible[at] == " " or mention.actor.kind == "place" or any(a <= at < b for a, b in rivals):
                continue
            if mention.actor.kind != "country" and self._is_source(sentence, mention, trigger):
                sources.add(mention.actor.name)
            found[mention.actor.name] = mention.actor
        return found

    def _rival_spans(self, visible: str, trigger: int) -> list[tuple[int, int]]:
        """Where ``visible`` names rivals or benchmarks: from a rival word ("menyaingi", "melawan")
        to the end of its phrase. A rival word that is the trigger itself is none."""
        spans = []
        for cue in self.lex.rival.finditer(visible):
            if cue.start() == trigger:
                continue
            end = self.lex.phrase_end.search(visible, cue.end())
            spans.append((cue.end(), end.start() if end else len(visible)))
        return spans

    def _is_source(self, sentence: Span, mention: Mention, trigger: int) -> bool:
        """ "Menurut Peskov, …", "kata Peskov", "Peskov mengatakan …", "dilansir Xinhua": who reports,
        not who takes part.

        A speaker only when the event is in what they report: in "Dalam panggilan video dengan Xi,
        Putin menyatakan …" Putin speaks of a call he took part in. Whom a report is taken from
        ("seperti dilansir …", "mengutip …") never takes part.
        """
        if self.lex.report_cue.search(self.text[max(sentence.start, mention.start - 60) : mention.start]):
            return True
        if trigger < mention.start - sentence.start:
            return False
        before = self.text[sentence.start : mention.start].replace(",", " ").split()
        after = self.text[mention.end : sentence.end].replace(",", " ").split()
        if before and before[-1].lower() in self.cues.according_to + self.cues.after:
            return True
        return bool(after) and after[0].lower() in self.cues.speech_verbs

    def counterparts(self, participants: list[Actor], people: list[Actor]) -> list[Actor]:
        """A meeting or call needs two sides: the last pair of people, or the article's two main people."""
        named = {a.name for a in participants}
        known_pair = self.last_pair if any(p.name in self.last_pair for p in people) or not people else ()
        pair = [n for n in (known_pair or self.main_people) if n not in named]
        added: list[Actor] = []
        for name in pair[: 2 - len(people)]:
            person = self.actors.resolve(name) or Actor(name, "person")
            added.append(person)
            if person.country and person.country not in named:
                added.append(Actor(person.country, "country"))
                named.add(person.country)
        return added

    def of_the_past(self, date: ResolvedDate | None) -> bool:
        """An event dated years before the article: "kedua kepala negara" then were others than today's."""
        return date is not None and date.value.year < self.reference.year - self.lex.present_years

    def main_countries_missing(self, participants: list[Actor]) -> list[Actor]:
        """The article's two main countries that ``participants`` leaves out."""
        return [Actor(c, "country") for c in self.main_countries if all(a.name != c for a in participants)]


def parties(participants: list[Actor]) -> set[str]:
    """Distinct parties: a person and their own country are one."""
    return {a.country or a.name if a.kind == "person" else a.name for a in participants}


def _most_named(mentions: list[Mention], kind: str) -> list[str]:
    """The two actors of ``kind`` the article names most often."""
    return [name for name, _ in Counter(m.actor.name for m in mentions if m.actor.kind == kind).most_common(2)]
