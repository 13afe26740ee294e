package kz.qorgau.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests over random trees of many sizes (1, 2, powers of two and their neighbours): the log's roots
 * and proofs equal the RFC's recursive definitions, every proof verifies, and any flipped bit, wrong index or
 * wrong size is rejected.
 */
class MerkleLogPropertiesTest {

    /** Up to this size every (index, size) and (from, to) pair is checked; above it a seeded sample. */
    private static final int EXHAUSTIVE_UP_TO = 40;

    private static final int SAMPLES = 150;

    static Stream<Integer> sizes() {
        List<Integer> sizes = new ArrayList<>(List.of(1, 2, 3, 5, 6, 7, 100, 1000));
        for (int power = 2; power <= 1024; power *= 2) {
            sizes.addAll(List.of(power - 1, power, power + 1));
        }
        return sizes.stream().distinct().sorted();
    }

    @ParameterizedTest(name = "size {0}")
    @MethodSource("sizes")
    void rootsAtEverySizeEqualTheRecursiveDefinition(int n) {
        Fixture f = new Fixture(n);
        CompactMerkleTree compact = new CompactMerkleTree();
        for (int size = 0; size <= n; size++) {
            Hash expected = f.reference.root(size);
            assertThat(f.log.rootAt(size)).as("rootAt(%d)", size).isEqualTo(expected);
            assertThat(compact.root()).as("compact tree at %d", size).isEqualTo(expected);
            if (size < n) {
                compact.appendEntry(f.entries.get(size));
                assertThat(compact.lastLeafHash()).isEqualTo(f.leafHashes.get(size));
            }
        }
        assertThat(f.log.root()).isEqualTo(f.reference.root(n));
        assertThat(LogState.restore(n, f.store)).isEqualTo(f.log.state());
        assertThat(LogState.restore(n, f.store).root()).isEqualTo(f.reference.root(n));
    }

    @ParameterizedTest(name = "size {0}")
    @MethodSource("sizes")
    void everyAppendWritesTheLeafAndTheParentsItCompletes(int n) {
        HashStore store = HashStore.inMemory();
        MerkleLog log = MerkleLog.create(store);
        Random random = new Random(n);
        long written = 0;
        for (int i = 0; i < n; i++) {
            AppendPlan plan = log.append(randomEntry(random));
            assertThat(plan.index()).isEqualTo(i);
            assertThat(plan.nodes()).hasSize(1 + Long.numberOfTrailingZeros(~(long) i));
            assertThat(plan.nodes().get(0)).isEqualTo(new TreeNode(0, i, plan.leafHash()));
            written += plan.nodes().size();
        }
        // Every perfect subtree is stored exactly once: n leaves, n - popcount(n) interior nodes.
        assertThat(written).isEqualTo(2L * n - Integer.bitCount(n));
    }

