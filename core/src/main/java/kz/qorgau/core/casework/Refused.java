package kz.qorgau.core.casework;

import java.util.Objects;

/**
 * A transition that the rules do not allow; nothing changed.
 *
 * @param rule the rule that refused it
 * @param message what was refused and why, for people
 */
public record Refused(CaseworkRule rule, String message) implements ReferralOutcome, CaseOutcome, OpeningOutcome {

    /** Checks the fields. */
    public Refused {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    static Refused by(CaseworkRule rule, String message) {
        return new Refused(rule, message);
    }
}
