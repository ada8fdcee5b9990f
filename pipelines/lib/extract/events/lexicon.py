"""Event triggers and the words around them, from ``lexicon/<lang>/events.toml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipelines.lib import lexicons


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
    anaphora: re.Pattern
    after_event: re.Pattern
    same_day: re.Pattern
    report_cue: re.Pattern
    inherit_date_within: int
    date_reach: int
    phone: re.Pattern
    planned: re.Pattern
    planned_after: re.Pattern
    future_after: re.Pattern
    planned_cameo: str
    both_people: re.Pattern
    both_countries: re.Pattern
    not_participants: frozenset[str]
    clause_break: re.Pattern
    location: re.Pattern


def _alternation(patterns: list[str]) -> re.Pattern:
    return re.compile(r"(?<![\w])(?:" + "|".join(patterns) + r")(?:nya)?(?![\w])", re.IGNORECASE)


def _lower_literals(pattern: str) -> str:
    """The pattern for lower-cased text: capitals made small, escapes such as \\S kept."""
    return re.sub(r"(\\.)|([A-Z])", lambda m: m.group(1) or m.group(2).lower(), pattern)


@cache
def load_lexicon(language: str = "id") -> EventLexicon:
    data = lexicons.load("events", language)
    types = tuple(
        (
            name,
            _alternation(spec["triggers"]),
            _alternation(spec["weak"]) if spec.get("weak") else None,
            spec.get("cameo"),
        )
        for name, spec in data["types"].items()
    )
    preps = "|".join(data["location"]["prepositions"])
    reference = data["reference"]
    every = [p for spec in data["types"].values() for p in spec["triggers"] + spec.get("weak", [])]
    return EventLexicon(
        types=types,
        any_trigger=re.compile(r"\b(?:" + "|".join(map(_lower_literals, every)) + r")(?:nya)?\b"),
        absorbs={name: tuple(spec.get("absorbs", [])) for name, spec in data["types"].items()},
        weak_needs={
            name: _alternation(spec["weak_needs"]) for name, spec in data["types"].items() if spec.get("weak_needs")
        },
        two_sided=frozenset(data["participants"]["two_sided"]),
        joint=frozenset(data["participants"]["joint"]),
        between_parties=frozenset(data["participants"]["between_parties"]),
        needs_location=frozenset(name for name, spec in data["types"].items() if spec.get("needs_location")),
        anaphora=re.compile(r"^(?:\s+\S+)?\s+(?:" + "|".join(reference["anaphora"]) + r")\b", re.IGNORECASE),
        after_event=re.compile(r"\b(?:" + "|".join(reference["after_event"]) + r")\s+$", re.IGNORECASE),
        same_day=_alternation(reference["same_day"]),
        report_cue=re.compile(r"(?:" + "|".join(reference["report_cues"]) + r")\s+(?:\S+\s+){0,2}$", re.IGNORECASE),
        inherit_date_within=int(reference["inherit_date_within"]),
        date_reach=int(reference["date_reach"]),
        phone=_alternation(data["types"]["call"]["phone"]),
        planned=_alternation(data["status"]["planned"]),
        planned_after=re.compile(
            r"(?:\s+\S+){0,4}?\s+(?:" + "|".join(data["status"]["planned_after"]) + r")\b", re.IGNORECASE
        ),
        future_after=re.compile(r"\b(?:" + "|".join(data["status"]["future_after"]) + r")\b", re.IGNORECASE),
        planned_cameo=data["status"]["planned_cameo"],
        both_people=_alternation(data["participants"]["both_people"]),
        both_countries=_alternation(data["participants"]["both_countries"]),
        not_participants=frozenset(data["participants"]["not_participants"]),
        clause_break=_alternation(data["participants"]["clause_breaks"]),
        location=re.compile(
            rf"\b(?:{preps})\s+(?:ibu\s+kota\s+|kota\s+)?((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){{0,3}})"
        ),
    )
