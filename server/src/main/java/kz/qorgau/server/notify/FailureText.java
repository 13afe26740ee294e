package kz.qorgau.server.notify;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns a failure into the text kept in {@code last_error}: the exception's type and message, with
 * e-mail addresses removed (SMTP servers quote the rejected recipient) and cut to the column's size.
 */
final class FailureText {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");

    private FailureText() {}

    static String of(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < Outbox.MAX_ERROR; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                text.append(": ").append(t.getMessage().strip());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return clean(text.toString());
    }

    static String clean(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        String withoutAddresses = ADDRESS.matcher(oneLine).replaceAll("<address>");
        String cut = Outbox.truncate(withoutAddresses);
        return cut == null ? "" : cut;
    }
}
