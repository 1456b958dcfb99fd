-- Change data capture from legacy databases. How far each source's feed has read (Debezium's offsets, opaque to
-- the hub): a restart resumes there.
create table cdc_offset (
    source       varchar(100) not null,
    offset_key   bytea        not null,
    offset_value bytea        not null,
    saved_at     timestamptz  not null,
    primary key (source, offset_key)
);

-- The DDL a MySQL or MariaDB feed has seen, in order: the binary log carries rows without column names.
create table cdc_schema_history (
    source varchar(100) not null,
    seq    bigserial    not null,
    record text         not null,
    primary key (source, seq)
);

-- What the hub remembers of each captured table: the columns and types it last saw, and why its flow is stopped
-- (null while it flows).
create table cdc_table_state (
    source       varchar(100) not null,
    table_name   varchar(300) not null,
    column_types jsonb        not null,
    stopped      text,
    updated_at   timestamptz  not null,
    primary key (source, table_name)
);

-- Whether an operator paused a source: no hub instance reads it until it is resumed.
create table cdc_source (
    source     varchar(100) primary key,
    paused     boolean      not null,
    updated_at timestamptz  not null
);
