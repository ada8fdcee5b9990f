-- analytics.actors: one row per canonical actor, with how often articles name it.
create or replace view analytics.actors as
with actors as (
    select * from core.actors
),

mentions as (
    select actor_id, count(*) as mention_count, count(distinct article_id) as article_count
    from core.actor_mentions
    group by actor_id
),

final as (
    select
        actors.actor_id,
        actors.name,
        actors.kind,
        actors.country,
        actors.aliases,
        coalesce(mentions.mention_count, 0) as mention_count,
        coalesce(mentions.article_count, 0) as article_count
    from actors
    left join mentions using (actor_id)
)

select * from final;
