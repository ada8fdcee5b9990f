"""One event per happening: the same event reported twice in an article (a headline and its body) is kept once."""

from __future__ import annotations

from pipelines.lib.extract.events.event import Event


def dedupe(events: list[Event]) -> list[Event]:
    """One event per type and participants (one list within the other) in an article, unless dates differ.

    A headline and the body often report the same event, once without a date.
    """
    unique: list[Event] = []
    for event in events:
        twin = next(
            (
                i
                for i, kept in enumerate(unique)
                if kept.event_type == event.event_type and _same_parties(kept, event) and _dates_agree(kept, event)
            ),
            None,
        )
        if twin is None:
            unique.append(event)
        elif unique[twin].date_source != "text" and event.date_source == "text":
            unique[twin] = event
    return unique


def _same_parties(a: Event, b: Event) -> bool:
    """The same people (one list of actors within the other), or exactly the same actors."""
    first, second = set(a.participants), set(b.participants)
    people = [{n for n in e.participants if n in a.people or n in b.people} for e in (a, b)]
    return first == second or (bool(people[0]) and people[0] == people[1] and (first <= second or second <= first))


def _dates_agree(a: Event, b: Event) -> bool:
    """A date the text does not state agrees with any, between the same people; else dates must match."""
    if (a.date_source != "text" or b.date_source != "text") and a.people and b.people:
        return True
    if a.date is None or b.date is None:
        return a.date is None and b.date is None
    return a.date.iso() == b.date.iso()
