package kz.qorgau.server.directory;

import java.io.Serializable;
import java.util.UUID;

/** A signed-in member of staff, as every feature sees them. */
public record StaffMember(
        UUID id,
        String login,
        String displayName,
        String organisationCode,
        OrganisationKind organisationKind,
        Role role)
        implements Serializable {

    /** Helpline intake and oversight see every new report, not only those referred to them. */
    public boolean seesAllNewReports() {
        return role == Role.INTAKE_OFFICER || role == Role.OVERSIGHT;
    }
}
