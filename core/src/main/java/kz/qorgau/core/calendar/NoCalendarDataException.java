package kz.qorgau.core.calendar;

import java.time.LocalDate;

/**
 * Thrown when a date outside the years a {@link WorkingCalendar} covers is asked about. This is a
 * configuration error, not an expected outcome: the calendar file lacks the year and must be
 * extended by an administrator.
 */
public final class NoCalendarDataException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int year;

    NoCalendarDataException(LocalDate date, String covered) {
        super("The working-day calendar has no data for "
                + date.getYear()
                + " (asked about "
                + date
                + "; it covers "
                + covered
                + "). Add a 'year "
                + date.getYear()
                + " official|provisional' line and that year's holidays and transferred days to the"
                + " calendar file (format in WorkingCalendar's documentation).");
        this.year = date.getYear();
    }

    /** The year that has no data. */
    public int year() {
        return year;
    }
}
