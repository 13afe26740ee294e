-- H2: notices, their deliveries and webhook endpoints are never deleted (endpoints are deactivated).
create trigger notify_notice_never_deleted before delete on notify_notice
    for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger';
create trigger notify_delivery_never_deleted before delete on notify_delivery
    for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger';
create trigger notify_webhook_never_deleted before delete on notify_webhook
    for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger';
