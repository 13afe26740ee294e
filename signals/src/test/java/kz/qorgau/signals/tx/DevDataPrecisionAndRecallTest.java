package kz.qorgau.signals.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kz.qorgau.signals.tx.input.AccountsCsv;
import kz.qorgau.signals.tx.input.InputRow;
import kz.qorgau.signals.tx.input.TransactionFormat;
import kz.qorgau.signals.tx.input.TransactionReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall on the labelled development data ({@code shared/data/tx-dev}), printed and
 * held above floors.
 *
 * <p>Truth roles: {@code victim} is scored against pass-through alerts, {@code collector} against
 * collector alerts. {@code controller} (receives from one victim) is its own typology here: it is
 * neither a collector nor a miss of one, so controllers count against collector precision only if
 * alerted as collectors; controller precision and recall are printed and held separately.
 *
 * <p>Why these floors: the data has 12 victims, 4 collectors and 6 controllers, so one miss costs 8,
 * 25 and 17 points. The floors allow one miss of each kind (0.9 for pass-through, 0.75 for
 * collectors) and two for controllers (0.6), and one false alert in ten for precision: the rules are
 * tuned on the typology (FATF, FinCEN, FINTRAC descriptions), not on these rows, and the floors must
 * leave room for that without letting a whole lost ring (two or three misses at once) pass unseen.
 */
class DevDataPrecisionAndRecallTest {

    private static ScreeningReport report;
    private static Map<String, String> truth;

    @BeforeAll
    static void screenTheDevelopmentData() throws IOException {
        Path dir = devData();
        AccountDirectory directory;
        try (Reader accounts = Files.newBufferedReader(dir.resolve("accounts.csv"))) {
            AccountsCsv.Result result = AccountsCsv.read(accounts);
            assertThat(result.problems()).isEmpty();
            directory = result.directory();
        }
        TransactionScreener screener = TransactionScreener.create(ScreeningRules.defaults(), directory);
        long rejected = 0;
        try (TransactionReader reader =
                TransactionReader.open(dir.resolve("transactions.csv"), TransactionFormat.CSV)) {
            while (reader.hasNext()) {
                InputRow row = reader.next();
                if (row instanceof InputRow.Parsed parsed) {
                    rejected += screener.accept(parsed.transaction()).rejected() ? 1 : 0;
                } else if (row instanceof InputRow.Rejected || row instanceof InputRow.Aborted) {
                    rejected++;
                }
            }
        }
        assertThat(rejected).as("rows rejected in the development data").isZero();
        report = screener.finish();
        truth = new HashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("truth.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.split(",");
            truth.put(parts[0], parts[1]);
        }
    }

    private static Path devData() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/tx-dev");
            if (Files.isRegularFile(candidate.resolve("transactions.csv"))) {
                return candidate;
            }
        }
        Assumptions.abort("the development data (shared/data/tx-dev) was not found above "
                + Path.of("").toAbsolutePath() + "; skipping precision and recall");
        throw new AssertionError("unreachable");
    }

    private record Score(String name, int correct, int alerted, int positives) {
        double precision() {
            return alerted == 0 ? 0 : (double) correct / alerted;
        }

        double recall() {
            return positives == 0 ? 0 : (double) correct / positives;
        }

        @Override
        public String toString() {
            return String.format(
                    java.util.Locale.ROOT,
                    "%-13s precision %.2f (%d/%d)  recall %.2f (%d/%d)",
                    name,
                    precision(),
                    correct,
                    alerted,
                    recall(),
                    correct,
                    positives);
        }
    }

    private static Score score(Typology typology, String role) {
        List<String> alerted = report.alerts().stream()
                .filter(a -> a.typology() == typology)
                .map(Alert::account)
                .toList();
        int correct =
                (int) alerted.stream().filter(a -> role.equals(truth.get(a))).count();
        int positives = (int) truth.values().stream().filter(role::equals).count();
        Score score = new Score(typology.label(), correct, alerted.size(), positives);
        System.out.println("tx-dev " + score);
        return score;
    }

    @Test
    void passThroughAccountsAreFound() {
        Score score = score(Typology.PASS_THROUGH, "victim");

        assertThat(score.recall()).isGreaterThanOrEqualTo(0.9);
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void collectorsAreFound() {
        Score score = score(Typology.COLLECTOR, "collector");

        assertThat(score.recall()).isGreaterThanOrEqualTo(0.75);
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void controllersAreFound() {
        Score score = score(Typology.CONTROLLER, "controller");

        assertThat(score.recall()).isGreaterThanOrEqualTo(0.6);
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void noLookAlikeIsAlerted() {
        Set<String> lookAlikes = Set.of("shop", "tutor", "student", "classfund", "normal", "merchant", "employer");
        Map<String, Long> alertedByRole = report.alerts().stream()
                .collect(Collectors.groupingBy(a -> truth.getOrDefault(a.account(), "unknown"), Collectors.counting()));
        System.out.println("tx-dev alerts by true role: " + alertedByRole);

        assertThat(alertedByRole.keySet()).doesNotContainAnyElementsOf(lookAlikes);
    }
}
