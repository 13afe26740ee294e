package kz.qorgau.signals.school;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Something a parent or member of staff noticed: a row of {@code student,date,kind,note}.
 *
 * @param student the school's pseudonymous student identifier (must also appear in attendance)
 * @param date the day it was noticed
 * @param kind one of the weighted observation kinds of the configuration, e.g. {@code nights-away}
 * @param note free text, possibly empty; carried into the evidence as written
 */
public record ObservationRecord(String student, LocalDate date, String kind, String note) {
    /** Checks that nothing is null. */
    public ObservationRecord {
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(note, "note");
    }
}
