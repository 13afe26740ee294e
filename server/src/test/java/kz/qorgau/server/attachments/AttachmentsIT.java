package kz.qorgau.server.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.intake.Reports;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Attachments end to end: on the form and through the API, refused without a trace, kept sealed with a
 * viewing copy, downloaded by those allowed and recorded in the ledger.
 */
@QorgauIntegrationTest
@TestPropertySource(
        properties = {
            // the multipart settings docs/data-protection.md asks for: above the application's own limit,
            // and parts kept in memory so that no upload touches the disk in clear
            "spring.servlet.multipart.max-file-size=12MB",
            "spring.servlet.multipart.max-request-size=55MB",
            "spring.servlet.multipart.file-size-threshold=12MB"
        })
class AttachmentsIT {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");
    private static final Pattern RECEIPT = Pattern.compile("id=\"receipt\"[^>]*>([^<]+)<");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Reports reports;

    private final String marker = "QMARK" + UUID.randomUUID().toString().replace("-", "");

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private long ledger(String type) {
        return count("select count(*) from ledger_entries where entry_type = ?", type);
    }

    private Multipart reportForm(Http http, String narrative) {
        String page = http.get("/report").body();
        Matcher token = FORM_TOKEN.matcher(page);
        assertThat(token.find()).as("form token on the page").isTrue();
        return new Multipart()
                .field("_csrf", Http.csrf(page))
                .field("formToken", token.group(1))
                .field("categories", "neglect")
                .field("narrative", narrative)
                .field("anonymous", "true");
    }

    private String fileReport(Organisation school) {
        Http.Response filed = new Http(port)
                .postJson(
                        "/api/v1/reports",
                        Http.json(Map.of(
                                "categories",
                                List.of("physical-abuse"),
                                "narrative",
                                "Синяки на руках, боится идти домой.",
                                "school",
                                "школа №" + school.schoolNumber(),
                                "city",
                                school.city())));
        assertThat(filed.status()).isEqualTo(201);
        return filed.json().get("receipt").asString();
    }

    private Http.Response attach(String receipt, Multipart files) {
        return new Http(port)
                .post("/api/v1/reporter/attachments", files.contentType(), files.bytes(), "X-Receipt", receipt);
    }

    @Test
    void aReportFiledThroughTheFormKeepsItsFilesSealedWithAViewingCopy() {
        Http http = new Http(port);
        byte[] photo = Samples.withExif(Samples.jpeg(64, 48), 1, marker);
        Multipart form = reportForm(http, "Он показал мне фотографии.")
                .file("attachments", "photo-" + marker + ".jpg", "image/jpeg", photo)
                .file("attachments", "letter.pdf", "application/pdf", Samples.pdf(marker));
        long added = ledger("attachment.added");

        Http.Response response = http.post("/report", form.contentType(), form.bytes());

        assertThat(response.status()).isEqualTo(200);
        Matcher receipt = RECEIPT.matcher(response.body());
        assertThat(receipt.find()).as("the receipt page").isTrue();
        UUID reportId = reports.byReceipt(receipt.group(1).trim()).orElseThrow().id();
        assertThat(count("select count(*) from attachment where report_id = ?", reportId))
                .isEqualTo(2);
        assertThat(count(
                        "select count(*) from attachment_content c join attachment a on a.id = c.attachment_id"
                                + " where a.report_id = ? and c.variant = 'VIEWING'",
                        reportId))
                .isEqualTo(2);
        List<byte[]> stored = jdbc.sql("select c.sealed from attachment_content c join attachment a on a.id ="
                        + " c.attachment_id where a.report_id = ?")
                .param(reportId)
                .query((rs, n) -> rs.getBytes(1))
                .list();
        assertThat(stored)
                .hasSize(4)
                .allSatisfy(bytes -> assertThat(Samples.contains(bytes, marker)).isFalse());
        assertThat(ledger("attachment.added")).isEqualTo(added + 2);
    }

