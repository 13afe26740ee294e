package kz.qorgau.signals.identifiers;

import java.util.Objects;
import kz.qorgau.signals.text.TextSpan;

/**
 * A messenger handle found in a text.
 *
 * @param messenger the service, as far as the text says
 * @param handle {@code @} and the lower-case name ({@code @rose_4531}); the join key, whatever the
 *     service
 * @param evidence the original words it was read from
 */
public record HandleMention(Messenger messenger, String handle, TextSpan evidence) {

    /** Checks the fields. */
    public HandleMention {
        Objects.requireNonNull(messenger, "messenger");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(evidence, "evidence");
        if (!handle.startsWith("@")) {
            throw new IllegalArgumentException("handle must start with '@', got '" + handle + "'");
        }
    }
}
