package kz.qorgau.server.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What oversight sees of every organisation: open, overdue and escalated referrals, the median and 90th
 * percentile time to acknowledge, and the lists of escalated and conflicted cases. Read-only.
 */
@Service
public class OversightStats {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditTrail audit;
    private final Clock clock;

    OversightStats(JdbcClient jdbc, Directory directory, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** The statistics of one organisation. Times to acknowledge are in hours, clock time. */
    public record OrganisationStats(
            String organisation,
            String name,
            String type,
            long referrals,
            long open,
            long overdue,
            long escalated,
            long missedDeadlines,
            long acknowledged,
            long acknowledgedLate,
            @Nullable Double medianHoursToAcknowledge,
            @Nullable Double p90HoursToAcknowledge) {}

    /** A case oversight should look at. */
    public record FlaggedCase(UUID id, String reference, String risk, String status, String why) {}

    /** Everything on the dashboard. */
    public record Stats(
            Instant generatedAt,
            List<OrganisationStats> organisations,
            List<FlaggedCase> escalatedCases,
            List<FlaggedCase> conflictedCases) {}

    private record Row(
            String organisation,
            String state,
            Instant referredAt,
            Instant ackDue,
            @Nullable Instant ackMet,
            Instant actionDue,
            @Nullable Instant actionMet,
            Instant outcomeDue,
            @Nullable Instant outcomeMet) {}

    @Transactional
    public Stats stats(StaffMember member) {
        Instant now = clock.instant();
        audit.record("oversight.read", null, Casework.auditActor(member), Map.of("at", now.toString()));
        Map<String, List<Row>> byOrganisation = new LinkedHashMap<>();
        // Only the columns the figures need (not the sealed documents), streamed once: O(referrals)
        // small rows per request. With millions of referrals this should move
        // it to SQL aggregates or cache it.
        jdbc.sql("""
                        select organisation_code, state, referred_at, ack_due_at, ack_met_at, action_due_at,
                               action_met_at, outcome_due_at, outcome_met_at
                        from referral order by organisation_code""").query(rs -> {
            Row row = new Row(
                    rs.getString("organisation_code"),
                    rs.getString("state"),
                    SqlTime.require(rs, "referred_at"),
                    SqlTime.require(rs, "ack_due_at"),
                    SqlTime.read(rs, "ack_met_at"),
                    SqlTime.require(rs, "action_due_at"),
                    SqlTime.read(rs, "action_met_at"),
                    SqlTime.require(rs, "outcome_due_at"),
                    SqlTime.read(rs, "outcome_met_at"));
            byOrganisation
                    .computeIfAbsent(row.organisation(), k -> new ArrayList<>())
                    .add(row);
        });
        List<OrganisationStats> organisations = new ArrayList<>();
        for (Organisation organisation : directory.organisations()) {
            List<Row> rows = byOrganisation.getOrDefault(organisation.code(), List.of());
            if (rows.isEmpty()) {
                continue;
            }
            long open = rows.stream().filter(OversightStats::isOpen).count();
            long overdue =
                    rows.stream().filter(r -> isOpen(r) && isOverdue(r, now)).count();
            long escalated =
                    rows.stream().filter(r -> r.state().equals("ESCALATED")).count();
            List<Double> hours = rows.stream()
                    .filter(r -> r.ackMet() != null)
                    .map(r -> Duration.between(r.referredAt(), r.ackMet()).toSeconds() / 3600.0)
                    .sorted()
                    .toList();
            long late = rows.stream()
                    .filter(r -> r.ackMet() != null && r.ackMet().isAfter(r.ackDue()))
                    .count();
            organisations.add(new OrganisationStats(
                    organisation.code(),
                    organisation.nameEn(),
                    organisation
                            .kind()
                            .name()
                            .toLowerCase(java.util.Locale.ROOT)
                            .replace('_', '-'),
                    rows.size(),
                    open,
                    overdue,
                    escalated,
                    rows.stream().filter(r -> missed(r, now)).count(),
                    hours.size(),
                    late,
                    percentile(hours, 0.5),
                    percentile(hours, 0.9)));
        }
        List<FlaggedCase> escalatedCases =
                jdbc.sql("""
                        select c.id, c.reference, c.risk, c.status from safeguarding_case c
                        where exists (select 1 from referral r where r.case_id = c.id and r.state = 'ESCALATED')
                        order by c.opened_at desc""").query((rs, n) -> flagged(rs, "escalated")).list();
        List<FlaggedCase> conflictedCases = jdbc.sql("""
                        select c.id, c.reference, c.risk, c.status from safeguarding_case c
                        where exists (select 1 from case_conflict k where k.case_id = c.id)
                        order by c.opened_at desc""")
                .query((rs, n) -> flagged(rs, "conflict of interest"))
                .list();
        return new Stats(now, organisations, escalatedCases, conflictedCases);
    }

    private static FlaggedCase flagged(java.sql.ResultSet rs, String why) throws java.sql.SQLException {
        return new FlaggedCase(
                rs.getObject("id", UUID.class),
                rs.getString("reference"),
                rs.getString("risk").toLowerCase(java.util.Locale.ROOT),
                rs.getString("status").toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                why);
    }

    private static boolean isOpen(Row row) {
        return row.state().equals("PENDING")
                || row.state().equals("ACKNOWLEDGED")
                || row.state().equals("ACTING");
    }

    private static boolean isOverdue(Row row, Instant now) {
        return (row.ackMet() == null && row.ackDue().isBefore(now))
                || (row.actionMet() == null && row.actionDue().isBefore(now))
                || (row.outcomeMet() == null && row.outcomeDue().isBefore(now));
    }

    /** A step that was met late, or is past due and not met (also on referrals that escalated). */
    private static boolean missed(Row row, Instant now) {
        return missed(row.ackDue(), row.ackMet(), now)
                || missed(row.actionDue(), row.actionMet(), now)
                || (!row.state().equals("ESCALATED") && missed(row.outcomeDue(), row.outcomeMet(), now));
    }

    private static boolean missed(Instant due, @Nullable Instant met, Instant now) {
        return met == null ? due.isBefore(now) : met.isAfter(due);
    }

    /** The nearest-rank percentile of sorted values, or null when there are none. */
    static @Nullable Double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        double value = sorted.get(Math.max(0, rank - 1));
        return Math.round(value * 100) / 100.0;
    }
}
