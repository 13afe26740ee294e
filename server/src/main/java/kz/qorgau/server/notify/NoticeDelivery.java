package kz.qorgau.server.notify;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One delivery of a notice, as a case page or an administrator sees it: no recipient address.
 *
 * @param lastError why the last attempt failed, or why the delivery waits; no personal data
 */
public record NoticeDelivery(
        UUID id,
        UUID noticeId,
        NoticeKind kind,
        String organisationCode,
        UUID caseId,
        String caseReference,
        DeliveryChannel channel,
        DeliveryState state,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant sentAt) {}
