package kz.qorgau.signals.school;

import java.util.List;

/**
 * A student whose combined score reached the flag threshold: work for a person, never a finding.
 *
 * @param student the school's pseudonymous student identifier
 * @param school the school
 * @param schoolClass the class
 * @param score the combined score in [0, 1]
 * @param signals the signals, largest contribution first
 */
public record FlaggedStudent(String student, String school, String schoolClass, double score, List<Signal> signals) {
    /** Copies the list. */
    public FlaggedStudent {
        signals = List.copyOf(signals);
    }
}
