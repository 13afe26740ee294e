package kz.qorgau.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every transparency-dev/merkle vector in {@code shared/vectors/rfc6962-merkle}: each {@code wantErr: false}
 * case verifies and each {@code wantErr: true} case is rejected; happy paths are also regenerated from a log.
 */
class Rfc6962VectorsTest {

    /** The leaves the vectors were generated from (transparency-dev/merkle's test leaves). */
    private static final List<byte[]> VECTOR_LEAVES = Stream.of(
                    "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")
            .map(HexFormat.of()::parseHex)
            .toList();

    @TestFactory
    Stream<DynamicTest> inclusionVectorsAreAcceptedOrRejectedAsTheySay() {
        return vectors("inclusion")
                .map(v -> DynamicTest.dynamicTest(v.name(), () -> {
                    ProofVerification result = fitsLong(v, "leafIdx", "treeSize")
                            ? ProofVerifier.verifyInclusion(
                                    v.number("leafIdx"),
                                    v.number("treeSize"),
                                    v.bytes("leafHash"),
                                    v.proof(),
                                    v.bytes("root"))
                            : new ProofVerification.Invalid("unrepresentable");
                    assertOutcome(v, result);
                }));
    }

    @TestFactory
    Stream<DynamicTest> consistencyVectorsAreAcceptedOrRejectedAsTheySay() {
        return vectors("consistency")
                .map(v -> DynamicTest.dynamicTest(v.name(), () -> {
                    ProofVerification result = fitsLong(v, "size1", "size2")
                            ? ProofVerifier.verifyConsistency(
                                    v.number("size1"), v.number("size2"), v.proof(), v.bytes("root1"), v.bytes("root2"))
                            : new ProofVerification.Invalid("unrepresentable");
                    assertOutcome(v, result);
                }));
    }

    @TestFactory
    Stream<DynamicTest> subtreeInclusionVectorsAreAcceptedOrRejectedAsTheySay() {
        return vectors("subtreeinclusion")
                .map(v -> DynamicTest.dynamicTest(v.name(), () -> {
                    ProofVerification result = fitsLong(v, "leafIdx", "start", "end")
                            ? ProofVerifier.verifySubtreeInclusion(
                                    v.number("leafIdx"),
                                    v.number("start"),
                                    v.number("end"),
                                    v.bytes("leafHash"),
                                    v.proof(),
                                    v.bytes("root"))
                            : new ProofVerification.Invalid("unrepresentable");
                    assertOutcome(v, result);
                }));
    }

    @TestFactory
    Stream<DynamicTest> subtreeConsistencyVectorsAreAcceptedOrRejectedAsTheySay() {
        return vectors("subtreeconsistency")
                .map(v -> DynamicTest.dynamicTest(v.name(), () -> {
                    ProofVerification result = fitsLong(v, "start", "end", "size")
                            ? ProofVerifier.verifySubtreeConsistency(
                                    v.number("start"),
                                    v.number("end"),
                                    v.number("size"),
                                    v.proof(),
                                    v.bytes("root1"),
                                    v.bytes("root2"))
                            : new ProofVerification.Invalid("unrepresentable");
                    assertOutcome(v, result);
                }));
    }

    @Test
    void theLogGeneratesExactlyTheHappyPathProofsOfTheVectors() {
        MerkleLog log = MerkleLog.create(HashStore.inMemory());
        VECTOR_LEAVES.forEach(log::append);
        List<Vector> inclusion = vectors("inclusion")
                .filter(v -> v.name().endsWith("happy-path.json"))
                .filter(v -> v.number("treeSize") <= 8)
                .toList();
        List<Vector> consistency = vectors("consistency")
                .filter(v -> v.name().endsWith("happy-path.json"))
                .toList();
        assertThat(inclusion).hasSizeGreaterThanOrEqualTo(4);
        assertThat(consistency).hasSizeGreaterThanOrEqualTo(4);
        for (Vector v : inclusion) {
            InclusionProof proof = log.inclusionProof(v.number("leafIdx"), v.number("treeSize"));
            assertThat(base64(proof.hashes())).as(v.name()).isEqualTo(v.proofBase64());
            assertThat(log.rootAt(v.number("treeSize")).toBase64()).as(v.name()).isEqualTo(v.string("root"));
        }
        for (Vector v : consistency) {
            ConsistencyProof proof = log.consistencyProof(v.number("size1"), v.number("size2"));
            assertThat(base64(proof.hashes())).as(v.name()).isEqualTo(v.proofBase64());
        }
    }

    @Test
    void theVectorSetIsComplete() {
        assertThat(vectors("inclusion").count()).isGreaterThan(80);
        assertThat(vectors("consistency").count()).isGreaterThan(80);
        assertThat(vectors("subtreeinclusion").count()).isGreaterThan(100);
        assertThat(vectors("subtreeconsistency").count()).isGreaterThan(100);
    }

    private static void assertOutcome(Vector v, ProofVerification result) {
        if (v.wantError()) {
            assertThat(result)
                    .as("%s (%s) must be rejected", v.name(), v.string("desc"))
                    .isInstanceOf(ProofVerification.Invalid.class);
        } else {
            assertThat(result)
                    .as("%s (%s) must verify", v.name(), v.string("desc"))
                    .isEqualTo(new ProofVerification.Valid());
        }
    }

    /** Values beyond a long cannot be asked of this API; such vectors must be ones that expect rejection. */
    private static boolean fitsLong(Vector v, String... fields) {
        for (String field : fields) {
            if (((BigInteger) v.fields().get(field)).bitLength() > 63) {
                assertThat(v.wantError())
                        .as("%s has %s beyond a long", v.name(), field)
                        .isTrue();
                return false;
            }
        }
        return true;
    }

    private static List<String> base64(List<Hash> hashes) {
        return hashes.stream().map(Hash::toBase64).toList();
    }

    static Stream<Vector> vectors(String kind) {
        Path dir = SharedTestData.merkleVectors().resolve(kind);
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> paths =
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            List<Vector> vectors = new ArrayList<>();
            for (Path path : paths) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) MiniJson.parse(Files.readString(path));
                vectors.add(new Vector(dir.relativize(path).toString(), fields));
            }
            return vectors.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Vector(String name, Map<String, Object> fields) {

        long number(String field) {
            return ((BigInteger) fields.get(field)).longValueExact();
        }

        String string(String field) {
            return (String) fields.get(field);
        }

        byte[] bytes(String field) {
            return Base64.getDecoder().decode(string(field));
        }

        boolean wantError() {
            return (Boolean) fields.get("wantErr");
        }

        List<String> proofBase64() {
            Object proof = fields.get("proof");
            if (!(proof instanceof List<?> list)) {
                return List.of();
            }
            return list.stream().map(String.class::cast).toList();
        }

        List<byte[]> proof() {
            return proofBase64().stream().map(Base64.getDecoder()::decode).toList();
        }
    }
}
