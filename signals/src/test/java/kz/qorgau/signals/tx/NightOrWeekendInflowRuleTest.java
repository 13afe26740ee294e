package kz.qorgau.signals.tx;

import static kz.qorgau.signals.tx.TxScenario.at;
import static kz.qorgau.signals.tx.TxScenario.hit;
import static kz.qorgau.signals.tx.TxScenario.rulesFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NightOrWeekendInflowRuleTest {

    private static final String RULE = "night-or-weekend-inflow";

    @Test
    void transfersArrivingMostlyAtNightFire() {
        TxScenario scenario = new TxScenario(1);
        for (int i = 0; i < 20; i++) {
            scenario.transfer("payer-" + i, "account", 10_000, at(i, i % 3 == 0 ? 14 : 23, 30));
        }

        RuleHit hit = hit(scenario.screen(TxScenario.EVERY_RULE), "account", RULE);

        assertThat(hit.facts()).containsEntry("atNight", 13).containsEntry("transfers", 20);
        assertThat(hit.evidence()).contains("13 of 20", "22:00 and 06:00 local time");
    }

    @Test
    void nightIsJudgedInTheLocalTimeRecordedWithEachTransaction() {
        // 23:30 in Almaty is 18:30 UTC: still night for the person paying.
        TxScenario local = new TxScenario(2);
        for (int i = 0; i < 20; i++) {
            local.transfer("payer-" + i, "account", 10_000, at(i, 23, 30));
        }
        // 02:00 UTC written in UTC+5 is 07:00 in the morning: not night.
        TxScenario morning = new TxScenario(3);
        for (int i = 0; i < 20; i++) {
            morning.transfer(
                    "payer-" + i,
                    "account",
                    10_000,
                    at(i, 2, 0).withOffsetSameLocal(ZoneOffset.UTC).withOffsetSameInstant(ZoneOffset.ofHours(5)));
        }

        assertThat(rulesFor(local.screen(TxScenario.EVERY_RULE), "account")).contains(RULE);
        assertThat(rulesFor(morning.screen(TxScenario.EVERY_RULE), "account")).doesNotContain(RULE);
    }

    @Test
    void transfersArrivingMostlyAtWeekendsFire() {
        TxScenario scenario = new TxScenario(4);
        for (int i = 0; i < 24; i++) {
            int weekendDay = (i / 2) * 7 % 28 + 5 + i % 2; // Saturdays and Sundays
            scenario.transfer("payer-" + i, "account", 10_000, at(weekendDay, 13, i));
        }

        RuleHit hit = hit(scenario.screen(TxScenario.EVERY_RULE), "account", RULE);

        assertThat((double) hit.facts().get("weekendShare")).isEqualTo(1.0);
    }

    @Test
    void daytimeWeekdayTransfersDoNotFire() {
        TxScenario scenario = new TxScenario(5);
        for (int i = 0; i < 20; i++) {
            scenario.transfer("payer-" + i, "account", 10_000, at(i / 5 * 7 + i % 5, 11, i));
        }

        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "account")).doesNotContain(RULE);
    }

    @Test
    void aFewNightTransfersAreTooFewToJudge() {
        TxScenario scenario = new TxScenario(6);
        for (int i = 0; i < 5; i++) {
            scenario.transfer("payer-" + i, "account", 10_000, at(i, 23, 0));
        }

        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "account")).doesNotContain(RULE);
    }
}
