-- The tamper-evident ledger (docs/ledger.md): an RFC 9162 Merkle log of canonical entries.
-- Rows are only ever inserted; the vendor migration V2_1 makes the database refuse UPDATE and DELETE.

-- One row: the size of the log. Appends lock it, so indices are dense and ordered across instances.
-- It also keeps the time of the last entry, so that entry times never go backwards with the index
-- (the auditor checks that), even if the system clock steps back.
create table ledger_head (
    id                integer primary key,
    size              bigint  not null,
    last_time_micros  bigint  not null,
    constraint ledger_head_single_row check (id = 1)
);

insert into ledger_head (id, size, last_time_micros) values (1, 0, 0);

create table ledger_entries (
    idx            bigint      primary key,
    entry          bytea       not null,
    leaf_hash      bytea       not null,
    root_after     bytea       not null,
    entry_type     varchar(64) not null,
    case_pseudonym bytea,
    recorded_at    timestamp(6) with time zone not null
);

create index ledger_entries_by_case on ledger_entries (case_pseudonym);

-- Hashes of the complete subtrees, so that proofs for any size take O(log n) reads.
create table ledger_nodes (
    level integer not null,
    idx   bigint  not null,
    hash  bytea   not null,
    primary key (level, idx)
);

-- Signed checkpoints (C2SP signed notes), one per tree size.
create table ledger_checkpoints (
    size       bigint        primary key,
    note       varchar(4000) not null,
    signed_at  timestamp(6) with time zone not null
);
