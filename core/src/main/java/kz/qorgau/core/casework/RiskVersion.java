package kz.qorgau.core.casework;

import java.time.Instant;
import java.util.Objects;
import kz.qorgau.core.risk.RiskLevel;

/**
 * One version of a case's risk level; versions are only ever added.
 *
 * @param number 1 for the initial assessment, then 2, 3, …
 * @param level the level
 * @param reason why: the risk model's rules, or the person's reason for an override
 * @param by who set it ({@link Role#SYSTEM} for the risk model)
 * @param at when
 */
public record RiskVersion(int number, RiskLevel level, String reason, Actor by, Instant at) {

    /** Checks the fields. */
    public RiskVersion {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        if (number < 1) {
            throw new IllegalArgumentException("risk versions are numbered from 1, got " + number);
        }
    }
}
