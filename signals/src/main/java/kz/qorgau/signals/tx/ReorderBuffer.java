package kz.qorgau.signals.tx;

import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Holds transactions until the stream has moved past them by the allowed lateness, then releases
 * them in time order. In-order arrivals (the usual case) go to a ring buffer in O(1); only
 * out-of-order ones pay for the priority queue. Also remembers the identifiers of what it holds, to
 * drop the second copy of a transfer that appears in both parties' statements.
 */
final class ReorderBuffer {

    private record Pending(long epoch, long sequence, Transaction transaction) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending other) {
            int byTime = Long.compare(epoch, other.epoch);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private long[] epochs = new long[1024];
    private long[] sequences = new long[1024];
    private @Nullable Transaction[] ring = new Transaction[1024];
    private int head;
    private int size;
    private final PriorityQueue<Pending> outOfOrder = new PriorityQueue<>();
    private final Set<String> ids = new HashSet<>();
    private long sequence;

    /** Adds a transaction; false when one with the same identifier is already held. */
    boolean add(Transaction transaction, long epoch) {
        if (!ids.add(transaction.id())) {
            return false;
        }
        long seq = sequence++;
        if (size == 0 || epoch >= epochs[(head + size - 1) & (ring.length - 1)]) {
            if (size == ring.length) {
                grow();
            }
            int slot = (head + size) & (ring.length - 1);
            epochs[slot] = epoch;
            sequences[slot] = seq;
            ring[slot] = transaction;
            size++;
        } else {
            outOfOrder.add(new Pending(epoch, seq, transaction));
        }
        return true;
    }

    int size() {
        return size + outOfOrder.size();
    }

    /** The time of the earliest held transaction; only valid when {@link #size()} is positive. */
    long earliestEpoch() {
        Pending pending = outOfOrder.peek();
        if (size == 0) {
            return pending == null ? Long.MAX_VALUE : pending.epoch();
        }
        long ringEpoch = epochs[head];
        return pending != null && pending.compareTo(new Pending(ringEpoch, sequences[head], ring[head])) < 0
                ? pending.epoch()
                : ringEpoch;
    }

    /** Removes and returns the earliest held transaction, or {@code null} when empty. */
    @Nullable
    Transaction poll() {
        Pending pending = outOfOrder.peek();
        Transaction next;
        if (size > 0
                && (pending == null
                        || epochs[head] < pending.epoch()
                        || epochs[head] == pending.epoch() && sequences[head] < pending.sequence())) {
            next = ring[head];
            ring[head] = null;
            head = (head + 1) & (ring.length - 1);
            size--;
        } else if (pending != null) {
            next = outOfOrder.poll().transaction();
        } else {
            return null;
        }
        ids.remove(next.id());
        return next;
    }

    private void grow() {
        int capacity = ring.length * 2;
        long[] newEpochs = new long[capacity];
        long[] newSequences = new long[capacity];
        @Nullable Transaction[] newRing = new Transaction[capacity];
        for (int i = 0; i < size; i++) {
            int slot = (head + i) & (ring.length - 1);
            newEpochs[i] = epochs[slot];
            newSequences[i] = sequences[slot];
            newRing[i] = ring[slot];
        }
        epochs = newEpochs;
        sequences = newSequences;
        ring = newRing;
        head = 0;
    }
}
