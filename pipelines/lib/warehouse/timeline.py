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
from collections.abc import Iterator
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


def block_key(report: Report | TimelineEvent) -> str:
    """Reports of different blocks are never the same event: type, status and year must agree."""
    return f"{report.event_type}|{report.status}|{report.event_date.year}"


def build_timeline(reports: list[Report]) -> list[TimelineEvent]:
    """Cluster reports into timeline events, block by block (:func:`block_key`)."""
    blocks: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        blocks[block_key(report)].append(report)
    events = [event for block in blocks.values() for event in cluster_block(block)]
    return sorted(events, key=lambda t: (t.event_date, t.event_type))


def cluster_block(reports: list[Report]) -> list[TimelineEvent]:
    """Cluster the reports of one block.

    Parties link reports one pair at a time, but a cluster never holds two different days
    or months: a report dated only "2024" cannot chain a meeting of 9 April to one of 9 July.
    Only pairs that share a participant and whose dates can agree are compared, in the order
    of their event ids, so the result is that of comparing every pair in that order, however
    the reports were read.
    """
    reports = sorted(reports, key=lambda r: r.event_id)
    parent = list(range(len(reports)))
    days: dict[int, set[str]] = {i: _dates(r, "day") for i, r in enumerate(reports)}
    months: dict[int, set[str]] = {i: _dates(r, "month") for i, r in enumerate(reports)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidate_pairs(reports):  # same block, dates that agree: the parties and the cluster are left
        a, b = find(i), find(j)
        if a == b or _two(days[a], days[b]) or _two(months[a], months[b]):
            continue
        if not same_parties(reports[i], reports[j]):
            continue
        parent[b] = a
        days[a] |= days[b]
        months[a] |= months[b]
    groups: dict[int, list[Report]] = defaultdict(list)
    for i, report in enumerate(reports):
        groups[find(i)].append(report)
    return [_merge(group) for group in groups.values()]


def _candidate_pairs(reports: list[Report]) -> Iterator[tuple[int, int]]:
    """Pairs (i, j), i < j, in order, of reports that share a participant and whose dates agree at the coarser
    precision: a day meets the same day, its month and its year; a month meets its days, itself and its year;
    a year meets everything."""
    index: dict[tuple, list[int]] = defaultdict(list)
    for i, report in enumerate(reports):
        for participant in report.participants:
            for key in _index_keys(report):
                index[(participant, *key)].append(i)
    for i, report in enumerate(reports):
        candidates: set[int] = set()
        for participant in report.participants:
            for key in _probe_keys(report):
                candidates.update(j for j in index.get((participant, *key), ()) if j > i)
        yield from ((i, j) for j in sorted(candidates))


def _index_keys(report: Report) -> list[tuple[str, str]]:
    """Where a report is filed: under its own precision and date, and under every coarser period it falls in."""
    iso, rank = report.event_date.isoformat(), RANK[report.date_precision]
    keys = [("as", report.date_precision, iso[: WIDTH[report.date_precision]])]
    keys += [("in", precision, iso[: WIDTH[precision]]) for precision in WIDTH if RANK[precision] >= rank]
    return keys


def _probe_keys(report: Report) -> list[tuple[str, str]]:
    """Where a report looks for partners: reports filed as its date or coarser, and every report inside its period."""
    iso, rank = report.event_date.isoformat(), RANK[report.date_precision]
    keys = [("as", precision, iso[: WIDTH[precision]]) for precision in WIDTH if RANK[precision] > rank]
    return keys + [("in", report.date_precision, iso[: WIDTH[report.date_precision]])]


def _two(a: set[str], b: set[str]) -> bool:
    """Two clusters of at most one day (or month) each would hold two different ones together."""
    return bool(a and b and a != b)


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
