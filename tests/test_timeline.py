"""The timeline groups reports of one real-world event."""

import datetime as dt
import random
import time
from dataclasses import replace

import duckdb

from pipelines.lib.warehouse import rows
from pipelines.lib.warehouse.frames import frame
from pipelines.lib.warehouse.schema import apply_schema
from pipelines.lib.warehouse.timeline import Report, block_key, build_timeline
from pipelines.lib.warehouse.timeline_rows import refresh_timeline


def report(event_id, article_id, date, precision="day", people=("Vladimir Putin", "Xi Jinping"), kind="call"):
    return Report(
        event_id,
        article_id,
        kind,
        "occurred",
        date,
        precision,
        frozenset(people) | {"Russia", "China"},
        frozenset(people),
    )


def test_reports_of_the_same_call_are_one_event():
    [event] = build_timeline(
        [
            report("e1", "a1", dt.date(2021, 12, 15)),
            report("e2", "a2", dt.date(2021, 12, 1), precision="month"),
        ]
    )
    assert event.article_ids == ("a1", "a2") and event.event_date == dt.date(2021, 12, 15)
    assert event.date_precision == "day"


def test_different_days_or_people_are_different_events():
    events = build_timeline(
        [
            report("e1", "a1", dt.date(2021, 12, 15)),
            report("e2", "a2", dt.date(2021, 12, 7)),
            report("e3", "a3", dt.date(2021, 12, 15), people=("Joe Biden",)),
        ]
    )
    assert len(events) == 3


def test_a_report_dated_only_by_year_does_not_chain_two_days():
    events = build_timeline(
        [
            report("e1", "a1", dt.date(2024, 4, 9)),
            report("e2", "a2", dt.date(2024, 1, 1), precision="year"),
            report("e3", "a3", dt.date(2024, 7, 9)),
        ]
    )
    assert sorted(len(e.event_ids) for e in events) == [1, 2]


def synthetic_reports(count: int, seed: int = 7) -> list[Report]:
    """Reports of five kinds of event over three years among 150 countries (one of them in a quarter of all
    reports) and 300 people; most dated to the day, some to the month, a few to the year only."""
    rng = random.Random(seed)
    people = [f"Person {i}" for i in range(300)]
    countries = [f"Country {i}" for i in range(150)]
    reports = []
    for i in range(count):
        persons = frozenset(rng.sample(people, rng.choice([0, 0, 1, 2])))
        parties = set(rng.sample(countries, rng.choice([1, 2, 2, 3]))) | (
            {"Country 0"} if rng.random() < 0.25 else set()
        )
        date = dt.date(rng.choice([2022, 2023, 2024]), rng.randint(1, 12), rng.randint(1, 28))
        precision = rng.choice(["day"] * 16 + ["month"] * 3 + ["year"])
        kind = rng.choice(["call", "meeting", "visit", "agreement", "message"])
        reports.append(Report(f"e{i}", f"a{i // 3}", kind, "occurred", date, precision, persons | parties, persons))
    return reports


def test_a_hundred_thousand_reports_cluster_within_half_a_minute():
    reports = synthetic_reports(100_000)
    started = time.perf_counter()
    events = build_timeline(reports)
    assert time.perf_counter() - started < 30
    assert sum(len(e.event_ids) for e in events) == len(reports)
    assert len(events) < len(reports)  # reports of one event are grouped


def write_reports(conn, reports: list[Report]) -> None:
    """Reports as the extraction writes them: events, their participants and the actors."""
    names = sorted(set().union(*(r.participants for r in reports)))
    people = set().union(*(r.people for r in reports))
    actors = [{"actor_id": n, "name": n, "kind": "person" if n in people else "country"} for n in names]
    rows.upsert_rows(conn, "core.actors", "actor_id", frame("actors", actors))
    events = [
        {"event_id": r.event_id, "article_id": r.article_id, "event_type": r.event_type, "status": r.status,
         "event_date": r.event_date, "date_precision": r.date_precision, "is_date_contradiction": False,
         "char_start": 0, "char_end": 1}
        for r in reports
    ]  # fmt: skip
    participants = [{"event_id": r.event_id, "article_id": r.article_id, "actor_id": n} for r in reports
                    for n in r.participants]  # fmt: skip
    rows.insert_rows(conn, "core.events", frame("events", events))
    rows.insert_rows(conn, "core.event_participants", frame("event_participants", participants))


def timeline_table(conn) -> list[tuple]:
    return conn.execute("select event_ids, event_date, participants from core.timeline order by all").fetchall()


def test_a_run_reclusters_only_the_blocks_its_new_events_touch():
    conn = duckdb.connect()
    apply_schema(conn)
    reports = synthetic_reports(3_000)
    write_reports(conn, reports)
    first = refresh_timeline(conn)
    assert len(first.blocks_reclustered) == first.blocks == 15  # five kinds in three years

    added = [replace(r, event_id=f"new{i}", article_id="new", event_type="call", event_date=dt.date(2024, 5, 2))
             for i, r in enumerate(reports[:10])]  # fmt: skip
    write_reports(conn, added)
    second = refresh_timeline(conn)
    assert second.blocks_reclustered == ["call|occurred|2024"]
    assert len(second.reports) == sum(block_key(r) == "call|occurred|2024" for r in reports + added)

    everything = build_timeline(reports + added)
    assert timeline_table(conn) == sorted((list(e.event_ids), e.event_date, list(e.participants)) for e in everything)
    assert refresh_timeline(conn).blocks_reclustered == []  # nothing new: no timeline work


def test_events_removed_by_a_reprocess_leave_the_timeline():
    conn = duckdb.connect()
    apply_schema(conn)
    write_reports(conn, [report("e1", "a1", dt.date(2021, 12, 15)), report("e2", "a2", dt.date(2022, 3, 1))])
    refresh_timeline(conn)
    conn.execute("delete from core.events where event_id = 'e2'")
    assert refresh_timeline(conn).blocks_reclustered == ["call|occurred|2022"]
    assert [ids for ids, *_ in timeline_table(conn)] == [["e1"]]
