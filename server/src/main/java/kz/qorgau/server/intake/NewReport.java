package kz.qorgau.server.intake;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A report that passed every rule of {@link ReportRules}, ready to be filed.
 *
 * @param referTo codes of organisations the new case is referred to besides the school the report
 *     names (signals raised by a school's or a monitor's system name who must act)
 */
public record NewReport(
        @Nullable String childName,
        @Nullable Integer childAge,
        @Nullable String school,
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
        Locale language,
        Channel channel,
        java.util.List<String> referTo) {

    public NewReport {
        categories = Set.copyOf(categories);
        referTo = java.util.List.copyOf(referTo);
    }

    /** A report that names no organisation to refer to beyond the school it mentions. */
    public NewReport(
            @Nullable String childName,
            @Nullable Integer childAge,
            @Nullable String school,
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
            Locale language,
            Channel channel) {
        this(
                childName,
                childAge,
                school,
                city,
                categories,
                narrative,
                since,
                relation,
                anonymous,
                reporterName,
                contact,
                institutionRefused,
                refusedBy,
                threatened,
                threatenedBy,
                language,
                channel,
                java.util.List.of());
    }
}
