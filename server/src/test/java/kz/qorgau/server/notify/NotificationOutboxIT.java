package kz.qorgau.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffAccounts;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox on a real database (H2 and PostgreSQL): concurrent claims never take the same row, the
 * recipients are chosen as documented, nothing is silently dropped, and rows are never deleted. No
 * SMTP server is configured here, so e-mail delivery is disabled.
 */
@QorgauIntegrationTest
@TestPropertySource(properties = {"qorgau.notify.dispatch-enabled=false", "qorgau.notify.batch-size=7"})
class NotificationOutboxIT {

    @Autowired
    Notifications notifications;

    @Autowired
    Webhooks webhooks;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    Directory directory;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    NotifyTestSupport support;

    @BeforeEach
    void setUp() {
        support = new NotifyTestSupport(directory, accounts, notifications, jdbc, transactions, clock);
    }

    /** Enqueues {@code count} notices to an organisation with one webhook; returns their delivery ids. */
    private Set<UUID> dueWebhookDeliveries(int count) {
        Organisation organisation = support.organisation(null);
        webhooks.register(organisation.code(), "http://127.0.0.1:9/never-called", Actor.system());
        List<UUID> cases = new ArrayList<>();
        support.tx().executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                UUID caseId = UUID.randomUUID();
                cases.add(caseId);
                notifications.enqueue(new Notice(
                        organisation.code(),
                        NoticeKind.REFERRAL_RECEIVED,
                        caseId,
                        NotifyTestSupport.reference(),
                        null));
            }
        });
        Set<UUID> ids = new HashSet<>();
        cases.forEach(caseId -> ids.add(support.row(caseId).id()));
        return ids;
    }

    private static Set<UUID> ids(List<Outbox.Claim> claims) {
        Set<UUID> ids = new HashSet<>();
        claims.forEach(claim -> ids.add(claim.id()));
        return ids;
    }

    @Test
    void twoDispatchersClaimingAtOnceTakeEachDeliveryOnce() throws Exception {
        Set<UUID> mine = dueWebhookDeliveries(60);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<UUID>>> results = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                results.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    List<UUID> claimed = new ArrayList<>();
                    for (List<Outbox.Claim> batch = dispatcher.claim(5);
                            !batch.isEmpty();
                            batch = dispatcher.claim(5)) {
                        batch.forEach(claim -> claimed.add(claim.id()));
                    }
                    return claimed;
                }));
            }
            List<UUID> first = results.get(0).get(60, TimeUnit.SECONDS);
            List<UUID> second = results.get(1).get(60, TimeUnit.SECONDS);

            List<UUID> all = new ArrayList<>(first);
            all.addAll(second);
            assertThat(all).as("no delivery is claimed twice").doesNotHaveDuplicates();
            assertThat(all).as("every due delivery is claimed").containsAll(mine);
        } finally {
            threads.shutdownNow();
        }
        assertThat(ids(dispatcher.claim(100)))
                .as("claimed deliveries are reserved")
                .doesNotContainAnyElementsOf(mine);
    }

    @Test
    void aClaimInProgressIsSkippedNotWaitedForByAnotherDispatcher() throws Exception {
        Set<UUID> mine = dueWebhookDeliveries(10);
        CountDownLatch aClaimed = new CountDownLatch(1);
        CountDownLatch bDone = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            TransactionTemplate tx = new TransactionTemplate(transactions);
            // Dispatcher A claims inside a transaction that stays open (its row locks held) until B is done.
            Future<Set<UUID>> a = threads.submit(() -> tx.execute(status -> {
                Set<UUID> claimed = ids(dispatcher.claim(4));
                aClaimed.countDown();
                try {
                    bDone.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return claimed;
            }));
            assertThat(aClaimed.await(60, TimeUnit.SECONDS)).isTrue();
            Future<Set<UUID>> b = threads.submit(() -> ids(dispatcher.claim(100)));
            Set<UUID> claimedByB = b.get(60, TimeUnit.SECONDS);
            bDone.countDown();
            Set<UUID> claimedByA = a.get(60, TimeUnit.SECONDS);

            assertThat(claimedByA).hasSize(4);
            assertThat(claimedByB).doesNotContainAnyElementsOf(claimedByA);
            Set<UUID> both = new HashSet<>(claimedByA);
            both.addAll(claimedByB);
            assertThat(both).containsAll(mine);
        } finally {
            bDone.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void eMailIsHeldWithTheReasonWhileNoSmtpServerIsConfigured() {
        Organisation organisation = support.organisation("safeguarding@" + NotifyTestSupport.suffix() + ".test");
        UUID caseId = support.enqueue(organisation, NoticeKind.REFERRAL_RECEIVED, null);

        dispatcher.dispatchDue();

        NotifyTestSupport.Row row = support.row(caseId);
        assertThat(row.channel()).isEqualTo("EMAIL");
        assertThat(row.state()).isEqualTo("PENDING");
        assertThat(row.attempts()).isZero();
        assertThat(row.nextAttemptAt()).as("held, so not scanned by every run").isNull();
        assertThat(row.lastError()).contains("spring.mail.host is not set");
    }

    @Test
    void theOrganisationMailboxIsUsedWhenItHasOne() {
        Organisation organisation = support.organisation("office@" + NotifyTestSupport.suffix() + ".test");
        support.staff(organisation, Role.CASE_WORKER, "worker@" + NotifyTestSupport.suffix() + ".test");

        UUID caseId = support.enqueue(organisation, NoticeKind.ESCALATION_RECEIVED, null);

        assertThat(support.rows(caseId))
                .extracting(NotifyTestSupport.Row::recipient)
                .containsExactly(organisation.email());
    }

    @Test
    void withoutAMailboxStaffWhoHandleCasesAreEmailedEachOnce() {
        Organisation organisation = support.organisation(null);
        String domain = NotifyTestSupport.suffix() + ".test";
        support.staff(organisation, Role.CASE_WORKER, "worker@" + domain);
        support.staff(organisation, Role.SUPERVISOR, "supervisor@" + domain);
        support.staff(organisation, Role.CASE_WORKER, null);
        support.staff(organisation, Role.INTEGRATION, "robot@" + domain);

        UUID caseId = support.enqueue(organisation, NoticeKind.ESCALATION_RECEIVED, null);

        assertThat(support.rows(caseId))
                .extracting(NotifyTestSupport.Row::recipient)
                .containsExactly("supervisor@" + domain, "worker@" + domain);
    }

    @Test
    void aNoticeNobodyCanReceiveIsRecordedAsFailedWithTheReason() {
        Organisation organisation = support.organisation(null);

        UUID caseId = support.enqueue(organisation, NoticeKind.CONFLICT_OF_INTEREST, null);

        NotifyTestSupport.Row row = support.row(caseId);
        assertThat(row.channel()).isEqualTo("NONE");
        assertThat(row.state()).isEqualTo("FAILED");
        assertThat(row.lastError()).contains("no recipient", organisation.code());
        assertThat(notifications.deliveries(caseId)).singleElement().satisfies(delivery -> {
            assertThat(delivery.kind()).isEqualTo(NoticeKind.CONFLICT_OF_INTEREST);
            assertThat(delivery.channel()).isEqualTo(DeliveryChannel.NONE);
            assertThat(delivery.state()).isEqualTo(DeliveryState.FAILED);
        });
    }

    @Test
    void enqueueingOutsideATransactionOrInAReadOnlyOneIsABug() {
        Organisation organisation = support.organisation(null);
        Notice notice =
                new Notice(organisation.code(), NoticeKind.REFERRAL_RECEIVED, UUID.randomUUID(), "Q-2027-000001", null);

        assertThatThrownBy(() -> notifications.enqueue(notice)).isInstanceOf(IllegalTransactionStateException.class);

        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        assertThatThrownBy(() -> readOnly.executeWithoutResult(status -> notifications.enqueue(notice)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("read-write transaction");
    }

    @Test
    void aNoticeToAnUnknownOrganisationIsABug() {
        Notice notice = new Notice(
                "no-such-org-" + NotifyTestSupport.suffix(),
                NoticeKind.REFERRAL_RECEIVED,
                UUID.randomUUID(),
                "Q-1",
                null);
        assertThatThrownBy(() -> support.tx().executeWithoutResult(status -> notifications.enqueue(notice)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no organisation has the code");
    }

    @Test
    void outboxRowsAreNeverDeleted() {
        Organisation organisation = support.organisation(null);
        UUID caseId = support.enqueue(organisation, NoticeKind.REPORTER_MESSAGE, null);
        UUID delivery = support.row(caseId).id();

        assertThatThrownBy(() -> jdbc.sql("delete from notify_delivery where id = ?")
                        .param(delivery)
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from notify_notice where case_id = ?")
                        .param(caseId)
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThat(support.rows(caseId)).hasSize(1);
    }
}
