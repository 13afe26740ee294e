package kz.qorgau.ledger;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the hashes of complete (perfect) subtrees of the log, keyed by {@link NodeAddress}. Nodes are
 * immutable once written: the log only ever adds nodes.
 *
 * <p>Appending one leaf writes the leaf hash and the parents it completes ({@link AppendPlan#nodes()},
 * amortised two rows), and proofs for any tree size read O(log n) nodes, so a SQL table
 * {@code (level int, idx bigint, hash bytes, primary key (level, idx))} is enough: {@link #write} is one
 * batched insert inside the caller's transaction, {@link #read} a point lookup and {@link #readAll} one
 * {@code where (level, idx) in (…)} query. Every implementation must pass {@code HashStoreContractTest}.
 */
public interface HashStore {

    /**
     * Stores the nodes of one append, all or none: a store that writes inside the caller's database
     * transaction gets this from the transaction.
     *
     * @throws RuntimeException (for the in-memory store {@link IllegalStateException}) if a node with one of
     *     these addresses already exists; nodes are never overwritten, and nothing of this call is kept
     */
    void write(List<TreeNode> nodes);

    /** The hash of the node at {@code address}, or empty if no such node was written. */
    Optional<Hash> read(NodeAddress address);

    /**
     * The hashes of the nodes that exist among {@code addresses}; absent nodes are absent from the map. The
     * default reads one by one; a database store should override it with one query.
     */
    default Map<NodeAddress, Hash> readAll(Collection<NodeAddress> addresses) {
        Map<NodeAddress, Hash> found = new HashMap<>();
        for (NodeAddress address : addresses) {
            read(address).ifPresent(hash -> found.put(address, hash));
        }
        return found;
    }

    /** A new, empty, thread-safe store in memory (about 64 bytes per leaf). */
    static HashStore inMemory() {
        return new InMemoryHashStore();
    }
}
