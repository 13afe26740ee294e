package kz.qorgau.signals.ads;

/**
 * Counts of int keys (shingle hashes) in an open-addressing table: no boxing, about 16 bytes per
 * distinct key at its load factor.
 */
final class ShingleCounts {
    private int[] keys = new int[1 << 12];
    private int[] counts = new int[1 << 12];
    private int size;

    private static int slot(int key, int mask) {
        int h = key * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    void increment(int key) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (counts[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (counts[i] == 0) {
            keys[i] = key;
            size++;
        }
        counts[i]++;
    }

    int get(int key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (counts[i] != 0) {
            if (keys[i] == key) {
                return counts[i];
            }
            i = (i + 1) & mask;
        }
        return 0;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new int[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldCounts[j] != 0) {
                int i = slot(oldKeys[j], mask);
                while (counts[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                counts[i] = oldCounts[j];
            }
        }
    }
}
