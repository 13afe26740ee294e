package kz.qorgau.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every kind of bad input to {@code POST /api/v1/reports}: a 4xx problem+json naming the field, nothing stored. */
@QorgauIntegrationTest
class ReportApiBadInputIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private long reportsBefore;

    @BeforeEach
    void countReports() {
        reportsBefore = reports();
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(reports()).as("reports stored by a refused request").isEqualTo(reportsBefore);
    }

    private long reports() {
        return jdbc.sql("select count(*) from report").query(Long.class).single();
    }

    private Http.Response post(Object body) {
        return new Http(port).postJson("/api/v1/reports", Http.json(body));
    }

    private static void assertProblem(Http.Response response, int status, String field) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(response.json().get("field").asString()).isEqualTo(field);
        }
    }

    @Test
    void anEmptyNarrative() {
        Http.Response response = post(Map.of("categories", List.of("neglect"), "narrative", "   "));
        assertProblem(response, 400, "narrative");
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .isEqualTo("Please fill this in.");
    }

    @Test
    void aMissingNarrative() {
        assertProblem(post(Map.of("categories", List.of("neglect"))), 400, "narrative");
    }

    @Test
    void anOversizedNarrative() {
        Http.Response response = post(Map.of("categories", List.of("neglect"), "narrative", "x".repeat(20_001)));
        assertProblem(response, 400, "narrative");
        assertThat(response.json().get("detail").asString()).contains("20000");
    }

    @Test
    void anOversizedName() {
        assertProblem(
                post(Map.of("categories", List.of("neglect"), "narrative", "x", "childName", "x".repeat(201))),
                400,
                "childName");
    }

    @Test
    void anUnknownCategory() {
        Http.Response response = post(Map.of("categories", List.of("neglect", "sorcery"), "narrative", "x"));
        assertProblem(response, 400, "categories");
        assertThat(response.body()).contains("sorcery");
    }

    @Test
    void anAgeOfTheWrongType() {
        assertProblem(
                post(Map.of("categories", List.of("neglect"), "narrative", "x", "childAge", "old")), 400, "childAge");
    }

    @Test
    void aBirthDateThatIsNotADate() {
        Http.Response response =
                post(Map.of("categories", List.of("neglect"), "narrative", "x", "childBirthDate", "2012-02-30"));
        assertProblem(response, 400, "childBirthDate");
        assertThat(response.json().get("errors").get(0).get("code").asString()).isEqualTo("not-a-date");
    }

    @Test
    void aBirthDateInTheFuture() {
        LocalDate tomorrow = ReportRules.today(clock).plusDays(1);
        Http.Response response =
                post(Map.of("categories", List.of("neglect"), "narrative", "x", "childBirthDate", tomorrow.toString()));
        assertProblem(response, 400, "childBirthDate");
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .isEqualTo("The date of birth cannot be later than today.");
    }

    @Test
    void aBirthDateMoreThanTwentyFiveYearsAgo() {
        LocalDate longAgo = ReportRules.today(clock).minusYears(25).minusDays(1);
        Http.Response response =
                post(Map.of("categories", List.of("neglect"), "narrative", "x", "childBirthDate", longAgo.toString()));
        assertProblem(response, 400, "childBirthDate");
        assertThat(response.json().get("detail").asString()).contains("25");
    }

    @Test
    void anUnknownField() {
        assertProblem(
                post(Map.of("categories", List.of("neglect"), "narrative", "x", "narative", "typo")), 400, "narative");
    }

    @Test
    void malformedJson() {
        Http.Response response = new Http(port).postJson("/api/v1/reports", "{\"narrative\": \"x\", ");
        assertProblem(response, 400, null);
        assertThat(response.json().get("title").asString()).isEqualTo("Malformed JSON");
    }

    @Test
    void anEmptyBody() {
        assertProblem(new Http(port).postJson("/api/v1/reports", ""), 400, null);
    }

    @Test
    void aWrongContentType() {
        Http.Response response =
                new Http(port).post("/api/v1/reports", "text/plain", "narrative=x".getBytes(StandardCharsets.UTF_8));
        assertProblem(response, 415, null);
    }

    @Test
    void aBodyOverOneMebibyte() {
        String huge = "{\"categories\":[\"neglect\"],\"narrative\":\"" + "x".repeat(1024 * 1024) + "\"}";
        assertProblem(new Http(port).postJson("/api/v1/reports", huge), 413, "body");
    }

    @Test
    void aBodyOverOneMebibyteWithoutADeclaredLength() {
        String huge = "{\"categories\":[\"neglect\"],\"narrative\":\"" + "x".repeat(1024 * 1024) + "\"}";
        Http.Response response = new Http(port)
                .postStreamed("/api/v1/reports", "application/json", huge.getBytes(StandardCharsets.UTF_8));
        assertProblem(response, 413, "body");
    }

    @Test
    void anOversizedIdempotencyKey() {
        Http.Response response = new Http(port)
                .postJson(
                        "/api/v1/reports",
                        Http.json(Map.of("categories", List.of("neglect"), "narrative", "x")),
                        "Idempotency-Key",
                        "k".repeat(65));
        assertProblem(response, 400, "Idempotency-Key");
    }
}
