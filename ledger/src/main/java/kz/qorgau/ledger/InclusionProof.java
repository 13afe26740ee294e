package kz.qorgau.ledger;

import java.util.List;

/**
 * An RFC 9162 §2.1.3 inclusion proof: the audit path from leaf {@code index} to the root of the tree of
 * {@code treeSize} leaves, lowest sibling first.
 *
 * @param index the leaf's index
 * @param treeSize the size of the tree the proof leads to
 * @param hashes the audit path
 */
public record InclusionProof(long index, long treeSize, List<Hash> hashes) {

    /** Copies the hash list. */
    public InclusionProof {
        hashes = List.copyOf(hashes);
    }

    /** Verifies this proof for {@code leafHash} against {@code root} as RFC 9162 §2.1.3.2 says. O(log n). */
    public ProofVerification verify(Hash leafHash, Hash root) {
        return ProofVerifier.verifyInclusion(
                index, treeSize, leafHash.bytes(), ProofVerifier.raw(hashes), root.bytes());
    }
}
