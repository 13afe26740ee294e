package kz.qorgau.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link HashStore} must have. Each implementation gets a subclass that says how to make
 * an empty store (the server's JDBC store: fresh tables, or a truncated {@code ledger_nodes}).
 */
public abstract class HashStoreContractTest {

    /** A new store with no nodes. */
    protected abstract HashStore newEmptyStore();

    @Test
    void anEmptyStoreHasNoNodes() {
        HashStore store = newEmptyStore();
        assertThat(store.read(new NodeAddress(0, 0))).isEmpty();
        assertThat(store.readAll(List.of(new NodeAddress(0, 0), new NodeAddress(3, 1))))
                .isEmpty();
    }

    @Test
    void writtenNodesAreReadBackOneByOneAndTogether() {
        HashStore store = newEmptyStore();
        Hash a = Hash.sha256(new byte[] {1});
        Hash b = Hash.sha256(new byte[] {2});
        Hash c = Hash.sha256(new byte[] {3});
        store.write(List.of(new TreeNode(0, 0, a)));
        store.write(List.of(new TreeNode(0, 1, b), new TreeNode(1, 0, c)));

        assertThat(store.read(new NodeAddress(0, 0))).contains(a);
        assertThat(store.read(new NodeAddress(0, 1))).contains(b);
        assertThat(store.read(new NodeAddress(1, 0))).contains(c);
        assertThat(store.read(new NodeAddress(1, 1))).isEmpty();
        assertThat(store.readAll(List.of(
                        new NodeAddress(0, 0), new NodeAddress(1, 0), new NodeAddress(2, 0), new NodeAddress(0, 1))))
                .isEqualTo(Map.of(new NodeAddress(0, 0), a, new NodeAddress(1, 0), c, new NodeAddress(0, 1), b));
    }

    @Test
    void levelsAndIndexesAreKeptApart() {
        HashStore store = newEmptyStore();
        List<TreeNode> nodes = new ArrayList<>();
        for (int level = 0; level <= NodeAddress.MAX_LEVEL; level += 7) {
            long index = level == 0 ? 5_000_000_000L : (1L << (NodeAddress.MAX_LEVEL - level)) - 1;
            nodes.add(new TreeNode(level, index, Hash.sha256(new byte[] {(byte) level})));
        }
        store.write(nodes);
        for (TreeNode node : nodes) {
            assertThat(store.read(node.address())).as("%s", node.address()).contains(node.hash());
            assertThat(store.read(new NodeAddress(node.level(), node.index() - 1)))
                    .isEmpty();
        }
    }

    @Test
    void anExistingNodeIsNeverOverwrittenAndTheRefusedWriteKeepsNothing() {
        HashStore store = newEmptyStore();
        Hash original = Hash.sha256(new byte[] {1});
        store.write(List.of(new TreeNode(0, 0, original)));

        Hash forged = Hash.sha256(new byte[] {2});
        Hash innocent = Hash.sha256(new byte[] {3});
        assertThatThrownBy(() -> store.write(List.of(new TreeNode(0, 1, innocent), new TreeNode(0, 0, forged))))
                .isInstanceOf(RuntimeException.class);

        assertThat(store.read(new NodeAddress(0, 0))).contains(original);
        assertThat(store.read(new NodeAddress(0, 1))).isEmpty();
    }

    @Test
    void aLogOverTheStoreGivesCorrectRootsAndProofsAndRestoresItsState() {
        HashStore store = newEmptyStore();
        MerkleLog log = MerkleLog.create(store);
        Random random = new Random(7);
        List<Hash> leaves = new ArrayList<>();
        for (int i = 0; i < 77; i++) {
            byte[] entry = new byte[16];
            random.nextBytes(entry);
            leaves.add(log.append(entry).leafHash());
        }
        ReferenceTree reference = new ReferenceTree(leaves);
        for (int size = 0; size <= leaves.size(); size++) {
            assertThat(log.rootAt(size)).isEqualTo(reference.root(size));
        }
        for (int size = 1; size <= leaves.size(); size += 5) {
            for (int index = 0; index < size; index += 3) {
                assertThat(log.inclusionProof(index, size)
                                .verify(leaves.get(index), reference.root(size))
                                .isValid())
                        .isTrue();
            }
            assertThat(log.consistencyProof(size, leaves.size())
                            .verify(reference.root(size), reference.root(leaves.size()))
                            .isValid())
                    .isTrue();
        }

        MerkleLog restored = MerkleLog.restore(store, leaves.size());
        assertThat(restored.state()).isEqualTo(log.state());
        Hash next = Hash.sha256(new byte[] {42});
        assertThat(restored.appendLeafHash(next).next().root())
                .isEqualTo(new ReferenceTree(append(leaves, next)).root(leaves.size() + 1));
    }

    @Test
    void restoringASizeTheStoreDoesNotCoverFailsClearly() {
        HashStore store = newEmptyStore();
        MerkleLog log = MerkleLog.create(store);
        for (int i = 0; i < 5; i++) {
            log.append(new byte[] {(byte) i});
        }
        assertThatThrownBy(() -> LogState.restore(9, store))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no node")
                .hasMessageContaining("9 entries");
    }

    private static List<Hash> append(List<Hash> list, Hash hash) {
        List<Hash> copy = new ArrayList<>(list);
        copy.add(hash);
        return copy;
    }
}
