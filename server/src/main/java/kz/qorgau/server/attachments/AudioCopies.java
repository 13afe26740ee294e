package kz.qorgau.server.attachments;

import java.io.ByteArrayOutputStream;

/**
 * Listening copies of recordings, where the format allows stripping metadata without re-encoding:
 * MP3 keeps only its audio frames (ID3v1, ID3v2, APE and Lyrics tags dropped), WAV only its format
 * and sample chunks ({@code LIST/INFO}, {@code bext}, {@code iXML} … dropped), M4A has its metadata
 * boxes ({@code udta}, {@code meta}, {@code uuid}: titles, the recording's place, XMP) turned into
 * zero-filled {@code free} boxes of the same size, so that no offset into the audio moves; AMR has no
 * metadata. OGG is kept as evidence only: its tags sit inside checksummed pages, and no copy is made
 * rather than a copy that might still carry a name or a place.
 */
final class AudioCopies {

    /** Trailing bytes after the last MP3 frame that are tolerated (a truncated last frame). */
    private static final int MP3_TRAILING_SLACK = 2_048;

    private static final int MIN_MP3_FRAMES = 2;

    private AudioCopies() {}

    static ViewingCopy copy(byte[] content, AttachmentKind kind) {
        return switch (kind) {
            case MP3 -> mp3(content);
            case WAV -> wav(content);
            case AMR -> amr(content);
            case OGG -> ogg(content);
            case M4A -> m4a(content);
            default -> throw new IllegalArgumentException(kind + " is not audio");
        };
    }

    private static ViewingCopy mp3(byte[] data) {
        int at = 0;
        // ID3v2 tags (possibly several) before the audio
        while (ContentSniffer.startsWith(data, at, ContentSniffer.ascii("ID3"))) {
            if (at + 10 > data.length) {
                return new ViewingCopy.Unreadable("unreadable");
            }
            int size = syncSafe(data, at + 6);
            if (size < 0) {
                return new ViewingCopy.Unreadable("unreadable");
            }
            boolean footer = (data[at + 5] & 0x10) != 0;
            long next = (long) at + 10 + size + (footer ? 10 : 0);
            if (next > data.length) {
                return new ViewingCopy.Unreadable("unreadable");
            }
            at = (int) next;
        }
        ByteArrayOutputStream audio = new ByteArrayOutputStream(data.length - at);
        int frames = 0;
        while (at < data.length) {
            int length = Mp3Frames.frameLength(data, at);
            if (length < 4 || at + length > data.length) {
                break;
            }
            audio.write(data, at, length);
            at += length;
            frames++;
        }
        int rest = data.length - at;
        if (frames < MIN_MP3_FRAMES || (rest > MP3_TRAILING_SLACK && !onlyTags(data, at))) {
            return new ViewingCopy.Unreadable("unreadable");
        }
        return new ViewingCopy.Made(audio.toByteArray(), AttachmentKind.MP3);
    }

    /** Whether what follows the frames is trailing tags (APE, Lyrics3, ID3v1) and nothing else. */
    private static boolean onlyTags(byte[] data, int at) {
        return ContentSniffer.startsWith(data, at, ContentSniffer.ascii("APETAGEX"))
                || ContentSniffer.startsWith(data, at, ContentSniffer.ascii("LYRICSBEGIN"))
                || (data.length - at == 128 && ContentSniffer.startsWith(data, at, ContentSniffer.ascii("TAG")));
    }

    private static int syncSafe(byte[] data, int at) {
        int size = 0;
        for (int i = 0; i < 4; i++) {
            int b = data[at + i] & 0xFF;
            if (b > 0x7F) {
                return -1;
            }
            size = (size << 7) | b;
        }
        return size;
    }

