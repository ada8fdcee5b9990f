-- analytics.timeline: one row per real-world event, however many articles report it.
-- article_count counts every article; report_count counts distinct reports, a syndicated
-- copy of a text already held (articles.duplicate_of) counting once with its original.
create or replace view analytics.timeline as
with timeline as (
    select * from core.timeline
),

articles as (
    select article_id, coalesce(duplicate_of, article_id) as report_id from core.articles
),

reports as (
    select timeline.timeline_id, count(distinct articles.report_id) as report_count
    from timeline, unnest(timeline.article_ids) as reported(article_id)
    join articles on articles.article_id = reported.article_id
    group by timeline.timeline_id
),

final as (
    select
        timeline.timeline_id,
        timeline.event_type,
        timeline.status,
        timeline.event_date,
        timeline.date_precision,
        timeline.participants,
        len(timeline.article_ids) as article_count,
        coalesce(reports.report_count, 0) as report_count,
        timeline.article_ids,
        timeline.event_ids
    from timeline
    left join reports using (timeline_id)
)

select * from final
order by event_date, event_type;
