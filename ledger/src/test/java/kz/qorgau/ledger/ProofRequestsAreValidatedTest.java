package kz.qorgau.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proof and root requests no tree can answer are refused naming the parameter at fault (HTTP 400). */
class ProofRequestsAreValidatedTest {

    private MerkleLog log;

    @BeforeEach
    void tenEntries() {
        log = MerkleLog.create(HashStore.inMemory());
        for (int i = 0; i < 10; i++) {
            log.append(new byte[] {(byte) i});
        }
    }

    @Test
    void anIndexNotBelowTheTreeSizeIsRefused() {
        assertRefused(() -> log.inclusionProof(5, 5), "index", "index 5 is not in a tree of size 5");
        assertRefused(() -> log.inclusionProof(9, 3), "index", "must be less than treeSize");
    }

    @Test
    void aTreeLargerThanTheLogIsRefused() {
        assertRefused(() -> log.inclusionProof(0, 11), "treeSize", "larger than the log, which has 10 entries");
        assertRefused(() -> log.consistencyProof(2, 11), "to", "at most 10");
        assertRefused(() -> log.rootAt(11), "treeSize", "larger than the log");
    }

    @Test
    void negativeNumbersAreRefused() {
        assertRefused(() -> log.inclusionProof(-1, 5), "index", "0 or more");
        assertRefused(() -> log.inclusionProof(0, -5), "treeSize", "0 or more");
        assertRefused(() -> log.consistencyProof(-1, 5), "from", "0 or more");
        assertRefused(() -> log.consistencyProof(1, -5), "to", "0 or more");
        assertRefused(() -> log.rootAt(-1), "treeSize", "0 or more");
    }

    @Test
    void fromLargerThanToIsRefused() {
        assertRefused(() -> log.consistencyProof(7, 3), "from", "from 7 is larger than to 3");
    }

    @Test
    void aConsistencyProofFromTheEmptyTreeIsRefused() {
        assertRefused(() -> log.consistencyProof(0, 3), "from", "at least 1");
    }

    @Test
    void anInclusionProofInAnEmptyTreeIsRefused() {
        assertRefused(() -> log.inclusionProof(0, 0), "index", "not in a tree of size 0");
    }

    @Test
    void equalSizesGiveAnEmptyConsistencyProofAndTheEmptyTreeHasTheEmptyRoot() {
        assertThat(log.consistencyProof(4, 4).hashes()).isEmpty();
        assertThat(log.rootAt(0)).isEqualTo(MerkleHashing.emptyRoot());
        assertThat(MerkleHashing.emptyRoot().toBase64()).isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    }

    private static void assertRefused(Runnable request, String parameter, String messagePart) {
        assertThatThrownBy(request::run)
                .isInstanceOfSatisfying(
                        InvalidProofRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo(parameter))
                .hasMessageContaining(messagePart);
    }
}
