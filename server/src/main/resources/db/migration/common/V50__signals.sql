-- Signals (issues 6, 7, 8): identifiers recorded on cases, screened ads, payment alerts and school
-- early-warning signals. Personal values (phones, handles, accounts, students, quotes, evidence) are
-- sealed with the field cipher, bound to their row; where exact lookup is needed a keyed hash
-- (HMAC-SHA-256 under a key of the data directory) sits beside the sealed value. Transactions,
-- account files, ad pictures and unflagged students are never stored.

-- Identifiers a case worker recorded on a case (the child's phones, handles, nicknames, bank
-- accounts, school student ids). Never deleted.
create table case_identifier (
    id                       uuid         primary key,
    case_id                  uuid         not null references safeguarding_case (id),
    kind                     varchar(20)  not null,
    digest                   varchar(64)  not null,
    value_sealed             bytea        not null,
    recorded_at              timestamp(6) with time zone not null,
    recorded_by_organisation varchar(64)  not null,
    recorded_by_role         varchar(32)  not null,
    constraint case_identifier_once unique (case_id, kind, digest)
);

create index case_identifier_by_digest on case_identifier (kind, digest);

-- One row per ingestion (an ad batch, a transaction file, a school upload): who sent it, what came of it.
-- Written last in the ingestion's transaction, with the final counts (so the rows it produced name it
-- without a foreign key).
create table signal_batch (
    id                uuid         primary key,
    kind              varchar(16)  not null,
    received_at       timestamp(6) with time zone not null,
    organisation_code varchar(64)  not null,
    actor_role        varchar(32)  not null,
    rows_read         bigint       not null,
    rows_rejected     bigint       not null,
    results           integer      not null,
    matches           integer      not null
);

-- Screened ads: the explained minor-risk score, the cluster (probable operator) and what linking across
-- batches needs (contacts as keyed hashes and sealed values, the sealed text fingerprint). Never the ad's
-- text or pictures (not even their perceptual hashes).
create table ad_signal (
    id                 uuid          primary key,
    ad_key             varchar(64)   not null unique,
    batch_id           uuid          not null,
    source             varchar(2048),
    ad_id              varchar(256)  not null,
    url_sealed         bytea,
    posted_at          timestamp(6) with time zone,
    city               varchar(2048),
    risk_score         double precision not null,
    risk_flag          boolean       not null,
    indicators_version varchar(64)   not null,
    risk_sealed        bytea         not null,
    cluster_id         varchar(32)   not null,
    fingerprint_sealed bytea         not null,
    received_at        timestamp(6) with time zone not null
);

create index ad_signal_by_cluster on ad_signal (cluster_id);

create table ad_contact (
    ad_signal_id uuid        not null references ad_signal (id),
    kind         varchar(16) not null,
    digest       varchar(64) not null,
    value_sealed bytea       not null,
    primary key (ad_signal_id, kind, digest)
);

create index ad_contact_by_digest on ad_contact (kind, digest);

-- Payment alerts with their rules and evidence (sealed: the evidence names counterparties).
create table payment_alert (
    id             uuid         primary key,
    batch_id       uuid         not null,
    alert_key      varchar(64)  not null unique,
    account_digest varchar(64)  not null,
    typology       varchar(32)  not null,
    score          double precision not null,
    rules          varchar(1000) not null,
    window_start   timestamp(6) with time zone not null,
    window_end     timestamp(6) with time zone not null,
    rules_version  varchar(64)  not null,
    alert_sealed   bytea        not null,
    received_at    timestamp(6) with time zone not null
);

create index payment_alert_by_account on payment_alert (account_digest);

-- School early-warning signals: only flagged students are stored. The school's safeguarding lead opens
-- a case or records why not by decide_by; otherwise the signal escalates to the school's supervising
-- organisation, exactly once (the state changes from OPEN by one conditional update).
create table school_signal (
    id                      uuid         primary key,
    batch_id                uuid         not null,
    school_code             varchar(64)  not null references organisation (code),
    student_digest          varchar(64)  not null,
    student_sealed          bytea        not null,
    score                   double precision not null,
    kinds                   varchar(500) not null,
    config_version          varchar(64)  not null,
    as_of                   date         not null,
    evidence_sealed         bytea        not null,
    raised_at               timestamp(6) with time zone not null,
    updated_at              timestamp(6) with time zone not null,
    decide_by               timestamp(6) with time zone not null,
    state                   varchar(16)  not null,
    decided_at              timestamp(6) with time zone,
    decided_by_organisation varchar(64),
    decided_by_role         varchar(32),
    reason_sealed           bytea,
    report_id               uuid,
    report_reference        varchar(24),
    escalated_to            varchar(64)
);

create index school_signal_by_school on school_signal (school_code, state);
create index school_signal_by_student on school_signal (student_digest);
create index school_signal_due on school_signal (state, decide_by);

-- A signal recorded on a case's timeline once: per case, source and subject (an ad, an alert, a
-- school upload of a student).
create table signal_match (
    case_id    uuid         not null references safeguarding_case (id),
    source     varchar(16)  not null,
    subject    varchar(200) not null,
    matched_at timestamp(6) with time zone not null,
    primary key (case_id, source, subject)
);

create index signal_match_by_subject on signal_match (source, subject);

-- Ingestions of one kind run one at a time (clusters of ads are merged consistently).
create table signal_lock (
    name varchar(16) primary key
);

insert into signal_lock (name) values ('ads');
insert into signal_lock (name) values ('payments');
insert into signal_lock (name) values ('school');
