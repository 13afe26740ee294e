package kz.qorgau.server.attachments;

import java.util.UUID;

/**
 * The bytes of an attachment, decrypted for one download (already recorded in the ledger).
 *
 * @param fileName a safe name for the download ({@code attachment-ID.jpg}); the sender's name is not
 *     reused in headers
 */
public record Download(UUID id, AttachmentKind kind, String fileName, byte[] content) {}
