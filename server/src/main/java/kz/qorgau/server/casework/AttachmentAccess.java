package kz.qorgau.server.casework;

import java.util.List;
import java.util.UUID;
import kz.qorgau.server.attachments.CaseVisibility;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.intake.Reports;
import org.springframework.stereotype.Component;

/** Tells the attachments module who may see a case's files: exactly who may see the case. */
@Component
class AttachmentAccess implements CaseVisibility {

    private final CaseAccess access;
    private final Reports reports;

    AttachmentAccess(CaseAccess access, Reports reports) {
        this.access = access;
        this.reports = reports;
    }

    @Override
    public boolean maySee(StaffMember member, UUID caseId) {
        return access.maySee(member, caseId);
    }

    @Override
    public List<UUID> reportsOf(UUID caseId) {
        return reports.idsOfCase(caseId);
    }
}
