package kz.qorgau.core.casework;

import java.time.Instant;
import java.util.Objects;
import kz.qorgau.core.risk.RiskLevel;
import org.jspecify.annotations.Nullable;

/**
 * What happened to a case in one transition: one row of its history. Fields that do not apply to the
 * kind are null.
 *
 * @param caseId the case
 * @param version the case's version this event produced
 * @param kind what happened
 * @param at when
 * @param by who did it
 * @param risk the risk level set (also when a report raised it)
 * @param report the report added ({@link Kind#OPENED}, {@link Kind#REPORT_ADDED})
 * @param conflict the conflict flagged
 * @param note the reason or outcome text
 */
public record CaseEvent(
        CaseId caseId,
        long version,
        Kind kind,
        Instant at,
        Actor by,
        @Nullable RiskLevel risk,
        @Nullable ReportId report,
        @Nullable ConflictSignal conflict,
        @Nullable String note) {

    /** What happened. */
    public enum Kind {
        OPENED,
        REPORT_ADDED,
        RISK_SET,
        CONFLICT_FLAGGED,
        CLOSE_REQUESTED,
        CLOSE_APPROVED,
        CLOSE_REJECTED,
        CLOSED
    }

    /** Checks the fields. */
    public CaseEvent {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
    }
}
