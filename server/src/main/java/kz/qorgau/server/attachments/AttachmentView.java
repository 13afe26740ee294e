package kz.qorgau.server.attachments;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An attachment as a list shows it (no content).
 *
 * @param position its number among the attachments of its report or message, from 1
 * @param size the original's size in bytes
 * @param fileName the name the sender gave it (decrypted); never used to decide anything
 * @param uploadedBy {@code REPORTER} or {@code STAFF}
 * @param viewingCopy whether there is a copy without metadata that staff with access may open; when
 *     false, only oversight may open the original
 */
public record AttachmentView(
        UUID id,
        int position,
        AttachmentKind kind,
        String mediaType,
        long size,
        @Nullable String fileName,
        Instant uploadedAt,
        String uploadedBy,
        boolean viewingCopy,
        @Nullable UUID reportId,
        @Nullable UUID messageId) {}
