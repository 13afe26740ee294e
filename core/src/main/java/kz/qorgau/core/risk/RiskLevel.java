package kz.qorgau.core.risk;

import java.util.Locale;
import java.util.Optional;

/** How urgent a case is; it selects the deadline policy. Ordered from least to most urgent. */
public enum RiskLevel {
    /** Everything that is neither high nor critical. */
    STANDARD,
    /** Physical or sexual abuse, a missing child, a threatened reporter and similar. */
    HIGH,
    /** Sexual exploitation, trafficking, immediate danger: clock hours, police and oversight told at once. */
    CRITICAL;

    /** Whether this level is at least as urgent as the other. */
    public boolean isAtLeast(RiskLevel other) {
        return compareTo(other) >= 0;
    }

    /** The more urgent of the two. */
    public RiskLevel max(RiskLevel other) {
        return isAtLeast(other) ? this : other;
    }

    /** The code used in configuration and the API, e.g. {@code critical}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level with this code or enum name, ignoring case. */
    public static Optional<RiskLevel> fromCode(String code) {
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        for (RiskLevel level : values()) {
            if (level.name().equals(wanted)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
