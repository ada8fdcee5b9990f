"""The timeline: each real-world event once, with the articles that report it."""

import dagster as dg

from pipelines.defs.metadata import table_metadata
from pipelines.defs.resources import WarehouseResource
from pipelines.lib.warehouse import rows as table_rows
from pipelines.lib.warehouse.frames import frame
from pipelines.lib.warehouse.timeline import Report, build_timeline

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


@dg.asset(
    group_name="warehouse",
    kinds={"python", "duckdb"},
    pool="warehouse",
    deps=["events", "actors"],
    description=(
        "One row per real-world event: reports of the same type and status whose dates agree at the coarser "
        "precision and whose participants overlap are grouped, with the number and ids of the articles reporting it. "
        "Rebuilt from all dated events on every run."
    ),
)
def timeline(warehouse: WarehouseResource) -> dg.MaterializeResult:
    with warehouse.get_connection() as conn:
        reports = [
            Report(
                event_id,
                article_id,
                event_type,
                status,
                date,
                precision,
                frozenset(participants or []),
                frozenset(people or []),
            )
            for event_id, article_id, event_type, status, date, precision, participants, people in conn.execute(
                REPORTS
            ).fetchall()
        ]
        events = build_timeline(reports)
        rows = frame(
            "timeline",
            [
                {
                    **e.__dict__,
                    "participants": list(e.participants),
                    "article_ids": list(e.article_ids),
                    "event_ids": list(e.event_ids),
                }
                for e in events
            ],
        )
        table_rows.delete_all(conn, "core.timeline")  # rebuilt whole from every dated event
        table_rows.insert_rows(conn, "core.timeline", rows)
        return dg.MaterializeResult(
            metadata=table_metadata(
                conn,
                "core.timeline",
                reports=len(reports),
                reported_more_than_once=sum(len(e.article_ids) > 1 for e in events),
            )
        )
