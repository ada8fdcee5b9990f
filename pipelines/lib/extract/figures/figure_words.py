"""The words that make a number a figure, as ``lexicon/<language>/figures.toml`` gives them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pipelines.lib.extract.figures.tokens import tokenize
from pipelines.lib.lexicons import load


def phrase(s: str) -> tuple[str, ...]:
    """``s`` as the tuple of its lower-case tokens, the way phrases are matched."""
    return tuple(t.lower for t in tokenize(s))


@dataclass(frozen=True)
class FigureWords:
    currency_prefixes: dict[str, str]
    currency_words: dict[tuple[str, ...], str]
    percent_words: frozenset[tuple[str, ...]]
    durations: dict[str, tuple[str, float]]
    relative_time_after: frozenset[tuple[str, ...]]
    fused_durations: dict[str, str]
    fused_not_before: frozenset[str]
    anniversary_words: frozenset[str]
    qualifiers: dict[tuple[str, ...], str | None]
    post_more_word: str
    post_more_followers: frozenset[str]
    labels: frozenset[str]
    months: frozenset[str]
    time_zones: frozenset[str]
    measures: frozenset[str]
    min_word_value: float
    classifiers: frozenset[str]
    two_word_units: frozenset[tuple[str, ...]]
    joining_modifiers: frozenset[str]
    stopwords: frozenset[str]
    phrase_stops: frozenset[str]
    phrase_enders: frozenset[str]
    phrase_function_words: frozenset[str]
    phrase_max_words: int
    adverb_or_modifier: frozenset[str]
    ellipsis_joiners: frozenset[str]
    ellipsis_max_gap: int
    describing_words: frozenset[str]
    verb_prefixes: tuple[str, ...]
    verb_min_length: int
    verb_exceptions: frozenset[str]
    fraction_idioms: frozenset[str]
    function_words: frozenset[str]
    model_words: frozenset[str]
    qualifier_words: frozenset[str]
    count_not_after: frozenset[str]
    possessive_suffixes: tuple[str, ...]
    scaled_measures_are_counts: bool
    two_word_measures: frozenset[tuple[str, ...]]
    times_word: str
    one_not_after: frozenset[str]
    times_not_before: frozenset[str]
    not_possessive: frozenset[str]


_PHRASE_STOPS = ("function_words", "adverbs", "predicates", "time_words")


def _lower(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _time_fields(lex: dict) -> dict:
    """Durations, and the words that make a time unit no duration or a duration of one."""
    durations = {k.lower(): (v[0], float(v[1])) for k, v in lex.get("durations", {}).items()}
    fused = lex.get("fused_durations", {})
    return {
        "durations": durations,
        "fused_durations": {k.lower(): v.lower() for k, v in fused.get("words", {}).items() if v.lower() in durations},
        "fused_not_before": _lower(fused.get("not_before", [])),
        "relative_time_after": frozenset(phrase(p) for p in lex.get("relative_time", {}).get("after", [])),
        "anniversary_words": _lower(lex.get("anniversaries", {}).get("before", [])),
    }


def _noun_phrase_fields(count: dict) -> dict:
    """The words that end or join the counted noun phrase, and those of a shared noun."""
    words = count.get("phrase", {})
    ellipsis = count.get("ellipsis", {})
    return {
        "phrase_stops": frozenset(w for key in _PHRASE_STOPS for w in words.get(key, [])),
        "phrase_enders": frozenset(w for key in (*_PHRASE_STOPS, "time_nouns") for w in words.get(key, [])),
        "phrase_function_words": frozenset(words.get("function_words", [])),
        "phrase_max_words": int(words.get("max_words", 3)),
        "adverb_or_modifier": frozenset(words.get("adverb_or_modifier", [])),
        "ellipsis_joiners": frozenset(ellipsis.get("joiners", [])),
        "ellipsis_max_gap": int(ellipsis.get("max_gap", 4)),
        "describing_words": frozenset([*count.get("stopwords", []), *words.get("predicates", [])]),
    }


@cache
def figure_words(language: str) -> FigureWords:
    """The figure words of ``language`` (read once)."""
    lex = load("figures", language)
    count = lex.get("count", {})
    nf = lex.get("not_figures", {})
    qualifiers = {phrase(k): (v or None) for k, v in lex.get("qualifiers", {}).items()}
    return FigureWords(
        **_time_fields(lex),
        **_noun_phrase_fields(count),
        currency_prefixes={k.lower(): v for k, v in lex.get("currency_prefixes", {}).items()},
        currency_words={phrase(k): v for k, v in lex.get("currency_words", {}).items()},
        percent_words=frozenset(phrase(p) for p in lex.get("percent", {}).get("words", [])),
        qualifiers=qualifiers,
        post_more_word=lex.get("postposed_more_than", {}).get("word", ""),
        post_more_followers=frozenset(lex.get("postposed_more_than", {}).get("followed_by", [])),
        labels=_lower(lex.get("labels", {}).get("words", [])),
        months=_lower(nf.get("months", [])),
        time_zones=_lower(nf.get("time_zones", [])),
        measures=_lower(nf.get("measures", [])),
        min_word_value=float(count.get("min_word_value", 2)),
        classifiers=frozenset(count.get("classifiers", [])),
        two_word_units=frozenset(phrase(p) for p in count.get("two_word_units", [])),
        joining_modifiers=frozenset(count.get("joining_modifiers", [])),
        stopwords=frozenset(count.get("stopwords", [])),
        verb_prefixes=tuple(count.get("verb_prefixes", [])),
        verb_min_length=int(count.get("verb_prefix_min_length", 6)),
        verb_exceptions=frozenset(count.get("verb_prefix_exceptions", [])),
        fraction_idioms=frozenset(count.get("fraction_idioms", [])),
        function_words=_lower(count.get("function_words", [])),
        model_words=_lower(count.get("model_words", [])),
        qualifier_words=frozenset(w for p in qualifiers for w in p),
        count_not_after=_lower(count.get("not_after", [])),
        possessive_suffixes=tuple(count.get("possessive_suffixes", [])),
        scaled_measures_are_counts=bool(nf.get("scaled_measures_are_counts", False)),
        two_word_measures=frozenset(phrase(p) for p in nf.get("two_word_measures", [])),
        times_word=count.get("times_word", ""),
        one_not_after=frozenset(count.get("one_not_after", [])),
        times_not_before=frozenset(count.get("times_not_before", [])),
        not_possessive=frozenset(count.get("not_possessive", [])),
    )
