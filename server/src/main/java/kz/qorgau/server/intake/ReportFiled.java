package kz.qorgau.server.intake;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A report was committed. Carries no personal data: events are stored in clear in the event
 * publication registry.
 *
 * @param schoolCode the known school the report names, if recognised
 * @param staffInvolved the report says staff of an institution are involved in harming the child
 * @param referTo codes of further organisations the case is referred to
 */
public record ReportFiled(
        UUID reportId,
        String reference,
        Instant submittedAt,
        Set<Category> categories,
        @Nullable Integer childAge,
        @Nullable String schoolCode,
        boolean institutionRefused,
        boolean threatened,
        boolean staffInvolved,
        java.util.List<String> referTo) {

    public ReportFiled {
        referTo = java.util.List.copyOf(referTo);
    }
}
