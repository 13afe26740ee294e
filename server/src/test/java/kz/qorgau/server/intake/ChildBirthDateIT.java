package kz.qorgau.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A child's date of birth given through the API or the form is stored (sealed) and read back; without
 * an age, the age on the day of filing is derived from it; a given age is kept as given.
 */
@QorgauIntegrationTest
class ChildBirthDateIT {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");
    private static final Pattern RECEIPT = Pattern.compile("id=\"receipt\"[^>]*>([0-9A-Z]{4}(-[0-9A-Z]{4}){5})<");

    @LocalServerPort
    int port;

    @Autowired
    Reports reports;

    @Autowired
    Clock clock;

    @Autowired
    kz.qorgau.server.support.Fixtures fixtures;

    @Test
    void aDateOfBirthWithoutAnAgeGivesTheAgeOnTheDayOfFiling() {
        LocalDate today = ReportRules.today(clock);
        LocalDate born = today.minusYears(9).minusDays(1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("childName", "Дана");
        body.put("childBirthDate", born.toString());
        body.put("categories", List.of("neglect"));
        body.put("narrative", "Её не кормят.");
        Http.Response filed = new Http(port).postJson("/api/v1/reports", Http.json(body));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);

        ReportView report =
                reports.byReceipt(filed.json().get("receipt").asString()).orElseThrow();
        assertThat(report.childBirthDate()).isEqualTo(born);
        assertThat(report.childAge()).isEqualTo(9);

        // The case page shows it to staff who may see the case.
        java.util.UUID caseId = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> reports.caseOf(report.id()), java.util.Optional::isPresent)
                .orElseThrow();
        kz.qorgau.server.directory.StaffMember helpline = fixtures.staff(
                fixtures.organisation(kz.qorgau.server.directory.OrganisationKind.HELPLINE),
                kz.qorgau.server.directory.Role.INTAKE_OFFICER);
        Http staff = new Http(port);
        staff.signIn(helpline.login(), kz.qorgau.server.support.Fixtures.PASSWORD);
        assertThat(staff.get("/staff/cases/" + caseId).body())
                .contains("class=\"birth-date\"")
                .contains(born.toString());
    }

    @Test
    void aGivenAgeIsKeptAndTheFormTakesADateAsTyped() {
        Http http = new Http(port);
        String page = http.get("/", "Accept-Language", "ru").body();
        Matcher token = FORM_TOKEN.matcher(page);
        assertThat(token.find()).isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", Http.csrf(page));
        form.put("formToken", token.group(1));
        form.put("categories", "bullying");
        form.put("narrative", "Его бьют старшеклассники.");
        form.put("childAge", "13");
        form.put("childBirthDate", "17.05.2012");

        String received =
                http.postForm("/report", form, "Accept-Language", "ru").body();

        Matcher receipt = RECEIPT.matcher(received);
        assertThat(receipt.find()).as(received).isTrue();
        ReportView report = reports.byReceipt(receipt.group(1)).orElseThrow();
        assertThat(report.childBirthDate()).isEqualTo(LocalDate.of(2012, 5, 17));
        assertThat(report.childAge()).isEqualTo(13);
    }
}
