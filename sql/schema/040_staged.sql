-- One row per backfill partition (a WARC file) merged into the warehouse: which staged set, so that each
-- set is loaded once and a partition staged again with the same records is not loaded again.
create table if not exists core.staged_partitions (
    partition_key   varchar primary key,   -- the WARC file (path or URL)
    set_id          varchar not null,      -- the staged set last loaded
    digest          varchar not null,      -- of its records and extractor version
    poll_id         varchar not null,      -- the core.polls row of the load
    records         integer not null,
    articles        integer not null,      -- articles loaded from the set
    loaded_at       timestamp not null
);
