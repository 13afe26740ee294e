package kz.qorgau.server.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A report as staff with access to its case read it, decrypted.
 *
 * @param childAge the age the reporter gave or, when they gave only a date of birth, the age derived
 *     from it on the day of filing
 * @param childBirthDate the child's date of birth, when the reporter gave it
 * @param staffInvolved the reporter says someone who works at an institution is involved in harming
 *     the child
 * @param staffOf which institution, as the reporter wrote it
 */
public record ReportView(
        UUID id,
        String reference,
        Channel channel,
        Instant submittedAt,
        @Nullable String childName,
        @Nullable Integer childAge,
        @Nullable LocalDate childBirthDate,
        @Nullable String school,
        @Nullable String schoolCode,
        @Nullable String city,
        Set<Category> categories,
        String narrative,
        @Nullable String since,
        ReporterRelation relation,
        boolean anonymous,
        @Nullable String reporterName,
        @Nullable String contact,
        boolean institutionRefused,
        @Nullable String refusedBy,
        boolean threatened,
        @Nullable String threatenedBy,
        boolean staffInvolved,
        @Nullable String staffOf,
        @Nullable UUID caseId) {}
