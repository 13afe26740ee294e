package kz.qorgau.signals.ads;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.minhash.MinHashFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * MinHash signatures of text fingerprints, computed by Lucene's {@link MinHashFilter} in its
 * one-permutation mode: one 128-bit MurmurHash3 per shingle, {@code buckets} buckets over the hash
 * range, the smallest hash kept per bucket, and empty buckets filled from their right neighbour
 * ("rotation"), so that short texts still give a full signature. Not thread-safe: one per thread.
 */
final class MinHashSketcher implements AutoCloseable {

    private final ShingleSource source = new ShingleSource();
    private final MinHashFilter filter;
    private final CharTermAttribute term;
    private final int buckets;

    MinHashSketcher(int buckets) {
        this.buckets = buckets;
        this.filter = new MinHashFilter(source, 1, buckets, 1, true);
        this.term = filter.getAttribute(CharTermAttribute.class);
    }

    /**
     * Writes the signature of {@code shingles} into {@code out[0 .. buckets)}.
     *
     * @return false if the fingerprint is empty (no signature)
     */
    boolean sketch(int[] shingles, long[] out) {
        if (shingles.length == 0) {
            return false;
        }
        source.shingles = shingles;
        try {
            filter.reset();
            int n = 0;
            while (filter.incrementToken()) {
                // The term is the 128-bit hash as 16-bit chars, high half first: keep the high 64 bits.
                char[] b = term.buffer();
                if (n < buckets) {
                    out[n] = ((long) b[0] << 48) | ((long) b[1] << 32) | ((long) b[2] << 16) | b[3];
                }
                n++;
            }
            filter.end();
            return n == buckets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            filter.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Emits each shingle hash as a four-character term (8 bits per character: always valid UTF-16). */
    private static final class ShingleSource extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private int[] shingles = new int[0];
        private int next;

        @Override
        public boolean incrementToken() {
            if (next >= shingles.length) {
                return false;
            }
            clearAttributes();
            int v = shingles[next++];
            term.setEmpty()
                    .append((char) ((v >>> 24) & 0xFF))
                    .append((char) ((v >>> 16) & 0xFF))
                    .append((char) ((v >>> 8) & 0xFF))
                    .append((char) (v & 0xFF));
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
