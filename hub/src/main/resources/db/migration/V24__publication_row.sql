-- A message's publication is a row of its own, written once. Recorded on the message row, it rewrote
-- the whole row (lineage included) and, since the status is indexed, added an entry to every index of
-- the table: one of the costliest writes per message. The message keeps the status it had
-- when admitted; message_view tells published, delivered and failed apart as before.
create table publication (
    message_id          varchar(64)    primary key,
    canonical_topic     varchar(249)   not null,
    canonical_partition integer        not null,
    canonical_offset    bigint         not null,
    -- who was owed the message when it was published (null for messages published before V21)
    subscribers         varchar(100)[],
    published_at        timestamptz    not null
);

insert into publication (message_id, canonical_topic, canonical_partition, canonical_offset, subscribers, published_at)
select message_id, canonical_topic, canonical_partition, canonical_offset, subscribers, coalesce(published_at, updated_at)
from message
where canonical_offset is not null;

-- before V21, deliveries wrote their outcome (DELIVERED, FAILED) on the message row too
update message set status = 'ADMITTED' where message_id in (select message_id from publication);

drop view message_view;
alter table message drop column canonical_topic, drop column canonical_partition, drop column canonical_offset,
                    drop column subscribers, drop column published_at;

create view message_view as
select m.*, p.canonical_topic, p.canonical_partition, p.canonical_offset, p.subscribers, p.published_at,
       case when p.message_id is null then m.status
            when exists (select 1 from delivery d where d.message_id = m.message_id and d.status in ('FAILED', 'STOPPED'))
                then 'FAILED'
            when exists (select 1 from delivery d where d.message_id = m.message_id
                         and d.status in ('PENDING', 'RETRYING', 'HELD'))
                then 'PUBLISHED'
            when exists (select 1 from unnest(p.subscribers) as owed(subscriber) where not exists (
                             select 1 from delivery d where d.message_id = m.message_id and d.subscriber = owed.subscriber))
                then 'PUBLISHED'
            else 'DELIVERED' end as current_status,
       coalesce(m.last_error, (select d.subscriber || ': ' || d.last_error from delivery d
                               where d.message_id = m.message_id and d.last_error is not null
                                 and d.status in ('FAILED', 'STOPPED', 'RETRYING')
                               order by d.last_at desc limit 1)) as current_error
from message m left join publication p on p.message_id = m.message_id;
