package kz.qorgau.signals.tx;

import org.jspecify.annotations.Nullable;

/**
 * One account's memory while it is active: a ring of pane summaries (the current pane and the ones
 * before it that the window still covers), the money received recently and not yet passed on, and
 * the first phone number seen with it.
 *
 * <p>The recent money is a first-in first-out queue of (time, amount still here), interleaved in
 * one array held here directly, because every person-to-person transfer touches it. An outgoing
 * transfer consumes it oldest first; what it consumes within the pass-through horizon counts as
 * passed on. Bounded: when full, the two oldest entries are merged, keeping the older time, which
 * can only make forwarding look slower.
 */
final class AccountState {

    final String account;
    /** {@code account.hashCode()}, kept here so that a lookup never has to read the identifier. */
    final int accountHash;

    final @Nullable AccountProfile profile;

    /** The first phone number seen with the account (the holder's, when the accounts file has it). */
    @Nullable
    String phone;

    /** panes[0] is the current pane, panes[i] the pane i steps before it. */
    final PaneSummary[] panes;

    /** panes[0], kept in a field too: it is touched by every transaction. */
    private PaneSummary current;

    /** The account's phone number as {@link PhoneKeys#of digits}, {@link PhoneKeys#NONE} until known. */
    long phoneKey;

    /** The other accounts that share the phone number, or {@code null} when none is tracked. */
    LinkedAccounts.@Nullable Group group;

    /** Recent inflows as (epoch second, amount) pairs in a ring. */
    private long @Nullable [] recent;

    private int recentHead;
    private int recentSize;

    AccountState(String account, @Nullable AccountProfile profile, int paneCount) {
        this.account = account;
        this.accountHash = account.hashCode();
        this.profile = profile;
        this.panes = new PaneSummary[paneCount];
        for (int i = 0; i < paneCount; i++) {
            panes[i] = new PaneSummary();
        }
        this.current = panes[0];
    }

    PaneSummary current() {
        return current;
    }

    /** Moves every pane one step back; the oldest is cleared and becomes the new current pane. */
    void roll() {
        PaneSummary oldest = panes[panes.length - 1];
        System.arraycopy(panes, 0, panes, 1, panes.length - 1);
        oldest.clear();
        panes[0] = oldest;
        current = oldest;
    }

    /** Whether any pane of the window saw activity. */
    boolean active() {
        for (PaneSummary pane : panes) {
            if (pane.active()) {
                return true;
            }
        }
        return false;
    }

    /** Notes money received, after dropping what is older than the horizon. Amortised O(1). */
    void receive(long epochSecond, long amount, long horizonSeconds, int maxSlots) {
        long[] ring = recent;
        if (ring == null) {
            ring = recent = new long[2];
        } else {
            expire(ring, epochSecond, horizonSeconds);
        }
        int capacity = ring.length / 2;
        if (recentSize == capacity) {
            if (capacity < maxSlots) {
                ring = grow(ring, Math.min(maxSlots, capacity * 2));
            } else {
                mergeOldestTwo(ring);
            }
        }
        int slot = (recentHead + recentSize) % (ring.length / 2);
        ring[slot * 2] = epochSecond;
        ring[slot * 2 + 1] = amount;
        recentSize++;
    }

    /**
     * Consumes money for an outgoing transfer and says how much of it had arrived within the
     * horizon; older money is dropped (it stayed).
     *
     * @param result receives {@code [passed-on amount, Σ amount × delay seconds]}
     */
    void pass(long epochSecond, long amount, long horizonSeconds, double[] result) {
        consume(epochSecond, amount, horizonSeconds, result, null, 0);
    }

    /**
     * Moves money to another account of the same holder: the recent money it consumes keeps its
     * arrival time in the other account's queue; older money arrives there as old (not recent).
     */
    void moveRecentTo(AccountState other, long epochSecond, long amount, long horizonSeconds, int maxSlots) {
        consume(epochSecond, amount, horizonSeconds, null, other, maxSlots);
    }

    private void consume(
            long epochSecond,
            long amount,
            long horizonSeconds,
            double @Nullable [] result,
            @Nullable AccountState movedTo,
            int maxSlots) {
        long passed = 0;
        double delayWeighted = 0;
        long[] ring = recent;
        if (ring != null) {
            int capacity = ring.length / 2;
            long remaining = amount;
            while (recentSize > 0 && remaining > 0) {
                int at = recentHead * 2;
                long time = ring[at];
                if (epochSecond - time > horizonSeconds) {
                    pop(capacity);
                    continue;
                }
                long available = ring[at + 1];
                long take = Math.min(available, remaining);
                passed += take;
                delayWeighted += (double) take * (epochSecond - time);
                if (movedTo != null) {
                    movedTo.receive(time, take, horizonSeconds, maxSlots);
                }
                remaining -= take;
                if (take == available) {
                    pop(capacity);
                } else {
                    ring[at + 1] = available - take;
                }
            }
        }
        if (result != null) {
            result[0] = passed;
            result[1] = delayWeighted;
        }
    }

    private void expire(long[] ring, long epochSecond, long horizonSeconds) {
        int capacity = ring.length / 2;
        while (recentSize > 0 && epochSecond - ring[recentHead * 2] > horizonSeconds) {
            pop(capacity);
        }
    }

    private void pop(int capacity) {
        recentHead = (recentHead + 1) % capacity;
        recentSize--;
    }

    private void mergeOldestTwo(long[] ring) {
        int capacity = ring.length / 2;
        int first = recentHead;
        int second = (recentHead + 1) % capacity;
        ring[second * 2 + 1] += ring[first * 2 + 1];
        ring[second * 2] = ring[first * 2];
        pop(capacity);
    }

    private long[] grow(long[] ring, int capacity) {
        long[] bigger = new long[capacity * 2];
        int old = ring.length / 2;
        for (int i = 0; i < recentSize; i++) {
            int slot = (recentHead + i) % old;
            bigger[i * 2] = ring[slot * 2];
            bigger[i * 2 + 1] = ring[slot * 2 + 1];
        }
        recentHead = 0;
        recent = bigger;
        return bigger;
    }
}
