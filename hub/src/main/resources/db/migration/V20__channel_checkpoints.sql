-- How far each polled channel has read its partner's API: the checkpoint it sends with the next poll.
-- Kept when a channel is removed, so that putting it back resumes where it stopped.
create table channel_checkpoint (
    partner    varchar(100) not null,
    channel    varchar(100) not null,
    checkpoint text         not null,
    updated_at timestamptz  not null,
    primary key (partner, channel)
);
