"""An event: what happened (or is planned) between whom, when and where, as one sentence reports it."""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.lib.dates import ResolvedDate


@dataclass(frozen=True)
class Event:
    event_type: str
    mode: str | None  # phone | video | in_person | None
    status: str  # occurred | planned
    date: ResolvedDate | None
    date_source: str | None  # text | context (an earlier sentence) | publication | None
    location: str | None
    participants: tuple[str, ...]
    trigger: str
    sentence: str
    char_start: int
    char_end: int
    cameo_code: str | None
    people: tuple[str, ...] = ()  # the participants who are persons