    @Test
    void aRefusedFileOnTheFormFilesNothingAndSaysWhyBesideTheField() {
        Http http = new Http(port);
        long reportsBefore = count("select count(*) from report");
        long attachmentsBefore = count("select count(*) from attachment");
        Multipart form = reportForm(http, "Текст сообщения " + marker)
                .file(
                        "attachments",
                        "photo.jpg",
                        "image/jpeg",
                        "<html>not a photo</html>".getBytes(StandardCharsets.UTF_8));

        Http.Response response = http.post("/report", form.contentType(), form.bytes(), "Accept-Language", "en");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .contains("has-error")
                .contains("The file &quot;photo.jpg&quot; is not a photo")
                .contains("Please choose your files again")
                .contains("Текст сообщения " + marker);
        assertThat(count("select count(*) from report")).isEqualTo(reportsBefore);
        assertThat(count("select count(*) from attachment")).isEqualTo(attachmentsBefore);
    }

    @Test
    void theReporterAttachesFilesWithTheReceiptAllOrNothing() {
        String receipt = fileReport(fixtures.school());

        Http.Response first = attach(
                receipt,
                new Multipart()
                        .file("file", "a.png", "application/octet-stream", Samples.png(10, 10))
                        .file("file", "b.mp3", "audio/mpeg", Samples.mp3(marker, 3)));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("attached").asInt()).isEqualTo(2);
        assertThat(first.json().get("added").get(0).get("kind").asString()).isEqualTo("PNG");
        assertThat(first.json().get("added").get(1).get("viewingCopy").asBoolean())
                .isTrue();

        long stored = count("select count(*) from attachment");
        Multipart fourMore = new Multipart();
        for (int i = 0; i < 4; i++) {
            fourMore.file("file", i + ".png", "image/png", Samples.png(4, 4));
        }
        Http.Response tooMany = attach(receipt, fourMore);
        assertProblem(tooMany, 400, "file");
        assertThat(tooMany.json().get("errors").get(0).get("code").asString()).isEqualTo("too-many");

        Http.Response wrongType = attach(
                receipt,
                new Multipart()
                        .file("file", "ok.png", "image/png", Samples.png(4, 4))
                        .file("file", "x.jpg", "image/jpeg", "MZ\u0090\0".getBytes(StandardCharsets.ISO_8859_1)));
        assertProblem(wrongType, 400, "file[1]");
        assertThat(wrongType.json().get("errors").get(0).get("message").asString())
                .isEqualTo("The file \"x.jpg\" is not a photo (JPEG, PNG), a PDF document or a sound recording"
                        + " (MP3, M4A, OGG, WAV, AMR).");

        Http.Response noFiles = attach(receipt, new Multipart().field("note", "x"));
        assertProblem(noFiles, 400, "file");

