package kz.qorgau.signals.ads;

import java.util.Arrays;

/**
 * Finds pairs of PDQ hashes within a Hamming distance by multi-index hashing: the 256 bits are cut
 * into {@code maxDistance + 1} chunks, and two hashes that differ in at most {@code maxDistance}
 * bits agree exactly on at least one chunk (pigeonhole). Per chunk the hashes are sorted by chunk
 * value and only hashes with equal values are compared. Time about O(n log n + n² / 2^(chunk bits))
 * per chunk; memory 8 bytes per hash per chunk, one chunk at a time.
 */
final class PdqIndex {

    /** Receives each pair found, possibly more than once. */
    interface PairSink {
        void pair(int a, int b, int distance);
    }

    private static final int LARGE_BUCKET = 512;
    private static final int LARGE_BUCKET_PARTNERS = 64;

    private PdqIndex() {}

    static void pairs(PdqHash[] hashes, int maxDistance, PairSink sink) {
        int n = hashes.length;
        if (n < 2) {
            return;
        }
        int chunks = Math.min(256, maxDistance + 1);
        int indexBits = 64 - Long.numberOfLeadingZeros(n);
        long indexMask = (1L << indexBits) - 1;
        long[] packed = new long[n];
        for (int c = 0; c < chunks; c++) {
            int from = c * 256 / chunks;
            int to = (c + 1) * 256 / chunks;
            int width = Math.min(32, to - from);
            for (int i = 0; i < n; i++) {
                packed[i] = (hashes[i].bits(from, width) << indexBits) | i;
            }
            Arrays.sort(packed);
            int start = 0;
            while (start < n) {
                long value = packed[start] >>> indexBits;
                int end = start + 1;
                while (end < n && (packed[end] >>> indexBits) == value) {
                    end++;
                }
                // A bucket this large is one much-copied picture and its variants: comparing every
                // member with the first few still joins them, without quadratic time.
                int partners = end - start > LARGE_BUCKET ? LARGE_BUCKET_PARTNERS : end - start;
                for (int i = start; i < end; i++) {
                    int a = (int) (packed[i] & indexMask);
                    for (int j = i + 1; j < end && (j - start < partners || i - start < partners); j++) {
                        int b = (int) (packed[j] & indexMask);
                        int d = hashes[a].distance(hashes[b]);
                        if (d <= maxDistance) {
                            sink.pair(a, b, d);
                        }
                    }
                }
                start = end;
            }
        }
    }
}
