-- analytics.articles: one row per article.
create or replace view analytics.articles as
with articles as (
    select * from core.articles
),

final as (
    select
        article_id,
        source,
        url,
        site,
        title,
        published_date,
        published_date_note,
        is_published_date_contradiction,
        language,
        author,
        dateline_place,
        body,
        word_count,
        ingested_at,
        extractor_version
    from articles
)

select * from final;
