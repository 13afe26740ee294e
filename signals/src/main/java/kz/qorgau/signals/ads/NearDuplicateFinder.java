package kz.qorgau.signals.ads;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Finds pairs of near-duplicate texts among many without comparing all pairs: MinHash signatures of
 * the text fingerprints (Lucene's {@code MinHashFilter}, one permutation, {@code bands × rows}
 * buckets) are cut into {@code bands} bands of {@code rows} values (interleaved: band b takes buckets
 * b, b + bands, b + 2 × bands …); texts agreeing on a whole band
 * are candidates, and candidates are compared exactly ({@link TextFingerprint#jaccard}). A pair
 * with Jaccard similarity J becomes a candidate with probability about {@code 1 - (1 - J^rows)^bands}
 * (higher for short texts, whose empty buckets are filled from their neighbours).
 *
 * <p><b>Boilerplate is not evidence of one author.</b> A word pair found in more than {@value
 * #BOILERPLATE_SHARE_PERCENT}% of the texts searched (and in more than {@value
 * #BOILERPLATE_MIN_TEXTS}) — "компания на", "на вечер" — is boilerplate: the signatures are made of
 * the other, distinctive, word pairs, and a pair of texts is reported only when at least {@code
 * minJaccard} of their word pairs <em>and</em> of their distinctive word pairs are shared. Without
 * this, unrelated ads copying one site's template chain into one giant cluster, and buckets of
 * boilerplate grow with the corpus. A text of boilerplate only keeps all its word pairs in its
 * signature. Small batches (up to {@value #BOILERPLATE_MIN_TEXTS} texts per word pair) have no
 * boilerplate.
 *
 * <p>A band bucket holding more than {@value #SMALL_BUCKET} texts is not compared all pairs: its texts are ordered by their next band's key, so that texts
 * agreeing on more of their signature are neighbours, and each is compared with the next {@value
 * #LARGE_BUCKET_WINDOW}. This bounds the work at O(n × bands × window) whatever the data.
 *
 * <p>Time about O(n log n × bands); memory 8 bytes per text per band. Thread-safe: each call works
 * on its own state.
 */
public final class NearDuplicateFinder {

    /** A word pair in more than this percentage of the texts is boilerplate. */
    public static final int BOILERPLATE_SHARE_PERCENT = 1;

    /** ... and in more than this many texts. */
    public static final int BOILERPLATE_MIN_TEXTS = 100;

    /** Above this many texts, a band bucket is compared with neighbours only. */
    public static final int SMALL_BUCKET = 48;

    /** Neighbours each text of a large bucket is compared with. */
    public static final int LARGE_BUCKET_WINDOW = 24;

    /** Tells the finder not to compare a pair (e.g. already linked by other evidence). */
    @FunctionalInterface
    public interface Skip {
        /** Whether to leave the pair of texts at these positions uncompared. */
        boolean skip(int a, int b);
    }

    /** Receives each pair found at or above the similarity asked for. */
    @FunctionalInterface
    public interface Found {
        /**
         * A pair of texts (positions in the list), the exact Jaccard similarity of their word pairs
         * and of their distinctive word pairs.
         */
        void pair(int a, int b, double jaccard, double distinctiveJaccard);
    }

    /**
     * Counts of one search.
     *
     * @param texts texts searched (empty fingerprints take no part)
     * @param comparisons exact comparisons made
     * @param found pairs at or above the similarity asked for, reported to {@link Found}
     * @param largeBuckets band buckets compared with neighbours only
     */
    public record Result(int texts, long comparisons, long found, long largeBuckets) {}

    private final int bands;
    private final int rows;

    private NearDuplicateFinder(int bands, int rows) {
        this.bands = bands;
        this.rows = rows;
    }

    /**
     * A finder with {@code bands} bands of {@code rows} values.
     *
     * @throws IllegalArgumentException unless both are positive and {@code bands × rows ≤ 1024}
     */
    public static NearDuplicateFinder of(int bands, int rows) {
        if (bands < 1 || rows < 1 || bands * rows > 1024) {
            throw new IllegalArgumentException(
                    "bands and rows must be positive with bands × rows at most 1024, got " + bands + " × " + rows);
        }
        return new NearDuplicateFinder(bands, rows);
    }

    /**
     * Reports every pair found whose word pairs and distinctive word pairs both have Jaccard
     * similarity at least {@code minJaccard}. A pair that
     * agrees on several bands is compared, and reported, once per band unless {@code skip} then
     * answers true for it (the linker skips pairs it has already joined); pairs for which {@code
     * skip} answers true are not compared.
     */
    public Result find(List<TextFingerprint> texts, double minJaccard, Skip skip, Found found) {
        Objects.requireNonNull(skip, "skip");
        Objects.requireNonNull(found, "found");
        int n = texts.size();
        int[] members = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (texts.get(i).size() > 0) {
                members[m++] = i;
            }
        }
        Search search = new Search(texts, members, m, minJaccard, skip, found);
        if (m >= 2) {
            search.run();
        }
        return new Result(m, search.comparisons, search.found, search.largeBuckets);
    }

    private final class Search {
        final List<TextFingerprint> texts;
        final int[] members;
        final int m;
        final double minJaccard;
        final Skip skip;
        final Found sink;
        final int indexBits;
        final long indexMask;
        int[][] distinctive = new int[0][];
        long comparisons;
        long found;
        long largeBuckets;

        Search(List<TextFingerprint> texts, int[] members, int m, double minJaccard, Skip skip, Found sink) {
            this.texts = texts;
            this.members = members;
            this.m = m;
            this.minJaccard = minJaccard;
            this.skip = skip;
            this.sink = sink;
            this.indexBits = 64 - Long.numberOfLeadingZeros(m);
            this.indexMask = (1L << indexBits) - 1;
        }

        void run() {
            int buckets = bands * rows;
            long[][] bandKeys = new long[bands][m];
            long[] signature = new long[buckets];
            ShingleCounts counts = new ShingleCounts();
            for (int k = 0; k < m; k++) {
                for (int shingle : texts.get(members[k]).raw()) {
                    counts.increment(shingle);
                }
            }
            int boilerplate = Math.max(BOILERPLATE_MIN_TEXTS, (int) ((long) m * BOILERPLATE_SHARE_PERCENT / 100));
            distinctive = new int[m][];
            try (MinHashSketcher sketcher = new MinHashSketcher(buckets)) {
                for (int k = 0; k < m; k++) {
                    int[] all = texts.get(members[k]).raw();
                    int kept = 0;
                    for (int shingle : all) {
                        kept += counts.get(shingle) <= boilerplate ? 1 : 0;
                    }
                    int[] own = all;
                    if (kept < all.length) {
                        own = new int[kept];
                        int o = 0;
                        for (int shingle : all) {
                            if (counts.get(shingle) <= boilerplate) {
                                own[o++] = shingle;
                            }
                        }
                    }
                    distinctive[k] = own;
                    boolean ok = sketcher.sketch(own.length > 0 ? own : all, signature);
                    for (int b = 0; b < bands; b++) {
                        long key = ok ? bandKey(signature, b) : mix(k * 0x9E3779B97F4A7C15L + b);
                        bandKeys[b][k] = (key << indexBits) | k;
                    }
                }
            }
            // Band 0 is kept unsorted to order the large buckets of the last band.
            long[] firstBand = bands > 1 ? bandKeys[0].clone() : bandKeys[0];
            for (int b = 0; b < bands; b++) {
                long[] keys = bandKeys[b];
                long[] order = b + 1 < bands ? bandKeys[b + 1] : firstBand;
                Arrays.sort(keys);
                int start = 0;
                while (start < m) {
                    long bucket = keys[start] >>> indexBits;
                    int end = start + 1;
                    while (end < m && (keys[end] >>> indexBits) == bucket) {
                        end++;
                    }
                    if (end - start > 1) {
                        compareBucket(keys, start, end, order);
                    }
                    start = end;
                }
                bandKeys[b] = null;
            }
        }

        private void compareBucket(long[] keys, int start, int end, long[] order) {
            int size = end - start;
            long[] bucket = new long[size];
            boolean large = size > SMALL_BUCKET;
            for (int i = 0; i < size; i++) {
                int k = (int) (keys[start + i] & indexMask);
                bucket[i] = large ? ((order[k] >>> indexBits) << indexBits) | k : k;
            }
            if (large) {
                largeBuckets++;
                Arrays.sort(bucket);
            }
            for (int i = 0; i < size; i++) {
                int ka = (int) (bucket[i] & indexMask);
                int a = members[ka];
                int last = large ? Math.min(size, i + 1 + LARGE_BUCKET_WINDOW) : size;
                for (int j = i + 1; j < last; j++) {
                    int kb = (int) (bucket[j] & indexMask);
                    int b = members[kb];
                    if (skip.skip(a, b)) {
                        continue;
                    }
                    comparisons++;
                    double own = distinctiveJaccard(distinctive[ka], distinctive[kb]);
                    if (own < minJaccard) {
                        continue;
                    }
                    double jaccard = TextFingerprint.jaccard(
                            texts.get(a).raw(), texts.get(b).raw());
                    if (jaccard >= minJaccard) {
                        found++;
                        sink.pair(a, b, jaccard, own);
                    }
                }
            }
        }

        /**
         * The key of band {@code b}: buckets b, b + bands, b + 2 × bands … Interleaved rather than
         * consecutive because the filter fills an empty bucket from its right neighbour, so that in a
         * short text consecutive buckets often hold one value, and a band of them would be one value
         * rather than {@code rows}.
         */
        private long bandKey(long[] signature, int b) {
            long h = 0x2545F4914F6CDD1DL;
            for (int r = 0; r < rows; r++) {
                h = mix(h ^ signature[b + r * bands]);
            }
            return h;
        }
    }

    /**
     * Each text without its boilerplate word pairs (those in more than {@value
     * #BOILERPLATE_SHARE_PERCENT}% of the texts and more than {@value #BOILERPLATE_MIN_TEXTS}), as
     * {@link #find} judges them: for explanations and for measuring against an exact baseline.
     */
    public static List<TextFingerprint> withoutBoilerplate(List<TextFingerprint> texts) {
        ShingleCounts counts = new ShingleCounts();
        int m = 0;
        for (TextFingerprint t : texts) {
            m += t.size() > 0 ? 1 : 0;
            for (int shingle : t.raw()) {
                counts.increment(shingle);
            }
        }
        int boilerplate = Math.max(BOILERPLATE_MIN_TEXTS, (int) ((long) m * BOILERPLATE_SHARE_PERCENT / 100));
        List<TextFingerprint> out = new java.util.ArrayList<>(texts.size());
        for (TextFingerprint t : texts) {
            out.add(TextFingerprint.of(java.util.Arrays.stream(t.raw())
                    .filter(shingle -> counts.get(shingle) <= boilerplate)
                    .toArray()));
        }
        return out;
    }

    /** Two texts of boilerplate only are as alike as their whole texts say; the caller checks those. */
    private static double distinctiveJaccard(int[] a, int[] b) {
        return a.length == 0 && b.length == 0 ? 1 : TextFingerprint.jaccard(a, b);
    }

    /** A 64-bit finaliser (MurmurHash3 fmix64): spreads every input bit over the output. */
    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }
}
