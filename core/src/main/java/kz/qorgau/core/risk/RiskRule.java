package kz.qorgau.core.risk;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A named rule of the risk model: when a concern matches, the case is at least at the rule's level.
 *
 * @param name a stable name that says what the rule is, e.g. {@code sexual-exploitation-is-critical}
 * @param level the level the rule asks for
 * @param matches when the rule applies
 */
public record RiskRule(String name, RiskLevel level, Predicate<Concern> matches) {

    /** Checks the fields. */
    public RiskRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(matches, "matches");
    }
}
