-- Qorgau foundation schema: directory, reports, event publication registry (cases: V3).
-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode. Flyway is the only source of schema.
-- Columns named *_sealed hold AEAD ciphertext (Tink); the associated data binds each value to its
-- table, column and row, so a value copied to another row or column does not decrypt.
-- Nothing a person submitted is ever deleted: there are no ON DELETE CASCADE clauses on purpose.

create table organisation (
    code          varchar(64)  primary key,
    kind          varchar(32)  not null,
    name_kk       varchar(200) not null,
    name_ru       varchar(200) not null,
    name_en       varchar(200) not null,
    region        varchar(64)  not null,
    city          varchar(100),
    school_number integer,
    parent_code   varchar(64) references organisation (code),
    email         varchar(254),
    created_at    timestamp(6) with time zone not null
);

create index organisation_by_kind_region on organisation (kind, region);

create table staff_user (
    id                uuid         primary key,
    login             varchar(64)  not null unique,
    display_name      varchar(200) not null,
    organisation_code varchar(64)  not null references organisation (code),
    role              varchar(32)  not null,
    password_hash     varchar(255) not null,
    email             varchar(254),
    enabled           boolean      not null,
    created_at        timestamp(6) with time zone not null
);

create table api_token (
    id          uuid        primary key,
    user_id     uuid        not null references staff_user (id),
    token_hash  varchar(64) not null unique,
    label       varchar(100) not null,
    scopes      varchar(500) not null,
    created_at  timestamp(6) with time zone not null,
    expires_at  timestamp(6) with time zone not null,
    revoked_at  timestamp(6) with time zone
);

create table report (
    id                    uuid        primary key,
    reference             varchar(24) not null unique,
    receipt_hash          varchar(64) not null unique,
    form_token            varchar(64) unique,
    channel               varchar(16) not null,
    language              varchar(5)  not null,
    submitted_at          timestamp(6) with time zone not null,
    child_name_sealed     bytea,
    child_age             integer,
    school_sealed         bytea,
    school_code           varchar(64) references organisation (code),
    city_sealed           bytea,
    narrative_sealed      bytea       not null,
    since_when_sealed     bytea,
    reporter_relation     varchar(32) not null,
    anonymous             boolean     not null,
    reporter_name_sealed  bytea,
    reporter_contact_sealed bytea,
    institution_refused   boolean     not null,
    refused_by_sealed     bytea,
    threatened            boolean     not null,
    threatened_by_sealed  bytea,
    case_id               uuid
);

create index report_by_case on report (case_id);

create table report_category (
    report_id uuid        not null references report (id),
    category  varchar(32) not null,
    primary key (report_id, category)
);

-- Spring Modulith's event publication registry (its schema v2), so that a failed listener is
-- recorded and retried rather than lost.
create table event_publication (
    id                     uuid          not null primary key,
    listener_id            varchar(512)  not null,
    event_type             varchar(512)  not null,
    serialized_event       varchar(20000) not null,
    publication_date       timestamp(6) with time zone not null,
    completion_date        timestamp(6) with time zone,
    status                 varchar(20),
    completion_attempts    integer,
    last_resubmission_date timestamp(6) with time zone
);

create index event_publication_by_completion_date on event_publication (completion_date);
