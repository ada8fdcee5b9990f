"""Who speaks: the actor a cue, a subject or a pronoun names, and to whom they speak.

Pronoun attributions (imbuhnya, katanya, ujar dia, menurutnya, Dia mengatakan) belong to the
last speaker or to the person a later sentence is about (its subject), whichever is nearer; a
person merely mentioned ("bertemu dengan Agus") takes nothing. A speaker the text describes but
does not name ("kata seorang petugas") is remembered as such: the pronouns after it are theirs,
and their words are not recorded as anyone's.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from pipelines.lib.extract.actors.actors import Actor, ArticleActors
from pipelines.lib.extract.actors.names import after_degrees, is_degree, names_in, without_degrees
from pipelines.lib.extract.actors.subjects import preceded_by_preposition
from pipelines.lib.extract.intervals import Intervals
from pipelines.lib.extract.quotes.cues import Cues
from pipelines.lib.extract.quotes.marks import Quoted
from pipelines.lib.extract.sentences import Span, sentence_at

ACRONYM_AT_END = re.compile(r"\(([A-Z][A-Z0-9-]{1,9})\)\s*$")  # "Komando … Amerika Utara (NORAD)"
NUMBER_WORD = re.compile(r"\(?[\d/.-]+\)?")  # "(21/1)"
CLAUSE_END = re.compile(r"(?<!\b[A-Z])[.;:!?()\n]")
PARENTHESISED_NAME = re.compile(r"\([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}\)")
UNNAMED = "unnamed"  # the kind of a speaker the text describes but does not name


class Speakers:
    """The speakers of one article, resolved in reading order (the last one is remembered)."""

    def __init__(self, text: str, actors: ArticleActors, cues: Cues, spans: list[Span], quoted: list[Quoted]):
        self.text = text
        self.actors = actors
        self.cues = cues
        self.sentences = spans
        self.sentence_starts = [s.start for s in spans]
        self.quoted_at = Intervals((q.start, q.end, q) for q in quoted)  # inside the marks
        self.regions = dict(actors.subject_regions)  # sentence start -> where its subject may stand
        self.last_speaker: Actor | None = None
        self.last_speaker_at = -1

    def remember(self, actor: Actor, position: int) -> None:
        """``actor`` spoke at ``position``: a person (named or not) becomes the last speaker."""
        if actor.kind in ("person", UNNAMED):
            self.last_speaker, self.last_speaker_at = actor, position

    def speaker(self, phrase: str, position: int, cue: str | None = None) -> Actor | None:
        """The actor a cue's phrase names ("Kapolres Bogor AKBP Dwi Santoso", "dia lagi", "seorang warga")."""
        phrase = self._without_adverbs(self._without_article(phrase.strip(" ,.:;")))
        if not phrase:
            return self.referent(position, cue) if cue is None or cue.lower() in self.cues.words.pronoun_after else None
        if self.actors.is_pronoun(phrase) or self._is_anaphoric(phrase):
            return self.referent(position, cue)
        if self._described(phrase) or self._headed(phrase.split()):
            return self._unnamed(phrase)
        return self.actors.resolve(phrase, position=position) or self._unnamed(phrase)

    def _described(self, phrase: str) -> bool:
        """ "seorang warga Kecamatan Cibiru": someone described, not named (an apposition would name them)."""
        lowered = phrase.lower()
        return "," not in phrase and any(lowered.startswith(d + " ") for d in self.actors.lexicon.determiners)

    def _without_article(self, phrase: str) -> str:
        """ "the minister" -> "minister": an article names no one."""
        first, _, rest = phrase.partition(" ")
        return rest if rest and first.lower() in self.cues.leading_articles else phrase

    def _without_adverbs(self, phrase: str) -> str:
        """ "dia lagi" -> "dia": the adverbs a cue may carry after its speaker."""
        words = phrase.split()
        while len(words) > 1 and words[-1].lower() in self.cues.after_verb_words:
            words.pop()
        return " ".join(words)

    def _unnamed(self, phrase: str) -> Actor | None:
        """ "seorang petugas stasiun", "salah satu tetangganya": a person the text describes but does not name."""
        words = phrase.lower().split()
        capitalised = any(w[:1].isupper() for w in phrase.split()[1:])  # the first may open a sentence
        if len(words) > 6 or (capitalised and not self._described(phrase) and not self._headed(words)):
            return None
        nouns = self.actors.lexicon.person_nouns
        if any(w in nouns or w.removesuffix(self.cues.pronoun_suffix or "\0") in nouns for w in words):
            return Actor(" ".join(words), UNNAMED)
        return None

    def _headed(self, words: list[str]) -> bool:
        """ "Pentagon officials", "warga Kecamatan Cibiru": a noun for people heads the phrase (where the
        language puts its head) and what goes with it names no one."""
        head = words[-1] if self.cues.head_last else words[0]
        return head in self.actors.lexicon.person_nouns and not names_in(self.actors.lexicon, " ".join(words[1:]))

    def referent(self, position: int, cue: str | None) -> Actor | None:
        """Who "dia", "katanya" or "menurutnya" is: the last named speaker or subject.

        "imbuhnya" (he added) goes on with the last speaker; other pronouns take whichever
        is nearer: the last speaker, or the first person named in the nearest sentence
        before (its subject, in Indonesian word order).
        """
        if cue and cue.lower() in self.cues.continuation and self.last_speaker:
            return self.last_speaker
        subject = self._subject_before(position)
        if subject and (self.last_speaker is None or subject[0] > self.last_speaker_at):
            return subject[1]
        return self.last_speaker or (subject[1] if subject else None)

    def _subject_before(self, position: int) -> tuple[int, Actor] | None:
        """The person the nearest sentence before ``position`` (or its own first part) is about."""
        current = sentence_at(self.sentences, position)
        for k in range(bisect_right(self.sentence_starts, position) - 1, -1, -1):
            sentence = self.sentences[k]
            if sentence.end < self.last_speaker_at:
                return None  # the last speaker is nearer than anyone before
            subject = self._subject_of(sentence, position if sentence is current else sentence.end)
            if subject:
                return subject
        return None

    def _subject_of(self, sentence: Span, end: int) -> tuple[int, Actor] | None:
        """The person named as the subject of ``sentence`` (before ``end``): before its first verb, after no
        preposition; none when its subject is a pronoun or a description of someone already named."""
        region = self.regions.get(sentence.start)
        if region is None or region.anaphoric:
            return None
        named = self.actors.subject_names.get(sentence.start)
        if named is not None:  # the name the sentence is about: a person mention there, or nobody
            if named[0] >= end:
                return None
            people = [m for m in self.actors.mentions_in(named[0], named[1]) if m.actor.kind == "person"]
            return (people[0].start, people[0].actor) if people else None
        words = self.actors.subject_words
        for mention in self.actors.mentions_in(region.start, min(region.end, end)):
            if mention.actor.kind != "person" or self.quoted_at.overlapping(mention.start, mention.start + 1):
                continue
            if not preceded_by_preposition(words, self.text, region.start, mention.start):
                return mention.start, mention.actor
        return None

    def phrase_after_cue(self, rest: str) -> tuple[str, str | None]:
        """Split "Putin kepada Xi, dilansir dari Reuters." into speaker and addressee.

        An apposition after a comma names the person behind a role:
        "kata Kasubdit II Polda Jambi, AKBP Bima Prasetyo, di Kota Jambi".
        """
        clause = without_degrees(self.actors.lexicon, self.clause(rest))
        tokens = clause.replace(",", " , ").split()
        speaker, addressee = [], None
        for i, token in enumerate(tokens):
            if token in self.cues.speaker_end:  # "kata Putin yang …", not "imbuh Yang"
                if token.lower() in self.cues.addressee:
                    addressee = " ".join(tokens[i + 1 :]).split(" , ")[0] or None
                described = " ".join(tokens).split(" , ")[0]
                if token in self.cues.relative_pronouns and self._is_anaphoric(described):
                    return described, None  # "kata pria yang menjabat sebagai Presiden Direktur … ini"
                break
            speaker.append(token)
        segments = [seg.strip() for seg in " ".join(speaker).split(" , ") if seg.strip()]
        people = [seg for seg in segments if self._names_a_person(seg) and not self._is_anaphoric(seg)]
        # "kata Kasubdit II Polda Jambi, AKBP Bima Prasetyo": the person an apposition names
        phrase = people[-1] if people and len(segments) > 1 else (segments[0] if segments else "")
        return phrase, addressee

    def clause(self, rest: str) -> str:
        """``rest`` up to the end of its clause; the full stop of "dr.", "Pol." or "MEng." ends none."""
        for match in CLAUSE_END.finditer(rest):
            if match.group(0) in "()" and self._in_parenthesised_name(rest, match.start()):
                continue  # "Presiden Direktur PT Sinar Mesin Nusantara (SMN) ini"
            word = rest[: match.start()].rsplit(None, 1)[-1] if rest[: match.start()].strip() else ""
            bare = word.rsplit(".", 1)[-1].strip(",(")
            if match.group(0) == "." and (
                bare in self.actors.lexicon.honorifics or is_degree(self.actors.lexicon, bare)
            ):
                continue
            return rest[: match.start()]
        return rest

    @staticmethod
    def _in_parenthesised_name(rest: str, at: int) -> bool:
        """Is the bracket at ``at`` one of "(IAMI)", "(Kasi Wasdal)": a short name in brackets?"""
        opening = rest.rfind("(", 0, at + 1)
        closing = rest.find(")", at)
        return 0 <= opening and closing >= 0 and PARENTHESISED_NAME.fullmatch(rest[opening : closing + 1]) is not None

    def addressee_name(self, phrase: str | None) -> str | None:
        """ "Xi" -> "Xi Jinping"; an addressee that is no actor ("wartawan") stays as written."""
        actor = self.actors.resolve(phrase, register=False) if phrase else None
        return actor.name if actor else phrase

    def addressee_in(self, adjuncts: str) -> str | None:
        """ "kepada wartawan di Beijing, Kamis" -> "wartawan"."""
        match = self.cues.addressee_in.search(adjuncts)
        return self.phrase_after_cue(match.group(1))[0] or None if match else None

    def _names_a_person(self, phrase: str) -> bool:
        actor = self.actors.resolve(phrase, register=False)
        return actor is not None and actor.kind == "person"

    def _is_anaphoric(self, phrase: str) -> bool:
        """ "politisi Partai Hanura itu", "pria tersebut": a description of someone already named."""
        return bool(self.cues.description_end.search(phrase.strip(" ,.").lower()))

    def _is_filler(self, token: str) -> bool:
        """Words between a speaker and the verb: "pun", "pada Selasa (21/1)"."""
        bare = token.strip(",")
        if bare.lower() in self.cues.subject_fillers or NUMBER_WORD.fullmatch(bare):
            return True
        return bare.lower() in self.cues.time_words  # "Xi pada Selasa (21/1) mengatakan"

    def subject(self, subject: str, position: int) -> Actor | None:
        """The speaker named right before a reporting verb, or a pronoun."""
        acronym = ACRONYM_AT_END.search(subject)
        if acronym:
            return self.actors.resolve(acronym.group(1)) or Actor(acronym.group(1), "organization")
        named = self._named_before(position - len(subject), position)
        if named:
            return named
        if self.cues.anaphoric_subject.search(subject):
            return self.referent(position, None)  # "Diplomat senior Rusia itu juga mengatakan"
        tokens = subject.split()
        while tokens and self._is_filler(tokens[-1]):
            tokens.pop()
        if not tokens:
            return None
        if self.actors.is_pronoun(tokens[-1]):
            return self.speaker(tokens[-1], position)
        return self._subject_words(tokens)

    def _subject_words(self, tokens: list[str]) -> Actor | None:
        """The actor the last words before a reporting verb name, when they are a name and not a clause."""
        joined = without_degrees(self.actors.lexicon, " ".join(tokens)).rstrip(", ")
        last_segment = joined.rsplit(",", 1)[-1].strip()
        if self._described(last_segment):  # "Meanwhile, a resident of Cibiru said"
            return self._unnamed(last_segment)
        if "," in joined and self._names_a_person(last_segment) and len(last_segment.split()) <= 4:
            return self.actors.resolve(last_segment)  # "Ketika ditanya soal sanksi, Lavrov menjawab"
        naming = self.actors.subject_words.naming.search(joined)
        if naming:  # "Tetangga lain yang bernama Ratna Sari"
            return self.actors.resolve(naming.group(1))
        if self._described(joined):
            return self._unnamed(joined)
        clause = self.cues.subject_clause.split(" ".join(tokens))[-1]
        clause_tokens = clause.split()
        longest = 12 if clause_tokens and clause_tokens[0] in self.actors.lexicon.institution_words else 8
        if len(clause_tokens) > longest or any(self.cues.verb_word.fullmatch(t) for t in clause_tokens):
            return None  # a clause, not a name ("Badan Pengatur Hilir Minyak dan Gas Bumi (BPH Migas)" is one)
        return (self.actors.resolve(clause) or self._unnamed(clause)) if clause_tokens else None

    def _named_before(self, start: int, verb: int) -> Actor | None:
        """ "Guo Jiakun dalam konferensi pers di Beijing mengatakan": a person, then only an adjunct."""
        people = [m for m in self.actors.mentions_in(start, verb) if m.actor.kind == "person"]
        relative_opening = tuple(word + " " for word in self.cues.relative_pronouns)
        for k in range(len(people) - 1, -1, -1):
            before = self.text[people[k - 1].end if k else start : people[k].start]
            if k and self.cues.relative.search(before):
                continue  # "Modi, yang bertemu Putin di sela KTT, mengatakan": Putin is inside the clause
            gap = after_degrees(self.actors.lexicon, self.text[people[k].end : verb])
            if not gap or gap.lower().startswith(relative_opening) or self.is_adjunct(gap):
                return people[k].actor
            return None
        return None

    def is_adjunct(self, words: str) -> bool:
        """ "dalam konferensi pers di Beijing", "saat dihubungi melalui telepon, Kamis": no verb of its own."""
        verbs = [w for w in self.cues.active_verb.findall(words) if w not in self.cues.not_verbs]
        first = words.strip(" ,").split(" ", 1)[0].lower()
        return (bool(self.cues.adjunct_start.match(words.strip(" ,"))) or first in self.cues.time_words) and not verbs
