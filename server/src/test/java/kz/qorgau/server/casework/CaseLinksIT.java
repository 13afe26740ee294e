package kz.qorgau.server.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Reports about the same child made to different bodies are proposed as one case — across Cyrillic and
 * Latin spellings — and a person confirms it; then each case shows "reported N times to M bodies since
 * DATE" over both. A name spelled a little differently is proposed with the same date of birth; a
 * different child — a different name, or the same name with a different date of birth — is not.
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
        return file(http, name, age, null, region, category);
    }

    private String file(
            Http http,
            String name,
            @Nullable Integer age,
            @Nullable LocalDate born,
            Fixtures.Region region,
            String category) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("childName", name);
        if (age != null) {
            report.put("childAge", age);
        }
        if (born != null) {
            report.put("childBirthDate", born.toString());
        }
        report.put("school", "Школа № " + region.school().schoolNumber());
        report.put("city", region.city());
        report.put("categories", List.of(category));
        report.put("narrative", "Report about " + name);
        Http.Response filed = http.postJson("/api/v1/reports", Http.json(report));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("reference").asString();
    }

    /** A date of birth no other test files: a child of 10 to 14. */
    private static LocalDate someBirthDate() {
        return LocalDate.of(2012, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(4 * 365));
    }

    /**
     * The case's links were proposed: its opening's request to propose was handled (the publication is
     * completed or gone), so an empty list of links means none were proposed, not none yet.
     */
    private JsonNode proposed(Http http, String token, JsonNode caseFile) {
        String id = caseFile.get("id").asString();
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        jdbc.sql("""
                                        select count(*) from event_publication
                                        where event_type like '%CaseIndexed%' and serialized_event like ?
                                        and completion_date is null""").param("%" + id + "%").query(Long.class).single() == 0);
        return http.get("/api/v1/cases/" + id, Fixtures.bearer(token)).json();
    }

    private static List<String> otherCases(JsonNode caseFile) {
        List<String> others = new ArrayList<>();
        caseFile.get("links").forEach(link -> others.add(link.get("otherCase").asString()));
        return others;
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

    @Test
    void aNameSpelledDifferentlyWithTheSameDateOfBirthIsProposed() {
        Http http = new Http(port);
        Fixtures.Region region = fixtures.region();
        String oversight = fixtures.token(fixtures.staff(region.commissioner(), Role.OVERSIGHT), "cases:read");
        LocalDate born = someBirthDate();
        String first = file(http, "Дана Серикова", 12, born, region, "other");
        JsonNode firstCase = caseWithReport(http, oversight, first);
        String second = file(http, "Dina Serikova", null, born, region, "bullying");

        JsonNode secondCase = withLinks(http, oversight, caseWithReport(http, oversight, second));

        assertThat(secondCase.get("links")).hasSize(1);
        JsonNode link = secondCase.get("links").get(0);
        assertThat(link.get("otherCase").asString())
                .isEqualTo(firstCase.get("id").asString());
        assertThat(link.get("reasons").toString())
                .contains("similar-name", "same-birth-date", "same-first-or-last-name")
                .doesNotContain("\"same-name\"");
    }

    @Test
    void theSameNameWithADifferentDateOfBirthIsADifferentChild() {
        Http http = new Http(port);
        Fixtures.Region region = fixtures.region();
        String oversight = fixtures.token(fixtures.staff(region.commissioner(), Role.OVERSIGHT), "cases:read");
        LocalDate born = someBirthDate();
        LocalDate other = born.plusYears(1).plusDays(40);
        String first = file(http, "Әлия Нұрланқызы", 11, born, region, "other");
        JsonNode firstCase = caseWithReport(http, oversight, first);
        // Same name, school, city and (near enough) age: proposed, were it not for the date of birth.
        String second = file(http, "Aliya Nurlankyzy", 11, other, region, "other");
        JsonNode secondCase = proposed(http, oversight, caseWithReport(http, oversight, second));
        String third = file(http, "Aliya Nurlanqyzy", null, born, region, "neglect");
        JsonNode thirdCase = withLinks(http, oversight, caseWithReport(http, oversight, third));

        assertThat(otherCases(thirdCase))
                .as("the same date of birth is linked, the other one is not")
                .containsExactly(firstCase.get("id").asString());
        assertThat(otherCases(proposed(http, oversight, secondCase))).isEmpty();
        assertThat(otherCases(proposed(http, oversight, firstCase)))
                .doesNotContain(secondCase.get("id").asString());
    }

    @Test
    void aSimilarNameAtTheSameSchoolIsNotEnoughWithoutADateOfBirth() {
        Http http = new Http(port);
        Fixtures.Region region = fixtures.region();
        String oversight = fixtures.token(fixtures.staff(region.commissioner(), Role.OVERSIGHT), "cases:read");
        String first = file(http, "Асель", 10, region, "other");
        JsonNode firstCase = caseWithReport(http, oversight, first);
        String second = file(http, "Asil", 10, region, "other");

        JsonNode secondCase = proposed(http, oversight, caseWithReport(http, oversight, second));

        assertThat(otherCases(secondCase)).isEmpty();
        assertThat(otherCases(proposed(http, oversight, firstCase))).isEmpty();
    }
}
