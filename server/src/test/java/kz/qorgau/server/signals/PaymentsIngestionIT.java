package kz.qorgau.server.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Payments through the API: a bank's transaction file with a pass-through account is screened, the
 * alert is stored and matched to the case that recorded the account, the match is on the case's
 * chronology, and the case worker exports a draft suspicious-transaction report as JSON and as a PDF
 * in Russian. Bad rows are named; a file that cannot be read is refused whole; the same file twice
 * stores nothing twice.
 */
@QorgauIntegrationTest
@TestPropertySource(properties = "qorgau.test.isolation=signals-payments")
class PaymentsIngestionIT {

    private static final String VICTIM = "KZ100000000000000001";
    private static final String CONTROLLER = "KZ200000000000000002";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anAlertOnTheChildsAccountReachesTheCaseAndExportsAsADraftReport() throws IOException {
        Http http = new Http(port);
        Fixtures.Region region = fixtures.region();
        kz.qorgau.server.directory.StaffMember worker = fixtures.staff(region.school(), Role.CASE_WORKER);
        String caseWorker = fixtures.token(worker, "cases:read", "cases:write");
        String bank = fixtures.token(
                fixtures.staff(fixtures.organisation(OrganisationKind.NGO), Role.INTEGRATION), "signals:write");
        String caseId = AdsIngestionIT.openCase(http, region, caseWorker);
        assertThat(http.postJson(
                                "/api/v1/cases/" + caseId + "/identifiers",
                                "{\"kind\":\"bank-account\",\"value\":\"KZ10 0000 0000 0000 0001\"}",
                                Fixtures.bearer(caseWorker))
                        .status())
                .isEqualTo(201);

        byte[] csv =
                SignalSamples.passThroughCsv(VICTIM, CONTROLLER, "+77011234567").getBytes(StandardCharsets.UTF_8);
        Http.Response response = http.post("/api/v1/signals/transactions", "text/csv", csv, Fixtures.bearer(bank));
        assertThat(response.status()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("format").asString()).isEqualTo("csv");
        assertThat(result.get("rejectedRows").asLong()).isEqualTo(1);
        assertThat(result.get("rejected").get(0).get("line").asLong()).isEqualTo(5);
        assertThat(result.get("rejected").get(0).get("source").asString()).isEqualTo("transactions");
        assertThat(result.get("matches").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(result.get("casesMatched").asInt()).isEqualTo(1);
        String alert = null;
        for (JsonNode stored : result.get("stored")) {
            if (stored.get("account").asString().equals(VICTIM)) {
                assertThat(stored.get("typology").asString()).isEqualTo("pass-through");
                alert = stored.get("id").asString();
            }
        }
        assertThat(alert).as("an alert on the victim's account").isNotNull();

        JsonNode chronology = http.get("/api/v1/cases/" + caseId + "/chronology", Fixtures.bearer(caseWorker))
                .json();
        boolean onTimeline = false;
        for (JsonNode entry : chronology) {
            if (entry.get("kind").asString().equals("signal.matched")
                    && entry.get("detail").get("source").asString().equals("payments")
                    && entry.get("detail").get("alert").asString().equals(alert)) {
                onTimeline = true;
                assertThat(entry.get("detail").get("rules").size()).isGreaterThanOrEqualTo(2);
            }
        }
        assertThat(onTimeline).isTrue();

        String base = "/api/v1/cases/" + caseId + "/signals/payments/" + alert;
        Http.Response json = http.get(base + "/str.json", Fixtures.bearer(caseWorker));
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        JsonNode draft = json.json();
        assertThat(draft.get("status").asString()).isEqualTo("draft");
        assertThat(draft.get("subject").get("account").asString()).isEqualTo(VICTIM);
        assertThat(draft.get("matchedOnCase").get(0).get("value").asString()).isEqualTo(VICTIM);
        assertThat(draft.get("rules").size()).isGreaterThanOrEqualTo(2);
        assertThat(draft.get("grounds").asString()).contains(VICTIM);

        byte[] pdf = bytes(base + "/str.pdf", caseWorker, "ru-RU");
        assertThat(pdf.length).isGreaterThan(1000);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(VICTIM).contains("Проект сообщения о подозрительной операции");
            // the grounds in Russian too, not only the labels
            assertThat(text.replaceAll("\\s+", " "))
                    .contains("Проверка платежей")
                    .contains("Деньги сразу переводятся дальше")
                    .doesNotContain("Payment screening (rules")
                    // each rule's evidence too, said from its figures
                    .contains("переведено дальше в течение 24 ч.")
                    .doesNotContain("Received ");
        }

        // The case worker's page shows the match with its evidence and links the same drafts.
        Http signedIn = new Http(port);
        signedIn.signIn(worker.login(), Fixtures.PASSWORD);
        String page = signedIn.get("/staff/cases/" + caseId).body();
        String pagePdf = "/staff/cases/" + caseId + "/signals/payments/" + alert + "/str.pdf";
        // The page is in the reader's language (Russian when the browser names none): the summary,
        // the rule names and each rule's evidence, said from its figures, not the stored English.
        assertThat(page)
                .contains("data-kind=\"signal.matched\"")
                .contains("Платёжный скрининг")
                .contains("Деньги сразу переводятся дальше (0.45)")
                .contains("переведено дальше в течение 24 ч.")
                .doesNotContain("Payment screening")
                .doesNotContain("Received ")
                .contains(VICTIM)
                .contains(pagePdf);
        assertThat(signedIn.get("/staff/cases/" + caseId + "?lang=kk").body())
                .contains("Төлем скринингі")
                .contains("сағат ішінде әрі қарай аударылды")
                .doesNotContain("Payment screening")
                .doesNotContain("Received ");
        assertThat(signedIn.get("/staff/cases/" + caseId + "?lang=en").body())
                .contains("Payment screening: a ")
                .contains("Money passes through at once (0.45)")
                .contains("on within 24 hours");
        Http.Response fromPage = signedIn.get(pagePdf);
        assertThat(fromPage.status()).isEqualTo(200);
        assertThat(fromPage.contentType()).isEqualTo("application/pdf");
        assertThat(fromPage.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Http.Response jsonFromPage = signedIn.get(pagePdf.replace(".pdf", ".json"));
        assertThat(jsonFromPage.json().get("subject").get("account").asString()).isEqualTo(VICTIM);
        Http otherSchool = new Http(port);
        otherSchool.signIn(
                fixtures.staff(fixtures.region().school(), Role.CASE_WORKER).login(), Fixtures.PASSWORD);
        assertThat(otherSchool.get(pagePdf).status()).isEqualTo(404);

        // Someone who may not see the case gets nothing, the same as for an alert that does not exist.
        String stranger = fixtures.token(fixtures.staff(fixtures.region().school(), Role.CASE_WORKER), "cases:read");
        assertThat(http.get(base + "/str.json", Fixtures.bearer(stranger)).status())
                .isEqualTo(404);
        assertThat(http.get(
                                "/api/v1/cases/" + caseId + "/signals/payments/" + java.util.UUID.randomUUID()
                                        + "/str.json",
                                Fixtures.bearer(caseWorker))
                        .status())
                .isEqualTo(404);

        // The same file again, as a multipart upload with an accounts file: nothing is stored twice.
        SignalSamples.Multipart upload = new SignalSamples.Multipart()
                .file(
                        "transactions",
                        "statement.csv.gz",
                        "application/gzip",
                        SignalSamples.gzip(new String(csv, StandardCharsets.UTF_8)))
                .file(
                        "accounts",
                        "accounts.csv",
                        "text/csv",
                        ("account,holder_birth_date,holder_phone,opened_at,kind\n" + VICTIM
                                        + ",2010-05-01,+77011234567,2025-01-10,personal\nbroken-row\n")
                                .getBytes(StandardCharsets.UTF_8));
        JsonNode again = http.post(
                        "/api/v1/signals/transactions", upload.contentType(), upload.bytes(), Fixtures.bearer(bank))
                .json();
        assertThat(again.get("alreadyStored").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(again.get("matches").asInt()).isZero();
        assertThat(again.get("rejected").toString()).contains("accounts");
    }

    @Test
    void anAlertStoredBeforeTheAccountWasRecordedReachesTheCaseOnceWhenItIsRecorded() {
        // Tests share one database: these accounts and this phone are used by no other test.
        String victim = "KZ300000000000000003";
        Http http = new Http(port);
        Fixtures.Region region = fixtures.region();
        String caseWorker =
                fixtures.token(fixtures.staff(region.school(), Role.CASE_WORKER), "cases:read", "cases:write");
        String bank = fixtures.token(
                fixtures.staff(fixtures.organisation(OrganisationKind.NGO), Role.INTEGRATION), "signals:write");
        String caseId = AdsIngestionIT.openCase(http, region, caseWorker);

        byte[] csv = SignalSamples.passThroughCsv(victim, "KZ400000000000000004", "+77019876543")
                .getBytes(StandardCharsets.UTF_8);
        Http.Response response = http.post("/api/v1/signals/transactions", "text/csv", csv, Fixtures.bearer(bank));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("matches").asInt()).isZero();
        String alert = null;
        for (JsonNode stored : response.json().get("stored")) {
            if (stored.get("account").asString().equals(victim)) {
                alert = stored.get("id").asString();
            }
        }
        assertThat(alert).as("an alert on the victim's account").isNotNull();
        assertThat(alertEntries(http, caseId, caseWorker, alert)).isEmpty();

        String path = "/api/v1/cases/" + caseId + "/identifiers";
        Http.Response recorded = http.postJson(
                path,
                "{\"kind\":\"bank-account\",\"value\":\"kz30-0000-0000-0000-0003\"}",
                Fixtures.bearer(caseWorker));
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.json().get("matchedStored").asInt()).isGreaterThanOrEqualTo(1);

        List<JsonNode> entries = alertEntries(http, caseId, caseWorker, alert);
        assertThat(entries).hasSize(1);
        JsonNode detail = entries.getFirst().get("detail");
        assertThat(detail.get("summary").asString())
                .startsWith("Payment screening: a pass-through alert")
                .contains("this case's bank account");
        assertThat(detail.get("account").asString()).isEqualTo(victim);
        assertThat(detail.get("typology").asString()).isEqualTo("pass-through");
        assertThat(detail.get("rules").size()).isGreaterThanOrEqualTo(2);
        assertThat(detail.get("rules").get(0).get("evidence").asString()).isNotBlank();
        assertThat(detail.get("window").get("from").asString()).isNotBlank();
        assertThat(detail.get("matched").get(0).get("value").asString()).isEqualTo(victim);
        assertThat(detail.get("matched").get(0).get("as").asString()).isEqualTo("alerted-account");
        int payments = allPaymentEntries(http, caseId, caseWorker);

        // The same account again: nothing more.
        Http.Response again = http.postJson(
                path, "{\"kind\":\"bank-account\",\"value\":\"" + victim + "\"}", Fixtures.bearer(caseWorker));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("matchedStored").asInt()).isZero();
        assertThat(alertEntries(http, caseId, caseWorker, alert)).hasSize(1);
        assertThat(allPaymentEntries(http, caseId, caseWorker)).isEqualTo(payments);
        // The holder's phone, recorded on another case, finds the same alert through the index of what
        // stored alerts involve (not by opening the newest alerts: this alert is indexed).
        Fixtures.Region elsewhere = fixtures.region();
        String otherWorker =
                fixtures.token(fixtures.staff(elsewhere.school(), Role.CASE_WORKER), "cases:read", "cases:write");
        String otherCase = AdsIngestionIT.openCase(http, elsewhere, otherWorker);
        Http.Response phone = http.postJson(
                "/api/v1/cases/" + otherCase + "/identifiers",
                "{\"kind\":\"phone\",\"value\":\"8 701 987 65 43\"}",
                Fixtures.bearer(otherWorker));
        assertThat(phone.status()).as(phone.body()).isEqualTo(201);
        assertThat(phone.json().get("matchedStored").asInt()).isEqualTo(1);
        assertThat(alertEntries(http, otherCase, otherWorker, alert)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from payment_alert_subject where alert_id = ?")
                        .param(java.util.UUID.fromString(alert))
                        .query(Long.class)
                        .single())
                .as("the alert's account, linked accounts and phones are indexed")
                .isGreaterThanOrEqualTo(2);
        // The draft report is available for the alert matched this way too.
        assertThat(http.get(
                                "/api/v1/cases/" + caseId + "/signals/payments/" + alert + "/str.json",
                                Fixtures.bearer(caseWorker))
                        .status())
                .isEqualTo(200);
    }

    private static List<JsonNode> alertEntries(Http http, String caseId, String token, String alert) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode entry : http.get("/api/v1/cases/" + caseId + "/chronology", Fixtures.bearer(token))
                .json()) {
            if (entry.get("kind").asString().equals("signal.matched")
                    && entry.get("detail").get("source").asString().equals("payments")
                    && entry.get("detail").get("alert").asString().equals(alert)) {
                out.add(entry);
            }
        }
        return out;
    }

    private static int allPaymentEntries(Http http, String caseId, String token) {
        int count = 0;
        for (JsonNode entry : http.get("/api/v1/cases/" + caseId + "/chronology", Fixtures.bearer(token))
                .json()) {
            if (entry.get("kind").asString().equals("signal.matched")
                    && entry.get("detail").get("source").asString().equals("payments")) {
                count++;
            }
        }
        return count;
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWholeAndScopesAreChecked() {
        Http http = new Http(port);
        String bank = fixtures.token(
                fixtures.staff(fixtures.organisation(OrganisationKind.NGO), Role.INTEGRATION), "signals:write");
        Http.Response wrongHeader = http.post(
                "/api/v1/signals/transactions",
                "text/csv",
                "when,who,how much\n2026-03-01,a,1\n".getBytes(StandardCharsets.UTF_8),
                Fixtures.bearer(bank));
        assertThat(wrongHeader.status()).isEqualTo(400);
        assertThat(wrongHeader.contentType()).startsWith("application/problem+json");
        assertThat(wrongHeader.json().get("field").asString()).isEqualTo("transactions");
        assertThat(wrongHeader.json().get("line").asLong()).isEqualTo(1);

        Http.Response badXml = http.post(
                "/api/v1/signals/transactions",
                "application/xml",
                "<Document><BkToCstmrStmt><Stmt>".getBytes(StandardCharsets.UTF_8),
                Fixtures.bearer(bank));
        assertThat(badXml.status()).isEqualTo(400);

        Http.Response unknownFormat = http.post(
                "/api/v1/signals/transactions?format=xls",
                "text/csv",
                SignalSamples.TX_HEADER.getBytes(StandardCharsets.UTF_8),
                Fixtures.bearer(bank));
        assertThat(unknownFormat.status()).isEqualTo(400);
        assertThat(unknownFormat.json().get("field").asString()).isEqualTo("format");

        String noScope = fixtures.token(
                fixtures.staff(fixtures.organisation(OrganisationKind.NGO), Role.INTEGRATION), "reports:write");
        assertThat(http.post(
                                "/api/v1/signals/transactions",
                                "text/csv",
                                SignalSamples.TX_HEADER.getBytes(StandardCharsets.UTF_8),
                                Fixtures.bearer(noScope))
                        .status())
                .isEqualTo(403);
    }

    private byte[] bytes(String path, String token, String language) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Accept-Language", language)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
