package kz.qorgau.server.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffAccounts;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.SimulationClock;
import kz.qorgau.server.support.Fixtures;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Organisations with mailboxes, staff with addresses, notices and outbox reads for the notify tests. */
final class NotifyTestSupport {

    private final Directory directory;
    private final StaffAccounts accounts;
    private final Notifications notifications;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    NotifyTestSupport(
            Directory directory,
            StaffAccounts accounts,
            Notifications notifications,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.directory = directory;
        this.accounts = accounts;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** An organisation with its own mailbox (or none), in a domain of its own. */
    Organisation organisation(@Nullable String mailbox) {
        String suffix = suffix();
        return directory.add(new Organisation(
                "org-" + suffix,
                OrganisationKind.DISTRICT_EDUCATION,
                suffix + " аудандық білім бөлімі",
                "Отдел образования " + suffix,
                "Education department " + suffix,
                "test",
                null,
                null,
                null,
                mailbox));
    }

    StaffMember staff(Organisation organisation, Role role, @Nullable String email) {
        String login = "u" + suffix();
        return accounts.add(new StaffAccounts.NewStaff(
                login, "Staff member " + login, organisation.code(), role, Fixtures.PASSWORD, email));
    }

    /** Enqueues a notice in a transaction of its own that commits. */
    UUID enqueue(Organisation to, NoticeKind kind, @Nullable String detail) {
        UUID caseId = UUID.randomUUID();
        tx.executeWithoutResult(
                status -> notifications.enqueue(new Notice(to.code(), kind, caseId, reference(), detail)));
        return caseId;
    }

    static String reference() {
        return "Q-2027-" + (100000 + Math.floorMod(UUID.randomUUID().hashCode(), 900000));
    }

    TransactionTemplate tx() {
        return tx;
    }

    /** One outbox row, as the tests read it. */
    record Row(
            UUID id,
            String channel,
            String recipient,
            String state,
            int attempts,
            java.time.@Nullable Instant nextAttemptAt,
            @Nullable String lastError) {}

    java.util.List<Row> rows(UUID caseId) {
        return jdbc.sql("""
                        select d.* from notify_delivery d join notify_notice n on n.id = d.notice_id
                        where n.case_id = ? order by d.channel, d.recipient""")
                .param(caseId)
                .query((rs, row) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("channel"),
                        rs.getString("recipient"),
                        rs.getString("state"),
                        rs.getInt("attempts"),
                        kz.qorgau.server.platform.SqlTime.read(rs, "next_attempt_at"),
                        rs.getString("last_error")))
                .list();
    }

    Row row(UUID caseId) {
        java.util.List<Row> rows = rows(caseId);
        if (rows.size() != 1) {
            throw new AssertionError("expected one delivery for the case, found " + rows);
        }
        return rows.getFirst();
    }

    /** Moves the simulation clock forward (enabled in every integration test). */
    void advance(Duration by) {
        if (!(clock instanceof SimulationClock simulation)) {
            throw new IllegalStateException("the integration tests run with the simulation clock enabled");
        }
        simulation.advance(by);
    }
}
