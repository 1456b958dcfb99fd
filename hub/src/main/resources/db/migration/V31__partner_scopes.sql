-- The partners a person's work is limited to: with rows here a person sees and steers the messages of these partners
-- alone; without, those of every partner.
create table user_scope (
    username varchar(100) not null references users (username),
    partner  varchar(100) not null,
    primary key (username, partner)
);
