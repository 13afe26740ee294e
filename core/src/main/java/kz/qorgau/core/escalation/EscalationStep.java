package kz.qorgau.core.escalation;

import java.util.Objects;
import kz.qorgau.core.organisation.OrganisationType;
import kz.qorgau.core.policy.TimeLimit;

/**
 * One rung of a ladder: the body an overdue referral goes to, and how long that body has. For a
 * critical case the policy's clock-hour limits apply where they are shorter, so a critical case
 * never slows down by climbing.
 *
 * @param receiver the type of body that receives the escalation
 * @param acknowledgeWithin the time it has to acknowledge the escalated referral
 * @param actWithin the time it has to take (or see taken) the first protective action
 */
public record EscalationStep(OrganisationType receiver, TimeLimit acknowledgeWithin, TimeLimit actWithin) {

    /** Checks the fields. */
    public EscalationStep {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(acknowledgeWithin, "acknowledgeWithin");
        Objects.requireNonNull(actWithin, "actWithin");
    }

    /**
     * A step as plain strings, as configuration gives it.
     *
     * @param receiver an organisation type code, e.g. {@code district-education}
     * @param acknowledgeWithin e.g. {@code 1WD} or {@code PT4H}
     * @param actWithin e.g. {@code 3WD}
     */
    public record Settings(String receiver, String acknowledgeWithin, String actWithin) {

        /**
         * The step these settings describe.
         *
         * @throws IllegalArgumentException naming the setting at fault
         */
        public EscalationStep toStep() {
            OrganisationType type = OrganisationType.fromCode(receiver == null ? "" : receiver)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "escalation step: unknown organisation type '" + receiver + "'"));
            return new EscalationStep(
                    type, parse("acknowledge-within", acknowledgeWithin), parse("act-within", actWithin));
        }

        private TimeLimit parse(String field, String value) {
            if (value == null) {
                throw new IllegalArgumentException("escalation step to " + receiver + ": " + field + " is missing");
            }
            try {
                return TimeLimit.parse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "escalation step to " + receiver + ": " + field + ": " + e.getMessage(), e);
            }
        }
    }
}
