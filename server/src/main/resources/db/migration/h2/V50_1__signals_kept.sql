-- H2: identifiers recorded on cases, ingestions, matches and alerts are never changed or deleted;
-- screened ads (whose cluster changes when clusters merge) and school signals (whose state changes)
-- are never deleted.
create trigger case_identifier_append_only before update, delete on case_identifier
    for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger';
create trigger signal_batch_append_only before update, delete on signal_batch
    for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger';
create trigger signal_match_append_only before update, delete on signal_match
    for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger';
create trigger payment_alert_append_only before update, delete on payment_alert
    for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger';
create trigger ad_contact_append_only before update, delete on ad_contact
    for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger';
create trigger ad_signal_never_deleted before delete on ad_signal
    for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger';
create trigger school_signal_never_deleted before delete on school_signal
    for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger';
