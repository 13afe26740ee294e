package kz.qorgau.signals.tx;

import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The tracked accounts by identifier: open addressing with linear probing over parallel arrays,
 * the hash codes kept beside the keys. Compared with a {@code HashMap} it saves the entry object
 * per account (about 30 bytes of a million accounts' memory) and a memory access per lookup, which
 * is what the screening loop spends most of its time on. Removal happens in bulk, at pane
 * boundaries, by rebuilding.
 */
final class AccountTable {

    private String @Nullable [] keys;
    private AccountState @Nullable [] values;
    private int[] hashes;
    private int size;

    AccountTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new String[capacity];
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
        String[] k = keys;
        int[] h = hashes;
        int hash = key.hashCode();
        int mask = h.length - 1;
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            String candidate = k[i];
            if (candidate == null) {
                return null;
            }
            if (h[i] == hash && (candidate == key || candidate.equals(key))) {
                return values[i];
            }
        }
    }

    /** Adds an account that is not in the table yet. O(1) amortised. */
    void add(String key, AccountState value) {
        if ((size + 1) * 2 > hashes.length) {
            rebuild(hashes.length * 2, s -> true);
        }
        insert(key, value);
        size++;
    }

    private void insert(String key, AccountState value) {
        int hash = key.hashCode();
        int mask = hashes.length - 1;
        int i = spread(hash) & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
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
        while (capacity > 16 && before > 0 && capacity / 8 > before) {
            capacity /= 2;
        }
        rebuild(capacity, keep);
        return before - size;
    }

    private void rebuild(int capacity, Predicate<AccountState> keep) {
        String[] oldKeys = keys;
        AccountState[] oldValues = values;
        allocate(capacity);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            AccountState state = oldValues[i];
            if (state != null && keep.test(state)) {
                insert(oldKeys[i], state);
                size++;
            }
        }
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
