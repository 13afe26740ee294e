package kz.qorgau.ledger;

import java.util.List;

/**
 * An RFC 9162 §2.1.4 consistency proof that the tree of {@code fromSize} leaves is a prefix of the tree of
 * {@code toSize} leaves.
 *
 * @param fromSize the older, smaller tree size (at least 1)
 * @param toSize the newer tree size
 * @param hashes the proof nodes
 */
public record ConsistencyProof(long fromSize, long toSize, List<Hash> hashes) {

    /** Copies the hash list. */
    public ConsistencyProof {
        hashes = List.copyOf(hashes);
    }

    /** Verifies this proof between two roots as RFC 9162 §2.1.4.2 says. O(log n). */
    public ProofVerification verify(Hash fromRoot, Hash toRoot) {
        return ProofVerifier.verifyConsistency(
                fromSize, toSize, ProofVerifier.raw(hashes), fromRoot.bytes(), toRoot.bytes());
    }
}
