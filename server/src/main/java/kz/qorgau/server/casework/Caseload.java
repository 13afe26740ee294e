package kz.qorgau.server.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.core.casework.Case;
import kz.qorgau.core.casework.Referral;
import kz.qorgau.core.risk.Category;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.intake.Reports;
import kz.qorgau.server.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a member of staff may read: their inbox and the cases they may see ({@link CaseAccess}). Every
 * read of case data is recorded in the ledger.
 */
@Service
public class Caseload {

    private final JdbcClient jdbc;
    private final CaseStore store;
    private final Reports reports;
    private final AuditTrail audit;
    private final CaseLinks links;
    private final Clock clock;
    private final int pageSize;

    Caseload(
            JdbcClient jdbc,
            CaseStore store,
            Reports reports,
            AuditTrail audit,
            CaseLinks links,
            Clock clock,
            CaseworkSettings settings) {
        this.pageSize = settings.inboxPageSize();
        this.links = links;
        this.jdbc = jdbc;
        this.store = store;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The cases the member may see, newest first, {@link #pageSize()} per page from page 0; a page
     * shorter than that is the last. Three reads per page whatever its length (the cases, their
     * referrals, their signal counts).
     */
    @Transactional
    public List<CaseSummary> inbox(StaffMember member, int page) {
        if (!CaseAccess.readsCases(member) || page < 0) {
            return List.of();
        }
        List<UUID> ids = jdbc.sql("select c.id from safeguarding_case c where " + CaseAccess.VISIBLE
                        + " order by c.opened_at desc, c.reference desc limit ? offset ?")
                .params(
                        member.organisationCode(),
                        CaseAccess.seesAll(member),
                        member.organisationCode(),
                        pageSize,
                        (long) page * pageSize)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list();
        Instant now = clock.instant();
        Map<UUID, CaseStore.StoredCase> cases = store.findAll(ids);
        Map<UUID, List<Referral>> referrals = store.referralsOfCases(ids);
        Map<UUID, Integer> signals = signalCounts(ids);
        List<CaseSummary> out = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            CaseStore.StoredCase stored = cases.get(id);
            if (stored != null) {
                out.add(summary(stored, referrals.getOrDefault(id, List.of()), now, signals.getOrDefault(id, 0)));
            }
        }
        audit.record(
                "inbox.read",
                null,
                Casework.auditActor(member),
                Map.of("cases", ids.stream().map(UUID::toString).toList(), "page", page));
        return out;
    }

    /** How many signals (ads, payments, school records) matched each of these cases. */
    private Map<UUID, Integer> signalCounts(List<UUID> ids) {
        Map<UUID, Integer> counts = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        jdbc.sql("select case_id, count(*) from case_timeline where kind = 'signal.matched' and case_id in (:ids)"
                        + " group by case_id")
                .param("ids", ids)
                .query(rs -> {
                    counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
                });
        return counts;
    }

    /** How many cases a page of the inbox holds ({@code qorgau.casework.inbox-page-size}). */
    public int pageSize() {
        return pageSize;
    }

    /** One case, if the member may see it; otherwise 404, the same as for a case that does not exist. */
    @Transactional
    public CaseFile caseFile(StaffMember member, UUID caseId) {
        CaseStore.StoredCase stored = visible(member, caseId);
        audit.record("case.read", caseId, Casework.auditActor(member), Map.of("case", caseId.toString()));
        return file(stored, store.referrals(caseId), clock.instant());
    }

    /**
     * The case as a command just left it, for the command's answer: the command's own ledger entry
     * covers what is shown, so this read is not recorded again.
     */
    @Transactional(readOnly = true)
    CaseFile afterCommand(StaffMember member, UUID caseId) {
        return file(visible(member, caseId), store.referrals(caseId), clock.instant());
    }

    /** Whether the member may see the case. */
    @Transactional(readOnly = true)
    public boolean maySee(StaffMember member, UUID caseId) {
        return jdbc.sql("select count(*) from safeguarding_case c where c.id = ? and " + CaseAccess.VISIBLE)
                                .params(
                                        caseId,
                                        member.organisationCode(),
                                        CaseAccess.seesAll(member),
                                        member.organisationCode())
                                .query(Long.class)
                                .single()
                        > 0
                && CaseAccess.readsCases(member);
    }

    /** The case of a referral, if the member may see it. */
    @Transactional(readOnly = true)
    public UUID caseOfReferral(StaffMember member, UUID referralId) {
        return store.caseOfReferral(referralId)
                .filter(caseId -> maySee(member, caseId))
                .orElseThrow(() -> new NotFoundException("no referral " + referralId + " that you may see"));
    }

    private CaseStore.StoredCase visible(StaffMember member, UUID caseId) {
        if (!maySee(member, caseId)) {
            throw new NotFoundException("no case " + caseId + " that you may see");
        }
        return store.find(caseId).orElseThrow(() -> new NotFoundException("no case " + caseId));
    }

    static CaseSummary summary(CaseStore.StoredCase stored, List<Referral> referrals, Instant now, int signals) {
        Case value = stored.value();
        List<ReferralView> views =
                referrals.stream().map(r -> ReferralView.of(r, now)).toList();
        return new CaseSummary(
                value.id().value(),
                stored.reference(),
                value.risk().code(),
                status(value),
                value.openedAt(),
                value.firstContactAt(),
                categories(value.categories()),
                value.child().age(),
                value.child().school(),
                value.reports().size(),
                organisationCount(referrals),
                views.stream().anyMatch(ReferralView::overdue),
                views,
                signals);
    }

    CaseFile file(CaseStore.StoredCase stored, List<Referral> referrals, Instant now) {
        Case value = stored.value();
        kz.qorgau.core.casework.Closure closure = value.closure();
        CaseLinks.Group group = links.groupFacts(value.id().value());
        return new CaseFile(
                value.id().value(),
                stored.reference(),
                value.risk().code(),
                value.highestRisk().code(),
                status(value),
                value.openedAt(),
                group.since(),
                value.child().name(),
                value.child().age(),
                value.child().school(),
                value.child().city(),
                group.reports(),
                group.organisations(),
                value.closingNeedsApproval(),
                closure == null
                        ? null
                        : new CaseFile.Closure(
                                closure.outcome(),
                                closure.requestedBy().organisationCode(),
                                closure.requestedAt(),
                                closure.approvedBy() == null
                                        ? null
                                        : closure.approvedBy().organisationCode(),
                                closure.closedAt()),
                value.riskHistory().stream()
                        .map(v -> new CaseFile.Risk(
                                v.number(), v.level().code(), v.reason(), v.by().organisationCode(), v.at()))
                        .toList(),
                List.copyOf(value.hiddenFrom()),
                reports.ofCase(value.id().value()),
                referrals.stream().map(r -> ReferralView.of(r, now)).toList(),
                links.of(value.id().value()),
                group.cases());
    }

    static String status(Case value) {
        return value.status().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static List<String> categories(Set<Category> categories) {
        return categories.stream().map(Category::code).sorted().toList();
    }

    private static int organisationCount(List<Referral> referrals) {
        Set<String> codes = new LinkedHashSet<>();
        referrals.forEach(r -> codes.add(r.organisation().code()));
        return codes.size();
    }
}
