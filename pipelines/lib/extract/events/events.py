"""Events: what happened (or is planned) between whom, when and where.

Each sentence is searched for the triggers of ``lexicon/<lang>/events.toml``
(text inside direct quotations is skipped: a speaker's words are not a report).
A sentence yields one event per type it triggers; weak triggers ("sepakat")
count only when nothing else fires. Participants are the actors the sentence
names (with each person's country), pronouns resolved to the last person, and
"kedua pemimpin" to the article's two main people. The date is the first date
the sentence states, resolved against the article's reference date; "delapan
hari setelah …" is anchored on the previous dated event; with no date in the
sentence a past event takes the publication month (``date_source`` says so).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from pipelines.lib.dates import DateMention, ResolvedDate, find_date_mentions, resolve
from pipelines.lib.extract.actors.actors import Actor, ArticleActors
from pipelines.lib.extract.events.lexicon import load_lexicon
from pipelines.lib.extract.intervals import Intervals
from pipelines.lib.extract.quotes.cues import load_cues
from pipelines.lib.extract.sentences import Span, sentences


@dataclass(frozen=True)
class Event:
    event_type: str
    mode: str | None  # phone | video | in_person | None
    status: str  # occurred | planned
    date: ResolvedDate | None
    date_source: str | None  # text | context (an earlier sentence) | publication | None
    location: str | None
    participants: tuple[str, ...]
    trigger: str
    sentence: str
    char_start: int
    char_end: int
    cameo_code: str | None
    people: tuple[str, ...] = ()  # the participants who are persons


class _Extractor:
    def __init__(
        self,
        text: str,
        actors: ArticleActors,
        reference: dt.date,
        published: dt.date | None,
        masked: list[tuple[int, int]],
        language: str,
        date_mentions: list[DateMention] | None,
        spans: list[Span] | None,
    ):
        self.text = text
        self.actors = actors
        self.reference = reference
        self.published = published
        self.masked = Intervals((start, end, (start, end)) for start, end in masked)
        self.lex = load_lexicon(language)
        self.language = language
        self.main_people = [
            name
            for name, _ in Counter(m.actor.name for m in actors.mentions if m.actor.kind == "person").most_common(2)
        ]
        self.main_countries = [
            name
            for name, _ in Counter(m.actor.name for m in actors.mentions if m.actor.kind == "country").most_common(2)
        ]
        self.events: list[Event] = []
        self.date_mentions = find_date_mentions(text, language) if date_mentions is None else date_mentions
        self.dates_at = Intervals((m.start, m.end, m) for m in self.date_mentions)
        self.spans = sentences(text, language) if spans is None else spans
        self.last_dated: ResolvedDate | None = None
        self.last_pair: tuple[str, ...] = ()  # the people of the last event between two or more people
        self.cues = load_cues(language)
        self.narrative: list[ResolvedDate | None] = []  # the first date each sentence states

    def _visible(self, sentence: Span) -> str:
        """The sentence with quoted words blanked out (offsets kept)."""
        masked = self.masked.overlapping(sentence.start, sentence.end)
        if not masked:
            return sentence.text
        chars = list(sentence.text)
        for start, end in masked:
            for i in range(max(start, sentence.start), min(end, sentence.end)):
                chars[i - sentence.start] = " "
        return "".join(chars)

    def _clause(self, visible: str, position: int) -> tuple[int, int]:
        """The clause of ``visible`` around ``position``, cut at words that open another clause."""
        start, end = 0, len(visible)
        for match in self.lex.clause_break.finditer(visible):
            if match.start() <= position:
                start = match.start()
            elif match.start() > position:
                end = match.start()
                break
        return start, end

    def _participants(self, sentence: Span, visible: str, position: int) -> list[Actor]:
        self.sources: set[str] = set()
        clause_start, clause_end = self._clause(visible, position)
        found = self._named(sentence, visible, clause_start, clause_end, position)
        if len(found) < 2 and not any(a.kind == "person" for a in found.values()):
            clause_start, clause_end = 0, len(visible)
            found = self._named(sentence, visible, clause_start, clause_end, position)
        visible = visible[clause_start:clause_end]
        if re.search(r"\b(?:ia|dia|beliau)\b", visible, re.IGNORECASE):
            person = self.actors.last_person_before(sentence.start)
            if person:
                found[person.name] = person
        if self.lex.both_people.search(visible):
            for name in self.last_pair or self.main_people:
                found.setdefault(name, self.actors.resolve(name) or Actor(name, "person"))
        if self.lex.both_countries.search(visible):
            for name in self.main_countries:
                found.setdefault(name, Actor(name, "country"))
        found = {name: a for name, a in found.items() if name not in self.sources}  # who reports is no party
        for actor in list(found.values()):
            if actor.country and actor.country not in found:
                found[actor.country] = Actor(actor.country, "country")
        return list(found.values())

    def _refers_back(self, visible: str, match: re.Match, kind: str) -> bool:
        """ "pertemuan tersebut", "kunjungan Xi kali ini": an event already reported.

        "usai pertemuan" points back only when the article already reported such an event;
        the first time, it reports one ("… seusai pertemuan bilateral di Istana …").
        """
        if self.lex.anaphora.match(visible[match.end() :]):
            return True
        nominal = match.group(0).split()[0].lower().endswith("an") or match.group(0).isupper()
        seen = any(e.event_type == kind for e in self.events)
        return nominal and seen and bool(self.lex.after_event.search(visible[: match.start()]))

    def _stated_date(
        self,
        sentence: Span,
        visible: str,
        planned: bool,
        narrative: bool = False,
        near: tuple[int, int, int] | None = None,
    ) -> ResolvedDate | None:
        """The date the sentence states for what happened (not when it was reported).

        With ``near`` (clause start, clause end, trigger position, all within the sentence)
        only the trigger's clause counts: a date shortly after the trigger wins, else the
        nearest; without it, the first date of the sentence.
        """
        candidates = []
        for mention in self.dates_at.within(sentence.start, sentence.end):
            start, end = mention.start - sentence.start, mention.end - sentence.start
            if not visible[start:end].strip() or self.lex.report_cue.search(visible[:start]):
                continue
            if narrative and (
                mention.future_cue
                or mention.tense == "future"
                or self.lex.future_after.search(visible[start : end + 12])
            ):
                continue
            if near and not (near[0] < end and start < near[1]):  # overlaps the clause ("delapan hari setelah")
                continue
            if near and mention.kind == "offset" and start > near[2]:
                continue  # "A berlangsung sepekan setelah B": the offset dates B, not A
            # nearest to the trigger, a date just after it first ("kunjungan … pada Mei lalu")
            after = near is not None and 0 <= start - near[2] <= self.lex.date_reach
            candidates.append(((not after, abs(start - near[2])) if near else (0, 0), mention))
        for _, mention in sorted(candidates, key=lambda c: c[0]):
            if mention.kind == "offset":
                resolved = resolve(mention, self.reference, anchor=self.last_dated)
            else:
                resolved = resolve(mention, self.reference, future=True if planned else None)
            if resolved:
                return resolved
        return None

    def _is_source(self, sentence: Span, mention, trigger: int) -> bool:
        """ "Menurut Peskov, …", "kata Peskov", "Peskov mengatakan …": who reports, not who takes part.

        Only when the event is in what they report: in "Dalam panggilan video dengan Xi, Putin
        menyatakan …" Putin speaks of a call he took part in.
        """
        if trigger < mention.start - sentence.start:
            return False
        before = self.text[sentence.start : mention.start].replace(",", " ").split()
        after = self.text[mention.end : sentence.end].replace(",", " ").split()
        if before and before[-1].lower() in self.cues.according_to + self.cues.after:
            return True
        return bool(after) and after[0].lower() in self.cues.speech_verbs

    @staticmethod
    def _parties(participants: list[Actor]) -> set[str]:
        """Distinct parties: a person and their own country are one."""
        return {a.country or a.name if a.kind == "person" else a.name for a in participants}

    def _counterparts(self, participants: list[Actor], people: list[Actor]) -> list[Actor]:
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

    def _named(self, sentence: Span, visible: str, start: int, end: int, trigger: int) -> dict[str, Actor]:
        found: dict[str, Actor] = {}
        for mention in self.actors.mentions_in(sentence.start + start, sentence.start + end):
            if visible[mention.start - sentence.start] == " " or mention.actor.name in self.lex.not_participants:
                continue
            if mention.actor.kind == "place":
                continue
            if mention.actor.kind == "person" and self._is_source(sentence, mention, trigger):
                self.sources.add(mention.actor.name)
            found[mention.actor.name] = mention.actor
        return found

    def _date(
        self, sentence: Span, visible: str, planned: bool, kind: str, trigger: int
    ) -> tuple[ResolvedDate | None, str | None]:
        clause_start, clause_end = self._clause(visible, trigger)
        stated = self._stated_date(sentence, visible, planned, near=(clause_start, clause_end, trigger))
        if stated is None and clause_start > 0:  # "Rabu pagi, sebelum bertemu Putin, Li …": the sentence's opening date
            stated = self._stated_date(sentence, visible, planned, near=(0, clause_start, clause_start))
        if stated:
            return stated, "text"
        if self.lex.same_day.search(visible):  # "pada hari yang sama": the day of the last such event
            same = next(
                (e.date for e in reversed(self.events) if e.event_type == kind and e.date_source == "text"),
                self.last_dated,
            )
            if same:
                return same, "context"
        recent = [d for d in self.narrative[-self.lex.inherit_date_within - 1 : -1] if d]
        if not planned and recent:
            return recent[-1], "context"
        if not planned and self.published:
            return ResolvedDate(self.published.replace(day=1), "month", note="publication month"), "publication"
        return None, None

    def _location(self, visible: str) -> str | None:
        candidates = [m.group(1) for m in self.lex.location.finditer(visible)]
        known = [c for c in candidates if c.lower() in self.actors.lexicon.by_alias]
        places = known or [c for c in candidates if c.split()[0] not in self.actors.lexicon.not_name_words]
        return places[0] if places else None

    def _sentence(self, sentence: Span) -> None:
        visible = self._visible(sentence)
        self.narrative.append(self._stated_date(sentence, visible, planned=False, narrative=True))
        if not self.lex.any_trigger.search(visible.lower()):
            return
        hits = []
        for name, strong, weak, cameo in self.lex.types:
            matches = list(strong.finditer(visible))
            # "Kunjungan ini merupakan lawatan pertamanya …": one trigger pointing back is enough
            match = None if any(self._refers_back(visible, m, name) for m in matches) else next(iter(matches), None)
            if match:
                hits.append((name, match, cameo))
        absorbed = {other for name, _, _ in hits for other in self.lex.absorbs.get(name, ())}
        hits = [hit for hit in hits if hit[0] not in absorbed]
        # types come in priority order: "bertemu secara daring" is a call, not also a meeting
        kept: list = []
        for hit in hits:
            if not any(hit[1].start() < other[1].end() and other[1].start() < hit[1].end() for other in kept):
                kept.append(hit)
        hits = kept
        if not hits:
            for name, _, weak, cameo in self.lex.types:
                match = weak.search(visible) if weak else None
                needs = self.lex.weak_needs.get(name)
                if match and (needs is None or needs.search(visible)):
                    hits.append((name, match, cameo))
        if not hits:
            return
        for name, match, cameo in hits:
            participants = self._participants(sentence, visible, match.start())
            location = None if name == "call" else self._location(visible)  # a call has no one place
            if not participants or (name in self.lex.needs_location and not location):
                continue
            people = [a for a in participants if a.kind == "person"]
            if len(people) >= 2:
                self.last_pair = tuple(a.name for a in people)
            elif name in self.lex.two_sided and people:
                participants += self._counterparts(participants, people)
            if (name in self.lex.between_parties or name in self.lex.two_sided) and len(
                self._parties(participants)
            ) < 2:
                continue  # "Trump meneken perintah eksekutif" is no agreement, a meeting needs two sides
            if name in self.lex.joint and sum(a.kind == "country" for a in participants) < 2:
                participants += [
                    Actor(c, "country") for c in self.main_countries if all(a.name != c for a in participants)
                ]
            # "akan bertemu", "berharap untuk bertemu", "pertemuan … dijadwalkan berlangsung"
            planned = bool(
                self.lex.planned.search(visible[: match.start()])
                or self.lex.planned_after.match(visible[match.end() :])
            )
            date, source = self._date(sentence, visible, planned, name, match.start())
            if date and source == "text":
                self.last_dated = date
            mode = None
            if name == "call":
                mode = "phone" if self.lex.phone.search(visible) else "video"
            elif name in ("meeting", "visit"):
                mode = "in_person"
            self.events.append(
                Event(
                    event_type=name,
                    mode=mode,
                    status="planned" if planned else "occurred",
                    date=date,
                    date_source=source,
                    location=location,
                    participants=tuple(a.name for a in participants),
                    people=tuple(a.name for a in participants if a.kind == "person"),
                    trigger=match.group(0),
                    sentence=sentence.text,
                    char_start=sentence.start,
                    char_end=sentence.end,
                    cameo_code=self.lex.planned_cameo if planned and name in ("meeting", "visit", "call") else cameo,
                )
            )

    def run(self) -> list[Event]:
        for sentence in self.spans:
            self._sentence(sentence)
        return _dedupe(self.events)


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per type and participants (one list within the other) in an article, unless dates differ.

    A headline and the body often report the same event, once without a date.
    """
    unique: list[Event] = []
    for event in events:
        twin = next(
            (
                i
                for i, kept in enumerate(unique)
                if kept.event_type == event.event_type and _same_parties(kept, event) and _dates_agree(kept, event)
            ),
            None,
        )
        if twin is None:
            unique.append(event)
        elif unique[twin].date_source != "text" and event.date_source == "text":
            unique[twin] = event
    return unique


def _same_parties(a: Event, b: Event) -> bool:
    """The same people (one list of actors within the other), or exactly the same actors."""
    first, second = set(a.participants), set(b.participants)
    people = [{n for n in e.participants if n in a.people or n in b.people} for e in (a, b)]
    return first == second or (bool(people[0]) and people[0] == people[1] and (first <= second or second <= first))


def _dates_agree(a: Event, b: Event) -> bool:
    """A date the text does not state agrees with any, between the same people; else dates must match."""
    if (a.date_source != "text" or b.date_source != "text") and a.people and b.people:
        return True
    if a.date is None or b.date is None:
        return a.date is None and b.date is None
    return a.date.iso() == b.date.iso()


def extract_events(
    text: str,
    actors: ArticleActors,
    reference: dt.date,
    published: dt.date | None = None,
    quoted: list[tuple[int, int]] | None = None,
    language: str = "id",
    date_mentions: list[DateMention] | None = None,
    spans: list[Span] | None = None,
) -> list[Event]:
    """Events reported in ``text``; ``quoted`` spans (direct quotes) are not searched.

    ``date_mentions`` and ``spans`` (sentences) may be passed when already found.
    """
    return _Extractor(text, actors, reference, published, quoted or [], language, date_mentions, spans).run()