        Http.Response wrongReceipt = attach(
                "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", new Multipart().file("file", "a.png", "image/png", Samples.png(4, 4)));
        assertProblem(wrongReceipt, 404, null);
        assertThat(count("select count(*) from attachment")).isEqualTo(stored);
    }

    @Test
    void anOversizedFileIsRefusedBesideItsFieldAndAnEnormousOneByTheContainer() {
        String receipt = fileReport(fixtures.school());
        long stored = count("select count(*) from attachment");

        byte[] justOver = Samples.concat(Samples.jpeg(8, 8), new byte[10 * 1024 * 1024]);
        Http.Response tooLarge = attach(receipt, new Multipart().file("file", "big.jpg", "image/jpeg", justOver));
        assertProblem(tooLarge, 400, "file[0]");
        assertThat(tooLarge.json().get("errors").get(0).get("code").asString()).isEqualTo("too-large");

        byte[] enormous = new byte[13 * 1024 * 1024];
        Http.Response refused = attach(receipt, new Multipart().file("file", "huge.jpg", "image/jpeg", enormous));
        assertProblem(refused, 413, null);
        assertThat(count("select count(*) from attachment")).isEqualTo(stored);
    }

    @Test
    void staffWithAccessDownloadTheViewingCopyAndOnlyOversightTheOriginal() {
        Organisation school = fixtures.school();
        StaffMember worker = fixtures.staff(school, Role.CASE_WORKER);
        StaffMember otherSchool = fixtures.staff(fixtures.school(), Role.CASE_WORKER);
        StaffMember oversight = fixtures.staff(fixtures.organisation(OrganisationKind.COMMISSIONER), Role.OVERSIGHT);
        String receipt = fileReport(school);
        byte[] photo = Samples.withExif(Samples.jpeg(40, 30), 1, marker);
        assertThat(attach(
                                receipt,
                                new Multipart()
                                        .file("file", "photo.jpg", "image/jpeg", photo)
                                        .file("file", "voice.ogg", "audio/ogg", ogg()))
                        .status())
                .isEqualTo(201);
        UUID reportId = reports.byReceipt(receipt).orElseThrow().id();
        UUID caseId = await().atMost(Duration.ofSeconds(30))
                .until(() -> reports.caseOf(reportId), java.util.Optional::isPresent)
                .orElseThrow();
        String[] workerToken = Fixtures.bearer(fixtures.token(worker, "cases:read"));
        String[] otherToken = Fixtures.bearer(fixtures.token(otherSchool, "cases:read"));
        String[] oversightToken = Fixtures.bearer(fixtures.token(oversight, "cases:read"));
        Http http = new Http(port);
        String base = "/api/v1/cases/" + caseId + "/attachments";

        JsonNode list = http.get(base, workerToken).json();
        assertThat(list).hasSize(2);
        String photoId = list.get(0).get("id").asString();
        String oggId = list.get(1).get("id").asString();
        assertThat(list.get(0).get("fileName").asString()).isEqualTo("photo.jpg");
        assertThat(list.get(1).get("viewingCopy").asBoolean()).isFalse();

        long viewed = ledger("attachment.viewed");
        long originals = ledger("attachment.original-downloaded");
        Http.Response copy = http.get(base + "/" + photoId, workerToken);
        assertThat(copy.status()).isEqualTo(200);
        assertThat(copy.contentType()).isEqualTo("image/jpeg");
        assertThat(copy.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(copy.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(copy.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        byte[] copyBytes = copy.body().getBytes(StandardCharsets.ISO_8859_1);
        assertThat(copy.body()).doesNotContain(marker).doesNotContain("Exif");
        assertThat(copyBytes.length).isPositive();
        assertThat(ledger("attachment.viewed")).isEqualTo(viewed + 1);

        assertProblem(http.get(base + "/" + oggId, workerToken), 409, null);
        assertProblem(http.get(base + "/" + photoId + "/original", workerToken), 403, null);
        assertThat(ledger("attachment.original-downloaded")).isEqualTo(originals);

        Http.Response original = http.get(base + "/" + photoId + "/original", oversightToken);
        assertThat(original.status()).isEqualTo(200);
        assertThat(original.body()).contains(marker);
        assertThat(ledger("attachment.original-downloaded")).isEqualTo(originals + 1);

        assertProblem(http.get(base, otherToken), 404, null);
        assertProblem(http.get(base + "/" + photoId, otherToken), 404, null);
        assertProblem(
                http.get("/api/v1/cases/" + UUID.randomUUID() + "/attachments/" + photoId, workerToken), 404, null);
    }

    @Test
    void aReporterMessageCarriesFilesAllOrNothingAndStaffFindThemOnTheCase() {
        Organisation school = fixtures.school();
        StaffMember worker = fixtures.staff(school, Role.CASE_WORKER);
        String receipt = fileReport(school);
        UUID reportId = reports.byReceipt(receipt).orElseThrow().id();
        UUID caseId = await().atMost(Duration.ofSeconds(30))
                .until(() -> reports.caseOf(reportId), java.util.Optional::isPresent)
                .orElseThrow();
        Http http = new Http(port);
        long messages = count("select count(*) from case_message where case_id = ?", caseId);
        long attachmentsBefore = count("select count(*) from attachment");

        Multipart notAPicture = new Multipart()
                .field("body", "Вот ещё одно фото " + marker)
                .file("file", "photo.jpg", "image/jpeg", "not a picture at all".getBytes(StandardCharsets.UTF_8));
        assertProblem(
                http.post(
                        "/api/v1/reporter/messages",
                        notAPicture.contentType(),
                        notAPicture.bytes(),
                        "X-Receipt",
                        receipt),
                400,
                "file[0]");
        assertThat(count("select count(*) from case_message where case_id = ?", caseId))
                .as("a refused file stores no message")
                .isEqualTo(messages);
        assertThat(count("select count(*) from attachment")).isEqualTo(attachmentsBefore);

        long added = ledger("attachment.added");
        byte[] photo = Samples.withExif(Samples.jpeg(40, 30), 1, marker);
        Multipart withPhoto =
                new Multipart().field("body", "Вот ещё одно фото.").file("file", "photo-2.jpg", "image/jpeg", photo);
        Http.Response sent = http.post(
                "/api/v1/reporter/messages", withPhoto.contentType(), withPhoto.bytes(), "X-Receipt", receipt);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().get("files").get(0).asString()).isEqualTo("photo-2.jpg");
        UUID messageId = UUID.fromString(sent.json().get("id").asString());
        assertThat(count("select count(*) from attachment where message_id = ? and case_id = ?", messageId, caseId))
                .isEqualTo(1);
        assertThat(ledger("attachment.added")).isEqualTo(added + 1);

        JsonNode reporterView =
                http.get("/api/v1/reporter/case", "X-Receipt", receipt).json();
        JsonNode last =
                reporterView.get("messages").get(reporterView.get("messages").size() - 1);
        assertThat(last.get("files").get(0).asString()).isEqualTo("photo-2.jpg");

        JsonNode list = http.get(
                        "/api/v1/cases/" + caseId + "/attachments",
                        Fixtures.bearer(fixtures.token(worker, "cases:read")))
                .json();
        assertThat(list)
                .anySatisfy(a -> assertThat(a.get("messageId").asString()).isEqualTo(messageId.toString()));
    }

    @Test
    void theReporterPageSendsAMessageWithAFileAndSaysWhyAFileIsRefused() {
        Organisation school = fixtures.school();
        String receipt = fileReport(school);
        UUID reportId = reports.byReceipt(receipt).orElseThrow().id();
        UUID caseId = await().atMost(Duration.ofSeconds(30))
                .until(() -> reports.caseOf(reportId), java.util.Optional::isPresent)
                .orElseThrow();
        Http http = new Http(port);
        String enter = http.get("/follow").body();
        assertThat(http.postForm("/follow", Map.of("_csrf", Http.csrf(enter), "receipt", receipt))
                        .status())
                .isEqualTo(302);
        String page = http.get("/follow/case").body();
        assertThat(page).contains("enctype=\"multipart/form-data\"").contains("name=\"attachments\"");
        long messages = count("select count(*) from case_message where case_id = ?", caseId);

        Multipart refused = new Multipart()
                .field("_csrf", Http.csrf(page))
                .field("body", "Текст " + marker)
                .file("attachments", "notes.pdf", "application/pdf", "plain text".getBytes(StandardCharsets.UTF_8));
        Http.Response answer = http.post("/follow/messages", refused.contentType(), refused.bytes());
        assertThat(answer.status()).isEqualTo(302);
        String afterRefusal = http.get("/follow/case").body();
        assertThat(afterRefusal).contains("id=\"attachment-errors\"").contains("notes.pdf");
        assertThat(count("select count(*) from case_message where case_id = ?", caseId))
                .isEqualTo(messages);

        Multipart accepted = new Multipart()
                .field("_csrf", Http.csrf(afterRefusal))
                .field("body", "Справка из больницы.")
                .file("attachments", "spravka.pdf", "application/pdf", Samples.pdf(marker));
        assertThat(http.post("/follow/messages", accepted.contentType(), accepted.bytes())
                        .status())
                .isEqualTo(302);
        String afterSending = http.get("/follow/case").body();
        assertThat(afterSending).contains("spravka.pdf").doesNotContain("id=\"attachment-errors\"");
        assertThat(count("select count(*) from case_message where case_id = ?", caseId))
                .isEqualTo(messages + 1);
        assertThat(count(
                        "select count(*) from attachment a join case_message m on m.id = a.message_id"
                                + " where m.case_id = ?",
                        caseId))
                .isEqualTo(1);
    }

    /** An OGG stream of two empty pages: accepted as evidence, without a listening copy. */
    private static byte[] ogg() {
        byte[] page = new byte[28];
        System.arraycopy("OggS".getBytes(StandardCharsets.US_ASCII), 0, page, 0, 4);
        page[26] = 1; // one segment
        page[27] = 0; // of length 0
        return Samples.concat(page, page);
    }

    private static void assertProblem(Http.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("field").asString()).isEqualTo(field);
        }
    }
}
