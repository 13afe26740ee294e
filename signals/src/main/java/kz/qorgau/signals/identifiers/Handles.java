package kz.qorgau.signals.identifiers;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messenger handles in their join-key form, {@code @} and the lower-case name ({@code @rose_4531}),
 * whatever the service. Use it for handles a person records (a case worker's note of a child's
 * Telegram name). Thread-safe.
 */
public final class Handles {

    private static final Pattern LINK = Pattern.compile(
            "(?i)^(?:https?://)?(?:www\\.)?(t\\.me|telegram\\.me|telegram\\.dog|instagram\\.com|instagr\\.am)/([^/?#\\s]+)/?.*$");
    private static final int MAX_RAW_LENGTH = 200;

    private Handles() {}

    /**
     * Normalises a handle as a person typed it: {@code @name}, {@code name}, {@code t.me/name},
     * {@code https://instagram.com/name/}; letters of other alphabets that look Latin are read as
     * Latin.
     *
     * @return {@code @name}, or empty if it is not a name Telegram or Instagram allows
     */
    public static Optional<String> normalize(String raw) {
        Objects.requireNonNull(raw, "raw");
        String s = raw.strip();
        if (s.isEmpty() || s.length() > MAX_RAW_LENGTH) {
            return Optional.empty();
        }
        Messenger messenger = Messenger.UNKNOWN;
        Matcher link = LINK.matcher(s);
        if (link.matches()) {
            messenger = link.group(1).toLowerCase(java.util.Locale.ROOT).startsWith("t")
                    ? Messenger.TELEGRAM
                    : Messenger.INSTAGRAM;
            s = link.group(2);
        }
        if (s.startsWith("@")) {
            s = s.substring(1);
        }
        return ContactLinkExtractor.canonicalHandle(s, messenger);
    }
}
