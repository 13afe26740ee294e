package kz.qorgau.core.casework;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An action recorded on a referral.
 *
 * @param kind what was done
 * @param by who recorded it
 * @param at when it was recorded
 * @param note what the worker wrote, or null
 */
public record RecordedAction(
        ActionKind kind, Actor by, Instant at, @Nullable String note) {

    /** Checks the fields. */
    public RecordedAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
