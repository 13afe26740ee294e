package kz.qorgau.signals.ads;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import kz.qorgau.signals.text.TextSpan;
import kz.qorgau.signals.text.Token;
import kz.qorgau.signals.text.TokenKind;
import org.apache.lucene.util.StringHelper;
import org.jspecify.annotations.Nullable;

/**
 * The shingles of an ad's text for near-duplicate detection: pairs of consecutive words by match
 * key (so case, look-alike letters and alphabet do not matter), hashed to 32 bits (MurmurHash3) and
 * kept sorted and distinct. Numbers, emoji and the words of contacts are left out: operators change
 * exactly those between copies of one template. Immutable.
 */
public final class TextFingerprint {

    /** The fingerprint of a text without words. */
    public static final TextFingerprint EMPTY = new TextFingerprint(new int[0]);

    private static final int SEED = 0x51ED;

    private final int[] shingles;

    private TextFingerprint(int[] sortedDistinct) {
        this.shingles = sortedDistinct;
    }

    /**
     * A fingerprint from shingle hashes (any order, duplicates allowed); for data computed elsewhere
     * and for tests.
     */
    public static TextFingerprint of(int[] shingles) {
        int[] copy = shingles.clone();
        Arrays.sort(copy);
        int n = 0;
        for (int i = 0; i < copy.length; i++) {
            if (i == 0 || copy[i] != copy[i - 1]) {
                copy[n++] = copy[i];
            }
        }
        return new TextFingerprint(Arrays.copyOf(copy, n));
    }

    /**
     * The fingerprint of a text's tokens, leaving out tokens inside {@code excluded} spans (contacts).
     */
    static TextFingerprint of(List<Token> tokens, List<TextSpan> excluded) {
        String[] words = new String[tokens.size()];
        int n = 0;
        for (Token t : tokens) {
            if (t.kind() == TokenKind.WORD && !t.key().isEmpty() && !inside(t, excluded)) {
                words[n++] = t.key();
            }
        }
        if (n == 0) {
            return EMPTY;
        }
        if (n == 1) {
            return of(new int[] {hash(words[0])});
        }
        int[] hashes = new int[n - 1];
        for (int i = 0; i + 1 < n; i++) {
            hashes[i] = hash(words[i] + ' ' + words[i + 1]);
        }
        return of(hashes);
    }

    private static boolean inside(Token t, List<TextSpan> spans) {
        for (TextSpan s : spans) {
            if (t.start() < s.end() && s.start() < t.end()) {
                return true;
            }
        }
        return false;
    }

    private static int hash(String shingle) {
        byte[] bytes = shingle.getBytes(StandardCharsets.UTF_8);
        return StringHelper.murmurhash3_x86_32(bytes, 0, bytes.length, SEED);
    }

    /** Number of distinct shingles. */
    public int size() {
        return shingles.length;
    }

    /** The shingle hashes, sorted. */
    public int[] shingles() {
        return shingles.clone();
    }

    int[] raw() {
        return shingles;
    }

    /** Exact Jaccard similarity |A ∩ B| / |A ∪ B| of the two shingle sets, in O(|A| + |B|). */
    public double jaccard(TextFingerprint other) {
        Objects.requireNonNull(other, "other");
        return jaccard(shingles, other.shingles);
    }

    static double jaccard(int[] a, int[] b) {
        if (a.length == 0 && b.length == 0) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof TextFingerprint f && Arrays.equals(shingles, f.shingles);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shingles);
    }

    @Override
    public String toString() {
        return "TextFingerprint[" + shingles.length + " shingles]";
    }
}
