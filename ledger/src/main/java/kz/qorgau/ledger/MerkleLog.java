package kz.qorgau.ledger;

/**
 * An append-only Merkle log over a {@link HashStore}: appends entries and answers roots and proofs for any
 * size up to the current one. Thread-safe; appends are serialised.
 *
 * <p>The server's database-backed ledger uses the parts directly instead ({@link LogState#append} inside the
 * transaction, {@link HashStore#write} of the plan's nodes, and {@link LogProofs}), so that the in-memory state
 * only moves on after the transaction committed; this class is that sequence for stores without transactions
 * (tests, benchmarks, tools).
 */
public final class MerkleLog {

    private final HashStore store;
    private LogState state;

    private MerkleLog(HashStore store, LogState state) {
        this.store = store;
        this.state = state;
    }

    /**
     * A log with no entries over an empty store.
     *
     * @throws IllegalArgumentException if the store already holds leaf 0 (use {@link #restore} instead)
     */
    public static MerkleLog create(HashStore emptyStore) {
        if (emptyStore.read(new NodeAddress(0, 0)).isPresent()) {
            throw new IllegalArgumentException(
                    "the store already holds entries; open it with MerkleLog.restore(store, size) instead");
        }
        return new MerkleLog(emptyStore, LogState.empty());
    }

    /**
     * The log of {@code size} entries kept in {@code store}. O(log n) reads.
     *
     * @throws IllegalStateException if the store lacks the nodes of a log of that size
     */
    public static MerkleLog restore(HashStore store, long size) {
        return new MerkleLog(store, LogState.restore(size, store));
    }

    /** Appends an entry's canonical bytes: hashes the leaf, stores its nodes, and returns what was done. */
    public AppendPlan append(byte[] entry) {
        return appendLeafHash(MerkleHashing.leafHash(entry));
    }

    /** Appends a leaf whose hash the caller computed. Amortised O(1) hashing and 2 node writes. */
    public synchronized AppendPlan appendLeafHash(Hash leafHash) {
        AppendPlan plan = state.append(leafHash);
        store.write(plan.nodes());
        state = plan.next();
        return plan;
    }

    /** The current state (size and right edge). */
    public synchronized LogState state() {
        return state;
    }

    /** The number of entries. */
    public synchronized long size() {
        return state.size();
    }

    /** The current root. O(log n) hashing. */
    public Hash root() {
        return state().root();
    }

    /** The root of the first {@code treeSize} entries; see {@link LogProofs#rootAt}. */
    public Hash rootAt(long treeSize) {
        return LogProofs.rootAt(store, size(), treeSize);
    }

    /** The inclusion proof of leaf {@code index} in the first {@code treeSize} entries; see {@link LogProofs}. */
    public InclusionProof inclusionProof(long index, long treeSize) {
        return LogProofs.inclusionProof(store, size(), index, treeSize);
    }

    /** The consistency proof from {@code fromSize} to {@code toSize} entries; see {@link LogProofs}. */
    public ConsistencyProof consistencyProof(long fromSize, long toSize) {
        return LogProofs.consistencyProof(store, size(), fromSize, toSize);
    }
}
