package kz.qorgau.signals.ads;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Links ads into clusters, each a probable operator. Two ads are linked directly when they give the
 * same phone number or handle, carry pictures whose PDQ hashes are at most {@link
 * Settings#maxImageDistance()} bits apart, or have near-duplicate texts (exact Jaccard similarity
 * of their word-pair sets at least {@link Settings#minTextJaccard()}, for texts of at least {@link
 * Settings#minTextShingles()} word pairs); clusters are the connected components of these links.
 *
 * <p>Near-duplicate candidates come from MinHash signatures (Lucene's {@code MinHashFilter}) and
 * locality-sensitive hashing: {@link Settings#bands()} bands of {@link Settings#rows()} signature
 * values; ads agreeing on a whole band are compared exactly. Picture pairs come from multi-index
 * hashing ({@link PdqIndex}). A contact or picture found in more than {@link
 * Settings#maxAdsPerContact()} ads (a site's support number, a stock photo) is not used and is
 * reported in {@link AdClusters#ignored()}, so that one such value does not fuse unrelated
 * operators into one giant cluster.
 *
 * <p>Time about O(n log n) for n ads (sorting band keys); memory about 8 bytes per ad per band plus
 * the fingerprints. Thread-safe: each call works on its own state.
 */
public final class AdLinker {

    /**
     * Linking parameters.
     *
     * @param maxImageDistance PDQ hashes at most this many bits apart (of 256) are the same picture
     * @param minTextJaccard texts whose word-pair sets have at least this Jaccard similarity are
     *     near-duplicates
     * @param minTextShingles texts with fewer distinct word pairs are too short to link by: short
     *     ordinary ads ("looking for a babysitter, city, phone") are alike by chance
     * @param maxAdsPerContact a contact or picture in more ads than this is not used for linking
     * @param bands LSH bands
     * @param rows signature values per band
     */
    public record Settings(
            int maxImageDistance,
            double minTextJaccard,
            int minTextShingles,
            int maxAdsPerContact,
            int bands,
            int rows) {

        /** Checks the ranges. */
        public Settings {
            if (maxImageDistance < 0 || maxImageDistance > 64) {
                throw new IllegalArgumentException("maxImageDistance must be 0..64 bits, got " + maxImageDistance);
            }
            if (!(minTextJaccard > 0 && minTextJaccard <= 1)) {
                throw new IllegalArgumentException("minTextJaccard must be in (0, 1], got " + minTextJaccard);
            }
            if (minTextShingles < 1) {
                throw new IllegalArgumentException("minTextShingles must be at least 1, got " + minTextShingles);
            }
            if (maxAdsPerContact < 2) {
                throw new IllegalArgumentException("maxAdsPerContact must be at least 2, got " + maxAdsPerContact);
            }
            if (bands < 1 || rows < 1 || bands * rows > 1024) {
                throw new IllegalArgumentException(
                        "bands and rows must be positive with bands × rows at most 1024, got " + bands + " × " + rows);
            }
        }

        /**
         * The defaults: pictures within 15 bits (well inside the 31 of Meta's PDQ reference, since
         * a false picture link merges two operators and ad pictures are often copied); texts sharing
         * at least half their word pairs, of at least 15 pairs; contacts in at most 500 ads; 20 bands
         * of 4 values (80 MinHash buckets).
         */
        public static Settings defaults() {
            return new Settings(15, 0.5, 15, 500, 20, 4);
        }

        /** These settings with another contact limit. */
        public Settings withMaxAdsPerContact(int limit) {
            return new Settings(maxImageDistance, minTextJaccard, minTextShingles, limit, bands, rows);
        }
    }

    /** Above this many ads, a band bucket is compared member-to-neighbours instead of all pairs. */
    static final int SMALL_BUCKET = 48;

    /** Neighbours (in signature order) each member of a large bucket is compared with. */
    static final int LARGE_BUCKET_WINDOW = 24;

    private static final AdLinker STANDARD = new AdLinker(Settings.defaults());

    private final Settings settings;

    private AdLinker(Settings settings) {
        this.settings = settings;
    }

    /** A linker with {@link Settings#defaults()}. */
    public static AdLinker standard() {
        return STANDARD;
    }

    /** A linker with the given settings. */
    public static AdLinker with(Settings settings) {
        return new AdLinker(Objects.requireNonNull(settings, "settings"));
    }

    /** The settings. */
    public Settings settings() {
        return settings;
    }

    /**
     * Links the ads.
     *
     * @throws IllegalArgumentException if two ads have the same id
     */
    public AdClusters link(List<LinkableAd> ads) {
        List<LinkableAd> list = List.copyOf(ads);
        requireDistinctIds(list);
        Run run = new Run(list);
        run.linkContacts();
        run.linkImages();
        run.linkTexts();
        return new AdClusters(list, run.uf, run.edgeA, run.edgeB, run.ignored, run.stats(), settings);
    }

    private static void requireDistinctIds(List<LinkableAd> ads) {
        Set<String> seen = new java.util.HashSet<>(ads.size() * 2);
        for (LinkableAd ad : ads) {
            if (!seen.add(ad.id())) {
                throw new IllegalArgumentException("two ads have the id '" + ad.id() + "'; ids must be unique");
            }
        }
    }

    /**
     * Counts of one linking run.
     *
     * @param ads ads linked
     * @param textAds ads with a text long enough to link by
     * @param contactLinks links made by shared contacts
     * @param imageLinks links made by similar pictures
     * @param textCandidates pairs of ads compared exactly because they shared an LSH band
     * @param textLinks links made by near-duplicate texts
     * @param largeBuckets LSH buckets too large to compare all pairs in
     */
    public record Stats(
            int ads,
            int textAds,
            long contactLinks,
            long imageLinks,
            long textCandidates,
            long textLinks,
            long largeBuckets) {}

    private final class Run {
        final List<LinkableAd> ads;
        final int n;
        final UnionFind uf;
        final IntList edgeA = new IntList(1024);
        final IntList edgeB = new IntList(1024);
        final List<IgnoredContact> ignored = new ArrayList<>();
        long contactLinks;
        long imageLinks;
        long textCandidates;
        long textLinks;
        long largeBuckets;
        int textAds;

        Run(List<LinkableAd> ads) {
            this.ads = ads;
            this.n = ads.size();
            this.uf = new UnionFind(n);
        }

        Stats stats() {
            return new Stats(n, textAds, contactLinks, imageLinks, textCandidates, textLinks, largeBuckets);
        }

        private boolean join(int a, int b) {
            if (uf.union(a, b)) {
                edgeA.add(a);
                edgeB.add(b);
                return true;
            }
            return false;
        }

        void linkContacts() {
            Map<String, IntList> byContact = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                LinkableAd ad = ads.get(i);
                Set<String> own = new LinkedHashSet<>();
                ad.phones().forEach(p -> own.add("phone\u0000" + p));
                ad.handles().forEach(h -> own.add("handle\u0000" + h));
                for (String key : own) {
                    byContact.computeIfAbsent(key, k -> new IntList(2)).add(i);
                }
            }
            for (Map.Entry<String, IntList> e : byContact.entrySet()) {
                IntList group = e.getValue();
                if (group.size() < 2) {
                    continue;
                }
                if (group.size() > settings.maxAdsPerContact()) {
                    String[] kv = e.getKey().split("\u0000", 2);
                    ignored.add(new IgnoredContact(kv[0], kv[1], group.size()));
                    continue;
                }
                for (int k = 1; k < group.size(); k++) {
                    if (join(group.get(0), group.get(k))) {
                        contactLinks++;
                    }
                }
            }
        }

        void linkImages() {
            Map<PdqHash, IntList> byHash = new HashMap<>();
            for (int i = 0; i < n; i++) {
                for (PdqHash h : new LinkedHashSet<>(ads.get(i).images())) {
                    byHash.computeIfAbsent(h, k -> new IntList(2)).add(i);
                }
            }
            if (byHash.isEmpty()) {
                return;
            }
            PdqHash[] hashes = byHash.keySet().toArray(new PdqHash[0]);
            // Pictures within the distance form groups (over distinct hashes). A group found in
            // implausibly many ads is set aside; otherwise ads holding the same hash are joined, and
            // each close pair of hashes joins an ad of one with an ad of the other, so that every
            // link rests on two pictures within the distance.
            UnionFind pictures = new UnionFind(hashes.length);
            IntList pairA = new IntList();
            IntList pairB = new IntList();
            PdqIndex.pairs(hashes, settings.maxImageDistance(), (a, b, d) -> {
                if (pictures.union(a, b)) {
                    pairA.add(a);
                    pairB.add(b);
                }
            });
            Map<Integer, Set<Integer>> adsOfGroup = new HashMap<>();
            for (int h = 0; h < hashes.length; h++) {
                IntList holders = byHash.get(hashes[h]);
                Set<Integer> groupAds = adsOfGroup.computeIfAbsent(pictures.find(h), k -> new HashSet<>());
                for (int j = 0; j < holders.size(); j++) {
                    groupAds.add(holders.get(j));
                }
            }
            Set<Integer> setAside = new HashSet<>();
            adsOfGroup.forEach((root, groupAds) -> {
                if (groupAds.size() > settings.maxAdsPerContact()) {
                    setAside.add(root);
                    ignored.add(new IgnoredContact("image", hashes[root].hex(), groupAds.size()));
                }
            });
            for (int h = 0; h < hashes.length; h++) {
                IntList holders = byHash.get(hashes[h]);
                if (setAside.contains(pictures.find(h))) {
                    continue;
                }
                for (int j = 1; j < holders.size(); j++) {
                    if (join(holders.get(0), holders.get(j))) {
                        imageLinks++;
                    }
                }
            }
            for (int p = 0; p < pairA.size(); p++) {
                if (!setAside.contains(pictures.find(pairA.get(p)))
                        && join(
                                byHash.get(hashes[pairA.get(p)]).get(0),
                                byHash.get(hashes[pairB.get(p)]).get(0))) {
                    imageLinks++;
                }
            }
        }

        void linkTexts() {
            int bands = settings.bands();
            int rows = settings.rows();
            int buckets = bands * rows;
            int[] members = new int[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (ads.get(i).fingerprint().size() >= settings.minTextShingles()) {
                    members[m++] = i;
                }
            }
            textAds = m;
            if (m < 2) {
                return;
            }
            int indexBits = 64 - Long.numberOfLeadingZeros(m);
            long indexMask = (1L << indexBits) - 1;
            long[][] bandKeys = new long[bands][m];
            long[] signature = new long[buckets];
            try (MinHashSketcher sketcher = new MinHashSketcher(buckets)) {
                for (int k = 0; k < m; k++) {
                    boolean ok =
                            sketcher.sketch(ads.get(members[k]).fingerprint().raw(), signature);
                    for (int b = 0; b < bands; b++) {
                        long key = ok ? bandKey(signature, b * rows, rows) : mix(k * 0x9E3779B97F4A7C15L + b);
                        bandKeys[b][k] = (key << indexBits) | k;
                    }
                }
            }
            // Large buckets are walked in the order of another band's keys, so that ads agreeing on
            // more of their signature are neighbours; band 0 is kept unsorted for the last band.
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
                        compareBucket(keys, start, end, indexBits, members, order);
                    }
                    start = end;
                }
                bandKeys[b] = null;
            }
        }

        private void compareBucket(long[] keys, int start, int end, int indexBits, int[] members, long[] order) {
            long indexMask = (1L << indexBits) - 1;
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
                int a = members[(int) (bucket[i] & indexMask)];
                int last = large ? Math.min(size, i + 1 + LARGE_BUCKET_WINDOW) : size;
                for (int j = i + 1; j < last; j++) {
                    int b = members[(int) (bucket[j] & indexMask)];
                    if (uf.connected(a, b)) {
                        continue;
                    }
                    textCandidates++;
                    double jaccard = TextFingerprint.jaccard(
                            ads.get(a).fingerprint().raw(),
                            ads.get(b).fingerprint().raw());
                    if (jaccard >= settings.minTextJaccard() && join(a, b)) {
                        textLinks++;
                    }
                }
            }
        }
    }

    private static long bandKey(long[] signature, int from, int rows) {
        long h = 0x2545F4914F6CDD1DL;
        for (int r = 0; r < rows; r++) {
            h = mix(h ^ signature[from + r]);
        }
        return h;
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
