package kz.qorgau.signals.tx;

import static kz.qorgau.signals.tx.TxScenario.at;
import static kz.qorgau.signals.tx.TxScenario.hit;
import static kz.qorgau.signals.tx.TxScenario.rulesFor;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoLivingCostsRuleTest {

    private static final String RULE = "no-living-costs";

    private static TxScenario spending(long seed) {
        TxScenario scenario = new TxScenario(seed);
        for (int d = 0; d < 14; d++) {
            scenario.transfer("payer-" + d, "account", 20_000, at(d, 12, 0));
            scenario.card("account", "taxi", 4121, 3_000, at(d, 22, 0), "Almaty");
            scenario.card("account", "burger", 5814, 2_000, at(d, 23, 0), "Almaty");
            scenario.transfer("account", "someone", 12_000, at(d, 23, 30));
        }
        return scenario;
    }

    @Test
    void moneySpentOnlyOnTaxisFastFoodAndTransfersFires() {
        RuleHit hit = hit(spending(1).screen(TxScenario.EVERY_RULE), "account", RULE);

        assertThat(hit.facts()).containsEntry("livingCostPayments", 0);
        assertThat(hit.evidence()).contains("4121 ×14", "5814 ×14", "0 payments for groceries");
    }

    @Test
    void aSingleGroceryPaymentIsAnOrdinaryLife() {
        TxScenario scenario = spending(2).card("account", "supermarket", 5411, 6_000, at(5, 18, 0), "Almaty");

        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "account")).doesNotContain(RULE);
    }

    @Test
    void anAccountThatSavesItsInflowIsNotJudged() {
        TxScenario scenario = new TxScenario(3);
        for (int d = 0; d < 14; d++) {
            scenario.transfer("payer-" + d, "savings", 20_000, at(d, 12, 0));
        }
        scenario.card("savings", "taxi", 4121, 3_000, at(3, 22, 0), "Almaty");

        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "savings")).doesNotContain(RULE);
    }
}
