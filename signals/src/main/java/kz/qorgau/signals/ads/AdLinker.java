package kz.qorgau.signals.ads;

import java.util.ArrayList;
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
 * <p>Near-duplicate texts are found by {@link NearDuplicateFinder}: MinHash signatures (Lucene's
 * {@code MinHashFilter}) and locality-sensitive hashing, {@link Settings#bands()} bands of {@link
 * Settings#rows()} values, candidates compared exactly; boilerplate word pairs (in more than 1% of
 * the ads linked) must not be all the two texts share. Picture pairs come from multi-index
 * hashing ({@link PdqIndex}). Texts are linked first, then contacts and pictures from the rarest
 * to the most common. A contact or picture found in more than {@link Settings#maxAdsPerContact()}
 * ads, or whose ads give more than {@link Settings#maxOtherContacts()} other phone numbers and
 * handles (a site's support number, a stock photo), is not used and is reported in
 * {@link AdClusters#ignored()}, so that one such value does not fuse unrelated operators into one
 * giant cluster.
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
     * @param maxOtherContacts a contact or picture whose ads give more other phone numbers and
     *     handles than this is not used for linking: an operator's number appears beside its few
     *     other numbers, a site's support number or a stock photo beside those of many operators
     * @param bands LSH bands
     * @param rows signature values per band
     */
    public record Settings(
            int maxImageDistance,
            double minTextJaccard,
            int minTextShingles,
            int maxAdsPerContact,
            int maxOtherContacts,
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
            if (maxOtherContacts < 2) {
                throw new IllegalArgumentException("maxOtherContacts must be at least 2, got " + maxOtherContacts);
            }
            if (bands < 1 || rows < 1 || bands * rows > 1024) {
                throw new IllegalArgumentException(
                        "bands and rows must be positive with bands × rows at most 1024, got " + bands + " × " + rows);
            }
        }

        /**
         * The defaults: pictures within 15 bits (well inside the 31 of Meta's PDQ reference, since
         * a false picture link merges two operators and ad pictures are often copied); texts sharing
         * at least half their word pairs, of at least 15 pairs; contacts in at most 500 ads and beside
         * at most 20 other numbers and handles; 26 bands of 3 values (78 MinHash buckets): a pair
         * with Jaccard similarity 0.8 becomes a candidate with probability 1 - (1 - 0.8³)²⁶ > 0.9999,
         * a pair at 0.2 with probability 0.19.
         */
        public static Settings defaults() {
            return new Settings(15, 0.5, 15, 500, 20, 26, 3);
        }

        /** These settings with another limit of ads per contact. */
        public Settings withMaxAdsPerContact(int limit) {
            return new Settings(
                    maxImageDistance, minTextJaccard, minTextShingles, limit, maxOtherContacts, bands, rows);
        }

        /** These settings with another limit of clusters a contact may join. */
        public Settings withMaxClustersPerContact(int limit) {
            return new Settings(
                    maxImageDistance, minTextJaccard, minTextShingles, maxAdsPerContact, limit, bands, rows);
        }
    }

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
        Map<String, Integer> indexOfId = indexOfIds(list);
        Run run = new Run(list);
        // Texts first, then contacts and pictures from the most specific (fewest ads) to the most
        // common.
        run.linkTexts();
        List<Group> groups = new ArrayList<>();
        run.contactGroups(groups);
        run.imageGroups(groups);
        groups.sort(java.util.Comparator.comparingInt(Group::ads));
        for (Group group : groups) {
            run.apply(group);
        }
        return new AdClusters(
                list,
                indexOfId,
                run.uf,
                run.edgeA,
                run.edgeB,
                run.edgeJaccard,
                run.edgeDistinctiveJaccard,
                run.ignored,
                run.stats(),
                settings);
    }

    private static Map<String, Integer> indexOfIds(List<LinkableAd> ads) {
        Map<String, Integer> index = new HashMap<>(ads.size() * 2);
        for (int i = 0; i < ads.size(); i++) {
            if (index.putIfAbsent(ads.get(i).id(), i) != null) {
                throw new IllegalArgumentException(
                        "two ads have the id '" + ads.get(i).id() + "'; ids must be unique");
            }
        }
        return index;
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

    /** Ads sharing one contact or one group of near-identical pictures, and the pairs to join. */
    private record Group(String kind, String value, int ads, int[] members, int[] pairs) {}

    private static final int NO_SIMILARITY = Float.floatToRawIntBits(Float.NaN);

    private static int[] toArray(IntList list) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    private final class Run {
        final List<LinkableAd> ads;
        final int n;
        final UnionFind uf;
        final IntList edgeA = new IntList(1024);
        final IntList edgeB = new IntList(1024);
        final List<IgnoredContact> ignored = new ArrayList<>();
        /** Per link: the text similarities (float bits) when texts made it, NaN otherwise. */
        final IntList edgeJaccard = new IntList(1024);

        final IntList edgeDistinctiveJaccard = new IntList(1024);

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
                edgeJaccard.add(NO_SIMILARITY);
                edgeDistinctiveJaccard.add(NO_SIMILARITY);
                return true;
            }
            return false;
        }

        void contactGroups(List<Group> out) {
            groupsOf("phone", ads.stream().map(LinkableAd::phones).toList(), out);
            groupsOf("handle", ads.stream().map(LinkableAd::handles).toList(), out);
        }

        /** Ads sharing each value; a value in one ad only is kept as an Integer, not a list. */
        private void groupsOf(String kind, List<List<String>> valuesOfAd, List<Group> out) {
            Map<String, Object> holders = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                for (String value : valuesOfAd.get(i)) {
                    Object seen = holders.get(value);
                    if (seen == null) {
                        holders.put(value, i);
                    } else if (seen instanceof Integer first) {
                        if (first != i) {
                            IntList list = new IntList(2);
                            list.add(first);
                            list.add(i);
                            holders.put(value, list);
                        }
                    } else if (((IntList) seen).last() != i) {
                        ((IntList) seen).add(i);
                    }
                }
            }
            for (Map.Entry<String, Object> e : holders.entrySet()) {
                if (!(e.getValue() instanceof IntList list)) {
                    continue;
                }
                int[] pairs = new int[2 * (list.size() - 1)];
                for (int k = 1; k < list.size(); k++) {
                    pairs[2 * (k - 1)] = list.get(0);
                    pairs[2 * (k - 1) + 1] = list.get(k);
                }
                out.add(new Group(kind, e.getKey(), list.size(), toArray(list), pairs));
            }
        }

        void imageGroups(List<Group> out) {
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
            // Pictures within the distance form groups (over distinct hashes). Ads holding the same
            // hash are joined, and each close pair of hashes joins an ad of one with an ad of the other,
            // so that every link rests on two pictures within the distance.
            UnionFind pictures = new UnionFind(hashes.length);
            IntList closeA = new IntList();
            IntList closeB = new IntList();
            PdqIndex.pairs(hashes, settings.maxImageDistance(), (a, b, d) -> {
                if (pictures.union(a, b)) {
                    closeA.add(a);
                    closeB.add(b);
                }
            });
            Map<Integer, IntList> hashesOfGroup = new HashMap<>();
            for (int h = 0; h < hashes.length; h++) {
                hashesOfGroup
                        .computeIfAbsent(pictures.find(h), k -> new IntList(1))
                        .add(h);
            }
            Map<Integer, IntList> closeOfGroup = new HashMap<>();
            for (int p = 0; p < closeA.size(); p++) {
                closeOfGroup
                        .computeIfAbsent(pictures.find(closeA.get(p)), k -> new IntList(2))
                        .add(p);
            }
            for (Map.Entry<Integer, IntList> e : hashesOfGroup.entrySet()) {
                IntList members = e.getValue();
                Set<Integer> groupAds = new LinkedHashSet<>();
                IntList pairs = new IntList();
                for (int k = 0; k < members.size(); k++) {
                    IntList holders = byHash.get(hashes[members.get(k)]);
                    for (int j = 0; j < holders.size(); j++) {
                        groupAds.add(holders.get(j));
                        if (j > 0) {
                            pairs.add(holders.get(0));
                            pairs.add(holders.get(j));
                        }
                    }
                }
                for (int p : toArray(closeOfGroup.getOrDefault(e.getKey(), new IntList(1)))) {
                    pairs.add(byHash.get(hashes[closeA.get(p)]).get(0));
                    pairs.add(byHash.get(hashes[closeB.get(p)]).get(0));
                }
                if (groupAds.size() < 2) {
                    continue;
                }
                int[] adsOfGroup = groupAds.stream().mapToInt(Integer::intValue).toArray();
                out.add(new Group(
                        "image", hashes[members.get(0)].hex(), adsOfGroup.length, adsOfGroup, toArray(pairs)));
            }
        }

        /**
         * The distinct phone numbers and handles the group's ads give besides the group's own value,
         * counted up to one more than the limit.
         */
        private int otherContacts(Group group) {
            Set<String> others = new HashSet<>();
            for (int ad : group.members()) {
                for (List<String> values :
                        List.of(ads.get(ad).phones(), ads.get(ad).handles())) {
                    for (String v : values) {
                        if (!v.equals(group.value())) {
                            others.add(v);
                        }
                    }
                }
                if (others.size() > settings.maxOtherContacts()) {
                    break;
                }
            }
            return others.size();
        }

        /** Joins a group's pairs, or sets the group aside when it is implausibly common. */
        void apply(Group group) {
            int others = otherContacts(group);
            if (group.ads() > settings.maxAdsPerContact() || others > settings.maxOtherContacts()) {
                ignored.add(new IgnoredContact(group.kind(), group.value(), group.ads(), others));
                return;
            }
            int[] pairs = group.pairs();
            for (int p = 0; p + 1 < pairs.length; p += 2) {
                if (join(pairs[p], pairs[p + 1])) {
                    if (group.kind().equals("image")) {
                        imageLinks++;
                    } else {
                        contactLinks++;
                    }
                }
            }
        }

        void linkTexts() {
            List<TextFingerprint> texts = new ArrayList<>(n);
            for (LinkableAd ad : ads) {
                boolean longEnough = ad.fingerprint().size() >= settings.minTextShingles();
                texts.add(longEnough ? ad.fingerprint() : TextFingerprint.EMPTY);
            }
            NearDuplicateFinder.Result result = NearDuplicateFinder.of(settings.bands(), settings.rows())
                    .find(texts, settings.minTextJaccard(), uf::connected, (a, b, jaccard, distinctive) -> {
                        if (join(a, b)) {
                            textLinks++;
                            edgeJaccard.set(edgeJaccard.size() - 1, Float.floatToRawIntBits((float) jaccard));
                            edgeDistinctiveJaccard.set(
                                    edgeDistinctiveJaccard.size() - 1, Float.floatToRawIntBits((float) distinctive));
                        }
                    });
            textAds = result.texts();
            textCandidates = result.comparisons();
            largeBuckets = result.largeBuckets();
        }
    }
}
