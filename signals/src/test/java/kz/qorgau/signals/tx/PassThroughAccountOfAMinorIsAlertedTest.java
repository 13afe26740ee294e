package kz.qorgau.signals.tx;

import static kz.qorgau.signals.tx.TxScenario.alertFor;
import static kz.qorgau.signals.tx.TxScenario.hit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PassThroughAccountOfAMinorIsAlertedTest {

    private final ScreeningReport report = new TxScenario(7)
            .students(25, LocalDate.of(2009, 1, 10), 0, 28)
            .passThrough("girl", LocalDate.of(2010, 3, 1), "boyfriend", 0, 28)
            .ordinaryLife("boyfriend", 0, 28)
            .screen();

    @Test
    void theAccountIsAlertedAsPassThroughWithEveryRuleOfThePattern() {
        Alert alert = alertFor(report, "girl");

        assertThat(alert.typology()).isEqualTo(Typology.PASS_THROUGH);
        assertThat(alert.rules())
                .extracting(RuleHit::rule)
                .contains(
                        "rapid-pass-through",
                        "many-small-similar-payments",
                        "night-or-weekend-inflow",
                        "no-living-costs",
                        "young-holder-high-volume");
        assertThat(alert.score()).isGreaterThan(0.8);
        assertThat(alert.linked()).containsExactly("boyfriend");
        assertThat(alert.phones()).singleElement().asString().startsWith("+7701");
        assertThat(alert.rulesVersion()).isEqualTo(ScreeningRules.defaults().version());
    }

    @Test
    void theScoreCombinesTheWeightsOfTheRulesThatFired() {
        Alert alert = alertFor(report, "girl");

        double doubt = alert.rules().stream().mapToDouble(h -> 1 - h.weight()).reduce(1, (a, b) -> a * b);
        assertThat(alert.score()).isCloseTo(1 - doubt, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void evidenceNamesCountsAmountsAndTheRecipient() {
        RuleHit passThrough = hit(report, "girl", "rapid-pass-through");

        assertThat(passThrough.evidence()).contains("boyfriend", "KZT", "within 24 hours");
        assertThat(passThrough.facts())
                .containsKeys("inflow", "forwardedWithinHorizon", "meanDelayHours", "recipients");
        assertThat((double) passThrough.facts().get("forwardedShare")).isGreaterThan(0.8);
        assertThat((double) passThrough.facts().get("meanDelayHours")).isBetween(1.0, 12.0);
    }

    @Test
    void theRecipientOfOnePassThroughAccountIsItsController() {
        Alert controller = alertFor(report, "boyfriend");

        assertThat(controller.typology()).isEqualTo(Typology.CONTROLLER);
        assertThat(controller.linked()).containsExactly("girl");
        assertThat(controller.cluster())
                .isEqualTo(alertFor(report, "girl").cluster())
                .isNotNull();
    }

    @Test
    void ordinaryYoungPeersAreNotAlerted() {
        assertThat(report.alerts()).extracting(Alert::account).noneMatch(a -> a.startsWith("student-"));
    }
}
