package kz.qorgau.server.attachments;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Recognises the allowed types by their first bytes (magic numbers). The client's content type and
 * the file name are never consulted: a script named {@code photo.jpg} is refused. A match here only
 * means the file claims to be of that type; the viewing-copy step then parses it and refuses what
 * does not parse.
 */
final class ContentSniffer {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private ContentSniffer() {}

    static Optional<AttachmentKind> kindOf(byte[] content) {
        if (startsWith(content, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(AttachmentKind.JPEG);
        }
        if (startsWith(content, 0, PNG)) {
            return Optional.of(AttachmentKind.PNG);
        }
        if (startsWith(content, 0, ascii("%PDF-"))) {
            return Optional.of(AttachmentKind.PDF);
        }
        if (startsWith(content, 0, ascii("RIFF")) && startsWith(content, 8, ascii("WAVE"))) {
            return Optional.of(AttachmentKind.WAV);
        }
        if (startsWith(content, 0, ascii("OggS"))) {
            return Optional.of(AttachmentKind.OGG);
        }
        if (startsWith(content, 0, ascii("#!AMR\n")) || startsWith(content, 0, ascii("#!AMR-WB\n"))) {
            return Optional.of(AttachmentKind.AMR);
        }
        if (isM4a(content)) {
            return Optional.of(AttachmentKind.M4A);
        }
        if (startsWith(content, 0, ascii("ID3")) || Mp3Frames.isFrameHeader(content, 0)) {
            return Optional.of(AttachmentKind.MP3);
        }
        return Optional.empty();
    }

    /** An MPEG-4 file whose {@code ftyp} box names the audio-only brand {@code M4A } (or {@code M4B }). */
    private static boolean isM4a(byte[] content) {
        if (content.length < 16 || !startsWith(content, 4, ascii("ftyp"))) {
            return false;
        }
        long size = ((content[0] & 0xFFL) << 24)
                | ((content[1] & 0xFFL) << 16)
                | ((content[2] & 0xFFL) << 8)
                | (content[3] & 0xFFL);
        int end = (int) Math.min(Math.max(size, 16), Math.min(content.length, 4096));
        // major brand at 8, minor version at 12, compatible brands from 16
        for (int at = 8; at + 4 <= end; at = at == 8 ? 16 : at + 4) {
            if (startsWith(content, at, ascii("M4A ")) || startsWith(content, at, ascii("M4B "))) {
                return true;
            }
        }
        return false;
    }

    static boolean startsWith(byte[] content, int offset, byte[] prefix) {
        if (offset < 0 || content.length - offset < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
