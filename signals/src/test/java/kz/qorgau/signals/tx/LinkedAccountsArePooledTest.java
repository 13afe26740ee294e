package kz.qorgau.signals.tx;

import static kz.qorgau.signals.tx.TxScenario.alertFor;
import static kz.qorgau.signals.tx.TxScenario.at;
import static kz.qorgau.signals.tx.TxScenario.hit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A holder's accounts that share her phone number are also evaluated together: a girl whose
 * clients pay into two of her accounts, each below every threshold, is seen whole.
 */
class LinkedAccountsArePooledTest {

    private static final LocalDate GIRL_BORN = LocalDate.of(2010, 3, 1);
    private static final String GIRLS_PHONE = "+77015550101";

    /**
     * Clients pay in the evening and at night, alternately into the two accounts: 18 payments over
     * two weeks, 9 into each; before dawn each account passes what it got to the boyfriend.
     */
    private static TxScenario splitVictim(String kaspiPhone, String halykPhone) {
        TxScenario scenario = new TxScenario(11)
                .holder("girl-kaspi", GIRL_BORN, kaspiPhone)
                .holder("girl-halyk", GIRL_BORN, halykPhone)
                .ordinaryLife("boyfriend", 0, 14);
        Random random = new Random(5);
        for (int client = 0; client < 18; client++) {
            int day = client * 14 / 18;
            String account = client % 2 == 0 ? "girl-kaspi" : "girl-halyk";
            long amount = 12_000 + random.nextInt(6_000);
            scenario.transfer("client-" + client, account, amount, at(day, 21 + client % 3, random.nextInt(60)));
            scenario.transfer(account, "boyfriend", amount * 9 / 10, at(day + 1, 4, random.nextInt(50)));
        }
        return scenario;
    }

    @Test
    void twoAccountsOfOneHolderEachBelowEveryThresholdAreAlertedTogether() {
        ScreeningReport report = splitVictim(GIRLS_PHONE, "8 (701) 555-01-01").screen();

        for (String account : List.of("girl-kaspi", "girl-halyk")) {
            Alert alert = alertFor(report, account);
            assertThat(alert.typology()).isEqualTo(Typology.PASS_THROUGH);
            assertThat(alert.rules())
                    .extracting(RuleHit::rule)
                    .contains("rapid-pass-through", "night-or-weekend-inflow", "no-living-costs");
            assertThat(alert.linked()).contains("boyfriend");
        }
        assertThat(alertFor(report, "girl-kaspi").linked()).contains("girl-halyk");
        assertThat(alertFor(report, "girl-halyk").linked()).contains("girl-kaspi");
        assertThat(report.counts().pooledWindowsEvaluated()).isPositive();
    }

