package kz.qorgau.core.casework;

import java.util.Objects;

/**
 * Who does something: recorded with every version so that nothing changes without a name.
 *
 * @param userId the user's stable identifier (or the component's name for {@link Role#SYSTEM})
 * @param organisationCode the code of the user's organisation
 * @param role what the user acts as
 */
public record Actor(String userId, String organisationCode, Role role) {

    /** The organisation code Qorgau's own components act under. */
    public static final String QORGAU = "qorgau";

    /** Checks the fields. */
    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(organisationCode, "organisationCode");
        Objects.requireNonNull(role, "role");
        if (userId.isBlank() || organisationCode.isBlank()) {
            throw new IllegalArgumentException("an actor needs a user id and an organisation code");
        }
    }

    /** Qorgau's own component, e.g. {@code escalation-scheduler} or {@code risk-model}. */
    public static Actor system(String component) {
        return new Actor(component, QORGAU, Role.SYSTEM);
    }

    /** Whether this is the same person as the other (same user id). */
    public boolean isSamePersonAs(Actor other) {
        return userId.equals(other.userId);
    }
}
