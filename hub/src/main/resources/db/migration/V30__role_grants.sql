-- Roles given for a time: while a grant runs its role is among the person's authorities; when it ends the role is
-- taken away and the lapse audited, once, by whichever instance sees it first.
create table role_grant (
    id         bigserial    primary key,
    username   varchar(100) not null references users (username),
    role       varchar(40)  not null,
    expires_at timestamptz  not null,
    granted_by varchar(100) not null,
    reason     text         not null,
    granted_at timestamptz  not null,
    lapsed_at  timestamptz
);
create index role_grant_running on role_grant (expires_at) where lapsed_at is null;
