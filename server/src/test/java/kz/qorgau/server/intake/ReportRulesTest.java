package kz.qorgau.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReportRulesTest {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private static ReportDraft draft(String narrative, List<String> categories) {
        return new ReportDraft(
                null,
                "16",
                null,
                "Школа № 1",
                "Кызылорда",
                categories,
                narrative,
                null,
                "parent",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "ru");
    }

    private static List<String> fields(ReportRules.Checked checked) {
        assertThat(checked).isInstanceOf(ReportRules.Invalid.class);
        return ((ReportRules.Invalid) checked)
                .violations().stream().map(ReportRules.Violation::field).toList();
    }

    @Test
    void aCompleteReportIsValidAndAnonymousByDefault() {
        ReportRules.Checked checked = ReportRules.check(
                draft("  Она не ночует дома.  ", List.of("sexual-exploitation")), Channel.WEB, RU, TODAY);
        assertThat(checked).isInstanceOf(ReportRules.Valid.class);
        NewReport report = ((ReportRules.Valid) checked).report();
        assertThat(report.narrative()).isEqualTo("Она не ночует дома.");
        assertThat(report.anonymous()).isTrue();
        assertThat(report.childAge()).isEqualTo(16);
        assertThat(report.categories()).containsExactly(Category.SEXUAL_EXPLOITATION);
        assertThat(report.relation()).isEqualTo(ReporterRelation.PARENT);
        assertThat(report.language()).isEqualTo(RU);
    }

    @Test
    void anEmptyNarrativeIsRefused() {
        assertThat(fields(ReportRules.check(draft("   \n ", List.of("neglect")), Channel.API, RU, TODAY)))
                .containsExactly("narrative");
    }

    @Test
    void aNarrativeOverTwentyThousandCharactersIsRefused() {
        String longest = "а".repeat(ReportRules.MAX_NARRATIVE);
        assertThat(ReportRules.check(draft(longest, List.of("neglect")), Channel.API, RU, TODAY))
                .isInstanceOf(ReportRules.Valid.class);
        assertThat(fields(ReportRules.check(draft(longest + "б", List.of("neglect")), Channel.API, RU, TODAY)))
                .containsExactly("narrative");
    }

    @Test
    void anUnknownCategoryAndNoCategoryAreRefused() {
        assertThat(fields(ReportRules.check(draft("x", List.of("witchcraft")), Channel.API, RU, TODAY)))
                .containsExactly("categories");
        assertThat(fields(ReportRules.check(draft("x", List.of()), Channel.API, RU, TODAY)))
                .containsExactly("categories");
    }

    @Test
    void categoriesAreAcceptedAsCodesOrEnumNames() {
        ReportRules.Checked checked =
                ReportRules.check(draft("x", List.of("MISSING_FROM_HOME", "online-harm")), Channel.API, RU, TODAY);
        assertThat(((ReportRules.Valid) checked).report().categories())
                .containsExactlyInAnyOrder(Category.MISSING_FROM_HOME, Category.ONLINE_HARM);
    }

    @Test
    void anAdultAgeOrAWordForAnAgeIsRefused() {
        ReportDraft adult = new ReportDraft(
                null,
                "19",
                null,
                null,
                null,
                List.of("neglect"),
                "x",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        ReportDraft word = new ReportDraft(
                null,
                "sixteen",
                null,
                null,
                null,
                List.of("neglect"),
                "x",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(fields(ReportRules.check(adult, Channel.API, RU, TODAY))).containsExactly("childAge");
        assertThat(fields(ReportRules.check(word, Channel.API, RU, TODAY))).containsExactly("childAge");
    }

    @Test
    void aNameOverTwoHundredCharactersIsRefused() {
        ReportDraft longName = new ReportDraft(
                "я".repeat(201),
                null,
                null,
                null,
                null,
                List.of("neglect"),
                "x",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(fields(ReportRules.check(longName, Channel.API, RU, TODAY))).containsExactly("childName");
    }

    @Test
    void aNameGivenWhileAnonymousIsRefusedSoThatNobodyIsNamedByMistake() {
        ReportDraft named = new ReportDraft(
                null,
                null,
                null,
                null,
                null,
                List.of("neglect"),
                "x",
                null,
                null,
                true,
                "Гүлнар",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(fields(ReportRules.check(named, Channel.API, RU, TODAY))).containsExactly("reporterName");
    }

    @Test
    void namingWhoRefusedOrThreatenedSetsTheFlags() {
        ReportDraft pressured = new ReportDraft(
                null,
                null,
                null,
                null,
                null,
                List.of("neglect"),
                "x",
                null,
                null,
                null,
                null,
                null,
                null,
                "Инспекция ПДН",
                null,
                "инспектор",
                null,
                null,
                null);
        NewReport report = ((ReportRules.Valid) ReportRules.check(pressured, Channel.API, RU, TODAY)).report();
        assertThat(report.institutionRefused()).isTrue();
        assertThat(report.threatened()).isTrue();
    }

    @Test
    void controlCharactersAreRemovedButLineBreaksKept() {
        assertThat(ReportRules.clean("a\u0000b\u0007c\r\nd")).isEqualTo("abc\nd");
    }
}
