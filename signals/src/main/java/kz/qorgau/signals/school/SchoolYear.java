package kz.qorgau.signals.school;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The dates a scan accepts, inclusive at both ends. Rows outside are rejected as outside the
 * school year.
 *
 * @param start first day
 * @param end last day, not before {@code start} and at most 400 days after it
 */
public record SchoolYear(LocalDate start, LocalDate end) {

    /** Validates the range. */
    public SchoolYear {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) > 400) {
            throw new IllegalArgumentException(
                    "school year " + start + ".." + end + " must end after it starts and last at most 400 days");
        }
    }

    /**
     * The school year of the configuration's default shape that starts in {@code startYear}
     * (e.g. 2025 gives 1 September 2025 to 31 May 2026 with the bundled configuration).
     */
    public static SchoolYear startingIn(int startYear, SchoolSignalsConfig.SchoolYearDefault shape) {
        LocalDate start = LocalDate.of(startYear, shape.startMonth(), shape.startDay());
        LocalDate end = LocalDate.of(startYear, shape.endMonth(), shape.endDay());
        if (!end.isAfter(start)) {
            end = end.plusYears(1);
        }
        return new SchoolYear(start, end);
    }

    /**
     * The school year of the default shape that a date belongs to or, in the summer holidays, the
     * one that has just ended.
     */
    public static SchoolYear containing(LocalDate date, SchoolSignalsConfig.SchoolYearDefault shape) {
        SchoolYear thisYear = startingIn(date.getYear(), shape);
        return date.isBefore(thisYear.start()) ? startingIn(date.getYear() - 1, shape) : thisYear;
    }

    /** Whether the date is inside, both ends included. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /** Number of calendar days, both ends included. */
    public int lengthInDays() {
        return (int) ChronoUnit.DAYS.between(start, end) + 1;
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
