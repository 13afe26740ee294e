package kz.qorgau.core.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day whose status differs from, or explains, the plain weekday/weekend rule: a holiday, a
 * weekday given off, or a weekend day that is worked.
 *
 * @param date the local date in the calendar's zone
 * @param kind what kind of day it is
 * @param name what the day is, e.g. {@code Nauryz} or {@code moved from Sunday 5 January by order of
 *     the Minister of Labour}; never blank
 */
public record CalendarDay(LocalDate date, Kind kind, String name) {

    /** The kinds of day a calendar file may list. */
    public enum Kind {
        /** A national or state holiday: not worked; falling on a weekend, the next working day is off. */
        HOLIDAY("holiday"),
        /** A religious holiday (Orthodox Christmas, Kurban Ait day 1): not worked, never moved. */
        RELIGIOUS_HOLIDAY("religious-holiday"),
        /** A weekday that is not worked: a holiday moved off a weekend, or a government transfer. */
        DAY_OFF("day-off"),
        /** A Saturday or Sunday that is worked because the government transferred it. */
        WORKING_DAY("working-day");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The word used in calendar files, e.g. {@code day-off}. */
        public String code() {
            return code;
        }

        /** Whether a day of this kind is worked. */
        public boolean isWorked() {
            return this == WORKING_DAY;
        }
    }

    /** Checks that every field is present and the name is not blank. */
    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a calendar day needs a name saying what it is (" + date + ")");
        }
    }
}
