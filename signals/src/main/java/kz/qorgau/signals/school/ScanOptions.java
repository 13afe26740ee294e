package kz.qorgau.signals.school;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a scan is asked.
 *
 * @param asOf when set, only rows dated on or before it are used: what the school knew then.
 *     Later rows are counted as not yet known, not rejected.
 * @param schoolYear when set, the accepted date range; otherwise the configuration's default shape
 *     around {@code asOf}, or around the dates of the first attendance rows (majority of a sample)
 */
public record ScanOptions(
        @Nullable LocalDate asOf, @Nullable SchoolYear schoolYear) {

    /** No cut-off, school year inferred. */
    public static ScanOptions defaults() {
        return new ScanOptions(null, null);
    }

    /** These options with a cut-off date. */
    public ScanOptions withAsOf(@Nullable LocalDate date) {
        return new ScanOptions(date, schoolYear);
    }

    /** These options with a given school year. */
    public ScanOptions withSchoolYear(@Nullable SchoolYear year) {
        return new ScanOptions(asOf, year);
    }
}
