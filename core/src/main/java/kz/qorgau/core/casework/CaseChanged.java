package kz.qorgau.core.casework;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kz.qorgau.core.policy.ImmediateNotice;

/**
 * A case moved to a new version, with everything that follows from it, for the server to apply in one
 * transaction.
 *
 * @param after the case's new version (version 1 for a new case)
 * @param event what happened
 * @param notices who must be told at once (police, oversight), beyond the usual notifications
 * @param referralChanges referrals that changed as a consequence (deadlines shortened, escalated for a
 *     conflict, closed with the case), to be applied in order, each under the same optimistic check as
 *     a {@link ReferralChanged}; one referral may change twice (its second change builds on the first)
 * @param opening a referral to open as a consequence (to oversight, for a conflict), or empty
 */
public record CaseChanged(
        Case after,
        CaseEvent event,
        Set<ImmediateNotice> notices,
        List<ReferralChanged> referralChanges,
        Optional<ReferralOpening> opening)
        implements CaseOutcome {

    /** Checks and copies the fields. */
    public CaseChanged {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(event, "event");
        notices = Set.copyOf(notices);
        referralChanges = List.copyOf(referralChanges);
        Objects.requireNonNull(opening, "opening");
    }
}
