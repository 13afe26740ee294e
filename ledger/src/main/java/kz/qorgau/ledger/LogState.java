package kz.qorgau.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The state a log needs to append: its size and the roots of the perfect subtrees along its right edge (one
 * per set bit of the size, largest first; the "compact range" of [0, size)). O(log n) space. Immutable, so
 * the server can compute an {@link AppendPlan} inside a database transaction and adopt
 * {@link AppendPlan#next()} only after the transaction committed.
 */
public final class LogState {

    private static final LogState EMPTY = new LogState(0, new Hash[0]);

    private final long size;
    private final Hash[] rightEdge;

    private LogState(long size, Hash[] rightEdge) {
        this.size = size;
        this.rightEdge = rightEdge;
    }

    /** The state of a log with no entries. */
    public static LogState empty() {
        return EMPTY;
    }

    /**
     * Rebuilds the state of a log of {@code size} entries from its store, e.g. at server start: one
     * {@link HashStore#readAll} of {@link #rightEdgeAddresses(long) popcount(size)} nodes.
     *
     * @throws IllegalArgumentException if {@code size} is negative
     * @throws IllegalStateException if the store lacks one of those nodes (the store and the entry count
     *     disagree: nodes were lost or the size is wrong)
     */
    public static LogState restore(long size, HashStore store) {
        List<NodeAddress> addresses = rightEdgeAddresses(size);
        Map<NodeAddress, Hash> found = store.readAll(addresses);
        Hash[] edge = new Hash[addresses.size()];
        for (int i = 0; i < edge.length; i++) {
            NodeAddress address = addresses.get(i);
            Hash hash = found.get(address);
            if (hash == null) {
                throw new IllegalStateException("the hash store has no node (level " + address.level() + ", index "
                        + address.index() + "), which a log of " + size + " entries must have; the node table and"
                        + " the entry count disagree (check that every append wrote its nodes in the same"
                        + " transaction as its entry)");
            }
            edge[i] = hash;
        }
        return new LogState(size, edge);
    }

    /**
     * The addresses of the right-edge perfect subtrees of a tree of {@code size} leaves, largest first; their
     * hashes are what {@link #restore} reads.
     *
     * @throws IllegalArgumentException if {@code size} is negative
     */
    public static List<NodeAddress> rightEdgeAddresses(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be 0 or more, got " + size);
        }
        List<NodeAddress> addresses = new ArrayList<>(Long.bitCount(size));
        long start = 0;
        for (int level = 63 - Long.numberOfLeadingZeros(size); level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                addresses.add(new NodeAddress(level, start >>> level));
                start += 1L << level;
            }
        }
        return addresses;
    }

    /** The number of entries. */
    public long size() {
        return size;
    }

    /** The right-edge perfect subtrees as nodes, largest first. */
    public List<TreeNode> rightEdge() {
        List<NodeAddress> addresses = rightEdgeAddresses(size);
        List<TreeNode> nodes = new ArrayList<>(addresses.size());
        for (int i = 0; i < addresses.size(); i++) {
            nodes.add(new TreeNode(addresses.get(i).level(), addresses.get(i).index(), rightEdge[i]));
        }
        return nodes;
    }

    /** The Merkle tree hash of all entries. O(log n) hashing, no store access. */
    public Hash root() {
        if (rightEdge.length == 0) {
            return MerkleHashing.emptyRoot();
        }
        TreeHasher hasher = TreeHasher.local();
        byte[] hash = rightEdge[rightEdge.length - 1].bytes();
        for (int i = rightEdge.length - 2; i >= 0; i--) {
            hash = hasher.node(rightEdge[i].bytes(), hash);
        }
        return Hash.wrap(hash);
    }

    /**
     * What appending one leaf does, without doing it: the leaf's index, the nodes to write (the leaf and each
     * parent it completes; {@code 1 + trailingOnes(size)} of them, amortised 2) and the state after. A pure
     * function: this state is unchanged. O(log n).
     *
     * @throws IllegalStateException if the log already holds {@link Long#MAX_VALUE} entries
     */
    public AppendPlan append(Hash leafHash) {
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("the log is full (" + Long.MAX_VALUE + " entries)");
        }
        int merges = Long.numberOfTrailingZeros(~size);
        TreeNode[] nodes = new TreeNode[merges + 1];
        nodes[0] = new TreeNode(0, size, leafHash);
        TreeHasher hasher = TreeHasher.local();
        byte[] hash = leafHash.bytes();
        long index = size;
        for (int level = 0; level < merges; level++) {
            hash = hasher.node(rightEdge[rightEdge.length - 1 - level].bytes(), hash);
            index >>>= 1;
            nodes[level + 1] = new TreeNode(level + 1, index, Hash.wrap(hash));
        }
        Hash[] next = Arrays.copyOf(rightEdge, rightEdge.length - merges + 1);
        next[next.length - 1] = nodes[merges].hash();
        return new AppendPlan(size, leafHash, List.of(nodes), new LogState(size + 1, next));
    }

    /** Equal when size and right edge are equal (so the roots are equal too). */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof LogState other && size == other.size && Arrays.equals(rightEdge, other.rightEdge);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Arrays.hashCode(rightEdge);
    }

    @Override
    public String toString() {
        return "LogState[size=" + size + ", root=" + root() + "]";
    }
}
