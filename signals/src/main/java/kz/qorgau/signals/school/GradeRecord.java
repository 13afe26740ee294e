package kz.qorgau.signals.school;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One mark: a row of {@code student,school,class,date,subject,score,max_score}.
 *
 * @param student the school's pseudonymous student identifier (must also appear in attendance)
 * @param school the school
 * @param schoolClass the class (form)
 * @param date the day of the mark
 * @param subject the subject, e.g. {@code math}
 * @param score the mark, from 0 to {@code maxScore}
 * @param maxScore the best possible mark on this scale (5 in Kazakhstan's 5-point scale, 10 on
 *     the criteria-based scale, 100 for percentages)
 */
public record GradeRecord(
        String student,
        String school,
        String schoolClass,
        LocalDate date,
        String subject,
        double score,
        double maxScore) {
    /** Checks that nothing is null; range checks are the scan's, which reports them as rejections. */
    public GradeRecord {
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(schoolClass, "schoolClass");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(subject, "subject");
    }
}
