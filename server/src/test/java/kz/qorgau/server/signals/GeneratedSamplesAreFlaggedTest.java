package kz.qorgau.server.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kz.qorgau.signals.school.ScanOptions;
import kz.qorgau.signals.school.ScanReport;
import kz.qorgau.signals.school.SchoolCsv;
import kz.qorgau.signals.school.SchoolSignalsConfig;
import kz.qorgau.signals.tx.AccountDirectory;
import kz.qorgau.signals.tx.Alert;
import kz.qorgau.signals.tx.ScreeningRules;
import kz.qorgau.signals.tx.input.InputRow;
import kz.qorgau.signals.tx.input.TransactionBatch;
import kz.qorgau.signals.tx.input.TransactionReader;
import org.junit.jupiter.api.Test;

/** The integration tests' generated inputs are what they claim: the library flags them. */
class GeneratedSamplesAreFlaggedTest {

    @Test
    void thePassThroughAccountIsAlertedAndTheBadRowIsNamed() {
        String csv = SignalSamples.passThroughCsv("KZ100000000000000001", "KZ200000000000000002", "+77011234567");
        List<InputRow> problems = new ArrayList<>();
        TransactionBatch.Result result = TransactionBatch.screen(
                TransactionReader.csv(new StringReader(csv)),
                ScreeningRules.defaults(),
                AccountDirectory.empty(),
                problems::add);
        assertThat(result.report().alerts()).extracting(Alert::account).contains("KZ100000000000000001");
        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().line()).isEqualTo(5);
    }

    @Test
    void theStudentWhoseAbsencesRoseIsFlaggedAndNoOneElse() {
        SignalSamples.SchoolFiles files = SignalSamples.school("school-x", "risk-1");
        ScanReport report = SchoolCsv.scan(
                new SchoolCsv.Source("attendance", new StringReader(files.attendance())),
                new SchoolCsv.Source("grades", new StringReader(files.grades())),
                new SchoolCsv.Source("observations", new StringReader(files.observations())),
                SchoolSignalsConfig.bundled(),
                ScanOptions.defaults().withAsOf(LocalDate.of(2027, 3, 1)));
        assertThat(report.flagged()).extracting(f -> f.student()).containsExactly("risk-1");
        assertThat(report.rejected()).hasSize(1);
        assertThat(report.rejected().getFirst().line()).isEqualTo(3);
    }
}
