package kz.qorgau.core.casework;

import org.jspecify.annotations.Nullable;

/**
 * What is known of the child a case is about. Every field may be unknown; the server keeps these
 * encrypted at rest.
 *
 * @param name the child's name as reported
 * @param age the age in years, 0 to 17
 * @param school the school as reported (free text or a directory code)
 * @param city the city or village
 */
public record Child(
        @Nullable String name,
        @Nullable Integer age,
        @Nullable String school,
        @Nullable String city) {

    /** Checks the age. */
    public Child {
        if (age != null && (age < 0 || age > 17)) {
            throw new IllegalArgumentException("a child's age is 0 to 17, got " + age);
        }
    }

    /** A child of whom nothing is known yet. */
    public static Child unknown() {
        return new Child(null, null, null, null);
    }
}
