package kz.qorgau.server.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
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
import tools.jackson.databind.JsonNode;

/**
 * Reports about the same child made to different bodies are proposed as one case — across Cyrillic and
 * Latin spellings — and a person confirms it; then each case shows "reported N times to M bodies since
 * DATE" over both. A different child is not proposed.
 */
@QorgauIntegrationTest
class CaseLinksIT {

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    private String file(Http http, String name, int age, Fixtures.Region region, String category) {
        Http.Response filed = http.postJson(
                "/api/v1/reports",
                Http.json(Map.of(
                        "childName",
                        name,
                        "childAge",
                        age,
                        "school",
                        "Школа № " + region.school().schoolNumber(),
                        "city",
                        region.city(),
                        "categories",
                        List.of(category),
                        "narrative",
                        "Report about " + name)));
        assertThat(filed.status()).isEqualTo(201);
        return filed.json().get("reference").asString();
    }

    private JsonNode caseWithReport(Http http, String token, String reportReference) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            for (JsonNode summary : http.get("/api/v1/cases", Fixtures.bearer(token))
                                    .json()) {
                                JsonNode file = http.get(
                                                "/api/v1/cases/"
                                                        + summary.get("id").asString(),
                                                Fixtures.bearer(token))
                                        .json();
                                for (JsonNode report : file.get("reports")) {
                                    if (report.get("reference").asString().equals(reportReference)) {
                                        return file;
                                    }
                                }
                            }
                            return null;
                        },
                        java.util.Objects::nonNull);
    }

    /** Links are proposed after the case's opening committed, so they appear a moment later. */
    private JsonNode withLinks(Http http, String token, JsonNode caseFile) {
        String id = caseFile.get("id").asString();
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get("/api/v1/cases/" + id, Fixtures.bearer(token))
                                .json(),
                        file -> !file.get("links").isEmpty());
    }

    @Test
    void theSameChildSpelledInTwoScriptsIsProposedAndConfirmed() {
        Http http = new Http(port);
        Fixtures.Region region = fixtures.region();
        String oversight = fixtures.token(
                fixtures.staff(region.commissioner(), Role.OVERSIGHT), "cases:read", "cases:write", "oversight:read");
        String first = file(http, "Айдана Сейітқызы", 16, region, "other");
        String second = file(http, "Aidana Seitkyzy", 16, region, "missing-from-home");
        String unrelated = file(http, "Ерлан Бекұлы", 9, region, "bullying");

        JsonNode secondCase = withLinks(http, oversight, caseWithReport(http, oversight, second));
        JsonNode firstCase = caseWithReport(http, oversight, first);
        JsonNode unrelatedCase = caseWithReport(http, oversight, unrelated);
        List<JsonNode> links = new ArrayList<>();
        secondCase.get("links").forEach(links::add);
        assertThat(links).hasSize(1);
        JsonNode link = links.getFirst();
        assertThat(link.get("state").asString()).isEqualTo("proposed");
        assertThat(jdbc.sql("select count(*) from ledger_entries where entry_type = 'link.proposed'")
                        .query(Long.class)
                        .single())
                .as("a proposal is recorded in the ledger with the link")
                .isPositive();
        assertThat(link.get("otherCase").asString())
                .isEqualTo(firstCase.get("id").asString());
        assertThat(link.get("reasons").toString()).contains("same-name", "same-school", "same-age");
        assertThat(unrelatedCase.get("links")).isEmpty();

        Http.Response confirmed = http.postJson(
                "/api/v1/cases/" + secondCase.get("id").asString() + "/links/"
                        + link.get("id").asString() + "/confirm",
                "{}",
                Fixtures.bearer(oversight));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(http.postJson(
                                "/api/v1/cases/" + secondCase.get("id").asString() + "/links/"
                                        + link.get("id").asString() + "/reject",
                                "{}",
                                Fixtures.bearer(oversight))
                        .status())
                .isEqualTo(409);

        for (JsonNode before : List.of(firstCase, secondCase)) {
            JsonNode after = http.get("/api/v1/cases/" + before.get("id").asString(), Fixtures.bearer(oversight))
                    .json();
            assertThat(after.get("reportedTimes").asInt()).isEqualTo(2);
            assertThat(after.get("linkedCases").asInt()).isEqualTo(2);
            assertThat(after.get("firstContactAt").asString())
                    .isEqualTo(firstCase.get("firstContactAt").asString());
        }
    }

    @Test
    void aCaseWorkerWhoCannotSeeBothCasesCannotDecide() {
        Http http = new Http(port);
        Fixtures.Region region = fixtures.region();
        String oversight = fixtures.token(fixtures.staff(region.commissioner(), Role.OVERSIGHT), "cases:read");
        String school = fixtures.token(fixtures.staff(region.school(), Role.CASE_WORKER), "cases:read", "cases:write");
        file(http, "Малика", 15, region, "other");
        String second = file(http, "Malika", 15, region, "other");
        JsonNode secondCase = withLinks(http, oversight, caseWithReport(http, oversight, second));
        JsonNode link = secondCase.get("links").get(0);
        // The school sees both cases here (both name it), so it may decide; a school elsewhere may not.
        String elsewhere = fixtures.token(fixtures.staff(fixtures.school(), Role.CASE_WORKER), "cases:write");
        assertThat(http.postJson(
                                "/api/v1/cases/" + secondCase.get("id").asString() + "/links/"
                                        + link.get("id").asString() + "/confirm",
                                "{}",
                                Fixtures.bearer(elsewhere))
                        .status())
                .isEqualTo(404);
        assertThat(http.postJson(
                                "/api/v1/cases/" + secondCase.get("id").asString() + "/links/"
                                        + link.get("id").asString() + "/confirm",
                                "{}",
                                Fixtures.bearer(school))
                        .status())
                .isEqualTo(200);
    }
}
