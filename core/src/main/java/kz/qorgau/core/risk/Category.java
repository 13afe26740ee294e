package kz.qorgau.core.risk;

import java.util.Locale;
import java.util.Optional;

/**
 * What a concern is about. The report form offers all but {@link #TRAFFICKING}, which intake
 * officers and oversight can set.
 */
public enum Category {
    SEXUAL_EXPLOITATION,
    SEXUAL_ABUSE,
    PHYSICAL_ABUSE,
    NEGLECT,
    BULLYING,
    ONLINE_HARM,
    MISSING_FROM_HOME,
    /** Trafficking in children (Criminal Code art. 135); critical like sexual exploitation. */
    TRAFFICKING,
    OTHER;

    /** The code used in the API, the form and configuration, e.g. {@code sexual-exploitation}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The category with this code or enum name, ignoring case. */
    public static Optional<Category> fromCode(String code) {
        String wanted = code.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Category category : values()) {
            if (category.name().equals(wanted)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
