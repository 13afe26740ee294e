package kz.qorgau.server.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A report that says someone who works at an institution is involved in harming the child is a conflict
 * of interest of that institution: the case goes to oversight at once and is hidden from it. Through
 * the API and the web form, on H2 and on PostgreSQL.
 */
@QorgauIntegrationTest
class StaffNamedIT {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    private Http http() {
        return new Http(port);
    }

    private static String report(Fixtures.Region region, String narrative, Map<String, Object> statement) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("childAge", 12);
        body.put("school", "школа №" + region.school().schoolNumber());
        body.put("city", region.city());
        body.put("categories", List.of("physical-abuse"));
        body.put("narrative", narrative);
        body.put("reporterRelation", "parent");
        body.put("language", "ru");
        body.putAll(statement);
        return Http.json(body);
    }

    /** Files a report through the API and waits for its case to be opened. */
    private UUID fileAndAwaitCase(String body) {
        Http.Response filed = http().postJson("/api/v1/reports", body);
        assertThat(filed.status()).isEqualTo(201);
        String reference = filed.json().get("reference").asString();
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> jdbc.sql("select case_id from report where reference = ?")
                                .param(reference)
                                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
                                .single(),
                        Optional::isPresent)
                .get();
    }

    private static List<String> ids(JsonNode cases) {
        List<String> ids = new ArrayList<>();
        cases.forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }

    private static List<JsonNode> referralsTo(JsonNode caseFile, String organisation) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode referral : caseFile.get("referrals")) {
            if (referral.get("organisation").asString().equals(organisation)) {
                found.add(referral);
            }
        }
        return found;
    }

    @Test
    void aReportNamingStaffOfTheSchoolGoesToOversightAndIsHiddenFromTheSchool() {
        Fixtures.Region region = fixtures.region();
        String schoolWorker = fixtures.token(fixtures.staff(region.school(), Role.CASE_WORKER), "cases:read");
        String commissioner =
                fixtures.token(fixtures.staff(region.commissioner(), Role.OVERSIGHT), "cases:read", "oversight:read");
        String schoolText = "школа №" + region.school().schoolNumber();

        // The same report without the statement reaches the school: what follows is the statement's doing.
        UUID plain = fileAndAwaitCase(report(region, "Учитель физкультуры бьёт мальчика.", Map.of()));
        assertThat(http().get("/api/v1/cases/" + plain, Fixtures.bearer(schoolWorker))
                        .status())
                .isEqualTo(200);

        UUID caseId = fileAndAwaitCase(report(
                region,
                "Учитель физкультуры бьёт мальчика, завуч знает.",
                Map.of("staffInvolved", true, "staffOf", schoolText)));

        // (a) The school's case worker does not see the case, neither by id nor in the list.
        assertThat(http().get("/api/v1/cases/" + caseId, Fixtures.bearer(schoolWorker))
                        .status())
                .isEqualTo(404);
        assertThat(ids(http().get("/api/v1/cases", Fixtures.bearer(schoolWorker))
                        .json()))
                .contains(plain.toString())
                .doesNotContain(caseId.toString());

        // (b) Oversight sees it, hidden from the school because of a STAFF_NAMED conflict.
        Http.Response atCommissioner = http().get("/api/v1/cases/" + caseId, Fixtures.bearer(commissioner));
        assertThat(atCommissioner.status()).isEqualTo(200);
        JsonNode file = atCommissioner.json();
        assertThat(file.get("hiddenFrom").toString()).contains(region.school().code());
        assertThat(file.get("reports").get(0).get("staffInvolved").asBoolean()).isTrue();
        assertThat(file.get("reports").get(0).get("staffOf").asString()).isEqualTo(schoolText);
        assertThat(jdbc.sql("select kind from case_conflict where case_id = ? and organisation_code = ?")
                        .params(caseId, region.school().code())
                        .query(String.class)
                        .list())
                .containsExactly("STAFF_NAMED");

        // (c) The case went to oversight: a conflict-of-interest referral to the Commissioner, who is told
        // at once; the school gets no referral and no notice.
        List<JsonNode> toCommissioner = referralsTo(file, region.commissioner().code());
        assertThat(toCommissioner).hasSize(1);
        assertThat(toCommissioner.getFirst().get("basis").asString()).isEqualTo("conflict-of-interest");
        assertThat(referralsTo(file, region.school().code())).isEmpty();
        assertThat(jdbc.sql("select kind from notify_notice where case_id = ? and organisation_code = ?")
                        .params(caseId, region.commissioner().code())
                        .query(String.class)
                        .list())
                .contains("IMMEDIATE_ATTENTION");
        assertThat(jdbc.sql("select count(*) from notify_notice where case_id = ? and organisation_code = ?")
                        .params(caseId, region.school().code())
                        .query(Long.class)
                        .single())
                .isZero();
        List<String> notes = new ArrayList<>();
        http().get("/api/v1/cases/" + caseId + "/chronology", Fixtures.bearer(commissioner))
                .json()
                .forEach(entry -> {
                    if (entry.get("kind").asString().equals("referral.opened")
                            && entry.get("detail").has("note")) {
                        notes.add(entry.get("detail").get("note").asString());
                    }
                });
        assertThat(notes)
                .contains("conflict of interest: staff-named by "
                        + region.school().code());
        assertThat(http().get("/api/v1/oversight/stats", Fixtures.bearer(commissioner))
                        .json()
                        .get("conflictedCases")
                        .toString())
                .contains(caseId.toString())
                .doesNotContain(plain.toString());
    }

    @Test
    void staffOfAnInstitutionThatCannotBeIdentifiedStillSendTheCaseToOversight() {
        Fixtures.Region region = fixtures.region();
        String schoolWorker = fixtures.token(fixtures.staff(region.school(), Role.CASE_WORKER), "cases:read");
        String commissioner =
                fixtures.token(fixtures.staff(region.commissioner(), Role.OVERSIGHT), "cases:read", "oversight:read");

        UUID caseId = fileAndAwaitCase(report(
                region, "Тренер секции бьёт детей.", Map.of("staffInvolved", true, "staffOf", "секция у рынка")));

        JsonNode file = http().get("/api/v1/cases/" + caseId, Fixtures.bearer(commissioner))
                .json();
        List<JsonNode> toCommissioner = referralsTo(file, region.commissioner().code());
        assertThat(toCommissioner).hasSize(1);
        // Nothing could be hidden: the school the report names still gets its referral.
        assertThat(referralsTo(file, region.school().code())).hasSize(1);
        assertThat(http().get("/api/v1/cases/" + caseId, Fixtures.bearer(schoolWorker))
                        .status())
                .isEqualTo(200);
        List<String> notes = new ArrayList<>();
        http().get("/api/v1/cases/" + caseId + "/chronology", Fixtures.bearer(commissioner))
                .json()
                .forEach(entry -> {
                    if (entry.get("kind").asString().equals("referral.opened")
                            && region.commissioner()
                                    .code()
                                    .equals(entry.get("organisation").asString())) {
                        notes.add(entry.get("detail").get("note").asString());
                    }
                });
        assertThat(notes)
                .singleElement()
                .asString()
                .contains("employs staff involved in harming the child")
                .contains("секция у рынка");
    }

    @Test
    void theStatementIsShownToStaffOnTheCasePage() {
        Fixtures.Region region = fixtures.region();
        StaffMember helpline = fixtures.staff(fixtures.organisation(OrganisationKind.HELPLINE), Role.INTAKE_OFFICER);
        UUID caseId = fileAndAwaitCase(
                report(region, "Охранник школы угрожает ребёнку.", Map.of("staffInvolved", true, "staffOf", "охрана")));

        Http page = http();
        page.signIn(helpline.login(), Fixtures.PASSWORD);
        Http.Response shown = page.get("/staff/cases/" + caseId, "Accept-Language", "ru");

        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body())
                .contains("Заявитель сообщает, что к причинению вреда ребёнку причастен работник учреждения: охрана");
    }

    private static Map<String, String> formFields(String page) {
        Matcher token = FORM_TOKEN.matcher(page);
        assertThat(token.find()).as("form token in the page").isTrue();
        Map<String, String> fields = new HashMap<>();
        fields.put("_csrf", Http.csrf(page));
        fields.put("formToken", token.group(1));
        fields.put("categories", "physical-abuse");
        fields.put("reporterRelation", "parent");
        fields.put("anonymous", "true");
        fields.put("narrative", "Учитель бьёт мальчика на переменах.");
        fields.put("staffInvolved", "true");
        return fields;
    }

    private long reports() {
        return jdbc.sql("select count(*) from report").query(Long.class).single();
    }

    @Test
    void theFormAsksAboutStaffInvolvedAndRefusesATooLongAnswerBesideTheField() {
        Http http = http();
        String page = http.get("/report", "Accept-Language", "ru").body();
        assertThat(page)
                .containsPattern("type=\"checkbox\"[^>]*name=\"staffInvolved\"")
                .containsPattern("name=\"staffOf\"[^>]*maxlength=\"200\"|maxlength=\"200\"[^>]*name=\"staffOf\"")
                .contains("К причинению вреда ребёнку причастен работник учреждения")
                .contains("Где он работает?");
        long before = reports();
        Map<String, String> form = formFields(page);
        form.put("staffOf", "ш".repeat(201));

        Http.Response refused = http.postForm("/report", form, "Accept-Language", "ru");

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .containsPattern(
                        "(?s)name=\"staffOf\".{0,2000}?class=\"error\"[^>]*>Пожалуйста, сократите до 200 символов.")
                .doesNotContain("id=\"receipt\"");
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void theFormStoresTheStatementWithTheInstitutionSealed() {
        Http http = http();
        Map<String, String> form =
                formFields(http.get("/report", "Accept-Language", "ru").body());
        String marker = "Гимназия-" + UUID.randomUUID();
        form.put("staffOf", marker);

        Http.Response filed = http.postForm("/report", form, "Accept-Language", "ru");

        assertThat(filed.body()).contains("id=\"receipt\"");
        Map<String, Object> stored = jdbc.sql("select staff_involved, staff_of_sealed from report where form_token = ?")
                .param(form.get("formToken"))
                .query()
                .singleRow();
        assertThat(stored.get("staff_involved")).isEqualTo(true);
        byte[] sealed = (byte[]) stored.get("staff_of_sealed");
        assertThat(sealed).isNotNull();
        assertThat(new String(sealed, StandardCharsets.UTF_8)).doesNotContain(marker);
    }
}
