package kz.qorgau.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The web form without JavaScript: errors beside the field, the receipt once, one report per form. */
@QorgauIntegrationTest
class ReportFormIT {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private long reports() {
        return jdbc.sql("select count(*) from report").query(Long.class).single();
    }

    private static Map<String, String> fields(String page) {
        Matcher token = FORM_TOKEN.matcher(page);
        assertThat(token.find()).as("form token in the page").isTrue();
        Map<String, String> fields = new HashMap<>();
        fields.put("_csrf", Http.csrf(page));
        fields.put("formToken", token.group(1));
        fields.put("categories", "bullying");
        fields.put("reporterRelation", "parent");
        fields.put("anonymous", "true");
        return fields;
    }

    @Test
    void theFormIsServedInTheBrowsersLanguageWithAQuickExit() {
        Http.Response ru = new Http(port).get("/", "Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5");
        assertThat(ru.status()).isEqualTo(200);
        assertThat(ru.body()).contains("lang=\"ru\"", "Сообщить о беспокойстве за ребёнка", "id=\"quick-exit\"");
        Http.Response kk = new Http(port).get("/report", "Accept-Language", "kk");
        assertThat(kk.body()).contains("lang=\"kk\"", "Бала үшін алаңдаушылық туралы хабарлау");
        Http.Response fallback = new Http(port).get("/", "Accept-Language", "de");
        assertThat(fallback.body()).contains("lang=\"ru\"");
    }

    @Test
    void theLanguageSwitchChangesThePage() {
        Http http = new Http(port);
        assertThat(http.get("/?lang=en", "Accept-Language", "ru").body()).contains("Report a concern about a child");
        assertThat(http.get("/", "Accept-Language", "ru").body()).contains("lang=\"en\"");
    }

    @Test
    void anEmptyNarrativeIsShownBesideTheFieldAndNothingIsStored() {
        Http http = new Http(port);
        String page = http.get("/", "Accept-Language", "ru").body();
        long before = reports();
        Map<String, String> form = fields(page);
        form.put("narrative", "   ");
        form.put("childName", "я".repeat(201));

        Http.Response response = http.postForm("/report", form, "Accept-Language", "ru");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .contains("Пожалуйста, заполните это поле.")
                .contains("Пожалуйста, сократите до 200 символов.")
                .containsPattern("(?s)name=\"narrative\".*?class=\"error\"");
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void aDateOfBirthInTheFutureIsShownBesideTheFieldAndNothingIsStored() {
        Http http = new Http(port);
        String page = http.get("/", "Accept-Language", "ru").body();
        assertThat(page).contains("type=\"date\"", "name=\"childBirthDate\"", "Дата рождения");
        long before = reports();
        Map<String, String> form = fields(page);
        form.put("narrative", "Девочку не пускают в школу.");
        form.put("childBirthDate", ReportRules.today(clock).plusDays(1).toString());

        Http.Response response = http.postForm("/report", form, "Accept-Language", "ru");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .contains("Дата рождения не может быть позже сегодняшнего дня.")
                .containsPattern("(?s)name=\"childBirthDate\".*?class=\"error\"")
                .doesNotContain("id=\"receipt\"");
        assertThat(reports()).isEqualTo(before);

        form.put("childBirthDate", "30.02.2012");
        assertThat(http.postForm("/report", form, "Accept-Language", "kk").body())
                .contains("Нақты күнді көрсетіңіз");
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void aValidReportShowsTheReceiptOnceAndTheSameFormTwiceMakesOneReport() {
        Http http = new Http(port);
        String page = http.get("/", "Accept-Language", "ru").body();
        long before = reports();
        Map<String, String> form = fields(page);
        form.put("narrative", "Мальчика бьют в раздевалке.");

        Http.Response first = http.postForm("/report", form, "Accept-Language", "ru");
        Http.Response second = http.postForm("/report", form, "Accept-Language", "ru");

        assertThat(first.body())
                .contains("Ваше сообщение получено")
                .containsPattern("id=\"receipt\"[^>]*>[0-9A-Z]{4}(-[0-9A-Z]{4}){5}<");
        assertThat(second.body()).contains("Это сообщение уже получено").doesNotContain("id=\"receipt\"");
        assertThat(reports()).isEqualTo(before + 1);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        Http http = new Http(port);
        Map<String, String> form = fields(http.get("/").body());
        form.remove("_csrf");
        form.put("narrative", "x");
        long before = reports();
        assertThat(http.postForm("/report", form).status()).isEqualTo(403);
        assertThat(reports()).isEqualTo(before);
    }
}
