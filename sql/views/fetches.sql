-- analytics.fetches: one row per page fetched or file read by a poll, with its outcome and any error.
create or replace view analytics.fetches as
with fetches as (
    select * from core.fetches
),

polls as (
    select poll_id, source_name from core.polls
),

final as (
    select
        fetches.poll_id,
        polls.source_name,
        fetches.url,
        fetches.source as document,
        fetches.outcome,
        fetches.http_status,
        fetches.error,
        fetches.fetched_at
    from fetches
    join polls using (poll_id)
)

select * from final
order by fetched_at desc;
