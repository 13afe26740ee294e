package kz.qorgau.signals.tx;

import java.util.Arrays;

/**
 * Distinct counterparties of one account in one pane, counted exactly up to a cap and then only as
 * "at least the cap": a few dozen ints instead of the identifiers, so memory stays bounded however
 * many transactions arrive. Identifiers are reduced to 32-bit hashes; two different accounts
 * colliding among a few dozen is negligible (under 10⁻⁶).
 */
final class CounterpartySet {

    private static final int EMPTY = 0;

    private int[] table = new int[8];
    private int size;
    private boolean saturated;

    /** Adds a counterparty; O(1) expected. */
    void add(String account, int cap) {
        addHash(hash(account), cap);
    }

    /** Adds a counterparty by its {@link #hash(String)}. */
    void addHash(int hash, int cap) {
        if (saturated) {
            return;
        }
        int mask = table.length - 1;
        int slot = hash & mask;
        while (table[slot] != EMPTY) {
            if (table[slot] == hash) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        if (size >= cap) {
            saturated = true;
            return;
        }
        table[slot] = hash;
        size++;
        if (size * 2 > table.length) {
            grow();
        }
    }

    private void grow() {
        int[] old = table;
        table = new int[old.length * 2];
        int mask = table.length - 1;
        for (int hash : old) {
            if (hash != EMPTY) {
                int slot = hash & mask;
                while (table[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = hash;
            }
        }
    }

    /** How many distinct counterparties, or the cap when {@link #saturated()}. */
    int size() {
        return size;
    }

    /** Whether more counterparties arrived than the cap allowed to count. */
    boolean saturated() {
        return saturated;
    }

    /** Adds every counterparty of another set (for a window made of several panes). */
    void addAll(CounterpartySet other, int cap) {
        for (int hash : other.table) {
            if (hash != EMPTY) {
                addHash(hash, cap);
            }
        }
        if (other.saturated) {
            saturated = true;
        }
    }

    void clear() {
        if (size > 0 || saturated) {
            if (table.length > 8) {
                table = new int[8];
            } else {
                Arrays.fill(table, EMPTY);
            }
            size = 0;
            saturated = false;
        }
    }

    /** A well-mixed non-zero 32-bit hash of an account identifier. */
    static int hash(String account) {
        int h = account.hashCode();
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h == EMPTY ? 1 : h;
    }
}
