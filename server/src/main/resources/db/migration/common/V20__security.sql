-- Staff authentication (docs/security.md): the TOTP second factor and the per-account login throttle.

-- One TOTP secret per member of staff. The secret is AEAD-sealed (FieldCipher), bound to this table,
-- column and row. confirmed_at is null while enrolment waits for the first code; last_used_step is
-- the RFC 6238 time step of the last code accepted, so that a code is never accepted twice.
create table staff_second_factor (
    user_id        uuid   primary key references staff_user (id),
    secret_sealed  bytea  not null,
    created_at     timestamp(6) with time zone not null,
    confirmed_at   timestamp(6) with time zone,
    last_used_step bigint not null
);

-- Failed sign-in attempts per account, in the database so that every instance sees the same count.
-- account_key is an HMAC of what was typed as the login (or of "second-factor:" and the account id),
-- never the text itself: people type passwords into the login field. Logins that do not exist are
-- counted exactly like those that do, so the throttle does not tell which exist. Rows whose last
-- failure is older than the forgetting period are deleted: they are counters, not records.
create table login_throttle (
    account_key     varchar(64) primary key,
    failures        integer     not null,
    locked_until    timestamp(6) with time zone,
    last_failure_at timestamp(6) with time zone not null
);

create index login_throttle_by_last_failure on login_throttle (last_failure_at);
