package kz.qorgau.signals.ads;

import java.util.List;
import java.util.Objects;

/**
 * A batch of ads screened and linked together: what an ingestion endpoint stores.
 *
 * @param ads the screened ads, in input order
 * @param clusters their clusters; {@code clusters.clusterIdAt(i)} is the cluster of {@code ads.get(i)}
 */
public record ScreenedBatch(List<ScreenedAd> ads, AdClusters clusters) {

    /** Checks the fields and copies the list. */
    public ScreenedBatch {
        ads = List.copyOf(ads);
        Objects.requireNonNull(clusters, "clusters");
    }

    /** The cluster id of the ad at position {@code index}. */
    public String clusterIdAt(int index) {
        return clusters.clusterIdAt(index);
    }

    /** The ads flagged for review, in input order. */
    public List<ScreenedAd> flagged() {
        return ads.stream().filter(a -> a.minorRisk().flag()).toList();
    }
}
