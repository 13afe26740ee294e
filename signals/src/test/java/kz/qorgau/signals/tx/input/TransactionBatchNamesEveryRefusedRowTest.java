package kz.qorgau.signals.tx.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import kz.qorgau.signals.tx.AccountDirectory;
import kz.qorgau.signals.tx.ScreeningRules;
import org.junit.jupiter.api.Test;

class TransactionBatchNamesEveryRefusedRowTest {

    private static final String HEADER =
            "id,timestamp,from_account,to_account,amount,currency,channel,from_phone,to_phone,merchant_category,memo,city\n";

    private final List<InputRow> problems = new ArrayList<>();

    private TransactionBatch.Result screen(String csv) {
        return TransactionBatch.screen(
                TransactionReader.csv(new StringReader(csv)),
                ScreeningRules.defaults(),
                AccountDirectory.empty(),
                problems::add);
    }

    @Test
    void badLateAndDuplicateRowsAreNamedWithTheirLinesAndCounted() {
        TransactionBatch.Result result = screen(HEADER
                + "t1,2026-03-07T19:00:00+05:00,A,B,100,KZT,p2p,,,,,\n"
                + "t2,2026-03-07T23:00:00+05:00,A,B,100,KZT,p2p,,,,,\n"
                + "t2,2026-03-07T23:00:00+05:00,A,B,100,KZT,p2p,,,,,\n"
                + "t3,2026-03-07T20:00:00+05:00,A,B,100,KZT,p2p,,,,,\n"
                + "t4,2026-03-07T23:10:00+05:00,A,B,abc,KZT,p2p,,,,,\n"
                + "t5,2026-03-07T23:20:00+05:00,A,B,100,JPY,p2p,,,,,\n");

        assertThat(problems)
                .extracting(r -> r.getClass().getSimpleName() + "@" + r.line())
                .containsExactly("Skipped@4", "Rejected@5", "Rejected@6", "Rejected@7");
        assertThat(result.rejected()).isEqualTo(3);
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(result.aborted()).isFalse();
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.report().counts().screened()).isEqualTo(2);
    }

    @Test
    void anUnreadableInputGivesExitCodeTwo() {
        TransactionBatch.Result result = screen("x,y\n1,2\n");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(problems).singleElement().isInstanceOf(InputRow.Aborted.class);
    }

    @Test
    void aCleanInputGivesExitCodeZero() {
        assertThat(screen(HEADER + "t1,2026-03-07T19:00:00+05:00,A,B,100,KZT,p2p,,,,,\n")
                        .exitCode())
                .isZero();
    }
}
