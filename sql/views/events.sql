-- analytics.events: one row per reported event, participants as canonical names.
create or replace view analytics.events as
with events as (
    select * from core.events
),

participants as (
    select
        event_participants.event_id,
        list(actors.name order by actors.name) as participants,
        list(actors.actor_id order by actors.name) as participant_ids
    from core.event_participants as event_participants
    join core.actors as actors using (actor_id)
    group by event_participants.event_id
),

articles as (
    select article_id, published_date from core.articles
),

final as (
    select
        events.event_id,
        events.article_id,
        events.event_type,
        events.mode,
        events.status,
        events.event_date,
        events.date_precision,
        events.date_source,
        events.is_date_contradiction,
        events.date_note,
        events.location,
        coalesce(participants.participants, []::varchar[]) as participants,
        coalesce(participants.participant_ids, []::varchar[]) as participant_ids,
        events.trigger,
        events.cameo_code,
        events.sentence,
        articles.published_date
    from events
    left join participants using (event_id)
    left join articles using (article_id)
)

select * from final;
