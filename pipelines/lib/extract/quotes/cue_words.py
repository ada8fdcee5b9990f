"""Every word form of the reporting verbs, made from stems and affixes (``quotes.toml``, ``[cue_stems]`` and
``[morphology]``).

A stem lists the affixes it takes as a cue; an affix pattern is ``prefix-suffix`` (either side may be empty:
``meN-kan`` makes "mengatakan" of "kata", ``ber-`` "berkata", ``-ed`` "added" of "add"); a pattern without a
dash is a word form of its own ("said"). The nasal prefix (``meN``) takes the shape the stem's first letter
asks for, by the rules of ``[morphology.nasal]``, and its passive (``di-``) comes with it: "dikatakan",
and with the pronoun suffix "dikatakannya" (said by him or her). A stem that cues after a quotation
("“…,” kata X") also does so with the pronoun suffix ("katanya").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipelines.lib.lexicons import one_of

VOWELS = "aeiou"


@dataclass(frozen=True)
class CueWords:
    after: frozenset[str]  # words that cue a speaker after a quotation: "kata", "dikatakan", "said"
    pronoun_after: frozenset[str]  # after-cues that name the speaker by a pronoun suffix: "katanya"
    speech: frozenset[str]  # verbs that report speech by themselves: "mengatakan", "berkata"
    weak: frozenset[str]  # verbs that report speech only before a complementizer, comma or colon
    continues: frozenset[str]  # cues that go on with the last speaker: "imbuhnya", "tambahnya"
    stem_of: dict[str, str]  # every form -> its stem


def _nasal(stem: str, rules: list[dict[str, Any]], prefix: str) -> str:
    """ "kata" -> "mengata", "tutur" -> "menutur", "lanjut" -> "melanjut": the nasal prefix before ``stem``."""
    first = stem[:1]
    cluster = len(stem) > 1 and stem[1] not in VOWELS  # "klaim" keeps its k: "mengklaim"
    for rule in rules:
        if first in rule["letters"]:
            drops = rule.get("drops", False) and not cluster
            return prefix + rule["nasal"] + (stem[1:] if drops else stem)
    return prefix + stem


def inflect(stem: str, pattern: str, morphology: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The active word forms ``pattern`` makes of ``stem``, and the passive ones that come with them."""
    if "-" not in pattern:
        return [pattern], []
    prefix, _, suffix = pattern.partition("-")
    nasal = morphology.get("nasal", {})
    if prefix and prefix == nasal.get("name"):
        active = _nasal(stem, nasal["rules"], nasal["prefix"]) + suffix
        passive = morphology.get("passive_prefix")
        return [active], [passive + stem + suffix] if passive and suffix else []  # "dikatakan", not "disebut"
    return [prefix + stem + suffix], []


def _forms(stem: str, patterns: list[str], morphology: dict[str, Any]) -> tuple[list[str], list[str]]:
    actives, passives = [], []
    for pattern in patterns:
        active, passive = inflect(stem, pattern, morphology)
        actives += active
        passives += passive
    return actives, passives


def cue_words(lexicon: dict[str, Any]) -> CueWords:
    """The cue words of a quotes lexicon, by their use."""
    morphology = lexicon["morphology"]
    pronoun = morphology.get("pronoun_suffix", "")
    sets: dict[str, set[str]] = {name: set() for name in ("after", "pronoun_after", "speech", "weak", "continues")}
    stem_of: dict[str, str] = {}
    for stem, spec in lexicon["cue_stems"].items():
        after, _ = _forms(stem, spec.get("after", []), morphology)
        verbs: list[str] = []
        for use in ("speech", "weak"):
            active, passive = _forms(stem, spec.get(use, []), morphology)
            sets[use].update(active)
            verbs += active
            if use == "speech":  # "…,” dikatakan Kapolres X": a passive cue names its speaker after it
                after += passive
        with_pronoun = [word + pronoun for word in after] if pronoun else []
        sets["after"].update(after + with_pronoun)
        sets["pronoun_after"].update(with_pronoun)
        if spec.get("continues"):
            sets["continues"].update(after + with_pronoun)
        for word in [*after, *with_pronoun, *verbs]:
            stem_of.setdefault(word, stem)
    sets["after"].update(lexicon["cues"].get("after_words", []))
    return CueWords(**{name: frozenset(words) for name, words in sets.items()}, stem_of=stem_of)


def verb_pattern(morphology: dict[str, Any], stem: int = 3, passive: bool = True) -> str:
    """A verb of the language as a pattern (no groups): a stem of ``stem`` letters or more with a verb
    prefix ("me", "ber", "di": Indonesian) or suffix ("ed": English), or one of the verb words ("said")."""
    prefixes = morphology.get("active_verb_prefixes", []) + (
        morphology.get("passive_verb_prefixes", []) if passive else []
    )
    suffixes, words = morphology.get("verb_suffixes", []), morphology.get("verb_words", [])
    parts = ([rf"{one_of(prefixes)}[a-z]{{{stem},}}"] if prefixes else []) + (
        [rf"[a-z]{{{stem},}}{one_of(suffixes)}"] if suffixes else []
    )
    return one_of(parts + list(words))
