-- One row per message: where it is now. A message is identified by its stable message id.
create table message (
    message_id          varchar(64)  primary key,
    partner             varchar(100) not null,
    message_type        varchar(100),
    entity              varchar(100),
    business_key        varchar(300),
    status              varchar(20)  not null,
    source_version      varchar(100),
    correlation_id      varchar(64),
    mapping_id          varchar(100),
    mapping_version     integer,
    raw_topic           varchar(249),
    raw_partition       integer,
    raw_offset          bigint,
    canonical_topic     varchar(249),
    canonical_partition integer,
    canonical_offset    bigint,
    duplicates          integer      not null default 0,
    last_error          text,
    occurred_at         timestamptz,
    received_at         timestamptz  not null,
    updated_at          timestamptz  not null
);
create index message_business_key on message (business_key);
create index message_status on message (status, received_at desc);
create index message_partner on message (partner, received_at desc);

-- One row per message per stage (and per subscriber for deliveries): the ledger proper.
create table message_stage (
    message_id      varchar(64)  not null references message (message_id),
    stage           varchar(20)  not null,
    subscriber      varchar(100) not null default '',
    status          varchar(20)  not null,
    attempts        integer      not null default 1,
    last_error      text,
    topic           varchar(249),
    kafka_partition integer,
    kafka_offset    bigint,
    http_status     integer,
    first_at        timestamptz  not null,
    last_at         timestamptz  not null,
    primary key (message_id, stage, subscriber)
);

-- Operators, in the schema Spring Security's JdbcUserDetailsManager reads.
create table users (
    username varchar(100) primary key,
    password varchar(500) not null,
    enabled  boolean      not null
);
create table authorities (
    username  varchar(100) not null references users (username),
    authority varchar(100) not null,
    primary key (username, authority)
);
