package kz.qorgau.signals.identifiers;

import java.util.Objects;
import kz.qorgau.signals.text.TextSpan;

/**
 * An age the text states for the person it offers ({@code мне 16}, {@code 17 жаста},
 * {@code 16 y.o.}, {@code молоденькая, 18}); ages of other people ({@code няня для ребёнка 6 лет}),
 * ranges ({@code 10-11 лет}) and durations ({@code опыт 10 лет}) are not stated ages.
 *
 * @param age the age in years
 * @param evidence the original words
 */
public record AgeMention(int age, TextSpan evidence) {

    /** Checks the fields. */
    public AgeMention {
        Objects.requireNonNull(evidence, "evidence");
        if (age < 0 || age > 130) {
            throw new IllegalArgumentException("age must be 0..130, got " + age);
        }
    }
}
