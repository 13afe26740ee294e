package kz.qorgau.signals.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InputOrderTest {

    static List<String> scan(String attendance, String grades, String observations) {
        ScanReport report = SchoolCsv.scan(
                new SchoolCsv.Source("attendance.csv", new StringReader(attendance)),
                new SchoolCsv.Source("grades.csv", new StringReader(grades)),
                new SchoolCsv.Source("observations.csv", new StringReader(observations)),
                SchoolSignalsConfig.bundled(),
                ScanOptions.defaults());
        assertThat(report.rejected()).isEmpty();
        return report.flagged().stream()
                .map(f -> SchoolSignalJson.line(f, report.configVersion()))
                .toList();
    }

    static String shuffled(String csv, long seed) {
        List<String> lines = new ArrayList<>(List.of(csv.split("\n")));
        String header = lines.remove(0);
        Collections.shuffle(lines, new Random(seed));
        return header + "\n" + String.join("\n", lines) + "\n";
    }

    @Test
    void rowsInAnyOrderGiveTheSameFlagsAndEvidence() throws IOException {
        Path dir = DevData.schoolDev();
        String attendance = Files.readString(dir.resolve("attendance.csv"));
        String grades = Files.readString(dir.resolve("grades.csv"));
        String observations = Files.readString(dir.resolve("observations.csv"));

        List<String> asGiven = scan(attendance, grades, observations);
        List<String> shuffledRows = scan(shuffled(attendance, 1), shuffled(grades, 2), shuffled(observations, 3));

        assertThat(asGiven).isNotEmpty();
        assertThat(shuffledRows).isEqualTo(asGiven);
    }
}
