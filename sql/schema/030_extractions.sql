-- One row per canonical actor (person, country, organisation).
create table if not exists core.actors (
    actor_id        varchar not null,      -- the key: unique by a blocking check, no index (see 001_schemas.sql)
    name            varchar not null,
    kind            varchar not null,
    country         varchar,
    aliases         varchar[]
);

-- One row per place an article names an actor.
create table if not exists core.actor_mentions (
    article_id      varchar not null,
    actor_id        varchar not null,
    surface         varchar not null,
    char_start      integer not null,
    char_end        integer not null,
    role            varchar                -- the role the text gives the actor there ("Kepala Desa Sukamaju")
);

-- One row per quote; body[char_start:char_end] is the quoted or reported text.
create table if not exists core.quotes (
    quote_id        varchar not null,      -- the key: unique by a blocking check, no index (see 001_schemas.sql)
    article_id      varchar not null,
    speaker_id      varchar not null,
    kind            varchar not null,      -- direct | indirect
    quote_text      varchar not null,
    cue             varchar,
    addressee       varchar,
    sentence        varchar,
    char_start      integer not null,
    char_end        integer not null,
    speaker_mention varchar,               -- the words naming the speaker where the quote is attributed
    speaker_mention_start integer,         -- body[speaker_mention_start:speaker_mention_end] = speaker_mention
    speaker_mention_end integer,
    speaker_role    varchar                -- the role the text gives the speaker ("Juru Bicara KPK")
);

-- One row per mention of a figure (money, percent, count, duration) in an article.
create table if not exists core.figures (
    figure_id       varchar not null,      -- the key: unique by a blocking check, no index (see 001_schemas.sql)
    article_id      varchar not null,
    kind            varchar not null,
    value           double not null,
    unit            varchar,
    qualifier       varchar,
    surface         varchar not null,
    sentence        varchar,
    char_start      integer not null,
    char_end        integer not null
);

-- One row per event an article reports.
create table if not exists core.events (
    event_id        varchar not null,      -- the key: unique by a blocking check, no index (see 001_schemas.sql)
    article_id      varchar not null,
    event_type      varchar not null,
    mode            varchar,
    status          varchar not null,      -- occurred | planned
    event_date      date,
    date_precision  varchar,               -- day | month | year
    date_source     varchar,               -- text | context | publication
    is_date_contradiction boolean not null default false,
    date_note       varchar,
    location        varchar,
    trigger         varchar,
    cameo_code      varchar,
    sentence        varchar,
    char_start      integer not null,
    char_end        integer not null
);

-- One row per participant of an event.
create table if not exists core.event_participants (
    event_id        varchar not null,
    article_id      varchar not null,
    actor_id        varchar not null
);

-- One row per article and stage: which extractor version last processed which content.
create table if not exists core.processing (
    article_id      varchar not null,
    stage           varchar not null,
    content_hash    varchar not null,
    extractor_version varchar not null,
    processed_at    timestamp not null     -- the key: (article_id, stage), unique by a blocking check, no index
);

-- One row per real-world event on the timeline (reports of it grouped across articles).
create table if not exists core.timeline (
    timeline_id     varchar primary key,
    event_type      varchar not null,
    status          varchar not null,
    event_date      date not null,
    date_precision  varchar not null,
    participants    varchar[] not null,
    article_ids     varchar[] not null,
    event_ids       varchar[] not null
);

-- One row per timeline block (event type, status and year: reports of different blocks are never one
-- event): a fingerprint of the reports it was last clustered from, and the timeline rows it gave.
-- A run re-clusters only the blocks whose fingerprint changed.
create table if not exists core.timeline_blocks (
    block_key       varchar primary key,
    fingerprint     varchar not null,
    timeline_ids    varchar[] not null
);
