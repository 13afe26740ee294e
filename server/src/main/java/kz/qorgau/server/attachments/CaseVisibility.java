package kz.qorgau.server.attachments;

import java.util.List;
import java.util.UUID;
import kz.qorgau.server.directory.StaffMember;

/**
 * What the attachments module needs to know about cases, provided by casework (which depends on this
 * module, so this module cannot ask it directly). Without a bean of this type no member of staff can
 * list or download attachments.
 */
public interface CaseVisibility {

    /** Whether the member may see the case (referred to their organisation, oversight, not conflicted). */
    boolean maySee(StaffMember member, UUID caseId);

    /** The reports that belong to the case; their attachments are the case's. */
    List<UUID> reportsOf(UUID caseId);
}
