package kz.qorgau.signals.school;

import java.util.Objects;

/**
 * One explained signal about one student.
 *
 * @param kind what fired: a detector ({@link #ABSENCE_RISE}, {@link #WEEKDAY_PATTERN},
 *     {@link #FIRST_LESSON_PATTERN}, {@link #GRADE_DECLINE}, {@link #LONG_EXCUSED_ABSENCE}) or an
 *     observation kind (e.g. {@code nights-away})
 * @param strength in [0, 1]: how strongly the evidence shows the pattern; multiplied by the
 *     configured weight of the kind
 * @param contribution what this signal added to the student's score after weights and diminishing
 *     returns, in [0, 1]
 * @param evidence the figures and dates, with a sentence for a person
 */
public record Signal(String kind, double strength, double contribution, Evidence evidence) {

    /** Kind of a rise in unexcused absence against the student's own earlier rate. */
    public static final String ABSENCE_RISE = "absence-rise";
    /** Kind of repeated absence on the same weekday. */
    public static final String WEEKDAY_PATTERN = "weekday-pattern";
    /** Kind of repeated absence from first lessons. */
    public static final String FIRST_LESSON_PATTERN = "first-lesson-pattern";
    /** Kind of a long run of excused absence (weak). */
    public static final String LONG_EXCUSED_ABSENCE = "long-excused-absence";
    /** Kind of a decline of marks across subjects. */
    public static final String GRADE_DECLINE = "grade-decline";

    /** Checks the ranges. */
    public Signal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(evidence, "evidence");
        if (!(strength >= 0 && strength <= 1) || !(contribution >= 0 && contribution <= 1)) {
            throw new IllegalArgumentException(
                    "strength and contribution must be in [0, 1]: " + strength + ", " + contribution);
        }
    }

    /** This signal with its contribution to the score set. */
    Signal withContribution(double value) {
        return new Signal(kind, strength, value, evidence);
    }
}
