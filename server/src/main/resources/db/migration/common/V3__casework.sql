-- Casework (ADR 0002): each case and each referral is stored as a sealed JSON document of the core
-- domain record (the source of truth, AEAD-bound to its row) plus plain columns projected from it
-- for queries: who may see what, what is due when, what oversight counts. Every write is conditioned
-- on the version read, so two writers (two escalation schedulers) cannot both apply a transition.

create sequence case_number_seq start with 1;

create table safeguarding_case (
    id               uuid        primary key,
    reference        varchar(24) not null unique,
    version          bigint      not null,
    status           varchar(20) not null,
    risk             varchar(16) not null,
    highest_risk     varchar(16) not null,
    region           varchar(64),
    opened_at        timestamp(6) with time zone not null,
    first_contact_at timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null,
    document_sealed  bytea       not null
);

create index case_by_opened on safeguarding_case (opened_at);

create table referral (
    id                 uuid        primary key,
    case_id            uuid        not null references safeguarding_case (id),
    version            bigint      not null,
    organisation_code  varchar(64) not null references organisation (code),
    organisation_type  varchar(32) not null,
    basis              varchar(20) not null,
    from_referral_id   uuid,
    ladder_origin      varchar(32) not null,
    ladder_level       integer     not null,
    state              varchar(20) not null,
    risk               varchar(16) not null,
    referred_at        timestamp(6) with time zone not null,
    ack_due_at         timestamp(6) with time zone not null,
    ack_met_at         timestamp(6) with time zone,
    action_due_at      timestamp(6) with time zone not null,
    action_met_at      timestamp(6) with time zone,
    outcome_due_at     timestamp(6) with time zone not null,
    outcome_met_at     timestamp(6) with time zone,
    escalated_at       timestamp(6) with time zone,
    -- When the escalation clock next needs to look at this referral; null when it never will again.
    -- The sweep reads only rows due now, so its cost grows with the steps due, not with the cases.
    escalation_due_at  timestamp(6) with time zone,
    document_sealed    bytea       not null
);

create index referral_by_case on referral (case_id);
create index referral_by_organisation on referral (organisation_code, state);
create index referral_by_escalation_due on referral (escalation_due_at);

-- Organisations a case is hidden from (conflicts of interest); never removed.
create table case_conflict (
    case_id           uuid        not null references safeguarding_case (id),
    organisation_code varchar(64) not null,
    kind              varchar(32) not null,
    flagged_at        timestamp(6) with time zone not null,
    primary key (case_id, organisation_code, kind)
);

create index case_conflict_by_organisation on case_conflict (organisation_code);

-- One timeline per case: reports, referrals, acknowledgements, actions, escalations, messages, signals.
create table case_timeline (
    id                uuid        primary key,
    case_id           uuid        not null references safeguarding_case (id),
    at                timestamp(6) with time zone not null,
    seq               bigint      not null,
    kind              varchar(40) not null,
    referral_id       uuid,
    organisation_code varchar(64),
    actor_organisation varchar(64) not null,
    actor_role        varchar(32) not null,
    detail_sealed     bytea
);

create sequence case_timeline_seq start with 1;
create index case_timeline_by_case on case_timeline (case_id, at, seq);

-- Messages between the reporter (by receipt) and the case workers.
create table case_message (
    id                 uuid        primary key,
    case_id            uuid        not null references safeguarding_case (id),
    report_id          uuid        references report (id),
    at                 timestamp(6) with time zone not null,
    direction          varchar(20) not null,
    author_organisation varchar(64),
    flag               varchar(32),
    flagged_organisation varchar(64),
    body_sealed        bytea       not null
);

create index case_message_by_case on case_message (case_id, at);

alter table report add constraint report_case_fk foreign key (case_id) references safeguarding_case (id);
