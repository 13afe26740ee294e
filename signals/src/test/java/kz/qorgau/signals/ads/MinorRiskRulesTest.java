package kz.qorgau.signals.ads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each rule of the bundled indicator file, in its Russian, Kazakh and English forms. */
class MinorRiskRulesTest {

    private static final String RU = "Компания на вечер, Кызылорда. пиши: 8 777 123 45 67. ";
    private static final String KK = "Кешкі демалыс, Қызылорда. WhatsApp-қа жаз: 8 777 123 45 67. ";
    private static final String EN = "Evening company, Kyzylorda. text me: 8 777 123 45 67. ";

    private static MinorRisk risk(String text) {
        return AdScreener.standard().screen(Ad.of("t", text)).minorRisk();
    }

    private static Reason reason(MinorRisk risk, String rule) {
        return risk.reasons().stream()
                .filter(r -> r.rule().equals(rule))
                .findFirst()
                .orElseThrow(() -> new AssertionError("rule " + rule + " did not fire: " + risk));
    }

    @Nested
    @DisplayName("stated age under 18")
    class StatedAgeUnder18 {
        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Соня. 16 лет. |16 лет",
                    "Камила. мне 17. |мне 17",
                    "Айгерім. 16 жаста. |16 жаста",
                    "Аружан. жасым 15. |жасым 15",
                    "Angel. 16 y.o.. |16 y.o",
                    "Sonya. I am 16. |I am 16"
                })
        void isFlaggedWithTheAgeAsEvidence(String age, String quote) {
            MinorRisk r = risk(age + RU);
            assertThat(r.flag()).isTrue();
            assertThat(reason(r, "stated-age-under-18").evidenceText()).isEqualTo(quote);
            assertThat(r.score()).isGreaterThanOrEqualTo(0.9);
        }

        @Test
        void anAdultAgeIsNotFlagged() {
            MinorRisk r = risk("Лаура. мне 25. " + RU);
            assertThat(r.flag()).isFalse();
            assertThat(r.score()).isZero();
            assertThat(r.context().companionship()).isTrue();
        }
    }

    @Nested
    @DisplayName("school references")
    class SchoolReferences {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Алина. ученица 9 класса. " + RU,
                    "Камила. ещё учусь в школе, 9 класс. " + RU,
                    "Соня. школьница. " + RU,
                    "Соня. шкoльницa. " + RU, // Latin look-alikes
                    "Мадина. оқушы қыз. " + KK,
                    "Ақбота. мектепте оқимын, 9-сынып. " + KK,
                    "Әсел. 11-сынып оқушысы. " + KK,
                    "Laura. still in high school, grade 9. " + EN,
                    "Kamila. grade 10 student. " + EN,
                    "Vika. schoolgirl. " + EN
                })
        void areFlagged(String text) {
            MinorRisk r = risk(text);
            assertThat(r.flag()).as(r.toString()).isTrue();
            assertThat(reason(r, "school-reference").weight()).isEqualTo(0.8);
        }

        @Test
        void aSchoolgirlCostumeInARolePlayListIsNotAStatement() {
            MinorRisk r = risk("Лаура. мне 27. Ролевые игры: школьница, медсестра. " + RU);
            assertThat(r.flag()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Лаура. жасым 27. Рөлдік ойындар: оқушы қыз, медбике. ",
                    "Лаура. жасым 27. Рольдік ойындар: оқушы қыз, медбике. ",
                    "Лаура. 27 жаста. Оқушы қыз костюмі, медбике костюмі. "
                })
        void aKazakhSchoolgirlRoleInARolePlayListIsNotAStatement(String roles) {
            MinorRisk r = risk(roles + KK);
            assertThat(r.context().companionship()).isTrue();
            assertThat(r.flag()).as(r.toString()).isFalse();
            assertThat(r.reasons()).noneMatch(reason -> reason.rule().equals("school-reference"));
        }

        @Test
        void aKazakhPupilStatementBesideARolePlayListIsStillFlagged() {
            // The role-play exception covers "оқушы қыз" only; "I am a pupil" is a statement.
            MinorRisk r = risk("Мадина. оқушымын. Рөлдік ойындар: оқушы қыз. " + KK);
            assertThat(r.flag()).as(r.toString()).isTrue();
            assertThat(reason(r, "school-reference").evidenceText()).isEqualToIgnoringCase("оқушымын");
        }
    }

    @Nested
    @DisplayName("explicit statements of minority")
    class ExplicitMinority {
        @ParameterizedTest
        @ValueSource(strings = {"Несовершеннолетняя. " + RU, "Кәмелетке толмаған. " + KK, "Underage. " + EN})
        void areFlagged(String text) {
            assertThat(reason(risk(text), "explicit-minor").weight()).isGreaterThanOrEqualTo(0.9);
        }
    }

    @Nested
    @DisplayName("the legal edge: 18 with youth terms")
    class LegalEdge {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Карина. молоденькая, 18. " + RU,
                    "Вика. совсем юная, 18 лет. " + RU,
                    "Томирис. жас қыз, 18 жаста. " + KK,
                    "Салтанат. жаңа қыз, 18 жаста. " + KK,
                    "Laura. young and fresh, 18. " + EN
                })
        void isFlaggedForReviewAtTheThreshold(String text) {
            MinorRisk r = risk(text);
            assertThat(r.flag()).isTrue();
            assertThat(reason(r, "stated-age-at-legal-edge").weight()).isEqualTo(0.5);
            assertThat(r.reasons()).extracting(Reason::rule).contains("youth-term");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Айя. только исполнилось 18. " + RU,
                    "Ақбота. жаңа ғана 18 толды. " + KK, // two rows match: "жаңа ғана 18", "18 толды"
                    "Vika. just turned 18. " + EN
                })
        void justTurned18IsFlaggedForReview(String text) {
            MinorRisk r = risk(text);
            assertThat(r.flag()).isTrue();
            assertThat(reason(r, "just-turned-18").weight()).isEqualTo(0.5);
            assertThat(reason(r, "just-turned-18").evidence()).hasSize(1); // overlapping rows, one quote
        }

        @Test
        void eighteenWithoutYouthTermsIsNotASignal() {
            MinorRisk r = risk("Айгерім. 18 жаста. " + KK);
            assertThat(r.flag()).isFalse();
            assertThat(r.reasons()).isEmpty();
        }

        @Test
        void aYouthTermAloneIsWeak() {
            MinorRisk r = risk("Вика. молоденькая, 22. " + RU);
            assertThat(r.flag()).isFalse();
            assertThat(reason(r, "youth-term").weight()).isEqualTo(0.25);
        }
    }

    @Nested
    @DisplayName("emoji codes")
    class EmojiCodes {
        @Test
        void aPublishedCodeAloneIsWeak() {
            MinorRisk r = risk("Дана. 🍒 " + RU);
            assertThat(r.flag()).isFalse();
            assertThat(reason(r, "emoji-code").evidenceText()).isEqualTo("🍒");
        }

        @Test
        void aCodeWithEighteenIsALegalEdgeSignal() {
            MinorRisk r = risk("Дана. 18 жаста 🍭 " + KK);
            assertThat(r.flag()).isTrue();
            assertThat(r.reasons()).extracting(Reason::rule).contains("stated-age-at-legal-edge", "emoji-code");
        }
    }

    @Nested
    @DisplayName("context")
    class Context {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Репетитор по математике для школьников, 5–11 классы. Тел 8 777 123 45 67",
                    "Математикадан репетитор, оқушыларға 5-11 сынып. 8 777 123 45 67",
                    "Math tutor for schoolchildren, grade 5 to grade 11. 8 777 123 45 67",
                    "Продам школьную форму для девочки, 10-11 лет. Тел 8(776)942-60-12",
                    "Қызға арналған мектеп формасы сатылады. 8-777-414-2760"
                })
        void schoolWordsInOrdinaryAdsAreNotScoredButShownAsSuppressed(String text) {
            MinorRisk r = risk(text);
            assertThat(r.context().companionship()).isFalse();
            assertThat(r.score()).isZero();
            assertThat(r.flag()).isFalse();
        }

        @Test
        void suppressedMatchesAreKeptForTheReviewer() {
            MinorRisk r = risk("Репетитор по математике для школьников, 5–11 классы.");
            assertThat(r.suppressed()).extracting(Reason::rule).contains("school-reference");
            assertThat(r.context().evidence()).extracting(Reason::rule).contains("ordinary-ad");
        }

        @Test
        void aStatedAgeAloneWithoutCompanionshipWordsIsNotScored() {
            assertThat(risk("Продаю велосипед, мне 15 лет, 8 777 123 45 67").flag())
                    .isFalse();
        }

        @Test
        void datingAdsCountAsCompanionshipAds() {
            assertThat(risk("Таныстық. Нұрай, 16 жаста. 8 777 123 45 67").flag())
                    .isTrue();
        }
    }

    @Test
    void everyScoreNamesTheIndicatorFileVersion() {
        assertThat(risk(RU).indicatorsVersion())
                .isEqualTo(IndicatorSet.bundled().version());
    }

    @Test
    void scoresCombineAndStayBelowOne() {
        MinorRisk r = risk("Соня. школьница, 15 лет, несовершеннолетняя 🍒. " + RU);
        assertThat(r.score()).isGreaterThan(0.99).isLessThanOrEqualTo(1.0);
        assertThat(r.reasons().get(0).weight())
                .isGreaterThanOrEqualTo(r.reasons().get(r.reasons().size() - 1).weight());
    }
}
