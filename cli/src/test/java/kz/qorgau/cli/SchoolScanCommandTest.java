package kz.qorgau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchoolScanCommandTest {

    record Run(int exitCode, List<String> out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // The school group alone, so that this test does not depend on the other command groups.
        CommandLine command = new CommandLine(new SchoolCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "scan";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = command.execute(all);
        List<String> lines = Arrays.stream(out.toString().split("\n"))
                .filter(l -> !l.isBlank())
                .toList();
        return new Run(exit, lines, err.toString());
    }

    static Path schoolDev() {
        for (@Nullable Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared/data/school-dev");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        Assumptions.abort("the dev data was not found: no shared/data/school-dev above the working directory");
        throw new AssertionError("unreachable");
    }

    @Test
    void scanningTheDevYearWritesOneJsonLinePerFlaggedStudentWithEvidenceAndExitsZero() {
        Path dir = schoolDev();

        Run run = run(
                "--attendance", dir.resolve("attendance.csv").toString(),
                "--grades", dir.resolve("grades.csv").toString(),
                "--observations", dir.resolve("observations.csv").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).hasSizeBetween(15, 25);
        JsonNode first = JsonMapper.builder().build().readTree(run.out().get(0));
        assertThat(first.get("student").asString()).startsWith("s");
        assertThat(first.get("score").asDouble()).isBetween(0.5, 1.0);
        JsonNode signal = first.get("signals").get(0);
        assertThat(signal.get("kind").asString()).isNotBlank();
        assertThat(signal.get("evidence").get("summary").asString()).isNotBlank();
        assertThat(run.err()).contains("0 rows rejected");
    }

    @Test
    void asOfBeforeAnyChangeFlagsNobody() {
        Path dir = schoolDev();

        Run run = run(
                "--attendance", dir.resolve("attendance.csv").toString(),
                "--grades", dir.resolve("grades.csv").toString(),
                "--as-of", "2025-11-30");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("as of 2025-11-30").contains("rows after the as-of date");
    }

    @Test
    void rejectedRowsAreListedWithLineNumbersAndTheExitCodeSaysSo(@TempDir Path dir) throws IOException {
        Path attendance = dir.resolve("attendance.csv");
        Files.writeString(
                attendance,
                "student,school,class,date,lesson,status\n"
                        + "s1,school-1,9A,2025-09-01,1,present\n"
                        + "s1,school-1,9A,2025-09-01,2,sleeping\n");
        Path grades = dir.resolve("grades.csv");
        Files.writeString(
                grades, "student,school,class,date,subject,score,max_score\ns1,school-1,9A,2025-09-01,math,6,5\n");

        Run run = run("--attendance", attendance.toString(), "--grades", grades.toString());

        assertThat(run.exitCode()).isEqualTo(SchoolScanCommand.ROWS_REJECTED);
        assertThat(run.err())
                .contains("attendance.csv:3: unknown status 'sleeping'")
                .contains("grades.csv:2: score 6 is above max_score 5")
                .contains("2 rows rejected");
    }

    @Test
    void aMissingFileIsAUsageErrorNotACrash(@TempDir Path dir) {
        Run run = run(
                "--attendance",
                dir.resolve("none.csv").toString(),
                "--grades",
                dir.resolve("none.csv").toString());

        assertThat(run.exitCode()).isEqualTo(SchoolScanCommand.CANNOT_RUN);
        assertThat(run.err()).contains("none.csv");
    }

    @Test
    void aFileInAnotherEncodingIsReportedWithAHintAboutCharset(@TempDir Path dir) throws IOException {
        Path attendance = dir.resolve("attendance.csv");
        Files.write(
                attendance,
                "student,school,class,date,lesson,status\nученик,школа,9А,2025-09-01,1,present\n"
                        .getBytes(java.nio.charset.Charset.forName("windows-1251")));
        Path grades = dir.resolve("grades.csv");
        Files.writeString(grades, "student,school,class,date,subject,score,max_score\n");

        Run utf8 = run("--attendance", attendance.toString(), "--grades", grades.toString());
        Run cp1251 =
                run("--attendance", attendance.toString(), "--grades", grades.toString(), "--charset", "windows-1251");

        assertThat(utf8.exitCode()).isEqualTo(SchoolScanCommand.CANNOT_RUN);
        assertThat(utf8.err()).contains("--charset");
        assertThat(cp1251.exitCode()).isZero();
        assertThat(cp1251.err()).contains("1 attendance rows");
    }
}
