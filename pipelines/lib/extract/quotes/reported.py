"""Reported (indirect) speech: "Putin mengatakan (kepada Xi) (bahwa) …", "Menurut Yang, …", "…, kata Xi.",
"Ujian semester, lanjutnya, tetap digelar …", "Santoso said (that) …", and where what is reported ends."""

from __future__ import annotations

import re

from pipelines.lib.extract.actors.actors import Actor
from pipelines.lib.extract.intervals import Intervals
from pipelines.lib.extract.quotes.cues import Cues
from pipelines.lib.extract.quotes.marks import Quoted
from pipelines.lib.extract.quotes.speakers import Speakers
from pipelines.lib.extract.sentences import Span

WORDS = re.compile(r"\w+")
LOWER_WORDS = re.compile(r"\b[a-z]+\b")


def word_count(text: str) -> int:
    return len(WORDS.findall(text))


class ReportedSpeech:
    """Reads the reported speech of a sentence; the quote extractor (``quotes.py``) records what it finds."""

    text: str
    cues: Cues
    speakers: Speakers
    marked_at: Intervals[Quoted]

    def add_quote(
        self,
        actor: Actor,
        kind: str,
        start: int,
        end: int,
        cue: str | None,
        addressee: str | None,
        region: tuple[int, int] | None = None,
    ) -> None:
        raise NotImplementedError

    def looks_direct(self, quoted: Quoted) -> bool:
        raise NotImplementedError

    def _indirect(self, sentence: Span) -> None:
        # a sentence that carries a direct quote is read as that quote; a partial quotation
        # inside reported speech ("… memperkuat koordinasi "dalam situasi …"") is not one
        if any(self.looks_direct(q) for q in self.marked_at.overlapping(sentence.start, sentence.end)):
            return
        if self._according_to(sentence) or self._cue_inside(sentence) or self._cue_at_end(sentence):
            return
        self._after_reporting_verb(sentence)

    def _according_to(self, sentence: Span) -> bool:
        """ "Menurut Yang, …", "Menurutnya, …"; true when the sentence is read so."""
        according = self.cues.according_pattern.match(sentence.text)
        if not according:
            return False
        if according.group(2):  # "menurutnya": the last speaker or subject
            actor = self.speakers.referent(sentence.start, None)
        else:
            phrase = according.group(3)
            if not phrase.strip():  # "Menurut , …": nobody is named
                return False
            if word_count(phrase) > 6:
                return True
            source = phrase.split()[0].lower() in self.cues.not_speakers
            actor = None if source else self.speakers.speaker(phrase, sentence.start)
        if actor:
            start = sentence.start + according.end()
            region = (sentence.start, start)
            self.add_quote(actor, "indirect", start, sentence.end, according.group(1).lower(), None, region)
        # "Menurut kantor berita Xinhua, Xi mengatakan …": the report has a speaker of its own
        return actor is not None

    def _cue_inside(self, sentence: Span) -> bool:
        """ "Ujian semester, lanjutnya, tetap digelar …", "The city, he said, will …": the words after the cue
        are reported; true if read so."""
        inside = self.cues.inside_pattern.match(sentence.text)
        cue_group, who_group = 1, 2
        if inside is None:
            inside, cue_group, who_group = self.cues.inside_speaker_first.match(sentence.text), "cue", "who"
        if not inside or word_count(sentence.text[inside.end() :]) < 3:
            return False
        cue, who = inside.group(cue_group).lower(), inside.group(who_group)
        phrase = "" if cue in self.cues.words.pronoun_after else self.speakers.phrase_after_cue(who or "")[0]
        actor = self.speakers.speaker(phrase, sentence.start, cue)
        if actor:
            region = (
                sentence.start + min(inside.start(cue_group), inside.start(who_group)),
                sentence.start + inside.end(),
            )
            self.add_quote(actor, "indirect", sentence.start + inside.end(), sentence.end, cue, None, region)
        return actor is not None

    def _cue_at_end(self, sentence: Span) -> bool:
        """ "…, kata Xi."; true when the sentence ends so."""
        trailing = self.cues.trailing_pattern.search(sentence.text)
        cue_group, who_group = 1, 2
        if trailing is None:  # "…, Santoso said."
            trailing, cue_group, who_group = self.cues.trailing_speaker_first.search(sentence.text), "cue", "who"
        if not trailing or word_count(sentence.text[: trailing.start()]) < 4:
            return False
        cue, who = trailing.group(cue_group).lower(), trailing.group(who_group)
        phrase = "" if cue in self.cues.words.pronoun_after else self.speakers.phrase_after_cue(who)[0]
        actor = self.speakers.speaker(phrase, sentence.start, cue)
        if actor:
            region = (sentence.start + trailing.start(), sentence.end)
            self.add_quote(actor, "indirect", sentence.start, sentence.start + trailing.start(), cue, None, region)
        return True

    def _after_reporting_verb(self, sentence: Span) -> None:
        """ "Putin mengatakan (kepada Xi) (bahwa) …": the first reporting verb, its subject and what follows."""
        text = sentence.text
        verb = next((m for m in LOWER_WORDS.finditer(text) if self._is_reporting_verb(m.group(0))), None)
        if verb is None:
            return
        word = verb.group(0)
        skipped, addressee, marked = self._complement(text[verb.end() :], word)
        if (word in self.cues.weak_speech_verbs and not marked) or verb.end() + skipped >= len(text):
            return
        content_start = sentence.start + verb.end() + skipped
        content = self.text[content_start : sentence.end]
        if word_count(content) < 3 or (word in self.cues.naming_verbs and self.cues.naming.match(content)):
            return
        actor = self.speakers.subject(text[: verb.start()], sentence.start + verb.start())
        if actor:
            region = (sentence.start, sentence.start + verb.end())
            self.add_quote(actor, "indirect", content_start, sentence.end, word, addressee, region)

    def _is_reporting_verb(self, word: str) -> bool:
        return word in self.cues.speech_verbs or word in self.cues.weak_speech_verbs

    def _complement(self, rest: str, verb: str = "") -> tuple[int, str | None, bool]:
        """What stands between a reporting verb and its content: how many characters, the addressee
        named there ("kepada wartawan", "told reporters"), and whether a complementizer (or comma, colon)
        marks the content."""
        length, addressee = len(rest), None
        to = self.cues.addressee_pattern.match(rest)
        if to:
            addressee, rest = to.group(1), rest[to.end() :]
        elif verb in self.cues.addressee_verbs and (told := self.cues.complementizer_ahead.match(rest)):
            words = told.group(1).strip(" ,").split()
            if 0 < len(words) <= 6:  # "told reporters on Tuesday that …"
                addressee, rest = self.speakers.phrase_after_cue(" ".join(words))[0] or None, rest[told.end(1) :]
        # adjuncts before "bahwa": "mengatakan kepada wartawan di Beijing, Kamis (9/4), bahwa …"
        later = self.cues.complementizer_ahead.match(rest)
        if later and (later.group(1).lstrip().startswith(",") or self.speakers.is_adjunct(later.group(1))):
            addressee = addressee or self.speakers.addressee_in(later.group(1))
            rest = rest[later.end(1) :]
        comp = self.cues.complement_pattern.match(rest)
        if comp is None and self.speakers.is_adjunct(rest.split(",", 1)[0]):
            # "mengatakan dalam pidatonya, Rusia siap …": the content after the adjunct's comma; "said
            # Tuesday in a chat with X." reports nothing
            comma = rest.find(",")
            if comma < 0 or word_count(rest[:comma]) > 12:
                return length, addressee, False
            rest = rest[comma + 1 :]
            return length - len(rest), addressee, True
        return length - len(rest) + (comp.end() if comp else 0), addressee, comp is not None

    def _reported_end(self, start: int, end: int) -> int:
        """Where reported speech ends inside ``text[start:end]``: before the first elaboration."""
        content = self.text[start:end]
        cuts = [m.start() for m in self.cues.cut_before.finditer(content) if not self._inserted_relative(content, m)]
        cuts += [m.start() for m in self.cues.verb_list.finditer(content)]
        cuts += [
            m.start() for m in self.cues.examples.finditer(content) if not self.cues.any_verb.search(content[m.end() :])
        ]
        total = word_count(content)
        for cut in sorted(cuts):
            kept = word_count(content[:cut])
            if kept >= self.cues.min_reported_words:
                return start + cut if kept < total / 2 else end
        return end

    def _inserted_relative(self, content: str, cut: re.Match) -> bool:
        """ "warga …, yang rawan banjir, diminta waspada": a relative clause set off by commas, after which
        the reported clause goes on with its predicate."""
        if cut.group(0).lower() not in self.cues.relative_openers:
            return False
        closing = content.find(",", cut.end())
        return closing >= 0 and self.cues.predicate_start.match(content, closing + 1) is not None
