package kz.qorgau.server.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Bad input to the casework API: an unknown organisation, action kind or risk level is a 400 naming
 * the field, an illegal transition a 409 naming the rule, malformed JSON a 400 — and none of them
 * changes the case or writes a ledger entry.
 */
@QorgauIntegrationTest
class CaseworkBadInputIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    private long ledger() {
        return jdbc.sql("select count(*) from ledger_entries").query(Long.class).single();
    }

    private static void problem(Http.Response response, int status, String key, String value) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get(key).asString()).isEqualTo(value);
    }

    @Test
    void unknownCodesAndIllegalTransitionsAreRefusedNamingTheFieldOrRule() {
        Fixtures.Region region = fixtures.region();
        String lead = fixtures.token(fixtures.staff(region.school(), Role.CASE_WORKER), "cases:read", "cases:write");
        Http http = new Http(port);
        assertThat(http.postJson(
                                "/api/v1/reports",
                                Http.json(Map.of(
                                        "school",
                                        "Школа № " + region.school().schoolNumber(),
                                        "city",
                                        region.city(),
                                        "childAge",
                                        14,
                                        "categories",
                                        List.of("sexual-exploitation"),
                                        "narrative",
                                        "Её регистрируют на сайте знакомств как взрослую.")))
                        .status())
                .isEqualTo(201);
        JsonNode summary = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/v1/cases", Fixtures.bearer(lead)).json(), list -> list.size() == 1)
                .get(0);
        String caseId = summary.get("id").asString();
        String referral = null;
        for (JsonNode r : summary.get("referrals")) {
            if (r.get("organisation").asString().equals(region.school().code())) {
                referral = r.get("id").asString();
            }
        }
        assertThat(referral).isNotNull();
        assertThat(summary.get("risk").asString()).isEqualTo("critical");
        long before = ledger();

        problem(
                http.postJson(
                        "/api/v1/cases/" + caseId + "/referrals",
                        "{\"organisation\":\"no-such-organisation\",\"reason\":\"Competent.\"}",
                        Fixtures.bearer(lead)),
                400,
                "field",
                "organisation");
        problem(
                http.postJson(
                        "/api/v1/referrals/" + referral + "/redirect",
                        "{\"organisation\":\"no-such-organisation\",\"reason\":\"Not ours.\"}",
                        Fixtures.bearer(lead)),
                400,
                "field",
                "organisation");
        problem(
                http.postJson(
                        "/api/v1/referrals/" + referral + "/actions", "{\"kind\":\"dance\"}", Fixtures.bearer(lead)),
                400,
                "field",
                "kind");
        problem(
                http.postJson(
                        "/api/v1/cases/" + caseId + "/risk",
                        "{\"level\":\"extreme\",\"reason\":\"r\"}",
                        Fixtures.bearer(lead)),
                400,
                "field",
                "level");
        problem(
                http.postJson(
                        "/api/v1/cases/" + caseId + "/close", "{\"outcome\":\"Resolved.\"}", Fixtures.bearer(lead)),
                409,
                "rule",
                "close-needs-oversight-approval");
        Http.Response malformed =
                http.postJson("/api/v1/referrals/" + referral + "/actions", "{\"kind\":", Fixtures.bearer(lead));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        assertThat(ledger()).as("nothing refused is recorded as a change").isEqualTo(before);
        JsonNode after =
                http.get("/api/v1/cases/" + caseId, Fixtures.bearer(lead)).json();
        assertThat(after.get("status").asString()).isNotEqualTo("closed");
        assertThat(after.get("referrals")).hasSize(summary.get("referrals").size());
    }
}
