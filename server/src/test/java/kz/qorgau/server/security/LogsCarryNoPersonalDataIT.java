package kz.qorgau.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Logs carry no personal data: a whole scenario — reports filed through the API and the form with
 * unique markers in names, narratives and contacts, followed with their receipts (also wrong ones and
 * malformed input carrying the markers), messages and flags, staff reading the case through the API
 * and the pages — runs while every log event of the JVM is captured (the application's own loggers at
 * DEBUG), and none of them holds a marker or a receipt.
 */
@QorgauIntegrationTest
class LogsCarryNoPersonalDataIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    private final List<String> captured = Collections.synchronizedList(new ArrayList<>());
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder text = new StringBuilder(event.getLoggerName())
                    .append(' ')
                    .append(event.getFormattedMessage())
                    .append(' ')
                    .append(event.getMDCPropertyMap());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
                for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                    text.append(' ').append(frame.getSTEAsString());
                }
            }
            captured.add(text.toString());
        }
    };
    private Level previousLevel;

    @BeforeEach
    void captureEveryLogEvent() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        appender.setContext(logging);
        appender.start();
        logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        Logger application = logging.getLogger("kz.qorgau");
        previousLevel = application.getLevel();
        application.setLevel(Level.DEBUG);
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        logging.getLogger("kz.qorgau").setLevel(previousLevel);
        appender.stop();
    }

    @Test
    void noNameNarrativeContactMessageOrReceiptOfTheScenarioReachesTheLogs() {
        String marker = "Mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, String> personal = new LinkedHashMap<>();
        personal.put("child name", "Childname" + marker);
        personal.put("narrative", "Narrative" + marker);
        personal.put("reporter name", "Reportername" + marker);
        personal.put("contact", "contact" + marker + "@example.kz");
        personal.put("refused by", "Refuser" + marker);
        personal.put("threatened by", "Threatener" + marker);
        personal.put("message", "Message" + marker);
        personal.put("form narrative", "Formnarrative" + marker);
        personal.put("bad input", "Badinput" + marker);
        personal.put("staff of", "Staffof" + marker);
        personal.put("file name", "photo" + marker);
        personal.put("refused file name", "refused" + marker);
        personal.put("ad text", "Adtext" + marker);
        personal.put("bad ad", "Badad" + marker);
        String phoneDigits = String.format("%07d", Math.floorMod(marker.hashCode(), 10_000_000));
        personal.put("child's phone", "+7701" + phoneDigits);
        personal.put("child's phone, digits", "7701" + phoneDigits);
        List<String> receipts = new ArrayList<>();

        var region = fixtures.region();
        StaffMember lead = fixtures.staff(region.school(), Role.CASE_WORKER);
        String leadToken = fixtures.token(lead, "cases:read", "cases:write");
        Http http = new Http(port);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("childName", personal.get("child name"));
        report.put("childAge", 15);
        report.put("school", "Школа № " + region.school().schoolNumber());
        report.put("city", region.city());
        report.put("categories", List.of("sexual-exploitation"));
        report.put("narrative", personal.get("narrative"));
        report.put("reporterRelation", "parent");
        report.put("anonymous", false);
        report.put("reporterName", personal.get("reporter name"));
        report.put("contact", personal.get("contact"));
        report.put("institutionRefused", true);
        report.put("refusedBy", personal.get("refused by"));
        report.put("threatened", true);
        report.put("threatenedBy", personal.get("threatened by"));
        report.put("staffInvolved", true);
        report.put("staffOf", personal.get("staff of"));
        Http.Response filed = http.postJson("/api/v1/reports", Http.json(report));
        assertThat(filed.status()).isEqualTo(201);
        String receipt = filed.json().get("receipt").asString();
        receipts.add(receipt);

        String csrf = Http.csrf(http.get("/report").body());
        Http.Response form = http.postForm(
                "/report",
                Map.of(
                        "_csrf",
                        csrf,
                        "formToken",
                        UUID.randomUUID().toString(),
                        "categories",
                        "neglect",
                        "narrative",
                        personal.get("form narrative"),
                        "reporterRelation",
                        "neighbour"));
        assertThat(form.status()).isEqualTo(200);
        java.util.regex.Matcher shown =
                java.util.regex.Pattern.compile("[0-9A-Z]{4}(-[0-9A-Z]{4}){5}").matcher(form.body());
        assertThat(shown.find()).as("the form's answer shows a receipt").isTrue();
        receipts.add(shown.group());

        // Malformed and wrong input carrying the markers.
        http.post("/api/v1/reports", "application/json", ("{\"narrative\":\"" + personal.get("bad input")).getBytes());
        http.postJson("/api/v1/reports", "{\"" + personal.get("bad input") + "\":1}");
        http.get("/api/v1/reporter/case", "X-Receipt", receipt.substring(0, 20) + "ZZZZ");
        http.get("/api/v1/reporter/case", "X-Receipt", personal.get("bad input"));

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !http.get("/api/v1/reporter/case", "X-Receipt", receipt)
                        .json()
                        .get("caseReference")
                        .isNull());
        Http.Response message = http.postJson(
                "/api/v1/reporter/messages",
                Http.json(Map.of(
                        "body",
                        personal.get("message"),
                        "flag",
                        "threatened",
                        "organisation",
                        personal.get("threatened by"))),
                "X-Receipt",
                receipt);
        assertThat(message.status()).isEqualTo(201);

        // Files: one accepted, one refused, both named with the marker.
        kz.qorgau.server.attachments.Multipart files = new kz.qorgau.server.attachments.Multipart()
                .file(
                        "file",
                        personal.get("file name") + ".jpg",
                        "image/jpeg",
                        kz.qorgau.server.attachments.Samples.jpeg(20, 20));
        assertThat(http.post("/api/v1/reporter/attachments", files.contentType(), files.bytes(), "X-Receipt", receipt)
                        .status())
                .isEqualTo(201);
        kz.qorgau.server.attachments.Multipart refusedFile = new kz.qorgau.server.attachments.Multipart()
                .file(
                        "file",
                        personal.get("refused file name") + ".pdf",
                        "application/pdf",
                        ("not a pdf " + marker).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(http.post(
                                "/api/v1/reporter/attachments",
                                refusedFile.contentType(),
                                refusedFile.bytes(),
                                "X-Receipt",
                                receipt)
                        .status())
                .isEqualTo(400);

        // Signals: the child's phone recorded on a case, an ad carrying it, and a malformed ad line.
        for (JsonNode summary :
                http.get("/api/v1/cases", Fixtures.bearer(leadToken)).json()) {
            http.postJson(
                    "/api/v1/cases/" + summary.get("id").asString() + "/identifiers",
                    Http.json(Map.of("kind", "phone", "value", personal.get("child's phone"))),
                    Fixtures.bearer(leadToken));
        }
        String monitor = fixtures.token(
                fixtures.staff(fixtures.organisation(OrganisationKind.NGO), Role.INTEGRATION), "signals:write");
        String ads = Http.json(Map.of(
                        "id",
                        "log-" + marker,
                        "source",
                        "site-t",
                        "url",
                        "https://example.invalid/" + marker,
                        "text",
                        personal.get("ad text") + " школьница, звони " + personal.get("child's phone")))
                + "\n{\"id\":\"" + personal.get("bad ad") + "\",\n";
        http.post(
                "/api/v1/signals/ads",
                "application/x-ndjson",
                ads.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Fixtures.bearer(monitor));

        Http reporterPages = new Http(port);
        String followCsrf = Http.csrf(reporterPages.get("/follow").body());
        assertThat(reporterPages
                        .postForm("/follow", Map.of("receipt", receipts.get(1), "_csrf", followCsrf))
                        .status())
                .isEqualTo(302);
        reporterPages.get("/follow/case");

        JsonNode cases = http.get("/api/v1/cases", Fixtures.bearer(leadToken)).json();
        assertThat(cases.size()).isGreaterThanOrEqualTo(1);
        for (JsonNode summary : cases) {
            String caseId = summary.get("id").asString();
            assertThat(http.get("/api/v1/cases/" + caseId, Fixtures.bearer(leadToken))
                            .status())
                    .isIn(200, 404);
            http.get("/api/v1/cases/" + caseId + "/messages", Fixtures.bearer(leadToken));
            http.get("/api/v1/cases/" + caseId + "/chronology", Fixtures.bearer(leadToken));
        }
        Http staffPages = new Http(port);
        SignInSteps.password(staffPages, lead.login(), Fixtures.PASSWORD);
        String inbox = staffPages.get("/staff/inbox").body();
        for (JsonNode summary : cases) {
            staffPages.get("/staff/cases/" + summary.get("id").asString());
        }
        assertThat(inbox).isNotEmpty();

        List<String> logs = List.copyOf(captured);
        assertThat(logs).as("log events were captured").isNotEmpty();
        for (String line : logs) {
            for (Map.Entry<String, String> value : personal.entrySet()) {
                assertThat(line)
                        .as("the %s appears in a log line", value.getKey())
                        .doesNotContain(value.getValue());
            }
            assertThat(line).as("a marker appears in a log line").doesNotContain(marker);
            for (String r : receipts) {
                assertThat(line)
                        .as("a receipt appears in a log line")
                        .doesNotContain(r)
                        .doesNotContain(r.replace("-", ""));
            }
        }
        System.out.println("[qorgau] log scan: " + logs.size() + " events checked, no personal data");
    }
}
