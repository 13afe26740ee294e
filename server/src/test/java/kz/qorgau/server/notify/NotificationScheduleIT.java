package kz.qorgau.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.StaffAccounts;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The server sends by itself: the dispatcher runs on its schedule, and an e-mail held while SMTP was
 * not configured is sent once a server with SMTP runs. Waits for GreenMail to receive (bounded), never
 * sleeps.
 */
@QorgauIntegrationTest
@TestPropertySource(properties = {"qorgau.notify.dispatch-enabled=true", "qorgau.notify.dispatch-interval=200ms"})
class NotificationScheduleIT {

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    Notifications notifications;

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

    @Test
    void aCommittedNoticeAndOneHeldWithoutSmtpAreBothSentByTheSchedule() throws Exception {
        String domain = NotifyTestSupport.suffix() + ".test";
        Organisation organisation = support.organisation("safeguarding@" + domain);
        UUID heldCase = UUID.randomUUID();
        support.tx().executeWithoutResult(status -> {
            notifications.enqueue(new Notice(
                    organisation.code(),
                    NoticeKind.IMMEDIATE_ATTENTION,
                    heldCase,
                    NotifyTestSupport.reference(),
                    null));
            // As a server without SMTP would have left it.
            jdbc.sql("""
                            update notify_delivery set next_attempt_at = null, last_error = ?
                            where notice_id = (select id from notify_notice where case_id = ?)""").params(MailChannel.DISABLED, heldCase).update();
        });
        UUID dueCase = support.enqueue(organisation, NoticeKind.REFERRAL_RECEIVED, null);

        assertThat(SMTP.waitForIncomingEmail(60_000, 2))
                .as("both e-mails arrive without anyone calling the dispatcher")
                .isTrue();

        MimeMessage[] received = SMTP.getReceivedMessagesForDomain(domain);
        assertThat(received).hasSize(2);
        // The result is recorded just after the SMTP server accepted the e-mail.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(support.row(heldCase).state()).isEqualTo("SENT");
            assertThat(support.row(dueCase).state()).isEqualTo("SENT");
        });
    }
}
