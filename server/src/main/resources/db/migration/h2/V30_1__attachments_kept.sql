-- H2: attachments are evidence; their rows and content are never changed or deleted.
create trigger attachment_append_only before update, delete on attachment
    for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger';
create trigger attachment_content_append_only before update, delete on attachment_content
    for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger';
