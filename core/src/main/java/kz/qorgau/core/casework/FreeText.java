package kz.qorgau.core.casework;

import org.jspecify.annotations.Nullable;

/** Limits on the free text people write into reasons, notes and outcomes. */
final class FreeText {

    static final int MAX_LENGTH = 4000;

    private FreeText() {}

    /** The text, stripped; it must not be blank. The server validates first and answers 400. */
    static String required(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return limited(text.strip(), field);
    }

    /** The text stripped, or null when absent or blank. */
    static @Nullable String optional(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return limited(text.strip(), field);
    }

    private static String limited(String text, String field) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    field + " is " + text.length() + " characters; at most " + MAX_LENGTH + " are allowed");
        }
        return text;
    }
}
