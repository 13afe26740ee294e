package kz.qorgau.server.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * School early warning end to end, on the simulation clock: the school's records are uploaded, the
 * safeguarding lead sees the flagged student with the evidence, does nothing, and after three working
 * days the signal is filed as a case referred to the district education department — once. Then a
 * lead opens a case from a signal, another records a reason, and the data officer uploads through the
 * page. Runs on its own clock (its own context), since it moves time.
 */
@QorgauIntegrationTest
@TestPropertySource(properties = "qorgau.test.isolation=signals-school")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchoolSignalsIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    private Http http;
    private String admin;

    /** The records run to 26 February 2027: scan them in March (time only moves forward). */
    private void inMarch2027() {
        http = new Http(port);
        admin = fixtures.token(
                fixtures.staff(fixtures.organisation(OrganisationKind.ADMINISTRATION), Role.ADMINISTRATOR), "admin");
        Instant now = Instant.parse(http.get("/api/v1/simulation/clock", Fixtures.bearer(admin))
                .json()
                .get("now")
                .asString());
        if (now.isBefore(Instant.parse("2027-03-01T04:00:00Z"))) {
            moveClock("{\"to\":\"2027-03-01T09:00:00+05:00\"}");
        }
    }

    private void moveClock(String body) {
        assertThat(http.postJson("/api/v1/simulation/clock", body, Fixtures.bearer(admin))
                        .status())
                .isEqualTo(200);
    }

    private static SignalSamples.Multipart files(Fixtures.Region region, String atRisk) {
        SignalSamples.SchoolFiles files = SignalSamples.school(region.school().code(), atRisk);
        return new SignalSamples.Multipart()
                .file("attendance", "attendance.csv.gz", "application/gzip", SignalSamples.gzip(files.attendance()))
                .file("grades", "grades.csv", "text/csv", files.grades().getBytes(StandardCharsets.UTF_8))
                .file(
                        "observations",
                        "observations.csv",
                        "text/csv",
                        files.observations().getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode upload(Fixtures.Region region, String atRisk, String token) {
        SignalSamples.Multipart body = files(region, atRisk);
        Http.Response response =
                http.post("/api/v1/signals/school", body.contentType(), body.bytes(), Fixtures.bearer(token));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode signalOf(String token, String student) {
        Http.Response listed = http.get("/api/v1/signals/school", Fixtures.bearer(token));
        assertThat(listed.status()).isEqualTo(200);
        for (JsonNode signal : listed.json()) {
            if (signal.get("student").asString().equals(student)) {
                return signal;
            }
        }
        throw new AssertionError("no signal for " + student + " in " + listed.body());
    }

    private List<JsonNode> cases(String token) {
        List<JsonNode> out = new ArrayList<>();
        http.get("/api/v1/cases", Fixtures.bearer(token)).json().forEach(out::add);
        return out;
    }

    @Test
    @Order(1)
    void anUnansweredSignalEscalatesToTheSupervisingOrganisationOnce() {
        http = new Http(port);
        admin = fixtures.token(
                fixtures.staff(fixtures.organisation(OrganisationKind.ADMINISTRATION), Role.ADMINISTRATOR), "admin");
        Fixtures.Region region = fixtures.region();
        StaffMember leadMember = fixtures.staff(region.school(), Role.CASE_WORKER);
        String lead = fixtures.token(leadMember, "cases:read", "cases:write");
        String dataOfficer = fixtures.token(fixtures.staff(region.school(), Role.INTEGRATION), "signals:write");
        String education =
                fixtures.token(fixtures.staff(region.education(), Role.SUPERVISOR), "cases:read", "cases:write");
        String otherLead = fixtures.token(
                fixtures.staff(fixtures.region().school(), Role.CASE_WORKER), "cases:read", "cases:write");

        // Monday 1 March 2027, 09:00 in Kazakhstan: the data officer uploads the records.
        moveClock("{\"to\":\"2027-03-01T09:00:00+05:00\"}");
        JsonNode result = upload(region, "risk-1", dataOfficer);
        assertThat(result.get("asOf").asString()).isEqualTo("2027-03-01");
        assertThat(result.get("students").asInt()).isEqualTo(16);
        assertThat(result.get("flagged").asInt()).isEqualTo(1);
        assertThat(result.get("raised").asInt()).isEqualTo(1);
        assertThat(result.get("rejectedRows").asLong()).isEqualTo(1);
        assertThat(result.get("rejected").get(0).get("source").asString()).isEqualTo("observations");
        assertThat(result.get("rejected").get(0).get("line").asLong()).isEqualTo(3);

        // The lead sees the signal with its evidence and deadline; nobody else at another school does.
        JsonNode signal = signalOf(lead, "risk-1");
        assertThat(signal.get("state").asString()).isEqualTo("open");
        assertThat(signal.get("mayDecide").asBoolean()).isTrue();
        assertThat(signal.get("evidence").toString()).contains("absence-rise").contains("Unexcused absence rose");
        assertThat(Instant.parse(signal.get("decideBy").asString())).isEqualTo(Instant.parse("2027-03-04T19:00:00Z"));
        assertThat(http.get("/api/v1/signals/school", Fixtures.bearer(otherLead))
                        .json())
                .isEmpty();
        String id = signal.get("id").asString();
        assertThat(http.postJson("/api/v1/signals/school/" + id + "/case", "{}", Fixtures.bearer(otherLead))
                        .status())
                .isEqualTo(404);
        assertThat(http.postJson("/api/v1/signals/school/" + id + "/case", "{}", Fixtures.bearer(education))
                        .status())
                .isEqualTo(404);

        // The page shows it too.
        Http page = new Http(port);
        page.signIn(leadMember.login(), Fixtures.PASSWORD);
        String html = page.get("/staff/signals").body();
        assertThat(html).contains("risk-1").contains("signal-" + id);
        // In the reader's language: the kind and the sentence from message keys, not the English summary.
        String en = page.get("/staff/signals", "Accept-Language", "en").body();
        assertThat(en).contains("Rise in unexcused absence").contains("Unexcused absence rose from");
        String ru = page.get("/staff/signals", "Accept-Language", "ru").body();
        assertThat(ru)
                .contains("Рост пропусков без уважительной причины")
                .contains("Пропуски без уважительной причины выросли")
                .doesNotContain("Unexcused absence rose")
                .doesNotContain(">absence-rise<");
        String kk = page.get("/staff/signals", "Accept-Language", "kk").body();
        assertThat(kk).contains("Себепсіз келмеудің өсуі").contains("Себепсіз келмеу өсті");

        // Only rows for flagged students were kept: the data officer's token cannot read them, and the
        // upload's other students have no signal.
        assertThat(http.get("/api/v1/signals/school", Fixtures.bearer(dataOfficer))
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/signals/school", Fixtures.bearer(lead)).json())
                .hasSize(1);

        // Nobody decides. Four days later the clock has filed it as a case referred to the district
        // education department.
        assertThat(cases(education)).isEmpty();
        moveClock("{\"advance\":\"P4D\"}");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> !cases(education).isEmpty());
        List<JsonNode> escalated = cases(education);
        assertThat(escalated).hasSize(1);
        assertThat(escalated.getFirst().get("referrals").toString())
                .contains(region.education().code());
        JsonNode after = signalOf(lead, "risk-1");
        assertThat(after.get("state").asString()).isEqualTo("escalated");
        assertThat(after.get("escalatedTo").asString())
                .isEqualTo(region.education().code());
        assertThat(after.get("mayDecide").asBoolean()).isFalse();
        assertThat(http.postJson("/api/v1/signals/school/" + id + "/case", "{}", Fixtures.bearer(lead))
                        .status())
                .isEqualTo(409);

        // Exactly once: another sweep files nothing more.
        moveClock("{\"advance\":\"PT1M\"}");
        assertThat(cases(education)).hasSize(1);

        // The same student flagged again goes to the open case made from the escalation.
        JsonNode reupload = upload(region, "risk-1", dataOfficer);
        assertThat(reupload.get("raised").asInt()).isZero();
        assertThat(reupload.get("addedToCases").asInt()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void theLeadOpensACaseOrRecordsWhyNotAndTheDataOfficerUploadsThroughThePage() {
        inMarch2027();
        Fixtures.Region region = fixtures.region();
        StaffMember leadMember = fixtures.staff(region.school(), Role.CASE_WORKER);
        String lead = fixtures.token(leadMember, "cases:read", "cases:write");
        String dataOfficer = fixtures.token(fixtures.staff(region.school(), Role.INTEGRATION), "signals:write");
        String readOnly = fixtures.token(fixtures.staff(region.school(), Role.INTEGRATION), "cases:read");

        SignalSamples.Multipart refusedBody = files(region, "risk-x");
        assertThat(http.post(
                                "/api/v1/signals/school",
                                refusedBody.contentType(),
                                refusedBody.bytes(),
                                Fixtures.bearer(readOnly))
                        .status())
                .isEqualTo(403);

        // Opening a case: filed through intake, referred to the school, in the lead's inbox.
        upload(region, "risk-2", dataOfficer);
        String opened = signalOf(lead, "risk-2").get("id").asString();
        Http.Response open = http.postJson("/api/v1/signals/school/" + opened + "/case", "{}", Fixtures.bearer(lead));
        assertThat(open.status()).isEqualTo(201);
        assertThat(open.json().get("state").asString()).isEqualTo("case-opened");
        assertThat(open.json().get("reportReference").asString()).startsWith("R-");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> !cases(lead).isEmpty());
        assertThat(cases(lead).getFirst().get("referrals").toString())
                .contains(region.school().code());
        assertThat(http.postJson("/api/v1/signals/school/" + opened + "/case", "{}", Fixtures.bearer(lead))
                        .status())
                .isEqualTo(409);

        // Recording a reason: required, then kept; the same evidence is not raised again.
        upload(region, "risk-3", dataOfficer);
        String dismissed = signalOf(lead, "risk-3").get("id").asString();
        Http.Response noReason = http.postJson(
                "/api/v1/signals/school/" + dismissed + "/dismissal", "{\"reason\":\" \"}", Fixtures.bearer(lead));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("field").asString()).isEqualTo("reason");
        Http.Response reason = http.postJson(
                "/api/v1/signals/school/" + dismissed + "/dismissal",
                "{\"reason\":\"Long illness confirmed by the clinic; the family is in contact with the school.\"}",
                Fixtures.bearer(lead));
        assertThat(reason.status()).isEqualTo(200);
        JsonNode decided = signalOf(lead, "risk-3");
        assertThat(decided.get("state").asString()).isEqualTo("dismissed");
        assertThat(decided.get("reason").asString()).startsWith("Long illness");

        // The data officer (a case worker of the school) uploads the same records through the page.
        StaffMember officerMember = fixtures.staff(region.school(), Role.CASE_WORKER);
        Http page = new Http(port);
        page.signIn(officerMember.login(), Fixtures.PASSWORD);
        String form = page.get("/staff/signals/school/upload").body();
        SignalSamples.Multipart body = files(region, "risk-3").field("_csrf", Http.csrf(form));
        Http.Response uploaded = page.post("/staff/signals/school/upload", body.contentType(), body.bytes());
        assertThat(uploaded.status()).isEqualTo(200);
        assertThat(uploaded.body()).contains("id=\"upload-result\"").contains("rejected-rows");
        JsonNode suppressed = signalOf(lead, "risk-3");
        assertThat(suppressed.get("state").asString()).isEqualTo("dismissed");

        // The page refuses an upload without attendance, beside the field.
        SignalSamples.Multipart empty = new SignalSamples.Multipart().field("_csrf", Http.csrf(form));
        Http.Response missing = page.post("/staff/signals/school/upload", empty.contentType(), empty.bytes());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("id=\"attendance-error\"");
    }
}
