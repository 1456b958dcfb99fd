-- The audit trail (21 CFR Part 11 §11.10(e)): who did what to which record, when, and why. Rows are
-- only ever added; each carries the hash of its content and of the row before it, so that a changed
-- or removed row breaks the chain and shows.
create table audit_event (
    sequence      bigint       primary key,
    recorded_at   timestamptz  not null,
    actor         varchar(100) not null,
    action        varchar(100) not null,
    subject       varchar(300) not null,
    detail        text         not null,
    previous_hash varchar(64)  not null,
    hash          varchar(64)  not null
);
create index audit_event_subject on audit_event (subject);

-- Nobody changes or removes audit rows, not even the hub.
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only';
end $$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
