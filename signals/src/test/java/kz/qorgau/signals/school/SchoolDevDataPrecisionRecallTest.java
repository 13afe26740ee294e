package kz.qorgau.signals.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall on the labelled dev school year ({@code shared/data/school-dev}), with the
 * detected change date against the labelled one. Thresholds (why these numbers):
 *
 * <ul>
 *   <li>recall ≥ 0.85: a missed at-risk child is the costly error; on this data every at-risk student
 *       has a sustained absence rise and falling marks, so anything lower means a detector broke;
 *   <li>precision ≥ 0.75: a flag is work for a safeguarding lead, not an accusation, and a lead can
 *       check a handful of false flags a year; the look-alikes must not be flagged at all (below);
 *   <li>no {@code chronic}, {@code sick} or {@code onebad} student flagged: they are the mistakes the
 *       design exists to avoid (a high but steady rate, excused illness, one bad mark);
 *   <li>change date within 14 days for ≥ 80% of flagged at-risk students: two school weeks is what a
 *       lead needs to line the signal up with what else happened.
 * </ul>
 */
class SchoolDevDataPrecisionRecallTest {

    record Truth(boolean atRisk, String kind, LocalDate changeDate) {}

    static Map<String, Truth> truth;
    static ScanReport report;

    @BeforeAll
    static void scanDevData() throws IOException {
        Path dir = DevData.schoolDev();
        truth = new HashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("truth.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            truth.put(f[0], new Truth(Boolean.parseBoolean(f[1]), f[3], f[2].isEmpty() ? null : LocalDate.parse(f[2])));
        }
        try (Reader attendance = Files.newBufferedReader(dir.resolve("attendance.csv"), StandardCharsets.UTF_8);
                Reader grades = Files.newBufferedReader(dir.resolve("grades.csv"), StandardCharsets.UTF_8);
                Reader observations =
                        Files.newBufferedReader(dir.resolve("observations.csv"), StandardCharsets.UTF_8)) {
            report = SchoolCsv.scan(
                    new SchoolCsv.Source("attendance.csv", attendance),
                    new SchoolCsv.Source("grades.csv", grades),
                    new SchoolCsv.Source("observations.csv", observations),
                    SchoolSignalsConfig.bundled(),
                    ScanOptions.defaults());
        }
    }

    @Test
    @DisplayName("flags at-risk students with high precision and recall, and none of the look-alikes")
    void precisionAndRecallAboveThresholds() {
        Set<String> flagged = new HashSet<>();
        report.flagged().forEach(f -> flagged.add(f.student()));
        long atRisk = truth.values().stream().filter(Truth::atRisk).count();
        long truePositives = flagged.stream().filter(s -> truth.get(s).atRisk()).count();
        double precision = flagged.isEmpty() ? 0 : (double) truePositives / flagged.size();
        double recall = (double) truePositives / atRisk;
        List<String> lookAlikes = new ArrayList<>();
        for (String s : flagged) {
            Truth t = truth.get(s);
            if (!t.atRisk()) {
                lookAlikes.add(s + "(" + t.kind() + ")");
            }
        }
        System.out.printf(
                "school-dev: flagged %d, at risk %d, true positives %d, precision %.3f, recall %.3f, false flags %s%n",
                flagged.size(), atRisk, truePositives, precision, recall, lookAlikes);
        assertThat(report.rejected()).as("the dev data has no bad rows").isEmpty();
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.85);
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(0.75);
        assertThat(lookAlikes)
                .as("chronic, sick and onebad students are look-alikes and must not be flagged")
                .noneMatch(s -> s.contains("(chronic)") || s.contains("(sick)") || s.contains("(onebad)"));
    }

    @Test
    @DisplayName("the estimated change date is within 14 days of the labelled one")
    void changeDateIsCloseToTheLabelledOne() {
        int compared = 0;
        int within14 = 0;
        List<Long> errors = new ArrayList<>();
        for (FlaggedStudent student : report.flagged()) {
            Truth t = truth.get(student.student());
            if (!t.atRisk() || t.changeDate() == null) {
                continue;
            }
            LocalDate estimate = changeDate(student);
            if (estimate == null) {
                continue;
            }
            compared++;
            long error = Math.abs(ChronoUnit.DAYS.between(t.changeDate(), estimate));
            errors.add(error);
            if (error <= 14) {
                within14++;
            }
        }
        errors.sort(null);
        double share = compared == 0 ? 0 : (double) within14 / compared;
        System.out.printf(
                "school-dev: change date within 14 days for %d of %d flagged at-risk students (%.3f); errors in days %s%n",
                within14, compared, share, errors);
        assertThat(compared).isPositive();
        assertThat(share).isGreaterThanOrEqualTo(0.8);
    }

    /** The absence-rise change date if there is one, else the grade decline's. */
    static LocalDate changeDate(FlaggedStudent student) {
        for (Signal signal : student.signals()) {
            if (signal.evidence() instanceof Evidence.AbsenceRise rise) {
                return rise.changeDate();
            }
        }
        for (Signal signal : student.signals()) {
            if (signal.evidence() instanceof Evidence.GradeDecline decline) {
                return decline.changeDate();
            }
        }
        return null;
    }
}
