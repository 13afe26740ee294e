package kz.qorgau.core.casework;

import java.util.Objects;
import kz.qorgau.core.organisation.Organisation;

/**
 * A sign that an organisation cannot be trusted with a case: the case goes straight to oversight and
 * is hidden from that organisation.
 *
 * @param kind what was signalled
 * @param organisation the organisation it is about (the server resolves the name the reporter gave;
 *     a name it cannot resolve cannot hide anything, so it refers the case to oversight directly)
 */
public record ConflictSignal(Kind kind, Organisation organisation) {

    /** What was signalled. */
    public enum Kind {
        /** The reporter was threatened or pressured by someone of the organisation. */
        REPORTER_THREATENED,
        /** The organisation refused to take the report or a statement. */
        STATEMENT_REFUSED,
        /** The report names a member of the organisation's staff (as abuser or accomplice). */
        STAFF_NAMED
    }

    /** Checks the fields. */
    public ConflictSignal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(organisation, "organisation");
    }
}
