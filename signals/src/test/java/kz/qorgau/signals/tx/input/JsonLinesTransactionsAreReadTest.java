package kz.qorgau.signals.tx.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import kz.qorgau.signals.tx.Transaction;
import org.junit.jupiter.api.Test;

class JsonLinesTransactionsAreReadTest {

    private static List<InputRow> read(String text) {
        return Rows.all(TransactionReader.jsonLines(new StringReader(text)));
    }

    @Test
    void objectsWithTheCsvFieldsBecomeTransactions() {
        List<InputRow> rows = read("""
                {"id":"t1","timestamp":"2026-03-07T19:34:38+05:00","from_account":"KZ1","to_account":"KZ2","amount":15055.10,"currency":"KZT","channel":"p2p","from_phone":"+77775338714","to_phone":null,"merchant_category":"","memo":"за ночь","city":"Turkistan"}

                {"id":"t2","timestamp":"2026-03-08T00:48:51+05:00","from_account":"KZ2","to_account":"M1","amount":"861","currency":"KZT","merchant_category":4121}
                """);

        assertThat(Rows.problems(rows)).isEmpty();
        List<Transaction> transactions = Rows.parsed(rows);
        assertThat(transactions.get(0).amountMinor()).isEqualTo(1_505_510);
        assertThat(transactions.get(0).toPhone()).isNull();
        assertThat(transactions.get(0).memo()).isEqualTo("за ночь");
        assertThat(transactions.get(1).merchantCategory()).isEqualTo(4121);
        assertThat(transactions.get(1).channel()).isEmpty();
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void badLinesAreNamedAndTheRestIsRead() {
        List<InputRow> rows = read("""
                {"id":"t1","timestamp":"2026-03-07T19:34:38+05:00","from_account":"KZ1","to_account":"KZ2","amount":-5,"currency":"KZT"}
                not json
                ["an","array"]
                {"id":"t4","timestamp":"2026-03-07T19:34:38+05:00","from_account":"KZ1","to_account":"KZ2","currency":"KZT"}
                {"id":"t5","timestamp":"2026-03-07T19:34:38+05:00","from_account":"KZ1","to_account":"KZ2","amount":{"v":1},"currency":"KZT"}
                {"id":"t6","timestamp":"2026-03-07T19:34:38+05:00","from_account":"KZ1","to_account":"KZ2","amount":1,"currency":"KZT"}
                """);

        assertThat(Rows.parsed(rows)).extracting(Transaction::id).containsExactly("t6");
        assertThat(Rows.problems(rows))
                .extracting(r -> r.line() + ": " + ((InputRow.Rejected) r).reason())
                .satisfiesExactly(
                        r -> assertThat(r).startsWith("1: ").contains("negative"),
                        r -> assertThat(r).startsWith("2: ").contains("not valid JSON"),
                        r -> assertThat(r).startsWith("3: ").contains("JSON object"),
                        r -> assertThat(r).startsWith("4: ").contains("'amount' is missing"),
                        r -> assertThat(r).startsWith("5: ").contains("string or a number"));
    }
}
