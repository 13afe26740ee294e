package kz.qorgau.core.calendar;

import java.util.Objects;

/**
 * A year a calendar covers, and how sure its data is.
 *
 * @param year the calendar year
 * @param status whether the year's days off come from published acts or were derived from the law
 * @param note where the data comes from; may be empty
 */
public record CalendarYear(int year, Status status, String note) {

    /** How sure the data of a year is. */
    public enum Status {
        /** Taken from the published production calendar and the government's transfer acts. */
        OFFICIAL("official"),
        /**
         * Derived from the law alone (holidays, the weekend rule) because the transfer acts for the
         * year were not yet published; to be checked and updated when they are.
         */
        PROVISIONAL("provisional");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        /** The word used in calendar files. */
        public String code() {
            return code;
        }
    }

    /** Checks the fields. */
    public CalendarYear {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(note, "note");
        if (year < 1900 || year > 9999) {
            throw new IllegalArgumentException("calendar year out of range: " + year);
        }
    }
}
