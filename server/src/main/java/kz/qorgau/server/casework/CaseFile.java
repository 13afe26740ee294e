package kz.qorgau.server.casework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.qorgau.server.intake.ReportView;

/** A case with everything in it that its reader may see. */
public record CaseFile(
        UUID id,
        String reference,
        RiskLevel risk,
        CaseStatus status,
        Instant openedAt,
        Instant firstContactAt,
        List<ReportView> reports,
        List<CaseSummary.ReferralSummary> referrals) {}
