package kz.qorgau.core;

import java.time.Instant;
import java.time.LocalDateTime;
import kz.qorgau.core.calendar.WorkingCalendar;

/** Moments written as local date-times in Kazakhstan, for readable tests. */
public final class Almaty {

    private Almaty() {}

    /** The instant of a local date-time in Asia/Almaty, e.g. {@code at("2026-03-06T19:45")}. */
    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ALMATY).toInstant();
    }

    /** The local date-time of an instant in Asia/Almaty, for assertions and messages. */
    public static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, WorkingCalendar.ALMATY);
    }
}
