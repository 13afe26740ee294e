package kz.qorgau.ledger;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * A SHA-256 value of exactly 32 bytes: a leaf hash, a node hash, a tree root, a content digest or a case
 * pseudonym. Immutable; the bytes are copied on the way in and on the way out.
 */
public final class Hash {

    /** The length of every hash, in bytes. */
    public static final int SIZE = 32;

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Copies 32 bytes into a hash.
     *
     * @throws IllegalArgumentException if {@code bytes} is not exactly 32 bytes long
     */
    public static Hash of(byte[] bytes) {
        requireSize(bytes.length, "bytes");
        return new Hash(bytes.clone());
    }

    /**
     * Decodes standard base64 (RFC 4648 §4, with padding) of exactly 32 bytes.
     *
     * @throws IllegalArgumentException if the text is not canonical base64 of 32 bytes
     */
    public static Hash fromBase64(String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + shorten(base64) + "' is not base64: " + e.getMessage(), e);
        }
        requireSize(decoded.length, "base64 '" + shorten(base64) + "'");
        if (!Base64.getEncoder().encodeToString(decoded).equals(base64)) {
            throw new IllegalArgumentException(
                    "'" + shorten(base64) + "' is not canonical base64 (standard alphabet, with '=' padding)");
        }
        return new Hash(decoded);
    }

    /**
     * Decodes 64 hexadecimal digits (either case).
     *
     * @throws IllegalArgumentException if the text is not 64 hexadecimal digits
     */
    public static Hash fromHex(String hex) {
        if (hex.length() != 2 * SIZE) {
            throw new IllegalArgumentException(
                    "a hash in hex has " + 2 * SIZE + " digits, got " + hex.length() + ": '" + shorten(hex) + "'");
        }
        try {
            return new Hash(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + shorten(hex) + "' is not hexadecimal", e);
        }
    }

    /** SHA-256 of {@code data}, e.g. the content digest of a changed record. O(data length). */
    public static Hash sha256(byte[] data) {
        return new Hash(Sha256.get().digest(data));
    }

    /** Wraps an array this package owns and never changes again; no copy. */
    static Hash wrap(byte[] bytes) {
        return new Hash(bytes);
    }

    /** The bytes without copying; callers in this package never modify them. */
    byte[] bytes() {
        return bytes;
    }

    /** A copy of the 32 bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Standard base64 with padding, as used in checkpoints and proof responses. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** 64 lowercase hexadecimal digits. */
    public String toHex() {
        return HEX.formatHex(bytes);
    }

    /** Whether {@code other} holds exactly these 32 bytes; false for null or another length. No copy. */
    public boolean equalsBytes(byte @Nullable [] other) {
        return other != null && Arrays.equals(bytes, other);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Hash other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The hex form. */
    @Override
    public String toString() {
        return toHex();
    }

    private static void requireSize(int length, String what) {
        if (length != SIZE) {
            throw new IllegalArgumentException(
                    what + " must hold exactly " + SIZE + " bytes (a SHA-256 value), got " + length);
        }
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
