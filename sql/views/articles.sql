-- analytics.articles: one row per article; is_duplicate marks the same text already held from another outlet.
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
        page_kind,
        duplicate_of,
        duplicate_similarity,
        duplicate_of is not null as is_duplicate,
        ingested_at,
        extractor_version
    from articles
)

select * from final;
