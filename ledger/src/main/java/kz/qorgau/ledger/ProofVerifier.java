package kz.qorgau.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Verifies Merkle proofs from untrusted sources (a server response, a file), over raw bytes so that hashes of
 * the wrong length are rejected rather than failing to parse. Inclusion and consistency follow RFC 9162
 * §2.1.3.2 and §2.1.4.2 step by step; the subtree proofs follow the Merkle Tree Certificates draft
 * (draft-ietf-plants-merkle-tree-certs, "Subtrees"). Each check is O(log n) hashing and never throws for bad
 * input.
 */
public final class ProofVerifier {

    private static final byte[] EMPTY_ROOT = MerkleHashing.emptyRoot().bytes();

    private ProofVerifier() {}

    /**
     * Verifies that {@code leafHash} is leaf {@code index} of the tree of {@code treeSize} leaves whose root
     * is {@code root}.
     */
    public static ProofVerification verifyInclusion(
            long index, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || treeSize < 0) {
            return invalid("index and treeSize must be 0 or more, got index " + index + ", treeSize " + treeSize);
        }
        if (index >= treeSize) {
            return invalid("index " + index + " is not in a tree of size " + treeSize);
        }
        @Nullable ProofVerification lengths = checkLengths(leafHash, "leaf hash", proof);
        if (lengths != null) {
            return lengths;
        }
        TreeHasher hasher = TreeHasher.local();
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash.clone();
        for (byte[] p : proof) {
            if (sn == 0) {
                return invalid(
                        "the proof has more hashes than a tree of size " + treeSize + " needs for index " + index);
            }
            if ((fn & 1) == 1 || fn == sn) {
                hasher.node(p, 0, r, 0, r, 0);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                hasher.node(r, 0, p, 0, r, 0);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            return invalid("the proof has fewer hashes than a tree of size " + treeSize + " needs for index " + index);
        }
        return matches(r, root, "the proof leads to root ");
    }

