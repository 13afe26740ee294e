package kz.qorgau.core.casework;

import java.util.Objects;
import java.util.Optional;

/**
 * A referral moved to a new version.
 *
 * <p>The server stores {@code after} only if the stored version is still {@code after.version() - 1}
 * (optimistic concurrency), appends {@code event}, and, when there is an {@code opening}, resolves the
 * receiving organisation and opens it with {@link Case#referTo}.
 *
 * @param after the referral's new version
 * @param event what happened
 * @param opening a referral to open as a consequence (redirect, refer-on), or empty
 */
public record ReferralChanged(Referral after, ReferralEvent event, Optional<ReferralOpening> opening)
        implements ReferralOutcome {

    /** Checks the fields. */
    public ReferralChanged {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(opening, "opening");
    }

    static ReferralChanged of(Referral after, ReferralEvent event) {
        return new ReferralChanged(after, event, Optional.empty());
    }
}
