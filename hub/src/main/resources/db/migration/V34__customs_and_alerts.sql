-- What the hub knows of each declaration beyond the record itself: the profile it was made under, the one it
-- corrects, and how its submission went (the declaration's versions live in record_version like any record's).
create table customs_submission (
    client_seq_no  varchar(18)  primary key,
    profile        varchar(63)  not null,
    shipment       varchar(300) not null,
    replaces       varchar(18)  references customs_submission (client_seq_no),
    created_by     varchar(200) not null,
    created_at     timestamptz  not null,
    submitted_at   timestamptz,
    attempts       int          not null default 0,
    document_sha256 varchar(64),
    last_error     text
);
-- a rejected declaration is corrected once: the correction is the one that goes on
create unique index customs_submission_replaces on customs_submission (replaces) where replaces is not null;
create index customs_submission_shipment on customs_submission (shipment);

-- Something people must look at: which rule, which record, what to do; open until someone acknowledges it.
create table alert (
    id               bigserial    primary key,
    rule             varchar(63)  not null,
    entity           varchar(100) not null,
    business_key     varchar(300) not null,
    detail           text         not null,
    fields           jsonb        not null default '[]',
    raised_at        timestamptz  not null,
    acknowledged_by  varchar(200),
    acknowledged_at  timestamptz,
    acknowledgement  text
);
-- one open alert per rule and record: raised again, it is the same alert
create unique index alert_open on alert (rule, entity, business_key) where acknowledged_at is null;
create index alert_raised on alert (raised_at desc);
