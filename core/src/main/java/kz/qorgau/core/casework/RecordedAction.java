package kz.qorgau.core.casework;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An action recorded on a referral. Nothing recorded is changed or removed: a correction is a further
 * action that names the one it corrects and why.
 *
 * @param kind what was done
 * @param by who recorded it
 * @param at when it was recorded
 * @param note what the worker wrote, or null
 * @param corrects for a correction, the position (from 0) of the action it corrects; null otherwise
 * @param reason for a correction, why; null otherwise
 */
public record RecordedAction(
        ActionKind kind,
        Actor by,
        Instant at,
        @Nullable String note,
        @Nullable Integer corrects,
        @Nullable String reason) {

    /** Checks the fields. */
    public RecordedAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        if ((corrects == null) != (reason == null)) {
            throw new IllegalArgumentException("a correction names both the action it corrects and why");
        }
    }

    /** An action as first recorded. */
    public RecordedAction(ActionKind kind, Actor by, Instant at, @Nullable String note) {
        this(kind, by, at, note, null, null);
    }

    /** Whether this is a correction of an earlier action. */
    public boolean isCorrection() {
        return corrects != null;
    }
}
