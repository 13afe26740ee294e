package kz.qorgau.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import kz.qorgau.signals.school.FlaggedStudent;
import kz.qorgau.signals.school.RejectedRow;
import kz.qorgau.signals.school.ScanOptions;
import kz.qorgau.signals.school.ScanReport;
import kz.qorgau.signals.school.SchoolCsv;
import kz.qorgau.signals.school.SchoolScan;
import kz.qorgau.signals.school.SchoolSignalJson;
import kz.qorgau.signals.school.SchoolSignalsConfig;
import kz.qorgau.signals.school.SchoolYear;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qorgau school scan --attendance FILE --grades FILE [--observations FILE] [--as-of DATE]}:
 * writes one JSON line per flagged student to standard output, rejected rows ({@code file:line:
 * reason}) and a summary to standard error. Exit code 0 when every row was accepted, 1 when some
 * rows were rejected (the rest was still scanned), 2 for a usage error or a file that cannot be read.
 */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        description = {
            "Scans a school year's attendance, grades and observations and writes one JSON line per flagged"
                    + " student: {\"student\",\"score\",\"signals\":[{\"kind\",\"evidence\"}]}.",
            "Exit code: 0 all rows accepted, 1 some rows rejected (reported on standard error with their line"
                    + " numbers; the rest was scanned), 2 usage error or unreadable file."
        })
final class SchoolScanCommand implements Callable<Integer> {

    static final int ROWS_REJECTED = 1;
    static final int CANNOT_RUN = 2;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--attendance",
            required = true,
            paramLabel = "FILE",
            description = "student,school,class,date,lesson,status")
    Path attendance;

    @Option(
            names = "--grades",
            required = true,
            paramLabel = "FILE",
            description = "student,school,class,date,subject,score,max_score")
    Path grades;

    @Option(names = "--observations", paramLabel = "FILE", description = "student,date,kind,note")
    @Nullable
    Path observations;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "use only rows dated on or before DATE (YYYY-MM-DD): what the school knew then")
    @Nullable
    LocalDate asOf;

    @Option(
            names = "--school-year",
            paramLabel = "YEAR",
            description = "the school year starting in YEAR (e.g. 2025 for 1 Sep 2025 to 31 May 2026);"
                    + " default: around --as-of, else inferred from the attendance dates")
    @Nullable
    Integer schoolYear;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "thresholds and weights (JSON, format of the bundled school-signals-v1.json)")
    @Nullable
    Path config;

    @Option(
            names = "--charset",
            paramLabel = "NAME",
            description = "encoding of the CSV files (default UTF-8; e.g. windows-1251 for older exports)")
    Charset charset = StandardCharsets.UTF_8;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SchoolSignalsConfig signalsConfig;
        try {
            signalsConfig = loadConfig();
        } catch (IOException | IllegalArgumentException e) {
            err.println("qorgau school scan: cannot use --config " + config + ": " + e.getMessage());
            return CANNOT_RUN;
        }
        ScanOptions options = ScanOptions.defaults().withAsOf(asOf);
        if (schoolYear != null) {
            options = options.withSchoolYear(SchoolYear.startingIn(schoolYear, signalsConfig.schoolYear()));
        }
        ScanReport report;
        try {
            report = scan(signalsConfig, options);
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            String hint = cause instanceof java.nio.charset.CharacterCodingException
                    ? " (the file is not valid " + charset + "; give its encoding with --charset, e.g. windows-1251)"
                    : "";
            err.println("qorgau school scan: " + e.getMessage() + ": " + cause + hint);
            return CANNOT_RUN;
        }
        for (FlaggedStudent student : report.flagged()) {
            out.println(SchoolSignalJson.line(student, report.configVersion()));
        }
        out.flush();
        for (RejectedRow row : report.rejected()) {
            err.println(row);
        }
        long notShown = report.counts().rejectedRows() - report.rejected().size();
        if (notShown > 0) {
            err.println("… and " + notShown + " more rejected rows not listed");
        }
        var counts = report.counts();
        err.printf(
                "school scan: school year %s%s, %d students, %d attendance rows, %d marks, %d observations used;"
                        + " %d rows after the as-of date; %d rows rejected; %d students flagged (config %s)%n",
                report.schoolYear() == null ? "unknown" : report.schoolYear(),
                asOf == null ? "" : ", as of " + asOf,
                counts.students(),
                counts.attendanceRows(),
                counts.gradeRows(),
                counts.observationRows(),
                counts.rowsAfterAsOf(),
                counts.rejectedRows(),
                report.flagged().size(),
                report.configVersion());
        err.flush();
        return report.anyRejected() ? ROWS_REJECTED : 0;
    }

    private ScanReport scan(SchoolSignalsConfig signalsConfig, ScanOptions options) throws IOException {
        SchoolScan scan = SchoolScan.begin(signalsConfig, options);
        try (Reader reader = Files.newBufferedReader(attendance, charset)) {
            SchoolCsv.readAttendance(
                    new SchoolCsv.Source(attendance.getFileName().toString(), reader), scan);
        }
        try (Reader reader = Files.newBufferedReader(grades, charset)) {
            SchoolCsv.readGrades(new SchoolCsv.Source(grades.getFileName().toString(), reader), scan);
        }
        Path observationsFile = observations;
        if (observationsFile != null) {
            try (Reader reader = Files.newBufferedReader(observationsFile, charset)) {
                SchoolCsv.readObservations(
                        new SchoolCsv.Source(observationsFile.getFileName().toString(), reader), scan);
            }
        }
        return scan.finish();
    }

    private SchoolSignalsConfig loadConfig() throws IOException {
        Path file = config;
        if (file == null) {
            return SchoolSignalsConfig.bundled();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return SchoolSignalsConfig.fromJson(in);
        }
    }
}
