-- The hot path writes each fact once. A message's row says where it was received, mapped and
-- published, so message_stage keeps only what the row cannot: failures, duplicates, flags. A
-- delivery row is written when a delivery happens, not owed first and updated later, and deliveries
-- never rewrite the message row: its status across subscribers is worked out when it is read.
alter table message add column published_at timestamptz;
-- who was owed the message when it was published
alter table message add column subscribers varchar(100)[];

create view message_view as
select m.*,
       case when m.status <> 'PUBLISHED' then m.status
            when exists (select 1 from delivery d where d.message_id = m.message_id and d.status in ('FAILED', 'STOPPED'))
                then 'FAILED'
            when exists (select 1 from delivery d where d.message_id = m.message_id
                         and d.status in ('PENDING', 'RETRYING', 'HELD'))
                then 'PUBLISHED'
            when exists (select 1 from unnest(m.subscribers) as owed(subscriber) where not exists (
                             select 1 from delivery d where d.message_id = m.message_id and d.subscriber = owed.subscriber))
                then 'PUBLISHED'
            else 'DELIVERED' end as current_status,
       coalesce(m.last_error, (select d.subscriber || ': ' || d.last_error from delivery d
                               where d.message_id = m.message_id and d.last_error is not null
                                 and d.status in ('FAILED', 'STOPPED', 'RETRYING')
                               order by d.last_at desc limit 1)) as current_error
from message m;
