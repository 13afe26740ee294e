package kz.qorgau.server.notify;

import java.util.List;
import java.util.UUID;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.platform.TransactionMemo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who receives an organisation's notices. E-mail: the organisation's own mailbox when it has one
 * (a shared safeguarding inbox is read during absences and staff changes); otherwise every enabled
 * member of its staff with an e-mail address, except administrators (they cannot read cases) and
 * integration accounts (machines use webhooks). Webhooks: every active endpoint of the organisation.
 * Recipients are resolved when the notice is enqueued, in the same transaction.
 */
@Component
class Recipients {

    static final int MAX_ADDRESS = 254;

    private final JdbcClient jdbc;

    Recipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The e-mail addresses of the organisation; read once per transaction. */
    List<String> emails(Organisation organisation) {
        return TransactionMemo.get(this, "emails:" + organisation.code(), code -> readEmails(organisation));
    }

    private List<String> readEmails(Organisation organisation) {
        String mailbox = organisation.email();
        if (mailbox != null && !mailbox.isBlank()) {
            return List.of(mailbox.trim());
        }
        // The directory module has no query for staff addresses yet; this read-only query is the
        // only place notify looks into staff_user.
        return jdbc.sql("""
                        select distinct trim(email) as address from staff_user
                        where organisation_code = ? and enabled and email is not null and trim(email) <> ''
                          and role not in ('ADMINISTRATOR', 'INTEGRATION')
                        order by address""").param(organisation.code()).query(String.class).list().stream()
                .filter(address -> address.length() <= MAX_ADDRESS)
                .toList();
    }

    /** The organisation's active webhook endpoints; read once per transaction. */
    List<UUID> webhooks(String organisationCode) {
        return TransactionMemo.get(this, "webhooks:" + organisationCode, code -> readWebhooks(organisationCode));
    }

    private List<UUID> readWebhooks(String organisationCode) {
        return jdbc.sql("""
                        select id from notify_webhook where organisation_code = ? and active order by created_at, id""").param(organisationCode).query(UUID.class).list();
    }
}
