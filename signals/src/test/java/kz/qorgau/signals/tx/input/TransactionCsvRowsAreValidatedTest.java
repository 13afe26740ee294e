package kz.qorgau.signals.tx.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import kz.qorgau.signals.tx.Transaction;
import org.junit.jupiter.api.Test;

class TransactionCsvRowsAreValidatedTest {

    private static final String HEADER =
            "id,timestamp,from_account,to_account,amount,currency,channel,from_phone,to_phone,merchant_category,memo,city\n";

    @Test
    void aValidRowBecomesATransactionWithExactMinorUnits() {
        List<InputRow> rows = Rows.csv(HEADER
                + "t1,2026-03-07T19:34:38+05:00,KZ1,KZ2,15055.5,KZT,p2p,+77775338714,+77786541813,,\"за ночь, спасибо\",Turkistan\n"
                + "t2,2026-03-08T00:48:51+05:00,KZ2,KZ3,861,KZT,card,,,4121,,Turkistan\n");

        assertThat(Rows.problems(rows)).isEmpty();
        Transaction first = Rows.parsed(rows).get(0);
        assertThat(first.amountMinor()).isEqualTo(1_505_550);
        assertThat(first.amount()).isEqualByComparingTo(new BigDecimal("15055.50"));
        assertThat(first.memo()).isEqualTo("за ночь, спасибо");
        assertThat(first.timestamp().getOffset().getTotalSeconds()).isEqualTo(5 * 3600);
        assertThat(first.hasMerchantCategory()).isFalse();
        Transaction second = Rows.parsed(rows).get(1);
        assertThat(second.merchantCategory()).isEqualTo(4121);
        assertThat(second.fromPhone()).isNull();
    }

    @Test
    void badRowsAreNamedWithTheirLineAndTheRestIsRead() {
        List<InputRow> rows = Rows.csv(HEADER
                + "t1,2026-03-07T19:34:38+05:00,KZ1,KZ2,100,KZT,p2p,,,,,\n"
                + "t2,2026-03-07T19:34:38+05:00,KZ1,KZ2,100,KZX,p2p,,,,,\n"
                + "t3,2026-02-30T10:00:00+05:00,KZ1,KZ2,100,KZT,p2p,,,,,\n"
                + "t4,2026-03-07T19:34:38+05:00,KZ1,KZ2,-100,KZT,p2p,,,,,\n"
                + "t5,2026-03-07T19:34:38+05:00,KZ1,KZ2,1e5,KZT,p2p,,,,,\n"
                + "t6,2026-03-07T19:34:38,KZ1,KZ2,100,KZT,p2p,,,,,\n"
                + "t7,2026-03-07T19:34:38+05:00,KZ1,KZ2,1.234,KZT,p2p,,,,,\n"
                + "t8,2026-03-07T19:34:38+05:00,KZ1,KZ2,100,KZT,p2p,,,54,,\n"
                + "t9,2026-03-07T25:00:00+05:00,KZ1,KZ2,100,KZT,p2p,,,,,\n"
                + "t10,2026-03-07T19:34:38+05:00,KZ1,,100,KZT,p2p,,,,,\n"
                + "t11,2026-03-07T19:34:38+05:00,KZ1,KZ2,0,KZT,p2p,,,,,\n"
                + "t12,only,three\n"
                + "t13,2026-03-07T19:40:00+05:00,KZ1,KZ2,200,KZT,p2p,,,,,\n");

        assertThat(Rows.parsed(rows)).extracting(Transaction::id).containsExactly("t1", "t13");
        assertThat(Rows.problems(rows))
                .allMatch(InputRow.Rejected.class::isInstance)
                .extracting(InputRow::line)
                .containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
        assertThat(Rows.problems(rows))
                .extracting(r -> ((InputRow.Rejected) r).reason())
                .satisfiesExactly(
                        r -> assertThat(r).contains("currency 'KZX'", "ISO 4217", "t2"),
                        r -> assertThat(r).contains("2026-02-30", "not a possible"),
                        r -> assertThat(r).contains("'-100' is negative"),
                        r -> assertThat(r).contains("'1e5'", "positive decimal"),
                        r -> assertThat(r).contains("no UTC offset"),
                        r -> assertThat(r).contains("more decimal places than KZT allows (2)"),
                        r -> assertThat(r).contains("merchant_category '54'", "ISO 18245"),
                        r -> assertThat(r).contains("25:00", "not a possible"),
                        r -> assertThat(r).contains("to_account is empty"),
                        r -> assertThat(r).contains("'0' is zero"),
                        r -> assertThat(r).contains("expected 12 fields", "found 3"));
    }

