package kz.qorgau.server.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.server.casework.SignalEvidence;
import kz.qorgau.server.casework.SignalEvidenceTexts;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Ad and school matches are said on the case page in the reader's language, from what they store. */
class AdAndSchoolEvidenceTextsTest {

    private static final Locale KAZAKH = Locale.forLanguageTag("kk");
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final ResourceBundleMessageSource messages = messages();
    private final AdAndSchoolEvidenceTexts config = new AdAndSchoolEvidenceTexts();
    private final SignalEvidenceTexts ads = config.adEvidenceTexts(messages);
    private final SignalEvidenceTexts school = config.schoolEvidenceTexts(messages);

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/signals");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /** An ad's match as {@code AdIngestion} stores it on the timeline. */
    private static Map<String, Object> adMatch(boolean flagged, String... kinds) {
        List<AdIngestion.MatchedIdentifier> found = new java.util.ArrayList<>();
        for (String kind : kinds) {
            found.add(new AdIngestion.MatchedIdentifier(
                    kind, "+77054445566", "звони 8 705 444 55 66", kind.equals("nickname")));
        }
        Map<String, Object> detail = new LinkedHashMap<>(AdIngestion.evidence(
                "r1",
                "site-t",
                "https://example.invalid/r1",
                "2026-03-01T20:00+05:00",
                "Qyzylorda",
                "C-1",
                UUID.randomUUID(),
                found,
                Map.of(
                        "score",
                        0.91,
                        "flag",
                        flagged,
                        "reasons",
                        List.of(Map.of("rule", "stated-age", "weight", 0.6, "evidence", "age 16 stated")))));
        detail.put("source", "ads");
        detail.put("summary", AdIngestion.summary(new java.util.TreeSet<>(List.of(kinds)), flagged));
        return detail;
    }

    @Test
    void anAdsMatchIsSummarisedAndLabelledInTheReadersLanguage() {
        Map<String, Object> detail = adMatch(true, "phone");

        assertThat(ads.summary(detail, RUSSIAN))
                .isEqualTo("Проверка объявлений: в объявлении есть записанное в этом деле — номер телефона."
                        + " Объявление отмечено как указывающее на несовершеннолетнюю."
                        + " Проверьте доказательства; одно совпадение никого не устанавливает.");
        assertThat(ads.summary(detail, Locale.ENGLISH))
                .startsWith("Online ad screening: an ad shows this case's phone number.");
        assertThat(ads.lines(detail, KAZAKH))
                .contains(
                        new SignalEvidence.Line("Сайт", "site-t"),
                        new SignalEvidence.Line("Телефон нөмірі", "+77054445566 — «звони 8 705 444 55 66»"),
                        new SignalEvidence.Line("Кәмелетке толмағанды меңзейді", "иә"))
                .extracting(SignalEvidence.Line::label)
                .doesNotContain("ad › url", "matched 1 › kind", "note");
    }

    @Test
    void aNicknameAloneIsSaidToBeWeakEvidence() {
        Map<String, Object> detail = adMatch(false, "nickname");

        assertThat(ads.summary(detail, RUSSIAN))
                .contains("Слабое доказательство")
                .doesNotContain("несовершеннолетнюю");
        assertThat(ads.summary(detail, Locale.ENGLISH)).contains("(Weak evidence: a name can be common.)");
    }

    @Test
    void aSchoolSignalIsSaidFromItsFigures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("summary", "Unexcused absence rose from 1 of 40 school days …");
        figures.put("changeDate", "2026-03-02");
        figures.put("firstDay", "2026-01-12");
        figures.put("lastDay", "2026-04-10");
        figures.put("daysBefore", 40);
        figures.put("absentDaysBefore", 1);
        figures.put("rateBefore", 0.025);
        figures.put("daysAfter", 30);
        figures.put("absentDaysAfter", 12);
        figures.put("rateAfter", 0.4);
        figures.put("unexcusedLessonsAfter", 57);
        figures.put("classRateAfter", 0.04);
        Map<String, Object> signal =
                Map.of("kind", "absence-rise", "strength", 0.9, "contribution", 0.5, "evidence", figures);
        Map<String, Object> detail = new LinkedHashMap<>(SchoolIngestion.caseEvidence(
                "SCH-1",
                LocalDate.of(2026, 4, 10),
                Map.of("student", "S-17", "class", "9B", "score", 0.83, "signals", List.of(signal))));
        detail.put("source", "school");

        assertThat(school.summary(detail, RUSSIAN))
                .startsWith("Школьное раннее предупреждение")
                .contains("0.83")
                .contains("Рост пропусков без уважительной причины");
        assertThat(school.lines(detail, RUSSIAN))
                .contains(new SignalEvidence.Line("Школа", "SCH-1"), new SignalEvidence.Line("Класс", "9B"))
                .anySatisfy(line -> assertThat(line.value()).startsWith("Пропуски без уважительной причины выросли"));
    }
}
