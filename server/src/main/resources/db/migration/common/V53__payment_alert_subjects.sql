-- What each stored payment alert involves (the alerted account, linked accounts, holder phones), as
-- keyed hashes like the case identifiers: an identifier recorded on a case later finds every stored
-- alert that involves it by index, not only the newest ones (EarlierSignals). Alerts stored before this
-- table existed have no rows here and are searched the old way (the newest 500, opened).
create table payment_alert_subject (
    alert_id uuid        not null references payment_alert (id),
    kind     varchar(16) not null,
    digest   varchar(64) not null,
    primary key (alert_id, kind, digest)
);

create index payment_alert_subject_by_digest on payment_alert_subject (kind, digest);
