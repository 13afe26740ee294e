package kz.qorgau.ledger.entry;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import kz.qorgau.ledger.Hash;
import org.jspecify.annotations.Nullable;

/**
 * One event in the ledger, and its canonical bytes (the Merkle leaf). It holds no personal data: the case is a
 * pseudonym (a keyed hash the server computes; the key never leaves the server), the actor is an organisation
 * code and a role, and the content is only its SHA-256.
 *
 * <p>Canonical bytes, version 1 (all lengths are one unsigned byte; tokens are ASCII):
 *
 * <pre>
 * 0x01                                 version
 * len(type)         type               1..64 of [a-z0-9._-], starting with a letter, e.g. report.filed
 * 0x00 | 0x20 [32 bytes]               case pseudonym: length 0 (no case) or 32
 * len(org)          organisation code  1..64 printable ASCII, no space (0x21..0x7E)
 * len(role)         actor role         1..64 printable ASCII, no space
 * 8 bytes                              time: microseconds since 1970-01-01T00:00Z, signed big-endian, &gt;= 0
 * 0x20 [32 bytes]                      SHA-256 of the content
 * </pre>
 *
 * Decoding is strict: any other version, length, character, or trailing byte is rejected, so one entry has
 * exactly one encoding.
 *
 * @param type what happened, e.g. {@code report.filed}, {@code case.read}
 * @param casePseudonym the case's pseudonym, or null for an entry about no case
 * @param actorOrganisation the acting organisation's code
 * @param actorRole the actor's role, e.g. {@code case_worker}, {@code reporter}, {@code system}
 * @param time when it happened; truncated to microseconds
 * @param contentSha256 SHA-256 of the content that was created, changed or read
 */
