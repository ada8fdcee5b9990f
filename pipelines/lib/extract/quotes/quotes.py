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
from pipelines.lib.extract.quotes.cues import load_cues
from pipelines.lib.extract.quotes.marks import Quoted, find_quoted
from pipelines.lib.extract.quotes.speakers import UNNAMED, Speakers
from pipelines.lib.extract.sentences import Span, sentence_at, sentences

WORDS = re.compile(r"\w+")
AFTER_REACH = 400  # characters after a closing mark where its cue and speaker are looked for
LOWER_WORDS = re.compile(r"\b[a-z]+\b")
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


def _words(text: str) -> int:
    return len(WORDS.findall(text))


class _Extractor:
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

    def _reported_end(self, start: int, end: int) -> int:
        """Where reported speech ends inside ``text[start:end]``: before the first elaboration."""
        content = self.text[start:end]
        cuts = [m.start() for m in self.cues.cut_before.finditer(content) if not self._inserted_relative(content, m)]
        cuts += [m.start() for m in self.cues.verb_list.finditer(content)]
        cuts += [
            m.start() for m in self.cues.examples.finditer(content) if not self.cues.any_verb.search(content[m.end() :])
        ]
        total = _words(content)
        for cut in sorted(cuts):
            kept = _words(content[:cut])
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

    def _add(self, actor: Actor, kind: str, start: int, end: int, cue: str | None, addressee: str | None) -> None:
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
            self._add(actor, "direct", quoted.start, quoted.end, cue.lower(), addressee)
            self._added_remark(actor, cue_end, line_end)

    def _verb_before(self, quoted: Quoted, before: str, intro: re.Match, after: str) -> None:
        """ "Xi Jinping menyatakan “…”", "Xi mengatakan: “…”": the speaker and verb before the opening mark."""
        actor = self.speakers.subject(before[: intro.start(1)], quoted.open_at)
        if actor and (_words(quoted.text) >= self.cues.min_words_unattributed or not after.strip()[:1].isalnum()):
            self._add(actor, "direct", quoted.start, quoted.end, intro.group(1).lower(), None)

    def _continued(self, quoted: Quoted) -> None:
        """A quotation with no cue of its own, in the paragraph of the last quote or opening the next one,
        goes on with that speaker's words (after "X mengatakan bahwa …" too)."""
        last = self.last
        if last is None or _words(quoted.text) < self.cues.min_words_unattributed:
            return
        between = self.text[last.end : quoted.open_at].split("\n")
        if any(line.strip() for line in between[1:-1]):  # another paragraph in between
            return
        if not self._someone_else_named(last.actor, last.end, quoted.open_at):
            self._add(last.actor, "direct", quoted.start, quoted.end, last.cue, None)

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

    def _added_remark(self, actor: Actor, start: int, end: int) -> None:
        """ "…,” ujar Xi, seraya menambahkan bahwa China siap …": reported speech after the cue,
        in the cue's sentence."""
        sentence = sentence_at(self.sentences, start)
        remark = self.cues.added_remark.search(self.text, start, min(end, sentence.end) if sentence else end)
        if remark and _words(self.text[remark.end() : end]) >= 3:
            self._add(actor, "indirect", remark.end(), end, remark.group(1).lower(), None)

    def _clause_before(self, position: int) -> str:
        sentence = sentence_at(self.sentences, position)
        start = sentence.start if sentence else max(0, self.text.rfind("\n", 0, position) + 1)
        return self.text[start:position]

    # -- indirect quotes --------------------------------------------------------
    def _looks_direct(self, quoted: Quoted) -> bool:
        """A quotation with a cue after it or a reporting verb before it, long enough to be speech."""
        if _words(quoted.text) < self.cues.min_words_unattributed:
            return False
        end = quoted.close_at + 1 if quoted.close_at is not None else quoted.end
        if self.cues.after_pattern.match(self.text[end : end + 40]):
            return True
        before = self._clause_before(quoted.open_at)
        return not before.strip() or self._reporting_verb_at_end(before) is not None

    def _indirect(self, sentence: Span) -> None:
        # a sentence that carries a direct quote is read as that quote; a partial quotation
        # inside reported speech ("… memperkuat koordinasi "dalam situasi …"") is not one
        if any(self._looks_direct(q) for q in self.marked_at.overlapping(sentence.start, sentence.end)):
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
            if _words(phrase) > 6:
                return True
            source = phrase.split()[0].lower() in self.cues.not_speakers
            actor = None if source else self.speakers.speaker(phrase, sentence.start)
        if actor:
            start = sentence.start + according.end()
            self._add(actor, "indirect", start, sentence.end, according.group(1).lower(), None)
        # "Menurut kantor berita Xinhua, Xi mengatakan …": the report has a speaker of its own
        return actor is not None

    def _cue_inside(self, sentence: Span) -> bool:
        """ "Ujian semester, lanjutnya, tetap digelar …": the words after the cue are reported; true if read so."""
        inside = self.cues.inside_pattern.match(sentence.text)
        if not inside or _words(sentence.text[inside.end() :]) < 3:
            return False
        cue = inside.group(1).lower()
        phrase = "" if cue in self.cues.words.pronoun_after else self.speakers.phrase_after_cue(inside.group(2))[0]
        actor = self.speakers.speaker(phrase, sentence.start, cue)
        if actor:
            self._add(actor, "indirect", sentence.start + inside.end(), sentence.end, cue, None)
        return actor is not None

    def _cue_at_end(self, sentence: Span) -> bool:
        """ "…, kata Xi."; true when the sentence ends so."""
        trailing = self.cues.trailing_pattern.search(sentence.text)
        if not trailing or _words(sentence.text[: trailing.start()]) < 4:
            return False
        cue = trailing.group(1).lower()
        phrase = "" if cue in self.cues.words.pronoun_after else self.speakers.phrase_after_cue(trailing.group(2))[0]
        actor = self.speakers.speaker(phrase, sentence.start, cue)
        if actor:
            self._add(actor, "indirect", sentence.start, sentence.start + trailing.start(), cue, None)
        return True

    def _after_reporting_verb(self, sentence: Span) -> None:
        """ "Putin mengatakan (kepada Xi) (bahwa) …": the first reporting verb, its subject and what follows."""
        text = sentence.text
        verb = next((m for m in LOWER_WORDS.finditer(text) if self._is_reporting_verb(m.group(0))), None)
        if verb is None:
            return
        word = verb.group(0)
        skipped, addressee, marked = self._complement(text[verb.end() :])
        if word in self.cues.weak_speech_verbs and not marked:
            return
        content_start = sentence.start + verb.end() + skipped
        content = self.text[content_start : sentence.end]
        if _words(content) < 3 or (word in self.cues.naming_verbs and self.cues.naming.match(content)):
            return
        actor = self.speakers.subject(text[: verb.start()], sentence.start + verb.start())
        if actor:
            self._add(actor, "indirect", content_start, sentence.end, word, addressee)

    def _is_reporting_verb(self, word: str) -> bool:
        return word in self.cues.speech_verbs or word in self.cues.weak_speech_verbs

    def _complement(self, rest: str) -> tuple[int, str | None, bool]:
        """What stands between a reporting verb and its content: how many characters, the addressee
        named there, and whether a complementizer (or comma, colon) marks the content."""
        length, addressee = len(rest), None
        to = self.cues.addressee_pattern.match(rest)
        if to:
            addressee, rest = to.group(1), rest[to.end() :]
        # adjuncts before "bahwa": "mengatakan kepada wartawan di Beijing, Kamis (9/4), bahwa …"
        later = self.cues.complementizer_ahead.match(rest)
        if later and (later.group(1).lstrip().startswith(",") or self.speakers.is_adjunct(later.group(1))):
            addressee = addressee or self.speakers.addressee_in(later.group(1))
            rest = rest[later.end(1) :]
        comp = self.cues.complement_pattern.match(rest)
        return length - len(rest) + (comp.end() if comp else 0), addressee, comp is not None

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
