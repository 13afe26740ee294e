-- PostgreSQL: attachments are evidence; their rows and content are never changed or deleted.
-- qorgau_refuse_change() is defined in V2_1.
create trigger attachment_append_only before update or delete on attachment
    for each row execute function qorgau_refuse_change();
create trigger attachment_no_truncate before truncate on attachment
    for each statement execute function qorgau_refuse_change();
create trigger attachment_content_append_only before update or delete on attachment_content
    for each row execute function qorgau_refuse_change();
create trigger attachment_content_no_truncate before truncate on attachment_content
    for each statement execute function qorgau_refuse_change();

-- Sealed content does not compress: store it out of line without trying.
alter table attachment_content alter column sealed set storage external;
