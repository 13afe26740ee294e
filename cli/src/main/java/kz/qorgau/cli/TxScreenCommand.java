package kz.qorgau.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import kz.qorgau.signals.tx.AccountDirectory;
import kz.qorgau.signals.tx.Alert;
import kz.qorgau.signals.tx.AlertJson;
import kz.qorgau.signals.tx.Cluster;
import kz.qorgau.signals.tx.MemoKeywords;
import kz.qorgau.signals.tx.ScreeningReport;
import kz.qorgau.signals.tx.ScreeningRules;
import kz.qorgau.signals.tx.Typology;
import kz.qorgau.signals.tx.input.AccountsCsv;
import kz.qorgau.signals.tx.input.InputRow;
import kz.qorgau.signals.tx.input.TransactionBatch;
import kz.qorgau.signals.tx.input.TransactionFormat;
import kz.qorgau.signals.tx.input.TransactionReader;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qorgau tx screen [--accounts FILE] [--format csv|camt053|jsonl] FILE}: screens transactions
 * in one pass and writes one JSON line per alerted account to standard output. Rejected rows go to
 * standard error with their line numbers.
 */
@Command(
        name = "screen",
        mixinStandardHelpOptions = true,
        description = {
            "Screens transactions for the money flows of child sexual exploitation (pass-through accounts,"
                    + " their collectors and controllers) and writes one JSON line per alerted account.",
            "An alert raises work for a person; it accuses no one."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every row was screened",
            "1:some rows were rejected (named on standard error); the rest were screened",
            "2:the input could not be read (wrong header, malformed XML, missing file, bad option)"
        })
final class TxScreenCommand implements Callable<Integer> {

    static final int ROWS_REJECTED = 1;
    static final int UNREADABLE = 2;
    private static final int MAX_PRINTED_PROBLEMS = 1000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Transactions: CSV, camt.053 XML or JSON lines.")
    Path file;

