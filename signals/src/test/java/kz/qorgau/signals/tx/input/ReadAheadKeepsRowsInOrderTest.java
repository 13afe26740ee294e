package kz.qorgau.signals.tx.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadAheadKeepsRowsInOrderTest {

    private static String csv(int rows) {
        StringBuilder text = new StringBuilder(
                "id,timestamp,from_account,to_account,amount,currency,channel,from_phone,to_phone,merchant_category,memo,city\n");
        for (int i = 0; i < rows; i++) {
            String amount = i % 1000 == 7 ? "-1" : Integer.toString(100 + i);
            text.append("t")
                    .append(i)
                    .append(",2026-03-07T19:34:38+05:00,A")
                    .append(i % 50)
                    .append(",B,")
                    .append(amount)
                    .append(",KZT,p2p,,,,,\n");
        }
        return text.toString();
    }

    @Test
    void everyRowComesOutInTheSameOrderAsFromTheReaderItself() {
        String text = csv(10_000);

        List<InputRow> direct = Rows.all(TransactionReader.csv(new StringReader(text)));
        List<InputRow> ahead = Rows.all(TransactionReader.readAhead(TransactionReader.csv(new StringReader(text))));

        assertThat(ahead).hasSize(10_000).isEqualTo(direct);
        assertThat(Rows.problems(ahead)).hasSize(10).allMatch(InputRow.Rejected.class::isInstance);
    }

    @Test
    void closingBeforeTheEndStopsTheSecondThread() throws Exception {
        TransactionReader reader = TransactionReader.readAhead(TransactionReader.csv(new StringReader(csv(50_000))));
        assertThat(reader.hasNext()).isTrue();
        reader.next();

        reader.close();

        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("qorgau-tx-read-ahead") && t.isAlive());
    }
}