    /**
     * Verifies that the tree of {@code size1} leaves with root {@code root1} is a prefix of the tree of
     * {@code size2} leaves with root {@code root2}. A proof from the empty tree (size1 = 0) is rejected as
     * meaningless, as Go's {@code transparency-dev/merkle} does.
     */
    public static ProofVerification verifyConsistency(
            long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        if (size1 < 0 || size2 < 0) {
            return invalid("sizes must be 0 or more, got " + size1 + " and " + size2);
        }
        if (size2 < size1) {
            return invalid("size2 (" + size2 + ") is smaller than size1 (" + size1 + ")");
        }
        if (size1 == 0) {
            return invalid("a consistency proof from the empty tree is meaningless: every tree extends it");
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                return invalid(
                        "size1 equals size2, so the proof must be empty, but it has " + proof.size() + " hashes");
            }
            return matches(root1, root2, "equal sizes but root1 ");
        }
        if (proof.isEmpty()) {
            return invalid("the proof is empty, but trees of sizes " + size1 + " and " + size2 + " need one");
        }
        @Nullable ProofVerification lengths = checkLengths(root1, "root1", proof);
        if (lengths != null) {
            return lengths;
        }
        // RFC 9162 §2.1.4.2, steps 2 to 7.
        List<byte[]> path = proof;
        if (Long.bitCount(size1) == 1) {
            path = new ArrayList<>(proof.size() + 1);
            path.add(root1);
            path.addAll(proof);
        }
        TreeHasher hasher = TreeHasher.local();
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0).clone();
        byte[] sr = path.get(0).clone();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return invalid("the proof has more hashes than sizes " + size1 + " and " + size2 + " need");
            }
            if ((fn & 1) == 1 || fn == sn) {
                hasher.node(c, 0, fr, 0, fr, 0);
                hasher.node(c, 0, sr, 0, sr, 0);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                hasher.node(sr, 0, c, 0, sr, 0);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            return invalid("the proof has fewer hashes than sizes " + size1 + " and " + size2 + " need");
        }
        ProofVerification first = matches(fr, root1, "the proof leads to an older root ");
        return first.isValid() ? matches(sr, root2, "the proof leads to a newer root ") : first;
    }

    /**
     * Verifies that {@code leafHash} is leaf {@code index} of the subtree {@code [start, end)} whose hash is
     * {@code subtreeRoot}.
     */
    public static ProofVerification verifySubtreeInclusion(
            long index, long start, long end, byte[] leafHash, List<byte[]> proof, byte[] subtreeRoot) {
        if (index < 0 || start < 0 || end < 0) {
            return invalid("index, start and end must be 0 or more");
        }
        @Nullable String subtreeProblem = subtreeProblem(start, end);
        if (subtreeProblem != null) {
            return invalid(subtreeProblem);
        }
        if (index < start || index >= end) {
            return invalid("index " + index + " is outside the subtree [" + start + ", " + end + ")");
        }
        return verifyInclusion(index - start, end - start, leafHash, proof, subtreeRoot);
    }

    /**
     * Verifies that the subtree {@code [start, end)} with hash {@code subtreeRoot} belongs to the tree of
     * {@code size} leaves with root {@code root}. An empty subtree ({@code start == end}) verifies when its
     * hash is the empty root and the proof is empty, whatever the tree.
     */
    public static ProofVerification verifySubtreeConsistency(
            long start, long end, long size, List<byte[]> proof, byte[] subtreeRoot, byte[] root) {
        if (start < 0 || end < 0 || size < 0) {
            return invalid("start, end and size must be 0 or more");
        }
        @Nullable String subtreeProblem = subtreeProblem(start, end);
        if (subtreeProblem != null) {
            return invalid(subtreeProblem);
        }
        if (size < end) {
            return invalid("the subtree ends at " + end + ", beyond the tree of size " + size);
        }
        if (start == end) {
            if (!proof.isEmpty()) {
                return invalid("an empty subtree needs an empty proof, got " + proof.size() + " hashes");
            }
            return matches(subtreeRoot, EMPTY_ROOT, "an empty subtree has the empty root, not ");
        }
        if (start == 0 && size == end) {
            if (!proof.isEmpty()) {
                return invalid("the subtree is the whole tree, so the proof must be empty, but it has " + proof.size()
                        + " hashes");
            }
            return matches(subtreeRoot, root, "the subtree is the whole tree but its root ");
        }
        if (proof.isEmpty()) {
            return invalid("the proof is empty, but subtree [" + start + ", " + end + ") of a tree of size " + size
                    + " needs one");
        }
        @Nullable ProofVerification lengths = checkLengths(subtreeRoot, "subtree root", proof);
        if (lengths != null) {
            return lengths;
        }
        TreeHasher hasher = TreeHasher.local();
        if (end == size) {
            // The subtree ends at the tree's right edge: one left sibling per level where its ancestor is a
            // right child leads to the root.
            int level = bitLength((end - 1) ^ start);
            long nodeIndex = start >>> level;
            if (proof.size() != Long.bitCount(nodeIndex)) {
                return invalid("the proof has " + proof.size() + " hashes, want " + Long.bitCount(nodeIndex));
            }
            byte[] hash = subtreeRoot.clone();
            chainBorderRight(hasher, hash, proof);
            return matches(hash, root, "the proof leads to root ");
        }
        // Split where the paths to leaves end-1 and size-1 diverge.
        int forkLevel = bitLength((end - 1) ^ (size - 1));
        int border = Long.bitCount((end - 1) >>> forkLevel);
        int shift = Long.numberOfTrailingZeros(end - start);
        int inner = forkLevel - shift;
        byte[] seed = proof.get(0);
        int first = 1;
        if (end - start == 1L << shift) {
            // A perfect subtree is its own rightmost perfect subtree: its root is not repeated in the proof.
            seed = subtreeRoot;
            first = 0;
        }
        if (proof.size() != first + inner + border) {
            return invalid("the proof has " + proof.size() + " hashes, want " + (first + inner + border));
        }
        List<byte[]> rest = proof.subList(first, proof.size());
        long mask = (end - 1) >>> shift;
        if (first == 1) {
            int height = bitLength((end - 1) ^ start);
            int subInner = Math.min(height, forkLevel) - shift;
            int subBorder = Math.max(0, border - Long.bitCount((end - 1) >>> height));
            byte[] hash1 = seed.clone();
            chainInnerRight(hasher, hash1, rest.subList(0, subInner), mask);
            chainBorderRight(hasher, hash1, rest.subList(inner, inner + subBorder));
            ProofVerification subtree = matches(hash1, subtreeRoot, "the proof leads to a subtree root ");
            if (!subtree.isValid()) {
                return subtree;
            }
        }
        byte[] hash2 = seed.clone();
        chainInner(hasher, hash2, rest.subList(0, inner), mask);
        chainBorderRight(hasher, hash2, rest.subList(inner, rest.size()));
        return matches(hash2, root, "the proof leads to root ");
    }

    static List<byte[]> raw(List<Hash> hashes) {
        List<byte[]> raw = new ArrayList<>(hashes.size());
        for (Hash hash : hashes) {
            raw.add(hash.bytes());
        }
        return raw;
    }

    /** Why {@code [start, end)} is not a subtree, or null if it is one. */
    private static @Nullable String subtreeProblem(long start, long end) {
        if (start > end) {
            return "subtree start " + start + " is after its end " + end;
        }
        if (start == 0 || start == end) {
            return null;
        }
        long length = end - start;
        long ceiling = length <= 1 ? 1 : 1L << bitLength(length - 1);
        if ((start & (ceiling - 1)) != 0) {
            return "[" + start + ", " + end + ") is not a subtree: start must be a multiple of " + ceiling;
        }
        return null;
    }

    private static void chainInner(TreeHasher hasher, byte[] seed, List<byte[]> proof, long index) {
        for (int i = 0; i < proof.size(); i++) {
            if (((index >>> i) & 1) == 0) {
                hasher.node(seed, 0, proof.get(i), 0, seed, 0);
            } else {
                hasher.node(proof.get(i), 0, seed, 0, seed, 0);
            }
        }
    }

    private static void chainInnerRight(TreeHasher hasher, byte[] seed, List<byte[]> proof, long index) {
        for (int i = 0; i < proof.size(); i++) {
            if (((index >>> i) & 1) == 1) {
                hasher.node(proof.get(i), 0, seed, 0, seed, 0);
            }
        }
    }

    private static void chainBorderRight(TreeHasher hasher, byte[] seed, List<byte[]> proof) {
        for (byte[] p : proof) {
            hasher.node(p, 0, seed, 0, seed, 0);
        }
    }

    private static int bitLength(long x) {
        return 64 - Long.numberOfLeadingZeros(x);
    }

    private static @Nullable ProofVerification checkLengths(byte[] seed, String seedName, List<byte[]> proof) {
        if (seed.length != Hash.SIZE) {
            return invalid(seedName + " has " + seed.length + " bytes, want " + Hash.SIZE);
        }
        for (int i = 0; i < proof.size(); i++) {
            if (proof.get(i).length != Hash.SIZE) {
                return invalid("proof hash " + i + " has " + proof.get(i).length + " bytes, want " + Hash.SIZE);
            }
        }
        return null;
    }

    private static ProofVerification matches(byte[] computed, byte[] expected, String prefix) {
        if (Arrays.equals(computed, expected)) {
            return new ProofVerification.Valid();
        }
        return invalid(prefix + base64(computed) + ", not the expected " + base64(expected));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static ProofVerification invalid(String reason) {
        return new ProofVerification.Invalid(reason);
    }
}
