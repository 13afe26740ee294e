package kz.qorgau.signals.tx;

import static kz.qorgau.signals.tx.TxScenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryIsBoundedByActiveAccountsTest {

    @Test
    void accountsWithoutActivityForAWholeWindowAreDropped() {
        TxScenario scenario = new TxScenario(1);
        // Three cohorts of 500 pairs, each active for two weeks, eight weeks apart.
        for (int cohort = 0; cohort < 3; cohort++) {
            for (int pair = 0; pair < 500; pair++) {
                for (int d = 0; d < 14; d += 2) {
                    scenario.transfer(
                            "c" + cohort + "-payer-" + pair,
                            "c" + cohort + "-payee-" + pair,
                            5_000,
                            at(cohort * 56 + d, 12, pair % 60));
                }
            }
        }

        ScreeningCounts counts = scenario.screen().counts();

        assertThat(counts.screened()).isEqualTo(3 * 500 * 7);
        assertThat(counts.peakTrackedAccounts()).isEqualTo(1000);
        assertThat(counts.evictedAccounts()).isGreaterThanOrEqualTo(2000);
    }
}
