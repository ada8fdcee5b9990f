"""The timeline groups reports of one real-world event."""

import datetime as dt

from pipelines.lib.warehouse.timeline import Report, build_timeline


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
