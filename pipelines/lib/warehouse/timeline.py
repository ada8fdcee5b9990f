"""One real-world event, many reports: group reported events into a timeline.

Two reports are the same event when they have the same type and status, their
dates agree at the coarser of their two precisions (2021-12-15 and 2021-12
agree; 2021-12-15 and 2021-12-07 do not), and their participants overlap: at
least one person in common, or, for events between countries and
organisations only, at least two actors (or all of the smaller list) in common.
A cluster never holds two different days or months, so a coarse report cannot
chain two events. Undated reports cannot be placed on a timeline and are left out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass

WIDTH = {"day": 10, "month": 7, "year": 4}
RANK = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True)
class Report:
    event_id: str
    article_id: str
    event_type: str
    status: str
    event_date: dt.date
    date_precision: str
    participants: frozenset[str]
    people: frozenset[str]


@dataclass(frozen=True)
class TimelineEvent:
    timeline_id: str
    event_type: str
    status: str
    event_date: dt.date
    date_precision: str
    participants: tuple[str, ...]
    article_ids: tuple[str, ...]
    event_ids: tuple[str, ...]


def same_date(a: Report, b: Report) -> bool:
    width = WIDTH[max(a.date_precision, b.date_precision, key=RANK.__getitem__)]
    return a.event_date.isoformat()[:width] == b.event_date.isoformat()[:width]


def same_parties(a: Report, b: Report) -> bool:
    if a.people and b.people:
        return bool(a.people & b.people)
    shared = a.participants & b.participants
    return len(shared) >= 2 or (bool(shared) and len(shared) == min(len(a.participants), len(b.participants)))


def same_event(a: Report, b: Report) -> bool:
    return a.event_type == b.event_type and a.status == b.status and same_date(a, b) and same_parties(a, b)


def build_timeline(reports: list[Report]) -> list[TimelineEvent]:
    """Cluster reports into timeline events, within a type and year.

    Parties link reports one pair at a time, but a cluster never holds two different days
    or months: a report dated only "2024" cannot chain a meeting of 9 April to one of 9 July.
    """
    parent = list(range(len(reports)))
    days: dict[int, set[str]] = {i: _dates(r, "day") for i, r in enumerate(reports)}
    months: dict[int, set[str]] = {i: _dates(r, "month") for i, r in enumerate(reports)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, report in enumerate(reports):
        buckets[(report.event_type, report.event_date.year)].append(i)
    for members in buckets.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                a, b = find(i), find(j)
                if a == b or not same_event(reports[i], reports[j]):
                    continue
                if len(days[a] | days[b]) > 1 or len(months[a] | months[b]) > 1:
                    continue
                parent[b] = a
                days[a] |= days[b]
                months[a] |= months[b]
    groups: dict[int, list[Report]] = defaultdict(list)
    for i, report in enumerate(reports):
        groups[find(i)].append(report)
    return sorted((_merge(group) for group in groups.values()), key=lambda t: (t.event_date, t.event_type))


def _dates(report: Report, precision: str) -> set[str]:
    """The report's date at ``precision``, if it is that precise."""
    if RANK[report.date_precision] > RANK[precision]:
        return set()
    return {report.event_date.isoformat()[: WIDTH[precision]]}


def _merge(group: list[Report]) -> TimelineEvent:
    finest = min(RANK[r.date_precision] for r in group)
    precise = [r for r in group if RANK[r.date_precision] == finest]
    date, precision = Counter((r.event_date, r.date_precision) for r in precise).most_common(1)[0][0]
    event_ids = tuple(sorted(r.event_id for r in group))
    return TimelineEvent(
        timeline_id="tl_" + hashlib.sha1("|".join(event_ids).encode()).hexdigest()[:16],
        event_type=group[0].event_type,
        status=group[0].status,
        event_date=date,
        date_precision=precision,
        participants=tuple(sorted(set().union(*(r.participants for r in group)))),
        article_ids=tuple(sorted({r.article_id for r in group})),
        event_ids=event_ids,
    )
