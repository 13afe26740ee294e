package kz.qorgau.core.casework;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import kz.qorgau.core.risk.Concern;

/**
 * The part of a report the case rules need; the narrative and the reporter stay with the server.
 *
 * @param id the report's identifier
 * @param receivedAt when it was received (committed)
 * @param concern what it is about, for the risk model
 * @param conflicts organisations the report signals a conflict of interest with (a refused statement,
 *     threats, named staff)
 */
public record Report(ReportId id, Instant receivedAt, Concern concern, List<ConflictSignal> conflicts) {

    /** Checks and copies the fields. */
    public Report {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(concern, "concern");
        conflicts = List.copyOf(conflicts);
    }
}
