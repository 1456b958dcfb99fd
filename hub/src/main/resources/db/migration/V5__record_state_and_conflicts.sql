-- The hub's current version of every canonical record, and which source last wrote each field.
create table record_state (
    entity        varchar(100) not null,
    business_key  varchar(300) not null,
    version       bigint       not null,
    record        jsonb        not null,
    writers       jsonb        not null,
    message_id    varchar(64)  not null,
    updated_at    timestamptz  not null,
    primary key (entity, business_key)
);
-- lookups by any field ("the Product whose materialNumber is X") are containment queries
create index record_state_record on record_state using gin (record jsonb_path_ops);

-- Every version, so that an update based on an older one can be merged three ways.
create table record_version (
    entity       varchar(100) not null,
    business_key varchar(300) not null,
    version      bigint       not null,
    record       jsonb        not null,
    message_id   varchar(64)  not null,
    source       varchar(100) not null,
    recorded_at  timestamptz  not null,
    primary key (entity, business_key, version)
);

-- The resolution queue: updates that changed a field which someone else changed since their base.
create table conflict (
    id              bigserial    primary key,
    entity          varchar(100) not null,
    business_key    varchar(300) not null,
    message_id      varchar(64)  not null unique,
    source          varchar(100) not null,
    base_version    bigint,
    current_version bigint       not null,
    fields          jsonb        not null,
    envelope        bytea        not null,
    status          varchar(20)  not null,
    resolution      jsonb,
    resolved_by     varchar(100),
    resolved_at     timestamptz,
    reason          text,
    created_at      timestamptz  not null
);
create index conflict_open on conflict (status, created_at);
