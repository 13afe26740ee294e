package kz.qorgau.signals.tx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.Objects;

/** A set of ISO 18245 merchant category codes, read from an editable list file. */
public final class MerchantCategories {

    private static final int LIMIT = 10_000;

    private final BitSet codes;
    private final String source;

    private MerchantCategories(BitSet codes, String source) {
        this.codes = codes;
        this.source = source;
    }

    /**
     * Reads a list: one code ({@code 5411}) or range ({@code 3501-3999}) per line, optionally
     * followed by a description; {@code #} starts a comment.
     *
     * @param list the list's text
     * @param source a name for error messages, e.g. the file name
     * @throws IllegalArgumentException naming the line when a line is not a code or range
     */
    public static MerchantCategories parse(Reader list, String source) {
        BitSet codes = new BitSet(LIMIT);
        try (BufferedReader lines = new BufferedReader(list)) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String text = stripComment(line).strip();
                if (text.isEmpty()) {
                    continue;
                }
                String first = text.split("\\s+", 2)[0];
                int dash = first.indexOf('-');
                int from = code(dash < 0 ? first : first.substring(0, dash), source, number);
                int to = dash < 0 ? from : code(first.substring(dash + 1), source, number);
                if (to < from) {
                    throw new IllegalArgumentException(
                            source + ":" + number + ": range " + first + " ends before it starts");
                }
                codes.set(from, to + 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + source, e);
        }
        return new MerchantCategories(codes, source);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static int code(String digits, String source, int line) {
        if (digits.length() != 4 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(source + ":" + line + ": '" + digits
                    + "' is not a four-digit ISO 18245 merchant category code; write e.g. 5411 or 3501-3999");
        }
        return Integer.parseInt(digits);
    }

    /** Whether the code is in the set; {@link Transaction#NO_MCC} never is. O(1). */
    public boolean contains(int merchantCategory) {
        return merchantCategory >= 0 && merchantCategory < LIMIT && codes.get(merchantCategory);
    }

    /** How many codes the set holds. */
    public int size() {
        return codes.cardinality();
    }

    /** Where the list came from. */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MerchantCategories that && codes.equals(that.codes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(codes);
    }

    @Override
    public String toString() {
        return "MerchantCategories[" + source + ", " + size() + " codes]";
    }
}
