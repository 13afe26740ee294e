package kz.qorgau.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.StaffAccounts;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks reach a real HTTP receiver signed so that it can check them and refuse replays; failing
 * receivers are retried with a doubling wait and then marked failed; a rolled-back notice is never sent.
 * The dispatcher is driven directly and time is moved with the simulation clock.
 */
@QorgauIntegrationTest
@TestPropertySource(
        properties = {
            "qorgau.notify.dispatch-enabled=false",
            "qorgau.notify.max-attempts=3",
            "qorgau.notify.first-retry-after=1m",
            "qorgau.notify.max-retry-interval=2m"
        })
class NotificationWebhookIT {

    private static final TestReceiver RECEIVER = new TestReceiver();
    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    /** A receiver's check, written from docs/notifications.md and independent of the sender's code. */
    static boolean verify(String header, String body, String secret, long nowSeconds, long toleranceSeconds)
            throws Exception {
        long t = -1;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] pair = part.split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                t = Long.parseLong(pair[1]);
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                v1 = pair[1];
            }
        }
        if (t < 0 || v1 == null || Math.abs(nowSeconds - t) > toleranceSeconds) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
    }

    @Test
    void aWebhookIsDeliveredOnceSignedSoThatTheReceiverCanCheckItAndRefuseReplays() throws Exception {
        Organisation organisation = support.organisation(null);
        String url = RECEIVER.endpoint(204);
        String secret =
                webhooks.register(organisation.code(), url, Actor.system()).secret();

        UUID caseId = support.enqueue(organisation, NoticeKind.ESCALATION_RECEIVED, "acknowledgement overdue");
        assertThat(RECEIVER.at(url))
                .as("nothing is sent before the dispatcher runs")
                .isEmpty();

        dispatcher.dispatchDue();

        assertThat(RECEIVER.at(url)).hasSize(1);
        TestReceiver.Received request = RECEIVER.at(url).getFirst();
        NotifyTestSupport.Row row = support.row(caseId);
        assertThat(row.channel()).isEqualTo("WEBHOOK");
        assertThat(row.state()).isEqualTo("SENT");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(request.delivery()).isEqualTo(row.id().toString());
        assertThat(request.contentType()).startsWith("application/json");

        JsonNode body = JSON.readTree(request.body());
        assertThat(body.propertyNames())
                .containsExactly("id", "event", "organisation", "caseId", "caseReference", "detail", "occurredAt");
        assertThat(body.get("event").asString()).isEqualTo("escalation_received");
        assertThat(body.get("organisation").asString()).isEqualTo(organisation.code());
        assertThat(body.get("caseId").asString()).isEqualTo(caseId.toString());
        assertThat(body.get("caseReference").asString()).startsWith("Q-2027-");
        assertThat(body.get("detail").asString()).isEqualTo("acknowledgement overdue");
        assertThat(Instant.parse(body.get("occurredAt").asString())).isBeforeOrEqualTo(clock.instant());

        long now = clock.instant().getEpochSecond();
        assertThat(verify(request.signature(), request.body(), secret, now, 300))
                .as("a fresh delivery verifies")
                .isTrue();
        assertThat(verify(request.signature(), request.body(), secret, now + 600, 300))
                .as("the same delivery replayed ten minutes later is refused")
                .isFalse();
        assertThat(verify(request.signature(), request.body().replace("overdue", "met"), secret, now, 300))
                .as("an altered body is refused")
                .isFalse();
        assertThat(verify(request.signature(), request.body(), "whsec_other", now, 300))
                .as("another endpoint's secret does not verify it")
                .isFalse();

        dispatcher.dispatchDue();
        assertThat(RECEIVER.at(url)).as("a delivered notice is not sent again").hasSize(1);
    }

    @Test
    void aFailingEndpointIsRetriedWithADoublingWaitThenMarkedFailedAndKept() {
        Organisation organisation = support.organisation(null);
        String url = RECEIVER.endpoint(503);
        webhooks.register(organisation.code(), url, Actor.system());
        UUID caseId = support.enqueue(organisation, NoticeKind.REFERRAL_RECEIVED, null);

        Instant beforeFirst = clock.instant();
        dispatcher.dispatchDue();
        Instant afterFirst = clock.instant();
        NotifyTestSupport.Row first = support.row(caseId);
        assertThat(RECEIVER.at(url)).hasSize(1);
        assertThat(first.state()).isEqualTo("PENDING");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).contains("HTTP 503");
        assertThat(first.nextAttemptAt())
                .isBetween(beforeFirst.plus(Duration.ofMinutes(1)), afterFirst.plus(Duration.ofMinutes(1)));

        dispatcher.dispatchDue();
        assertThat(RECEIVER.at(url)).as("not retried before its time").hasSize(1);

        support.advance(Duration.ofMinutes(1));
        Instant beforeSecond = clock.instant();
        dispatcher.dispatchDue();
        assertThat(RECEIVER.at(url)).hasSize(2);
        NotifyTestSupport.Row second = support.row(caseId);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.nextAttemptAt()).isAfterOrEqualTo(beforeSecond.plus(Duration.ofMinutes(2)));

        support.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        assertThat(RECEIVER.at(url)).as("the second wait is twice the first").hasSize(2);

        support.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        assertThat(RECEIVER.at(url)).hasSize(3);
        NotifyTestSupport.Row failed = support.row(caseId);
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.nextAttemptAt()).isNull();
        assertThat(failed.lastError()).contains("failed permanently after 3 attempts", "HTTP 503");

        support.advance(Duration.ofHours(1));
        dispatcher.dispatchDue();
        assertThat(RECEIVER.at(url))
                .as("a failed delivery is not tried again by itself")
                .hasSize(3);
        assertThat(RECEIVER.at(url))
                .as("every attempt carries the same idempotency key and body")
                .extracting(TestReceiver.Received::delivery)
                .containsOnly(failed.id().toString());
        assertThat(RECEIVER.at(url))
                .extracting(TestReceiver.Received::body)
                .containsOnly(RECEIVER.at(url).getFirst().body());
        assertThat(RECEIVER.at(url))
                .as("each attempt is signed at its own time")
                .extracting(TestReceiver.Received::signature)
                .doesNotHaveDuplicates();
    }

    @Test
    void aNoticeEnqueuedInATransactionThatRollsBackIsNeverSent() {
        Organisation organisation = support.organisation(null);
        String url = RECEIVER.endpoint(204);
        webhooks.register(organisation.code(), url, Actor.system());
        UUID caseId = UUID.randomUUID();

        support.tx().executeWithoutResult(status -> {
            notifications.enqueue(new Notice(
                    organisation.code(), NoticeKind.IMMEDIATE_ATTENTION, caseId, NotifyTestSupport.reference(), null));
            status.setRollbackOnly();
        });
        dispatcher.dispatchDue();

        assertThat(RECEIVER.at(url)).isEmpty();
        assertThat(support.rows(caseId)).isEmpty();
        assertThat(jdbc.sql("select count(*) from notify_notice where case_id = ?")
                        .param(caseId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aDeactivatedEndpointReceivesNothingMoreAndItsDeliveryFailsWithTheReason() {
        Organisation organisation = support.organisation(null);
        String url = RECEIVER.endpoint(204);
        Webhooks.Registered registered = webhooks.register(organisation.code(), url, Actor.system());
        UUID caseId = support.enqueue(organisation, NoticeKind.SIGNAL_MATCHED, null);

        webhooks.deactivate(registered.endpoint().id(), Actor.system());
        dispatcher.dispatchDue();

        assertThat(RECEIVER.at(url)).isEmpty();
        NotifyTestSupport.Row row = support.row(caseId);
        assertThat(row.state()).isEqualTo("FAILED");
        assertThat(row.lastError()).contains("deactivated");
    }
}
