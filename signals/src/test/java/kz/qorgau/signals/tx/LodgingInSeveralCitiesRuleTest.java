package kz.qorgau.signals.tx;

import static kz.qorgau.signals.tx.TxScenario.at;
import static kz.qorgau.signals.tx.TxScenario.hit;
import static kz.qorgau.signals.tx.TxScenario.rulesFor;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LodgingInSeveralCitiesRuleTest {

    private static final String RULE = "lodging-in-several-cities";

    @Test
    void hotelsAndSaunasPaidInSeveralCitiesFire() {
        TxScenario scenario = new TxScenario(1)
                .card("account", "hotel-almaty", 7011, 25_000, at(1, 23, 0), "Almaty")
                .card("account", "sauna-astana", 7298, 15_000, at(4, 22, 0), "Astana")
                .card("account", "hotel-shymkent", 3512, 30_000, at(9, 21, 0), "Shymkent")
                .card("account", "hotel-almaty", 7011, 25_000, at(12, 23, 0), "Almaty");

        RuleHit hit = hit(scenario.screen(TxScenario.EVERY_RULE), "account", RULE);

        assertThat(hit.facts()).containsEntry("payments", 4);
        assertThat(hit.facts().get("cities"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly("Almaty", "Astana", "Shymkent");
        assertThat(hit.evidence()).contains("7011 ×2", "7298 ×1", "3512 ×1", "in 3 cities");
    }

    @Test
    void hotelsInOneCityDoNotFire() {
        TxScenario scenario = new TxScenario(2)
                .card("account", "hotel", 7011, 25_000, at(1, 23, 0), "Almaty")
                .card("account", "hotel", 7011, 25_000, at(4, 23, 0), "Almaty")
                .card("account", "hotel", 7011, 25_000, at(9, 23, 0), "Almaty");

        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "account")).doesNotContain(RULE);
    }

    @Test
    void restaurantsInSeveralCitiesAreNotLodging() {
        TxScenario scenario = new TxScenario(3)
                .card("account", "cafe", 5812, 5_000, at(1, 20, 0), "Almaty")
                .card("account", "cafe", 5812, 5_000, at(4, 20, 0), "Astana")
                .card("account", "cafe", 5812, 5_000, at(9, 20, 0), "Shymkent");

        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "account")).doesNotContain(RULE);
    }
}
