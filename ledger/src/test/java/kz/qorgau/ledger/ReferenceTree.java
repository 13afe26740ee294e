package kz.qorgau.ledger;

import java.util.ArrayList;
import java.util.List;

/** RFC 9162 §2.1 written as its recursive definitions over a list of leaf hashes: slow and obviously right. */
final class ReferenceTree {

    private final List<Hash> leaves;

    ReferenceTree(List<Hash> leaves) {
        this.leaves = List.copyOf(leaves);
    }

    /** MTH(D[lo:hi]). */
    Hash mth(int lo, int hi) {
        if (hi - lo == 0) {
            return MerkleHashing.emptyRoot();
        }
        if (hi - lo == 1) {
            return leaves.get(lo);
        }
        int k = Integer.highestOneBit(hi - lo - 1);
        return MerkleHashing.nodeHash(mth(lo, lo + k), mth(lo + k, hi));
    }

    Hash root(int size) {
        return mth(0, size);
    }

    /** PATH(m, D[0:n]). */
    List<Hash> path(int m, int n) {
        return path(m, 0, n);
    }

    private List<Hash> path(int m, int lo, int hi) {
        List<Hash> out = new ArrayList<>();
        if (hi - lo <= 1) {
            return out;
        }
        int k = Integer.highestOneBit(hi - lo - 1);
        if (m - lo < k) {
            out.addAll(path(m, lo, lo + k));
            out.add(mth(lo + k, hi));
        } else {
            out.addAll(path(m, lo + k, hi));
            out.add(mth(lo, lo + k));
        }
        return out;
    }

    /** PROOF(m, D[0:n]) = SUBPROOF(m, D[n], true). */
    List<Hash> consistency(int m, int n) {
        return subproof(m, 0, n, true);
    }

    private List<Hash> subproof(int m, int lo, int hi, boolean whole) {
        List<Hash> out = new ArrayList<>();
        if (m == hi - lo) {
            if (!whole) {
                out.add(mth(lo, hi));
            }
            return out;
        }
        int k = Integer.highestOneBit(hi - lo - 1);
        if (m <= k) {
            out.addAll(subproof(m, lo, lo + k, whole));
            out.add(mth(lo + k, hi));
        } else {
            out.addAll(subproof(m - k, lo + k, hi, false));
            out.add(mth(lo, lo + k));
        }
        return out;
    }
}
