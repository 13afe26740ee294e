package kz.qorgau.server.attachments;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Why one upload (or the set of them) was refused.
 *
 * @param index the upload's position in the list given, from 0; -1 when the refusal is about the set
 *     (too many files)
 * @param fileName the name the sender gave it, if any
 * @param code the reason: {@code too-many}, {@code too-large}, {@code empty}, {@code type-not-allowed},
 *     {@code unreadable}, {@code too-many-pixels}, {@code password-protected}, {@code too-many-pages}
 * @param arguments the figures the message names (limits), after the file's name
 */
public record Refusal(int index, @Nullable String fileName, String code, List<Object> arguments) {

    public Refusal {
        arguments = List.copyOf(arguments);
    }

    /** The key of the message in the {@code i18n/attachments} bundles. */
    public String messageKey() {
        return "attachments.error." + code;
    }

    /** The message's arguments: {0} is the file's name (shortened) or its number, then the figures. */
    public Object[] messageArguments() {
        List<Object> all = new ArrayList<>();
        all.add(displayName());
        all.addAll(arguments);
        return all.toArray();
    }

    /** The file's name as a message shows it: at most 60 characters, or "#N" when it has none. */
    public String displayName() {
        if (fileName == null || fileName.isBlank()) {
            return "#" + (index + 1);
        }
        String name = fileName.strip();
        return name.length() > 60 ? name.substring(0, 59) + "…" : name;
    }
}
