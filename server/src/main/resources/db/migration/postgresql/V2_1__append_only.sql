-- PostgreSQL: the ledger is append-only, and reports, cases, referrals are never deleted, whatever
-- role the server connects as. (Production also runs the server as a role without UPDATE, DELETE
-- and TRUNCATE on the ledger tables; see docs/ledger.md. A table owner can still disable triggers:
-- that is what the signed checkpoints and their witnesses detect.)
create function qorgau_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'qorgau: % on % is refused: this table is append-only', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger ledger_entries_append_only before update or delete on ledger_entries
    for each row execute function qorgau_refuse_change();
create trigger ledger_entries_no_truncate before truncate on ledger_entries
    for each statement execute function qorgau_refuse_change();
create trigger ledger_nodes_append_only before update or delete on ledger_nodes
    for each row execute function qorgau_refuse_change();
create trigger ledger_nodes_no_truncate before truncate on ledger_nodes
    for each statement execute function qorgau_refuse_change();
create trigger ledger_checkpoints_append_only before update or delete on ledger_checkpoints
    for each row execute function qorgau_refuse_change();
create trigger ledger_checkpoints_no_truncate before truncate on ledger_checkpoints
    for each statement execute function qorgau_refuse_change();

create trigger report_never_deleted before delete on report
    for each row execute function qorgau_refuse_change();
create trigger report_no_truncate before truncate on report
    for each statement execute function qorgau_refuse_change();