    @ParameterizedTest(name = "size {0}")
    @MethodSource("sizes")
    void inclusionProofsMatchTheRfcAndVerifyAndCorruptionsFail(int n) {
        Fixture f = new Fixture(n);
        for (int[] pair : inclusionPairs(n)) {
            int index = pair[0];
            int size = pair[1];
            InclusionProof proof = f.log.inclusionProof(index, size);
            Hash leaf = f.leafHashes.get(index);
            Hash root = f.reference.root(size);
            String what = "inclusion of " + index + " in " + size;
            assertThat(proof.hashes()).as(what).isEqualTo(f.reference.path(index, size));
            assertThat(proof.verify(leaf, root).isValid()).as(what).isTrue();

            List<byte[]> raw = raw(proof.hashes());
            for (int element = 0; element < raw.size(); element++) {
                List<byte[]> flipped = flipBit(raw, element, f.random);
                assertThat(ProofVerifier.verifyInclusion(index, size, leaf.bytes(), flipped, root.bytes())
                                .isValid())
                        .as("%s with a bit flipped in hash %d", what, element)
                        .isFalse();
            }
            byte[] flippedLeaf = leaf.toByteArray();
            flippedLeaf[f.random.nextInt(Hash.SIZE)] ^= (byte) (1 << f.random.nextInt(8));
            assertThat(ProofVerifier.verifyInclusion(index, size, flippedLeaf, raw, root.bytes())
                            .isValid())
                    .as("%s with a bit flipped in the leaf", what)
                    .isFalse();
            byte[] flippedRoot = root.toByteArray();
            flippedRoot[f.random.nextInt(Hash.SIZE)] ^= (byte) (1 << f.random.nextInt(8));
            assertThat(ProofVerifier.verifyInclusion(index, size, leaf.bytes(), raw, flippedRoot)
                            .isValid())
                    .as("%s against a root with a bit flipped", what)
                    .isFalse();

            for (long wrongIndex : new long[] {index - 1L, index + 1L, index ^ 1L, index ^ 2L, size}) {
                if (wrongIndex != index) {
                    assertThat(ProofVerifier.verifyInclusion(wrongIndex, size, leaf.bytes(), raw, root.bytes())
                                    .isValid())
                            .as("%s claimed for index %d", what, wrongIndex)
                            .isFalse();
                }
            }
            for (long wrongSize : new long[] {size - 1L, size + 1L, size * 2L, size / 2L, size + 7L}) {
                if (wrongSize == size) {
                    continue;
                }
                if (wrongSize > index && wrongSize <= n) {
                    // A size always travels with its own root (a checkpoint binds them): that must fail.
                    assertThat(ProofVerifier.verifyInclusion(
                                            index,
                                            wrongSize,
                                            leaf.bytes(),
                                            raw,
                                            f.reference.root((int) wrongSize).bytes())
                                    .isValid())
                            .as("%s claimed for size %d with that size's root", what, wrongSize)
                            .isFalse();
                }
                // With the original root a wrong size can only pass where RFC 9162 cannot tell the sizes apart:
                // the audit path has exactly the same shape.
                boolean accepted = ProofVerifier.verifyInclusion(index, wrongSize, leaf.bytes(), raw, root.bytes())
                        .isValid();
                if (accepted) {
                    assertThat(inclusionShape(index, wrongSize))
                            .as("%s accepted for size %d", what, wrongSize)
                            .isEqualTo(inclusionShape(index, size));
                }
            }
            if (!raw.isEmpty()) {
                assertThat(ProofVerifier.verifyInclusion(
                                        index, size, leaf.bytes(), raw.subList(0, raw.size() - 1), root.bytes())
                                .isValid())
                        .as("%s with its last hash removed", what)
                        .isFalse();
            }
            List<byte[]> longer = new ArrayList<>(raw);
            longer.add(root.bytes());
            assertThat(ProofVerifier.verifyInclusion(index, size, leaf.bytes(), longer, root.bytes())
                            .isValid())
                    .as("%s with a hash appended", what)
                    .isFalse();
        }
    }

    @ParameterizedTest(name = "size {0}")
    @MethodSource("sizes")
    void consistencyProofsMatchTheRfcAndVerifyAndCorruptionsFail(int n) {
        Fixture f = new Fixture(n);
        for (int[] pair : consistencyPairs(n)) {
            int from = pair[0];
            int to = pair[1];
            ConsistencyProof proof = f.log.consistencyProof(from, to);
            Hash fromRoot = f.reference.root(from);
            Hash toRoot = f.reference.root(to);
            String what = "consistency " + from + " -> " + to;
            assertThat(proof.hashes()).as(what).isEqualTo(f.reference.consistency(from, to));
            assertThat(proof.verify(fromRoot, toRoot).isValid()).as(what).isTrue();
            if (from == to) {
                assertThat(proof.hashes()).isEmpty();
                continue;
            }
            List<byte[]> raw = raw(proof.hashes());
            for (int element = 0; element < raw.size(); element++) {
                assertThat(ProofVerifier.verifyConsistency(
                                        from, to, flipBit(raw, element, f.random), fromRoot.bytes(), toRoot.bytes())
                                .isValid())
                        .as("%s with a bit flipped in hash %d", what, element)
                        .isFalse();
            }
            assertThat(ProofVerifier.verifyConsistency(from, to, raw, toRoot.bytes(), fromRoot.bytes())
                            .isValid())
                    .as("%s with the roots swapped", what)
                    .isFalse();
            assertThat(ProofVerifier.verifyConsistency(
                                    from, to, raw.subList(0, raw.size() - 1), fromRoot.bytes(), toRoot.bytes())
                            .isValid())
                    .as("%s truncated", what)
                    .isFalse();
            for (long wrongFrom : new long[] {from - 1L, from + 1L, from ^ 2L, from * 2L}) {
                if (wrongFrom == from || wrongFrom < 1 || wrongFrom > to) {
                    continue;
                }
                assertThat(ProofVerifier.verifyConsistency(
                                        wrongFrom,
                                        to,
                                        raw,
                                        f.reference.root((int) wrongFrom).bytes(),
                                        toRoot.bytes())
                                .isValid())
                        .as("%s claimed from %d with that size's root", what, wrongFrom)
                        .isFalse();
            }
            for (long wrongTo : new long[] {to - 1L, to + 1L, to * 2L, to / 2L}) {
                if (wrongTo == to || wrongTo < from) {
                    continue;
                }
                if (wrongTo <= n) {
                    assertThat(ProofVerifier.verifyConsistency(
                                            from,
                                            wrongTo,
                                            raw,
                                            fromRoot.bytes(),
                                            f.reference.root((int) wrongTo).bytes())
                                    .isValid())
                            .as("%s claimed to %d with that size's root", what, wrongTo)
                            .isFalse();
                }
                boolean accepted = ProofVerifier.verifyConsistency(from, wrongTo, raw, fromRoot.bytes(), toRoot.bytes())
                        .isValid();
                if (accepted) {
                    assertThat(consistencyShape(from, wrongTo))
                            .as("%s accepted for size %d", what, wrongTo)
                            .isEqualTo(consistencyShape(from, to));
                }
            }
        }
    }

