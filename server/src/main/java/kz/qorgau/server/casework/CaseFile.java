package kz.qorgau.server.casework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.qorgau.server.intake.ReportView;
import org.jspecify.annotations.Nullable;

/**
 * A case with everything in it that its reader may see.
 *
 * @param reportedTimes how many reports the case and the cases confirmed as the same child hold
 *     ("reported N times …")
 * @param organisations how many organisations all of them were referred to ("… to M bodies …")
 * @param firstContactAt the first contact over all of them ("… since DATE")
 * @param links proposed and confirmed links to cases that may be about the same child
 */
public record CaseFile(
        UUID id,
        String reference,
        String risk,
        String highestRisk,
        String status,
        Instant openedAt,
        Instant firstContactAt,
        @Nullable String childName,
        @Nullable Integer childAge,
        @Nullable String school,
        @Nullable String city,
        int reportedTimes,
        int organisations,
        boolean closingNeedsApproval,
        @Nullable Closure closure,
        List<Risk> riskHistory,
        List<String> hiddenFrom,
        List<ReportView> reports,
        List<ReferralView> referrals,
        List<CaseLinks.Link> links,
        int linkedCases) {

    /** A version of the case's risk level, with who set it and why. */
    public record Risk(int number, String level, String reason, String by, Instant at) {}

    /** A close request or closure. */
    public record Closure(
            String outcome,
            String requestedBy,
            Instant requestedAt,
            @Nullable String approvedBy,
            @Nullable Instant closedAt) {}
}
