package kz.qorgau.signals.tx;

import static kz.qorgau.signals.tx.TxScenario.at;
import static kz.qorgau.signals.tx.TxScenario.rulesFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Accounts that receive from many people for ordinary reasons. Each may trip one rule; none may be
 * alerted, because a single rule alone does not make an alert.
 */
class LookAlikesAreNotAlertedTest {

    @Test
    void aSmallShopPaidOnAPersonalAccountByManyCustomersIsNotAlerted() {
        TxScenario scenario = new TxScenario(11);
        Random random = new Random(11);
        for (int d = 0; d < 28; d++) {
            long takings = 0;
            for (int c = 0; c < 5; c++) {
                long amount = 2_000 + random.nextInt(15_000);
                scenario.transfer(
                        "customer-" + random.nextInt(70),
                        "shop",
                        amount,
                        at(d, 9 + random.nextInt(10), random.nextInt(60)));
                takings += amount;
            }
            if (d % 7 == 4) {
                scenario.transfer("shop", "supplier-" + random.nextInt(6), takings * 25 / 10, at(d, 15, 0), "товар");
            }
        }
        scenario.ordinaryLife("shop", 0, 28);

        ScreeningReport report = scenario.screen();
        ScreeningReport everyRule = scenario.screen(TxScenario.EVERY_RULE);

        assertThat(report.alerts()).isEmpty();
        assertThat(rulesFor(everyRule, "shop"))
                .contains("many-small-similar-payments")
                .doesNotContain("rapid-pass-through", "night-or-weekend-inflow", "no-living-costs");
    }

    @Test
    void aStudentSupportedByFamilyIsNotAlerted() {
        TxScenario scenario = new TxScenario(12).students(25, LocalDate.of(2008, 9, 1), 0, 56);
        scenario.holder("student", LocalDate.of(2009, 5, 5));
        for (int d = 5; d < 56; d += 7) {
            scenario.transfer("mother", "student", 25_000, at(d, 10, 0));
            scenario.transfer("grandmother", "student", 10_000, at(d + 1, 12, 0));
        }
        scenario.ordinaryLife("student", 0, 56);

        assertThat(scenario.screen().alerts()).isEmpty();
        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "student")).isEmpty();
    }

    @Test
    void aTutorPaidByManyParentsInTheDaytimeIsNotAlerted() {
        TxScenario scenario = new TxScenario(13);
        Random random = new Random(13);
        for (int d = 0; d < 56; d++) {
            if (at(d, 0, 0).getDayOfWeek().getValue() <= 5) {
                for (int lesson = 0; lesson < 3; lesson++) {
                    scenario.transfer(
                            "parent-" + random.nextInt(24),
                            "tutor",
                            7_000,
                            at(d, 15 + lesson, random.nextInt(60)),
                            "за урок");
                }
            }
        }
        scenario.ordinaryLife("tutor", 0, 56);

        ScreeningReport everyRule = scenario.screen(TxScenario.EVERY_RULE);

        assertThat(scenario.screen().alerts()).isEmpty();
        assertThat(rulesFor(everyRule, "tutor")).containsOnly("many-small-similar-payments");
    }

    @Test
    void aParentCollectingForAClassGiftAndPayingAShopOnceIsNotAlerted() {
        TxScenario scenario = new TxScenario(14);
        for (int p = 0; p < 26; p++) {
            scenario.transfer("class-parent-" + p, "class-rep", 3_000, at(2 + p % 3, 9 + p % 10, p), "подарок учителю");
        }
        scenario.card("class-rep", "gift-shop", 5947, 78_000, at(6, 17, 0), "Qyzylorda");
        scenario.ordinaryLife("class-rep", 0, 28);

        assertThat(scenario.screen().alerts()).isEmpty();
        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "class-rep"))
                .doesNotContain("rapid-pass-through", "night-or-weekend-inflow", "no-living-costs");
    }

    @Test
    void aParentCollectingForAClassGiftAndPassingItOnOnceToAnotherParentIsNotAlerted() {
        TxScenario scenario = new TxScenario(16);
        for (int p = 0; p < 26; p++) {
            scenario.transfer("class-parent-" + p, "class-rep", 3_000, at(2, 9 + p % 12, p), "на подарок");
        }
        scenario.transfer("class-rep", "parent-who-buys", 78_000, at(2, 22, 0), "подарок учителю");
        scenario.ordinaryLife("class-rep", 0, 28);

        ScreeningReport everyRule = scenario.screen(TxScenario.EVERY_RULE);

        assertThat(scenario.screen().alerts()).isEmpty();
        assertThat(rulesFor(everyRule, "class-rep")).doesNotContain("rapid-pass-through");
    }

    @Test
    void aMerchantReceivingCardSalesHasNoPayersAtAll() {
        TxScenario scenario = new TxScenario(15);
        for (int c = 0; c < 300; c++) {
            scenario.card("buyer-" + c, "cafe", 5812, 1_500, at(c % 28, 23, c % 60), "Almaty");
        }

        assertThat(rulesFor(scenario.screen(TxScenario.EVERY_RULE), "cafe")).isEmpty();
    }
}
