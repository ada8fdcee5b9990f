-- One row per article: the clean text of an accepted input.
create table if not exists core.articles (
    article_id      varchar primary key,
    source          varchar not null,
    content_hash    varchar not null,
    url             varchar,
    site            varchar,
    title           varchar,
    published_date  date,
    published_date_note varchar,           -- where the date came from, or why it was corrected
    is_published_date_contradiction boolean not null default false,
    language        varchar,
    author          varchar,
    dateline_place  varchar,
    body            varchar not null,
    word_count      integer not null,
    extractor_version varchar not null,
    ingested_at     timestamp not null
);

-- One row per rejected input, with the reason. Nothing a user gave is dropped silently.
create table if not exists core.rejected (
    source          varchar primary key,
    content_hash    varchar,
    reason          varchar not null,
    byte_size       bigint,
    extractor_version varchar not null,
    rejected_at     timestamp not null
);
