package kz.qorgau.server.casework;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kz.qorgau.core.escalation.EscalationLadder;
import kz.qorgau.core.policy.DeadlinePolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code qorgau.casework}: the rules are configuration, not code.
 *
 * @param calendarFile a working-day calendar in the core's line format, replacing the shipped
 *     Kazakhstan calendar (e.g. when the government publishes next year's transfers)
 * @param policies deadline policies replacing the defaults of DESIGN.md §6 (empty: the defaults)
 * @param ladders escalation ladders replacing the defaults (empty: the defaults)
 * @param sweepInterval how often the escalation clock looks for overdue steps
 * @param sweepBatch how many due referrals one sweep transaction claims
 * @param inboxPageSize how many cases one page of the inbox and of {@code GET /api/v1/cases} shows
 */
@ConfigurationProperties("qorgau.casework")
record CaseworkSettings(
        @Nullable Path calendarFile,
        @DefaultValue List<DeadlinePolicy.Settings> policies,
        @DefaultValue List<EscalationLadder.Settings> ladders,
        @DefaultValue("15s") Duration sweepInterval,
        @DefaultValue("200") int sweepBatch,
        @DefaultValue("200") int inboxPageSize) {

    CaseworkSettings {
        if (inboxPageSize < 1 || inboxPageSize > 1000) {
            throw new IllegalArgumentException("qorgau.casework.inbox-page-size must be between 1 and 1000");
        }
    }
}
