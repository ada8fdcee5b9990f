"""The core.timeline table, kept by block: a run re-clusters only the blocks (event type, status, year) whose
reports changed since the last run, and a run with no changed block does no timeline work."""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from pipelines.lib.warehouse import rows
from pipelines.lib.warehouse.frames import frame
from pipelines.lib.warehouse.timeline import Report, TimelineEvent, block_key, build_timeline

REPORTS = """
with reports as (
    select
        events.event_id, events.article_id, events.event_type, events.status, events.event_date,
        events.date_precision,
        coalesce(list(actors.name) filter (where actors.name is not null), []) as participants,
        coalesce(list(actors.name) filter (where actors.kind = 'person'), []) as people
    from core.events as events
    left join core.event_participants as event_participants using (event_id)
    left join core.actors as actors using (actor_id)
    where events.event_date is not null
    group by all
)

select *, concat_ws('|', event_type, status, year(event_date)) as block_key from reports
"""

FINGERPRINTS = f"""
with reports as ({REPORTS})

select
    block_key,
    md5(string_agg(
        concat_ws('|', event_id, article_id, event_date, date_precision,
            array_to_string(list_sort(participants), ';'), array_to_string(list_sort(people), ';')),
        ',' order by event_id
    )) as fingerprint
from reports
group by block_key
"""

REPORTS_OF_BLOCKS = f"""
with reports as ({REPORTS})

select * exclude (block_key) from reports where block_key in (select unnest(?))
"""


@dataclass
class TimelineRefresh:
    """What a run did to the timeline: the blocks it re-clustered, their reports and the events they gave."""

    blocks: int = 0
    blocks_reclustered: list[str] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    events: list[TimelineEvent] = field(default_factory=list)


def refresh_timeline(conn: duckdb.DuckDBPyConnection) -> TimelineRefresh:
    """Re-cluster the blocks whose reports changed (new, changed or removed events) and write their rows."""
    current = dict(conn.execute(FINGERPRINTS).fetchall())
    stored = _stored_blocks(conn)
    touched = sorted({k for k, fp in current.items() if stored.get(k, (None,))[0] != fp} | (stored.keys() - current))
    refresh = TimelineRefresh(blocks=len(current), blocks_reclustered=touched)
    if not touched:
        return refresh
    refresh.reports = reports(conn, touched)
    refresh.events = build_timeline(refresh.reports)
    _write(conn, touched, stored, current, refresh.events)
    return refresh


def reports(conn: duckdb.DuckDBPyConnection, blocks: list[str]) -> list[Report]:
    """The dated events of ``blocks``, with the names of their participants and of the people among them."""
    return [
        Report(*columns, frozenset(participants), frozenset(people))
        for *columns, participants, people in conn.execute(REPORTS_OF_BLOCKS, [blocks]).fetchall()
    ]


def reported_more_than_once(conn: duckdb.DuckDBPyConnection) -> int:
    """Timeline events that more than one article reports."""
    return conn.execute("select count(*) from core.timeline where len(article_ids) > 1").fetchall()[0][0]


def _stored_blocks(conn: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, list[str]]]:
    """The blocks of the last run; with none recorded, a timeline already there is one block to replace whole."""
    stored = {k: (fp, ids) for k, fp, ids in conn.execute("select * from core.timeline_blocks").fetchall()}
    if not stored and rows.count(conn, "core.timeline"):
        stored[""] = ("", [i for (i,) in conn.execute("select timeline_id from core.timeline").fetchall()])
    return stored


def _write(conn, touched: list[str], stored: dict, current: dict, events: list[TimelineEvent]) -> None:
    """Replace the timeline rows and block records of ``touched``, in one transaction."""
    by_block: dict[str, list[str]] = {key: [] for key in touched if key in current}
    for event in events:
        by_block[block_key(event)].append(event.timeline_id)
    conn.begin()
    rows.delete_rows(conn, "core.timeline", "timeline_id", [i for key in touched for i in stored.get(key, ("", []))[1]])
    rows.insert_rows(conn, "core.timeline", frame("timeline", [_timeline_row(event) for event in events]))
    rows.delete_rows(conn, "core.timeline_blocks", "block_key", touched)
    blocks = [{"block_key": k, "fingerprint": current[k], "timeline_ids": ids} for k, ids in by_block.items()]
    rows.insert_rows(conn, "core.timeline_blocks", frame("timeline_blocks", blocks))
    conn.commit()


def _timeline_row(event: TimelineEvent) -> dict:
    return {
        **event.__dict__,
        "participants": list(event.participants),
        "article_ids": list(event.article_ids),
        "event_ids": list(event.event_ids),
    }