    @Test
    void theEvidenceSaysItIsPooledAndOverWhichAccounts() {
        ScreeningReport report = splitVictim(GIRLS_PHONE, GIRLS_PHONE).screen();

        RuleHit passThrough = hit(report, "girl-kaspi", "rapid-pass-through");
        assertThat(passThrough.evidence())
                .startsWith("Pooled over the 2 accounts with the holder's phone number (")
                .contains("girl-kaspi", "girl-halyk", "boyfriend");
        assertThat(passThrough.facts()).containsKey("pooledAccounts");
        assertThat(passThrough.facts().get("pooledAccounts"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
                .containsExactlyInAnyOrder("girl-kaspi", "girl-halyk");
        assertThat((int) passThrough.facts().get("inflowTransfers")).isEqualTo(18);
        assertThat(AlertJson.line(alertFor(report, "girl-halyk")))
                .contains("\"pooledAccounts\":[\"girl-kaspi\",\"girl-halyk\"]")
                .contains("\"linked\":[\"boyfriend\",\"girl-kaspi\"]");
    }

    @Test
    void theSameFlowsInAccountsOfDifferentPeopleAlertNobody() {
        ScreeningReport report = splitVictim(GIRLS_PHONE, "+77015550202").screen();

        assertThat(report.alerts()).isEmpty();
        assertThat(report.counts().pooledWindowsEvaluated()).isZero();
    }

    @Test
    void theRecipientOfOneHoldersTwoAccountsIsHerControllerNotACollector() {
        ScreeningReport report = splitVictim(GIRLS_PHONE, GIRLS_PHONE).screen();

        Alert boyfriend = alertFor(report, "boyfriend");
        assertThat(boyfriend.typology()).isEqualTo(Typology.CONTROLLER);
        assertThat(boyfriend.cluster())
                .isNotNull()
                .isEqualTo(alertFor(report, "girl-kaspi").cluster())
                .isEqualTo(alertFor(report, "girl-halyk").cluster());
    }

    @Test
    void moneyMovedBetweenTheAccountsIsNeitherReceivedNorPassedOn() {
        // Clients pay into one account; the same night she moves it to her other account, which
        // passes it on before dawn.
        TxScenario scenario = new TxScenario(3)
                .holder("girl-kaspi", GIRL_BORN, GIRLS_PHONE)
                .holder("girl-halyk", GIRL_BORN, GIRLS_PHONE)
                .ordinaryLife("boyfriend", 0, 14);
        for (int day = 0; day < 14; day++) {
            long received = 0;
            for (int c = 0; c < 2; c++) {
                long amount = 12_000 + 500L * ((day + c) % 7);
                scenario.transfer("client-" + day + "-" + c, "girl-kaspi", amount, at(day, 21 + c, 10));
                received += amount;
            }
            scenario.transfer("girl-kaspi", "girl-halyk", received, at(day, 23, 30));
            scenario.transfer("girl-halyk", "boyfriend", received * 9 / 10, at(day + 1, 4, 0));
        }

        ScreeningReport report = scenario.screen();

        RuleHit passThrough = hit(report, "girl-kaspi", "rapid-pass-through");
        assertThat((int) passThrough.facts().get("inflowTransfers")).isEqualTo(28);
        assertThat(passThrough.evidence()).contains("moved between them in 14 transfers");
        assertThat(alertFor(report, "girl-halyk").typology()).isEqualTo(Typology.PASS_THROUGH);
        // The delay counts from when the clients paid, not from the move between her accounts.
        assertThat((double) passThrough.facts().get("meanDelayHours")).isGreaterThan(5.0);
    }

    @Test
    void moneyThatStayedDaysInOneAccountIsNotRapidWhenTheOtherPassesItOn() {
        TxScenario scenario = new TxScenario(3)
                .holder("saver", LocalDate.of(1990, 1, 1), "+77015550303")
                .holder("saver-card", LocalDate.of(1990, 1, 1), "+77015550303");
        for (int day = 0; day < 21; day++) {
            scenario.transfer("payer-" + day, "saver", 15_000, at(day, 22, 0));
            if (day % 3 == 2) {
                // Three days' money moved, then paid on at once: it stayed days, not hours.
                scenario.transfer("saver", "saver-card", 45_000, at(day + 2, 23, 0));
                scenario.transfer("saver-card", "landlord", 45_000, at(day + 2, 23, 30));
            }
        }

        ScreeningReport report = scenario.screen(TxScenario.EVERY_RULE);

        assertThat(TxScenario.rulesFor(report, "saver")).doesNotContain("rapid-pass-through");
        assertThat(TxScenario.rulesFor(report, "saver-card")).doesNotContain("rapid-pass-through");
    }

    @Test
    void aNumberSharedByMoreAccountsThanAHolderHasLinksNothing() {
        TxScenario scenario = new TxScenario(9);
        for (int shop = 0; shop < 5; shop++) {
            scenario.holder("branch-" + shop, LocalDate.of(1980, 1, 1), "+77270000000");
            for (int day = 0; day < 14; day++) {
                scenario.transfer("customer-" + shop + "-" + day, "branch-" + shop, 3_000, at(day, 23, 0));
            }
        }

        ScreeningReport report = scenario.screen(TxScenario.EVERY_RULE);

        assertThat(report.counts().pooledWindowsEvaluated()).isZero();
    }

    @Test
    void phoneNumbersAreComparedAsNumbers() {
        long key = PhoneKeys.of("+77015550101");

        assertThat(key).isEqualTo(77_015_550_101L);
        assertThat(PhoneKeys.of("8 (701) 555-01-01")).isEqualTo(key);
        assertThat(PhoneKeys.of("701 555 01 01")).isEqualTo(key);
        assertThat(PhoneKeys.of("+7 701 555 0101")).isEqualTo(key);
        assertThat(PhoneKeys.of("+4915123456789")).isEqualTo(4_915_123_456_789L);
        assertThat(PhoneKeys.of("5550101")).isEqualTo(PhoneKeys.NONE);
        assertThat(PhoneKeys.of("call 87015550101")).isEqualTo(PhoneKeys.NONE);
        assertThat(PhoneKeys.of(null)).isEqualTo(PhoneKeys.NONE);
    }
}
