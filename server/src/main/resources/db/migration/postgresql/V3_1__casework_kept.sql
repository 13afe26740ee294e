-- Cases, referrals, their timeline and messages are never deleted.
create trigger case_never_deleted before delete on safeguarding_case
    for each row execute function qorgau_refuse_change();
create trigger case_no_truncate before truncate on safeguarding_case
    for each statement execute function qorgau_refuse_change();
create trigger referral_never_deleted before delete on referral
    for each row execute function qorgau_refuse_change();
create trigger referral_no_truncate before truncate on referral
    for each statement execute function qorgau_refuse_change();
create trigger case_timeline_append_only before update or delete on case_timeline
    for each row execute function qorgau_refuse_change();
create trigger case_message_append_only before update or delete on case_message
    for each row execute function qorgau_refuse_change();
create trigger case_conflict_append_only before update or delete on case_conflict
    for each row execute function qorgau_refuse_change();
create trigger case_timeline_no_truncate before truncate on case_timeline
    for each statement execute function qorgau_refuse_change();
create trigger case_message_no_truncate before truncate on case_message
    for each statement execute function qorgau_refuse_change();
