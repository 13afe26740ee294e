package kz.qorgau.signals.tx;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The inflow of holders by age in one window, to compare a young holder with peers. Ages are
 * collected for holders up to {@code maxAge + maxPeerBand}; for an age the peer group is the
 * narrowest band of ages around it (±0, ±1, … years) holding at least {@code minPeers} active
 * accounts, and its median resists a minority of unusual accounts in the group.
 */
final class PeerVolumes {

    /** The median inflow of a peer group. */
    record Peers(long median, int count, int fromAge, int toAge) {}

    private final int maxAge;
    private final int maxBand;
    private final int minPeers;
    private final long[][] volumes;
    private final int[] sizes;
    private final @Nullable Peers[] cache;

    PeerVolumes(int maxAge, int maxBand, int minPeers) {
        this.maxAge = maxAge;
        this.maxBand = maxBand;
        this.minPeers = minPeers;
        int ages = maxAge + maxBand + 1;
        this.volumes = new long[ages][];
        this.sizes = new int[ages];
        this.cache = new Peers[maxAge + 1];
        for (int i = 0; i < ages; i++) {
            volumes[i] = new long[16];
        }
    }

    /** Notes an active holder's inflow; ages outside the collected range are ignored. */
    void add(int age, long volume) {
        if (age < 0 || age >= volumes.length) {
            return;
        }
        if (sizes[age] == volumes[age].length) {
            volumes[age] = Arrays.copyOf(volumes[age], sizes[age] * 2);
        }
        volumes[age][sizes[age]++] = volume;
    }

    /** Ages above this are not collected. */
    int collectedUpToAge() {
        return volumes.length - 1;
    }

    /** The peers of a holder of this age, or {@code null} when no band up to the limit is big enough. */
    @Nullable
    Peers of(int age) {
        if (age < 0 || age > maxAge) {
            return null;
        }
        Peers cached = cache[age];
        if (cached != null) {
            return cached;
        }
        for (int band = 0; band <= maxBand; band++) {
            int from = Math.max(0, age - band);
            int to = Math.min(volumes.length - 1, age + band);
            int count = 0;
            for (int a = from; a <= to; a++) {
                count += sizes[a];
            }
            if (count >= minPeers) {
                long[] all = new long[count];
                int at = 0;
                for (int a = from; a <= to; a++) {
                    System.arraycopy(volumes[a], 0, all, at, sizes[a]);
                    at += sizes[a];
                }
                Arrays.sort(all);
                long median = count % 2 == 1 ? all[count / 2] : (all[count / 2 - 1] + all[count / 2]) / 2;
                Peers peers = new Peers(median, count, from, to);
                cache[age] = peers;
                return peers;
            }
        }
        return null;
    }
}
