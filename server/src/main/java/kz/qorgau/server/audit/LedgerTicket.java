package kz.qorgau.server.audit;

import java.util.OptionalLong;

/**
 * The promise of a ledger entry: its index is assigned when the transaction that recorded it
 * commits (entries are appended last, just before the commit, so that the ledger's lock is held
 * briefly and always taken last).
 */
public final class LedgerTicket {

    private volatile long index = -1;

    void assign(long index) {
        this.index = index;
    }

    /** The entry's index once the transaction committed; empty before, or if it rolled back. */
    public OptionalLong index() {
        return index < 0 ? OptionalLong.empty() : OptionalLong.of(index);
    }
}
