-- Tokens for scripts: a person's own, acting with their roles, kept only as the SHA-256 of the token, shown once.
create table api_token (
    id           bigserial    primary key,
    username     varchar(100) not null references users (username),
    name         varchar(100) not null,
    digest       bytea        not null unique,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
