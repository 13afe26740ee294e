package kz.qorgau.server.casework;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.server.intake.Category;
import org.jspecify.annotations.Nullable;

/** A line of an inbox. */
public record CaseSummary(
        UUID id,
        String reference,
        RiskLevel risk,
        CaseStatus status,
        Instant openedAt,
        Set<Category> categories,
        @Nullable Integer childAge,
        @Nullable String school,
        int reports,
        List<ReferralSummary> referrals) {

    /** A referral of the case to one organisation. */
    public record ReferralSummary(UUID id, String organisationCode, String state, Instant createdAt) {}
}
