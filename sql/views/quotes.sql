-- analytics.quotes: one row per quote (direct or indirect), with its speaker.
create or replace view analytics.quotes as
with quotes as (
    select * from core.quotes
),

actors as (
    select actor_id, name from core.actors
),

articles as (
    select article_id, published_date, title, site, language from core.articles
),

final as (
    select
        quotes.quote_id,
        quotes.article_id,
        actors.name as speaker,
        quotes.speaker_id,
        quotes.kind,
        quotes.quote_text,
        quotes.cue,
        quotes.addressee,
        quotes.sentence,
        quotes.char_start,
        quotes.char_end,
        quotes.speaker_mention,
        quotes.speaker_mention_start,
        quotes.speaker_mention_end,
        quotes.speaker_role,
        articles.language,
        articles.published_date,
        articles.title as article_title,
        articles.site
    from quotes
    left join actors on actors.actor_id = quotes.speaker_id
    left join articles using (article_id)
)

select * from final;
