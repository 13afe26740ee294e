package kz.qorgau.core.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * The moments a referral's steps fall due, computed from a policy, a start and a calendar.
 *
 * @param acknowledgeBy when the acknowledgement is due
 * @param actBy when the first protective action is due
 * @param outcomeBy when the outcome is due
 * @param redirectUntil until when the organisation may redirect the referral as not competent
 */
public record DueTimes(Instant acknowledgeBy, Instant actBy, Instant outcomeBy, Instant redirectUntil) {

    /** Checks the fields. */
    public DueTimes {
        Objects.requireNonNull(acknowledgeBy, "acknowledgeBy");
        Objects.requireNonNull(actBy, "actBy");
        Objects.requireNonNull(outcomeBy, "outcomeBy");
        Objects.requireNonNull(redirectUntil, "redirectUntil");
    }

    /** The due moment of a step. */
    public Instant of(RequiredStep step) {
        return switch (step) {
            case ACKNOWLEDGE -> acknowledgeBy;
            case FIRST_PROTECTIVE_ACTION -> actBy;
            case OUTCOME -> outcomeBy;
        };
    }

    /** Step by step, the earlier of these and the other due times. */
    public DueTimes earliest(DueTimes other) {
        return new DueTimes(
                min(acknowledgeBy, other.acknowledgeBy),
                min(actBy, other.actBy),
                min(outcomeBy, other.outcomeBy),
                min(redirectUntil, other.redirectUntil));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
