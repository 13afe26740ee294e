package kz.qorgau.signals.tx;

import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The tracked accounts by identifier: open addressing with linear probing over two parallel
 * arrays, the states and 64-bit fingerprints of their identifiers.
 *
 * <p>Why not a {@code HashMap}: with a million accounts nearly every lookup misses the processor
 * caches, and the screening loop spends most of its time waiting for memory. A {@code HashMap}
 * lookup waits for the table, the entry, the key and its characters, one after the other. Here the
 * slot's fingerprint and state are read side by side, and the identity is confirmed with the
 * fingerprint plus the identifier's {@code String} hash code kept in the state (96 independent bits;
 * two different identifiers among a million agree by chance with probability about 10⁻¹⁷), so the
 * identifier's characters are never read. Removal happens in bulk, at pane boundaries, by
 * rebuilding.
 */
final class AccountTable {

    private AccountState @Nullable [] values;
    private long[] fingerprints;
    private int size;

    AccountTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        values = new AccountState[capacity];
        fingerprints = new long[capacity];
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
        long fingerprint = fingerprint(key);
        int hash = key.hashCode();
        AccountState[] v = values;
        long[] f = fingerprints;
        int mask = f.length - 1;
        for (int i = (int) fingerprint & mask; ; i = (i + 1) & mask) {
            long candidate = f[i];
            if (candidate == 0) {
                return null;
            }
            if (candidate == fingerprint) {
                AccountState state = v[i];
                if (state != null && state.accountHash == hash) {
                    return state;
                }
            }
        }
    }

    /** Adds the state of an account that is not in the table yet. O(1) amortised. */
    void add(AccountState state) {
        if ((size + 1) * 2 > fingerprints.length) {
            rebuild(fingerprints.length * 2, s -> true);
        }
        insert(state);
        size++;
    }

    private void insert(AccountState state) {
        long fingerprint = fingerprint(state.account);
        int mask = fingerprints.length - 1;
        int i = (int) fingerprint & mask;
        while (fingerprints[i] != 0) {
            i = (i + 1) & mask;
        }
        values[i] = state;
        fingerprints[i] = fingerprint;
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
        int capacity = fingerprints.length;
        while (capacity > 16 && capacity / 8 > before) {
            capacity /= 2;
        }
        rebuild(capacity, keep);
        return before - size;
    }

    private void rebuild(int capacity, Predicate<AccountState> keep) {
        AccountState[] old = values;
        values = new AccountState[capacity];
        fingerprints = new long[capacity];
        size = 0;
        for (AccountState state : old) {
            if (state != null && keep.test(state)) {
                insert(state);
                size++;
            }
        }
    }

    /**
     * A 64-bit hash of the identifier's characters (FNV-1a, then MurmurHash3's 64-bit finaliser for a
     * full avalanche), never 0, which marks an empty slot. Independent of {@link String#hashCode()}.
     */
    static long fingerprint(String key) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
