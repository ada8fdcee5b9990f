-- analytics.actors: one row per canonical actor, with how often articles name it, every name it was seen
-- by (the lexicon's aliases and the words of the texts) and every role the texts gave it.
create or replace view analytics.actors as
with actors as (
    select * from core.actors
),

mentions as (
    select
        actor_id,
        count(*) as mention_count,
        count(distinct article_id) as article_count,
        list(distinct surface order by surface) as surfaces,
        list(distinct role order by role) filter (where role is not null) as roles
    from core.actor_mentions
    group by actor_id
),

final as (
    select
        actors.actor_id,
        actors.name,
        actors.kind,
        actors.country,
        list_sort(list_distinct(list_concat(coalesce(actors.aliases, []), coalesce(mentions.surfaces, [])))) as aliases,
        coalesce(mentions.roles, []) as roles,
        coalesce(mentions.mention_count, 0) as mention_count,
        coalesce(mentions.article_count, 0) as article_count
    from actors
    left join mentions using (actor_id)
)

select * from final;
