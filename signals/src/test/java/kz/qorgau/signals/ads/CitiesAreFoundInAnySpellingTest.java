package kz.qorgau.signals.ads;

import static org.assertj.core.api.Assertions.assertThat;

import kz.qorgau.signals.text.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled city gazetteer: Russian, Kazakh and Latin spellings of a city are one city. */
class CitiesAreFoundInAnySpellingTest {

    private final CityGazetteer cities = CityGazetteer.bundled();

    @ParameterizedTest
    @ValueSource(strings = {"Кызылорда", "Қызылорда", "Kyzylorda", "Qyzylorda", "КЫЗЫЛОРДА", "kyzylorda"})
    void everySpellingOfKyzylordaIsTheSameCity(String spelling) {
        assertThat(cities.canonical(spelling)).isEqualTo("Qyzylorda");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Скрасим вечер, апартаменты рядом с вокзалом, Кызылорда. Звони.",
                "Кешкі демалыс, Қызылорда қаласы, хабарлас.",
                "Evening company in Kyzylorda, text me."
            })
    void aCityNamedInAnAdsTextIsFound(String text) {
        assertThat(cities.mentioned(TextNormalizer.standard().normalize(text))).containsExactly("Qyzylorda");
    }

    @Test
    void aScreenedAdWithoutADeclaredCityGetsTheCityItsTextNames() {
        ScreenedAd ad = AdScreener.standard().screen(Ad.of("c1", "Компания на вечер, Қызылорда. 8 777 123 45 67"));
        assertThat(ad.city()).isEqualTo("Qyzylorda");
    }

    @Test
    void aTextNamingNoKnownCityNamesNone() {
        assertThat(cities.mentioned(TextNormalizer.standard().normalize("Компания на вечер, звони")))
                .isEmpty();
        assertThat(cities.canonical("Atlantis")).isEqualTo("Atlantis");
    }
}
