"""A figure stated in a text, and a number's reading before its qualifier is known."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    kind: str  # "money" | "percent" | "count" | "duration"
    value: float
    unit: str  # ISO 4217 (money), "percent", the counted noun, or year/month/week/day/hour
    qualifier: str | None  # "more_than" | "less_than" | "approx" | "up_to" | None
    surface: str  # text[char_start:char_end]
    char_start: int
    char_end: int


@dataclass(frozen=True)
class Reading:
    """What the words around a number make of it: kind, value, unit and the surface's
    character range; the qualifier is read before token ``qualifier_at``."""

    kind: str
    value: float
    unit: str
    start: int
    end: int
    qualifier_at: int
    after: int | None = None  # the token after the figure; None: the first token from ``end`` on
