package kz.qorgau.core.calendar;

import java.util.List;

/**
 * The result of reading a calendar file: the calendar built from the accepted lines and the lines
 * that were rejected, each with its line number.
 *
 * @param calendar the calendar of the accepted lines
 * @param rejected the rejected lines, in file order; empty when the file is clean
 */
public record CalendarFile(WorkingCalendar calendar, List<RejectedLine> rejected) {

    /** Copies the list. */
    public CalendarFile {
        rejected = List.copyOf(rejected);
    }

    /** Whether every line was accepted. */
    public boolean isClean() {
        return rejected.isEmpty();
    }
}
