-- When each link happened (the event time of the record that made it), and every aggregation taken apart: the
-- canonical topics are keyed by record, so a packing and its undoing can be read in either order. A link is kept only
-- when no undoing of it happened at or after it.
alter table genealogy_edge add column occurred_at timestamptz;

create table genealogy_unpacking (
    made_by_key    varchar(300) not null primary key,
    parent_entity  varchar(100) not null,
    parent_key     varchar(300) not null,
    -- null: the parent was emptied
    child_entity   varchar(100),
    child_key      varchar(300),
    occurred_at    timestamptz  not null
);
create index genealogy_unpacking_parent on genealogy_unpacking (parent_key, parent_entity);
