package kz.qorgau.signals.tx;

import static kz.qorgau.signals.tx.TxScenario.at;
import static kz.qorgau.signals.tx.TxScenario.rulesFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ASingleRuleAloneDoesNotMakeAnAlertTest {

    @Test
    void nightTransfersAloneDoNotAlert() {
        TxScenario scenario = new TxScenario(1);
        for (int i = 0; i < 20; i++) {
            scenario.transfer("friend-" + i % 4, "night-owl", 30_000 + i * 5_000, at(i, 23, 30));
        }
        scenario.ordinaryLife("night-owl", 0, 28);

        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "night-owl"))
                .containsExactly("night-or-weekend-inflow");
        assertThat(scenario.screen().alerts()).isEmpty();
    }

    @Test
    void memoKeywordsAloneDoNotAlert() {
        TxScenario scenario = new TxScenario(2)
                .transfer("a", "account", 10_000, at(1, 12, 0), "overnight")
                .transfer("b", "account", 10_000, at(2, 12, 0), "overnight");

        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "account")).containsExactly("memo-keywords");
        assertThat(scenario.screen().alerts()).isEmpty();
    }

    @Test
    void theCombinedScoreIsOneMinusTheProductOfTheRemainingDoubt() {
        RuleHit a = new RuleHit("a", 0.45, "", java.util.Map.of());
        RuleHit b = new RuleHit("b", 0.35, "", java.util.Map.of());

        assertThat(FlowGraph.combine(List.of(a, b)))
                .isCloseTo(1 - 0.55 * 0.65, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(FlowGraph.combine(List.of())).isZero();
    }
}