    /** The left/right steps RFC 9162 §2.1.3.2 takes for (index, size): two sizes with equal shapes are alike. */
    static List<String> inclusionShape(long index, long size) {
        List<String> shape = new ArrayList<>();
        long fn = index;
        long sn = size - 1;
        while (sn > 0) {
            if ((fn & 1) == 1 || fn == sn) {
                shape.add("L");
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                shape.add("R");
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return shape;
    }

    /** The steps RFC 9162 §2.1.4.2 takes for (size1, size2). */
    static List<String> consistencyShape(long size1, long size2) {
        List<String> shape = new ArrayList<>();
        shape.add(Long.bitCount(size1) == 1 ? "seed=root1" : "seed=proof");
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        while (sn > 0) {
            if ((fn & 1) == 1 || fn == sn) {
                shape.add("both");
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                shape.add("second");
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return shape;
    }

    private static List<int[]> inclusionPairs(int n) {
        if (n <= EXHAUSTIVE_UP_TO) {
            return IntStream.rangeClosed(1, n)
                    .boxed()
                    .flatMap(size -> IntStream.range(0, size).mapToObj(index -> new int[] {index, size}))
                    .toList();
        }
        Random random = new Random(n * 31L);
        List<int[]> pairs = new ArrayList<>();
        pairs.add(new int[] {0, n});
        pairs.add(new int[] {n - 1, n});
        for (int i = 0; i < SAMPLES; i++) {
            int size = 1 + random.nextInt(n);
            pairs.add(new int[] {random.nextInt(size), size});
        }
        return pairs;
    }

    private static List<int[]> consistencyPairs(int n) {
        if (n <= EXHAUSTIVE_UP_TO) {
            return IntStream.rangeClosed(1, n)
                    .boxed()
                    .flatMap(to -> IntStream.rangeClosed(1, to).mapToObj(from -> new int[] {from, to}))
                    .toList();
        }
        Random random = new Random(n * 37L);
        List<int[]> pairs = new ArrayList<>();
        pairs.add(new int[] {1, n});
        pairs.add(new int[] {n - 1, n});
        pairs.add(new int[] {Integer.highestOneBit(n), n});
        for (int i = 0; i < SAMPLES; i++) {
            int to = 1 + random.nextInt(n);
            pairs.add(new int[] {1 + random.nextInt(to), to});
        }
        return pairs;
    }

    private static List<byte[]> raw(List<Hash> hashes) {
        return hashes.stream().map(Hash::toByteArray).toList();
    }

    private static List<byte[]> flipBit(List<byte[]> proof, int element, Random random) {
        List<byte[]> copy = new ArrayList<>(proof.size());
        for (byte[] hash : proof) {
            copy.add(hash.clone());
        }
        copy.get(element)[random.nextInt(Hash.SIZE)] ^= (byte) (1 << random.nextInt(8));
        return copy;
    }

    static byte[] randomEntry(Random random) {
        byte[] entry = new byte[1 + random.nextInt(120)];
        random.nextBytes(entry);
        return entry;
    }

    /** A log of n random entries with its reference tree. */
    private static final class Fixture {
        final Random random;
        final HashStore store = HashStore.inMemory();
        final MerkleLog log = MerkleLog.create(store);
        final List<byte[]> entries = new ArrayList<>();
        final List<Hash> leafHashes = new ArrayList<>();
        final ReferenceTree reference;

        Fixture(int n) {
            random = new Random(1_000_003L * n);
            for (int i = 0; i < n; i++) {
                byte[] entry = randomEntry(random);
                entries.add(entry);
                leafHashes.add(log.append(entry).leafHash());
            }
            reference = new ReferenceTree(leafHashes);
        }
    }
}
