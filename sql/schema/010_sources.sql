-- One row per input (inbox file or URL): what was last seen and what became of it.
create table if not exists core.sources (
    source          varchar primary key,   -- path relative to the inbox, or the URL
    kind            varchar not null,      -- html | text | unsupported
    content_hash    varchar,               -- sha256 of the raw bytes (null when unreadable)
    byte_size       bigint,
    raw_path        varchar,               -- where the raw bytes are kept (data/raw/…)
    read_error      varchar,               -- why the input could not be read or fetched
    status          varchar not null,      -- pending | article | rejected
    first_seen_at   timestamp not null,
    last_seen_at    timestamp not null,
    processed_at    timestamp,
    extractor_version varchar
);
