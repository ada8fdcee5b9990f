"""The words that attribute speech, from ``lexicon/<lang>/quotes.toml``, and the patterns built from them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipelines.lib import lexicons
from pipelines.lib.extract.quotes.cue_words import CueWords, cue_words, verb_pattern
from pipelines.lib.lexicons import one_of


@dataclass(frozen=True)
class Cues:
    words: CueWords
    after: tuple[str, ...]
    speech_verbs: frozenset[str]
    weak_speech_verbs: frozenset[str]
    according_to: tuple[str, ...]
    not_speakers: frozenset[str]
    subject_fillers: frozenset[str]
    speaker_end: frozenset[str]
    addressee: tuple[str, ...]
    continuation: frozenset[str]
    not_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    time_words: frozenset[str]
    after_verb_words: frozenset[str]  # "lagi", "pula": adverbs after a cue ("kata dia lagi")
    relative_pronouns: tuple[str, ...]
    pronoun_suffix: str
    min_words_unattributed: int
    min_reported_words: int
    cut_before: re.Pattern
    relative_openers: tuple[str, ...]  # ", yang": a cut that a relative clause set off by commas does not make
    predicate_start: re.Pattern  # "diminta", "akan": the reported clause goes on after such a clause
    examples: re.Pattern
    verb_list: re.Pattern
    after_pattern: re.Pattern
    adjunct_start: re.Pattern  # words that open an adjunct between a speaker and the verb
    added_remark: re.Pattern  # ", seraya menambahkan bahwa"
    naming: re.Pattern  # "menyebut Xi sebagai sahabat": naming, not reported speech
    according_pattern: re.Pattern  # "Menurut Yang, …", "Selain itu, menurutnya, …"
    trailing_pattern: re.Pattern  # "…, kata Xi."
    inside_pattern: re.Pattern  # "Ujian semester, lanjutnya, tetap digelar …": a cue between commas
    speaker_first: re.Pattern  # “…,” Santoso said: the speaker before the cue, where the language writes so
    trailing_speaker_first: re.Pattern  # "…, Santoso said."
    inside_speaker_first: re.Pattern  # "The city, he said, will open …"
    addressee_verbs: frozenset[str]  # "told": its addressee follows it without a preposition
    leading_articles: tuple[str, ...]  # "the": opens a speaker phrase and names no one
    head_last: bool  # the head of a noun phrase comes last ("Pentagon officials"), not first ("warga Cibiru")
    addressee_pattern: re.Pattern  # "mengatakan kepada wartawan bahwa"
    addressee_in: re.Pattern  # "kepada wartawan di Beijing" -> "wartawan di Beijing"
    complementizer_ahead: re.Pattern  # up to 12 words of adjuncts, then "bahwa"
    complement_pattern: re.Pattern  # "bahwa", ", ", ": " (after "lagi", "pula")
    description_end: re.Pattern  # "pria tersebut": someone already named
    anaphoric_subject: re.Pattern  # "Diplomat senior Rusia itu juga"
    subject_clause: re.Pattern  # what comes before the subject of a reporting verb
    relative: re.Pattern  # "yang"
    any_verb: re.Pattern  # a verb, active or passive, somewhere ahead
    verb_word: re.Pattern  # a whole word that is a verb, active or passive
    active_verb: re.Pattern


@cache
def load_cues(language: str = "id") -> Cues:
    lexicon = lexicons.load("quotes", language)
    dates = lexicons.load("dates", language)
    data, clause = lexicon["cues"], lexicon["reported_clause"]
    words = cue_words(lexicon)
    return Cues(
        words=words,
        after=tuple(sorted(words.after, key=len, reverse=True)),
        speech_verbs=words.speech,
        weak_speech_verbs=words.weak,
        according_to=tuple(data["according_to"]),
        not_speakers=frozenset(data["not_speakers"]),
        subject_fillers=frozenset(data["subject_fillers"]),
        speaker_end=frozenset(data["speaker_end"]),
        addressee=tuple(data["addressee"]),
        continuation=words.continues,
        not_verbs=frozenset(data["not_verbs"]),
        naming_verbs=frozenset(data["naming_verbs"]),
        time_words=frozenset(w.lower() for w in data.get("time_words") or [*dates["weekdays"], *dates["months"]]),
        after_verb_words=frozenset(data["after_verb"]),
        addressee_verbs=frozenset(data.get("addressee_verbs", [])),
        leading_articles=tuple(lexicon["speaker"].get("leading_articles", [])),
        head_last=lexicon["speaker"].get("head_noun", "first") == "last",
        relative_pronouns=tuple(lexicon["speaker"]["relative_pronouns"]),
        pronoun_suffix=lexicon["morphology"]["pronoun_suffix"],
        min_words_unattributed=int(data["min_words_unattributed"]),
        min_reported_words=int(clause["min_words"]),
        cut_before=re.compile("|".join(re.escape(c) + r"\b" for c in clause["cut_before"]), re.IGNORECASE),
        relative_openers=tuple(c.lower() for c in clause.get("relative_openers", [])),
        predicate_start=_predicate_start(clause),
        examples=re.compile(r"\s" + one_of(list(map(re.escape, clause["examples"]))) + r"\s", re.IGNORECASE),
        verb_list=re.compile(rf",\s+{clause['verb_list']}[a-z]{{3,}}\b" if clause["verb_list"] else "(?!)"),
        **_attribution_patterns(data, words, lexicon["morphology"]["pronoun_suffix"]),
        **_subject_patterns(lexicon["speaker"], lexicon["morphology"]),
    )


def _speaker_first_patterns(after: str, written: bool) -> dict[str, re.Pattern]:
    """“…,” Santoso said: the speaker before the cue, opening the sentence, ending it or inside it, where the
    language writes so (otherwise patterns that match nothing)."""

    def speaker_then_cue(excluded: str, most: int) -> str:
        return rf"(?P<who>[^{excluded}]{{1,{most}}}?)\s+(?P<cue>" + after + r")\b"

    patterns = {
        "speaker_first": r"^[\s,]*" + speaker_then_cue(r".;:!?“”\"\n", 120),
        "trailing_speaker_first": r",\s*" + speaker_then_cue(r",.;:!?“”\"\n", 60) + r"[^,.]*[.!?]?\s*$",
        "inside_speaker_first": r"^[^,“”\"]{2,80},\s*"
        + speaker_then_cue(r",.;:!?“”\"", 40)
        + r"[^,.“”\"]{0,40},\s*(?=\S)",
    }
    return {name: re.compile(pattern if written else "(?!)", re.IGNORECASE) for name, pattern in patterns.items()}


def _predicate_start(clause: dict[str, Any]) -> re.Pattern:
    """A word that opens a predicate: a verb of the prefixes given, or one of the predicate words."""
    prefixes = clause.get("predicate_prefixes", [])
    parts = ([rf"{one_of(prefixes)}[a-z]{{3,}}"] if prefixes else []) + list(
        map(re.escape, clause.get("predicate_words", []))
    )
    return re.compile(r"\s*" + (one_of(parts) if parts else "(?!)") + r"\b")


def _attribution_patterns(data: dict[str, Any], words: CueWords, suffix: str) -> dict[str, re.Pattern]:
    """The patterns of the cues before, after and around a quotation."""
    speech_verbs = "|".join(sorted(words.speech | words.weak, key=len, reverse=True))
    after = "|".join(sorted(words.after, key=len, reverse=True))
    complementizers = one_of(data["complementizers"])
    return {
        "after_pattern": re.compile(r"^[\s,]*\b(" + after + r")\b", re.IGNORECASE),
        "adjunct_start": re.compile(one_of(data["adjuncts"]) + r"\b", re.IGNORECASE),
        "added_remark": re.compile(
            r",\s*" + one_of(data["remark_joiners"]) + r"\s+(" + speech_verbs + rf")\s+(?:{complementizers}\s+)?",
            re.IGNORECASE,
        ),
        "naming": re.compile(r"^\s*(?:\S+\s+){1,6}?" + one_of(data["naming_as"]) + r"\b", re.IGNORECASE),
        "according_pattern": re.compile(
            r"^(?:[^,]{0,40},\s*)?(" + "|".join(data["according_to"]) + rf")({suffix})?\s*([^,]*),\s*", re.IGNORECASE
        ),
        "trailing_pattern": re.compile(r",\s*(" + after + r")\b\s*([^,.]*)[.!?]?\s*$", re.IGNORECASE),
        **_speaker_first_patterns(after, bool(data.get("speaker_first"))),
        "inside_pattern": re.compile(
            r"^[^,“”\"]{2,80},\s*(" + after + r")\b([^,.“”\"]{0,60}),\s*(?=\S)", re.IGNORECASE
        ),
        "addressee_pattern": re.compile(
            r"\s+"
            + one_of(data["addressee"])
            + rf"\s+((?:\S+\s+){{0,3}}?\S+?)(?=\s+{complementizers}\b|,|\s+"
            + one_of(data["addressee_ends"])
            + r"\b)"
        ),
        "addressee_in": re.compile(r"\b" + one_of(data["addressee"]) + r"\s+(.+)"),
        "complementizer_ahead": re.compile(rf"((?:[\s,]+[^\s,]+){{0,12}}?[\s,]+)(?={complementizers}\b)"),
        "complement_pattern": re.compile(
            r"(?:\s+" + one_of(data["after_verb"]) + rf")?\s*(?:[,:]\s*|{complementizers}\b\s*)"
        ),
    }


def _subject_patterns(speaker: dict[str, Any], morphology: dict[str, Any]) -> dict[str, re.Pattern]:
    """The patterns that tell a speaker's name from a description, a clause or a verb."""
    demonstratives, adverbs = one_of(speaker["subject_demonstratives"]), one_of(speaker["subject_adverbs"])
    return {
        "description_end": re.compile(r"\b" + one_of(speaker["description_ends"]) + r"$"),
        "anaphoric_subject": re.compile(rf"\S\s+{demonstratives}(?:\s+{adverbs})*\s*$"),
        "subject_clause": re.compile(r",\s+(?=[a-z])|^.*\b" + one_of(speaker["clause_openers"]) + r"\b"),
        "relative": re.compile(r"\b" + one_of(speaker["relative_pronouns"]) + r"\b"),
        "any_verb": re.compile(rf"\b{verb_pattern(morphology)}"),
        "verb_word": re.compile(verb_pattern(morphology, 4)),
        "active_verb": re.compile(rf"\b{verb_pattern(morphology, passive=False)}"),
    }
