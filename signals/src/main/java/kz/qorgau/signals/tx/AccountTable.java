package kz.qorgau.signals.tx;

import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The tracked accounts by identifier: open addressing with linear probing over two parallel
 * arrays, the states and their identifiers' hash codes; the identifier itself is read from the
 * state, which a lookup needs anyway. Compared with a {@code HashMap} it saves the entry object per
 * account and two memory accesses per lookup, which is what the screening loop spends most of its
 * time on with a million accounts. Removal happens in bulk, at pane boundaries, by rebuilding.
 */
final class AccountTable {

    private AccountState @Nullable [] values;
    private int[] hashes;
    private int size;

    AccountTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        values = new AccountState[capacity];
        hashes = new int[capacity];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The state of an account, or {@code null}. O(1) expected. */
    @Nullable
    AccountState get(String key) {
        AccountState[] v = values;
        int[] h = hashes;
        int hash = key.hashCode();
        int mask = h.length - 1;
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            AccountState candidate = v[i];
            if (candidate == null) {
                return null;
            }
            if (h[i] == hash && (candidate.account == key || candidate.account.equals(key))) {
                return candidate;
            }
        }
    }

    /** Adds the state of an account that is not in the table yet. O(1) amortised. */
    void add(AccountState state) {
        if ((size + 1) * 2 > hashes.length) {
            rebuild(hashes.length * 2, s -> true);
        }
        insert(state);
        size++;
    }

    private void insert(AccountState state) {
        int hash = state.account.hashCode();
        int mask = hashes.length - 1;
        int i = spread(hash) & mask;
        while (values[i] != null) {
            i = (i + 1) & mask;
        }
        values[i] = state;
        hashes[i] = hash;
    }

    /** Visits every state. O(capacity). */
    void forEach(Consumer<AccountState> action) {
        AccountState[] v = values;
        for (AccountState state : v) {
            if (state != null) {
                action.accept(state);
            }
        }
    }

    /** Keeps only the states the predicate accepts; returns how many were removed. O(capacity). */
    int retainAll(Predicate<AccountState> keep) {
        int before = size;
        int capacity = hashes.length;
        while (capacity > 16 && capacity / 8 > before) {
            capacity /= 2;
        }
        rebuild(capacity, keep);
        return before - size;
    }

    private void rebuild(int capacity, Predicate<AccountState> keep) {
        AccountState[] old = values;
        values = new AccountState[capacity];
        hashes = new int[capacity];
        size = 0;
        for (AccountState state : old) {
            if (state != null && keep.test(state)) {
                insert(state);
                size++;
            }
        }
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
