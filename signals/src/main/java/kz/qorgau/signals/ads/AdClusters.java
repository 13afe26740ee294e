package kz.qorgau.signals.ads;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@link AdLinker#link}: every ad's cluster (an ad linked to nothing is a cluster of
 * one), the links with their evidence, and the contacts that were too common to use. Clusters are
 * built on demand. Immutable; thread-safe after construction.
 */
public final class AdClusters {

    private final List<LinkableAd> ads;
    private final int[] component;
    private final int[][] membersByComponent;
    private final int[] edgeA;
    private final int[] edgeB;
    private final int[][] edgesByComponent;
    private final float[] edgeJaccard;
    private final float[] edgeDistinctiveJaccard;
    private final List<IgnoredContact> ignored;
    private final Set<String> ignoredValues;
    private final AdLinker.Stats stats;
    private final AdLinker.Settings settings;
    private final Map<String, Integer> indexOfId;
    private volatile String @Nullable [] ids;

    AdClusters(
            List<LinkableAd> ads,
            Map<String, Integer> indexOfId,
            UnionFind uf,
            IntList edgeA,
            IntList edgeB,
            IntList edgeJaccard,
            IntList edgeDistinctiveJaccard,
            List<IgnoredContact> ignored,
            AdLinker.Stats stats,
            AdLinker.Settings settings) {
        this.ads = ads;
        int n = ads.size();
        this.component = new int[n];
        // Components are numbered by their first ad in input order: stable and readable.
        int[] numberOfRoot = new int[n];
        java.util.Arrays.fill(numberOfRoot, -1);
        int count = 0;
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            int root = uf.find(i);
            if (numberOfRoot[root] < 0) {
                numberOfRoot[root] = count++;
            }
            component[i] = numberOfRoot[root];
            sizes[component[i]]++;
        }
        this.membersByComponent = new int[count][];
        int[] fill = new int[count];
        for (int c = 0; c < count; c++) {
            membersByComponent[c] = new int[sizes[c]];
        }
        for (int i = 0; i < n; i++) {
            int c = component[i];
            membersByComponent[c][fill[c]++] = i;
        }
        this.edgeA = new int[edgeA.size()];
        this.edgeB = new int[edgeB.size()];
        int[] edgeCount = new int[count];
        for (int e = 0; e < edgeA.size(); e++) {
            this.edgeA[e] = edgeA.get(e);
            this.edgeB[e] = edgeB.get(e);
            edgeCount[component[edgeA.get(e)]]++;
        }
        this.edgesByComponent = new int[count][];
        for (int c = 0; c < count; c++) {
            edgesByComponent[c] = new int[edgeCount[c]];
        }
        int[] edgeFill = new int[count];
        for (int e = 0; e < this.edgeA.length; e++) {
            int c = component[this.edgeA[e]];
            edgesByComponent[c][edgeFill[c]++] = e;
        }
        this.edgeJaccard = new float[edgeJaccard.size()];
        this.edgeDistinctiveJaccard = new float[edgeJaccard.size()];
        for (int e = 0; e < this.edgeJaccard.length; e++) {
            this.edgeJaccard[e] = Float.intBitsToFloat(edgeJaccard.get(e));
            this.edgeDistinctiveJaccard[e] = Float.intBitsToFloat(edgeDistinctiveJaccard.get(e));
        }
        this.ignored = List.copyOf(ignored);
        Set<String> values = new HashSet<>();
        ignored.forEach(i -> values.add(i.kind() + ":" + i.value()));
        this.ignoredValues = values;
        this.stats = stats;
        this.settings = settings;
        this.indexOfId = indexOfId;
    }

    /** Number of clusters, clusters of one ad included. */
    public int count() {
        return membersByComponent.length;
    }

    /** Number of clusters of at least {@code minSize} ads. */
    public int count(int minSize) {
        int c = 0;
        for (int[] members : membersByComponent) {
            if (members.length >= minSize) {
                c++;
            }
        }
        return c;
    }

    /** Size of the largest cluster. */
    public int largest() {
        int max = 0;
        for (int[] members : membersByComponent) {
            max = Math.max(max, members.length);
        }
        return max;
    }

    /** Contacts and pictures found in too many ads to link by; each appears once. */
    public List<IgnoredContact> ignored() {
        return ignored;
    }

    /** Counts of the linking run. */
    public AdLinker.Stats stats() {
        return stats;
    }

    /** The settings used. */
    public AdLinker.Settings settings() {
        return settings;
    }

    /** Whether two ads (by input position) are in one cluster. O(1). */
    public boolean sameCluster(int adA, int adB) {
        return component[adA] == component[adB];
    }

    /** The cluster id of the ad at input position {@code index}. */
    public String clusterIdAt(int index) {
        return clusterIds()[component[index]];
    }

    /** The cluster id of an ad, if it was linked. */
    public Optional<String> clusterIdOf(String adId) {
        Integer index = indexOfId.get(adId);
        return index == null ? Optional.empty() : Optional.of(clusterIdAt(index));
    }

    /** The cluster of an ad, if it was linked. */
    public Optional<AdCluster> clusterOf(String adId) {
        Integer index = indexOfId.get(adId);
        return index == null ? Optional.empty() : Optional.of(build(component[index]));
    }

    /**
     * Clusters of at least {@code minSize} ads, largest first (ties in input order of their first ad).
     */
    public List<AdCluster> clusters(int minSize) {
        List<Integer> chosen = new ArrayList<>();
        for (int c = 0; c < membersByComponent.length; c++) {
            if (membersByComponent[c].length >= minSize) {
                chosen.add(c);
            }
        }
        chosen.sort(Comparator.comparingInt((Integer c) -> -membersByComponent[c].length)
                .thenComparingInt(c -> c));
        List<AdCluster> out = new ArrayList<>(chosen.size());
        for (int c : chosen) {
            out.add(build(c));
        }
        return out;
    }

    private String[] clusterIds() {
        String[] local = ids;
        if (local == null) {
            local = new String[membersByComponent.length];
            MessageDigest sha = sha256();
            HexFormat hex = HexFormat.of();
            for (int c = 0; c < local.length; c++) {
                List<String> memberIds = new ArrayList<>(membersByComponent[c].length);
                for (int i : membersByComponent[c]) {
                    memberIds.add(ads.get(i).id());
                }
                memberIds.sort(null);
                sha.reset();
                for (String id : memberIds) {
                    sha.update(id.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) '\n');
                }
                local[c] = "C-" + hex.formatHex(sha.digest(), 0, 6);
            }
            ids = local;
        }
        return local;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-256, which every Java SE runtime has", e);
        }
    }

    private AdCluster build(int c) {
        int[] members = membersByComponent[c];
        List<String> adIds = new ArrayList<>(members.length);
        Set<String> phones = new LinkedHashSet<>();
        Set<String> handles = new LinkedHashSet<>();
        Set<PdqHash> images = new LinkedHashSet<>();
        Map<String, Integer> cities = new LinkedHashMap<>();
        OffsetDateTime first = null;
        OffsetDateTime last = null;
        for (int i : members) {
            LinkableAd ad = ads.get(i);
            adIds.add(ad.id());
            phones.addAll(ad.phones());
            handles.addAll(ad.handles());
            images.addAll(ad.images());
            if (ad.city() != null) {
                cities.merge(ad.city(), 1, Integer::sum);
            }
            OffsetDateTime at = ad.postedAt();
            if (at != null) {
                first = first == null || at.isBefore(first) ? at : first;
                last = last == null || at.isAfter(last) ? at : last;
            }
        }
        List<String> cityList = new ArrayList<>(cities.keySet());
        cityList.sort(Comparator.comparingInt((String city) -> -cities.get(city)));
        List<AdLink> links = new ArrayList<>();
        for (int e : edgesByComponent[c]) {
            LinkableAd a = ads.get(edgeA[e]);
            LinkableAd b = ads.get(edgeB[e]);
            float[] text = Float.isNaN(edgeJaccard[e]) ? null : new float[] {edgeJaccard[e], edgeDistinctiveJaccard[e]};
            links.add(new AdLink(a.id(), b.id(), evidence(a, b, text)));
        }
        return new AdCluster(
                clusterIds()[c],
                adIds,
                List.copyOf(phones),
                List.copyOf(handles),
                List.copyOf(images),
                cityList,
                first,
                last,
                links);
    }

    /**
     * What links two ads: the contacts and pictures they share (those not set aside as too common)
     * and, when their texts linked them, how similar the texts are.
     */
    List<LinkEvidence> evidence(LinkableAd a, LinkableAd b, float @Nullable [] text) {
        List<LinkEvidence> out = new ArrayList<>();
        for (String p : a.phones()) {
            if (b.phones().contains(p) && !ignoredValues.contains("phone:" + p)) {
                out.add(new LinkEvidence.SharedPhone(p));
            }
        }
        for (String h : a.handles()) {
            if (b.handles().contains(h) && !ignoredValues.contains("handle:" + h)) {
                out.add(new LinkEvidence.SharedHandle(h));
            }
        }
        for (PdqHash x : a.images()) {
            for (PdqHash y : b.images()) {
                int d = x.distance(y);
                if (d <= settings.maxImageDistance()
                        && !ignoredValues.contains("image:" + x.hex())
                        && !ignoredValues.contains("image:" + y.hex())) {
                    out.add(new LinkEvidence.SimilarImage(x, y, d));
                }
            }
        }
        if (text != null) {
            out.add(new LinkEvidence.SimilarText(text[0], text[1]));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("ads " + a.id() + " and " + b.id()
                    + " are linked without shared evidence; this is a bug in AdLinker");
        }
        return out;
    }
}
