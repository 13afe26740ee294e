package kz.qorgau.signals.ads;

import java.util.HexFormat;
import java.util.Objects;

/**
 * A PDQ perceptual image hash (256 bits), as computed by the ad's source; Qorgau never downloads
 * or stores images. Two hashes of the same picture, re-encoded or resized, differ in few bits;
 * unrelated pictures differ in about 128.
 *
 * @param w0 bits 0–63 (the first 16 hex digits)
 * @param w1 bits 64–127
 * @param w2 bits 128–191
 * @param w3 bits 192–255
 */
public record PdqHash(long w0, long w1, long w2, long w3) {

    /** Number of hexadecimal digits of a hash. */
    public static final int HEX_LENGTH = 64;

    /**
     * Reads 64 hexadecimal digits.
     *
     * @throws IllegalArgumentException if the text is not exactly 64 hex digits
     */
    public static PdqHash parse(String hex) {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != HEX_LENGTH || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(
                    "a PDQ hash is " + HEX_LENGTH + " hexadecimal digits, got '" + abbreviate(hex) + "'");
        }
        return new PdqHash(
                Long.parseUnsignedLong(hex, 0, 16, 16),
                Long.parseUnsignedLong(hex, 16, 32, 16),
                Long.parseUnsignedLong(hex, 32, 48, 16),
                Long.parseUnsignedLong(hex, 48, 64, 16));
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** Number of differing bits, 0..256. */
    public int distance(PdqHash other) {
        return Long.bitCount(w0 ^ other.w0)
                + Long.bitCount(w1 ^ other.w1)
                + Long.bitCount(w2 ^ other.w2)
                + Long.bitCount(w3 ^ other.w3);
    }

    /** Bits {@code [from, from + count)} (bit 0 is the first hex digit's high bit) as an unsigned number; {@code count} 1..32. */
    long bits(int from, int count) {
        int last = from + count - 1;
        long first = word(from >>> 6);
        if ((from >>> 6) == (last >>> 6)) {
            return (first >>> (63 - (last & 63))) & ((1L << count) - 1);
        }
        // The chunk crosses a word boundary: the tail of one word, then the head of the next.
        int tail = 64 - (from & 63);
        long high = first & ((1L << tail) - 1);
        int head = count - tail;
        long low = word(last >>> 6) >>> (64 - head);
        return (high << head) | low;
    }

    private long word(int index) {
        return switch (index) {
            case 0 -> w0;
            case 1 -> w1;
            case 2 -> w2;
            default -> w3;
        };
    }

    /** The 64 lower-case hex digits. */
    public String hex() {
        HexFormat f = HexFormat.of();
        return f.toHexDigits(w0) + f.toHexDigits(w1) + f.toHexDigits(w2) + f.toHexDigits(w3);
    }

    @Override
    public String toString() {
        return hex();
    }
}
