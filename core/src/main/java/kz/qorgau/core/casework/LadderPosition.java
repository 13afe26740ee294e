package kz.qorgau.core.casework;

import java.util.Objects;
import kz.qorgau.core.organisation.OrganisationType;

/**
 * Where a referral stands on an escalation ladder.
 *
 * @param origin the organisation type whose ladder the referral climbs (the type of the body the case
 *     was first referred to on this line)
 * @param level 0 for the origin, 1 for the first rung above it, …
 */
public record LadderPosition(OrganisationType origin, int level) {

    /** Checks the fields. */
    public LadderPosition {
        Objects.requireNonNull(origin, "origin");
        if (level < 0) {
            throw new IllegalArgumentException("ladder levels start at 0, got " + level);
        }
    }

    /** The foot of an organisation type's own ladder. */
    public static LadderPosition footOf(OrganisationType type) {
        return new LadderPosition(type, 0);
    }
}
