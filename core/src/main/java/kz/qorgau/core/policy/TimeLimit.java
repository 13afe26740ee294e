package kz.qorgau.core.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qorgau.core.calendar.WorkingCalendar;

/**
 * How long something may take: clock time (every hour counts, nights and holidays too) or working
 * days on a {@link WorkingCalendar}. Written in configuration as an ISO-8601 duration for clock time
 * ({@code PT1H}, {@code PT24H}) or as {@code NWD} for N working days ({@code 3WD}).
 */
public sealed interface TimeLimit {

    /**
     * The moment the limit runs out for something that started at {@code start}.
     *
     * @throws kz.qorgau.core.calendar.NoCalendarDataException when a working-day count reaches a year
     *     the calendar has no data for
     */
    Instant from(Instant start, WorkingCalendar calendar);

    /** The configuration form, which {@link #parse(String)} reads back. */
    String code();

    /** Clock time: the limit ends exactly this long after the start. */
    record ClockTime(Duration duration) implements TimeLimit {

        /** Checks the duration is positive and at most a year. */
        public ClockTime {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(366)) > 0) {
                throw new IllegalArgumentException(
                        "a clock-time limit is positive and at most a year, got " + duration);
            }
        }

        @Override
        public Instant from(Instant start, WorkingCalendar calendar) {
            return start.plus(duration);
        }

        @Override
        public String code() {
            return duration.toString();
        }
    }

    /** Working days: the limit ends at the end of the N-th working day after the day of the start. */
    record WorkingDays(int days) implements TimeLimit {

        /** Checks the count is 1 to 366. */
        public WorkingDays {
            if (days < 1 || days > 366) {
                throw new IllegalArgumentException("a working-day limit is 1 to 366 days, got " + days);
            }
        }

        @Override
        public Instant from(Instant start, WorkingCalendar calendar) {
            return calendar.addWorkingDays(start, days);
        }

        @Override
        public String code() {
            return days + "WD";
        }
    }

    /** A limit of whole clock hours. */
    static TimeLimit clockHours(int hours) {
        return new ClockTime(Duration.ofHours(hours));
    }

    /** A limit of working days. */
    static TimeLimit workingDays(int days) {
        return new WorkingDays(days);
    }

    /**
     * Reads {@code NWD} (working days, e.g. {@code 3WD}) or an ISO-8601 duration (clock time, e.g.
     * {@code PT1H}).
     *
     * @throws IllegalArgumentException saying which forms are accepted
     */
    static TimeLimit parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip().toUpperCase(Locale.ROOT);
        Matcher workingDays = Pattern.compile("(\\d{1,3})\\s*WD").matcher(trimmed);
        if (workingDays.matches()) {
            return new WorkingDays(Integer.parseInt(workingDays.group(1)));
        }
        try {
            return new ClockTime(Duration.parse(trimmed));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time limit: write working days as 3WD or"
                    + " clock time as an ISO-8601 duration such as PT1H or PT24H");
        }
    }
}
