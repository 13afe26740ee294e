package kz.qorgau.server.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The story that started Qorgau, through the API with the simulation clock: a mother reports to school
 * No. 1 in March; the school does not acknowledge; the case climbs to the district education
 * department; the police are involved; the mother flags threats by an inspector; the case reaches the
 * Commissioner and is hidden from the inspectorate; the oversight statistics show every missed step;
 * the reporter sees each change. Runs on its own clock (its own context), since it moves time by months.
 */
@QorgauIntegrationTest
@TestPropertySource(properties = "qorgau.test.isolation=story")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StoryIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    private Http http;
    private String admin;

    private JsonNode reporterView(String receipt) {
        Http.Response response = http.get("/api/v1/reporter/case", "X-Receipt", receipt);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private void moveClock(String body) {
        assertThat(http.postJson("/api/v1/simulation/clock", body, Fixtures.bearer(admin))
                        .status())
                .isEqualTo(200);
    }

    private static JsonNode referralTo(JsonNode caseFile, String organisation) {
        for (JsonNode referral : caseFile.get("referrals")) {
            if (referral.get("organisation").asString().equals(organisation)) {
                return referral;
            }
        }
        throw new AssertionError("no referral to " + organisation + " in " + caseFile);
    }

    @Test
    void aMothersReportClimbsTheLadderUntilSomebodyActs() {
        http = new Http(port);
        admin = fixtures.token(
                fixtures.staff(fixtures.organisation(OrganisationKind.ADMINISTRATION), Role.ADMINISTRATOR), "admin");
        Fixtures.Region region = fixtures.region();
        String schoolLead =
                fixtures.token(fixtures.staff(region.school(), Role.CASE_WORKER), "cases:read", "cases:write");
        String educationLead =
                fixtures.token(fixtures.staff(region.education(), Role.SUPERVISOR), "cases:read", "cases:write");
        String inspector =
                fixtures.token(fixtures.staff(region.juvenilePolice(), Role.CASE_WORKER), "cases:read", "cases:write");
        String commissioner = fixtures.token(
                fixtures.staff(region.commissioner(), Role.OVERSIGHT), "cases:read", "cases:write", "oversight:read");
        List<String> seenByReporter = new ArrayList<>();

        // March: the mother reports to school No. 1 (a Tuesday morning in Kyzylorda).
        moveClock("{\"to\":\"2027-03-02T10:00:00+05:00\"}");
        Http.Response filed = http.postJson(
                "/api/v1/reports",
                Http.json(Map.of(
                        "childAge",
                        16,
                        "school",
                        "Школа № " + region.school().schoolNumber(),
                        "city",
                        region.city(),
                        "categories",
                        List.of("other"),
                        "narrative",
                        "Дочь изменилась: пропускает уроки, оценки упали, не ночует дома.",
                        "since",
                        "с марта",
                        "reporterRelation",
                        "parent",
                        "language",
                        "ru")));
        assertThat(filed.status()).isEqualTo(201);
        String receipt = filed.json().get("receipt").asString();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> !reporterView(receipt).get("caseReference").isNull());
        JsonNode view = reporterView(receipt);
        seenByReporter.add(view.get("status").asString());
        assertThat(view.get("status").asString()).isEqualTo("received");

        List<JsonNode> cases = new ArrayList<>();
        http.get("/api/v1/cases", Fixtures.bearer(schoolLead)).json().forEach(cases::add);
        assertThat(cases).hasSize(1);
        String caseId = cases.getFirst().get("id").asString();
        JsonNode atSchool = referralTo(cases.getFirst(), region.school().code());
        assertThat(atSchool.get("state").asString()).isEqualTo("pending");

        // The school does not acknowledge. Two days later the clock has moved the case up the ladder.
        moveClock("{\"advance\":\"P2D\"}");
        JsonNode afterEscalation = http.get("/api/v1/cases/" + caseId, Fixtures.bearer(commissioner))
                .json();
        assertThat(referralTo(afterEscalation, region.school().code())
                        .get("state")
                        .asString())
                .isEqualTo("escalated");
        JsonNode atEducation = referralTo(afterEscalation, region.education().code());
        assertThat(atEducation.get("basis").asString()).isEqualTo("escalated");
        view = reporterView(receipt);
        seenByReporter.add(view.get("status").asString());
        assertThat(view.get("status").asString()).isEqualTo("escalated");
        assertThat(view.get("escalatedTo").asString()).isEqualTo("district-education");

        // Sweeping again escalates nothing twice.
        moveClock("{\"advance\":\"PT1M\"}");
        JsonNode again = http.get("/api/v1/cases/" + caseId, Fixtures.bearer(commissioner))
                .json();
        assertThat(again.get("referrals")).hasSize(2);

        // The education department acknowledges and involves the juvenile police.
        String educationReferral = atEducation.get("id").asString();
        assertThat(http.postJson(
                                "/api/v1/referrals/" + educationReferral + "/acknowledge",
                                "{}",
                                Fixtures.bearer(educationLead))
                        .status())
                .isEqualTo(200);
        Http.Response twice = http.postJson(
                "/api/v1/referrals/" + educationReferral + "/acknowledge", "{}", Fixtures.bearer(educationLead));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("rule").asString()).isEqualTo("referral-already-acknowledged");
        Http.Response toPolice = http.postJson(
                "/api/v1/cases/" + caseId + "/referrals",
                Http.json(Map.of("organisation", region.juvenilePolice().code(), "reason", "Signs of exploitation.")),
                Fixtures.bearer(educationLead));
        assertThat(toPolice.status()).isEqualTo(201);
        String policeReferral = toPolice.json().get("id").asString();
        assertThat(http.postJson(
                                "/api/v1/referrals/" + policeReferral + "/acknowledge",
                                "{}",
                                Fixtures.bearer(inspector))
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/cases/" + caseId, Fixtures.bearer(inspector))
                        .status())
                .isEqualTo(200);
        seenByReporter.add(reporterView(receipt).get("status").asString());

        // The mother flags threats by an inspector: the case goes to the Commissioner and is hidden from the
        // inspectorate.
        Http.Response flagged = http.postJson(
                "/api/v1/reporter/messages",
                Http.json(Map.of(
                        "body", "Инспектор ПДН угрожал мне и не принял заявление.",
                        "flag", "threatened",
                        "organisation", "инспектор ПДН")),
                "X-Receipt",
                receipt);
        assertThat(flagged.status()).isEqualTo(201);
        assertThat(http.get("/api/v1/cases/" + caseId, Fixtures.bearer(inspector))
                        .status())
                .isEqualTo(404);
        List<String> inspectorsCases = new ArrayList<>();
        http.get("/api/v1/cases", Fixtures.bearer(inspector))
                .json()
                .forEach(c -> inspectorsCases.add(c.get("id").asString()));
        assertThat(inspectorsCases).doesNotContain(caseId);
        assertThat(http.postJson(
                                "/api/v1/referrals/" + policeReferral + "/actions",
                                "{\"kind\":\"interview\"}",
                                Fixtures.bearer(inspector))
                        .status())
                .isEqualTo(404);
        JsonNode atCommissioner = http.get("/api/v1/cases/" + caseId, Fixtures.bearer(commissioner))
                .json();
        assertThat(referralTo(atCommissioner, region.commissioner().code())
                        .get("basis")
                        .asString())
                .isEqualTo("conflict-of-interest");
        assertThat(atCommissioner.get("hiddenFrom").toString())
                .contains(region.juvenilePolice().code());
        view = reporterView(receipt);
        seenByReporter.add(view.get("status").asString());
        assertThat(view.get("messages").get(0).get("from").asString()).isEqualTo("reporter");

        // The Commissioner writes to the mother; she sees it.
        assertThat(http.postJson(
                                "/api/v1/cases/" + caseId + "/messages",
                                "{\"body\":\"Мы получили ваше сообщение и взяли дело под контроль.\"}",
                                Fixtures.bearer(commissioner))
                        .status())
                .isEqualTo(201);
        view = reporterView(receipt);
        assertThat(view.get("messages")).hasSize(2);
        assertThat(view.get("messages").get(1).get("from").asString()).isEqualTo("case-worker");

        // Oversight sees every missed step.
        JsonNode stats = http.get("/api/v1/oversight/stats", Fixtures.bearer(commissioner))
                .json();
        JsonNode school = null;
        for (JsonNode organisation : stats.get("organisations")) {
            if (organisation
                    .get("organisation")
                    .asString()
                    .equals(region.school().code())) {
                school = organisation;
            }
        }
        assertThat(school).as("the school is in the statistics").isNotNull();
        assertThat(school.get("escalated").asLong()).isEqualTo(1);
        assertThat(school.get("missedDeadlines").asLong()).isEqualTo(1);
        assertThat(school.get("acknowledged").asLong()).isZero();
        assertThat(stats.get("escalatedCases").toString()).contains(caseId);
        assertThat(stats.get("conflictedCases").toString()).contains(caseId);

        // The chronology tells the whole story in order.
        List<String> kinds = new ArrayList<>();
        http.get("/api/v1/cases/" + caseId + "/chronology", Fixtures.bearer(commissioner))
                .json()
                .forEach(entry -> kinds.add(entry.get("kind").asString()));
        assertThat(kinds)
                .containsSubsequence(
                        "report.received",
                        "case.opened",
                        "referral.opened",
                        "referral.escalated",
                        "referral.opened",
                        "referral.acknowledged",
                        "referral.opened",
                        "referral.acknowledged",
                        "message.from-reporter",
                        "case.conflict-flagged",
                        "message.to-reporter");
        // A month passes without a protective action by the education department: oversight sees that
        // step missed too.
        moveClock("{\"advance\":\"P30D\"}");
        JsonNode later = http.get("/api/v1/oversight/stats", Fixtures.bearer(commissioner))
                .json();
        JsonNode education = null;
        for (JsonNode organisation : later.get("organisations")) {
            if (organisation
                    .get("organisation")
                    .asString()
                    .equals(region.education().code())) {
                education = organisation;
            }
        }
        assertThat(education)
                .as("the education department is in the statistics")
                .isNotNull();
        assertThat(education.get("missedDeadlines").asLong())
                .as("the education department's missed first protective action")
                .isGreaterThanOrEqualTo(1);
        assertThat(education.get("acknowledged").asLong()).isEqualTo(1);

        // The Commissioner closes the case (a high-risk case needs a second person from oversight); the
        // mother sees it closed, with its outcome.
        String outcome = "Девочка в безопасности, дело передано в суд.";
        Http.Response closed = http.postJson(
                "/api/v1/cases/" + caseId + "/close",
                Http.json(Map.of("outcome", outcome)),
                Fixtures.bearer(commissioner));
        if (closed.status() == 409) {
            assertThat(closed.json().get("rule").asString()).isEqualTo("close-needs-oversight-approval");
            assertThat(http.postJson(
                                    "/api/v1/cases/" + caseId + "/close-request",
                                    Http.json(Map.of("outcome", outcome)),
                                    Fixtures.bearer(commissioner))
                            .status())
                    .isEqualTo(200);
            String secondPerson =
                    fixtures.token(fixtures.staff(region.commissioner(), Role.OVERSIGHT), "cases:read", "cases:write");
            closed = http.postJson("/api/v1/cases/" + caseId + "/close-approval", "{}", Fixtures.bearer(secondPerson));
        }
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        view = reporterView(receipt);
        seenByReporter.add(view.get("status").asString());
        assertThat(view.get("outcome").asString()).isEqualTo(outcome);
        assertThat(seenByReporter).containsExactly("received", "escalated", "being-handled", "escalated", "closed");
    }
}
