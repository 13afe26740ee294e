package kz.qorgau.signals.identifiers;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import kz.qorgau.signals.text.TextSpan;

/**
 * A phone number found in a text.
 *
 * @param e164 the number in E.164 form ({@code +77771234567}): the join key
 * @param evidence the original words it was read from
 * @param disguises how it was hidden; empty for a plainly written number
 */
public record PhoneMention(String e164, TextSpan evidence, Set<PhoneDisguise> disguises) {

    /** Copies the set. */
    public PhoneMention {
        Objects.requireNonNull(e164, "e164");
        Objects.requireNonNull(evidence, "evidence");
        disguises = disguises.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(disguises));
    }
}
