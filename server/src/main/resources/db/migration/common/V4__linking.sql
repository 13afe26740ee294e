-- Linking reports about the same child made to different bodies (ADR 0003). Cases are proposed as
-- one by a blind index of the child's features — keyed hashes, never the names themselves — and a
-- person confirms or rejects. A confirmed link joins the cases' histories; each keeps its own clock.

create table case_feature (
    case_id uuid        not null references safeguarding_case (id),
    kind    varchar(20) not null,
    digest  varchar(64) not null,
    primary key (case_id, kind, digest)
);

create index case_feature_by_digest on case_feature (kind, digest);

create table case_link (
    id                      uuid         primary key,
    case_a                  uuid         not null references safeguarding_case (id),
    case_b                  uuid         not null references safeguarding_case (id),
    state                   varchar(16)  not null,
    score                   integer      not null,
    reasons                 varchar(500) not null,
    proposed_at             timestamp(6) with time zone not null,
    decided_at              timestamp(6) with time zone,
    decided_by_organisation varchar(64),
    decided_by_role         varchar(32),
    constraint case_link_pair unique (case_a, case_b)
);

create index case_link_by_b on case_link (case_b);
