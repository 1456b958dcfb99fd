-- How far each subscriber's delivery stage has worked through each canonical partition. Deliveries go in
-- topic order, so one number per subscriber and partition says what was delivered: every message owed to
-- the subscriber at or below it was delivered, unless a delivery row says otherwise. A delivery that goes
-- through at its first attempt writes no row; failures, holds, retries, operator decisions and replays
-- still do, and a row always wins over the progress.
create table delivery_progress (
    subscriber          varchar(100) not null,
    canonical_topic     varchar(249) not null,
    canonical_partition integer      not null,
    delivered_through   bigint       not null,
    updated_at          timestamptz  not null,
    primary key (subscriber, canonical_topic, canonical_partition)
);

-- Whether the subscriber's deliveries have got past a message on the canonical topic: the one place that
-- says it, for the message view, a message's stages, replays, operator controls and the delivery stage.
create function delivery_passed(subscriber varchar, topic varchar, kafka_partition integer, kafka_offset bigint)
returns boolean language sql stable as $$
    select exists (select 1 from delivery_progress k
                   where k.subscriber = $1 and k.canonical_topic = $2 and k.canonical_partition = $3
                     and k.delivered_through >= $4)
$$;

drop view message_view;
create view message_view as
select m.*, p.canonical_topic, p.canonical_partition, p.canonical_offset, p.subscribers, p.published_at,
       case when p.message_id is null then m.status
            when exists (select 1 from delivery d where d.message_id = m.message_id and d.status in ('FAILED', 'STOPPED'))
                then 'FAILED'
            when exists (select 1 from delivery d where d.message_id = m.message_id
                         and d.status in ('PENDING', 'RETRYING', 'HELD'))
                then 'PUBLISHED'
            when exists (select 1 from unnest(p.subscribers) as owed(subscriber)
                         where not exists (select 1 from delivery d
                                           where d.message_id = m.message_id and d.subscriber = owed.subscriber)
                           and not delivery_passed(owed.subscriber, p.canonical_topic, p.canonical_partition,
                                                   p.canonical_offset))
                then 'PUBLISHED'
            else 'DELIVERED' end as current_status,
       coalesce(m.last_error, (select d.subscriber || ': ' || d.last_error from delivery d
                               where d.message_id = m.message_id and d.last_error is not null
                                 and d.status in ('FAILED', 'STOPPED', 'RETRYING')
                               order by d.last_at desc limit 1)) as current_error
from message m left join publication p on p.message_id = m.message_id;
