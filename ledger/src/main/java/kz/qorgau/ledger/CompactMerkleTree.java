package kz.qorgau.ledger;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Recomputes a Merkle tree from its leaves in order, keeping only the right-edge perfect subtree roots: O(log n)
 * memory, amortised two hashes per leaf, and no allocation per leaf. Used to audit a stored log and by anyone
 * who wants a log's root from its entries. Not thread-safe.
 */
public final class CompactMerkleTree {

    private final TreeHasher hasher = new TreeHasher();
    private final byte[] edge = new byte[64 * Hash.SIZE];
    private final byte[] lastLeaf = new byte[Hash.SIZE];
    private final byte[] carry = new byte[Hash.SIZE];
    private final byte[] root = new byte[Hash.SIZE];
    private int edgeCount;
    private long size;

    /** An empty tree. */
    public CompactMerkleTree() {}

    /** Appends an entry's canonical bytes (hashing the leaf). */
    public void appendEntry(byte[] entry) {
        hasher.leaf(entry, lastLeaf, 0);
        appendLastLeaf();
    }

    /** Appends a leaf by its hash. */
    public void appendLeafHash(Hash leafHash) {
        System.arraycopy(leafHash.bytes(), 0, lastLeaf, 0, Hash.SIZE);
        appendLastLeaf();
    }

    /** Whether the most recently appended leaf's hash equals {@code expected}; false for null or another length. */
    public boolean lastLeafHashEquals(byte @Nullable [] expected) {
        return expected != null && Arrays.equals(lastLeaf, expected);
    }

    /** The most recently appended leaf's hash. */
    public Hash lastLeafHash() {
        if (size == 0) {
            throw new IllegalStateException("the tree is empty; append a leaf first");
        }
        return Hash.wrap(lastLeaf.clone());
    }

    /** The number of leaves. */
    public long size() {
        return size;
    }

    /** The current root. O(log n) hashing. */
    public Hash root() {
        computeRoot();
        return Hash.wrap(root.clone());
    }

    /** Whether the current root equals {@code expected}; O(log n) hashing, no allocation. */
    public boolean rootEquals(byte @Nullable [] expected) {
        computeRoot();
        return expected != null && Arrays.equals(root, expected);
    }

    private void appendLastLeaf() {
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("the tree is full");
        }
        System.arraycopy(lastLeaf, 0, carry, 0, Hash.SIZE);
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            edgeCount--;
            hasher.node(edge, edgeCount * Hash.SIZE, carry, 0, carry, 0);
        }
        System.arraycopy(carry, 0, edge, edgeCount * Hash.SIZE, Hash.SIZE);
        edgeCount++;
        size++;
    }

    private void computeRoot() {
        if (edgeCount == 0) {
            System.arraycopy(MerkleHashing.emptyRoot().bytes(), 0, root, 0, Hash.SIZE);
            return;
        }
        System.arraycopy(edge, (edgeCount - 1) * Hash.SIZE, root, 0, Hash.SIZE);
        for (int i = edgeCount - 2; i >= 0; i--) {
            hasher.node(edge, i * Hash.SIZE, root, 0, root, 0);
        }
    }
}
