-- PostgreSQL: identifiers recorded on cases, ingestions, matches and alerts are never changed or
-- deleted; screened ads (whose cluster changes when clusters merge) and school signals (whose state
-- changes) are never deleted. qorgau_refuse_change() is defined in V2_1.
create trigger case_identifier_append_only before update or delete on case_identifier
    for each row execute function qorgau_refuse_change();
create trigger case_identifier_no_truncate before truncate on case_identifier
    for each statement execute function qorgau_refuse_change();
create trigger signal_batch_append_only before update or delete on signal_batch
    for each row execute function qorgau_refuse_change();
create trigger signal_batch_no_truncate before truncate on signal_batch
    for each statement execute function qorgau_refuse_change();
create trigger signal_match_append_only before update or delete on signal_match
    for each row execute function qorgau_refuse_change();
create trigger signal_match_no_truncate before truncate on signal_match
    for each statement execute function qorgau_refuse_change();
create trigger payment_alert_append_only before update or delete on payment_alert
    for each row execute function qorgau_refuse_change();
create trigger payment_alert_no_truncate before truncate on payment_alert
    for each statement execute function qorgau_refuse_change();
create trigger ad_contact_append_only before update or delete on ad_contact
    for each row execute function qorgau_refuse_change();
create trigger ad_contact_no_truncate before truncate on ad_contact
    for each statement execute function qorgau_refuse_change();
create trigger ad_signal_never_deleted before delete on ad_signal
    for each row execute function qorgau_refuse_change();
create trigger ad_signal_no_truncate before truncate on ad_signal
    for each statement execute function qorgau_refuse_change();
create trigger school_signal_never_deleted before delete on school_signal
    for each row execute function qorgau_refuse_change();
create trigger school_signal_no_truncate before truncate on school_signal
    for each statement execute function qorgau_refuse_change();

-- Sealed values do not compress: store them out of line without trying.
alter table ad_signal alter column risk_sealed set storage external;
alter table payment_alert alter column alert_sealed set storage external;
alter table school_signal alter column evidence_sealed set storage external;
