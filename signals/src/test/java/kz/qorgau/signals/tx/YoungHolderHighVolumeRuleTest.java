package kz.qorgau.signals.tx;

import static kz.qorgau.signals.tx.TxScenario.at;
import static kz.qorgau.signals.tx.TxScenario.hit;
import static kz.qorgau.signals.tx.TxScenario.rulesFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class YoungHolderHighVolumeRuleTest {

    private static final String RULE = "young-holder-high-volume";

    private static TxScenario withPeers(long seed) {
        return new TxScenario(seed).students(25, LocalDate.of(2009, 6, 1), 0, 28);
    }

    private static void receives(TxScenario scenario, String account, long perDay) {
        for (int d = 0; d < 28; d++) {
            scenario.transfer("uncle", account, perDay, at(d, 12, 0));
        }
    }

    @Test
    void aMinorReceivingTenTimesWhatPeersReceiveFires() {
        TxScenario scenario = withPeers(1).holder("teen", LocalDate.of(2010, 2, 2));
        receives(scenario, "teen", 30_000);

        RuleHit hit = hit(scenario.screen(TxScenario.EVERY_RULE), "teen", RULE);

        assertThat(hit.facts()).containsEntry("age", 16).containsEntry("birthDate", "2010-02-02");
        assertThat((double) hit.facts().get("ratioToPeerMedian")).isGreaterThan(10);
        assertThat(hit.evidence()).contains("The holder is 16", "times the median of");
    }

    @Test
    void anAdultWithTheSameVolumeDoesNotFire() {
        TxScenario scenario = withPeers(2).holder("adult", LocalDate.of(1990, 2, 2));
        receives(scenario, "adult", 30_000);

        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "adult")).doesNotContain(RULE);
    }

    @Test
    void aMinorReceivingWhatPeersReceiveDoesNotFire() {
        TxScenario scenario = withPeers(3).holder("teen", LocalDate.of(2010, 2, 2));
        for (int d = 5; d < 28; d += 7) {
            scenario.transfer("mother", "teen", 15_000, at(d, 11, 0));
        }

        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "teen")).doesNotContain(RULE);
    }

    @Test
    void withoutEnoughPeersTheRuleDoesNotJudge() {
        TxScenario scenario = new TxScenario(4).students(5, LocalDate.of(2009, 6, 1), 0, 28);
        scenario.holder("teen", LocalDate.of(2010, 2, 2));
        receives(scenario, "teen", 30_000);

        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "teen")).doesNotContain(RULE);
    }

    @Test
    void anAccountWithoutABirthDateIsNotJudged() {
        TxScenario scenario = withPeers(5);
        receives(scenario, "unknown", 30_000);

        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "unknown")).doesNotContain(RULE);
    }
}
