package kz.qorgau.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.qorgau.server.casework.CaseFile;
import kz.qorgau.server.casework.CaseSummary;
import kz.qorgau.server.casework.Caseload;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Report → case, through the API, on H2 and on PostgreSQL. */
@QorgauIntegrationTest
class ReportToCaseIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Caseload caseload;

    @Autowired
    JdbcClient jdbc;

    private Http http() {
        return new Http(port);
    }

    private static String report(Organisation school, String narrative) {
        return Http.json(Map.of(
                "childAge",
                16,
                "school",
                "школа №" + school.schoolNumber(),
                "city",
                school.city(),
                "categories",
                List.of("sexual-exploitation", "missing-from-home"),
                "narrative",
                narrative,
                "since",
                "с марта",
                "reporterRelation",
                "parent",
                "language",
                "ru"));
    }

    @Test
    void aReportNamingAKnownSchoolBecomesACaseReferredToThatSchool() {
        Organisation school = fixtures.school();
        StaffMember lead = fixtures.staff(school, Role.CASE_WORKER);

        Http.Response response =
                http().postJson("/api/v1/reports", report(school, "Дочь не ночует дома, оценки упали."));

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.get("receipt").asString()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){5}");
        assertThat(body.get("reference").asString()).startsWith("R-");
        assertThat(body.get("submittedAt").asString()).isNotBlank();
        assertThat(body.has("ledgerIndex")).isTrue();
        String reference = body.get("reference").asString();

        CaseFile file = await().atMost(Duration.ofSeconds(20))
                .until(() -> caseFor(lead, reference), Optional::isPresent)
                .get();
        // A critical case also goes to the juvenile police at once, where one is known.
        assertThat(file.referrals())
                .extracting(kz.qorgau.server.casework.ReferralView::organisation)
                .contains(school.code());
        assertThat(file.risk()).isEqualTo("critical");
        assertThat(file.reports()).singleElement().satisfies(r -> {
            assertThat(r.narrative()).isEqualTo("Дочь не ночует дома, оценки упали.");
            assertThat(r.schoolCode()).isEqualTo(school.code());
            assertThat(r.anonymous()).isTrue();
        });
    }

    @Test
    void aCaseIsNotVisibleToAnotherSchoolButToHelplineAndOversight() {
        Organisation school = fixtures.school();
        StaffMember otherLead = fixtures.staff(fixtures.school(), Role.CASE_WORKER);
        StaffMember helpline = fixtures.staff(fixtures.organisation(OrganisationKind.HELPLINE), Role.INTAKE_OFFICER);
        StaffMember commissioner = fixtures.staff(fixtures.organisation(OrganisationKind.COMMISSIONER), Role.OVERSIGHT);

        String reference = http().postJson("/api/v1/reports", report(school, "Видела её с незнакомыми взрослыми."))
                .json()
                .get("reference")
                .asString();

        await().atMost(Duration.ofSeconds(20)).until(() -> caseFor(helpline, reference), Optional::isPresent);
        assertThat(caseFor(commissioner, reference)).isPresent();
        assertThat(caseFor(otherLead, reference)).isEmpty();
    }

    @Test
    void aReportNamingNoKnownSchoolStillBecomesACase() {
        StaffMember helpline = fixtures.staff(fixtures.organisation(OrganisationKind.HELPLINE), Role.INTAKE_OFFICER);
        String reference = http().postJson(
                        "/api/v1/reports",
                        Http.json(Map.of(
                                "categories", List.of("neglect"), "narrative", "Дети одни дома.", "school", "нет")))
                .json()
                .get("reference")
                .asString();

        CaseFile file = await().atMost(Duration.ofSeconds(20))
                .until(() -> caseFor(helpline, reference), Optional::isPresent)
                .get();
        // Nobody could be identified: oversight assesses it, on a clock like any referral.
        assertThat(file.referrals())
                .singleElement()
                .satisfies(r -> assertThat(r.organisationType()).isEqualTo("commissioner"));
        assertThat(file.risk()).isEqualTo("standard");
    }

    /** The fixture's city ("CityR…") as a reporter typing in Cyrillic might write it. */
    private static String transliterated(String city) {
        return com.ibm.icu.text.Transliterator.getInstance("Latin-Cyrillic").transliterate(city);
    }

    @Test
    void aReportNamingOnlyACityIsReferredToThatCitysEducationDepartment() {
        Fixtures.Region region = fixtures.region();
        StaffMember helpline = fixtures.staff(fixtures.organisation(OrganisationKind.HELPLINE), Role.INTAKE_OFFICER);
        String reference = http().postJson(
                        "/api/v1/reports",
                        Http.json(Map.of(
                                "categories",
                                List.of("neglect"),
                                "narrative",
                                "Дети одни дома третий день.",
                                "city",
                                " " + transliterated(region.city()) + " ")))
                .json()
                .get("reference")
                .asString();

        CaseFile file = await().atMost(Duration.ofSeconds(20))
                .until(() -> caseFor(helpline, reference), Optional::isPresent)
                .get();
        assertThat(file.referrals()).singleElement().satisfies(r -> {
            assertThat(r.organisation()).isEqualTo(region.education().code());
            assertThat(r.acknowledgeBy()).isAfter(r.referredAt());
        });
    }

    @Test
    void theSameIdempotencyKeyFilesOneReport() {
        Organisation school = fixtures.school();
        String body = report(school, "Повторная отправка.");
        Http http = http();

        Http.Response first = http.postJson("/api/v1/reports", body, "Idempotency-Key", "key-" + school.code());
        Http.Response second = http.postJson("/api/v1/reports", body, "Idempotency-Key", "key-" + school.code());

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("reference").asString())
                .isEqualTo(first.json().get("reference").asString());
        assertThat(second.json().get("duplicate").asBoolean()).isTrue();
        assertThat(second.json().get("receipt").isNull()).isTrue();
        assertThat(jdbc.sql("select count(*) from report where form_token = ?")
                        .param("key-" + school.code())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void personalDataIsStoredOnlyEncrypted() {
        Organisation school = fixtures.school();
        String marker = "MARKER-" + school.code();
        String reference = http().postJson("/api/v1/reports", report(school, marker))
                .json()
                .get("reference")
                .asString();

        byte[] stored = jdbc.sql("select narrative_sealed from report where reference = ?")
                .param(reference)
                .query(byte[].class)
                .single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(marker);
        assertThat(stored.length).isGreaterThan(marker.length());
    }

    private Optional<CaseFile> caseFor(StaffMember member, String reportReference) {
        for (CaseSummary summary : caseload.inbox(member, 0)) {
            CaseFile file = caseload.caseFile(member, summary.id());
            if (file.reports().stream().anyMatch(r -> r.reference().equals(reportReference))) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }
}
