-- H2: the same refusals as the PostgreSQL migration, by a Java trigger. (H2 fires no trigger on
-- TRUNCATE; docs/ledger.md says what that means for the embedded database.)
create trigger ledger_entries_append_only before update, delete on ledger_entries
    for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger';
create trigger ledger_nodes_append_only before update, delete on ledger_nodes
    for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger';
create trigger ledger_checkpoints_append_only before update, delete on ledger_checkpoints
    for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger';
create trigger report_never_deleted before delete on report
    for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger';
