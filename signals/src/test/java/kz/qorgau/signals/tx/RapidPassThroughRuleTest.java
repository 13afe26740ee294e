package kz.qorgau.signals.tx;

import static kz.qorgau.signals.tx.TxScenario.at;
import static kz.qorgau.signals.tx.TxScenario.hit;
import static kz.qorgau.signals.tx.TxScenario.rulesFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RapidPassThroughRuleTest {

    private static final String RULE = "rapid-pass-through";

    @Test
    void moneyPassedOnWithinHoursToOneAccountFires() {
        TxScenario scenario = new TxScenario(1);
        for (int d = 0; d < 14; d++) {
            scenario.transfer("payer-" + d, "account", 20_000, at(d, 20, 0));
            scenario.transfer("payer-" + (d + 50), "account", 10_000, at(d, 21, 0));
            scenario.transfer("account", "collector", 28_000, at(d + 1, 3, 0));
        }

        RuleHit hit = hit(scenario.screen(TxScenario.EVERY_RULE), "account", RULE);

        assertThat((double) hit.facts().get("forwardedShare")).isGreaterThanOrEqualTo(0.93);
        assertThat((double) hit.facts().get("meanDelayHours")).isBetween(6.0, 7.0);
        assertThat(hit.facts()).containsEntry("forwardingDays", 14);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> recipients =
                (List<Map<String, Object>>) hit.facts().get("recipients");
        assertThat(recipients)
                .singleElement()
                .satisfies(
                        r -> assertThat(r).containsEntry("account", "collector").containsEntry("transfers", 14));
    }

    @Test
    void passingMoneyOnOnceIsNotAPattern() {
        TxScenario scenario = new TxScenario(5);
        for (int p = 0; p < 20; p++) {
            scenario.transfer("payer-" + p, "account", 5_000, at(3, 8 + p % 12, p));
        }
        scenario.transfer("account", "someone", 95_000, at(3, 22, 0));

        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "account")).doesNotContain(RULE);
    }

    @Test
    void moneyKeptForDaysIsNotPassThrough() {
        TxScenario scenario = new TxScenario(2);
        for (int d = 0; d < 14; d++) {
            scenario.transfer("payer-" + d, "account", 20_000, at(d, 12, 0));
        }
        for (int d = 3; d < 17; d++) {
            scenario.transfer("account", "landlord", 18_000, at(d + 3, 12, 0));
        }

        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "account")).doesNotContain(RULE);
    }

    @Test
    void moneySpreadOverManyPeopleIsNotConcentrated() {
        TxScenario scenario = new TxScenario(3);
        for (int d = 0; d < 14; d++) {
            scenario.transfer("payer-" + d, "account", 20_000, at(d, 12, 0));
            scenario.transfer("account", "friend-" + d, 18_000, at(d, 15, 0));
        }

        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "account")).doesNotContain(RULE);
    }

    @Test
    void cardPurchasesAreSpendingNotForwarding() {
        TxScenario scenario = new TxScenario(4);
        for (int d = 0; d < 14; d++) {
            scenario.transfer("payer-" + d, "account", 20_000, at(d, 12, 0));
            scenario.card("account", "electronics", 5732, 18_000, at(d, 15, 0), "Almaty");
        }

        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "account")).doesNotContain(RULE);
    }
}
