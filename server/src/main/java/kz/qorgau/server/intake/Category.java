package kz.qorgau.server.intake;

import java.util.Locale;
import java.util.Optional;

/** What a report is about. Codes are the kebab-case names used in the API and the form. */
public enum Category {
    SEXUAL_EXPLOITATION,
    SEXUAL_ABUSE,
    PHYSICAL_ABUSE,
    NEGLECT,
    BULLYING,
    ONLINE_HARM,
    MISSING_FROM_HOME,
    OTHER;

    /** The code used in the API and the form, e.g. {@code sexual-exploitation}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The category with this code (or enum name), ignoring case. */
    public static Optional<Category> fromCode(String code) {
        String wanted = code.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Category category : values()) {
            if (category.name().equals(wanted)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
