package kz.qorgau.signals.tx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where an account forwards its money, kept as the Space-Saving summary (Metwally et al. 2005) with
 * a fixed number of slots: exact while the account pays at most that many people, and otherwise
 * each kept amount carries the most it may overstate. Rules use the guaranteed amount (amount minus
 * that error), so the summary can make an account look less concentrated, never more.
 */
final class RecipientSlots {

    private final int slots;
    private @Nullable String[] ids;
    /** Per slot: amount, error, first time, last time (epoch seconds), interleaved. */
    private long[] values;

    private int[] counts;
    /** The recipients' hash codes, compared before the identifiers to spare a memory access. */
    private int[] hashes;

    private int used;
    private int evictions;

    /** Room for one recipient at first, growing to {@code slots}: most accounts pay one or two people. */
    RecipientSlots(int slots) {
        this.slots = slots;
        this.ids = new String[1];
        this.values = new long[4];
        this.counts = new int[1];
        this.hashes = new int[1];
    }

    private void grow() {
        int capacity = Math.min(slots, ids.length * 2);
        ids = java.util.Arrays.copyOf(ids, capacity);
        values = java.util.Arrays.copyOf(values, capacity * 4);
        counts = java.util.Arrays.copyOf(counts, capacity);
        hashes = java.util.Arrays.copyOf(hashes, capacity);
    }

    /** Records a transfer to a recipient. O(slots). */
    void add(String recipient, long amount, long epochSecond) {
        int hash = recipient.hashCode();
        for (int i = 0; i < used; i++) {
            if (hashes[i] == hash && (recipient == ids[i] || recipient.equals(ids[i]))) {
                values[i * 4] += amount;
                values[i * 4 + 3] = epochSecond;
                counts[i]++;
                return;
            }
        }
        if (used == ids.length && used < slots) {
            grow();
        }
        if (used < ids.length) {
            set(used++, recipient, amount, 0, epochSecond, 1);
            return;
        }
        int smallest = 0;
        for (int i = 1; i < used; i++) {
            if (values[i * 4] < values[smallest * 4]) {
                smallest = i;
            }
        }
        long floor = values[smallest * 4];
        set(smallest, recipient, floor + amount, floor, epochSecond, 1);
        evictions++;
    }

    private void set(int i, String recipient, long amount, long error, long epochSecond, int count) {
        ids[i] = recipient;
        hashes[i] = recipient.hashCode();
        values[i * 4] = amount;
        values[i * 4 + 1] = error;
        values[i * 4 + 2] = epochSecond;
        values[i * 4 + 3] = epochSecond;
        counts[i] = count;
    }

    /** Empties the summary, keeping its arrays. */
    void clear() {
        java.util.Arrays.fill(ids, null);
        used = 0;
        evictions = 0;
    }

    /** Whether more recipients were seen than there are slots (the amounts are then bounds). */
    boolean overflowed() {
        return evictions > 0;
    }

    /** How many recipients are held. */
    int used() {
        return used;
    }

    /** A recipient's forwarded money, the amount guaranteed (never overstated). */
    record Share(String recipient, long guaranteedAmount, int transfers, long first, long last) {}

    /** Adds this pane's recipients into a window-wide tally keyed by recipient. */
    void addTo(Map<String, long[]> tally) {
        for (int i = 0; i < used; i++) {
            String id = ids[i];
            if (id == null) {
                continue;
            }
            long guaranteed = values[i * 4] - values[i * 4 + 1];
            long[] entry = tally.get(id);
            if (entry == null) {
                tally.put(id, new long[] {guaranteed, counts[i], values[i * 4 + 2], values[i * 4 + 3]});
            } else {
                entry[0] += guaranteed;
                entry[1] += counts[i];
                entry[2] = Math.min(entry[2], values[i * 4 + 2]);
                entry[3] = Math.max(entry[3], values[i * 4 + 3]);
            }
        }
    }

    /** The recipients of several panes, merged, the largest guaranteed amount first. */
    static List<Share> merged(List<RecipientSlots> panes) {
        Map<String, long[]> tally = new LinkedHashMap<>();
        for (RecipientSlots pane : panes) {
            pane.addTo(tally);
        }
        List<Share> shares = new ArrayList<>(tally.size());
        tally.forEach((id, v) -> shares.add(new Share(id, v[0], (int) v[1], v[2], v[3])));
        shares.sort(Comparator.comparingLong(Share::guaranteedAmount).reversed().thenComparing(Share::recipient));
        return shares;
    }
}
