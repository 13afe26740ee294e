package kz.qorgau.signals.tx.input;

import java.util.function.Consumer;
import kz.qorgau.signals.tx.AccountDirectory;
import kz.qorgau.signals.tx.Admission;
import kz.qorgau.signals.tx.ScreeningReport;
import kz.qorgau.signals.tx.ScreeningRules;
import kz.qorgau.signals.tx.TransactionScreener;
import org.jspecify.annotations.Nullable;

/**
 * Screens everything a reader yields, in one pass: the whole of {@code qorgau tx screen} without
 * the printing, for the command line and the server alike. Rows the reader refuses and
 * transactions the screener refuses (too late, a currency without a rate) are handed to the caller
 * as they happen, with their line numbers, and counted.
 */
public final class TransactionBatch {

    private TransactionBatch() {}

    /**
     * What a batch came to.
     *
     * @param report the alerts, clusters and counts
     * @param rejected rows refused (bad rows, too late, unconvertible currency)
     * @param skipped rows deliberately not screened (duplicates, self-transfers, pending entries)
     * @param aborted whether reading stopped before the end of the input
     */
    public record Result(ScreeningReport report, long rejected, long skipped, boolean aborted) {

        /** 0 when every row was screened, 1 when some were rejected, 2 when the input could not be read. */
        public int exitCode() {
            return aborted ? 2 : rejected > 0 ? 1 : 0;
        }
    }

    /**
     * Screens every row of the reader; does not close it. O(rows) time; memory as
     * {@link TransactionScreener}.
     *
     * @param problems receives each {@link InputRow.Rejected}, {@link InputRow.Skipped} and
     *     {@link InputRow.Aborted} in input order
     */
    public static Result screen(
            TransactionReader reader, ScreeningRules rules, AccountDirectory accounts, Consumer<InputRow> problems) {
        TransactionScreener screener = TransactionScreener.create(rules, accounts);
        long rejected = 0;
        long skipped = 0;
        boolean aborted = false;
        while (reader.hasNext()) {
            InputRow row = reader.next();
            @Nullable
            InputRow problem = switch (row) {
                case InputRow.Parsed parsed ->
                    switch (screener.accept(parsed.transaction())) {
                        case Admission.Admitted admitted -> null;
                        case Admission.Late late -> new InputRow.Rejected(row.line(), late.reason());
                        case Admission.Unconvertible unconvertible ->
                            new InputRow.Rejected(row.line(), unconvertible.reason());
                        case Admission.Duplicate duplicate -> new InputRow.Skipped(row.line(), duplicate.reason());
                    };
                default -> row;
            };
            if (problem == null) {
                continue;
            }
            switch (problem) {
                case InputRow.Rejected r -> rejected++;
                case InputRow.Skipped s -> skipped++;
                case InputRow.Aborted a -> aborted = true;
                case InputRow.Parsed p -> {}
            }
            problems.accept(problem);
        }
        return new Result(screener.finish(), rejected, skipped, aborted);
    }
}
