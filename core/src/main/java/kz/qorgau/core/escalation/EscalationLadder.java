package kz.qorgau.core.escalation;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kz.qorgau.core.organisation.OrganisationType;

/**
 * The bodies a referral first made to an organisation of type {@code origin} climbs to when a step
 * is overdue. Level 0 is the origin itself (its limits come from the deadline policy); level 1 is the
 * first step, and so on. A ladder may be empty: the origin is then the top (the Commissioner's).
 *
 * @param origin the type of organisation the ladder starts at
 * @param steps the rungs above it, lowest first; no type twice and never the origin
 */
public record EscalationLadder(OrganisationType origin, List<EscalationStep> steps) {

    /** Checks that the ladder climbs without cycles. */
    public EscalationLadder {
        Objects.requireNonNull(origin, "origin");
        steps = List.copyOf(steps);
        Set<OrganisationType> seen = EnumSet.of(origin);
        for (EscalationStep step : steps) {
            if (!seen.add(step.receiver())) {
                throw new IllegalArgumentException("the escalation ladder of " + origin.code() + " reaches "
                        + step.receiver().code() + " twice (or returns to its origin); every rung must be new");
            }
        }
    }

    /** The number of rungs above the origin. */
    public int height() {
        return steps.size();
    }

    /**
     * The type of body at a level (0 is the origin).
     *
     * @throws IllegalArgumentException when the level is not on the ladder
     */
    public OrganisationType typeAt(int level) {
        if (level == 0) {
            return origin;
        }
        return stepAt(level).receiver();
    }

    /**
     * The step at a level, 1 to {@link #height()}.
     *
     * @throws IllegalArgumentException when the level is not on the ladder
     */
    public EscalationStep stepAt(int level) {
        if (level < 1 || level > steps.size()) {
            throw new IllegalArgumentException(
                    "the ladder of " + origin.code() + " has levels 0 to " + steps.size() + ", not " + level);
        }
        return steps.get(level - 1);
    }

    /** The step above a level, or empty at the top. */
    public Optional<EscalationStep> stepAbove(int level) {
        return level >= 0 && level < steps.size() ? Optional.of(steps.get(level)) : Optional.empty();
    }

    /**
     * A ladder as plain data, as configuration gives it.
     *
     * @param origin an organisation type code, e.g. {@code school}
     * @param steps the rungs, lowest first; null or empty for a ladder with no rungs
     */
    public record Settings(String origin, List<EscalationStep.Settings> steps) {

        /**
         * The ladder these settings describe.
         *
         * @throws IllegalArgumentException naming the ladder and the setting at fault
         */
        public EscalationLadder toLadder() {
            OrganisationType type = OrganisationType.fromCode(origin == null ? "" : origin)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "escalation ladder: unknown organisation type '" + origin + "'"));
            List<EscalationStep.Settings> rungs = steps == null ? List.of() : steps;
            try {
                return new EscalationLadder(
                        type,
                        rungs.stream().map(EscalationStep.Settings::toStep).toList());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("escalation ladder of " + origin + ": " + e.getMessage(), e);
            }
        }
    }
}
