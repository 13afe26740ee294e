-- PostgreSQL: notices, their deliveries and webhook endpoints are never deleted (endpoints are
-- deactivated). qorgau_refuse_change() is defined in V2_1.
create trigger notify_notice_never_deleted before delete on notify_notice
    for each row execute function qorgau_refuse_change();
create trigger notify_notice_no_truncate before truncate on notify_notice
    for each statement execute function qorgau_refuse_change();
create trigger notify_delivery_never_deleted before delete on notify_delivery
    for each row execute function qorgau_refuse_change();
create trigger notify_delivery_no_truncate before truncate on notify_delivery
    for each statement execute function qorgau_refuse_change();
create trigger notify_webhook_never_deleted before delete on notify_webhook
    for each row execute function qorgau_refuse_change();
create trigger notify_webhook_no_truncate before truncate on notify_webhook
    for each statement execute function qorgau_refuse_change();
