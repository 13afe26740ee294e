package kz.qorgau.core.casework;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kz.qorgau.core.organisation.OrganisationType;

/**
 * The coarse status a reporter sees with their receipt: received, being handled, escalated to …,
 * closed with outcome. It names types of body, never people or organisation codes.
 */
public sealed interface ReporterStatus {

    /** Nobody has acknowledged the case yet. */
    record Received() implements ReporterStatus {}

    /**
     * Bodies of these types acknowledged the case and are working on it.
     *
     * @param by the types of the bodies working on it
     */
    record BeingHandled(Set<OrganisationType> by) implements ReporterStatus {

        /** Copies the set. */
        public BeingHandled {
            by = Set.copyOf(by);
        }
    }

    /**
     * The case went up to a body of this type (an escalation, or a conflict of interest).
     *
     * @param to the type of body it went to
     */
    record EscalatedTo(OrganisationType to) implements ReporterStatus {

        /** Checks the field. */
        public EscalatedTo {
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * The case is closed.
     *
     * @param outcome what came of it
     */
    record Closed(String outcome) implements ReporterStatus {

        /** Checks the field. */
        public Closed {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * The status of a case with its referrals: closed; else escalated to the body of the most recent open
     * referral if that came from an escalation or conflict; else being handled by the bodies whose open
     * referrals are acknowledged; else received.
     */
    static ReporterStatus of(Case aCase, List<Referral> referrals) {
        if (aCase.status() == CaseStatus.CLOSED) {
            return new Closed(Objects.requireNonNull(aCase.closure()).outcome());
        }
        Optional<Referral> latest = referrals.stream()
                .filter(Referral::isOpen)
                .max(Comparator.comparing(Referral::referredAt).thenComparing(Referral::version));
        if (latest.isPresent()
                && (latest.get().basis() == ReferralBasis.ESCALATED
                        || latest.get().basis() == ReferralBasis.CONFLICT_OF_INTEREST)) {
            return new EscalatedTo(latest.get().organisation().type());
        }
        Set<OrganisationType> working = EnumSet.noneOf(OrganisationType.class);
        for (Referral referral : referrals) {
            if (referral.isOpen() && referral.acknowledgement().isMet()) {
                working.add(referral.organisation().type());
            }
        }
        return working.isEmpty() ? new Received() : new BeingHandled(working);
    }
}
