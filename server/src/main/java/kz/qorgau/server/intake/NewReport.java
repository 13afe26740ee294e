package kz.qorgau.server.intake;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A report that passed every rule of {@link ReportRules}, ready to be filed.
 *
 * @param childBirthDate the child's date of birth, when the reporter knows it: with the name, what tells
 *     one child from another when reports made to different bodies are linked
 * @param staffInvolved the reporter says someone who works at an institution (a teacher, a police
 *     officer, …) is involved in harming the child: a conflict of interest of that institution
 * @param staffOf which institution, as the reporter wrote it
 * @param referTo codes of organisations the new case is referred to besides the school the report
 *     names (signals raised by a school's or a monitor's system name who must act)
 */
public record NewReport(
        @Nullable String childName,
        @Nullable Integer childAge,
        @Nullable LocalDate childBirthDate,
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
        boolean staffInvolved,
        @Nullable String staffOf,
        Locale language,
        Channel channel,
        java.util.List<String> referTo) {

    public NewReport {
        categories = Set.copyOf(categories);
        referTo = java.util.List.copyOf(referTo);
    }

    /**
     * A report from a system rather than a person (a signal, the demo, a benchmark): the concern and
     * where it is, from an anonymous reporter of the given relation, with nothing said of refusals,
     * threats or staff involved; add the rest with {@link #referringTo}.
     */
    public static NewReport about(
            @Nullable Integer childAge,
            @Nullable String school,
            @Nullable String city,
            Set<Category> categories,
            String narrative,
            @Nullable String since,
            ReporterRelation relation,
            Locale language,
            Channel channel) {
        return new NewReport(
                null,
                childAge,
                null,
                school,
                city,
                categories,
                narrative,
                since,
                relation,
                true,
                null,
                null,
                false,
                null,
                false,
                null,
                false,
                null,
                language,
                channel,
                java.util.List.of());
    }

    /** The same report, referred also to these organisations (by code) when its case opens. */
    public NewReport referringTo(java.util.List<String> codes) {
        return new NewReport(
                childName,
                childAge,
                childBirthDate,
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
                staffInvolved,
                staffOf,
                language,
                channel,
                codes);
    }

    /** The same report with the child's age, when the reporter gave a date of birth but no age. */
    NewReport withChildAge(int age) {
        return new NewReport(
                childName,
                age,
                childBirthDate,
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
                staffInvolved,
                staffOf,
                language,
                channel,
                referTo);
    }
}
