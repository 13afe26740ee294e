package kz.qorgau.signals.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScreeningRulesConfigurationTest {

    @Test
    void theShippedConfigurationIsVersionedAndExplainsEveryRule() {
        ScreeningRules rules = ScreeningRules.defaults();

        assertThat(rules.version()).startsWith("tx-rules/");
        assertThat(rules.referenceCurrency().getCurrencyCode()).isEqualTo("KZT");
        for (String rule : new String[] {
            "many-small-similar-payments",
            "night-or-weekend-inflow",
            "rapid-pass-through",
            "no-living-costs",
            "young-holder-high-volume",
            "lodging-in-several-cities",
            "memo-keywords",
            "collector",
            "controller"
        }) {
            assertThat(rules.explanation(rule)).as(rule).isNotBlank();
        }
        assertThat(rules.livingCosts().contains(5411)).isTrue();
        assertThat(rules.livingCosts().contains(4121))
                .as("taxis are not ordinary living costs")
                .isFalse();
        assertThat(rules.lodgingCategories().contains(7011)).isTrue();
        assertThat(rules.lodgingCategories().contains(3650))
                .as("hotel chain range")
                .isTrue();
    }

    @Test
    void anOverrideChangesOnlyWhatItNamesAndMarksTheVersion() {
        ScreeningRules rules = ScreeningRules.defaults()
                .overriddenBy("{\"rules\":{\"rapid-pass-through\":{\"minForwardedShare\":0.7}}}");

        assertThat(rules.passThrough().minForwardedShare()).isEqualTo(0.7);
        assertThat(rules.passThrough().maxRecipients()).isEqualTo(3);
        assertThat(rules.version()).isEqualTo(ScreeningRules.defaults().version() + "+local");
    }

    @Test
    void aValueOutOfRangeIsNamedWithItsPath() {
        assertThatThrownBy(() -> ScreeningRules.defaults()
                        .overriddenBy("{\"rules\":{\"night-or-weekend-inflow\":{\"minNightShare\":1.5}}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rules.night-or-weekend-inflow.minNightShare")
                .hasMessageContaining("from 0 to 1");
    }

    @Test
    void invalidJsonIsNamed() {
        assertThatThrownBy(() -> ScreeningRules.defaults().overriddenBy("{not json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void anUnknownCurrencyInTheRatesIsNamed() {
        assertThatThrownBy(() -> ScreeningRules.defaults().overriddenBy("{\"approximateRates\":{\"XYZ\":\"1\"}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("approximateRates.XYZ");
    }
}
