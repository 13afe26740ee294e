package kz.qorgau.signals.tx;

import org.jspecify.annotations.Nullable;

/**
 * Phone keys ({@link PhoneKeys}) to objects: open addressing with linear probing over a {@code long}
 * array of keys and an array of values, and backward-shift deletion. A million entries take about
 * 24 MB here against about 56 MB in a {@code HashMap<Long, Object>} (entry, boxed key and table),
 * which matters while the screener keeps its whole state under 2 GB.
 */
final class PhoneIndex {

    private long[] keys;
    private @Nullable Object[] values;
    private int size;

    PhoneIndex() {
        keys = new long[64];
        values = new Object[64];
    }

    int size() {
        return size;
    }

    /** The value of a key, or {@code null}. */
    @Nullable
    Object get(long key) {
        long[] k = keys;
        int mask = k.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long candidate = k[i];
            if (candidate == key) {
                return values[i];
            }
            if (candidate == PhoneKeys.NONE) {
                return null;
            }
        }
    }

    /** Sets the value of a key; {@code key} must not be {@link PhoneKeys#NONE}. */
    void put(long key, Object value) {
        if (key == PhoneKeys.NONE) {
            throw new IllegalArgumentException("no phone key");
        }
        if ((size + 1) * 2 > keys.length) {
            resize(keys.length * 2);
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != PhoneKeys.NONE && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == PhoneKeys.NONE) {
            keys[i] = key;
            size++;
        }
        values[i] = value;
    }

    /** Removes a key if present. */
    void remove(long key) {
        long[] k = keys;
        int mask = k.length - 1;
        int i = slot(key, mask);
        while (k[i] != key) {
            if (k[i] == PhoneKeys.NONE) {
                return;
            }
            i = (i + 1) & mask;
        }
        // Backward shift: move later entries of the same probe run into the gap.
        int gap = i;
        for (int j = (gap + 1) & mask; k[j] != PhoneKeys.NONE; j = (j + 1) & mask) {
            int home = slot(k[j], mask);
            boolean movable = gap <= j ? home <= gap || home > j : home <= gap && home > j;
            if (movable) {
                k[gap] = k[j];
                values[gap] = values[j];
                gap = j;
            }
        }
        k[gap] = PhoneKeys.NONE;
        values[gap] = null;
        size--;
        if (keys.length > 64 && size * 8 < keys.length) {
            resize(keys.length / 2);
        }
    }

    private void resize(int capacity) {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[capacity];
        values = new Object[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long key = oldKeys[j];
            if (key != PhoneKeys.NONE) {
                int i = slot(key, mask);
                while (keys[i] != PhoneKeys.NONE) {
                    i = (i + 1) & mask;
                }
                keys[i] = key;
                values[i] = oldValues[j];
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