    @Test
    void aWrongHeaderStopsTheReadAndNamesTheMissingColumns() {
        List<InputRow> rows = Rows.csv("id,time,from,to,amount\nt1,2026-03-07T19:34:38+05:00,KZ1,KZ2,100\n");

        assertThat(rows).singleElement().isInstanceOfSatisfying(InputRow.Aborted.class, a -> {
            assertThat(a.line()).isEqualTo(1);
            assertThat(a.reason()).contains("wrong header", "missing timestamp, from_account", "expected id,timestamp");
        });
    }

    @Test
    void columnsMayComeInAnyOrderAndExtraColumnsAreIgnored() {
        List<InputRow> rows = Rows.csv(
                "\uFEFFcity,memo,merchant_category,to_phone,from_phone,channel,currency,amount,to_account,from_account,timestamp,id,note\n"
                        + "Almaty,,,,,p2p,USD,12.50,B,A,2026-03-07T19:34:38Z,x1,hello\n");

        assertThat(Rows.parsed(rows)).singleElement().satisfies(t -> {
            assertThat(t.fromAccount()).isEqualTo("A");
            assertThat(t.amountMinor()).isEqualTo(1250);
            assertThat(t.currency().getCurrencyCode()).isEqualTo("USD");
            assertThat(t.city()).isEqualTo("Almaty");
        });
    }

    @Test
    void aTransferToTheSameAccountIsSkippedNotRejected() {
        List<InputRow> rows = Rows.csv(HEADER + "t1,2026-03-07T19:34:38+05:00,KZ1,KZ1,100,KZT,p2p,,,,,\n");

        assertThat(rows)
                .singleElement()
                .isInstanceOfSatisfying(
                        InputRow.Skipped.class, s -> assertThat(s.reason()).contains("to itself"));
    }

    @Test
    void aQuotedMemoOverSeveralLinesIsReportedAtItsFirstLine() {
        List<InputRow> rows = Rows.csv(HEADER
                + "t1,2026-03-07T19:34:38+05:00,KZ1,KZ2,100,KZT,p2p,,,,\"two\nlines\",\n"
                + "t2,2026-03-07T19:34:38+05:00,KZ1,KZ2,abc,KZT,p2p,,,,\"also\ntwo\",\n");

        assertThat(Rows.parsed(rows))
                .singleElement()
                .extracting(Transaction::memo)
                .isEqualTo("two\nlines");
        assertThat(Rows.problems(rows))
                .singleElement()
                .extracting(InputRow::line)
                .isEqualTo(4L);
    }

    @Test
    void anOverlongLineStopsTheReadWithItsLineNumber() {
        String longMemo = "x".repeat(TransactionReader.MAX_LINE + 10);
        List<InputRow> rows = Rows.csv(HEADER
                + "t1,2026-03-07T19:34:38+05:00,KZ1,KZ2,100,KZT,p2p,,,,,\n"
                + "t2,2026-03-07T19:34:38+05:00,KZ1,KZ2,100,KZT,p2p,,,," + longMemo + ",\n");

        assertThat(Rows.parsed(rows)).hasSize(1);
        assertThat(rows.get(rows.size() - 1)).isInstanceOfSatisfying(InputRow.Aborted.class, a -> {
            assertThat(a.line()).isEqualTo(3);
            assertThat(a.reason()).contains("longer than");
        });
    }

    @Test
    void anEmptyFileIsNamed() {
        assertThat(Rows.csv(""))
                .singleElement()
                .isInstanceOfSatisfying(
                        InputRow.Aborted.class, a -> assertThat(a.reason()).contains("empty"));
    }
}
