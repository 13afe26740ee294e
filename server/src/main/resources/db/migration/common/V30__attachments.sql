-- Attachments (docs/data-protection.md): images, PDFs and audio filed with a report or a message.
-- Nothing here is ever updated or deleted (the vendor migration V30_1 makes the database refuse it):
-- an attachment is evidence. Everything a person chose — the file's name and content — is AEAD-sealed
-- (FieldCipher), bound to its table, column and row; only what queries need is in clear: the type
-- found in the content, the size, the position, the owner and the time.

-- One row per attachment. It belongs to a report (report_id) or to a message of a case (message_id,
-- case_id). position numbers the attachments of one owner from 1, so that two uploads racing past
-- the per-report limit collide on the unique constraint instead of both being kept.
create table attachment (
    id                   uuid        primary key,
    report_id            uuid        references report (id),
    case_id              uuid        references safeguarding_case (id),
    message_id           uuid        references case_message (id),
    position             integer     not null,
    kind                 varchar(16) not null,
    size_bytes           bigint      not null,
    viewing_kind         varchar(16),
    uploaded_at          timestamp(6) with time zone not null,
    uploaded_by          varchar(16) not null,
    file_name_sealed     bytea,
    sha256_sealed        bytea       not null,
    constraint attachment_one_owner check (
        (report_id is not null and message_id is null and case_id is null)
        or (report_id is null and message_id is not null and case_id is not null)),
    constraint attachment_position_positive check (position > 0),
    constraint attachment_uploaded_by check (uploaded_by in ('REPORTER', 'STAFF')),
    constraint attachment_report_position unique (report_id, position),
    constraint attachment_message_position unique (message_id, position)
);

create index attachment_by_case on attachment (case_id);

-- The content: the original as received (evidence) and, where one could be made, the viewing copy
-- with its metadata removed. Kept apart from the row above so that listing attachments reads no
-- content. variant is ORIGINAL or VIEWING; the sealed bytes are bound to (attachment_content,
-- variant, attachment id), so an original cannot be passed off as a viewing copy or moved to another
-- attachment.
create table attachment_content (
    attachment_id uuid        not null references attachment (id),
    variant       varchar(16) not null,
    sealed        bytea       not null,
    primary key (attachment_id, variant),
    constraint attachment_content_variant check (variant in ('ORIGINAL', 'VIEWING'))
);
