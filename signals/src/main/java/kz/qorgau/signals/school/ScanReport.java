package kz.qorgau.signals.school;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a scan: the flagged students (and nobody else: unflagged students' data does not
 * leave the scan), the rejected rows, and counts.
 *
 * @param configVersion the {@link SchoolSignalsConfig#version()} the scores were computed with
 * @param schoolYear the accepted date range, or null when no attendance was given
 * @param asOf the cut-off date, or null
 * @param flagged flagged students, highest score first
 * @param rejected the first {@link SchoolScan#MAX_REJECTIONS_KEPT} rejected rows, in input order
 * @param counts what was read
 */
public record ScanReport(
        String configVersion,
        @Nullable SchoolYear schoolYear,
        @Nullable LocalDate asOf,
        List<FlaggedStudent> flagged,
        List<RejectedRow> rejected,
        Counts counts) {

    /** Copies the lists. */
    public ScanReport {
        flagged = List.copyOf(flagged);
        rejected = List.copyOf(rejected);
    }

    /** Whether any row was rejected (also those beyond the kept list). */
    public boolean anyRejected() {
        return counts.rejectedRows() > 0;
    }

    /**
     * What was read.
     *
     * @param students students with attendance
     * @param attendanceRows attendance rows used
     * @param gradeRows marks used
     * @param observationRows observations used
     * @param rowsAfterAsOf rows dated after the as-of date, not used
     * @param rejectedRows all rejected rows
     * @param studentsWithSignals students with at least one signal, flagged or not
     */
    public record Counts(
            int students,
            long attendanceRows,
            long gradeRows,
            long observationRows,
            long rowsAfterAsOf,
            long rejectedRows,
            int studentsWithSignals) {}
}
