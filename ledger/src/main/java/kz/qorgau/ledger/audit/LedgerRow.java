package kz.qorgau.ledger.audit;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One stored row of {@code ledger_entries}, as the auditor reads it. The arrays are not copied (an audit reads
 * millions of rows); do not change them afterwards.
 *
 * @param index the stored index
 * @param entry the stored canonical entry bytes
 * @param leafHash the stored leaf hash, or null if the server does not store it
 * @param rootAfterAppend the stored root of the tree that ends with this entry, or null if not stored
 */
public record LedgerRow(long index, byte[] entry, byte @Nullable [] leafHash, byte @Nullable [] rootAfterAppend) {

    /** A row with entry bytes only. */
    public static LedgerRow of(long index, byte[] entry) {
        return new LedgerRow(index, entry, null, null);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof LedgerRow other
                && index == other.index
                && Arrays.equals(entry, other.entry)
                && Arrays.equals(leafHash, other.leafHash)
                && Arrays.equals(rootAfterAppend, other.rootAfterAppend);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(index) * 31 + Arrays.hashCode(entry);
    }

    @Override
    public String toString() {
        return "LedgerRow[index=" + index + ", " + entry.length + " bytes]";
    }
}
