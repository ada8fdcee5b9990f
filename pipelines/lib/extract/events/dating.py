"""When an event happened: the date its sentence states, else one the article gave before.

The date is the date the trigger's clause states, resolved against the article's reference
date; "delapan hari setelah …" is anchored on the previous dated event; with no date in the
sentence an event takes the date of a sentence shortly before, and a past event the
publication month (``date_source`` says which).
"""

from __future__ import annotations

import datetime as dt

from pipelines.lib.dates import DateMention, ResolvedDate, resolve
from pipelines.lib.extract.events.event import Event
from pipelines.lib.extract.events.lexicon import EventLexicon
from pipelines.lib.extract.intervals import Intervals
from pipelines.lib.extract.sentences import Span


class EventDates:
    """The dates of one article's events, found sentence by sentence in reading order."""

    def __init__(self, lex: EventLexicon, mentions: list[DateMention], reference: dt.date, published: dt.date | None):
        self.lex = lex
        self.dates_at = Intervals((m.start, m.end, m) for m in mentions)
        self.reference = reference
        self.published = published
        self.last_dated: ResolvedDate | None = None
        self.narrative: list[ResolvedDate | None] = []  # the first date each sentence states

    def read_sentence(self, sentence: Span, visible: str) -> None:
        """Note the first date ``sentence`` states for something past, whether or not it reports an event."""
        self.narrative.append(self.stated(sentence, visible, planned=False, narrative=True))

    def stated(
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
        for mention in self._candidates(sentence, visible, narrative, near):
            if mention.kind == "offset":
                resolved = resolve(mention, self.reference, anchor=self.last_dated)
            else:
                resolved = resolve(mention, self.reference, future=True if planned else None)
            if resolved:
                return resolved
        return None

    def _candidates(
        self, sentence: Span, visible: str, narrative: bool, near: tuple[int, int, int] | None
    ) -> list[DateMention]:
        """The date mentions of the sentence that can date its event, the likeliest first."""
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
        return [mention for _, mention in sorted(candidates, key=lambda c: c[0])]

    def of_event(
        self, sentence: Span, visible: str, planned: bool, kind: str, trigger: int, events: list[Event]
    ) -> tuple[ResolvedDate | None, str | None]:
        """The date of the event of type ``kind`` triggered at ``trigger``, and where it comes from.

        ``events`` are the events found before; a date the text states is the anchor of later offsets.
        """
        date, source = self._of_event(sentence, visible, planned, kind, trigger, events)
        if date and source == "text":
            self.last_dated = date
        return date, source

    def _of_event(
        self, sentence: Span, visible: str, planned: bool, kind: str, trigger: int, events: list[Event]
    ) -> tuple[ResolvedDate | None, str | None]:
        clause_start, clause_end = self.lex.clause_around(visible, trigger)
        stated = self.stated(sentence, visible, planned, near=(clause_start, clause_end, trigger))
        if stated is None and clause_start > 0:  # "Rabu pagi, sebelum bertemu Putin, Li …": the sentence's opening date
            stated = self.stated(sentence, visible, planned, near=(0, clause_start, clause_start))
        if stated:
            return stated, "text"
        if self.lex.same_day.search(visible):  # "pada hari yang sama": the day of the last such event
            same = next(
                (e.date for e in reversed(events) if e.event_type == kind and e.date_source == "text"),
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
