-- analytics.polls: one row per poll of a source: when, what it listed, what became of it.
create or replace view analytics.polls as
with polls as (
    select * from core.polls
),

final as (
    select
        poll_id,
        run_id,
        source_name,
        source_kind,
        location,
        started_at,
        finished_at,
        urls_seen,
        urls_new,
        urls_updated,
        urls_unchanged,
        urls_duplicate,
        urls_failed,
        urls_deferred,
        error,
        error is null as is_success
    from polls
)

select * from final
order by started_at desc;
