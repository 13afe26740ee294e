package kz.qorgau.server.intake;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A report as submitted, before any rule was checked: the web form and the JSON API both map to
 * it, so both are held to the same rules and name fields the same way.
 *
 * @param childBirthDate the child's date of birth as typed, ISO {@code yyyy-MM-dd} (what a browser's
 *     date input sends)
 */
record ReportDraft(
        @Nullable String childName,
        @Nullable String childAge,
        @Nullable String childBirthDate,
        @Nullable String school,
        @Nullable String city,
        @Nullable List<String> categories,
        @Nullable String narrative,
        @Nullable String since,
        @Nullable String reporterRelation,
        @Nullable Boolean anonymous,
        @Nullable String reporterName,
        @Nullable String contact,
        @Nullable Boolean institutionRefused,
        @Nullable String refusedBy,
        @Nullable Boolean threatened,
        @Nullable String threatenedBy,
        @Nullable Boolean staffInvolved,
        @Nullable String staffOf,
        @Nullable String language) {}
