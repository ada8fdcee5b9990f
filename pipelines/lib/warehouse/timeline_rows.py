"""The core.timeline table, rebuilt whole on every run from every dated event and its participants."""

from __future__ import annotations

import duckdb

from pipelines.lib.warehouse import rows
from pipelines.lib.warehouse.frames import frame
from pipelines.lib.warehouse.timeline import Report, TimelineEvent, build_timeline

REPORTS = """
select
    events.event_id, events.article_id, events.event_type, events.status, events.event_date, events.date_precision,
    list(actors.name) filter (where actors.name is not null) as participants,
    list(actors.name) filter (where actors.kind = 'person') as people
from core.events as events
left join core.event_participants as event_participants using (event_id)
left join core.actors as actors using (actor_id)
where events.event_date is not null
group by all
"""


def reports(conn: duckdb.DuckDBPyConnection) -> list[Report]:
    """Every dated event, with the names of its participants and of the people among them."""
    return [
        Report(*columns, frozenset(participants or []), frozenset(people or []))
        for *columns, participants, people in conn.execute(REPORTS).fetchall()
    ]


def rebuild_timeline(conn: duckdb.DuckDBPyConnection) -> tuple[list[Report], list[TimelineEvent]]:
    """Group the reports into timeline events and replace core.timeline with them."""
    reported = reports(conn)
    events = build_timeline(reported)
    timeline_rows = [
        {
            **event.__dict__,
            "participants": list(event.participants),
            "article_ids": list(event.article_ids),
            "event_ids": list(event.event_ids),
        }
        for event in events
    ]
    rows.delete_all(conn, "core.timeline")
    rows.insert_rows(conn, "core.timeline", frame("timeline", timeline_rows))
    return reported, events