    @Option(
            names = "--accounts",
            paramLabel = "FILE",
            description = "Accounts CSV: account,holder_birth_date,holder_phone,opened_at,kind.")
    @Nullable
    Path accounts;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "csv, camt053 or jsonl; by default decided by the extension, then the first character.")
    @Nullable
    String format;

    @Option(
            names = "--rules",
            paramLabel = "FILE",
            description = "Rule configuration (JSON) laid over the shipped tx-rules.json; give it a new version.")
    @Nullable
    Path rules;

    @Option(
            names = "--memo-keywords",
            paramLabel = "FILE",
            description = "Memo keyword list replacing the shipped memo-keywords.txt (one phrase per line).")
    @Nullable
    Path memoKeywords;

    @Option(
            names = "--max-lateness",
            paramLabel = "DURATION",
            description = "How far out of time order a row may arrive (ISO-8601, e.g. PT6H); default from the rules"
                    + " (PT1H). Raise it for files that hold several statements one after another.")
    @Nullable
    String maxLateness;

    @Option(
            names = "--clusters",
            paramLabel = "FILE",
            description = "Also write the clusters of linked accounts with their flows to FILE, one JSON line each.")
    @Nullable
    Path clusters;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScreeningRules screeningRules;
        TransactionFormat transactionFormat;
        try {
            screeningRules = rules();
            transactionFormat = format == null ? TransactionFormat.of(file) : TransactionFormat.named(format);
        } catch (IllegalArgumentException e) {
            err.println("qorgau tx screen: " + e.getMessage());
            return UNREADABLE;
        } catch (NoSuchFileException e) {
            err.println("qorgau tx screen: no such file: " + e.getFile());
            return UNREADABLE;
        } catch (IOException e) {
            err.println("qorgau tx screen: cannot read: " + e.getMessage());
            return UNREADABLE;
        }

        Problems problems = new Problems(err);
        AccountDirectory directory = AccountDirectory.empty();
        if (accounts != null) {
            try (Reader reader = Files.newBufferedReader(accounts, StandardCharsets.UTF_8)) {
                AccountsCsv.Result result = AccountsCsv.read(reader);
                directory = result.directory();
                result.problems().forEach(row -> problems.report(accounts, row));
            } catch (IOException e) {
                err.println("qorgau tx screen: cannot read the accounts file " + accounts + ": " + e.getMessage());
                return UNREADABLE;
            }
        }

        ScreeningReport report;
        try (TransactionReader reader = TransactionReader.readAhead(TransactionReader.open(file, transactionFormat))) {
            report = TransactionBatch.screen(reader, screeningRules, directory, row -> problems.report(file, row))
                    .report();
        } catch (NoSuchFileException e) {
            err.println("qorgau tx screen: no such file: " + e.getFile());
            return UNREADABLE;
        } catch (IOException e) {
            err.println("qorgau tx screen: cannot read " + file + ": " + e.getMessage());
            return UNREADABLE;
        }
        for (Alert alert : report.alerts()) {
            out.println(AlertJson.line(alert));
        }
        out.flush();
        if (clusters != null) {
            try (Writer writer = Files.newBufferedWriter(clusters, StandardCharsets.UTF_8)) {
                for (Cluster cluster : report.clusters()) {
                    writer.write(AlertJson.line(cluster));
                    writer.write('\n');
                }
            } catch (IOException e) {
                err.println("qorgau tx screen: cannot write the clusters to " + clusters + ": " + e.getMessage());
                return UNREADABLE;
            }
        }
        summarise(err, report, problems);
        if (problems.aborted) {
            return UNREADABLE;
        }
        return problems.rejected > 0 ? ROWS_REJECTED : 0;
    }

    private ScreeningRules rules() throws IOException {
        ScreeningRules result = ScreeningRules.defaults();
        if (rules != null) {
            try (Reader reader = Files.newBufferedReader(rules, StandardCharsets.UTF_8)) {
                result = result.overriddenBy(reader);
            }
        }
        if (memoKeywords != null) {
            try (Reader reader = Files.newBufferedReader(memoKeywords, StandardCharsets.UTF_8)) {
                result = result.withMemoKeywords(MemoKeywords.parse(reader, memoKeywords.toString()));
            }
        }
        if (maxLateness != null) {
            try {
                Duration.parse(maxLateness);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "--max-lateness '" + maxLateness + "' is not an ISO-8601 duration such as PT6H");
            }
            result = result.overriddenBy(
                    "{\"version\":\"" + result.version() + "\",\"reorder\":{\"maxLateness\":\"" + maxLateness + "\"}}");
        }
        return result;
    }

    private static void summarise(PrintWriter err, ScreeningReport report, Problems problems) {
        Map<Typology, Integer> byTypology = new EnumMap<>(Typology.class);
        report.alerts().forEach(a -> byTypology.merge(a.typology(), 1, Integer::sum));
        StringBuilder typologies = new StringBuilder();
        byTypology.forEach((typology, count) -> typologies
                .append(typologies.isEmpty() ? "" : ", ")
                .append(count)
                .append(' ')
                .append(typology.label()));
        err.println("qorgau tx screen: screened " + report.counts().screened() + " transactions with rules "
                + report.rulesVersion() + "; " + report.alerts().size() + " alerts"
                + (typologies.isEmpty() ? "" : " (" + typologies + ")") + ", "
                + report.clusters().size()
                + " clusters; " + problems.rejected + " rows rejected, " + problems.skipped + " skipped"
                + (problems.aborted ? "; reading stopped early" : ""));
    }

    /** Prints refused rows as {@code FILE:LINE: rejected: reason}, up to a limit, and counts them. */
    private static final class Problems {
        private final PrintWriter err;
        long rejected;
        long skipped;
        boolean aborted;
        private long printed;

        Problems(PrintWriter err) {
            this.err = err;
        }

        void report(Path source, InputRow row) {
            String kind;
            switch (row) {
                case InputRow.Rejected r -> {
                    rejected++;
                    kind = "rejected: " + r.reason();
                }
                case InputRow.Skipped s -> {
                    skipped++;
                    kind = "skipped: " + s.reason();
                }
                case InputRow.Aborted a -> {
                    aborted = true;
                    kind = "cannot continue: " + a.reason();
                }
                case InputRow.Parsed p -> {
                    return;
                }
            }
            if (printed < MAX_PRINTED_PROBLEMS || row instanceof InputRow.Aborted) {
                err.println(source + ":" + row.line() + ": " + kind);
            } else if (printed == MAX_PRINTED_PROBLEMS) {
                err.println("qorgau tx screen: more problems follow; only the first " + MAX_PRINTED_PROBLEMS
                        + " are printed");
            }
            printed++;
        }
    }
}
