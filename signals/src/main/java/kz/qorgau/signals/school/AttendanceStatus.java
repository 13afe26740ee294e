package kz.qorgau.signals.school;

import java.util.Optional;

/** The mark a teacher records for one student in one lesson. */
public enum AttendanceStatus {
    /** In the lesson. */
    PRESENT("present"),
    /** Away without an accepted reason: the input of the absence detectors. */
    ABSENT("absent"),
    /** Away with an accepted reason (illness, a certificate); not an unexcused absence. */
    ABSENT_EXCUSED("absent-excused"),
    /** Came late; counts as attended. */
    LATE("late");

    private final String csv;

    AttendanceStatus(String csv) {
        this.csv = csv;
    }

    /** The value used in CSV and JSON, e.g. {@code absent-excused}. */
    public String csv() {
        return csv;
    }

    /** Parses the CSV value; case and surrounding spaces are ignored. */
    public static Optional<AttendanceStatus> fromCsv(String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "present" -> Optional.of(PRESENT);
            case "absent" -> Optional.of(ABSENT);
            case "absent-excused" -> Optional.of(ABSENT_EXCUSED);
            case "late" -> Optional.of(LATE);
            default -> Optional.empty();
        };
    }
}
