-- analytics.figures: one row per figure (money, percent, count, duration).
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
