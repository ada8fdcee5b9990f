"""Quotes: who said what, direct (in quotation marks) and indirect (reported).

Attribution follows Indonesian news style, with every cue word in
``lexicon/<lang>/quotes.toml``:

- after the quotation: “…,” kata Putin (kepada Xi) / “…,” imbuhnya
- before it: Xi Jinping menyatakan “…” / Xi mengatakan: “…”
- a paragraph that is one quotation continues the previous speaker's words
- reported speech: Putin mengatakan (bahwa) … / Menurut Yang, … / …, kata Xi.

Pronoun attributions (imbuhnya, katanya, ujar dia, menurutnya, Dia mengatakan)
belong to the last named speaker. A short quoted term with no speaker next to
it (‘demokrasi’, “kekejaman”) is a scare quote, not a quote.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from pipelines.lib.extract.actors.actors import Actor, ArticleActors
from pipelines.lib.extract.intervals import Intervals
from pipelines.lib.extract.quotes.cues import load_cues
from pipelines.lib.extract.quotes.marks import Quoted, find_quoted
from pipelines.lib.extract.sentences import Span, sentence_at, sentences

WORDS = re.compile(r"\w+")
AFTER_REACH = 400  # characters after a closing mark where its cue and speaker are looked for
LOWER_WORDS = re.compile(r"\b[a-z]+\b")


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
        self.actors = actors
        self.cues = load_cues(language)
        self.sentences = sentences(text) if spans is None else spans
        self.quoted = find_quoted(text, language) if quoted is None else quoted
        self.quoted_at = Intervals((q.start, q.end, q) for q in self.quoted)  # inside the marks
        self.marked_at = Intervals((q.open_at, q.close_at or q.end, q) for q in self.quoted)  # marks included
        self.sentence_starts = [s.start for s in self.sentences]
        self.last_speaker: Actor | None = None
        self.last_speaker_at = -1
        self.last_quote_actor: Actor | None = None
        self.quotes: list[Quote] = []

    # -- speakers -----------------------------------------------------------
    def _speaker(self, phrase: str, position: int, cue: str | None = None) -> Actor | None:
        phrase = phrase.strip(" ,.:;")
        if not phrase or self.actors.is_pronoun(phrase) or self._is_anaphoric(phrase):
            return self._referent(position, cue)
        return self.actors.resolve(phrase)

    def _referent(self, position: int, cue: str | None) -> Actor | None:
        """Who "dia", "katanya" or "menurutnya" is: the last named speaker or subject.

        "imbuhnya" (he added) goes on with the last speaker; other pronouns take whichever
        is nearer: the last speaker, or the first person named in the nearest sentence
        before (its subject, in Indonesian word order).
        """
        if cue and cue.lower().removesuffix("nya") in self.cues.continuation and self.last_speaker:
            return self.last_speaker
        subject = self._subject_before(position)
        if subject and (self.last_speaker is None or subject[0] > self.last_speaker_at):
            return subject[1]
        return self.last_speaker or (subject[1] if subject else None)

    def _subject_before(self, position: int) -> tuple[int, Actor] | None:
        current = sentence_at(self.sentences, position)
        for k in range(bisect_right(self.sentence_starts, position) - 1, -1, -1):
            sentence = self.sentences[k]
            end = position if sentence is current else sentence.end
            for mention in self.actors.mentions_in(sentence.start, end):
                inside_quote = bool(self.quoted_at.overlapping(mention.start, mention.start + 1))
                if mention.actor.kind == "person" and not inside_quote:
                    return mention.start, mention.actor
        return None

    def _phrase_after_cue(self, rest: str) -> tuple[str, str | None]:
        """Split "Putin kepada Xi, dilansir dari Reuters." into speaker and addressee.

        An apposition after a comma names the person behind a role:
        "kata Kasubdit IV Polda Lampung, AKBP Ferdiyan Fahmi, di Bandarlampung".
        """
        clause = re.split(r"(?<!\b[A-Z])[.;:!?()\n]", rest, maxsplit=1)[0]
        tokens = clause.replace(",", " , ").split()
        speaker, addressee = [], None
        for i, token in enumerate(tokens):
            if token.lower() in self.cues.speaker_end:
                if token.lower() in self.cues.addressee:
                    addressee = " ".join(tokens[i + 1 :]).split(" , ")[0] or None
                break
            speaker.append(token)
        segments = [seg.strip() for seg in " ".join(speaker).split(" , ") if seg.strip()]
        named = [
            seg
            for seg in segments
            if self.actors.resolve(seg, register=False) is not None and not self._is_anaphoric(seg)
        ]
        phrase = named[-1] if len(named) > 1 and self._names_a_person(named[-1]) else (segments[0] if segments else "")
        return phrase, addressee

    def _addressee_name(self, phrase: str | None) -> str | None:
        """ "Xi" -> "Xi Jinping"; an addressee that is no actor ("wartawan") stays as written."""
        actor = self.actors.resolve(phrase, register=False) if phrase else None
        return actor.name if actor else phrase

    def _addressee_in(self, adjuncts: str) -> str | None:
        """ "kepada wartawan di Beijing, Kamis" -> "wartawan"."""
        match = re.search(r"\b(?:" + "|".join(self.cues.addressee) + r")\s+(.+)", adjuncts)
        return self._phrase_after_cue(match.group(1))[0] or None if match else None

    def _names_a_person(self, phrase: str) -> bool:
        actor = self.actors.resolve(phrase, register=False)
        return actor is not None and actor.kind == "person"

    def _is_anaphoric(self, phrase: str) -> bool:
        """ "politisi Partai Hanura itu", "pria tersebut": a description of someone already named."""
        return bool(re.search(r"\b(?:itu|tersebut|ini)$", phrase.strip(" ,.").lower()))

    def _reported_end(self, start: int, end: int) -> int:
        """Where reported speech ends inside ``text[start:end]``: before the first elaboration."""
        content = self.text[start:end]
        cuts = [m.start() for m in self.cues.cut_before.finditer(content)]
        cuts += [m.start() for m in self.cues.verb_list.finditer(content)]
        cuts += [
            m.start()
            for m in self.cues.examples.finditer(content)
            if not re.search(r"\b(?:me|ber|di)[a-z]{3,}", content[m.end() :])
        ]
        total = _words(content)
        for cut in sorted(cuts):
            kept = _words(content[:cut])
            if kept >= self.cues.min_reported_words:
                return start + cut if kept < total / 2 else end
        return end

    def _add(self, actor: Actor, kind: str, start: int, end: int, cue: str | None, addressee: str | None) -> None:
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
                addressee=self._addressee_name(addressee),
                sentence=sentence.text if sentence else self.text[start:end],
            )
        )
        self.last_quote_actor = actor
        if actor.kind == "person":
            self.last_speaker, self.last_speaker_at = actor, start

    # -- direct quotes --------------------------------------------------------
    def _direct(self, quoted: Quoted, previous: Quote | None) -> None:
        end = quoted.close_at + 1 if quoted.close_at is not None else quoted.end
        line_end = self.text.find("\n", end)
        line_end = len(self.text) if line_end < 0 else line_end
        after = self.text[end : min(line_end, end + AFTER_REACH)]
        match = self.cues.after_pattern.match(after)
        if match:
            cue = match.group(1)
            rest = after[match.end() :]
            phrase, addressee = ("", None) if cue.lower().endswith("nya") else self._phrase_after_cue(rest)
            actor = self._speaker(phrase, quoted.open_at, cue)
            if actor:
                self._add(actor, "direct", quoted.start, quoted.end, cue.lower(), addressee)
                self._added_remark(actor, end + match.end(), line_end)
            return
        before = self._clause_before(quoted.open_at)
        intro = re.search(r"(\w+)\s*[:,]?\s*$", before)
        words = _words(quoted.text)
        if intro and intro.group(1).lower() in self.cues.speech_verbs | self.cues.weak_speech_verbs:
            subject = before[: intro.start(1)]
            actor = self._subject(subject, quoted.open_at)
            if actor and (words >= self.cues.min_words_unattributed or not after.strip()[:1].isalnum()):
                self._add(actor, "direct", quoted.start, quoted.end, intro.group(1).lower(), None)
            return
        starts_paragraph = not before.strip()
        if previous and starts_paragraph and words >= self.cues.min_words_unattributed and previous.kind == "direct":
            actor = self.last_quote_actor
            if actor:
                self._add(actor, "direct", quoted.start, quoted.end, previous.cue, None)

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

    def _is_filler(self, token: str) -> bool:
        """Words between a speaker and the verb: "pun", "pada Selasa (21/1)"."""
        bare = token.strip(",")
        if bare.lower() in self.cues.subject_fillers or re.fullmatch(r"\(?[\d/.-]+\)?", bare):
            return True
        return bare.lower() in self.cues.time_words  # "Xi pada Selasa (21/1) mengatakan"

    def _subject(self, subject: str, position: int) -> Actor | None:
        """The speaker named right before a reporting verb, or a pronoun."""
        acronym = re.search(r"\(([A-Z][A-Z0-9-]{1,9})\)\s*$", subject)  # "Komando … Amerika Utara (NORAD)"
        if acronym:
            return self.actors.resolve(acronym.group(1)) or Actor(acronym.group(1), "organization")
        named = self._named_before(position - len(subject), position)
        if named:
            return named
        if re.search(r"\S\s+(?:itu|tersebut)(?:\s+(?:juga|pun|kembali|lalu|sebelumnya))*\s*$", subject):
            return self._referent(position, None)  # "Diplomat senior Rusia itu juga mengatakan"
        tokens = subject.split()
        while tokens and self._is_filler(tokens[-1]):
            tokens.pop()
        if not tokens:
            return None
        if self.actors.is_pronoun(tokens[-1]):
            return self._speaker(tokens[-1], position)
        joined = " ".join(tokens).rstrip(", ")
        last_segment = joined.rsplit(",", 1)[-1].strip()
        if "," in joined and self._names_a_person(last_segment) and len(last_segment.split()) <= 4:
            return self.actors.resolve(last_segment)  # "Ketika ditanya soal sanksi, Lavrov menjawab"
        clause = re.split(r",\s+(?=[a-z])|^.*\b(?:bahwa|dengan|untuk|yang)\b", " ".join(tokens))[-1]
        clause_tokens = clause.split()
        if len(clause_tokens) > 8 or any(re.fullmatch(r"(me|ber|di)[a-z]{4,}", t) for t in clause_tokens):
            return None
        return self.actors.resolve(clause) if clause_tokens else None

    def _named_before(self, start: int, verb: int) -> Actor | None:
        """ "Guo Jiakun dalam konferensi pers di Beijing mengatakan": a person, then only an adjunct."""
        people = [m for m in self.actors.mentions_in(start, verb) if m.actor.kind == "person"]
        for k in range(len(people) - 1, -1, -1):
            before = self.text[people[k - 1].end if k else start : people[k].start]
            if k and re.search(r"\byang\b", before):
                continue  # "Modi, yang bertemu Putin di sela KTT, mengatakan": Putin is inside the clause
            gap = self.text[people[k].end : verb].strip(" ,")
            if not gap or gap.lower().startswith("yang ") or self._is_adjunct(gap):
                return people[k].actor
            return None
        return None

    def _is_adjunct(self, words: str) -> bool:
        """ "dalam konferensi pers di Beijing", "saat dihubungi melalui telepon, Kamis": no verb of its own."""
        verbs = [w for w in re.findall(r"\b(?:me|ber)[a-z]{3,}|\bmerupakan\b", words) if w not in self.cues.not_verbs]
        return bool(re.match(self.cues.adjunct_start, words.strip(" ,"), re.IGNORECASE)) and not verbs

    # -- indirect quotes --------------------------------------------------------
    def _looks_direct(self, quoted: Quoted) -> bool:
        """A quotation with a cue after it or a reporting verb before it, long enough to be speech."""
        if _words(quoted.text) < self.cues.min_words_unattributed:
            return False
        end = quoted.close_at + 1 if quoted.close_at is not None else quoted.end
        if self.cues.after_pattern.match(self.text[end : end + 40]):
            return True
        before = self._clause_before(quoted.open_at)
        intro = re.search(r"(\w+)\s*[:,]?\s*$", before)
        return not before.strip() or bool(
            intro and intro.group(1).lower() in self.cues.speech_verbs | self.cues.weak_speech_verbs
        )

    def _indirect(self, sentence: Span) -> None:
        # a sentence that carries a direct quote is read as that quote; a partial quotation
        # inside reported speech ("… memperkuat koordinasi "dalam situasi …"") is not one
        if any(self._looks_direct(q) for q in self.marked_at.overlapping(sentence.start, sentence.end)):
            return
        text = sentence.text
        according = self.cues.according_pattern.match(text)
        if according:
            phrase = "dia" if according.group(2) else according.group(3)
            source = not according.group(2) and phrase.split()[0].lower() in self.cues.not_speakers
            if not according.group(2) and _words(phrase) > 6:
                return
            actor = None if source else self._speaker(phrase, sentence.start)
            if actor:
                self._add(
                    actor, "indirect", sentence.start + according.end(), sentence.end, according.group(1).lower(), None
                )
                return
            # "Menurut kantor berita Xinhua, Xi mengatakan …": the report has a speaker of its own
        trailing = self.cues.trailing_pattern.search(text)
        if trailing and _words(text[: trailing.start()]) >= 4:
            cue = trailing.group(1).lower()
            phrase = "" if cue.endswith("nya") else self._phrase_after_cue(trailing.group(2))[0]
            actor = self._speaker(phrase, sentence.start, cue)
            if actor:
                self._add(actor, "indirect", sentence.start, sentence.start + trailing.start(), cue, None)
            return
        for verb in LOWER_WORDS.finditer(text):
            word = verb.group(0)
            if word not in self.cues.speech_verbs and word not in self.cues.weak_speech_verbs:
                continue
            rest = text[verb.end() :]
            addressee = None
            to = self.cues.addressee_pattern.match(rest)
            if to:
                addressee, rest = to.group(1), rest[to.end() :]
            # adjuncts before "bahwa": "mengatakan kepada wartawan di Beijing, Kamis (9/4), bahwa …"
            later = self.cues.complementizer_ahead.match(rest)
            if later and (later.group(1).lstrip().startswith(",") or self._is_adjunct(later.group(1))):
                addressee = addressee or self._addressee_in(later.group(1))
                rest = rest[later.end(1) :]
            comp = self.cues.complement_pattern.match(rest)
            if word in self.cues.weak_speech_verbs and not comp:
                return
            content_start = (
                sentence.start + verb.end() + (len(text[verb.end() :]) - len(rest)) + (comp.end() if comp else 0)
            )
            content = self.text[content_start : sentence.end]
            if _words(content) < 3 or (word in self.cues.naming_verbs and self.cues.naming.match(content)):
                return
            actor = self._subject(text[: verb.start()], sentence.start + verb.start())
            if actor:
                self._add(actor, "indirect", content_start, sentence.end, word, addressee)
            return

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
