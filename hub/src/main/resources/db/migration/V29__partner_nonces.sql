-- The nonces of partners' signed requests seen within the window a signature is valid: a request sent again with
-- the same nonce is a replay. Rows older than the window are deleted as new ones come.
create table partner_nonce (
    partner varchar(100) not null,
    nonce   varchar(128) not null,
    seen_at timestamptz  not null,
    primary key (partner, nonce)
);
create index partner_nonce_seen_at on partner_nonce (seen_at);
