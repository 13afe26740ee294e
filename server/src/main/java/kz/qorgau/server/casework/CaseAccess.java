package kz.qorgau.server.casework;

import java.util.UUID;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may see a case: the organisations it is referred to, oversight, and helpline intake (who triage
 * every new report) — never an organisation the case is hidden from for a conflict of interest, and
 * never an administrator (who manages accounts, not cases).
 */
@Component
class CaseAccess {

    /** SQL condition on a case aliased {@code c}, with parameters organisation code twice, then "sees all". */
    static final String VISIBLE = """
            not exists (select 1 from case_conflict k where k.case_id = c.id and k.organisation_code = ?)
            and (? = true or exists (select 1 from referral r where r.case_id = c.id and r.organisation_code = ?))""";

    private final JdbcClient jdbc;

    CaseAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static boolean seesAll(StaffMember member) {
        return member.role() == Role.OVERSIGHT || member.role() == Role.INTAKE_OFFICER;
    }

    static boolean readsCases(StaffMember member) {
        return member.role() != Role.ADMINISTRATOR;
    }

    boolean maySee(StaffMember member, UUID caseId) {
        if (!readsCases(member)) {
            return false;
        }
        return jdbc.sql("select count(*) from safeguarding_case c where c.id = ? and " + VISIBLE)
                        .params(caseId, member.organisationCode(), seesAll(member), member.organisationCode())
                        .query(Long.class)
                        .single()
                > 0;
    }
}
