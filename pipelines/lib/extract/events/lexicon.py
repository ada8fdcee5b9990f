"""Event triggers and the words around them, from ``lexicon/<lang>/events.toml``."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipelines.lib import lexicons
from pipelines.lib.lexicons import one_of

Alternation = Callable[[list[str]], re.Pattern]  # the words as one pattern of whole words


@dataclass(frozen=True)
class EventLexicon:
    types: tuple[tuple[str, re.Pattern, re.Pattern | None, str | None], ...]
    any_trigger: re.Pattern  # one search (on lower-cased text) to skip the sentences that report no event
    weak_needs: dict[str, re.Pattern]
    two_sided: frozenset[str]
    joint: frozenset[str]
    between_parties: frozenset[str]
    needs_location: frozenset[str]
    absorbs: dict[str, tuple[str, ...]]
    reported_as: dict[str, str]  # the type a record of the lexicon's type gets ("contest" -> "other")
    anaphora: re.Pattern
    after_event: re.Pattern
    same_day: re.Pattern
    report_cue: re.Pattern
    speech_adjunct: re.Pattern  # "dalam", "melalui" right after a verb of saying: where it was said
    one_off: frozenset[str]  # event types a span of years does not date
    inherit_date_within: int
    date_reach: int
    phone: re.Pattern
    planned: re.Pattern
    unplanned: re.Pattern  # "tanpa direncanakan": a word of planning that makes no plan
    planned_after: re.Pattern
    future_after: re.Pattern
    planned_cameo: str
    both_people: re.Pattern
    both_countries: re.Pattern
    pronouns: re.Pattern
    clause_break: re.Pattern
    rival: re.Pattern  # "menyaingi", "melawan": the actors after it are rivals or benchmarks
    rivals_take_part: frozenset[str]  # the event types whose rivals are parties (a match)
    phrase_end: re.Pattern  # where the phrase after a rival word ends
    present_years: int  # how many years before the article "kedua pemimpin" still are the article's people
    location: re.Pattern
    noun_suffix: str
    verb_prefixes: tuple[str, ...]

    def clause_around(self, visible: str, position: int) -> tuple[int, int]:
        """The clause of ``visible`` around ``position``, cut at words that open another clause."""
        start, end = 0, len(visible)
        for match in self.clause_break.finditer(visible):
            if match.start() <= position:
                start = match.start()
            elif match.start() > position:
                end = match.start()
                break
        return start, end


def _lower_literals(pattern: str) -> str:
    """The pattern for lower-cased text: capitals made small, escapes such as \\S kept."""
    return re.sub(r"(\\.)|([A-Z])", lambda m: m.group(1) or m.group(2).lower(), pattern)


@cache
def load_lexicon(language: str = "id") -> EventLexicon:
    data = lexicons.load("events", language)
    suffix = data["morphology"]["possessive_suffix"]

    def alternation(patterns: list[str]) -> re.Pattern:  # whole words, with or without the suffix
        return re.compile(r"(?<![\w])" + one_of(patterns) + rf"(?:{suffix})?(?![\w])", re.IGNORECASE)

    return EventLexicon(
        **_trigger_fields(data["types"], alternation, suffix),
        **_reference_fields(data["reference"], alternation),
        **_status_fields(data["status"], alternation),
        **_participant_fields(data["participants"], alternation),
        location=_location_pattern(data["location"]),
        noun_suffix=data["morphology"]["noun_suffix"],
        verb_prefixes=tuple(data["morphology"]["verb_prefixes"]),
    )


def _trigger_fields(types: dict[str, Any], alternation: Alternation, suffix: str) -> dict[str, Any]:
    every = [p for spec in types.values() for p in spec["triggers"] + spec.get("weak", [])]
    return {
        "types": tuple(
            (
                name,
                alternation(spec["triggers"]),
                alternation(spec["weak"]) if spec.get("weak") else None,
                spec.get("cameo"),
            )
            for name, spec in types.items()
        ),
        "any_trigger": re.compile(r"\b" + one_of([_lower_literals(p) for p in every]) + rf"(?:{suffix})?\b"),
        "absorbs": {name: tuple(spec.get("absorbs", [])) for name, spec in types.items()},
        "reported_as": {name: spec.get("reported_as", name) for name, spec in types.items()},
        "weak_needs": {name: alternation(spec["weak_needs"]) for name, spec in types.items() if spec.get("weak_needs")},
        "needs_location": frozenset(name for name, spec in types.items() if spec.get("needs_location")),
        "phone": alternation(types["call"]["phone"]),
    }


def _reference_fields(reference: dict[str, Any], alternation: Alternation) -> dict[str, Any]:
    return {
        "anaphora": re.compile(r"^(?:\s+\S+)?\s+" + one_of(reference["anaphora"]) + r"\b", re.IGNORECASE),
        "after_event": re.compile(r"\b" + one_of(reference["after_event"]) + r"\s+$", re.IGNORECASE),
        "same_day": alternation(reference["same_day"]),
        "report_cue": re.compile(one_of(reference["report_cues"]) + r"\s+(?:\S+\s+){0,2}$", re.IGNORECASE),
        "speech_adjunct": re.compile(r",?\s+" + one_of(reference["speech_adjuncts"]) + r"\b", re.IGNORECASE),
        "one_off": frozenset(reference["one_off"]),
        "inherit_date_within": int(reference["inherit_date_within"]),
        "date_reach": int(reference["date_reach"]),
    }


def _status_fields(status: dict[str, Any], alternation: Alternation) -> dict[str, Any]:
    return {
        "planned": alternation(status["planned"]),
        "unplanned": alternation(status["unplanned"]),
        "planned_after": re.compile(r"(?:\s+\S+){0,4}?\s+" + one_of(status["planned_after"]) + r"\b", re.IGNORECASE),
        "future_after": re.compile(r"\b" + one_of(status["future_after"]) + r"\b", re.IGNORECASE),
        "planned_cameo": status["planned_cameo"],
    }


def _participant_fields(participants: dict[str, Any], alternation: Alternation) -> dict[str, Any]:
    return {
        "two_sided": frozenset(participants["two_sided"]),
        "joint": frozenset(participants["joint"]),
        "between_parties": frozenset(participants["between_parties"]),
        "both_people": alternation(participants["both_people"]),
        "both_countries": alternation(participants["both_countries"]),
        "pronouns": re.compile(r"\b" + one_of(participants["pronouns"]) + r"\b", re.IGNORECASE),
        "clause_break": alternation(participants["clause_breaks"]),
        "rival": alternation(participants["rivals"]),
        "rivals_take_part": frozenset(participants["rivals_take_part"]),
        "phrase_end": re.compile(r"[,;:]|\b" + one_of(participants["clause_breaks"]) + r"\b", re.IGNORECASE),
        "present_years": int(participants["present_years"]),
    }


def _location_pattern(location: dict[str, Any]) -> re.Pattern:
    """ "di Moskow", "ke ibu kota Beijing": a preposition, then up to four capitalised words."""
    preps = "|".join(location["prepositions"])
    city = "|".join(word.replace(" ", r"\s+") + r"\s+" for word in location["city_words"])
    return re.compile(rf"\b(?:{preps})\s+(?:{city})?((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){{0,3}})")
