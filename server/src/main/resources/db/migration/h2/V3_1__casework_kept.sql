-- Cases, referrals, their timeline and messages are never deleted.
create trigger case_never_deleted before delete on safeguarding_case
    for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger';
create trigger referral_never_deleted before delete on referral
    for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger';
create trigger case_timeline_append_only before update, delete on case_timeline
    for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger';
create trigger case_message_append_only before update, delete on case_message
    for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger';
create trigger case_conflict_append_only before update, delete on case_conflict
    for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger';
