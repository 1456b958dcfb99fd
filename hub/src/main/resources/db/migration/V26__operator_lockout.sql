-- Failed sign-ins per operator: after medhub.security.lockout.max-failures in a row, the account is locked
-- until locked_until (21 CFR 11.300(d): attempts at unauthorised use are detected and answered).
create table user_lockout (
    username        varchar(100) primary key references users (username),
    failed_attempts integer      not null,
    locked_until    timestamptz
);