    private static ViewingCopy wav(byte[] data) {
        if (data.length < 12) {
            return new ViewingCopy.Unreadable("unreadable");
        }
        byte[] format = null;
        byte[] fact = null;
        int dataStart = -1;
        int dataLength = 0;
        int at = 12;
        while (at + 8 <= data.length) {
            long declared = u32le(data, at + 4);
            int available = data.length - at - 8;
            String id = new String(data, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (id.equals("data")) {
                dataStart = at + 8;
                // a recording still being written declares 0 or 0xFFFFFFFF: take what is there
                dataLength = (int) Math.min(declared == 0 ? available : declared, available);
                at = (int) Math.min((long) dataStart + dataLength + (dataLength & 1), data.length);
                continue;
            }
            if (declared > available) {
                break;
            }
            int length = (int) declared;
            if (id.equals("fmt ") && format == null) {
                format = java.util.Arrays.copyOfRange(data, at + 8, at + 8 + length);
            } else if (id.equals("fact") && fact == null) {
                fact = java.util.Arrays.copyOfRange(data, at + 8, at + 8 + length);
            }
            at += 8 + length + (length & 1);
        }
        if (format == null || format.length < 16 || dataStart < 0 || dataLength <= 0) {
            return new ViewingCopy.Unreadable("unreadable");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(dataLength + 64);
        long riff = 4 + chunkSize(format) + (fact == null ? 0 : chunkSize(fact)) + 8 + dataLength + (dataLength & 1);
        out.writeBytes(ContentSniffer.ascii("RIFF"));
        writeU32le(out, riff);
        out.writeBytes(ContentSniffer.ascii("WAVE"));
        chunk(out, "fmt ", format, 0, format.length);
        if (fact != null) {
            chunk(out, "fact", fact, 0, fact.length);
        }
        chunk(out, "data", data, dataStart, dataLength);
        return new ViewingCopy.Made(out.toByteArray(), AttachmentKind.WAV);
    }

    private static long chunkSize(byte[] body) {
        return 8L + body.length + (body.length & 1);
    }

    private static void chunk(ByteArrayOutputStream out, String id, byte[] source, int offset, int length) {
        out.writeBytes(ContentSniffer.ascii(id));
        writeU32le(out, length);
        out.write(source, offset, length);
        if ((length & 1) == 1) {
            out.write(0);
        }
    }

    private static ViewingCopy amr(byte[] data) {
        int header = ContentSniffer.startsWith(data, 0, ContentSniffer.ascii("#!AMR-WB\n")) ? 9 : 6;
        return data.length > header
                ? new ViewingCopy.Made(data.clone(), AttachmentKind.AMR)
                : new ViewingCopy.Unreadable("unreadable");
    }

    /** OGG is evidence only, but a file that is not a sequence of OGG pages is still refused. */
    private static ViewingCopy ogg(byte[] data) {
        int at = 0;
        int pages = 0;
        while (at + 27 <= data.length && ContentSniffer.startsWith(data, at, ContentSniffer.ascii("OggS"))) {
            int segments = data[at + 26] & 0xFF;
            if (at + 27 + segments > data.length) {
                break;
            }
            int body = 0;
            for (int i = 0; i < segments; i++) {
                body += data[at + 27 + i] & 0xFF;
            }
            at += 27 + segments + body;
            pages++;
        }
        return pages >= 2 && at >= data.length
                ? new ViewingCopy.EvidenceOnly()
                : new ViewingCopy.Unreadable("unreadable");
    }

    /** M4A: a chain of MPEG-4 boxes with a movie and media data, its metadata boxes neutralised. */
    private static ViewingCopy m4a(byte[] data) {
        long at = 0;
        boolean movie = false;
        boolean media = false;
        while (at + 8 <= data.length) {
            int i = (int) at;
            long size = (data[i] & 0xFFL) << 24
                    | (data[i + 1] & 0xFFL) << 16
                    | (data[i + 2] & 0xFFL) << 8
                    | (data[i + 3] & 0xFFL);
            String type = new String(data, i + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (size == 1) {
                if (at + 16 > data.length) {
                    break;
                }
                size = 0;
                for (int b = 0; b < 8; b++) {
                    size = size << 8 | (data[i + 8 + b] & 0xFFL);
                }
            } else if (size == 0) {
                size = data.length - at;
            }
            if (size < 8 || size > data.length - at) {
                break;
            }
            movie |= type.equals("moov");
            media |= type.equals("mdat");
            at += size;
        }
        if (!movie || !media || at != data.length) {
            return new ViewingCopy.Unreadable("unreadable");
        }
        byte[] copy = data.clone();
        neutraliseMetadata(copy, 0, copy.length, 0);
        return new ViewingCopy.Made(copy, AttachmentKind.M4A);
    }

    /** Boxes that hold boxes, where metadata boxes are looked for. */
    private static final java.util.Set<String> CONTAINERS = java.util.Set.of("moov", "trak", "mdia", "minf", "edts");

    /** Boxes that hold metadata: user data, item lists, XMP. */
    private static final java.util.Set<String> METADATA = java.util.Set.of("udta", "meta", "uuid");

    /**
     * Turns every metadata box between {@code from} and {@code to} (and inside containers, at most a
     * few levels deep) into a {@code free} box of the same size filled with zeros.
     */
    private static void neutraliseMetadata(byte[] data, int from, int to, int depth) {
        int at = from;
        while (at + 8 <= to) {
            long size = (data[at] & 0xFFL) << 24
                    | (data[at + 1] & 0xFFL) << 16
                    | (data[at + 2] & 0xFFL) << 8
                    | (data[at + 3] & 0xFFL);
            int header = 8;
            if (size == 1) {
                if (at + 16 > to) {
                    return;
                }
                size = 0;
                for (int b = 0; b < 8; b++) {
                    size = size << 8 | (data[at + 8 + b] & 0xFFL);
                }
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < header || size > to - at) {
                return;
            }
            int end = (int) (at + size);
            String type = new String(data, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (METADATA.contains(type)) {
                System.arraycopy(ContentSniffer.ascii("free"), 0, data, at + 4, 4);
                java.util.Arrays.fill(data, at + header, end, (byte) 0);
            } else if (CONTAINERS.contains(type) && depth < 6) {
                neutraliseMetadata(data, at + header, end, depth + 1);
            }
            at = end;
        }
    }

    private static long u32le(byte[] data, int at) {
        return (data[at] & 0xFFL)
                | (data[at + 1] & 0xFFL) << 8
                | (data[at + 2] & 0xFFL) << 16
                | (data[at + 3] & 0xFFL) << 24;
    }

    private static void writeU32le(ByteArrayOutputStream out, long value) {
        out.write((int) (value & 0xFF));
        out.write((int) ((value >> 8) & 0xFF));
        out.write((int) ((value >> 16) & 0xFF));
        out.write((int) ((value >> 24) & 0xFF));
    }
}
