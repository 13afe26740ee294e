package kz.qorgau.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffAccounts;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/admin/webhooks} and {@code /api/v1/admin/notifications}: administrators register
 * endpoints (the secret shown once, stored sealed, the registration in the ledger); everyone else is
 * refused with problem+json, and so is every bad input.
 */
@QorgauIntegrationTest
@TestPropertySource(properties = "qorgau.notify.dispatch-enabled=false")
class NotificationAdminApiIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

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
    Http http;
    String admin;

    @BeforeEach
    void setUp() {
        support = new NotifyTestSupport(directory, accounts, notifications, jdbc, transactions, clock);
        http = new Http(port);
        admin = fixtures.token(
                fixtures.staff(fixtures.organisation(OrganisationKind.ADMINISTRATION), Role.ADMINISTRATOR), "admin");
    }

    private Http.Response register(String token, Map<String, Object> body) {
        return http.postJson("/api/v1/admin/webhooks", Http.json(body), Fixtures.bearer(token));
    }

    private long ledgerEntries(String type) {
        return jdbc.sql("select count(*) from ledger_entries where entry_type = ?")
                .param(type)
                .query(Long.class)
                .single();
    }

    @Test
    void anAdministratorRegistersAnEndpointAndSeesItsSecretOnce() {
        Organisation organisation = support.organisation(null);
        long registeredBefore = ledgerEntries("webhook.registered");

        Http.Response created = register(
                admin, Map.of("organisation", organisation.code(), "url", "https://receiver.example.kz/qorgau"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        String secret = body.get("secret").asString();
        UUID id = UUID.fromString(body.get("id").asString());
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(body.get("organisation").asString()).isEqualTo(organisation.code());
        assertThat(body.get("signatureHeader").asString()).isEqualTo("Qorgau-Signature");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/admin/webhooks/" + id);
        assertThat(ledgerEntries("webhook.registered")).isEqualTo(registeredBefore + 1);

        Http.Response listed =
                http.get("/api/v1/admin/webhooks?organisation=" + organisation.code(), Fixtures.bearer(admin));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).hasSize(1);
        assertThat(listed.body()).contains(id.toString()).doesNotContain(secret);

        byte[] sealed = jdbc.sql("select secret_sealed from notify_webhook where id = ?")
                .param(id)
                .query(byte[].class)
                .single();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(secret);

        Http.Response deactivated =
                http.postJson("/api/v1/admin/webhooks/" + id + "/deactivate", "", Fixtures.bearer(admin));
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
        assertThat(ledgerEntries("webhook.deactivated")).isPositive();
    }

    @Test
    void onlyAnAdministratorWithAnAdminTokenMayRegister() {
        Organisation organisation = support.organisation(null);
        Map<String, Object> body =
                Map.of("organisation", organisation.code(), "url", "https://receiver.example.kz/qorgau");
        StaffMember worker = fixtures.staff(fixtures.school(), Role.CASE_WORKER);
        StaffMember otherAdmin =
                fixtures.staff(fixtures.organisation(OrganisationKind.ADMINISTRATION), Role.ADMINISTRATOR);

        Http.Response asWorker = register(fixtures.token(worker, "cases:read", "cases:write"), body);
        Http.Response asAdminWithoutScope = register(fixtures.token(otherAdmin, "cases:read"), body);
        Http.Response anonymous = http.postJson("/api/v1/admin/webhooks", Http.json(body));

        for (Http.Response refused : new Http.Response[] {asWorker, asAdminWithoutScope}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).isEqualTo("https://qorgau.kz/problems/forbidden");
        }
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(http.get("/api/v1/admin/notifications", Fixtures.bearer(fixtures.token(worker, "cases:read")))
                        .status())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from notify_webhook where organisation_code = ?")
                        .param(organisation.code())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void badUrlsAreRefusedWithProblemDetailsNamingTheField() {
        Organisation organisation = support.organisation(null);
        for (String url : new String[] {
            "ftp://receiver.example.kz/",
            "javascript:alert(1)",
            "https:///nohost",
            "https://user:pw@receiver.example.kz/",
            "https://receiver.example.kz/" + "a".repeat(2001),
            "not a url"
        }) {
            Http.Response refused = register(admin, Map.of("organisation", organisation.code(), "url", url));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("field").asString()).as(url).isEqualTo("url");
        }
        Http.Response missing = register(admin, Map.of("organisation", organisation.code()));
        assertThat(missing.json().get("field").asString()).isEqualTo("url");
    }

    @Test
    void unknownOrganisationsOversizedCodesAndUnknownFieldsAreRefused() {
        Http.Response unknown = register(
                admin, Map.of("organisation", "no-such-" + NotifyTestSupport.suffix(), "url", "https://r.example.kz/"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asString()).isEqualTo("organisation");

        Http.Response oversized =
                register(admin, Map.of("organisation", "x".repeat(65), "url", "https://r.example.kz/"));
        assertThat(oversized.status()).isEqualTo(400);
        assertThat(oversized.json().get("field").asString()).isEqualTo("organisation");

        Http.Response extra = register(
                admin,
                Map.of(
                        "organisation",
                        support.organisation(null).code(),
                        "url",
                        "https://r.example.kz/",
                        "secret",
                        "x"));
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.json().get("field").asString()).isEqualTo("secret");

        assertThat(http.get("/api/v1/admin/notifications?state=LOST", Fixtures.bearer(admin))
                        .json()
                        .get("field")
                        .asString())
                .isEqualTo("state");
        assertThat(http.get("/api/v1/admin/notifications?limit=100000", Fixtures.bearer(admin))
                        .status())
                .isEqualTo(400);
        assertThat(http.postJson(
                                "/api/v1/admin/notifications/" + UUID.randomUUID() + "/retry",
                                "",
                                Fixtures.bearer(admin))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aNoticeWithoutRecipientIsVisibleAndRetriedOnceAnEndpointExists() {
        Organisation organisation = support.organisation(null);
        UUID caseId = support.enqueue(organisation, NoticeKind.ESCALATION_RECEIVED, "acknowledgement overdue");
        UUID failed = support.row(caseId).id();

        Http.Response listed = http.get(
                "/api/v1/admin/notifications?state=failed&organisation=" + organisation.code(), Fixtures.bearer(admin));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).hasSize(1);
        assertThat(listed.json().get(0).get("lastError").asString()).contains("no recipient");

        Http.Response stillNobody =
                http.postJson("/api/v1/admin/notifications/" + failed + "/retry", "", Fixtures.bearer(admin));
        assertThat(stillNobody.status()).isEqualTo(409);
        assertThat(stillNobody.json().get("rule").asString()).isEqualTo("notify.no-recipient");

        assertThat(register(admin, Map.of("organisation", organisation.code(), "url", "https://r.example.kz/hook"))
                        .status())
                .isEqualTo(201);
        Http.Response retried =
                http.postJson("/api/v1/admin/notifications/" + failed + "/retry", "", Fixtures.bearer(admin));
        assertThat(retried.status()).isEqualTo(200);
        assertThat(support.rows(caseId))
                .extracting(NotifyTestSupport.Row::channel, NotifyTestSupport.Row::state)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("NONE", "FAILED"),
                        org.assertj.core.groups.Tuple.tuple("WEBHOOK", "PENDING"));
    }
}
