"""When an event happened: the date its sentence states, else one the article gave before.

The date is the date the trigger's clause states, resolved against the article's reference
date; "delapan hari setelah …" is anchored on the previous dated event; with no date in the
sentence an event takes the date of a sentence shortly before, and a past event the
publication month (``date_source`` says which).

A date that cannot be the event's is passed over: a date after the reference for what already
happened, before it for what is planned ("pekan lalu … akan memboikot"); the date of a saying
that reports the event ("AS, pekan lalu, mengatakan … akan memboikot"); a span or list of years
("pada tahun 1992 ke 2000") for a one-off event such as a signing; and, for the dates a later
sentence may borrow, a date inside a plan ("membuat rencana … pada tahun 2030").
"""

from __future__ import annotations

import datetime as dt
import re

from pipelines.lib.dates import DateMention, ResolvedDate, resolve
from pipelines.lib.extract.events.event import Event
from pipelines.lib.extract.events.lexicon import EventLexicon
from pipelines.lib.extract.intervals import Intervals
from pipelines.lib.extract.sentences import Span


class EventDates:
    """The dates of one article's events, found sentence by sentence in reading order."""

    def __init__(
        self,
        lex: EventLexicon,
        mentions: list[DateMention],
        reference: dt.date,
        published: dt.date | None,
        speech: re.Pattern,
    ):
        self.lex = lex
        self.speech = speech  # the verbs of saying ("mengatakan"): a date before one dates the saying
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
        one_off: bool = False,
    ) -> ResolvedDate | None:
        """The date the sentence states for what happened (not when it was reported).

        With ``near`` (clause start, clause end, trigger position, all within the sentence)
        only the trigger's clause counts: a date shortly after the trigger wins, else the
        nearest; without it, the first date of the sentence. A ``one_off`` event takes no
        year of a span or list.
        """
        for mention in self._candidates(sentence, visible, narrative, near):
            if one_off and mention.in_series:
                continue
            if mention.kind == "offset":
                resolved = resolve(mention, self.reference, anchor=self.last_dated)
            else:
                # the event knows its tense better than the sentence does; a date's own word ("Senin lalu") best
                future = mention.tense == "future" or (planned and mention.tense != "past")
                resolved = resolve(mention, self.reference, future=future)
            if resolved and self._fits(resolved, planned):
                return resolved
        return None

    def to_come(self, sentence: Span, visible: str, trigger: int) -> bool:
        """The trigger's clause states a date still to come ("Selasa (23/2) malam nanti", "bulan depan")."""
        clause_start, clause_end = self.lex.clause_around(visible, trigger)
        for mention in self.dates_at.within(sentence.start + clause_start, sentence.start + clause_end):
            end = mention.end - sentence.start
            if mention.tense == "future" or self.lex.future_after.search(visible[end : end + 12]):
                return True
        return False

    def _fits(self, date: ResolvedDate, planned: bool) -> bool:
        """What happened is not after the reference date; what is planned does not end before it."""
        if not planned:
            return date.value <= self.reference
        return _period_end(date) >= self.reference

    def _candidates(
        self, sentence: Span, visible: str, narrative: bool, near: tuple[int, int, int] | None
    ) -> list[DateMention]:
        """The date mentions of the sentence that can date its event, the likeliest first."""
        candidates = []
        for mention in self.dates_at.within(sentence.start, sentence.end):
            start, end = mention.start - sentence.start, mention.end - sentence.start
            if not visible[start:end].strip() or self.lex.report_cue.search(visible[:start]):
                continue
            if narrative and self._future(visible, start, end, mention):
                continue
            if near and not (near[0] < end and start < near[1]):  # overlaps the clause ("delapan hari setelah")
                continue
            if near and mention.kind == "offset" and start > near[2]:
                continue  # "A berlangsung sepekan setelah B": the offset dates B, not A
            if near and self._dates_the_saying(visible, end, near[2]):
                continue
            # nearest to the trigger, a date just after it first ("kunjungan … pada Mei lalu")
            after = near is not None and 0 <= start - near[2] <= self.lex.date_reach
            candidates.append(((not after, abs(start - near[2])) if near else (0, 0), mention))
        return [mention for _, mention in sorted(candidates, key=lambda c: c[0])]

    def _future(self, visible: str, start: int, end: int, mention: DateMention) -> bool:
        """A date of something to come: "depan", "2024 nanti", or inside a plan ("rencana … pada 2030")."""
        if mention.future_cue or mention.tense == "future" or self.lex.future_after.search(visible[start : end + 12]):
            return True
        clause_start, _ = self.lex.clause_around(visible, start)
        return bool(self.lex.planned.search(visible[clause_start:start]))

    def _dates_the_saying(self, visible: str, date_end: int, trigger: int) -> bool:
        """ "AS, pekan lalu, mengatakan pejabatnya akan memboikot …": a verb of saying between the
        date and the trigger makes the date the saying's, unless what follows the verb tells where
        it was said ("menyatakan dalam panggilan video …")."""
        if date_end > trigger:
            return False
        for verb in self.speech.finditer(visible, date_end, trigger):
            if not self.lex.speech_adjunct.match(visible, verb.end()):
                return True
        return False

    def keep(self, date: ResolvedDate | None, source: str | None) -> None:
        """Note the date of an event kept: a date the text states is the anchor of later offsets."""
        if date and source == "text":
            self.last_dated = date

    def of_event(
        self, sentence: Span, visible: str, planned: bool, kind: str, trigger: int, events: list[Event]
    ) -> tuple[ResolvedDate | None, str | None]:
        """The date of the event of type ``kind`` triggered at ``trigger``, and where it comes from.

        ``events`` are the events found before.
        """
        clause_start, clause_end = self.lex.clause_around(visible, trigger)
        one_off = kind in self.lex.one_off
        stated = self.stated(sentence, visible, planned, near=(clause_start, clause_end, trigger), one_off=one_off)
        if stated is None and clause_start > 0:  # "Rabu pagi, sebelum bertemu Putin, Li …": the sentence's opening date
            stated = self.stated(sentence, visible, planned, near=(0, clause_start, clause_start), one_off=one_off)
        if stated:
            return stated, "text"
        if self.lex.same_day.search(visible):  # "pada hari yang sama": the day of the last such event
            same = next(
                (
                    e.date
                    for e in reversed(events)
                    if e.event_type == self.lex.reported_as[kind] and e.date_source == "text"
                ),
                self.last_dated,
            )
            if same:
                return same, "context"
        recent = [d for d in self.narrative[-self.lex.inherit_date_within - 1 : -1] if d]
        if not planned and recent:
            return recent[-1], "context"
        spans_years = one_off and self._states_series(sentence, clause_start, clause_end)
        if not planned and self.published and not spans_years:  # "pada 2019 dan 2020": not this month either
            return ResolvedDate(self.published.replace(day=1), "month", note="publication month"), "publication"
        return None, None

    def _states_series(self, sentence: Span, clause_start: int, clause_end: int) -> bool:
        """The clause gives years together ("pada tahun 2019 dan 2020")."""
        mentions = self.dates_at.within(sentence.start + clause_start, sentence.start + clause_end)
        return any(m.in_series for m in mentions)


def _period_end(date: ResolvedDate) -> dt.date:
    """The last day of the period a date stands for (its day, month or year)."""
    if date.precision == "year":
        return dt.date(date.value.year, 12, 31)
    if date.precision == "month":
        following = dt.date(date.value.year + date.value.month // 12, date.value.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return date.value
