package kz.qorgau.signals.tx;

/**
 * The money an account received recently and has not yet passed on, as a first-in first-out queue
 * of (time, amount still here). An outgoing transfer consumes it oldest first; what it consumes
 * within the pass-through horizon counts as forwarded. Bounded: when full, the two oldest entries
 * are merged (keeping the older time, which can only make forwarding look slower).
 */
final class RecentInflows {

    private long[] times = new long[1];
    private long[] amounts = new long[1];
    private int head;
    private int size;

    /** Adds money received at a time. Amortised O(1). */
    void add(long epochSecond, long amount, int maxSlots) {
        if (size == times.length) {
            if (times.length < maxSlots) {
                grow(Math.min(maxSlots, times.length * 2));
            } else {
                mergeOldestTwo();
            }
        }
        int slot = (head + size) % times.length;
        times[slot] = epochSecond;
        amounts[slot] = amount;
        size++;
    }

    /**
     * Consumes money for an outgoing transfer and says how much of it had arrived within the
     * horizon. Entries older than the horizon are dropped: that money stayed.
     *
     * @param result receives {@code [forwarded amount, Σ amount × delay seconds]}
     */
    void consume(long epochSecond, long amount, long horizonSeconds, double[] result) {
        long forwarded = 0;
        double delayWeighted = 0;
        long remaining = amount;
        while (size > 0 && remaining > 0) {
            long time = times[head];
            if (epochSecond - time > horizonSeconds) {
                pop();
                continue;
            }
            long available = amounts[head];
            long take = Math.min(available, remaining);
            forwarded += take;
            delayWeighted += (double) take * (epochSecond - time);
            remaining -= take;
            if (take == available) {
                pop();
            } else {
                amounts[head] = available - take;
            }
        }
        result[0] = forwarded;
        result[1] = delayWeighted;
    }

    /** Drops entries older than the horizon; true when nothing is left. */
    boolean expire(long epochSecond, long horizonSeconds) {
        while (size > 0 && epochSecond - times[head] > horizonSeconds) {
            pop();
        }
        return size == 0;
    }

    private void pop() {
        head = (head + 1) % times.length;
        size--;
    }

    private void mergeOldestTwo() {
        int first = head;
        int second = (head + 1) % times.length;
        amounts[second] += amounts[first];
        times[second] = times[first];
        pop();
    }

    private void grow(int capacity) {
        long[] newTimes = new long[capacity];
        long[] newAmounts = new long[capacity];
        for (int i = 0; i < size; i++) {
            int slot = (head + i) % times.length;
            newTimes[i] = times[slot];
            newAmounts[i] = amounts[slot];
        }
        times = newTimes;
        amounts = newAmounts;
        head = 0;
    }
}