public record LedgerEntry(
        String type,
        @Nullable Hash casePseudonym,
        String actorOrganisation,
        String actorRole,
        Instant time,
        Hash contentSha256) {

    /** The format version written first in every entry. */
    public static final byte VERSION = 1;

    /** The longest type, organisation code or role, in characters. */
    public static final int MAX_TOKEN_LENGTH = 64;

    /** The longest canonical entry, in bytes. */
    public static final int MAX_BYTES = 1 + 3 * (1 + MAX_TOKEN_LENGTH) + 1 + Hash.SIZE + 8 + 1 + Hash.SIZE;

    private static final long MAX_EPOCH_SECOND = Long.MAX_VALUE / 1_000_000 - 1;

    /**
     * Checks the fields and truncates the time to microseconds.
     *
     * @throws IllegalArgumentException naming the field, if one is invalid
     */
    public LedgerEntry {
        String typeProblem = typeProblem(type);
        if (typeProblem != null) {
            throw new IllegalArgumentException("type " + typeProblem);
        }
        String orgProblem = tokenProblem(actorOrganisation);
        if (orgProblem != null) {
            throw new IllegalArgumentException("actorOrganisation " + orgProblem);
        }
        String roleProblem = tokenProblem(actorRole);
        if (roleProblem != null) {
            throw new IllegalArgumentException("actorRole " + roleProblem);
        }
        if (time.isBefore(Instant.EPOCH) || time.getEpochSecond() > MAX_EPOCH_SECOND) {
            throw new IllegalArgumentException(
                    "time must be between 1970-01-01T00:00:00Z and the year 294000, got " + time);
        }
        time = time.truncatedTo(ChronoUnit.MICROS);
    }

    /** An entry about a case. */
    public static LedgerEntry forCase(
            String type, Hash casePseudonym, String organisation, String role, Instant time, Hash contentSha256) {
        return new LedgerEntry(type, casePseudonym, organisation, role, time, contentSha256);
    }

    /** An entry about no particular case (e.g. a login or a configuration change). */
    public static LedgerEntry withoutCase(
            String type, String organisation, String role, Instant time, Hash contentSha256) {
        return new LedgerEntry(type, null, organisation, role, time, contentSha256);
    }

    /** The time as microseconds since the epoch, as stored in the entry. */
    public long epochMicros() {
        return time.getEpochSecond() * 1_000_000 + time.getNano() / 1_000;
    }

    /** The canonical bytes: what the log hashes and the server stores. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAX_BYTES);
        out.write(VERSION);
        writeToken(out, type);
        if (casePseudonym == null) {
            out.write(0);
        } else {
            out.write(Hash.SIZE);
            out.writeBytes(casePseudonym.toByteArray());
        }
        writeToken(out, actorOrganisation);
        writeToken(out, actorRole);
        long micros = epochMicros();
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (micros >>> shift));
        }
        out.write(Hash.SIZE);
        out.writeBytes(contentSha256.toByteArray());
        return out.toByteArray();
    }

    /**
     * Decodes canonical bytes.
     *
     * @throws MalformedEntryException naming the offset and field, if the bytes are not a canonical entry
     */
    public static LedgerEntry fromBytes(byte[] bytes) {
        Reader reader = new Reader(bytes, true);
        reader.readAll();
        return new LedgerEntry(
                reader.type,
                reader.casePseudonym,
                reader.organisation,
                reader.role,
                Instant.EPOCH.plus(reader.micros, ChronoUnit.MICROS),
                Objects.requireNonNull(reader.content));
    }

    /**
     * Checks canonical bytes as strictly as {@link #fromBytes} but without building the entry, and returns its
     * time in microseconds since the epoch: the auditor's fast path. O(length), no allocation.
     *
     * @throws MalformedEntryException naming the offset and field, if the bytes are not a canonical entry
     */
    public static long epochMicrosOf(byte[] bytes) {
        Reader reader = new Reader(bytes, false);
        reader.readAll();
        return reader.micros;
    }

    @Override
    public String toString() {
        return "LedgerEntry[type=" + type + ", case=" + (casePseudonym == null ? "none" : casePseudonym)
                + ", actor=" + actorRole + "@" + actorOrganisation + ", time=" + time + ", content=" + contentSha256
                + "]";
    }

    private static void writeToken(ByteArrayOutputStream out, String token) {
        out.write(token.length());
        out.writeBytes(token.getBytes(StandardCharsets.US_ASCII));
    }

    private static @Nullable String typeProblem(String type) {
        if (type.isEmpty() || type.length() > MAX_TOKEN_LENGTH) {
            return "must have 1 to " + MAX_TOKEN_LENGTH + " characters, got " + type.length();
        }
        if (!isLowerLetter(type.charAt(0))) {
            return "must start with a lowercase letter, got '" + type + "'";
        }
        for (int i = 1; i < type.length(); i++) {
            char c = type.charAt(i);
            if (!isLowerLetter(c) && !(c >= '0' && c <= '9') && c != '.' && c != '_' && c != '-') {
                return "may contain only a-z, 0-9, '.', '_' and '-' (e.g. report.filed), got '" + type + "'";
            }
        }
        return null;
    }

    private static @Nullable String tokenProblem(String token) {
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return "must have 1 to " + MAX_TOKEN_LENGTH + " characters, got " + token.length();
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return "may contain only printable ASCII without spaces, got '" + token + "'";
            }
        }
        return null;
    }

    private static boolean isLowerLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    /**
     * Walks the bytes once, checking every field; builds values only when asked to, and messages only on
     * failure (this runs once per entry in an audit of millions).
     */
    private static final class Reader {
        private static final int TYPE = 0;
        private static final int ORGANISATION = 1;
        private static final int ROLE = 2;
        private static final String[] TOKEN_NAMES = {"type", "actor organisation", "actor role"};

        private final byte[] bytes;
        private final boolean build;
        private int at;
        private String type = "";
        private @Nullable Hash casePseudonym;
        private String organisation = "";
        private String role = "";
        private long micros;
        private @Nullable Hash content;

        Reader(byte[] bytes, boolean build) {
            this.bytes = bytes;
            this.build = build;
        }

        void readAll() {
            if (bytes.length > MAX_BYTES) {
                throw new MalformedEntryException(
                        MAX_BYTES, "an entry has at most " + MAX_BYTES + " bytes, got " + bytes.length);
            }
            if (bytes.length == 0) {
                throw new MalformedEntryException(0, "the entry ends before the version");
            }
            int version = bytes[at++] & 0xff;
            if (version != VERSION) {
                throw new MalformedEntryException(
                        0, "unknown version " + version + "; this reader knows version " + VERSION);
            }
            type = token(TYPE);
            if (at >= bytes.length) {
                throw new MalformedEntryException(at, "the entry ends before the case pseudonym length");
            }
            int pseudonymLength = bytes[at] & 0xff;
            if (pseudonymLength == Hash.SIZE) {
                at++;
                casePseudonym = hash("case pseudonym");
            } else if (pseudonymLength == 0) {
                at++;
            } else {
                throw new MalformedEntryException(
                        at,
                        "the case pseudonym length must be 0 (no case) or " + Hash.SIZE + ", got " + pseudonymLength);
            }
            organisation = token(ORGANISATION);
            role = token(ROLE);
            if (bytes.length - at < 8) {
                throw new MalformedEntryException(at, "the entry ends before the time");
            }
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (bytes[at + i] & 0xff);
            }
            if (value < 0) {
                throw new MalformedEntryException(at, "the time is before 1970");
            }
            micros = value;
            at += 8;
            if (at >= bytes.length) {
                throw new MalformedEntryException(at, "the entry ends before the content hash length");
            }
            int contentLength = bytes[at] & 0xff;
            if (contentLength != Hash.SIZE) {
                throw new MalformedEntryException(
                        at, "the content hash length must be " + Hash.SIZE + ", got " + contentLength);
            }
            at++;
            content = hash("content hash");
            if (at != bytes.length) {
                throw new MalformedEntryException(
                        at, (bytes.length - at) + " trailing bytes after the content hash; an entry ends there");
            }
        }

        private String token(int kind) {
            if (at >= bytes.length) {
                throw new MalformedEntryException(at, "the entry ends before the " + TOKEN_NAMES[kind] + " length");
            }
            int length = bytes[at] & 0xff;
            if (length == 0 || length > MAX_TOKEN_LENGTH) {
                throw new MalformedEntryException(
                        at,
                        "the " + TOKEN_NAMES[kind] + " must have 1 to " + MAX_TOKEN_LENGTH + " characters, got "
                                + length);
            }
            at++;
            if (bytes.length - at < length) {
                throw new MalformedEntryException(at, "the entry ends before the end of the " + TOKEN_NAMES[kind]);
            }
            for (int i = 0; i < length; i++) {
                int c = bytes[at + i] & 0xff;
                boolean allowed = kind == TYPE
                        ? (c >= 'a' && c <= 'z')
                                || (i > 0 && ((c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
                        : c >= 0x21 && c <= 0x7e;
                if (!allowed) {
                    throw new MalformedEntryException(
                            at + i,
                            "byte 0x" + String.format("%02x", c) + " is not allowed in the " + TOKEN_NAMES[kind]);
                }
            }
            String value = build ? new String(bytes, at, length, StandardCharsets.US_ASCII) : "";
            at += length;
            return value;
        }

        private @Nullable Hash hash(String field) {
            if (bytes.length - at < Hash.SIZE) {
                throw new MalformedEntryException(at, "the entry ends before the end of the " + field);
            }
            Hash value = build ? Hash.of(Arrays.copyOfRange(bytes, at, at + Hash.SIZE)) : null;
            at += Hash.SIZE;
            return value;
        }
    }
}
