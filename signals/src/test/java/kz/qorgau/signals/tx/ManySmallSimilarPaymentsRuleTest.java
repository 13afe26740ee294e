package kz.qorgau.signals.tx;

import static kz.qorgau.signals.tx.TxScenario.at;
import static kz.qorgau.signals.tx.TxScenario.hit;
import static kz.qorgau.signals.tx.TxScenario.rulesFor;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManySmallSimilarPaymentsRuleTest {

    private static final String RULE = "many-small-similar-payments";

    @Test
    void manyDistinctPayersSendingSimilarSmallAmountsFire() {
        TxScenario scenario = new TxScenario(1);
        for (int p = 0; p < 30; p++) {
            scenario.transfer("payer-" + p, "account", 14_000 + p * 100, at(p % 20, 12, p));
        }

        ScreeningReport report = scenario.screen(TxScenario.EVERY_RULE);

        RuleHit hit = hit(report, "account", RULE);
        assertThat(hit.facts()).containsEntry("distinctPayers", 30).containsEntry("transfers", 30);
        assertThat(hit.evidence()).startsWith("30 distinct payers sent 30 person-to-person transfers");
    }

    @Test
    void manyPaymentsFromAFewPeopleDoNotFire() {
        TxScenario scenario = new TxScenario(2);
        for (int p = 0; p < 40; p++) {
            scenario.transfer("payer-" + p % 3, "account", 14_000, at(p % 25, 12, p));
        }

        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "account")).doesNotContain(RULE);
    }

    @Test
    void largeAmountsAreNotSmall() {
        TxScenario scenario = new TxScenario(3);
        for (int p = 0; p < 30; p++) {
            scenario.transfer("payer-" + p, "account", 400_000, at(p % 20, 12, p));
        }

        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "account")).doesNotContain(RULE);
    }

    @Test
    void widelyVaryingAmountsAreNotSimilar() {
        TxScenario scenario = new TxScenario(4);
        for (int p = 0; p < 30; p++) {
            scenario.transfer("payer-" + p, "account", p % 5 == 0 ? 120_000 : 500, at(p % 20, 12, p));
        }

        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "account")).doesNotContain(RULE);
    }
}
