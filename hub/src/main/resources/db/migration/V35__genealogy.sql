-- The genealogy: every link a canonical record makes, in the direction goods go, with the record and the message
-- that made it. A record's links are replaced by each of its versions; an event's are removed by its reversal.
create table genealogy_edge (
    from_entity     varchar(100) not null,
    from_key        varchar(300) not null,
    to_entity       varchar(100) not null,
    to_key          varchar(300) not null,
    relation        varchar(30)  not null,
    quantity        numeric,
    unit            varchar(30),
    made_by_entity  varchar(100) not null,
    made_by_key     varchar(300) not null,
    message_id      varchar(64)  not null,
    partner         varchar(100) not null,
    mapping_id      varchar(100),
    mapping_version int,
    recorded_at     timestamptz  not null,
    primary key (made_by_entity, made_by_key, from_entity, from_key, to_entity, to_key, relation)
);
-- a trace walks forward by the from side and backward by the to side, one index lookup per node
create index genealogy_edge_from on genealogy_edge (from_key, from_entity);
create index genealogy_edge_to on genealogy_edge (to_key, to_entity);
