package kz.qorgau.core.casework;

import java.time.Instant;
import java.util.Objects;

/**
 * A conflict of interest recorded on a case.
 *
 * @param signal what was signalled, about which organisation
 * @param flaggedBy who recorded it (the reporter's messages arrive as the intake system)
 * @param at when
 */
public record FlaggedConflict(ConflictSignal signal, Actor flaggedBy, Instant at) {

    /** Checks the fields. */
    public FlaggedConflict {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(flaggedBy, "flaggedBy");
        Objects.requireNonNull(at, "at");
    }
}
