package kz.qorgau.server.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.intake.Category;
import kz.qorgau.server.intake.ReportFiled;
import kz.qorgau.server.intake.Reports;
import kz.qorgau.server.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens a case for each filed report and refers it to the school the report names, if that school is
 * known. Runs after the report's transaction committed, from the event publication registry: if it
 * fails or the server stops, the event is retried, and a report already attached to a case is not
 * opened twice.
 */
@Component
class CaseOpening {

    static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");

    private final JdbcClient jdbc;
    private final Reports reports;
    private final AuditTrail audit;
    private final Clock clock;

    CaseOpening(JdbcClient jdbc, Reports reports, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ReportFiled filed) {
        if (reports.caseOf(filed.reportId()).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        UUID caseId = UUID.randomUUID();
        long number =
                jdbc.sql("select nextval('case_number_seq')").query(Long.class).single();
        String reference =
                "Q-%d-%06d".formatted(filed.submittedAt().atZone(KAZAKHSTAN).getYear(), number);
        jdbc.sql("""
                        insert into safeguarding_case (id, reference, risk, status, opened_at, first_contact_at, version)
                        values (?, ?, ?, 'OPEN', ?, ?, 0)""")
                .params(
                        caseId,
                        reference,
                        initialRisk(filed.categories()).name(),
                        SqlTime.bind(now),
                        SqlTime.bind(filed.submittedAt()))
                .update();
        reports.attachToCase(filed.reportId(), caseId);
        RiskLevel risk = initialRisk(filed.categories());
        audit.record(
                "case.opened",
                caseId,
                Actor.system(),
                Map.of(
                        "case",
                        caseId.toString(),
                        "reference",
                        reference,
                        "report",
                        filed.reportId().toString(),
                        "risk",
                        risk.name()));
        if (filed.schoolCode() != null) {
            UUID referralId = UUID.randomUUID();
            audit.record(
                    "referral.created",
                    caseId,
                    Actor.system(),
                    Map.of("referral", referralId.toString(), "organisation", filed.schoolCode()));
            jdbc.sql("""
                            insert into referral (id, case_id, organisation_code, state, reason, created_at, version)
                            values (?, ?, ?, 'PENDING', ?, ?, 0)""")
                    .params(referralId, caseId, filed.schoolCode(), "The report names this school.", SqlTime.bind(now))
                    .update();
        }
    }

    static RiskLevel initialRisk(Set<Category> categories) {
        if (categories.contains(Category.SEXUAL_EXPLOITATION)) {
            return RiskLevel.CRITICAL;
        }
        if (categories.contains(Category.SEXUAL_ABUSE)
                || categories.contains(Category.PHYSICAL_ABUSE)
                || categories.contains(Category.MISSING_FROM_HOME)) {
            return RiskLevel.HIGH;
        }
        return RiskLevel.STANDARD;
    }
}
