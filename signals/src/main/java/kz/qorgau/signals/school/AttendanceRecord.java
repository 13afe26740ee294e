package kz.qorgau.signals.school;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One lesson of one student: a row of {@code student,school,class,date,lesson,status}.
 *
 * @param student the school's pseudonymous student identifier
 * @param school the school
 * @param schoolClass the class (form), e.g. {@code 10A}
 * @param date the day of the lesson
 * @param lesson the lesson's number within the day, from 1
 * @param status the recorded mark
 */
public record AttendanceRecord(
        String student, String school, String schoolClass, LocalDate date, int lesson, AttendanceStatus status) {
    /** Checks that nothing is null; range checks are the scan's, which reports them as rejections. */
    public AttendanceRecord {
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(schoolClass, "schoolClass");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(status, "status");
    }
}
