-- One row per article: the clean text of an accepted input.
create table if not exists core.articles (
    article_id      varchar not null,      -- the key: unique by a blocking check, no index (see 001_schemas.sql)
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
    page_kind       varchar not null default 'article', -- article, gallery, video or listing: what the page mostly holds
    duplicate_of    varchar,               -- the article first held with the same (syndicated) text
    duplicate_similarity double,           -- estimated Jaccard similarity of their texts
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

-- One row per article: its MinHash signature, to find the same text published elsewhere.
create table if not exists core.article_signatures (
    article_id      varchar not null,      -- the key: unique by a blocking check, no index (see 001_schemas.sql)
    signature       bigint[] not null
);

-- One row per article and LSH band: articles sharing a band key are compared.
create table if not exists core.article_bands (
    article_id      varchar not null,
    band_key        varchar not null
);
