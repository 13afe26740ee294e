package kz.qorgau.server.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.SqlTime;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The inbox and {@code GET /api/v1/cases} page through every visible case (a page of three here),
 * mark the cases that signals matched, and put the school's open early-warning signals at the top of
 * its lead's inbox.
 */
@QorgauIntegrationTest
@TestPropertySource(properties = {"qorgau.test.isolation=inbox", "qorgau.casework.inbox-page-size=3"})
class InboxIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Casework casework;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void everyCaseIsReachablePageByPageAndSignalsAreMarked() {
        Fixtures.Region region = fixtures.region();
        StaffMember lead = fixtures.staff(region.school(), Role.CASE_WORKER);
        String token = fixtures.token(lead, "cases:read");
        Http http = new Http(port);
        for (int i = 0; i < 4; i++) {
            assertThat(http.postJson(
                                    "/api/v1/reports",
                                    Http.json(Map.of(
                                            "school",
                                            "Школа № " + region.school().schoolNumber(),
                                            "city",
                                            region.city(),
                                            "categories",
                                            List.of("bullying"),
                                            "narrative",
                                            "report " + i)))
                            .status())
                    .isEqualTo(201);
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from referral where organisation_code = ?")
                                .param(region.school().code())
                                .query(Long.class)
                                .single()
                        == 4);

        Http.Response first = http.get("/api/v1/cases", Fixtures.bearer(token));
        assertThat(first.json()).hasSize(3);
        assertThat(first.headers().firstValue("Link")).hasValue("</api/v1/cases?page=1>; rel=\"next\"");
        Http.Response second = http.get("/api/v1/cases?page=1", Fixtures.bearer(token));
        assertThat(second.json()).hasSize(1);
        assertThat(second.headers().firstValue("Link")).isEmpty();
        Set<String> ids = new HashSet<>();
        first.json().forEach(c -> ids.add(c.get("id").asString()));
        second.json().forEach(c -> ids.add(c.get("id").asString()));
        assertThat(ids).as("four different cases over two pages").hasSize(4);
        assertThat(http.get("/api/v1/cases?page=-1", Fixtures.bearer(token)).status())
                .isEqualTo(400);

        String oldest = second.json().get(0).get("id").asString();
        casework.recordSignalMatch(
                UUID.fromString(oldest), "ads", "Online ad screening: a test match.", Map.of("ad", Map.of("id", "t1")));
        JsonNode again =
                http.get("/api/v1/cases?page=1", Fixtures.bearer(token)).json();
        assertThat(again.get(0).get("signals").asInt()).isEqualTo(1);
        assertThat(first.json().get(0).get("signals").asInt()).isZero();

        Http pages = new Http(port);
        pages.signIn(lead.login(), Fixtures.PASSWORD);
        String page0 = pages.get("/staff/inbox", "Accept-Language", "en").body();
        assertThat(page0).contains("id=\"inbox-older\"").doesNotContain("Signals: 1");
        String page1 = pages.get("/staff/inbox?page=1", "Accept-Language", "en").body();
        assertThat(page1).contains(again.get(0).get("reference").asString()).contains("Signals: 1");
        assertThat(page1).doesNotContain("id=\"inbox-older\"");
    }

    @Test
    void theSchoolsOpenEarlyWarningSignalsAreAtTheTopOfItsLeadsInbox() {
        Fixtures.Region region = fixtures.region();
        StaffMember lead = fixtures.staff(region.school(), Role.CASE_WORKER);
        StaffMember otherSchool = fixtures.staff(fixtures.region().school(), Role.CASE_WORKER);
        Http pages = new Http(port);
        pages.signIn(lead.login(), Fixtures.PASSWORD);
        assertThat(pages.get("/staff/inbox", "Accept-Language", "en").body()).doesNotContain("inbox-notices");

        signal(region.school().code(), clock.instant().plus(Duration.ofDays(3)));
        signal(region.school().code(), clock.instant().minus(Duration.ofDays(1)));
        String inbox = pages.get("/staff/inbox", "Accept-Language", "en").body();
        assertThat(inbox)
                .contains("id=\"inbox-notices\"")
                .contains("wait for your decision: 2, of which 1 past the decision date")
                .contains("href=\"/staff/signals\"");

        Http other = new Http(port);
        other.signIn(otherSchool.login(), Fixtures.PASSWORD);
        assertThat(other.get("/staff/inbox", "Accept-Language", "en").body()).doesNotContain("inbox-notices");
    }

    private void signal(String school, java.time.Instant decideBy) {
        jdbc.sql("""
                        insert into school_signal (id, batch_id, school_code, student_digest, student_sealed, score,
                                                   kinds, config_version, as_of, evidence_sealed, raised_at,
                                                   updated_at, decide_by, state)
                        values (?, ?, ?, ?, ?, 0.9, 'absence-rise', 'test', ?, ?, ?, ?, ?, 'OPEN')""")
                .params(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        school,
                        UUID.randomUUID().toString().replace("-", ""),
                        new byte[] {1},
                        LocalDate.of(2026, 11, 1),
                        new byte[] {1},
                        SqlTime.bind(clock.instant()),
                        SqlTime.bind(clock.instant()),
                        SqlTime.bind(decideBy))
                .update();
    }
}
