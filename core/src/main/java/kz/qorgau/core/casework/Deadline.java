package kz.qorgau.core.casework;

import java.time.Instant;
import java.util.Objects;
import kz.qorgau.core.policy.RequiredStep;
import org.jspecify.annotations.Nullable;

/**
 * When one step of a referral is due, and when it was done.
 *
 * @param step the step
 * @param dueAt the moment the step is overdue
 * @param metAt when it was done (possibly late), or null while it is not
 */
public record Deadline(
        RequiredStep step, Instant dueAt, @Nullable Instant metAt) {

    /** Checks the fields. */
    public Deadline {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** Whether the step is done. */
    public boolean isMet() {
        return metAt != null;
    }

    /** Whether the step is not done and its time has run out at {@code now} (due moment included). */
    public boolean isOverdueAt(Instant now) {
        return metAt == null && !now.isBefore(dueAt);
    }

    /** Whether the step was done after it was due. */
    public boolean wasMetLate() {
        return metAt != null && !metAt.isBefore(dueAt);
    }

    Deadline metAt(Instant now) {
        return metAt != null ? this : new Deadline(step, dueAt, now);
    }

    Deadline dueNoLaterThan(Instant due) {
        return metAt == null && due.isBefore(dueAt) ? new Deadline(step, due, null) : this;
    }
}
