package kz.qorgau.core.casework;

import java.time.Instant;
import java.util.Objects;
import kz.qorgau.core.escalation.EscalationStep;
import kz.qorgau.core.policy.RequiredStep;

/**
 * What {@link Referral#escalate} decided. For one stored version of a referral, one {@code now} and one
 * set of rules it always gives the same answer, so two scheduler instances agree and the server can
 * make the update conditional on the version.
 */
public sealed interface EscalationOutcome {

    /**
     * A step was overdue: the referral is now {@link ReferralState#ESCALATED} and the next rung must
     * get a referral of its own.
     *
     * @param after the referral's new version (store it if the stored version is still one less)
     * @param event the {@link ReferralEvent.Kind#ESCALATED} event
     * @param missed the step whose deadline passed
     * @param missedDueAt when it was due
     * @param step the rung the referral climbs to
     * @param opening the referral to open at that rung, with its deadlines; the server picks the body
     *     of {@code step.receiver()} for the case's area and calls {@link Case#referTo}
     */
    record Escalated(
            Referral after,
            ReferralEvent event,
            RequiredStep missed,
            Instant missedDueAt,
            EscalationStep step,
            ReferralOpening opening)
            implements EscalationOutcome {

        /** Checks the fields. */
        public Escalated {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(missed, "missed");
            Objects.requireNonNull(missedDueAt, "missedDueAt");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(opening, "opening");
        }
    }

    /**
     * The referral was escalated before (by this or another scheduler, or for a conflict).
     *
     * @param escalatedAt when
     */
    record AlreadyEscalated(Instant escalatedAt) implements EscalationOutcome {

        /** Checks the field. */
        public AlreadyEscalated {
            Objects.requireNonNull(escalatedAt, "escalatedAt");
        }
    }

    /**
     * No step is overdue yet.
     *
     * @param dueAt when the earliest open step falls due
     */
    record NotDue(Instant dueAt) implements EscalationOutcome {

        /** Checks the field. */
        public NotDue {
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    /**
     * There is nothing to escalate, and there never will be for this version.
     *
     * @param reason why
     */
    record NothingToEscalate(Reason reason) implements EscalationOutcome {

        /** Checks the field. */
        public NothingToEscalate {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why there is nothing to escalate. */
    enum Reason {
        /** The referral is closed. */
        REFERRAL_CLOSED,
        /** The referral was redirected; the competent body's referral runs its own clock. */
        REFERRAL_REDIRECTED,
        /** Every step is done. */
        ALL_STEPS_MET,
        /** The referral is at the top of its ladder (the Commissioner); oversight statistics show it overdue. */
        TOP_OF_LADDER
    }
}
