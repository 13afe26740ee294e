package kz.qorgau.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every state-changing API call writes exactly one ledger entry, in its own transaction: the number of
 * entries grows by one per call, and the new entry has the call's type. Runs on a database of its own
 * with the background sweeps slowed, so that nothing else appends while a call is counted.
 */
@QorgauIntegrationTest
@TestPropertySource(
        properties = {
            "qorgau.test.isolation=one-entry-per-change",
            "qorgau.casework.sweep-interval=1h",
            "qorgau.notify.dispatch-enabled=false"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EveryChangeWritesOneEntryIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    /**
     * Entries other than the opening of a case, which the system writes on its own, right after a
     * report is filed, in a transaction of its own.
     */
    private long entries() {
        return jdbc.sql("select count(*) from ledger_entries where entry_type <> 'case.opened'")
                .query(Long.class)
                .single();
    }

    private String lastType() {
        return jdbc.sql(
                        "select entry_type from ledger_entries where entry_type <> 'case.opened' order by idx desc limit 1")
                .query(String.class)
                .single();
    }

    /** Runs a call and checks it added exactly one entry of the expected type. */
    private Http.Response oneEntry(String expectedType, Supplier<Http.Response> call, List<String> checked) {
        long before = entries();
        Http.Response response = call.get();
        assertThat(response.status()).as(expectedType + ": " + response.body()).isBetween(200, 299);
        assertThat(entries() - before).as("entries written by " + expectedType).isEqualTo(1);
        assertThat(lastType()).isEqualTo(expectedType);
        checked.add(expectedType);
        return response;
    }

    @Test
    void eachChangeOfTheStoryWritesOneEntry() {
        Http http = new Http(port);
        Fixtures.Region region = fixtures.region();
        String lead = fixtures.token(fixtures.staff(region.school(), Role.CASE_WORKER), "cases:read", "cases:write");
        String oversight = fixtures.token(
                fixtures.staff(region.commissioner(), Role.OVERSIGHT), "cases:read", "cases:write", "oversight:read");
        String oversight2 = fixtures.token(
                fixtures.staff(region.commissioner(), Role.OVERSIGHT), "cases:read", "cases:write", "oversight:read");
        String admin = fixtures.token(
                fixtures.staff(fixtures.organisation(OrganisationKind.ADMINISTRATION), Role.ADMINISTRATOR), "admin");
        List<String> checked = new ArrayList<>();

        String receipt = oneEntry(
                        "report.filed",
                        () -> http.postJson(
                                "/api/v1/reports",
                                Http.json(Map.of(
                                        "school",
                                        "Школа № " + region.school().schoolNumber(),
                                        "city",
                                        region.city(),
                                        "categories",
                                        List.of("physical-abuse"),
                                        "narrative",
                                        "Синяки на руках."))),
                        checked)
                .json()
                .get("receipt")
                .asString();
        // The case opens on its own (its own entry, by the system); wait for it before counting again.
        JsonNode summary = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/v1/cases", Fixtures.bearer(lead)).json(), cases -> cases.size() == 1)
                .get(0);
        Awaitility.await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        String caseId = summary.get("id").asString();
        String referral = summary.get("referrals").get(0).get("id").asString();

        oneEntry(
                "referral.acknowledged",
                () -> http.postJson("/api/v1/referrals/" + referral + "/acknowledge", "{}", Fixtures.bearer(lead)),
                checked);
        oneEntry(
                "referral.action",
                () -> http.postJson(
                        "/api/v1/referrals/" + referral + "/actions",
                        "{\"kind\":\"visit\",\"note\":\"Home visit.\"}",
                        Fixtures.bearer(lead)),
                checked);
        // A correction is a new version with who and why; the corrected record stays.
        Http.Response corrected = oneEntry(
                "referral.action-corrected",
                () -> http.postJson(
                        "/api/v1/referrals/" + referral + "/actions/0/correction",
                        "{\"kind\":\"interview\",\"note\":\"Phone call with the mother.\","
                                + "\"reason\":\"Recorded as a visit by mistake.\"}",
                        Fixtures.bearer(lead)),
                checked);
        assertThat(corrected.json().get("actions")).hasSize(2);
        assertThat(corrected.json().get("actions").get(0).get("kind").asString())
                .isEqualTo("visit");
        assertThat(corrected.json().get("actions").get(0).get("correctedBy").asInt())
                .isEqualTo(1);
        assertThat(corrected.json().get("actions").get(1).get("corrects").asInt())
                .isZero();
        assertThat(corrected.json().get("actions").get(1).get("reason").asString())
                .isEqualTo("Recorded as a visit by mistake.");
        Http.Response noSuchAction = http.postJson(
                "/api/v1/referrals/" + referral + "/actions/7/correction",
                "{\"kind\":\"visit\",\"reason\":\"Wrong.\"}",
                Fixtures.bearer(lead));
        assertThat(noSuchAction.status()).isEqualTo(409);
        assertThat(noSuchAction.body()).contains("no-such-action");
        oneEntry(
                "referral.created",
                () -> http.postJson(
                        "/api/v1/cases/" + caseId + "/referrals",
                        Http.json(Map.of("organisation", region.social().code(), "reason", "Family support.")),
                        Fixtures.bearer(lead)),
                checked);
        oneEntry(
                "case.risk-set",
                () -> http.postJson(
                        "/api/v1/cases/" + caseId + "/risk",
                        "{\"level\":\"critical\",\"reason\":\"New injuries.\"}",
                        Fixtures.bearer(lead)),
                checked);
        oneEntry(
                "message.to-reporter",
                () -> http.postJson(
                        "/api/v1/cases/" + caseId + "/messages", "{\"body\":\"Thank you.\"}", Fixtures.bearer(lead)),
                checked);
        oneEntry(
                "message.from-reporter",
                () -> http.postJson(
                        "/api/v1/reporter/messages", "{\"body\":\"More information.\"}", "X-Receipt", receipt),
                checked);
        oneEntry(
                "referral.outcome",
                () -> http.postJson(
                        "/api/v1/referrals/" + referral + "/outcome",
                        "{\"conclusion\":\"Protective plan agreed.\"}",
                        Fixtures.bearer(lead)),
                checked);
        oneEntry(
                "case.close-requested",
                () -> http.postJson(
                        "/api/v1/cases/" + caseId + "/close-request",
                        "{\"outcome\":\"Child safe.\"}",
                        Fixtures.bearer(oversight)),
                checked);
        oneEntry(
                "case.close-approved",
                () -> http.postJson("/api/v1/cases/" + caseId + "/close-approval", "{}", Fixtures.bearer(oversight2)),
                checked);
        oneEntry(
                "clock.advanced",
                () -> http.postJson("/api/v1/simulation/clock", "{\"advance\":\"PT1M\"}", Fixtures.bearer(admin)),
                checked);

        // A refused change writes nothing.
        long before = entries();
        assertThat(http.postJson("/api/v1/referrals/" + referral + "/acknowledge", "{}", Fixtures.bearer(lead))
                        .status())
                .isEqualTo(409);
        assertThat(entries()).isEqualTo(before);
        assertThat(checked).hasSize(12);
    }
}
