"""The triggers a sentence holds: which event types it reports, and the words that say so."""

from __future__ import annotations

import re
from collections.abc import Set
from typing import NamedTuple

from pipelines.lib.extract.events.lexicon import EventLexicon


class Trigger(NamedTuple):
    event_type: str
    match: re.Match
    cameo: str | None


def find_triggers(lex: EventLexicon, visible: str, reported: Set[str]) -> list[Trigger]:
    """The triggers of ``visible`` (a sentence, quoted words blanked), one per event type.

    ``reported`` are the event types the article already reported: a trigger pointing back
    at one of them makes no new event. Weak triggers count only when no other trigger fires.
    """
    if not lex.any_trigger.search(visible.lower()):
        return []
    found = _strong(lex, visible, reported)
    absorbed = {other for trigger in found for other in lex.absorbs.get(trigger.event_type, ())}
    found = _without_overlaps([t for t in found if t.event_type not in absorbed])
    return found or _weak(lex, visible)


def _strong(lex: EventLexicon, visible: str, reported: Set[str]) -> list[Trigger]:
    found = []
    for name, strong, _, cameo in lex.types:
        matches = list(strong.finditer(visible))
        # "Kunjungan ini merupakan lawatan pertamanya …": one trigger pointing back is enough
        if matches and not any(_refers_back(lex, visible, m, name in reported) for m in matches):
            found.append(Trigger(name, matches[0], cameo))
    return found


def _without_overlaps(found: list[Trigger]) -> list[Trigger]:
    """Types come in priority order: "bertemu secara daring" is a call, not also a meeting."""
    kept: list[Trigger] = []
    for trigger in found:
        if not any(trigger.match.start() < k.match.end() and k.match.start() < trigger.match.end() for k in kept):
            kept.append(trigger)
    return kept


def _weak(lex: EventLexicon, visible: str) -> list[Trigger]:
    found = []
    for name, _, weak, cameo in lex.types:
        match = weak.search(visible) if weak else None
        needs = lex.weak_needs.get(name)
        if match and (needs is None or needs.search(visible)):
            found.append(Trigger(name, match, cameo))
    return found


def _refers_back(lex: EventLexicon, visible: str, match: re.Match, seen: bool) -> bool:
    """ "pertemuan tersebut", "kunjungan Xi kali ini": an event already reported.

    A verb does not point back so: in "menandatangani perjanjian ini" the word "ini" points at
    the treaty, and the signing is news. "usai pertemuan" points back only when the article
    already reported such an event (``seen``); the first time, it reports one ("… seusai
    pertemuan bilateral di Istana …").
    """
    first = match.group(0).split()[0].lower()
    nominal = first.endswith(lex.noun_suffix) or match.group(0).isupper()
    verb = not nominal and first.startswith(lex.verb_prefixes)
    if not verb and lex.anaphora.match(visible[match.end() :]):
        return True
    return nominal and seen and bool(lex.after_event.search(visible[: match.start()]))
