package kz.qorgau.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.OrganisationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Notice e-mails say the same in Kazakh, Russian and English, with the reference and the link only. */
class MailTextTest {

    private static final UUID CASE = UUID.fromString("7b0c6d0e-3f57-4c55-9a66-1f1b2f7d0a11");
    private static final Organisation SCHOOL = new Organisation(
            "kzo-school-1",
            OrganisationKind.SCHOOL,
            "№1 мектеп",
            "Школа № 1",
            "School No. 1",
            "kzo",
            "Kyzylorda",
            1,
            null,
            null);

    private final MailText text = new MailText(
            List.of(Locale.forLanguageTag("kk"), Locale.forLanguageTag("ru"), Locale.ENGLISH),
            "https://qorgau.example.kz/");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MailTextTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"notify_kk", "notify_ru"})
    void everyKeyIsTranslated(String bundle) throws IOException {
        Properties english = load("notify");
        Properties translated = load(bundle);
        assertThat(translated.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).allMatch(key -> key.startsWith("notify."));
        for (NoticeKind kind : NoticeKind.values()) {
            assertThat(translated.stringPropertyNames())
                    .contains("notify.title." + kind.name(), "notify.body." + kind.name());
        }
    }

    @ParameterizedTest
    @EnumSource(NoticeKind.class)
    void everyKindReadsInAllThreeLanguagesWithReferenceLinkAndOrganisation(NoticeKind kind) {
        MailText.Mail mail = text.compose(kind, "Q-2027-000123", CASE, "acknowledgement overdue", SCHOOL);

        assertThat(mail.subject()).startsWith("[Qorgau] Q-2027-000123: ").doesNotContain("\n");
        assertThat(mail.body())
                .contains("Қазақша", "Русский", "English")
                .contains("https://qorgau.example.kz/staff/cases/" + CASE)
                .contains("№1 мектеп", "Школа № 1", "School No. 1")
                .contains("Толығырақ: acknowledgement overdue", "Подробность: acknowledgement overdue")
                .doesNotContain("{0}", "{1}", "notify.");
        assertThat(mail.body().split("Q-2027-000123", -1)).hasSize(4);
        assertThat(mail.body().indexOf("Қазақша")).isLessThan(mail.body().indexOf("Русский"));
        assertThat(mail.body().indexOf("Русский")).isLessThan(mail.body().indexOf("English"));
    }

    @Test
    void aConfiguredSingleLanguageIsTheOnlyOne() {
        MailText russian = new MailText(List.of(Locale.forLanguageTag("ru")), "http://localhost:8080");
        MailText.Mail mail = russian.compose(NoticeKind.REFERRAL_RECEIVED, "Q-2027-000001", CASE, null, SCHOOL);
        assertThat(mail.subject()).isEqualTo("[Qorgau] Q-2027-000001: Новое направление");
        assertThat(mail.body()).contains("Дело Q-2027-000001").doesNotContain("English", "Қазақша", "Подробность");
        assertThat(russian.caseLink(CASE)).isEqualTo("http://localhost:8080/staff/cases/" + CASE);
    }
}
