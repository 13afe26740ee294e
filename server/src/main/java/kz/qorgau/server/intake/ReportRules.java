package kz.qorgau.server.intake;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import kz.qorgau.server.platform.Dates;
import kz.qorgau.server.platform.Languages;
import org.jspecify.annotations.Nullable;

/**
 * The rules every report meets, whichever way it came: required fields, size limits, known codes.
 * Text is trimmed, normalised to NFC and stripped of control characters other than line breaks. A
 * child's date of birth is a real date ({@code yyyy-MM-dd}, or {@code dd.MM.yyyy} as people type it
 * where a browser shows a plain text box), not after the day of filing and at most {@value
 * #MAX_BIRTH_YEARS_BACK} years before it: lenient, since a report may be about harm done to someone who
 * was a child then.
 */
final class ReportRules {

    static final int MAX_NARRATIVE = 20_000;
    static final int MAX_NAME = 200;
    static final int MAX_SHORT = 200;
    static final int MAX_CITY = 100;
    static final int MAX_AGE = 17;
    static final int MAX_BIRTH_YEARS_BACK = 25;

    private static final DateTimeFormatter TYPED_DATE =
            DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);

    private ReportRules() {}

    /** One broken rule: the field, a message code ({@code error.CODE} in the bundles) and its arguments. */
    record Violation(String field, String code, List<Object> arguments) {
        Violation(String field, String code, Object... arguments) {
            this(field, code, List.of(arguments));
        }
    }

    /** The outcome of checking a draft. */
    sealed interface Checked permits Valid, Invalid {}

    record Valid(NewReport report) implements Checked {}

    record Invalid(List<Violation> violations) implements Checked {}

    /** Today in Kazakhstan by the given clock: the day a report is filed on. */
    static LocalDate today(Clock clock) {
        return clock.instant().atZone(Dates.KAZAKHSTAN).toLocalDate();
    }

    /**
     * Checks a draft.
     *
     * @param today the day of filing, in Kazakhstan ({@link #today(Clock)}): a date of birth is not after it
     */
    static Checked check(ReportDraft draft, Channel channel, Locale fallbackLanguage, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        String childName = text(draft.childName(), "childName", MAX_NAME, false, violations);
        Integer childAge = age(draft.childAge(), violations);
        LocalDate childBirthDate = birthDate(draft.childBirthDate(), today, violations);
        String school = text(draft.school(), "school", MAX_SHORT, false, violations);
        String city = text(draft.city(), "city", MAX_CITY, false, violations);
        Set<Category> categories = categories(draft.categories(), violations);
        String narrative = text(draft.narrative(), "narrative", MAX_NARRATIVE, true, violations);
        String since = text(draft.since(), "since", MAX_SHORT, false, violations);
        ReporterRelation relation = relation(draft.reporterRelation(), violations);
        boolean anonymous = draft.anonymous() == null || draft.anonymous();
        String reporterName = text(draft.reporterName(), "reporterName", MAX_NAME, false, violations);
        if (anonymous && reporterName != null) {
            violations.add(new Violation("reporterName", "name-when-anonymous"));
        }
        String contact = text(draft.contact(), "contact", MAX_SHORT, false, violations);
        boolean refused = Boolean.TRUE.equals(draft.institutionRefused());
        String refusedBy = text(draft.refusedBy(), "refusedBy", MAX_SHORT, false, violations);
        boolean threatened = Boolean.TRUE.equals(draft.threatened());
        String threatenedBy = text(draft.threatenedBy(), "threatenedBy", MAX_SHORT, false, violations);
        boolean staffInvolved = Boolean.TRUE.equals(draft.staffInvolved());
        String staffOf = text(draft.staffOf(), "staffOf", MAX_SHORT, false, violations);
        Locale language =
                Optional.ofNullable(Languages.supported(draft.language())).orElse(fallbackLanguage);
        if (!violations.isEmpty()) {
            return new Invalid(List.copyOf(violations));
        }
        return new Valid(new NewReport(
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
                refused || refusedBy != null,
                refusedBy,
                threatened || threatenedBy != null,
                threatenedBy,
                staffInvolved || staffOf != null,
                staffOf,
                language,
                channel,
                List.of()));
    }

    private static @Nullable String text(
            @Nullable String raw, String field, int max, boolean required, List<Violation> violations) {
        String clean = clean(raw);
        if (clean == null) {
            if (required) {
                violations.add(new Violation(field, "required"));
            }
            return null;
        }
        if (clean.codePointCount(0, clean.length()) > max) {
            violations.add(new Violation(field, "too-long", String.valueOf(max)));
            return null;
        }
        return clean;
    }

    /** Trimmed NFC text without control characters (line breaks and tabs kept), or null if blank. */
    static @Nullable String clean(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String normalised = Normalizer.normalize(raw, Normalizer.Form.NFC)
                .replace("\r\n", "\n")
                .replace('\r', '\n');
        StringBuilder out = new StringBuilder(normalised.length());
        normalised.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t' || !Character.isISOControl(cp)) {
                out.appendCodePoint(cp);
            }
        });
        String trimmed = out.toString().strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static @Nullable Integer age(@Nullable String raw, List<Violation> violations) {
        String clean = clean(raw);
        if (clean == null) {
            return null;
        }
        try {
            int age = Integer.parseInt(clean);
            if (age < 0 || age > MAX_AGE) {
                violations.add(new Violation("childAge", "age-range", String.valueOf(MAX_AGE)));
                return null;
            }
            return age;
        } catch (NumberFormatException e) {
            violations.add(new Violation("childAge", "not-a-number"));
            return null;
        }
    }

    private static @Nullable LocalDate birthDate(@Nullable String raw, LocalDate today, List<Violation> violations) {
        String clean = clean(raw);
        if (clean == null) {
            return null;
        }
        LocalDate date;
        try {
            date = clean.contains(".") ? LocalDate.parse(clean, TYPED_DATE) : LocalDate.parse(clean);
        } catch (DateTimeParseException e) {
            violations.add(new Violation("childBirthDate", "not-a-date"));
            return null;
        }
        if (date.isAfter(today)) {
            violations.add(new Violation("childBirthDate", "birth-date-in-future"));
            return null;
        }
        if (date.isBefore(today.minusYears(MAX_BIRTH_YEARS_BACK))) {
            violations.add(
                    new Violation("childBirthDate", "birth-date-too-early", String.valueOf(MAX_BIRTH_YEARS_BACK)));
            return null;
        }
        return date;
    }

    private static Set<Category> categories(@Nullable List<String> raw, List<Violation> violations) {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        if (raw == null || raw.isEmpty()) {
            violations.add(new Violation("categories", "category-required"));
            return categories;
        }
        if (raw.size() > Category.values().length) {
            violations.add(new Violation("categories", "too-many", String.valueOf(Category.values().length)));
            return categories;
        }
        for (String code : raw) {
            if (code == null) {
                violations.add(new Violation("categories", "unknown-category", "null"));
                continue;
            }
            Optional<Category> category = Category.fromCode(code);
            if (category.isEmpty()) {
                violations.add(new Violation("categories", "unknown-category", abbreviate(code)));
            } else {
                categories.add(category.get());
            }
        }
        return categories;
    }

    private static ReporterRelation relation(@Nullable String raw, List<Violation> violations) {
        String clean = clean(raw);
        if (clean == null) {
            return ReporterRelation.OTHER;
        }
        Optional<ReporterRelation> relation = ReporterRelation.fromCode(clean);
        if (relation.isEmpty()) {
            violations.add(new Violation("reporterRelation", "unknown-relation", abbreviate(clean)));
            return ReporterRelation.OTHER;
        }
        return relation.get();
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
