package kz.qorgau.server.casework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.intake.ReportView;
import kz.qorgau.server.intake.Reports;
import kz.qorgau.server.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reporter's view of their case, authenticated by the receipt alone ({@code X-Receipt}). A
 * wrong receipt and a missing one get the same 404.
 */
@RestController
@Tag(name = "Reporter", description = "Following a report with its receipt")
class ReporterApi {

    private final Reports reports;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ReporterApi(Reports reports, JdbcClient jdbc, AuditTrail audit) {
        this.reports = reports;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** What a reporter may know: a coarse status, never who is handling it internally. */
    record ReporterCase(
            String reference,
            Instant submittedAt,
            String status,
            @Nullable String caseReference) {}

    @GetMapping("/api/v1/reporter/case")
    @Transactional
    @Operation(summary = "The status of the reporter's case")
    ReporterCase reporterCase(@RequestHeader(name = "X-Receipt", required = false) @Nullable String receipt) {
        ReportView report =
                reports.byReceipt(receipt).orElseThrow(() -> new NotFoundException("No report matches this receipt."));
        UUID caseId = report.caseId();
        audit.record(
                "reporter.read",
                caseId,
                Actor.reporter(),
                Map.of("report", report.id().toString()));
        if (caseId == null) {
            return new ReporterCase(report.reference(), report.submittedAt(), "received", null);
        }
        record Row(String reference, String status) {}
        Row row = jdbc.sql("select reference, status from safeguarding_case where id = ?")
                .param(caseId)
                .query((rs, n) -> new Row(rs.getString("reference"), rs.getString("status")))
                .single();
        String status = CaseStatus.valueOf(row.status()) == CaseStatus.CLOSED ? "closed" : "being-handled";
        return new ReporterCase(report.reference(), report.submittedAt(), status, row.reference());
    }
}
