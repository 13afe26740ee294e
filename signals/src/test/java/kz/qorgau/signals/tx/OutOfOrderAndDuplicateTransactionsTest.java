package kz.qorgau.signals.tx;

import static kz.qorgau.signals.tx.TxScenario.KZT;
import static kz.qorgau.signals.tx.TxScenario.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class OutOfOrderAndDuplicateTransactionsTest {

    private static Transaction transfer(String id, OffsetDateTime when) {
        return new Transaction(id, when, "a", "b", 100_00, KZT, "p2p", null, null, Transaction.NO_MCC, "", "");
    }

    @Test
    void transactionsLateByLessThanTheAllowedLatenessAreReordered() {
        TransactionScreener screener = TransactionScreener.create(ScreeningRules.defaults(), AccountDirectory.empty());

        assertThat(screener.accept(transfer("1", at(1, 12, 0)))).isInstanceOf(Admission.Admitted.class);
        assertThat(screener.accept(transfer("2", at(1, 12, 50)))).isInstanceOf(Admission.Admitted.class);
        assertThat(screener.accept(transfer("3", at(1, 12, 10)))).isInstanceOf(Admission.Admitted.class);
        assertThat(screener.finish().counts().screened()).isEqualTo(3);
    }

    @Test
    void transactionsOlderThanTheAllowedLatenessAreRefusedAsLate() {
        TransactionScreener screener = TransactionScreener.create(ScreeningRules.defaults(), AccountDirectory.empty());
        screener.accept(transfer("1", at(1, 12, 0)));
        screener.accept(transfer("2", at(1, 18, 0)));

        Admission late = screener.accept(transfer("3", at(1, 13, 0)));

        assertThat(late)
                .isInstanceOfSatisfying(
                        Admission.Late.class,
                        l -> assertThat(l.reason())
                                .contains("2026-03-03T13:00+05:00", "PT1H", "sort the input by time"));
        assertThat(late.rejected()).isTrue();
        ScreeningReport report = screener.finish();
        assertThat(report.counts().late()).isEqualTo(1);
        assertThat(report.counts().screened()).isEqualTo(2);
    }

    @Test
    void theAllowedLatenessIsConfigurable() {
        ScreeningRules patient = ScreeningRules.defaults().overriddenBy("{\"reorder\":{\"maxLateness\":\"PT12H\"}}");
        TransactionScreener screener = TransactionScreener.create(patient, AccountDirectory.empty());
        screener.accept(transfer("1", at(1, 18, 0)));

        assertThat(screener.accept(transfer("2", at(1, 8, 0)))).isInstanceOf(Admission.Admitted.class);
    }

    @Test
    void aSecondCopyOfATransactionIsSkippedNotRejected() {
        TransactionScreener screener = TransactionScreener.create(ScreeningRules.defaults(), AccountDirectory.empty());
        screener.accept(transfer("same", at(1, 12, 0)));

        Admission duplicate = screener.accept(transfer("same", at(1, 12, 0)));

        assertThat(duplicate).isInstanceOf(Admission.Duplicate.class);
        assertThat(duplicate.rejected()).isFalse();
        assertThat(screener.finish().counts().duplicates()).isEqualTo(1);
    }

    @Test
    void aCurrencyWithoutARateIsRefusedWithHowToFixIt() {
        TransactionScreener screener = TransactionScreener.create(ScreeningRules.defaults(), AccountDirectory.empty());
        Transaction inYen = new Transaction(
                "1", at(1, 12, 0), "a", "b", 100, java.util.Currency.getInstance("JPY"), "p2p", null, null, -1, "", "");

        assertThat(screener.accept(inYen))
                .isInstanceOfSatisfying(
                        Admission.Unconvertible.class,
                        u -> assertThat(u.reason()).contains("JPY", "approximateRates"));
    }

    @Test
    void otherCurrenciesAreConvertedWithTheConfiguredRate() {
        ScreeningRules rules = TxScenario.EVERY_RULE;
        TransactionScreener screener = TransactionScreener.create(rules, AccountDirectory.empty());
        for (int i = 0; i < 25; i++) {
            screener.accept(new Transaction(
                    "u" + i,
                    at(i % 20, 12, i),
                    "payer-" + i,
                    "account",
                    30_00,
                    java.util.Currency.getInstance("USD"),
                    "p2p",
                    null,
                    null,
                    -1,
                    "",
                    ""));
        }

        RuleHit hit = TxScenario.hit(screener.finish(), "account", "many-small-similar-payments");

        assertThat(hit.evidence()).contains("mean 15,600 KZT");
    }

    @Test
    void aFinishedScreenerRefusesMoreWork() {
        TransactionScreener screener = TransactionScreener.create(ScreeningRules.defaults(), AccountDirectory.empty());
        screener.finish();

        assertThatThrownBy(() -> screener.accept(transfer("1", at(1, 12, 0))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("new screener");
    }
}
