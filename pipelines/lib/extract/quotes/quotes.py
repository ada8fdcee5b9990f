"""Quotes: who said what, direct (in quotation marks) and indirect (reported).

Attribution follows Indonesian news style, with every cue word in
``lexicon/<lang>/quotes.toml``:

- after the quotation: “…,” kata Putin (kepada Xi) / “…,” imbuhnya
- before it: Xi Jinping menyatakan “…” / Xi mengatakan: “…”
- a paragraph that is one quotation continues the previous speaker's words
- reported speech: Putin mengatakan (bahwa) … / Menurut Yang, … / …, kata Xi.

Pronoun attributions (imbuhnya, katanya, ujar dia, menurutnya, Dia mengatakan)
belong to the last named speaker (``speakers.py``). A short quoted term with no
speaker next to it (‘demokrasi’, “kekejaman”) is a scare quote, not a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.lib.extract.actors.actors import Actor, ArticleActors
from pipelines.lib.extract.actors.names import names_in
from pipelines.lib.extract.intervals import Intervals
from pipelines.lib.extract.quotes.attribution import speaker_mention
from pipelines.lib.extract.quotes.cues import load_cues
from pipelines.lib.extract.quotes.marks import Quoted, find_quoted
from pipelines.lib.extract.quotes.reported import ReportedSpeech, word_count
from pipelines.lib.extract.quotes.speakers import UNNAMED, Speakers
from pipelines.lib.extract.sentences import Span, sentence_at, sentences

AFTER_REACH = 400  # characters after a closing mark where its cue and speaker are looked for
LAST_WORD = re.compile(r"(\w+)\s*[:,]?\s*$")  # the verb of "Xi mengatakan: “…”"


@dataclass(frozen=True)
class _Last:
    actor: Actor
    cue: str | None
    end: int


@dataclass(frozen=True)
class Quote:
    speaker: str
    speaker_kind: str
    kind: str  # direct | indirect
    text: str
    char_start: int
    char_end: int
    cue: str | None
    addressee: str | None
    sentence: str
    speaker_mention: str | None = None  # the words that name the speaker where the quote is attributed
    speaker_start: int | None = None  # body[speaker_start:speaker_end] is speaker_mention
    speaker_end: int | None = None
    speaker_role: str | None = None  # the role the text gives the speaker: "Juru Bicara KPK"


class _Extractor(ReportedSpeech):
    def __init__(
        self,
        text: str,
        actors: ArticleActors,
        language: str,
        spans: list[Span] | None = None,
        quoted: list[Quoted] | None = None,
    ):
        self.text = text
        self.cues = load_cues(language)
        self.sentences = sentences(text, language) if spans is None else spans
        self.quoted = find_quoted(text, language) if quoted is None else quoted
        self.marked_at = Intervals((q.open_at, q.close_at or q.end, q) for q in self.quoted)  # marks included
        self.actors = actors
        self.speakers = Speakers(text, actors, self.cues, self.sentences, self.quoted)
        self.last: _Last | None = None  # the speaker of the last quote (named or not), its cue and its end
        self.quotes: list[Quote] = []

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
        """Record a quote of ``text[start:end]``; ``region`` is where the text attributes it (its cue and speaker)."""
        if actor.kind == UNNAMED:  # "kata seorang petugas": theirs, and not recorded
            self.last = _Last(actor, cue, end)
            self.speakers.remember(actor, start)
            return
        if kind == "indirect":
            end = self._reported_end(start, end)
        while start < end and self.text[start] in " ,:;“”\"'‘’«»":
            start += 1
        while end > start and self.text[end - 1] in " ,;:“”\"'‘’«»":
            end -= 1
        if end <= start:
            return
        sentence = sentence_at(self.sentences, start)
        named = speaker_mention(self.actors, actor, region, self.cues.words.pronoun_after)
        self.quotes.append(
            Quote(
                speaker=actor.name,
                speaker_kind=actor.kind,
                kind=kind,
                text=self.text[start:end],
                char_start=start,
                char_end=end,
                cue=cue,
                addressee=self.speakers.addressee_name(addressee),
                sentence=sentence.text if sentence else self.text[start:end],
                speaker_mention=named.surface if named else None,
                speaker_start=named.start if named else None,
                speaker_end=named.end if named else None,
                speaker_role=named.role if named else None,
            )
        )
        self.last = _Last(actor, cue, end)
        self.speakers.remember(actor, start)

    # -- direct quotes --------------------------------------------------------
    def _direct(self, quoted: Quoted, previous: Quote | None) -> None:
        end = quoted.close_at + 1 if quoted.close_at is not None else quoted.end
        line_end = self.text.find("\n", end)
        line_end = len(self.text) if line_end < 0 else line_end
        after = self.text[end : min(line_end, end + AFTER_REACH)]
        match = self.cues.after_pattern.match(after)
        if match:
            self._cue_after(quoted, match.group(1), after[match.end() :], end + match.end(), line_end)
            return
        first = self.cues.speaker_first.match(after)
        if first and self._speaker_first(quoted, first, end + first.end(), line_end):
            return
        before = self._clause_before(quoted.open_at)
        intro = self._reporting_verb_at_end(before)
        if intro:
            self._verb_before(quoted, before, intro, after)
            return
        if not before.strip() or self._interrupted(quoted, previous):
            self._continued(quoted)

    def _cue_after(self, quoted: Quoted, cue: str, rest: str, cue_end: int, line_end: int) -> None:
        """ "“…,” kata Putin kepada Xi": the cue, then the speaker in ``rest``, after the closing mark."""
        if cue.lower() in self.cues.words.pronoun_after:
            phrase, addressee = "", None
        else:
            phrase, addressee = self.speakers.phrase_after_cue(rest)
        actor = self.speakers.speaker(phrase, quoted.open_at, cue)
        if actor:
            region = (cue_end - len(cue), cue_end + len(self.speakers.clause(rest)))
            self.add_quote(actor, "direct", quoted.start, quoted.end, cue.lower(), addressee, region)
            self._added_remark(actor, cue_end, line_end, region)

    def _speaker_first(self, quoted: Quoted, first: re.Match, cue_end: int, line_end: int) -> bool:
        """ "“…,” Santoso said", "“…,” she added": the speaker before the cue; true if one is found."""
        cue = first.group("cue")
        actor = self.speakers.speaker(self.speakers.phrase_after_cue(first.group("who"))[0], quoted.open_at, cue)
        if actor:
            region = (cue_end - first.end(), cue_end)
            self.add_quote(actor, "direct", quoted.start, quoted.end, cue.lower(), None, region)
            self._added_remark(actor, cue_end, line_end, region)
        return actor is not None

    def _verb_before(self, quoted: Quoted, before: str, intro: re.Match, after: str) -> None:
        """ "Xi Jinping menyatakan “…”", "Xi mengatakan: “…”": the speaker and verb before the opening mark."""
        actor = self.speakers.subject(before[: intro.start(1)], quoted.open_at)
        if actor and (word_count(quoted.text) >= self.cues.min_words_unattributed or not after.strip()[:1].isalnum()):
            region = (quoted.open_at - len(before), quoted.open_at)
            self.add_quote(actor, "direct", quoted.start, quoted.end, intro.group(1).lower(), None, region)

    def _continued(self, quoted: Quoted) -> None:
        """A quotation with no cue of its own, in the paragraph of the last quote or opening the next one,
        goes on with that speaker's words (after "X mengatakan bahwa …" too)."""
        last = self.last
        if last is None or word_count(quoted.text) < self.cues.min_words_unattributed:
            return
        between = self.text[last.end : quoted.open_at].split("\n")
        if any(line.strip() for line in between[1:-1]):  # another paragraph in between
            return
        if not self._someone_else_named(last.actor, last.end, quoted.open_at):
            self.add_quote(last.actor, "direct", quoted.start, quoted.end, last.cue, None)

    def _someone_else_named(self, actor: Actor, start: int, end: int) -> bool:
        """Does ``text[start:end]`` name a person other than ``actor`` ("Keluhan datang dari Slamet Riyadi")?"""
        if any(m.actor.kind == "person" and m.actor != actor for m in self.actors.mentions_in(start, end)):
            return True
        words = set(actor.name.split())
        return any(not set(run) <= words for run in names_in(self.actors.lexicon, self.text[start:end]))

    def _interrupted(self, quoted: Quoted, previous: Quote | None) -> bool:
        """ "“…,” tutur Rizal, “dan itu …”": the cue between two parts of one quotation."""
        if previous is None or previous.kind != "direct" or previous.char_end > quoted.open_at:
            return False
        between = self.text[previous.char_end : quoted.open_at]
        cue = self.cues.after_pattern.match(between.lstrip(" ,.!?“”\"'‘’«»"))
        return cue is not None and between.rstrip().endswith(",") and "\n" not in between

    def _reporting_verb_at_end(self, before: str) -> re.Match | None:
        """The reporting verb that ends ``before`` ("Xi mengatakan:"), if it does."""
        intro = LAST_WORD.search(before)
        return intro if intro and self._is_reporting_verb(intro.group(1).lower()) else None

    def _added_remark(self, actor: Actor, start: int, end: int, region: tuple[int, int]) -> None:
        """ "…,” ujar Xi, seraya menambahkan bahwa China siap …": reported speech after the cue,
        in the cue's sentence."""
        sentence = sentence_at(self.sentences, start)
        remark = self.cues.added_remark.search(self.text, start, min(end, sentence.end) if sentence else end)
        if remark and word_count(self.text[remark.end() : end]) >= 3:
            self.add_quote(actor, "indirect", remark.end(), end, remark.group(1).lower(), None, region)

    def _clause_before(self, position: int) -> str:
        sentence = sentence_at(self.sentences, position)
        start = sentence.start if sentence else max(0, self.text.rfind("\n", 0, position) + 1)
        return self.text[start:position]

    def looks_direct(self, quoted: Quoted) -> bool:
        """A quotation with a cue after it or a reporting verb before it, long enough to be speech."""
        if word_count(quoted.text) < self.cues.min_words_unattributed:
            return False
        end = quoted.close_at + 1 if quoted.close_at is not None else quoted.end
        if self.cues.after_pattern.match(self.text[end : end + 40]):
            return True
        before = self._clause_before(quoted.open_at)
        return not before.strip() or self._reporting_verb_at_end(before) is not None

    def run(self) -> list[Quote]:
        items: list[tuple[int, object]] = [(q.open_at, q) for q in self.quoted]
        items += [(s.start, s) for s in self.sentences]
        items.sort(key=lambda item: (item[0], isinstance(item[1], Span)))
        for _, item in items:
            if isinstance(item, Quoted):
                previous = self.quotes[-1] if self.quotes else None
                self._direct(item, previous)
            else:
                self._indirect(item)
        return self.quotes


def extract_quotes(
    text: str,
    actors: ArticleActors | None = None,
    language: str = "id",
    spans: list[Span] | None = None,
    quoted: list[Quoted] | None = None,
) -> list[Quote]:
    """Direct and indirect quotes of a clean article body, in reading order.

    ``spans`` (its sentences) and ``quoted`` (its quotation-mark spans) may be passed when already found.
    """
    actors = actors or ArticleActors.scan(text, language=language)
    return _Extractor(text, actors, language, spans, quoted).run()
