-- One row per document: an inbox file, or a fetched page (one per canonical URL and page).
create table if not exists core.documents (
    source          varchar primary key,   -- <inbox source>/<path>, or the canonical URL (?page=N beyond page 1)
    source_name     varchar not null,      -- the source in sources.yaml that listed it
    kind            varchar not null,      -- html | text | unsupported
    url             varchar,               -- the URL fetched (after redirects)
    canonical_url   varchar not null,      -- the article it belongs to: pages of one article share it
    page_number     integer not null,      -- 1 for a single page; 0 when the page holds all pages
    content_hash    varchar,               -- sha256 of the raw bytes (null when never fetched or read)
    byte_size       bigint,
    raw_path        varchar,               -- the raw bytes, gzip-compressed (data/raw/ab/<hash>.gz)
    language        varchar,               -- declared by the source
    listed_updated_at timestamp,           -- last update the feed or sitemap announced
    file_signature  varchar,               -- size and modification time of an inbox file
    error           varchar,               -- why the last fetch or read failed
    attempts        integer not null default 0,  -- failed attempts since the last success
    status          varchar not null,      -- pending | article | rejected | failed
    first_seen_at   timestamp not null,
    fetched_at      timestamp,
    processed_at    timestamp,
    extractor_version varchar
);

-- One row per URL that led to a document under another key (a redirect).
create table if not exists core.url_aliases (
    url             varchar primary key,
    source          varchar not null
);

-- One row per poll of a source: what it listed and what became of it.
create table if not exists core.polls (
    poll_id         varchar primary key,
    run_id          varchar,
    source_name     varchar not null,
    source_kind     varchar not null,      -- inbox | feed | sitemap | urls
    location        varchar not null,
    started_at      timestamp not null,
    finished_at     timestamp not null,
    urls_seen       integer not null,
    urls_new        integer not null,
    urls_updated    integer not null,
    urls_unchanged  integer not null,      -- fetched or read again with the same bytes
    urls_duplicate  integer not null,      -- led (by a redirect) to a document already held
    urls_failed     integer not null,
    urls_deferred   integer not null,      -- over the source's max_articles, left for the next poll
    error           varchar                -- why the source itself could not be read
);

-- One row per fetch or read in a poll (known, unchanged URLs are not fetched and not listed).
create table if not exists core.fetches (
    poll_id         varchar not null,
    url             varchar not null,
    source          varchar,               -- the document it concerns
    outcome         varchar not null,      -- listing | new | updated | unchanged | duplicate | failed | deferred
    http_status     integer,
    error           varchar,
    fetched_at      timestamp not null
);
