-- Replays: what an operator asked for, how far it got, and what became of each message.
create table replay (
    id            bigserial    primary key,
    source        varchar(20)  not null,
    subscriber    varchar(100),
    force         boolean      not null,
    rate          integer      not null,
    request       jsonb        not null,
    status        varchar(20)  not null,
    total         integer      not null,
    done          integer      not null default 0,
    requested_by  varchar(100) not null,
    created_at    timestamptz  not null,
    finished_at   timestamptz
);
create table replay_item (
    replay_id      bigint       not null references replay (id),
    message_id     varchar(64)  not null,
    outcome        varchar(30)  not null,
    detail         text,
    new_message_id varchar(64),
    primary key (replay_id, message_id)
);
-- a replayed message names the one it replays
alter table message add column causation_id varchar(64);
