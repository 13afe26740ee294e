package kz.qorgau.server.attachments;

import java.util.List;

/** What making a viewing copy of an upload came to. */
sealed interface ViewingCopy {

    /** A copy without metadata, possibly of another kind (never, so far). */
    record Made(byte[] content, AttachmentKind kind) implements ViewingCopy {}

    /** The format is accepted as evidence but no stripped copy is made: only oversight opens the original. */
    record EvidenceOnly() implements ViewingCopy {}

    /**
     * The content does not parse as the type it claims, or breaks a limit: refused.
     *
     * @param code a message code, {@code attachments.error.CODE}
     */
    record Unreadable(String code, List<Object> arguments) implements ViewingCopy {
        Unreadable(String code, Object... arguments) {
            this(code, List.of(arguments));
        }
    }
}
