-- analytics.figures: one row per mention of a figure (money, percent, count, duration).
-- value_key names the value a mention states: kind, value and unit (for a count, the head noun of
-- its unit, so "16 orang pengawal" and "16 pengawal" agree); group by article_id, value_key for
-- one row per value stated in an article.
create or replace view analytics.figures as
with figures as (
    select * from core.figures
),

articles as (
    select article_id, published_date from core.articles
),

final as (
    select
        figures.figure_id,
        figures.article_id,
        figures.kind,
        figures.value,
        figures.unit,
        figures.kind || ':' || cast(figures.value as varchar) || ':' || coalesce(
            case when figures.kind = 'count' then split_part(figures.unit, ' ', 1) else figures.unit end, ''
        ) as value_key,
        figures.qualifier,
        figures.surface,
        figures.sentence,
        figures.char_start,
        figures.char_end,
        articles.published_date
    from figures
    left join articles using (article_id)
)

select * from final;
