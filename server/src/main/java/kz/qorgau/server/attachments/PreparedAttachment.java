package kz.qorgau.server.attachments;

import org.jspecify.annotations.Nullable;

/**
 * An upload that passed every check, with its viewing copy already made: attaching it only seals and
 * writes, so the transaction that files a report or a message does no parsing.
 */
public final class PreparedAttachment {

    private final @Nullable String fileName;
    private final AttachmentKind kind;
    private final byte[] original;
    private final byte @Nullable [] viewing;
    private final String sha256;

    PreparedAttachment(
            @Nullable String fileName, AttachmentKind kind, byte[] original, byte @Nullable [] viewing, String sha256) {
        this.fileName = fileName;
        this.kind = kind;
        this.original = original;
        this.viewing = viewing;
        this.sha256 = sha256;
    }

    /** The type found in the content. */
    public AttachmentKind kind() {
        return kind;
    }

    /** The original's size in bytes. */
    public long size() {
        return original.length;
    }

    /** Whether staff will be able to open a copy without metadata (otherwise evidence only). */
    public boolean hasViewingCopy() {
        return viewing != null;
    }

    @Nullable
    String fileName() {
        return fileName;
    }

    byte[] original() {
        return original;
    }

    byte @Nullable [] viewing() {
        return viewing;
    }

    /** Hex SHA-256 of the original: recorded (sealed) so the evidence can be shown to be unchanged. */
    String sha256() {
        return sha256;
    }
}
