package kz.qorgau.server.intake;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A report that passed every rule of {@link ReportRules}, ready to be filed. */
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
        Channel channel) {

    public NewReport {
        categories = Set.copyOf(categories);
    }
}
