package kz.qorgau.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds RFC 9162 proofs and historical roots for any tree size up to the log's size from a
 * {@link HashStore}. Every proof element is the hash of a perfect subtree (one read) except at most one on the
 * right edge of a tree whose size is not a power of two, which is composed from at most log2(n) perfect
 * subtrees; so each call is one {@link HashStore#readAll} of O(log n) nodes and O(log n) hashing.
 */
public final class LogProofs {

    private LogProofs() {}

    /**
     * The inclusion proof of leaf {@code index} in the tree of the first {@code treeSize} entries.
     *
     * @param logSize the number of entries the log has now (what {@code store} covers)
     * @throws InvalidProofRequestException unless {@code 0 <= index < treeSize <= logSize}
     * @throws IllegalStateException if the store lacks a node it should have
     */
    public static InclusionProof inclusionProof(HashStore store, long logSize, long index, long treeSize) {
        requireNotNegative("index", index);
        requireNotNegative("treeSize", treeSize);
        requireWithinLog("treeSize", treeSize, logSize);
        if (index >= treeSize) {
            throw new InvalidProofRequestException(
                    "index",
                    "index " + index + " is not in a tree of size " + treeSize
                            + "; the index must be less than treeSize");
        }
        List<Range> ranges = new ArrayList<>();
        long lo = 0;
        long hi = treeSize;
        while (hi - lo > 1) {
            long k = largestPowerOfTwoBelow(hi - lo);
            if (index - lo < k) {
                ranges.add(new Range(lo + k, hi));
                hi = lo + k;
            } else {
                ranges.add(new Range(lo, lo + k));
                lo = lo + k;
            }
        }
        Collections.reverse(ranges);
        return new InclusionProof(index, treeSize, resolve(store, ranges));
    }

    /**
     * The consistency proof from the tree of the first {@code fromSize} entries to the tree of the first
     * {@code toSize} entries (empty when the sizes are equal).
     *
     * @param logSize the number of entries the log has now
     * @throws InvalidProofRequestException unless {@code 1 <= fromSize <= toSize <= logSize}
     * @throws IllegalStateException if the store lacks a node it should have
     */
    public static ConsistencyProof consistencyProof(HashStore store, long logSize, long fromSize, long toSize) {
        requireNotNegative("from", fromSize);
        requireNotNegative("to", toSize);
        if (fromSize == 0) {
            throw new InvalidProofRequestException(
                    "from", "from must be at least 1: every tree extends the empty tree, so there is nothing to prove");
        }
        requireWithinLog("to", toSize, logSize);
        if (fromSize > toSize) {
            throw new InvalidProofRequestException(
                    "from",
                    "from " + fromSize + " is larger than to " + toSize
                            + "; a consistency proof goes from an older, smaller tree to a newer one");
        }
        // RFC 9162 §2.1.4.1 SUBPROOF(m, D[n], true), unrolled from the root down.
        List<Range> ranges = new ArrayList<>();
        long lo = 0;
        long hi = toSize;
        boolean wholeTreeKnown = true;
        while (fromSize != hi) {
            long k = largestPowerOfTwoBelow(hi - lo);
            if (fromSize - lo <= k) {
                ranges.add(new Range(lo + k, hi));
                hi = lo + k;
            } else {
                ranges.add(new Range(lo, lo + k));
                lo = lo + k;
                wholeTreeKnown = false;
            }
        }
        if (!wholeTreeKnown) {
            ranges.add(new Range(lo, hi));
        }
        Collections.reverse(ranges);
        return new ConsistencyProof(fromSize, toSize, resolve(store, ranges));
    }

    /**
     * The root of the tree of the first {@code treeSize} entries: popcount(treeSize) reads.
     *
     * @param logSize the number of entries the log has now
     * @throws InvalidProofRequestException unless {@code 0 <= treeSize <= logSize}
     * @throws IllegalStateException if the store lacks a node it should have
     */
    public static Hash rootAt(HashStore store, long logSize, long treeSize) {
        requireNotNegative("treeSize", treeSize);
        requireWithinLog("treeSize", treeSize, logSize);
        if (treeSize == 0) {
            return MerkleHashing.emptyRoot();
        }
        return resolve(store, List.of(new Range(0, treeSize))).get(0);
    }

    /**
     * The perfect subtrees that make up {@code [start, end)}, largest first; for the ranges proofs use (a
     * node's left part, or the right edge of a subtree) the sizes strictly decrease.
     */
    static List<NodeAddress> perfectSubtrees(long start, long end) {
        List<NodeAddress> nodes = new ArrayList<>();
        long at = start;
        int previousLevel = Integer.MAX_VALUE;
        while (at < end) {
            int alignment = at == 0 ? 62 : Long.numberOfTrailingZeros(at);
            int fits = 63 - Long.numberOfLeadingZeros(end - at);
            int level = Math.min(alignment, fits);
            if (level >= previousLevel) {
                throw new IllegalStateException("[" + start + ", " + end + ") is not a proof range");
            }
            nodes.add(new NodeAddress(level, at >>> level));
            at += 1L << level;
            previousLevel = level;
        }
        return nodes;
    }

    private static List<Hash> resolve(HashStore store, List<Range> ranges) {
        List<List<NodeAddress>> parts = new ArrayList<>(ranges.size());
        Set<NodeAddress> all = new LinkedHashSet<>();
        for (Range range : ranges) {
            List<NodeAddress> nodes = perfectSubtrees(range.start(), range.end());
            parts.add(nodes);
            all.addAll(nodes);
        }
        Map<NodeAddress, Hash> found = store.readAll(all);
        TreeHasher hasher = TreeHasher.local();
        List<Hash> hashes = new ArrayList<>(ranges.size());
        for (List<NodeAddress> nodes : parts) {
            byte[] hash = present(found, nodes.get(nodes.size() - 1)).bytes();
            for (int i = nodes.size() - 2; i >= 0; i--) {
                hash = hasher.node(present(found, nodes.get(i)).bytes(), hash);
            }
            hashes.add(Hash.wrap(hash));
        }
        return hashes;
    }

    private static Hash present(Map<NodeAddress, Hash> found, NodeAddress address) {
        Hash hash = found.get(address);
        if (hash == null) {
            throw new IllegalStateException("the hash store has no node (level " + address.level() + ", index "
                    + address.index() + ") although the log is large enough to have it; the node table is"
                    + " incomplete");
        }
        return hash;
    }

    private static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static void requireNotNegative(String parameter, long value) {
        if (value < 0) {
            throw new InvalidProofRequestException(parameter, parameter + " must be 0 or more, got " + value);
        }
    }

    private static void requireWithinLog(String parameter, long size, long logSize) {
        if (size > logSize) {
            throw new InvalidProofRequestException(
                    parameter,
                    parameter + " " + size + " is larger than the log, which has " + logSize + " entries; ask for a "
                            + parameter + " of at most " + logSize);
        }
    }

    private record Range(long start, long end) {}
}
