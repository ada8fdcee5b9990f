"""Events: what happened (or is planned) between whom, when and where.

Each sentence is searched for the triggers of ``lexicon/<lang>/events.toml``
(text inside direct quotations is skipped: a speaker's words are not a report).
A sentence yields one event per type it triggers; weak triggers ("sepakat")
count only when nothing else fires (``triggers.py``). Participants are the actors
the sentence names (``participants.py``); the date is the one the sentence states,
else one from the context (``dating.py``); the same event reported twice is kept
once (``dedupe.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from pipelines.lib.dates import DateMention, find_date_mentions
from pipelines.lib.extract.actors.actors import Actor, ArticleActors
from pipelines.lib.extract.events.dating import EventDates
from pipelines.lib.extract.events.dedupe import dedupe
from pipelines.lib.extract.events.event import Event
from pipelines.lib.extract.events.lexicon import load_lexicon
from pipelines.lib.extract.events.participants import Participants, parties
from pipelines.lib.extract.events.triggers import Trigger, find_triggers
from pipelines.lib.extract.intervals import Intervals
from pipelines.lib.extract.quotes.cues import load_cues
from pipelines.lib.extract.sentences import Span, sentences
from pipelines.lib.lexicons import one_of

__all__ = ["Event", "extract_events"]

PLANNED_CAMEO_TYPES = ("meeting", "visit", "call")  # the types whose plan has a CAMEO code of its own


@cache
def _speech_verbs(language: str) -> re.Pattern:
    """The verbs of saying the quotes know ("mengatakan", "menyatakan"), as one pattern."""
    return re.compile(r"\b" + one_of(sorted(load_cues(language).speech_verbs, key=len, reverse=True)) + r"\b", re.I)


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
        self.actors = actors
        self.masked = Intervals((start, end, (start, end)) for start, end in masked)
        self.lex = load_lexicon(language)
        cues = load_cues(language)
        self.participants = Participants(text, actors, self.lex, cues, reference)
        mentions = find_date_mentions(text, language) if date_mentions is None else date_mentions
        self.dates = EventDates(self.lex, mentions, reference, published, _speech_verbs(language))
        self.spans = sentences(text, language) if spans is None else spans
        self.events: list[Event] = []
        self.reported: set[str] = set()  # the event types found so far

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

    def _location(self, sentence: Span, visible: str) -> str | None:
        """ "di Moskow", "ke ibu kota Beijing": a place the article's actors name first, else a name after "di"/"ke"."""
        candidates = [m for m in self.lex.location.finditer(visible)]
        named = {
            (m.start - sentence.start, m.end - sentence.start)
            for m in self.actors.mentions_in(sentence.start, sentence.end)
        }
        known = [c.group(1) for c in candidates if (c.start(1), c.end(1)) in named]
        words = self.actors.lexicon.not_name_words
        places = known or [c.group(1) for c in candidates if c.group(1).split()[0] not in words]
        return places[0] if places else None

    def _sentence(self, sentence: Span) -> None:
        visible = self._visible(sentence)
        self.dates.read_sentence(sentence, visible)
        for trigger in find_triggers(self.lex, visible, self.reported):
            event = self._event(sentence, visible, trigger)
            if event:
                self.events.append(event)
                self.reported.add(trigger.event_type)

    def _event(self, sentence: Span, visible: str, trigger: Trigger) -> Event | None:
        """The event ``trigger`` reports, if its sentence names the parties (and place) it needs."""
        name, match = trigger.event_type, trigger.match
        participants = self.participants.in_sentence(sentence, visible, match.start(), name)
        location = None if name == "call" else self._location(sentence, visible)  # a call has no one place
        if not participants or (name in self.lex.needs_location and not location):
            return None
        planned = self._planned(visible, match) or self.dates.to_come(sentence, visible, match.start())
        date, source = self.dates.of_event(sentence, visible, planned, name, match.start(), self.events)
        participants = self._sides(name, participants, self.participants.of_the_past(date))
        if participants is None:
            return None
        self.dates.keep(date, source)
        return Event(
            event_type=self.lex.reported_as[name],
            mode=self._mode(name, visible),
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
            cameo_code=self.lex.planned_cameo if planned and name in PLANNED_CAMEO_TYPES else trigger.cameo,
        )

    def _sides(self, name: str, participants: list[Actor], past: bool) -> list[Actor] | None:
        """The participants with the sides the event type needs added; None when it has too few.

        In an event of the ``past`` (years before the article) the people named only by role
        ("kedua kepala negara") are not the article's people, and none is added as a counterpart.
        """
        if past:
            participants = [a for a in participants if a.name not in self.participants.by_role]
        people = [a for a in participants if a.kind == "person"]
        if len(people) >= 2:
            self.participants.last_pair = tuple(a.name for a in people)
        elif name in self.lex.two_sided and people and not past:
            participants += self.participants.counterparts(participants, people)
        if (name in self.lex.between_parties or name in self.lex.two_sided) and len(parties(participants)) < 2:
            return None  # "Trump meneken perintah eksekutif" is no agreement, a meeting needs two sides
        if name in self.lex.joint and sum(a.kind == "country" for a in participants) < 2:
            participants += self.participants.main_countries_missing(participants)
        return participants

    def _planned(self, visible: str, match: re.Match) -> bool:
        """ "akan bertemu", "pertemuan … dijadwalkan berlangsung" are planned; "tanpa direncanakan" is not."""
        plain = self.lex.unplanned.sub(lambda m: " " * len(m.group(0)), visible)
        return bool(
            self.lex.planned.search(plain[: match.start()]) or self.lex.planned_after.match(plain[match.end() :])
        )

    def _mode(self, name: str, visible: str) -> str | None:
        if name == "call":
            return "phone" if self.lex.phone.search(visible) else "video"
        return "in_person" if name in ("meeting", "visit") else None

    def run(self) -> list[Event]:
        for sentence in self.spans:
            self._sentence(sentence)
        return dedupe(self.events)


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
