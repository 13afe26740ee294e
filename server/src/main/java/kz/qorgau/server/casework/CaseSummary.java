package kz.qorgau.server.casework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A line of an inbox and of {@code GET /api/v1/cases}.
 *
 * @param reports how many reports the case holds
 * @param organisations how many organisations it has been referred to
 */
public record CaseSummary(
        UUID id,
        String reference,
        String risk,
        String status,
        Instant openedAt,
        Instant firstContactAt,
        List<String> categories,
        @Nullable Integer childAge,
        @Nullable String school,
        int reports,
        int organisations,
        boolean overdue,
        List<ReferralView> referrals,
        int signals) {}
