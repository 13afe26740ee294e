package kz.qorgau.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.UUID;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffAccounts;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.QorgauProperties;
import kz.qorgau.server.support.QorgauIntegrationTest;
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
 * Notice e-mails reach a real SMTP server (GreenMail): one per recipient, in Kazakh, Russian and
 * English, with the case reference and link and nothing personal. The dispatcher is driven directly.
 */
@QorgauIntegrationTest
@TestPropertySource(
        properties = {
            "qorgau.notify.dispatch-enabled=false",
            "qorgau.notify.mail.from=Qorgau <no-reply@qorgau.test>",
            "qorgau.public-base-url=https://qorgau.example.kz"
        })
class NotificationEmailIT {

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

    @Autowired
    QorgauProperties qorgau;

    NotifyTestSupport support;

    @BeforeEach
    void setUp() {
        support = new NotifyTestSupport(directory, accounts, notifications, jdbc, transactions, clock);
    }

    @Test
    void anEscalationIsEmailedWithReferenceAndLinkAndNoPersonalData() throws Exception {
        String domain = NotifyTestSupport.suffix() + ".test";
        Organisation organisation = support.organisation("safeguarding@" + domain);
        StaffMember worker = support.staff(organisation, Role.CASE_WORKER, "worker@" + domain);

        UUID caseId = support.enqueue(organisation, NoticeKind.ESCALATION_RECEIVED, "acknowledgement overdue");
        assertThat(SMTP.getReceivedMessagesForDomain(domain))
                .as("nothing is sent before dispatch")
                .isEmpty();
        dispatcher.dispatchDue();

        MimeMessage[] received = SMTP.getReceivedMessagesForDomain(domain);
        assertThat(received).as("the organisation's mailbox only, once").hasSize(1);
        MimeMessage mail = received[0];
        NotifyTestSupport.Row row = support.row(caseId);
        String reference = jdbc.sql("select case_reference from notify_notice where case_id = ?")
                .param(caseId)
                .query(String.class)
                .single();
        String body = (String) mail.getContent();

        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("safeguarding@" + domain);
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("Qorgau <no-reply@qorgau.test>");
        // Kazakh and Russian share the word; the subject says it once.
        assertThat(mail.getSubject()).isEqualTo("[Qorgau] " + reference + ": Эскалация / Escalation");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(mail.getHeader("X-Qorgau-Delivery")).containsExactly(row.id().toString());
        assertThat(body)
                .contains(reference)
                .contains("https://qorgau.example.kz/staff/cases/" + caseId)
                .contains("Қазақша", "Русский", "English")
                .contains(organisation.nameKk(), organisation.nameRu(), organisation.nameEn())
                .contains("acknowledgement overdue");
        assertThat(body + mail.getSubject())
                .as("no person is named: not the staff member, not their login or address")
                .doesNotContain(worker.displayName(), worker.login(), "worker@" + domain);
        assertThat(row.state()).isEqualTo("SENT");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(qorgau.publicBaseUrl()).isEqualTo("https://qorgau.example.kz");

        dispatcher.dispatchDue();
        assertThat(SMTP.getReceivedMessagesForDomain(domain))
                .as("not sent twice")
                .hasSize(1);
    }

    @Test
    void eachStaffRecipientGetsAnEmailOfTheirOwn() throws Exception {
        String domain = NotifyTestSupport.suffix() + ".test";
        Organisation organisation = support.organisation(null);
        support.staff(organisation, Role.CASE_WORKER, "worker@" + domain);
        support.staff(organisation, Role.SUPERVISOR, "supervisor@" + domain);

        UUID caseId = support.enqueue(organisation, NoticeKind.REFERRAL_RECEIVED, null);
        dispatcher.dispatchDue();

        MimeMessage[] received = SMTP.getReceivedMessagesForDomain(domain);
        assertThat(received).hasSize(2);
        for (MimeMessage mail : received) {
            assertThat(mail.getAllRecipients())
                    .as("no recipient sees another's address")
                    .hasSize(1);
            assertThat((String) mail.getContent()).doesNotContain("Подробность", "Detail:");
        }
        assertThat(support.rows(caseId))
                .extracting(NotifyTestSupport.Row::state)
                .containsOnly("SENT");
    }
}
