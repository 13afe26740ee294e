package kz.qorgau.server.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.intake.Category;
import kz.qorgau.server.intake.ReportView;
import kz.qorgau.server.intake.Reports;
import kz.qorgau.server.platform.NotFoundException;
import kz.qorgau.server.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases a member of staff may see: those referred to their organisation, and — for helpline
 * intake and oversight — every case.
 */
@Service
public class Caseload {

    static final int INBOX_LIMIT = 200;

    private final JdbcClient jdbc;
    private final Reports reports;
    private final AuditTrail audit;

    Caseload(JdbcClient jdbc, Reports reports, AuditTrail audit) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.audit = audit;
    }

    static Actor actor(StaffMember member) {
        return new Actor(member.organisationCode(), member.role().code());
    }

    /** The newest cases the member may see, newest first. The read is recorded in the ledger. */
    @Transactional
    public List<CaseSummary> inbox(StaffMember member) {
        List<CaseRow> rows = member.seesAllNewReports()
                ? jdbc.sql("select * from safeguarding_case order by opened_at desc, reference desc limit ?")
                        .param(INBOX_LIMIT)
                        .query(Caseload::caseRow)
                        .list()
                : jdbc.sql("""
                                select * from safeguarding_case c
                                where exists (select 1 from referral r where r.case_id = c.id and r.organisation_code = ?)
                                order by c.opened_at desc, c.reference desc limit ?""")
                        .params(member.organisationCode(), INBOX_LIMIT)
                        .query(Caseload::caseRow)
                        .list();
        Map<UUID, List<CaseSummary.ReferralSummary>> referrals =
                referrals(rows.stream().map(CaseRow::id).toList());
        audit.record(
                "inbox.read",
                null,
                actor(member),
                Map.of("cases", rows.stream().map(row -> row.id().toString()).toList()));
        List<CaseSummary> out = new ArrayList<>();
        for (CaseRow row : rows) {
            List<ReportView> caseReports = reports.ofCase(row.id());
            Set<Category> categories = EnumSet.noneOf(Category.class);
            caseReports.forEach(r -> categories.addAll(r.categories()));
            ReportView first = caseReports.isEmpty() ? null : caseReports.getFirst();
            out.add(new CaseSummary(
                    row.id(),
                    row.reference(),
                    row.risk(),
                    row.status(),
                    row.openedAt(),
                    categories,
                    first == null ? null : first.childAge(),
                    first == null ? null : first.school(),
                    caseReports.size(),
                    referrals.getOrDefault(row.id(), List.of())));
        }
        return out;
    }

    /**
     * One case, if the member may see it; otherwise 404, the same as for a case that does not exist.
     * The read is recorded in the ledger.
     */
    @Transactional
    public CaseFile caseFile(StaffMember member, UUID caseId) {
        if (!maySee(member, caseId)) {
            throw new NotFoundException("no case " + caseId + " that you may see");
        }
        audit.record("case.read", caseId, actor(member), Map.of("case", caseId.toString()));
        CaseRow row = jdbc.sql("select * from safeguarding_case where id = ?")
                .param(caseId)
                .query(Caseload::caseRow)
                .single();
        return new CaseFile(
                row.id(),
                row.reference(),
                row.risk(),
                row.status(),
                row.openedAt(),
                row.firstContactAt(),
                reports.ofCase(caseId),
                referrals(List.of(caseId)).getOrDefault(caseId, List.of()));
    }

    /** Whether the member may see the case at all. */
    @Transactional(readOnly = true)
    public boolean maySee(StaffMember member, UUID caseId) {
        Optional<Boolean> exists = jdbc.sql("select true from safeguarding_case where id = ?")
                .param(caseId)
                .query(Boolean.class)
                .optional();
        if (exists.isEmpty()) {
            return false;
        }
        if (member.seesAllNewReports()) {
            return true;
        }
        return jdbc.sql("select count(*) from referral where case_id = ? and organisation_code = ?")
                        .params(caseId, member.organisationCode())
                        .query(Long.class)
                        .single()
                > 0;
    }

    private Map<UUID, List<CaseSummary.ReferralSummary>> referrals(List<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("select * from referral where case_id in (:ids) order by created_at, id")
                .param("ids", caseIds)
                .query((rs, row) -> Map.entry(
                        rs.getObject("case_id", UUID.class),
                        new CaseSummary.ReferralSummary(
                                rs.getObject("id", UUID.class),
                                rs.getString("organisation_code"),
                                rs.getString("state"),
                                SqlTime.require(rs, "created_at"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private record CaseRow(
            UUID id,
            String reference,
            RiskLevel risk,
            CaseStatus status,
            java.time.Instant openedAt,
            java.time.Instant firstContactAt) {}

    private static CaseRow caseRow(ResultSet rs, int row) throws SQLException {
        return new CaseRow(
                rs.getObject("id", UUID.class),
                rs.getString("reference"),
                RiskLevel.valueOf(rs.getString("risk")),
                CaseStatus.valueOf(rs.getString("status")),
                SqlTime.require(rs, "opened_at"),
                SqlTime.require(rs, "first_contact_at"));
    }
}
