-- analytics.timeline: one row per real-world event, however many articles report it.
create or replace view analytics.timeline as
with timeline as (
    select * from core.timeline
),

final as (
    select
        timeline_id,
        event_type,
        status,
        event_date,
        date_precision,
        participants,
        len(article_ids) as article_count,
        article_ids,
        event_ids
    from timeline
)

select * from final
order by event_date, event_type;
