-- Where each message is for each subscriber, and the retry queue: a message that failed, or that
-- waits behind an earlier message of its business key, keeps its envelope here until it is settled.
create table delivery (
    subscriber          varchar(100) not null,
    message_id          varchar(64)  not null references message (message_id),
    business_key        varchar(300) not null,
    canonical_topic     varchar(249),
    canonical_partition integer,
    canonical_offset    bigint,
    status              varchar(20)  not null,
    attempts            integer      not null default 0,
    http_status         integer,
    last_error          text,
    next_attempt_at     timestamptz,
    envelope            bytea,
    first_at            timestamptz  not null,
    last_at             timestamptz  not null,
    primary key (subscriber, message_id)
);
create index delivery_due on delivery (next_attempt_at) where status = 'RETRYING';
create index delivery_blocking on delivery (subscriber, business_key)
    where status in ('RETRYING', 'HELD', 'FAILED', 'STOPPED');
create index delivery_message on delivery (message_id);
