package kz.qorgau.server.attachments;

import java.util.List;
import java.util.UUID;
import kz.qorgau.server.casework.Caseload;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.intake.Reports;
import kz.qorgau.server.platform.NotFoundException;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Case visibility for the attachment tests, through casework's public API, until casework provides its
 * own {@link CaseVisibility} bean (either one answers the same).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestCaseVisibility {

    @Bean
    CaseVisibility testCaseVisibility(Caseload caseload, Reports reports) {
        return new CaseVisibility() {
            @Override
            public boolean maySee(StaffMember member, UUID caseId) {
                try {
                    caseload.caseFile(member, caseId);
                    return true;
                } catch (NotFoundException notVisible) {
                    return false;
                }
            }

            @Override
            public List<UUID> reportsOf(UUID caseId) {
                return reports.idsOfCase(caseId);
            }
        };
    }
}
