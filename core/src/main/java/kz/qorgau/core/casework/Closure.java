package kz.qorgau.core.casework;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request to close a case and, once given, the decision.
 *
 * @param outcome what came of the case, as the requester wrote it
 * @param requestedBy who asked to close it (or closed it, for a standard case)
 * @param requestedAt when
 * @param approvedBy the second person from oversight who approved, or null when not (yet) needed
 * @param closedAt when the case was closed, or null while the request waits
 */
public record Closure(
        String outcome,
        Actor requestedBy,
        Instant requestedAt,
        @Nullable Actor approvedBy,
        @Nullable Instant closedAt) {

    /** Checks the fields. */
    public Closure {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (approvedBy != null && closedAt == null) {
            throw new IllegalArgumentException("an approved closure has a closing time");
        }
    }
}
