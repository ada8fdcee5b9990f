"""The words that attribute speech, from ``lexicon/<lang>/quotes.toml``, and the patterns built from them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipelines.lib import lexicons


@dataclass(frozen=True)
class Cues:
    after: tuple[str, ...]
    speech_verbs: frozenset[str]
    weak_speech_verbs: frozenset[str]
    according_to: tuple[str, ...]
    not_speakers: frozenset[str]
    complementizers: tuple[str, ...]
    subject_fillers: frozenset[str]
    speaker_end: frozenset[str]
    addressee: tuple[str, ...]
    continuation: tuple[str, ...]
    adjuncts: tuple[str, ...]
    not_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    time_words: frozenset[str]
    after_verb: tuple[str, ...]
    min_words_unattributed: int
    cut_before: re.Pattern
    examples: re.Pattern
    verb_list: re.Pattern
    min_reported_words: int

    @property
    def after_pattern(self) -> re.Pattern:
        return _compiled(r"^[\s,]*\b(" + "|".join(sorted(self.after, key=len, reverse=True)) + r")\b", re.IGNORECASE)

    @property
    def adjunct_start(self) -> str:  # words that open an adjunct between a speaker and the verb
        return r"(?:" + "|".join(self.adjuncts) + r")\b"

    @property
    def added_remark(self) -> re.Pattern:  # ", seraya menambahkan bahwa"
        verbs = "|".join(sorted(self.speech_verbs | self.weak_speech_verbs))
        return _compiled(
            r",\s*(?:seraya|sambil|dan)\s+(" + verbs + r")\s+(?:(?:" + "|".join(self.complementizers) + r")\s+)?",
            re.IGNORECASE,
        )

    @property
    def naming(self) -> re.Pattern:  # "menyebut Xi sebagai sahabat": naming, not reported speech
        return _compiled(r"^\s*(?:\S+\s+){1,6}?sebagai\b", re.IGNORECASE)

    @property
    def according_pattern(self) -> re.Pattern:  # "Menurut Yang, …", "Selain itu, menurutnya, …"
        return _compiled(
            r"^(?:[^,]{0,40},\s*)?(" + "|".join(self.according_to) + r")(nya)?\s*([^,]*),\s*", re.IGNORECASE
        )

    @property
    def trailing_pattern(self) -> re.Pattern:  # "…, kata Xi."
        return _compiled(r",\s*(" + "|".join(self.after) + r")\b\s*([^,.]*)[.!?]?\s*$", re.IGNORECASE)

    @property
    def addressee_pattern(self) -> re.Pattern:  # "mengatakan kepada wartawan bahwa"
        return _compiled(
            r"\s+(?:"
            + "|".join(self.addressee)
            + r")\s+((?:\S+\s+){0,3}?\S+?)(?=\s+(?:"
            + "|".join(self.complementizers)
            + r")\b|,|\s+(?:di|dalam|pada|saat|ketika)\b)"
        )

    @property
    def complementizer_ahead(self) -> re.Pattern:  # up to 12 words of adjuncts, then "bahwa"
        return _compiled(r"((?:[\s,]+[^\s,]+){0,12}?[\s,]+)(?=(?:" + "|".join(self.complementizers) + r")\b)")

    @property
    def complement_pattern(self) -> re.Pattern:  # "bahwa", ", ", ": " (after "lagi", "pula")
        return _compiled(
            r"(?:\s+(?:"
            + "|".join(self.after_verb)
            + r"))?\s*(?:[,:]\s*|(?:"
            + "|".join(self.complementizers)
            + r")\b\s*)"
        )


@cache
def _compiled(pattern: str, flags: int = 0) -> re.Pattern:
    return re.compile(pattern, flags)


@cache
def load_cues(language: str = "id") -> Cues:
    lexicon = lexicons.load("quotes", language)
    dates = lexicons.load("dates", language)
    data, clause = lexicon["cues"], lexicon["reported_clause"]
    return Cues(
        cut_before=re.compile("|".join(re.escape(c) + r"\b" for c in clause["cut_before"]), re.IGNORECASE),
        examples=re.compile(r"\s(?:" + "|".join(map(re.escape, clause["examples"])) + r")\s", re.IGNORECASE),
        verb_list=re.compile(rf",\s+{clause['verb_list']}[a-z]{{3,}}\b"),
        min_reported_words=int(clause["min_words"]),
        after=tuple(data["after"]),
        speech_verbs=frozenset(data["speech_verbs"]),
        weak_speech_verbs=frozenset(data["weak_speech_verbs"]),
        according_to=tuple(data["according_to"]),
        not_speakers=frozenset(data["not_speakers"]),
        complementizers=tuple(data["complementizers"]),
        subject_fillers=frozenset(data["subject_fillers"]),
        speaker_end=frozenset(data["speaker_end"]),
        addressee=tuple(data["addressee"]),
        continuation=tuple(data["continuation"]),
        adjuncts=tuple(data["adjuncts"]),
        not_verbs=frozenset(data["not_verbs"]),
        naming_verbs=frozenset(data["naming_verbs"]),
        time_words=frozenset(w.lower() for w in [*dates["weekdays"], *dates["months"]]),
        after_verb=tuple(data["after_verb"]),
        min_words_unattributed=int(data["min_words_unattributed"]),
    )
