-- Notifications (docs/notifications.md): a transactional outbox of notices to organisations, and the
-- webhook endpoints of their integrations. Rows are never deleted (the vendor migration V10_1 makes
-- the database refuse DELETE); a delivery that could not be made stays, marked FAILED, with the reason.
-- No personal data: a notice holds a case id, a case reference and a short non-personal detail.

-- Webhook endpoints. The secret is AEAD-sealed (FieldCipher), bound to this table, column and row.
create table notify_webhook (
    id                uuid          primary key,
    organisation_code varchar(64)   not null references organisation (code),
    url               varchar(2000) not null,
    secret_sealed     bytea         not null,
    active            boolean       not null,
    created_at        timestamp(6) with time zone not null,
    deactivated_at    timestamp(6) with time zone
);

create index notify_webhook_by_organisation on notify_webhook (organisation_code, active);

-- One row per notice, written in the transaction of the change it announces.
create table notify_notice (
    id                uuid         primary key,
    organisation_code varchar(64)  not null references organisation (code),
    kind              varchar(40)  not null,
    case_id           uuid         not null,
    case_reference    varchar(64)  not null,
    detail            varchar(200),
    created_at        timestamp(6) with time zone not null
);

create index notify_notice_by_case on notify_notice (case_id, created_at);

-- The outbox: one row per (notice, channel, recipient). channel is EMAIL (recipient: the address),
-- WEBHOOK (recipient: the endpoint's id) or NONE (the organisation had no recipient at all: the row
-- is FAILED at once and says so). next_attempt_at is set exactly while the row is PENDING and due at
-- some time; it is null once SENT or FAILED, and while an e-mail is held because SMTP is not
-- configured. The dispatcher reads only rows due now through its index, so its cost grows with the
-- deliveries due, not with the history kept.
create table notify_delivery (
    id              uuid         primary key,
    notice_id       uuid         not null references notify_notice (id),
    channel         varchar(16)  not null,
    recipient       varchar(254) not null,
    webhook_id      uuid         references notify_webhook (id),
    state           varchar(16)  not null,
    attempts        integer      not null,
    next_attempt_at timestamp(6) with time zone,
    last_error      varchar(500),
    created_at      timestamp(6) with time zone not null,
    sent_at         timestamp(6) with time zone,
    constraint notify_delivery_once unique (notice_id, channel, recipient),
    constraint notify_delivery_state check (state in ('PENDING', 'SENT', 'FAILED')),
    constraint notify_delivery_channel check (channel in ('EMAIL', 'WEBHOOK', 'NONE'))
);

create index notify_delivery_due on notify_delivery (next_attempt_at);
create index notify_delivery_by_state on notify_delivery (state, created_at);
